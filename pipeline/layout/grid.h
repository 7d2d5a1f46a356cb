// A table found on a page, as a grid of cells, before it becomes a Block.
//
// Lattice (ruled) and stream (whitespace) detection both produce a Grid: column and row
// boundaries, and the cells over them (a merged cell spans several rows or columns). Words are
// then given to the cell that holds their centre, and the grid becomes a table Block whose cells
// carry text, box and colour.
#pragma once

#include <functional>
#include <vector>

#include "pipeline/decode/source.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

struct GridCell {
  int row = 0, col = 0;
  int row_span = 1, col_span = 1;
  BBox bbox;
  std::vector<const Word*> words;
};

struct Grid {
  std::vector<double> xs;  // column boundaries, left to right (columns = xs.size() - 1)
  std::vector<double> ys;  // row boundaries, top to bottom
  std::vector<GridCell> cells;
  BBox bbox;
  bool ruled = false;  // drawn with rules (lattice): a cell's box is where its text must fit

  int rows() const { return static_cast<int>(ys.size()) - 1; }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
  // The cell holding the point, if any.
  GridCell* At(double x, double y);
};

// Cuts column `index` of the grid (`columns`) or its row `index` at `cuts` (inside it, in order):
// each cell alone in it becomes one cell a part, holding the words whose centre lies in that part;
// a cell merged over it, or one `whole` names, spans the parts; the columns or rows after it move
// on.
void CutGrid(Grid* grid, bool columns, int index, const std::vector<double>& cuts,
             const std::function<bool(const GridCell&)>& whole = nullptr);

// The table as a Block: one Row per grid row; a merged cell's text at its top-left position and
// covered positions empty. Cells get the colour of the page under them when the page was
// rendered. `next_line` numbers the rows (reading order across the document).
Block ToBlock(const Grid& grid, const Page& page, int* next_line);

// Whether two tables have the same columns: as many, each boundary within a few points.
bool SameColumns(const std::vector<double>& a, const std::vector<double>& b);

// The colour under a box: the fill covering most of it, or the page background.
Rgb ColorUnder(const BBox& box, const Graphics& graphics);

}  // namespace oplex
