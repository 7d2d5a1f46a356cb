// Stream tables: tables without ruling lines, found from aligned whitespace.
//
// A run of at least three lines split by column gaps (with wrapped single-segment lines between
// them) is a table candidate. Its columns are where the run's segments leave the page empty
// (nearly every line agrees); each line is a row, each word goes to the column of its centre.
#pragma once

#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/layout/lines.h"

namespace oplex {

struct StreamTable {
  Grid grid;
  size_t first_line = 0, last_line = 0;  // the lines it was built from, [first, last)
};

std::vector<StreamTable> FindStreamTables(const std::vector<TextLine>& lines);

}  // namespace oplex
