// Rows of a ruled table that no rule separates.
//
// A table ruled down its columns only (a word processor's table without inside horizontal
// borders, a spreadsheet with vertical borders) draws no rule between its records: the lattice
// (lattice.h) finds one grid row holding them all, and every column's cell runs its records'
// texts together. A grid row is cut where whitespace runs across all its cells at least
// kRowGap lines high (lines wrapped inside a cell stand closer), or, where no such whitespace
// parts records set tight, above each line of the row's leftmost cell where it numbers them (a
// short number or code to a line, increasing: "1", "2", "3"), when the text on each side of the cut
// fills at least two cells: a record is a row of several fields, while a second paragraph of one
// cell ("Informe" over "Minuta") is no record of its own. Each cell of the row is cut with it, its
// words going to the part that holds their middle; its rules stay the row's borders.
#pragma once

#include "pipeline/layout/grid.h"

namespace oplex {

// Whitespace this many line sizes high (lines.h LineSize), across every cell of a row, may part
// two records.
inline constexpr double kRowGap = 0.5;

void SplitUnruledRows(Grid* grid);

}  // namespace oplex
