// Text a table's last row carries over the page break where layout sees no table: the lines
// opening the next page inside one of its columns (a cell's last words, without the cell's rules
// around them) are laid out as paragraphs. Step 6's companion (table_join.h): they are made one
// row of one cell, placed where they stand, so the join can add them to the table they continue.
#pragma once

#include <optional>
#include <vector>

#include "pipeline/layout/blocks.h"

namespace oplex {

// The paragraphs that open the page after table block `table` ends (running heads aside, as
// `running_heads` marks them: furniture.h), lying inside one column of its last row, as a table of
// one row and one cell; nullopt when there are none or they open with a capital.
std::optional<Block> CarriedText(const std::vector<Block>& blocks, size_t table,
                                 const std::vector<bool>& running_heads);

}  // namespace oplex
