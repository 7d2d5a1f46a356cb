// Columns of a ruled table that no rule separates.
//
// A schedule's months are often left unruled inside one ruled column: a Gantt chart's timeline,
// its month names over bars drawn across it, or a word processor's cell holding
// "E  F  M  A  M  J  J  A  S  O  N  D" over rows whose marks are typed under the letters. The
// lattice (lattice.h) finds one column there, and all the months run into one cell. A column is
// cut into as many columns as one of its cells holds labels, when that cell's last line is one
// ladder of labels (lines.h: short labels at an even step, at least four of them): at the middle
// between each two labels, where no word of the column's other cells crosses the cut. Each cell
// of the column is cut with it, its words going to the part that holds their centre; a cell
// merged over several columns takes the parts in. The labels may be the last line of their cell
// under a title ("Calendario 2025" over "E  F  M …"): the title gets a row of its own over them,
// spanning their columns, and the row's other cells span both rows.
#pragma once

#include "pipeline/layout/grid.h"

namespace oplex {

void SplitUnruledColumns(Grid* grid);

}  // namespace oplex
