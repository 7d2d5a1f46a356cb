// Stream tables: tables without ruling lines, found from aligned whitespace.
//
// A run of at least three lines split by column gaps (with wrapped single-segment lines between
// them), each at most two font sizes below the one before (a spreadsheet's rows set tall), or of
// two that close the page (a header whose body opens the next one), is a table candidate. Its
// columns are where the run's segments leave the page empty (nearly every line agrees); each line
// is a row, each word goes to the column of its centre. A header may set columns closer than a
// column gap: a row of short labels at an even step (month letters about a font size apart) is a
// label per column, the first and last of them as wide as the others (not as the whitespace beside
// them: a fill of the first month's cell covers its column), and a gap of the first line divides
// the body's words that stand apart under it; but between two labels of a ladder only the widest
// gap does (labels flush left over marks centred under them), unless a finer ladder's gap (weeks
// under months) holds it.
#pragma once

#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/layout/lines.h"

namespace oplex {

struct StreamTable {
  Grid grid;
  size_t first_line = 0, last_line = 0;  // the lines it was built from, [first, last)
  bool foot_header = false;  // fewer lines than a table needs, at the page's foot: a header
};

std::vector<StreamTable> FindStreamTables(const std::vector<TextLine>& lines);

// Lays `table` again on the columns `xs` of the table it goes on from (the one that closed the
// page before: its header may stand there alone, and this page's columns, found from fewer
// lines, stand elsewhere) when its columns fall in order into distinct columns of `xs` (each
// where the middle of its words stands: a total's label reaching over two columns does not move
// it).
void LayOnColumns(const std::vector<TextLine>& lines, const std::vector<double>& xs,
                  StreamTable* table);

}  // namespace oplex
