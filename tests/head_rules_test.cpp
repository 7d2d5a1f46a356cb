// Column rules of a header band that the body contradicts (pipeline/layout/head_rules.h), on
// grids built by hand after the fisfin evaluation's scanned pages: the dark header band put its
// rules 15-20 points right of the body's, so each label stood over the column right of its own.
#include "pipeline/layout/head_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

// A word from x0 to x1 on the head row's line, y 5-12.
Word Label(const std::string& text, double x0, double x1) {
  return testing::WordAt(text, x0, 5, x1, 12);
}

// Body columns at x 0-20 (No), 20-70 (PROYECTO), 70-140 (INDICADOR) over three body rows; the
// head row (y 0-20) drawn with rules at 35 and 90 instead of 20 and 70.
Grid StaggeredHead() {
  Grid grid;
  grid.ruled = true;
  grid.xs = {0, 20, 35, 70, 90, 140};
  grid.ys = {0, 20, 40, 60, 80};
  grid.bbox = BBox{0, 0, 140, 80};
  grid.cells.push_back(GridCell{0, 0, 1, 2, BBox{0, 0, 35, 20}, {}});
  grid.cells.push_back(GridCell{0, 2, 1, 2, BBox{35, 0, 90, 20}, {}});
  grid.cells.push_back(GridCell{0, 4, 1, 1, BBox{90, 0, 140, 20}, {}});
  for (int r = 1; r <= 3; ++r) {
    const double y = 20.0 * r;
    grid.cells.push_back(GridCell{r, 0, 1, 1, BBox{0, y, 20, y + 20}, {}});
    grid.cells.push_back(GridCell{r, 1, 1, 2, BBox{20, y, 70, y + 20}, {}});
    grid.cells.push_back(GridCell{r, 3, 1, 2, BBox{70, y, 140, y + 20}, {}});
  }
  return grid;
}

const GridCell* CellAt(const Grid& grid, int row, int col) {
  for (const GridCell& c : grid.cells) {
    if (c.row == row && c.col == col) return &c;
  }
  return nullptr;
}

TEST(HeadRules, HeadRulesOffTheBodysAreDroppedAndLabelsStandOverTheirColumns) {
  Grid grid = StaggeredHead();
  const std::vector<Word> words = {Label("No", 5, 15), Label("PROYECTO", 38, 62),
                                   Label("INDICADOR", 95, 130)};
  SnapHeadToBodyColumns(&grid, words);
  EXPECT_EQ(grid.xs, (std::vector<double>{0, 20, 70, 140}));
  for (int c = 0; c < 3; ++c) {
    const GridCell* head = CellAt(grid, 0, c);
    ASSERT_NE(head, nullptr) << c;
    EXPECT_EQ(head->col_span, 1);
    EXPECT_DOUBLE_EQ(head->bbox.x0, grid.xs[static_cast<size_t>(c)]);
    const GridCell* body = CellAt(grid, 3, c);
    ASSERT_NE(body, nullptr) << c;
    EXPECT_EQ(body->col_span, 1);
  }
  EXPECT_EQ(grid.cells.size(), 12u);
}

TEST(HeadRules, AHeadLabelAcrossTheBodysRuleKeepsItsRules) {
  // A form's label written over the code and project columns: the head's rules are its own.
  Grid grid = StaggeredHead();
  const std::vector<Word> words = {Label("Contenido", 3, 30), Label("Temporalidad", 40, 85)};
  SnapHeadToBodyColumns(&grid, words);
  EXPECT_EQ(grid.xs.size(), 6u);
  EXPECT_EQ(grid.cells.size(), 12u);
}

TEST(HeadRules, AFormLabelEndingFarFromTheBodysRulesKeepsItsRules) {
  // A label over the code and half the text column (rule at 100, body rules at 20 and 200), its
  // words starting just right of the body's rule at 20: moving the rule to the body's nearest,
  // 20, would leave them outside their cell.
  Grid grid;
  grid.ruled = true;
  grid.xs = {0, 20, 100, 200};
  grid.ys = {0, 20, 40, 60, 80};
  grid.bbox = BBox{0, 0, 200, 80};
  grid.cells.push_back(GridCell{0, 0, 1, 2, BBox{0, 0, 100, 20}, {}});
  grid.cells.push_back(GridCell{0, 2, 1, 1, BBox{100, 0, 200, 20}, {}});
  for (int r = 1; r <= 3; ++r) {
    const double y = 20.0 * r;
    grid.cells.push_back(GridCell{r, 0, 1, 1, BBox{0, y, 20, y + 20}, {}});
    grid.cells.push_back(GridCell{r, 1, 1, 2, BBox{20, y, 200, y + 20}, {}});
  }
  SnapHeadToBodyColumns(&grid, {Label("Contenido", 21, 95)});
  EXPECT_EQ(grid.xs.size(), 4u);
}

TEST(HeadRules, ABodyOfTooFewRowsIsNotEvidence) {
  Grid grid = StaggeredHead();
  std::erase_if(grid.cells, [](const GridCell& c) { return c.row >= 2; });
  grid.ys = {0, 20, 40};
  SnapHeadToBodyColumns(&grid, {Label("No", 5, 15)});
  EXPECT_EQ(grid.xs.size(), 6u);
}

}  // namespace
}  // namespace oplex
