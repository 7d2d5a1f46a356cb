// Merged cells of a ruled grid that their own words divide.
//
// The lattice (lattice.h) merges two neighbouring cells where no rule separates them. A scan
// keeps no rules inside a shaded header band, so the labels of a dozen columns land in one wide
// cell and run together. A merged cell is split at a boundary of its grid (a column's x, a
// row's y) when its words lie on both sides of it, none crosses it, and the words facing each
// other across it stand at least a line's height apart (the middle height of its words, whatever
// box OCR drew too tall): the gap of two columns' labels, or of a title and the labels under it,
// not of two words of one title ("PRESUPUESTO ANUAL AUTORIZADO" over three columns stays whole).
#pragma once

#include "pipeline/layout/grid.h"

namespace oplex {

void SplitCellsWordsDivide(Grid* grid);

}  // namespace oplex
