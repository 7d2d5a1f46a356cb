// A schedule of week columns grouped under month headers that runs on past December into the
// next year, as a published PATCS form prints it (ENERO … DICIEMBRE, ENERO over numbered weeks),
// read from a hand-built page table: each month keeps its year and its weeks.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/activity_mapper.h"
#include "extractors/table/table_reader.h"
#include "extractors/table/table_rules.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::kWhite;
using testing::Rules;

constexpr Rgb kBlue = 0x9BC2E6;
constexpr int kWeeks = 2;        // week columns under each month
constexpr int kMonthCells = 13;  // January to December, then January of the next year

Cell At(int column, int row, std::string text, Rgb fill = kWhite) {
  Cell c;
  c.text = std::move(text);
  c.bbox = BBox{100.0 + 10 * column, 20.0 * row, 110.0 + 10 * column, 20.0 * row + 20};
  c.fill = fill;
  return c;
}

Row MakeRow(std::vector<Cell> cells, int line) {
  Row r;
  r.cells = std::move(cells);
  r.page = 1;
  r.first_line = r.last_line = line;
  r.background = kWhite;
  r.bbox = BBox{0, 20.0 * line, 400, 20.0 * line + 20};
  return r;
}

// ACTIVIDAD | ENERO … DICIEMBRE, ENERO (each over two weeks) | a row of week numbers | one
// activity whose weeks `marked` (0-based over all 26 week columns) are shaded.
Block WeekGrid(const std::vector<int>& marked) {
  static const char* kMonths[] = {"ENERO",     "FEBRERO",   "MARZO",  "ABRIL",      "MAYO",
                                  "JUNIO",     "JULIO",     "AGOSTO", "SEPTIEMBRE", "OCTUBRE",
                                  "NOVIEMBRE", "DICIEMBRE", "ENERO"};
  std::vector<Cell> months = {At(0, 0, "ACTIVIDAD")};
  std::vector<Cell> weeks = {At(0, 1, "")};
  std::vector<Cell> activity = {At(0, 2, "Promover la constitución de Comités")};
  for (int m = 0; m < kMonthCells; ++m) {
    for (int w = 0; w < kWeeks; ++w) {
      const int column = 1 + m * kWeeks + w;
      Cell month = At(column, 0, w == 0 ? kMonths[m] : "");
      month.col_span = w == 0 ? kWeeks : 1;
      month.covered = w > 0;
      months.push_back(month);
      weeks.push_back(At(column, 1, std::to_string(m * kWeeks + w + 1)));
      const bool shaded = std::find(marked.begin(), marked.end(), m * kWeeks + w) != marked.end();
      activity.push_back(At(column, 2, "", shaded ? kBlue : kWhite));
    }
  }
  Block b;
  b.kind = BlockKind::kTable;
  b.rows = {MakeRow(months, 1), MakeRow(weeks, 2), MakeRow(activity, 3)};
  return b;
}

TEST(WeekGrid, MonthsAfterDecemberAreTheNextYearsWithTheirWeeks) {
  // Weeks 2 of November, both of December and 1 of the next January.
  const Block block = WeekGrid({21, 22, 23, 24});
  const TypedTable table = UnderstandTable(block, Rules());
  ASSERT_TRUE(table.header.months.has_value());
  ASSERT_EQ(table.header.next_year.size(), 1u);  // January of the next year
  Extraction e;
  MapActivities({table}, Rules(), testing::VocabularyOf(), 2024, &e);
  ASSERT_EQ(e.activities.size(), 1u);
  const Activity& a = e.activities[0];
  EXPECT_EQ(a.months.bits(), (1u << 10) | (1u << 11));  // November and December 2024
  EXPECT_EQ(a.months_source, MonthsSource::kGrid);
  bool next_january = false;
  for (const MonthValue& v : a.month_values) {
    if (v.year == 2024 && v.month == 11) {
      EXPECT_EQ(v.weeks, "01");
    }
    if (v.year == 2024 && v.month == 12) {
      EXPECT_EQ(v.weeks, "11");
    }
    if (v.year == 2025 && v.month == 1) {
      next_january = true;
      EXPECT_TRUE(v.marked);
      EXPECT_EQ(v.weeks, "10");
    }
  }
  EXPECT_TRUE(next_january);
}

TEST(WeekGrid, AGridEndingInDecemberHasNoNextYear) {
  Block block = WeekGrid({0});
  for (Row& row : block.rows) row.cells.resize(1 + 12 * kWeeks);
  const TypedTable table = UnderstandTable(block, Rules());
  ASSERT_TRUE(table.header.months.has_value());
  EXPECT_TRUE(table.header.next_year.empty());
  Extraction e;
  MapActivities({table}, Rules(), testing::VocabularyOf(), 2024, &e);
  ASSERT_EQ(e.activities.size(), 1u);
  EXPECT_EQ(e.activities[0].months.bits(), 1u);
  for (const MonthValue& v : e.activities[0].month_values) EXPECT_EQ(v.year, 2024);
}

}  // namespace
}  // namespace oplex
