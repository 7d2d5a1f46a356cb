// Ruled grids from a page's rules (pipeline/layout/lattice.h), on rules placed by hand after
// real scans: the fisfin evaluation's page 1, where the foot of the dark header band was found
// over every column but the first, and the U079 report's faint page 2, whose table came apart;
// and on the rules a browser draws around each cell of a table on its own.
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

// A table as Chromium prints <table border=1>, in its pixels (0.75 point): the table's frame
// x 8-552, y 48-127, and each cell framed on its own 2 pixels inside the frame and from its
// neighbours' frames, every line a pixel wide. `foot`: where the frame's sides end (lower than
// the last row where the table goes on over the page break).
Graphics EveryCellFramed(double foot) {
  auto pt = [](double px) { return px * 0.75; };
  auto across = [&](double top, double x0, double x1) {
    return BBox{pt(x0), pt(top), pt(x1), pt(top + 1)};
  };
  auto down = [&](double left, double y0, double y1) {
    return BBox{pt(left), pt(y0), pt(left + 1), pt(y1)};
  };
  Graphics g;
  g.h_rules = {across(48, 8, 552), across(126, 8, 552)};
  g.v_rules = {down(8, 48, foot), down(551, 48, foot)};
  for (const auto& [top, bottom] : {std::pair(51, 74), std::pair(76, 99), std::pair(101, 124)}) {
    for (const auto& [left, right] : {std::pair(11, 45), std::pair(47, 334), std::pair(336, 549)}) {
      g.h_rules.push_back(across(top, left, right));
      g.h_rules.push_back(across(bottom - 1, left, right));
      g.v_rules.push_back(down(left, top, bottom));
      g.v_rules.push_back(down(right - 1, top, bottom));
    }
  }
  return g;
}

TEST(Lattice, TheTwoLinesOfADoubleRuleAreOneBoundary) {
  const std::vector<Grid> grids = FindLatticeTables(EveryCellFramed(127));
  ASSERT_EQ(grids.size(), 1u);
  const Grid& grid = grids.front();
  // Three rows and three columns, not a sliver between each cell and the next.
  ASSERT_EQ(grid.rows(), 3);
  ASSERT_EQ(grid.cols(), 3);
  EXPECT_EQ(grid.cells.size(), 9u);
  EXPECT_NEAR(grid.xs[1], 46 * 0.75, 1.5);
  EXPECT_NEAR(grid.ys[1], 75 * 0.75, 1.5);
  ExpectCellsTileTheGrid(grid);
}

TEST(Lattice, ADoubleRuleWhoseOuterLineRunsOnIsOneBoundaryWhereTheOuterLineIs) {
  // The table goes on over the page break: the frame's sides run on to the page's foot, below
  // the cells' own lines, and no line closes the frame.
  Graphics g = EveryCellFramed(170);
  g.h_rules.erase(g.h_rules.begin() + 1);
  const std::vector<Grid> grids = FindLatticeTables(g);
  ASSERT_EQ(grids.size(), 1u);
  const Grid& grid = grids.front();
  ASSERT_EQ(grid.cols(), 3);
  EXPECT_DOUBLE_EQ(grid.xs.front(), 8.5 * 0.75);
  EXPECT_DOUBLE_EQ(grid.xs.back(), 551.5 * 0.75);
  ExpectCellsTileTheGrid(grid);
}

TEST(Lattice, RulesCloseTogetherThatDoNotRunAlongEachOtherStayApart) {
  // Rows of two columns that do not line up: y 40 under the first column, y 43 under the
  // second. Neither runs along the other: they are two boundaries, each cutting its own column.
  Graphics g;
  g.h_rules = {Across(0, 0, 200), Across(40, 0, 100), Across(43, 100, 200), Across(80, 0, 200)};
  g.v_rules = {Down(0, 0, 80), Down(100, 0, 80), Down(200, 0, 80)};
  const std::vector<Grid> grids = FindLatticeTables(g);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids.front().rows(), 3);
  ExpectCellsTileTheGrid(grids.front());
}

}  // namespace
}  // namespace oplex
