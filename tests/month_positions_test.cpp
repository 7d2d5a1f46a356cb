// The months of a grid whose month labels OCR could not read, laid on its columns by position
// (extractors/table/month_positions.h), on tables built by hand: a text column 296 points wide
// and twelve of 17, as on the AGS uncoded scan (data/scans/ags-2023-uncoded-200dpi.pdf), whose
// header OCR read as below.
#include "extractors/table/month_positions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/activity_table.h"
#include "extractors/table/table_reader.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::Boxed;
using testing::RowOf;
using testing::Rules;
using testing::SpannedAcross;
using testing::TableOf;
using testing::VocabularyOf;

// Column boundaries: one column `first` wide, then `narrow` columns 17 wide, then `last` when
// it is not 0.
std::vector<double> Edges(double first, size_t narrow, double last = 0) {
  std::vector<double> edges = {48, 48 + first};
  for (size_t c = 0; c < narrow; ++c) edges.push_back(edges.back() + 17);
  if (last > 0) edges.push_back(edges.back() + last);
  return edges;
}

// A table with `header` over `edges`, and two body rows.
Block Table(Row header, const std::vector<double>& edges) {
  const size_t n = edges.size() - 1;
  std::vector<std::string> body(n, "");
  body[0] = "Dar trámite y atención a los requerimientos";
  std::vector<std::string> other = body;
  other[0] = "Tramitar y dar seguimiento a las solicitudes";
  Block block = TableOf({Boxed(std::move(header), edges, 100), Boxed(RowOf(body), edges, 120),
                         Boxed(RowOf(other), edges, 140)});
  block.columns = edges;
  return block;
}

// "ACTIVIDAD | |" | "TT a E FOM A" over four columns | "CALENDARIO 2023 OS o A ! A o M" over
// eight, as OCR read the scan's first table.
Row ScanHeader(size_t narrow) {
  std::vector<std::string> cells(1 + narrow, "");
  cells[0] = "ACTIVIDAD | |";
  cells[1] = "TT a E FOM A";
  cells[5] = "CALENDARIO 2023 OS o A ! A o M";
  return SpannedAcross(SpannedAcross(RowOf(cells), 1, 4), 5, static_cast<int>(narrow) - 4);
}

TEST(TableMonthPositions, TwelveNarrowColumnsUnderACalendarTitleAreJanuaryToDecember) {
  const Block block = Table(ScanHeader(12), Edges(296, 12));
  const TypedTable t = UnderstandTable(block, Rules());
  ASSERT_TRUE(t.header.months.has_value());
  EXPECT_TRUE(t.header.months_by_position);
  ASSERT_EQ(t.header.months->size(), 12u);
  for (size_t m = 0; m < 12; ++m) {
    EXPECT_EQ((*t.header.months)[m], (std::pair<size_t, size_t>{m + 1, m + 1}));
    EXPECT_EQ(t.roles[m + 1].role, ColumnRole::kMonth);
  }
  EXPECT_EQ(t.header.year, 2023);
  EXPECT_EQ(t.roles[0].role, ColumnRole::kText);
}

TEST(TableMonthPositions, AColumnWiderThanTheMonthsMayFollowThem) {
  // "Observaciones" after the grid, 80 points wide.
  Row header = ScanHeader(13);
  header.cells[13].text = "Observaciones";
  header.cells[5].col_span = 8;
  header.cells[13].covered = false;
  const Block block = Table(std::move(header), Edges(296, 12, 80));
  const TypedTable t = UnderstandTable(block, Rules());
  ASSERT_TRUE(t.header.months.has_value());
  EXPECT_EQ(t.header.months->back().first, 12u);
}

TEST(TableMonthPositions, ElevenOrThirteenNarrowColumnsAreNoYear) {
  for (size_t narrow : {11u, 13u}) {
    const Block block = Table(ScanHeader(narrow), Edges(296, narrow));
    const TypedTable t = UnderstandTable(block, Rules());
    EXPECT_FALSE(t.header.months.has_value()) << narrow << " columns";
  }
}

TEST(TableMonthPositions, NoCalendarTitleOverThemNoMonths) {
  Row header = ScanHeader(12);
  header.cells[5].text = "AVANCE OS o A ! A o M";
  const Block block = Table(std::move(header), Edges(296, 12));
  EXPECT_FALSE(UnderstandTable(block, Rules()).header.months.has_value());
}

TEST(TableMonthPositions, ColumnsOfUnequalWidthAreNoMonths) {
  std::vector<double> edges = Edges(296, 12);
  edges[7] += 10;  // the sixth narrow column 27 wide, the seventh 7
  const Block block = Table(ScanHeader(12), edges);
  EXPECT_FALSE(UnderstandTable(block, Rules()).header.months.has_value());
}

TEST(TableMonthPositions, MonthsTheHeaderNamesAreReadNotLaid) {
  std::vector<std::string> cells = {"ACTIVIDAD", "E", "F", "M", "A", "M", "J",
                                    "J",         "A", "S", "O", "N", "D"};
  const Block block = Table(RowOf(cells), Edges(296, 12));
  const TypedTable t = UnderstandTable(block, Rules());
  ASSERT_TRUE(t.header.months.has_value());
  EXPECT_FALSE(t.header.months_by_position);
}

// A coded table (read by the activity walker, activity_table.h) whose month letters OCR misread.
// On the AGS photo (data/scans/ags-2023-x-page9-photo.png), straightened by 0.78 degrees instead
// of 0.80, OCR read "E F M A OM J3 J3 A s .] O": nine initials in place, which name the months
// (month_grid.h). Here two more are lost ("A" and "s"), as a worse scan loses them: seven in
// place name nothing, and the months are laid by position. Before the walker took them, the
// table's activities came out with no months at all.
TEST(TableMonthPositions, ACodedTableTakesTheMonthsLaidByPosition) {
  const std::vector<double> edges = Edges(296, 12, 80);
  std::vector<std::string> title(14, "");
  title[0] = "ACTIVIDAD";
  title[1] = "CALENDARIO 2023";
  title[13] = "ENTREGABLES";
  const std::vector<std::string> letters = {"",   "E", "F", "M",  "A", "OM", "J3",
                                            "J3", "",  "",  ".]", "",  "O",  ""};
  std::vector<std::string> body(14, "");
  body[0] = "1.36 Informar al Consejo de los medios de impugnación.";
  for (size_t c = 7; c <= 12; ++c) body[c] = "X";
  Block block = TableOf({Boxed(SpannedAcross(RowOf(title), 1, 12), edges, 100),
                         Boxed(RowOf(letters), edges, 120), Boxed(RowOf(body), edges, 140)});
  block.columns = edges;
  const TypedTable typed = UnderstandTable(block, Rules());
  ASSERT_TRUE(typed.header.months_by_position);

  Extraction e;
  WalkActivityTables({block}, {&typed}, {}, Rules().base(), VocabularyOf(), &e);
  ASSERT_EQ(e.activities.size(), 1u);
  EXPECT_EQ(e.activities[0].code, "1.36");
  EXPECT_EQ(e.activities[0].months.bits(), 0b111111000000);  // July to December
  EXPECT_EQ(std::count_if(e.findings.begin(), e.findings.end(),
                          [](const Finding& f) { return f.code == "months_by_position"; }),
            1);
}

}  // namespace
}  // namespace oplex
