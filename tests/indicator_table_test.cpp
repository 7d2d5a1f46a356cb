// Indicator tables: the BCS plan's MIR annex and the Durango report of "Indicadores de
// resultados" (seeds, see shared/seeds/README.md), and a MIR with its Marco Lógico levels made
// by Calc (data/pdf/generic/mir.pdf; its expected file is written by the fixture generator).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "json_value.h"
#include "pipeline/normalize/fold.h"
#include "process_file.h"

namespace oplex {
namespace {

using testing::MustProcess;

const std::string kSamples = OPLEX_SAMPLES_DIR;
const std::string kPdfDir = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/";

std::string Raw(const std::optional<Figure>& f) { return f ? f->raw : "<none>"; }

// Anexo 1 MIR, read by hand: lines of action 12.1-12.4 of the second group (the first group has
// a 12.1 of its own, "Elaborar los manuales…"), their months, figures and budget.
void ExpectBajaCaliforniaSurMir(const std::string& file) {
  const Extraction e = MustProcess(file);
  ASSERT_EQ(e.indicators.size(), 4u);
  const std::vector<std::string> codes = {"12.1", "12.2", "12.3", "12.4"};
  const std::vector<std::string> starts = {"Revisar, analizar", "Presentar, en su caso",
                                           "Realizar los trabajos", "Presentar a la COE"};
  const std::vector<std::pair<int, int>> months = {{8, 10}, {8, 10}, {10, 12}, {11, 12}};
  const std::vector<std::string> units = {"%", "Documento", "%", "Documento"};
  const std::vector<double> targets = {100, 1, 100, 1};
  const std::vector<std::string> budgets = {"$0", "$0", "$65,018", "$0"};
  for (size_t i = 0; i < 4; ++i) {
    const Indicator& ind = e.indicators[i];
    SCOPED_TRACE(codes[i]);
    EXPECT_EQ(ind.activity_code, codes[i]);
    ASSERT_TRUE(ind.activity.has_value());
    const Activity& a = e.activities[*ind.activity];
    EXPECT_EQ(a.code, codes[i]);
    EXPECT_EQ(a.text.rfind(starts[i], 0), 0u) << a.text;
    EXPECT_EQ(ind.section, a.section);
    EXPECT_EQ(ind.start_month, months[i].first);
    EXPECT_EQ(ind.end_month, months[i].second);
    EXPECT_EQ(ind.dimension, "eficacia");
    EXPECT_EQ(ind.frequency, "bimestral");
    EXPECT_EQ(ind.unit, units[i]);
    EXPECT_EQ(Raw(ind.baseline), "Sin referencia");
    EXPECT_FALSE(ind.baseline->value.has_value());  // unknown, not zero
    ASSERT_TRUE(ind.target && ind.target->value);
    EXPECT_DOUBLE_EQ(*ind.target->value, targets[i]);
    EXPECT_EQ(ind.sense, "ascendente");
    EXPECT_EQ(Raw(ind.budget), budgets[i]);
    EXPECT_EQ(ind.objective.value_or("").rfind("Coordinar la destrucción", 0), 0u);
  }
  EXPECT_DOUBLE_EQ(*e.indicators[2].budget->value, 65018);
  EXPECT_EQ(e.indicators[2].name, "Trabajos realizados para destruir la DE (%)");
  EXPECT_EQ(e.indicators[2].method.value_or("").rfind("Número de actividades realizadas", 0), 0u);
}

TEST(IndicatorTable, BajaCaliforniaSurMirLinkedToItsLinesOfAction) {
  ExpectBajaCaliforniaSurMir(kSamples + "/bcs-ieebcs-deoe-pat-2024.txt");
}

// The same annex in the plan's PDF: one page 49 cm wide in small print, where letters touch the
// column rules and yellow cells start close under their borders.
TEST(IndicatorTable, BajaCaliforniaSurMirFromThePdf) {
  ExpectBajaCaliforniaSurMir(kPdfDir + "bcs-2024-x.pdf");
}

// The rows of the generator's expected file for the Durango PDF (taken from the seed; the one
// row with no name, a lone "T", is none), each compared with what `file` gives; returns them.
std::vector<Indicator> ExpectDurangoRows(const std::string& file) {
  const Extraction e = MustProcess(file);
  const testing::JsonValue expected =
      testing::ParseJson(testing::ReadBytes(kPdfDir + "dgo-2024q1-indicadores.expected.json"));
  std::vector<const testing::JsonValue*> rows;
  for (const testing::JsonValue& r : expected["rows"].array) {
    if (!r["name"].string.empty()) rows.push_back(&r);
  }
  EXPECT_EQ(e.indicators.size(), rows.size());
  for (size_t i = 0; i < rows.size() && i < e.indicators.size(); ++i) {
    const Indicator& ind = e.indicators[i];
    const testing::JsonValue& r = *rows[i];
    SCOPED_TRACE(r["name"].string);
    EXPECT_EQ(ind.name, r["name"].string);
    EXPECT_EQ(ind.objective.value_or(""), r["objective"].string);
    EXPECT_EQ(ind.definition.value_or(""), r["definition"].string);
    EXPECT_EQ(ind.frequency.value_or(""), Fold(r["frequency"].string));
    EXPECT_EQ(Raw(ind.baseline), r["baseline"].string.empty() ? "<none>" : r["baseline"].string);
    EXPECT_EQ(Raw(ind.progress), r["progress"].string.empty() ? "<none>" : r["progress"].string);
    EXPECT_EQ(ind.period_start, "2024-01-01");
    EXPECT_EQ(ind.period_end, "2024-03-31");
  }
  return e.indicators;
}

// Every tab-separated row of the Durango report, exactly.
TEST(IndicatorTable, DurangoTabSeparatedRowsExactly) {
  const std::vector<Indicator> indicators =
      ExpectDurangoRows(kSamples + "/dgo-iepc-indicadores-2024q1.txt");
  ASSERT_FALSE(indicators.empty());
  // Read by hand: "Incentivos … Trimestral 90 25%" and the last row, "… Trimestral 50 25".
  ASSERT_TRUE(indicators.front().progress && indicators.front().progress->percent);
  EXPECT_DOUBLE_EQ(*indicators.front().progress->value, 25);
  EXPECT_DOUBLE_EQ(*indicators.front().baseline->value, 90);
  EXPECT_FALSE(indicators.back().progress->percent);
  EXPECT_DOUBLE_EQ(*indicators.back().baseline->value, 50);
}

// The same report laid out by Calc in the transparency format: the same rows, with names and
// definitions set flush against the rule between their columns.
TEST(IndicatorTable, DurangoPdfGivesTheSameRows) {
  ExpectDurangoRows(kPdfDir + "dgo-2024q1-indicadores.pdf");
}

// The interleaved first part: its indicators are findings with the raw text, one per row its
// frequency and two figures show, never records with guessed names.
TEST(IndicatorTable, DurangoInterleavedPartBecomesFindings) {
  const Extraction e = MustProcess(kSamples + "/dgo-iepc-indicadores-2024q1.txt");
  size_t interleaved = 0;
  for (const Finding& f : e.findings) {
    if (f.code != "indicator_interleaved") continue;
    ++interleaved;
    EXPECT_FALSE(f.raw_text.empty());
    EXPECT_EQ(f.provenance.line, 1);
  }
  // Read by hand: the first line holds the finance, purchasing, inventory, vehicles,
  // buildings, archive, IT, INE-liaison and SPEN rows, each with a frequency and two figures.
  EXPECT_GE(interleaved, 15u);
  for (const Indicator& ind : e.indicators) EXPECT_GT(ind.provenance.line.value_or(0), 1);
}

// In this PDF the method's text is set flush against the rule between it and the name.
TEST(IndicatorTable, MirLevelsFromAPdf) {
  const Extraction e = MustProcess(kPdfDir + "generic/mir.pdf");
  const testing::JsonValue expected =
      testing::ParseJson(testing::ReadBytes(kPdfDir + "generic/mir.expected.json"));
  const auto& rows = expected["indicators"].array;
  ASSERT_EQ(e.indicators.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Indicator& ind = e.indicators[i];
    const testing::JsonValue& r = rows[i];
    SCOPED_TRACE(r["name"].string);
    EXPECT_EQ(ind.level.value_or(""), r["level"].string);
    EXPECT_EQ(ind.name, r["name"].string);
    EXPECT_EQ(ind.method.value_or(""), r["method"].string);
    EXPECT_EQ(ind.objective.value_or(""), r["objective"].string);
    EXPECT_EQ(ind.dimension.value_or(""),
              Fold(r["dimension"].string) == "economia" ? "economía" : Fold(r["dimension"].string));
    EXPECT_EQ(ind.frequency.value_or(""), Fold(r["frequency"].string));
    EXPECT_EQ(ind.unit.value_or(""), r["unit"].string);
    EXPECT_EQ(Raw(ind.baseline), r["baseline"].string);
    EXPECT_EQ(Raw(ind.target), r["target"].string);
    EXPECT_EQ(ind.sense.value_or(""), Fold(r["sense"].string));
    EXPECT_EQ(Raw(ind.budget), r["budget"].string.empty() ? "<none>" : r["budget"].string);
  }
}

}  // namespace
}  // namespace oplex
