// Months printed as what was programmed beside what was realized
// (extractors/table/realized_columns.h), on tables built by hand as a progress report prints
// them: each month's label spanning "P" | "R" (or "R" | "P").
#include "extractors/table/realized_columns.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "extractors/table/table_reader.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::RowOf;
using testing::Rules;
using testing::SpannedAcross;
using testing::TableOf;

constexpr const char* kMonths[] = {"Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                   "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"};

// "No." | "Actividad" | each month over two columns labelled `first` and `second`, then one
// activity programmed in April and realized in February.
Block Report(const std::string& first, const std::string& second) {
  std::vector<std::string> months = {"No.", "Actividad"}, labels = {"", ""}, body = {"1", ""};
  body[1] = "Aprobar los acuerdos del Consejo General";
  for (const char* m : kMonths) {
    months.insert(months.end(), {m, ""});
    labels.insert(labels.end(), {first, second});
    body.insert(body.end(), {"", ""});
  }
  const size_t programmed = first == "P" ? 0 : 1;
  body[2 + 2 * 3 + programmed] = "2";        // April, programmed
  body[2 + 2 * 1 + (1 - programmed)] = "1";  // February, realized
  Row head = RowOf(months);
  for (size_t m = 0; m < 12; ++m) head = SpannedAcross(std::move(head), 2 + 2 * m, 2);
  return TableOf({std::move(head), RowOf(labels), RowOf(body)});
}

TEST(TableRealizedColumns, EachMonthIsItsProgrammedColumn) {
  for (const auto& [first, second] :
       {std::pair<std::string, std::string>{"P", "R"}, {"Real.", "Prog."}}) {
    const Block block = Report(first, second);
    const TypedTable t = UnderstandTable(block, Rules());
    ASSERT_TRUE(t.header.months.has_value()) << first;
    const size_t programmed = first == "P" ? 0 : 1;
    for (size_t m = 0; m < 12; ++m) {
      const size_t c = 2 + 2 * m + programmed;
      EXPECT_EQ((*t.header.months)[m], (std::pair<size_t, size_t>{c, c})) << first << m;
    }
    EXPECT_NE(t.roles[2 + 2 * 1 + (1 - programmed)].role, ColumnRole::kMonth);
  }
}

// Two columns under a month that neither labels as realized are weeks or parts of the month:
// the month keeps both.
TEST(TableRealizedColumns, ColumnsNoneLabelsRealizedStayTheMonths) {
  const Block block = Report("1", "2");
  const TypedTable t = UnderstandTable(block, Rules());
  ASSERT_TRUE(t.header.months.has_value());
  EXPECT_EQ((*t.header.months)[0], (std::pair<size_t, size_t>{2, 3}));
}

}  // namespace
}  // namespace oplex
