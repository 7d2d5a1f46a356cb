// Step 3 of reading a table: what each column holds below the header — the share of each cell
// kind, how many words its cells have, whether its numbers or codes grow down the rows (a
// numbering column), and whether its cells open with a number ("12 (Por lo menos una al mes)").
#pragma once

#include <vector>

#include "extractors/table/typed_table.h"

namespace oplex {

// One per column; `body_from` is the first row below the header band.
std::vector<ColumnProfile> ProfileColumns(const std::vector<std::vector<TypedCell>>& rows,
                                          size_t body_from, size_t columns);

}  // namespace oplex
