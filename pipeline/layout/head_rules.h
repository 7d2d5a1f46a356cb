// Column rules of a header band that the body of the table contradicts.
//
// A scan keeps few rules inside a dark header band: the lattice (lattice.h) may find a rule there
// that the body never draws, and miss the one the body draws a few points away, so each label's
// cell straddles two body columns and every label lands one column off the cells it names
// ("PROYECTO" over the empty sliver right of the projects). A column boundary that only the top
// rows of a table draw, every row below crosses, and whose head cells straddle a boundary the body
// draws with every word of those cells on one side of it, is not a column when moving it to the
// body's nearest rule keeps those words in their cells: it is dropped, and the head cells' edges
// move to the nearest boundary the table keeps. A head cell whose words cross the body's
// boundary, or would fall out of it (a form's label over several columns), keeps its rules. Run
// before the page's `words` are given to cells.
#pragma once

#include "pipeline/layout/grid.h"

namespace oplex {

void SnapHeadToBodyColumns(Grid* grid, const std::vector<Word>& words);

}  // namespace oplex
