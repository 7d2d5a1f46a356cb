// Columns of a ruled table that no rule separates (pipeline/layout/unruled_columns.h), on grids
// built by hand: a code, a text and one ruled column holding six months' labels, 30 points apart.
#include "pipeline/layout/unruled_columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

using testing::CellText;
using testing::PlacedWords;

// Columns 0-30 (code), 30-230 (text), 230-410 (the months); rows 0-20 (header), 20-40, 40-60.
// `months`: the header's words in the third column; `marks`: the first row's there.
Grid MonthsUnruled(PlacedWords& p, std::vector<const Word*> months,
                   std::vector<const Word*> marks) {
  Grid grid;
  grid.ruled = true;
  grid.xs = {0, 30, 230, 410};
  grid.ys = {0, 20, 40, 60};
  grid.bbox = BBox{0, 0, 410, 60};
  const std::vector<std::vector<std::vector<const Word*>>> words = {
      {{p.At("No.", 5, 5)}, {p.At("Actividad", 35, 5)}, months},
      {{p.At("1", 5, 25)}, {p.At("Realizar", 35, 25)}, marks},
      {{p.At("2", 5, 45)}, {p.At("Revisar", 35, 45)}, {}}};
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) {
      const BBox box{grid.xs[c], grid.ys[r], grid.xs[c + 1], grid.ys[r + 1]};
      grid.cells.push_back(GridCell{r, c, 1, 1, box, words[r][c]});
    }
  }
  return grid;
}

// Six month labels 30 points apart, their tops at `top`.
std::vector<const Word*> SixMonths(PlacedWords& p, double top = 5) {
  std::vector<const Word*> months;
  const char* names[] = {"Ene", "Feb", "Mar", "Abr", "May", "Jun"};
  for (int m = 0; m < 6; ++m) months.push_back(p.At(names[m], 236 + 30.0 * m, top));
  return months;
}

// The rows and columns the cell starting at `row`, `col` spans; {0, 0} when no cell starts there.
std::pair<int, int> Spans(const Grid& grid, int row, int col) {
  for (const GridCell& c : grid.cells) {
    if (c.row == row && c.col == col) return {c.row_span, c.col_span};
  }
  return {0, 0};
}

// The six labels cut their column in six at the middles between them; the first row's marks go
// to the months they stand under, and the rows' other cells of the column are cut too.
TEST(UnruledColumns, AColumnOfMonthLabelsIsCutAtTheMiddlesBetweenThem) {
  PlacedWords p;
  Grid grid = MonthsUnruled(p, SixMonths(p), {p.At("X", 274, 25), p.At("X", 304, 25)});
  SplitUnruledColumns(&grid);
  ASSERT_EQ(grid.cols(), 8);
  EXPECT_DOUBLE_EQ(grid.xs[3], 260);
  EXPECT_DOUBLE_EQ(grid.xs[7], 380);
  EXPECT_EQ(grid.cells.size(), 24u);
  EXPECT_EQ(CellText(grid, 0, 2), "Ene");
  EXPECT_EQ(CellText(grid, 0, 7), "Jun");
  EXPECT_EQ(CellText(grid, 1, 2), "");
  EXPECT_EQ(CellText(grid, 1, 3), "X");
  EXPECT_EQ(CellText(grid, 1, 4), "X");
  EXPECT_EQ(CellText(grid, 2, 7), "");
  for (const GridCell& c : grid.cells) {
    EXPECT_DOUBLE_EQ(c.bbox.x0, grid.xs[static_cast<size_t>(c.col)]);
    EXPECT_DOUBLE_EQ(c.bbox.x1, grid.xs[static_cast<size_t>(c.col) + 1]);
  }
}

// A word of another cell across a cut (a text running under two labels) keeps the column whole,
// as do labels that are no ladder (words of a title) and a grid drawn by no rules.
TEST(UnruledColumns, AColumnStaysWholeUnderATextAcrossACutOrWithoutALadder) {
  PlacedWords p;
  Grid crossed = MonthsUnruled(p, SixMonths(p), {p.At("Permanente", 240, 25)});
  SplitUnruledColumns(&crossed);
  EXPECT_EQ(crossed.cols(), 3);
  Grid title = MonthsUnruled(
      p, {p.At("Calendario", 240, 5), p.At("de", 305, 5), p.At("ejecución", 325, 5)}, {});
  SplitUnruledColumns(&title);
  EXPECT_EQ(title.cols(), 3);
  Grid stream = MonthsUnruled(p, SixMonths(p), {});
  stream.ruled = false;
  SplitUnruledColumns(&stream);
  EXPECT_EQ(stream.cols(), 3);
}

// A title over the labels in their cell ("Calendario 2025" over the months) gets a row of its own,
// spanning the months' columns; the header's other cells span both rows, and the rows under it are
// cut as they are without a title.
TEST(UnruledColumns, ATitleOverTheLabelsSpansTheirColumnsInARowOfItsOwn) {
  PlacedWords p;
  std::vector<const Word*> header = {p.At("Calendario", 260, 1), p.At("2025", 326, 1)};
  for (const Word* month : SixMonths(p, 11)) header.push_back(month);
  Grid grid = MonthsUnruled(p, header, {p.At("X", 274, 25)});
  SplitUnruledColumns(&grid);
  ASSERT_EQ(grid.cols(), 8);
  ASSERT_EQ(grid.rows(), 4);
  EXPECT_DOUBLE_EQ(grid.ys[1], 10);  // between the title's foot (9) and the labels' top (11)
  EXPECT_EQ(CellText(grid, 0, 2), "Calendario 2025");
  EXPECT_EQ(Spans(grid, 0, 2), std::make_pair(1, 6));
  EXPECT_EQ(CellText(grid, 0, 1), "Actividad");
  EXPECT_EQ(Spans(grid, 0, 1), std::make_pair(2, 1));
  EXPECT_EQ(Spans(grid, 0, 0), std::make_pair(2, 1));
  EXPECT_EQ(CellText(grid, 1, 2), "Ene");
  EXPECT_EQ(CellText(grid, 1, 7), "Jun");
  EXPECT_EQ(CellText(grid, 2, 3), "X");
  EXPECT_EQ(CellText(grid, 3, 1), "Revisar");
}

// A cell merged over the text and the months (a section's title) spans every month's column.
TEST(UnruledColumns, ACellMergedOverTheColumnSpansItsParts) {
  PlacedWords p;
  Grid grid = MonthsUnruled(p, SixMonths(p), {});
  std::erase_if(grid.cells, [](const GridCell& c) { return c.row == 2 && c.col >= 1; });
  grid.cells.push_back(GridCell{2, 1, 1, 2, BBox{30, 40, 410, 60}, {p.At("Programa", 35, 45)}});
  SplitUnruledColumns(&grid);
  ASSERT_EQ(grid.cols(), 8);
  EXPECT_EQ(Spans(grid, 2, 1), std::make_pair(1, 7));
}

}  // namespace
}  // namespace oplex
