// Ruled cells broken over a page break: a table's last row runs on over the page, and a cell's
// text goes on in the first row of the table that opens the next page, where no rule closes the
// cell at the foot nor opens it at the top ("%Dete/rminac/iones/Jurisdi/cciona" on one page,
// "les" on the next). The cell is read again over both pages, so that a word broken at the
// cell's edge across the break is whole.
#pragma once

#include <string>
#include <vector>

#include "pipeline/decode/source.h"
#include "pipeline/layout/grid.h"

namespace oplex {

// The cells a ruled table leaves at a page's foot: its last row's (cells of one row and one
// column), with copies of their words (the page's words are gone when the next page is laid out).
struct FootCells {
  std::vector<double> xs;                // the table's column boundaries; empty: none
  std::vector<std::vector<Word>> words;  // per column, the words of its cell in the last row
  std::vector<BBox> boxes;               // per column, that cell's box
  // Per column, the text of the table's first row (its header, which the next page may print
  // again: "ene-23" there opens in lower case, and goes on no cell).
  std::vector<std::string> head;
};

// The last row's cells of `grid`, a table that closes its page.
FootCells CellsAtFoot(const Grid& grid);

// For each column of `foot` whose cell goes on at the top of `grid` (a table that opens the next
// page with the same columns, not with the header printed again; its first row's cell opens in
// lower case), the cell's words are
// taken out of `grid`, and the text of the whole cell, read over both pages, is returned at the
// column's index; other columns are returned empty.
std::vector<std::string> ReadAcrossBreak(const FootCells& foot, Grid* grid);

}  // namespace oplex
