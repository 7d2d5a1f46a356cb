// Month grids in text exports that kept their marks (data/fixtures/marked-grid-plan.md, a
// Markdown plan written by hand with X, ✓, ● and monthly numbers): marks become months, an
// unmarked row of a marked grid is "no months", a table with no month header leaves them
// unknown.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extractors/rules.h"
#include "pipeline/document_pipeline.h"
#include "pipeline/sha256.h"

namespace oplex {
namespace {

Extraction Fixture() {
  auto pipeline = DocumentPipeline::Load(OPLEX_DEFAULT_DATA_DIR);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  const std::string path = std::string(OPLEX_DEFAULT_DATA_DIR) + "/fixtures/marked-grid-plan.md";
  std::ifstream in(path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto e = pipeline->Process(path, bytes.str(), Sha256Hex(bytes.str()));
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return std::move(*e);
}

MonthMask Months(const Extraction& e, const std::string& code) {
  for (const Activity& a : e.activities) {
    if (a.code == code) return a.months;
  }
  ADD_FAILURE() << "no activity " << code;
  return MonthMask::Unknown();
}

uint16_t Bits(std::initializer_list<int> months) {
  uint16_t bits = 0;
  for (int m : months) bits |= 1u << (m - 1);
  return bits;
}

TEST(MonthGridText, MarksBecomeMonths) {
  const Extraction e = Fixture();
  ASSERT_EQ(e.activities.size(), 6u);
  EXPECT_EQ(Months(e, "1.1").bits(), Bits({1, 2}));      // X X
  EXPECT_EQ(Months(e, "1.2").bits(), Bits({3, 4, 12}));  // ✓ ✓ … ✓
  EXPECT_EQ(Months(e, "1.4").bits(), 0x0FFF);            // 1 in every month
  EXPECT_EQ(Months(e, "1.5").bits(), Bits({1, 12}));     // ● then zeros then ●
  for (const char* code : {"1.1", "1.2", "1.4", "1.5"}) EXPECT_TRUE(Months(e, code).known());
}

// How OCR reads X marks on a photographed page (ags-2023-x-page9-photo.png, cells checked by
// hand): "MX", "XM" and "MM" are blurred X's; a lone "M" is not taken, since it is as likely the
// month letter of a header set into the row below.
TEST(MonthMarks, BlurredXsAsOcrReadsThem) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  for (const char* mark : {"x", "xx", "mx", "xm", "mm", "✓", "x x"}) {
    EXPECT_TRUE(rules->IsMark(mark)) << mark;
  }
  for (const char* text : {"m", "e", "ene", "s/c", "-", "0"})
    EXPECT_FALSE(rules->IsMark(text)) << text;
}

TEST(MonthGridText, UnmarkedRowOfAMarkedGridHasNoMonths) {
  const MonthMask m = Months(Fixture(), "1.3");
  EXPECT_TRUE(m.known());
  EXPECT_EQ(m.bits(), 0);
}

TEST(MonthGridText, TableWithoutMonthHeaderLeavesMonthsUnknown) {
  EXPECT_FALSE(Months(Fixture(), "1.6").known());
}

TEST(MonthGridText, DeliverablesAndSectionsOfAPipeTable) {
  const Extraction e = Fixture();
  ASSERT_EQ(e.deliverables.size(), 3u);
  EXPECT_EQ(e.deliverables[0].text, "Actas de instalación.");
  EXPECT_EQ(e.activities[*e.deliverables[0].activity].code, "1.1");
  EXPECT_EQ(e.sections[*e.activities[5].section].title, "UNIDAD DE INFORMÁTICA");
  EXPECT_EQ(e.document.year, 2025);
}

}  // namespace
}  // namespace oplex
