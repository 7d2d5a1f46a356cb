// Lattice tables: tables drawn with ruling lines.
//
// Rules that cross one another form one table. Its column boundaries are the x of its vertical
// rules, its row boundaries the y of its horizontal rules (rules a little apart are one
// boundary; rules reaching past the outermost crossing rules add an open border). Between two
// neighbouring grid cells, a missing stretch of rule means one merged cell; a merged region
// that is no rectangle is cut at the row boundaries drawn across the table (a header cell whose
// foot rule a scan lost does not run into the body). Tables side by side, a few points apart,
// whose row boundaries are the same are pieces of one table a faint scan broke apart: one table.
#pragma once

#include <vector>

#include "pipeline/decode/source.h"
#include "pipeline/layout/grid.h"

namespace oplex {

std::vector<Grid> FindLatticeTables(const Graphics& graphics);

}  // namespace oplex
