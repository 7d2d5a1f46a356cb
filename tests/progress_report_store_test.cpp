// A published progress report stored and read back through the oplex binary: its indicators'
// new fields in the database, the subtotals left out of the coverage counts, the columns
// without a field in `indicator_attribute`, and both in `export` and the HTML report.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_fixture.h"
#include "raw_db.h"

namespace oplex {
namespace {

using testing::RawDb;

const std::string kReport =
    std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/icatech_poa_avance_2017_t1.pdf";

class ProgressReportStoreTest : public testing::CliFixture {};

TEST_F(ProgressReportStoreTest, IndicatorsKeepKeysFiguresSubtotalsAndOtherColumns) {
  ASSERT_EQ(Oplex("ingest " + kReport).exit_code, 0);
  RawDb raw(db_);
  EXPECT_EQ(raw.One("SELECT count(*) FROM indicator"), "48");
  EXPECT_EQ(raw.One("SELECT count(*) FROM indicator WHERE subtotal = 1"), "11");
  // The 37 units are counted; the zones that sum them are not.
  EXPECT_EQ(raw.One("SELECT indicators FROM v_indicator_coverage"), "37");
  // Read off page 1: "1 | UNIDAD DE CAPACITACIÓN TUXTLA | 75 | 79 | 4 | 105% | 1125 | 1144 | 19 |
  // 102% | 2,338".
  EXPECT_EQ(raw.One("SELECT key || '|' || target_value || '|' || progress_value || '|' || "
                    "percent_raw || '|' || unit FROM indicator "
                    "WHERE name = 'UNIDAD DE CAPACITACIÓN TUXTLA'"),
            "1|75.0|79.0|105%|CURSOS");
  EXPECT_EQ(raw.One("SELECT group_concat(t.value, ' ') FROM indicator_attribute AS t "
                    "JOIN indicator AS i ON i.id = t.indicator_id "
                    "WHERE i.name = 'UNIDAD DE CAPACITACIÓN TUXTLA' ORDER BY t.position"),
            "4 1125 1144 19 102% 2,338");

  ASSERT_EQ(
      Oplex("export -o " + (dir_ / "out").string() + " --tables indicators,indicator_attributes")
          .exit_code,
      0);
  const std::string attributes = testing::Slurp(dir_ / "out" / "indicator_attributes.csv");
  EXPECT_NE(attributes.find("TOTAL DE HORAS IMPARTIDAS"), std::string::npos);
  // The indicators file carries the new columns.
  const std::string indicators = testing::Slurp(dir_ / "out" / "indicators.csv");
  EXPECT_NE(indicators.find("percent_raw"), std::string::npos);
  EXPECT_NE(indicators.find("105%"), std::string::npos);

  ASSERT_EQ(Oplex("report -o " + (dir_ / "report.html").string()).exit_code, 0);
  const std::string html = testing::Slurp(dir_ / "report.html");
  EXPECT_NE(html.find("<th class=\"fig\">Porcentaje</th>"), std::string::npos);
  EXPECT_NE(html.find("<th>Fila</th>"), std::string::npos);  // subtotals marked
  EXPECT_NE(html.find("105%"), std::string::npos);
}

}  // namespace
}  // namespace oplex
