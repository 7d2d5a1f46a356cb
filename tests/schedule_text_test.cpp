// Schedules written in a cell instead of a grid (extractors/table/schedule_text.h): the months a
// period, a list of days or a date covers, each in its own year, as a reader of the plan counts
// them.
#include "extractors/table/schedule_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>

namespace oplex {
namespace {

uint16_t Bits(std::initializer_list<int> months) {
  uint16_t bits = 0;
  for (int m : months) bits |= static_cast<uint16_t>(1u << (m - 1));
  return bits;
}

using YearMonths = std::map<int, uint16_t>;

TEST(ScheduleText, MonthRangeWithItsYear) {
  const auto s = ReadScheduleText("Febrero- junio de 2020", std::nullopt);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({2, 3, 4, 5, 6})}}));
  EXPECT_FALSE(s->start.has_value());  // no days written
  EXPECT_FALSE(s->end.has_value());
}

TEST(ScheduleText, WrittenYearWinsOverTheDefault) {
  const auto s = ReadScheduleText("Febrero- junio de 2020", 2019);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({2, 3, 4, 5, 6})}}));
}

TEST(ScheduleText, OneMonthOfAYear) {
  const auto s = ReadScheduleText("Enero de 2020", std::nullopt);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({1})}}));
}

TEST(ScheduleText, TwoDaysOfOneMonthGiveTheMonthAndTheDays) {
  const auto s = ReadScheduleText("23 y 24 de enero de 2020", std::nullopt);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({1})}}));
  EXPECT_EQ(s->start, "2020-01-23");
  EXPECT_EQ(s->end, "2020-01-24");
}

// A period in a cell too narrow for "diciembre": reportlab set "septiembre-diciembr" over "e",
// as a spreadsheet wraps a word longer than its column (checked on the rendered page). The words
// of the two lines are one month; two words that spell no month in full stay apart.
TEST(ScheduleText, AMonthBrokenAcrossTheLinesOfANarrowCell) {
  const auto s = ReadScheduleText("septiembre-diciembr e", 2024);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2024, Bits({9, 10, 11, 12})}}));
  const std::vector<ScheduleToken> tokens = ScheduleTokens("de ma yo");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].text, "mayo");
  EXPECT_EQ(tokens[1].month, 5);
  EXPECT_EQ(ScheduleTokens("novi embre").size(), 1u);
  EXPECT_EQ(ScheduleTokens("se p").size(), 2u);  // "sep" is no month in full
}

// A reportlab plan's "Periodo" column names parts of the year, which cover their months.
TEST(ScheduleText, APartOfTheYearCoversItsMonths) {
  const auto quarter = ReadScheduleText("Primer trimestre", 2025);
  ASSERT_TRUE(quarter.has_value());
  EXPECT_EQ(quarter->months, (YearMonths{{2025, Bits({1, 2, 3})}}));
  const auto half = ReadScheduleText("Segundo semestre", 2025);
  ASSERT_TRUE(half.has_value());
  EXPECT_EQ(half->months, (YearMonths{{2025, Bits({7, 8, 9, 10, 11, 12})}}));
  EXPECT_FALSE(ReadScheduleText("Anual", 2025).has_value());
}

TEST(ScheduleText, DateInFigures) {
  const auto s = ReadScheduleText("21/01/2019", std::nullopt);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2019, Bits({1})}}));
  EXPECT_EQ(s->start, "2019-01-21");
  EXPECT_EQ(s->end, "2019-01-21");
}

TEST(ScheduleText, RangeOfDaysWithoutYearTakesTheDefaultYear) {
  const auto s = ReadScheduleText("del 6 al 7 de agosto", 2020);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({8})}}));
  EXPECT_EQ(s->start, "2020-08-06");
  EXPECT_EQ(s->end, "2020-08-07");
}

TEST(ScheduleText, MonthRangeWithoutYearTakesTheDefaultYear) {
  const auto s = ReadScheduleText("enero-marzo", 2021);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2021, Bits({1, 2, 3})}}));
}

TEST(ScheduleText, NoYearAndNoDefaultReadsNothing) {
  EXPECT_FALSE(ReadScheduleText("enero-marzo", std::nullopt).has_value());
}

