// Ruled grids from a page's rules (pipeline/layout/lattice.h), on rules placed by hand after
// real scans: the fisfin evaluation's page 1, where the foot of the dark header band was found
// over every column but the first, and the U079 report's faint page 2, whose table came apart.
#include "pipeline/layout/lattice.h"

#include <gtest/gtest.h>

#include <vector>

namespace oplex {
namespace {

BBox Across(double y, double x0, double x1) { return BBox{x0, y - 0.5, x1, y + 0.5}; }
BBox Down(double x, double y0, double y1) { return BBox{x - 0.5, y0, x + 0.5, y1}; }

const GridCell* CellAt(const Grid& grid, int row, int col) {
  for (const GridCell& c : grid.cells) {
    if (c.row == row && c.col == col) return &c;
  }
  return nullptr;
}

// Every grid position is in exactly one cell.
void ExpectCellsTileTheGrid(const Grid& grid) {
  std::vector<int> owners(static_cast<size_t>(grid.rows() * grid.cols()), 0);
  for (const GridCell& c : grid.cells) {
    for (int r = c.row; r < c.row + c.row_span; ++r) {
      for (int k = c.col; k < c.col + c.col_span; ++k) {
        ++owners[static_cast<size_t>(r * grid.cols() + k)];
      }
    }
  }
  for (int n : owners) EXPECT_EQ(n, 1);
}

// Columns at x 0, 20 (No | PROYECTO), 70 (| INDICADOR), 140; a header band y 0-20 whose foot
// rule starts at x 10, so the first column's edge is not drawn; three body rows of 20.
Graphics HeaderFootMissingOverTheFirstColumn() {
  Graphics g;
  g.h_rules = {Across(0, 0, 140), Across(20, 10, 140), Across(40, 0, 140), Across(60, 0, 140),
               Across(80, 0, 140)};
  g.v_rules = {Down(0, 0, 80), Down(20, 0, 80), Down(70, 0, 80), Down(140, 0, 80)};
  return g;
}

TEST(Lattice, ARectangleNoRuleDividesIsOneCell) {
  const std::vector<Grid> grids = FindLatticeTables(HeaderFootMissingOverTheFirstColumn());
  ASSERT_EQ(grids.size(), 1u);
  const Grid& grid = grids.front();
  ASSERT_EQ(grid.rows(), 4);
  ASSERT_EQ(grid.cols(), 3);
  // The first column's header and first body cell are one cell: nothing divides them, and the
  // region is a rectangle (a cell printed over two rows looks the same).
  const GridCell* no = CellAt(grid, 0, 0);
  ASSERT_NE(no, nullptr);
  EXPECT_EQ(no->row_span, 2);
  ExpectCellsTileTheGrid(grid);
}

TEST(Lattice, ARegionThatIsNoRectangleIsCutAtTheRowDrawnAcrossTheTable) {
  // The header's first two labels share one cell (no rule between them in the band), and the
  // band's foot is lost over the first column only: the region is the band's two cells and the
  // first body cell, an L. It is cut at the band's foot, which is drawn across the table.
  Graphics g = HeaderFootMissingOverTheFirstColumn();
  g.v_rules = {Down(0, 0, 80), Down(20, 20, 80), Down(70, 0, 80), Down(140, 0, 80)};
  const std::vector<Grid> grids = FindLatticeTables(g);
  ASSERT_EQ(grids.size(), 1u);
  const Grid& grid = grids.front();
  const GridCell* head = CellAt(grid, 0, 0);
  ASSERT_NE(head, nullptr);
  EXPECT_EQ(head->row_span, 1);
  EXPECT_EQ(head->col_span, 2);
  const GridCell* first_code = CellAt(grid, 1, 0);
  ASSERT_NE(first_code, nullptr);
  EXPECT_EQ(first_code->row_span, 1);
  EXPECT_EQ(first_code->col_span, 1);
  ExpectCellsTileTheGrid(grid);
}

TEST(Lattice, ABodyCellSpanningRowsStaysWhole) {
  // A project printed once over its two indicators: no rule between them in its column.
  Graphics g;
  g.h_rules = {Across(0, 0, 140), Across(20, 0, 140), Across(40, 20, 140), Across(60, 0, 140)};
  g.v_rules = {Down(0, 0, 60), Down(20, 0, 60), Down(70, 0, 60), Down(140, 0, 60)};
  const std::vector<Grid> grids = FindLatticeTables(g);
  ASSERT_EQ(grids.size(), 1u);
  const GridCell* project = CellAt(grids.front(), 1, 0);
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->row_span, 2);
  ExpectCellsTileTheGrid(grids.front());
}

// A box of rules from x0 to x1 over the rows `ys` (each row boundary drawn across it).
void AddRuledBox(Graphics* g, double x0, double x1, const std::vector<double>& ys) {
  for (double y : ys) g->h_rules.push_back(Across(y, x0, x1));
  g->v_rules.push_back(Down(x0, ys.front(), ys.back()));
  g->v_rules.push_back(Down(x1, ys.front(), ys.back()));
}

TEST(Lattice, PiecesOfOneTableAFaintScanBrokeApartAreOneTable) {
  // The U079 report's page 2: the rows of one table at y 122.6, 151.6, 180 came out as pieces
  // 0-5 points apart whose rules no longer cross.
  Graphics g;
  AddRuledBox(&g, 10, 384, {122.6, 151.6, 179.8});
  AddRuledBox(&g, 384.5, 424, {122.6, 151.4, 179.8});
  AddRuledBox(&g, 429.5, 466, {123.1, 151.7, 180.2});
  const std::vector<Grid> grids = FindLatticeTables(g);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids.front().rows(), 2);
  // The columns of the pieces, and the 5-point gap between the last two as a column of its own.
  EXPECT_EQ(grids.front().cols(), 4);
  ExpectCellsTileTheGrid(grids.front());
}

TEST(Lattice, TablesSideBySideWithOtherRowsOrFarApartStayApart) {
  Graphics other_rows;
  AddRuledBox(&other_rows, 10, 200, {100, 120, 140});
  AddRuledBox(&other_rows, 204, 400, {100, 130, 160});
  EXPECT_EQ(FindLatticeTables(other_rows).size(), 2u);
  Graphics far_apart;
  AddRuledBox(&far_apart, 10, 200, {100, 120, 140});
  AddRuledBox(&far_apart, 240, 400, {100, 120, 140});
  EXPECT_EQ(FindLatticeTables(far_apart).size(), 2u);
}

}  // namespace
}  // namespace oplex
