// Ruled tables stacked with the same columns (pipeline/layout/stacked_tables.h), on grids built
// by hand after data/pdf/layouts/header-as-a-table-of-its-own: a header of one row ruled as a
// table of its own, 8 points above the records' table.
#include "pipeline/layout/stacked_tables.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

using testing::WordAt;

const std::vector<double> kColumns = {30, 60, 320, 350, 380};

// A ruled grid on kColumns over the row boundaries `ys`, a cell per row and column.
Grid Ruled(const std::vector<double>& ys) {
  Grid g;
  g.ruled = true;
  g.xs = kColumns;
  g.ys = ys;
  g.bbox = BBox{kColumns.front(), ys.front(), kColumns.back(), ys.back()};
  for (int r = 0; r + 1 < static_cast<int>(ys.size()); ++r) {
    for (int c = 0; c + 1 < static_cast<int>(kColumns.size()); ++c) {
      g.cells.push_back(
          GridCell{r, c, 1, 1, BBox{kColumns[c], ys[r], kColumns[c + 1], ys[r + 1]}, {}});
    }
  }
  return g;
}

TEST(StackedTables, AHeaderRuledApartOverItsRecordsIsOneTable) {
  std::vector<Grid> grids = {Ruled({100, 114}), Ruled({122, 140, 158, 176})};
  JoinStackedGrids(&grids, {});
  ASSERT_EQ(grids.size(), 1u);
  const Grid& g = grids.front();
  // The header, the gap as an empty row, the three records.
  EXPECT_EQ(g.rows(), 5);
  EXPECT_EQ(g.cols(), 4);
  EXPECT_EQ(g.cells.size(), 20u);
  EXPECT_EQ(g.ys, (std::vector<double>{100, 114, 122, 140, 158, 176}));
  EXPECT_DOUBLE_EQ(g.bbox.y1, 176);
  for (const GridCell& c : g.cells) {
    EXPECT_DOUBLE_EQ(c.bbox.y0, g.ys[static_cast<size_t>(c.row)]);
    EXPECT_DOUBLE_EQ(c.bbox.x1, kColumns[static_cast<size_t>(c.col + 1)]);
  }
}

TEST(StackedTables, TablesWithWordsBetweenOtherColumnsOfSeveralRowsOrFarApartStayApart) {
  // A title between them.
  std::vector<Grid> titled = {Ruled({100, 114}), Ruled({122, 140, 158})};
  JoinStackedGrids(&titled, {WordAt("Programa", 40, 115, 80, 121)});
  EXPECT_EQ(titled.size(), 2u);
  // Other columns.
  Grid other = Ruled({122, 140, 158});
  other.xs = {30, 60, 200, 380};
  other.cells.clear();
  std::vector<Grid> columns = {Ruled({100, 114}), other};
  JoinStackedGrids(&columns, {});
  EXPECT_EQ(columns.size(), 2u);
  // Two tables of several rows each, one under the other: a form per record.
  std::vector<Grid> forms = {Ruled({100, 114, 128}), Ruled({136, 150, 164})};
  JoinStackedGrids(&forms, {});
  EXPECT_EQ(forms.size(), 2u);
  // Further apart than an empty line.
  std::vector<Grid> far = {Ruled({100, 114}), Ruled({140, 158, 176})};
  JoinStackedGrids(&far, {});
  EXPECT_EQ(far.size(), 2u);
}

TEST(StackedTables, RecordsFramedApartJoinTheTableAbove) {
  // Each record framed on its own, 2 points apart, as report writers print their bands.
  std::vector<Grid> grids = {Ruled({100, 114}), Ruled({116, 130}), Ruled({132, 146})};
  JoinStackedGrids(&grids, {});
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids.front().rows(), 3);
  EXPECT_EQ(grids.front().ys, (std::vector<double>{100, 114, 130, 146}));
}

}  // namespace
}  // namespace oplex