TEST(ScheduleText, RangeOverTheYearEndMarksEachMonthInItsYear) {
  const auto s = ReadScheduleText("del 15 de diciembre de 2020 al 15 de enero de 2021", 2020);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({12})}, {2021, Bits({1})}}));
  EXPECT_EQ(s->start, "2020-12-15");
  EXPECT_EQ(s->end, "2021-01-15");
}

TEST(ScheduleText, MonthRangeOverTheYearEndRunsIntoTheNextYear) {
  const auto s = ReadScheduleText("noviembre 2020 - febrero", std::nullopt);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({11, 12})}, {2021, Bits({1, 2})}}));
}

// Each month is in the year written after it; a range's one written year is its end's.
TEST(ScheduleText, EachMonthTakesTheYearWrittenAfterIt) {
  const auto both = ReadScheduleText("octubre 2023 - junio 2024", 2024);
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(both->months,
            (YearMonths{{2023, Bits({10, 11, 12})}, {2024, Bits({1, 2, 3, 4, 5, 6})}}));
  const auto end = ReadScheduleText("octubre a junio de 2024", std::nullopt);
  ASSERT_TRUE(end.has_value());
  EXPECT_EQ(end->months,
            (YearMonths{{2023, Bits({10, 11, 12})}, {2024, Bits({1, 2, 3, 4, 5, 6})}}));
  const auto list = ReadScheduleText("noviembre y diciembre 2023, enero 2024", std::nullopt);
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->months, (YearMonths{{2023, Bits({11, 12})}, {2024, Bits({1})}}));
}

// Spreadsheets print months by their first letters with two figures of the year ("sep-23"),
// and "Mar" among other months is March, though alone it may be the sea.
TEST(ScheduleText, MonthsAsSpreadsheetsPrintThem) {
  const auto one = ReadScheduleText("sep-23", 2024);
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->months, (YearMonths{{2023, Bits({9})}}));
  const auto range = ReadScheduleText("feb-24 a abr-24", std::nullopt);
  ASSERT_TRUE(range.has_value());
  EXPECT_EQ(range->months, (YearMonths{{2024, Bits({2, 3, 4})}}));
  const auto march = ReadScheduleText("Ene-Mar", 2024);
  ASSERT_TRUE(march.has_value());
  EXPECT_EQ(march->months, (YearMonths{{2024, Bits({1, 2, 3})}}));
  const auto march_year = ReadScheduleText("MAR/25", std::nullopt);
  ASSERT_TRUE(march_year.has_value());
  EXPECT_EQ(march_year->months, (YearMonths{{2025, Bits({3})}}));
  EXPECT_FALSE(ReadScheduleText("mar", 2024).has_value());
  const auto spelled = ReadScheduleText("1-sept-2023", std::nullopt);
  ASSERT_TRUE(spelled.has_value());
  EXPECT_EQ(spelled->start, "2023-09-01");
}

TEST(ScheduleText, ListOfDaysMarksOnlyTheirMonths) {
  const auto s = ReadScheduleText("6 de agosto y 3 de octubre de 2020", std::nullopt);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->months, (YearMonths{{2020, Bits({8, 10})}}));  // not September
  EXPECT_EQ(s->start, "2020-08-06");
  EXPECT_EQ(s->end, "2020-10-03");
}

// "Todo el año" says every month of the year; "Permanente" and "Anual" may say how often as well
// as when, and stay unread (TextNamingNoMonthIsNoSchedule).
TEST(ScheduleText, TheWholeYearIsEveryMonth) {
  const auto all = ReadScheduleText("Todo el año", 2025);
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->months, (YearMonths{{2025, 0x0FFF}}));
  const auto fiscal = ReadScheduleText("Durante todo el ejercicio fiscal 2024", 2025);
  ASSERT_TRUE(fiscal.has_value());
  EXPECT_EQ(fiscal->months, (YearMonths{{2024, 0x0FFF}}));
  EXPECT_FALSE(ReadScheduleText("Todo el año", std::nullopt).has_value());
  EXPECT_FALSE(ReadScheduleText("todo el mes", 2025).has_value());
}

TEST(ScheduleText, TextNamingNoMonthIsNoSchedule) {
  EXPECT_FALSE(ReadScheduleText("Permanente", 2020).has_value());
  EXPECT_FALSE(ReadScheduleText("Trimestral", 2020).has_value());
  EXPECT_FALSE(ReadScheduleText("Anual", 2020).has_value());
  EXPECT_FALSE(ReadScheduleText("", 2020).has_value());
}

}  // namespace
}  // namespace oplex
