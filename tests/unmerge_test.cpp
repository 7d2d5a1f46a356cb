// Merged cells that their own words divide (pipeline/layout/unmerge.h), on grids built by hand:
// the labels of three columns in one wide cell of a shaded header band a scan kept no rules in,
// a title over three columns, and a word across a boundary.
#include "pipeline/layout/unmerge.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

// A ruled grid of three columns (x 0-100-200-300) and two rows (y 0-20-40) whose first row is
// one cell over the three columns, holding `words`.
Grid HeaderOverThree(const std::vector<const Word*>& words) {
  Grid grid;
  grid.ruled = true;
  grid.xs = {0, 100, 200, 300};
  grid.ys = {0, 20, 40};
  grid.bbox = BBox{0, 0, 300, 40};
  GridCell header{0, 0, 1, 3, BBox{0, 0, 300, 20}, words};
  grid.cells.push_back(header);
  for (int c = 0; c < 3; ++c) {
    grid.cells.push_back(GridCell{1, c, 1, 1, BBox{100.0 * c, 20, 100.0 * c + 100, 40}, {}});
  }
  return grid;
}

const Word& Placed(std::deque<Word>& words, const std::string& text, double x0, double x1) {
  Word w;
  w.text = text;
  w.bbox = BBox{x0, 5, x1, 13};  // 8 points high
  return words.emplace_back(w);
}

const GridCell* CellAt(const Grid& grid, int row, int col) {
  for (const GridCell& c : grid.cells) {
    if (c.row == row && c.col == col) return &c;
  }
  return nullptr;
}

TEST(Unmerge, LabelsOfThreeColumnsInOneCellAreSplitAtTheirColumns) {
  std::deque<Word> words;
  Grid grid = HeaderOverThree({&Placed(words, "No.", 40, 55), &Placed(words, "PROYECTO", 120, 170),
                               &Placed(words, "INDICADOR", 220, 280)});
  SplitCellsWordsDivide(&grid);
  ASSERT_EQ(grid.cells.size(), 6u);
  for (int c = 0; c < 3; ++c) {
    const GridCell* cell = CellAt(grid, 0, c);
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(cell->col_span, 1);
    ASSERT_EQ(cell->words.size(), 1u);
    EXPECT_DOUBLE_EQ(cell->bbox.x0, 100.0 * c);
  }
  EXPECT_EQ(CellAt(grid, 0, 1)->words.front()->text, "PROYECTO");
}

TEST(Unmerge, ATitleWhoseWordsStandASpaceApartStaysWhole) {
  // "PRESUPUESTO ANUAL AUTORIZADO" centred over the three columns, its gaps falling on the
  // boundaries: a space (3 points) is less than a line's height.
  std::deque<Word> words;
  Grid grid =
      HeaderOverThree({&Placed(words, "PRESUPUESTO", 40, 99), &Placed(words, "ANUAL", 102, 130),
                       &Placed(words, "AUTORIZADO", 133, 199)});
  SplitCellsWordsDivide(&grid);
  EXPECT_EQ(grid.cells.size(), 4u);
  EXPECT_EQ(CellAt(grid, 0, 0)->col_span, 3);
}

TEST(Unmerge, AWordAcrossABoundaryKeepsItsCellsTogether) {
  std::deque<Word> words;
  Grid grid = HeaderOverThree(
      {&Placed(words, "No.", 40, 55), &Placed(words, "ACUMULADA AL PERIODO", 150, 260)});
  SplitCellsWordsDivide(&grid);
  // Split at x=100 (nothing crosses it), not at x=200, which the title crosses.
  ASSERT_EQ(grid.cells.size(), 5u);
  EXPECT_EQ(CellAt(grid, 0, 0)->col_span, 1);
  ASSERT_NE(CellAt(grid, 0, 1), nullptr);
  EXPECT_EQ(CellAt(grid, 0, 1)->col_span, 2);
}

TEST(Unmerge, ATitleOverSubLabelsIsSplitAtTheRowBetweenThemThoughOCRDrewOneWordTall) {
  // "ACUMULADA AL PERIODO" over "PROGRAMADA | ALCANZADA | % AVANCE", one cell over three columns
  // and two rows (y 0-13-20); OCR boxed "ACUMULADA" 9 points high, the other words 3.
  std::deque<Word> words;
  auto at = [&](const std::string& text, double x0, double x1, double y0, double y1) {
    return &words.emplace_back(testing::WordAt(text, x0, y0, x1, y1));
  };
  Grid grid;
  grid.ruled = true;
  grid.xs = {0, 100, 200, 300};
  grid.ys = {0, 13, 20, 40};
  grid.bbox = BBox{0, 0, 300, 40};
  grid.cells.push_back(GridCell{
      0,
      0,
      2,
      3,
      BBox{0, 0, 300, 20},
      {at("ACUMULADA", 90, 150, 0, 9), at("AL", 152, 160, 3, 6), at("PERIODO", 162, 210, 3, 6),
       at("PROGRAMADA", 20, 80, 14, 17), at("ALCANZADA", 120, 180, 14, 17),
       at("%", 220, 225, 14, 17), at("AVANCE", 227, 280, 14, 17)}});
  for (int c = 0; c < 3; ++c) {
    grid.cells.push_back(GridCell{2, c, 1, 1, BBox{100.0 * c, 20, 100.0 * c + 100, 40}, {}});
  }
  SplitCellsWordsDivide(&grid);
  // The title keeps its three columns; the row under it is three labels.
  ASSERT_NE(CellAt(grid, 0, 0), nullptr);
  EXPECT_EQ(CellAt(grid, 0, 0)->col_span, 3);
  EXPECT_EQ(CellAt(grid, 0, 0)->row_span, 1);
  for (int c = 0; c < 3; ++c) {
    const GridCell* label = CellAt(grid, 1, c);
    ASSERT_NE(label, nullptr) << c;
    EXPECT_EQ(label->col_span, 1);
  }
  EXPECT_EQ(CellAt(grid, 1, 1)->words.front()->text, "ALCANZADA");
}

TEST(Unmerge, AGridOfAWhitespaceTableIsLeftAlone) {
  std::deque<Word> words;
  Grid grid =
      HeaderOverThree({&Placed(words, "No.", 40, 55), &Placed(words, "PROYECTO", 120, 170)});
  grid.ruled = false;
  SplitCellsWordsDivide(&grid);
  EXPECT_EQ(grid.cells.size(), 4u);
}

}  // namespace
}  // namespace oplex
