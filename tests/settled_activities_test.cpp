// What a long document keeps of the activities it has written away (SettledActivities in
// models/records.h): their codes, sections and months; the whole activity while its months are
// unknown; the rest read back when asked.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/records.h"

namespace oplex {
namespace {

Activity Make(std::string code, std::string text, MonthMask months,
              std::optional<size_t> section = std::nullopt) {
  Activity a;
  a.code = std::move(code);
  a.text = std::move(text);
  a.months = months;
  a.section = section;
  a.provenance.page = 3;
  return a;
}

TEST(SettledActivities, KeepCodesSectionsAndMonthsAndWholeOnlyWhatWaitsForMonths) {
  SettledActivities settled;
  settled.Add(Make("1.1", "Elaborar el programa", MonthMask::FromBits(0b11)));
  settled.Add(Make("1.2", "Integrar el informe", MonthMask::Unknown(), 4));
  settled.Add(Make("1.1", "Revisar el programa", MonthMask::FromBits(0), 2));

  ASSERT_EQ(settled.size(), 3u);
  EXPECT_EQ(settled.code(0), "1.1");
  EXPECT_EQ(settled.WithCode("1.1"), (std::vector<size_t>{0, 2}));
  EXPECT_EQ(settled.WithCode("1.2"), (std::vector<size_t>{1}));
  EXPECT_EQ(settled.WithCode("1"), std::vector<size_t>{});
  EXPECT_EQ(settled.section(0), std::nullopt);
  EXPECT_EQ(settled.section(2), 2u);
  EXPECT_FALSE(settled.months(1).known());
  EXPECT_EQ(settled.months(0).bits(), 0b11);
  EXPECT_EQ(settled.scheduled(), 1u);  // 1.1 twice: once in two months, once in none

  // Only the activity whose months are unknown is kept whole.
  EXPECT_EQ(settled.Waiting(0), nullptr);
  ASSERT_NE(settled.Waiting(1), nullptr);
  EXPECT_EQ(settled.Waiting(1)->text, "Integrar el informe");
  EXPECT_EQ(settled.WaitingIndexes(), std::vector<size_t>{1});

  // The text of the others is read back from where they were written; with nowhere to read it
  // from, only the digest is known.
  EXPECT_EQ(settled.Written(0).text, "");
  EXPECT_EQ(settled.Written(0).code, "1.1");
  std::vector<size_t> read;
  settled.set_read_back([&](size_t index) {
    read.push_back(index);
    return Make("1.1", "read back " + std::to_string(index), MonthMask::Unknown());
  });
  EXPECT_EQ(settled.Written(2).text, "read back 2");
  EXPECT_EQ(settled.Written(1).text, "Integrar el informe");
  EXPECT_EQ(read, std::vector<size_t>{2});
}

TEST(SettledActivities, AScheduleGivingMonthsLaterKeepsItsDigestOnly) {
  SettledActivities settled;
  settled.Add(Make("3", "Difundir la convocatoria", MonthMask::Unknown()));
  settled.Add(Make("2.1", "Capacitar", MonthMask::FromBits(0b100)));
  // A later schedule names it under its printed code and gives its months.
  Activity& waiting = *settled.Waiting(0);
  waiting.code = "2.2";
  waiting.months = MonthMask::FromBits(0b1000);
  EXPECT_EQ(settled.code(0), "2.2");  // read from the whole activity while it waits
  settled.Scheduled(0);

  EXPECT_EQ(settled.Waiting(0), nullptr);
  EXPECT_EQ(settled.WaitingIndexes(), std::vector<size_t>{});
  EXPECT_EQ(settled.code(0), "2.2");
  EXPECT_EQ(settled.months(0).bits(), 0b1000);
  EXPECT_EQ(settled.WithCode("2.2"), std::vector<size_t>{0});
  EXPECT_EQ(settled.WithCode("3"), std::vector<size_t>{});
  EXPECT_EQ(settled.scheduled(), 2u);
}

TEST(SettledActivities, TheExtractionIndexesItsActivitiesAfterTheSettledOnes) {
  Extraction e;
  e.settled.Add(Make("1.1", "Elaborar", MonthMask::FromBits(1), 0));
  e.settled.Add(Make("1.2", "Integrar", MonthMask::Unknown(), 0));
  e.activities.push_back(Make("1.3", "Revisar", MonthMask::FromBits(2), 1));

  EXPECT_EQ(e.activity_count(), 3u);
  EXPECT_EQ(e.WholeActivity(0), nullptr);
  ASSERT_NE(e.WholeActivity(1), nullptr);
  EXPECT_EQ(e.WholeActivity(1)->text, "Integrar");
  EXPECT_EQ(e.WholeActivity(2), &e.activities[0]);
  EXPECT_EQ(e.ActivityCode(0), "1.1");
  EXPECT_EQ(e.ActivityCode(2), "1.3");
  EXPECT_EQ(e.ActivitySection(2), 1u);
  EXPECT_EQ(e.ActivityMonths(0).bits(), 1);
  EXPECT_FALSE(e.ActivityMonths(1).known());
  EXPECT_EQ(e.ActivityWritten(2).text, "Revisar");
}

}  // namespace
}  // namespace oplex
