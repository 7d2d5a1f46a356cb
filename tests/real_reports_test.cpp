// Indicators of published progress reports (data/real, copied from the public documents they
// name), read end to end through the document pipeline and checked against what a person reads
// on the page (the values are those of /work/shared/realdocs/<stem>.truth.json):
//   - icatech_poa_avance_2017_t1: an Excel export of courses programmed and given per training
//     unit, three header rows deep (the period over two groups of figures), zone subtotals
//     without a number, the header printed again on page 2 and a zone running over the break;
//   - itsch_poa_eval_fisfin_2025 (pages 1-2): a 300 ppi scan whose shaded header band kept no
//     rules, so its labels are told apart by the gaps between them (pipeline/layout/unmerge.h),
//     (page 4) rules the header band drew off the body's (pipeline/layout/head_rules.h), and
//     (pages 2-3) a header printed again that OCR read differently (table/header_repeat.h);
//   - itse_pbr_indicadores_2025_t1: a 200 ppi scan of 5-point type whose cells OCR reads well
//     only one at a time.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

#include "tests/process_file.h"

namespace oplex {
namespace {

const std::string kRealDir = std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/";

// The first indicator that `matches`, or null.
template <typename Predicate>
const Indicator* Find(const Extraction& e, Predicate matches) {
  for (const Indicator& i : e.indicators) {
    if (matches(i)) return &i;
  }
  return nullptr;
}

const Indicator* ByName(const Extraction& e, const std::string& name) {
  return Find(e, [&](const Indicator& i) { return i.name == name; });
}

const Indicator* ByKey(const Extraction& e, const std::string& key) {
  return Find(e, [&](const Indicator& i) { return i.key == key; });
}

// The figures of a row as printed; nullopt where the test does not look.
struct Printed {
  std::optional<std::string> target, programmed, progress, percent;
};

void ExpectPrinted(const Indicator* indicator, const Printed& want) {
  ASSERT_NE(indicator, nullptr);
  for (const auto& [got, raw] : {std::pair{&indicator->target, &want.target},
                                 std::pair{&indicator->programmed, &want.programmed},
                                 std::pair{&indicator->progress, &want.progress},
                                 std::pair{&indicator->percent, &want.percent}}) {
    if (!*raw) continue;
    ASSERT_TRUE(got->has_value()) << indicator->name << ": no figure for " << **raw;
    EXPECT_EQ((*got)->raw, **raw) << indicator->name;
  }
}

TEST(RealReports, IcatechUnitsAndZoneSubtotalsWithTheirCourses) {
  const Extraction e = testing::MustProcess(kRealDir + "icatech_poa_avance_2017_t1.pdf");
  // 37 units and 11 zones; the TOTALES row is no indicator.
  EXPECT_EQ(e.indicators.size(), 48u);
  int zones = 0;
  for (const Indicator& i : e.indicators) zones += i.subtotal ? 1 : 0;
  EXPECT_EQ(zones, 11);
  EXPECT_EQ(ByName(e, "TOTALES"), nullptr);

  const Indicator* tuxtla = ByName(e, "UNIDAD DE CAPACITACIÓN TUXTLA");
  ASSERT_NE(tuxtla, nullptr);
  EXPECT_EQ(tuxtla->key, "1");
  ASSERT_TRUE(tuxtla->target && tuxtla->progress && tuxtla->percent);
  EXPECT_EQ(tuxtla->target->value, 75);
  EXPECT_EQ(tuxtla->progress->value, 79);
  EXPECT_EQ(tuxtla->percent->raw, "105%");
  EXPECT_EQ(tuxtla->unit, "CURSOS");
  EXPECT_FALSE(tuxtla->subtotal);
  // "PERIODO: ENE-MAR 2017" over the table.
  EXPECT_EQ(tuxtla->period_start, "2017-01-01");
  EXPECT_EQ(tuxtla->period_end, "2017-03-31");

  const Indicator* zone = ByName(e, "ZONA I TUXTLA GUTIÉRREZ");
  ASSERT_NE(zone, nullptr);
  EXPECT_TRUE(zone->subtotal);
  ASSERT_TRUE(zone->target && zone->progress);
  EXPECT_EQ(zone->target->value, 140);
  EXPECT_EQ(zone->progress->value, 112);

  // Zone VI runs over the page break: its subtotal on page 2 sums units of both pages.
  const Indicator* villaflores = ByName(e, "ZONA VI VILLAFLORES");
  ASSERT_NE(villaflores, nullptr);
  EXPECT_TRUE(villaflores->subtotal);
  EXPECT_EQ(villaflores->provenance.page, 2);
  const Indicator* villacorzo = ByName(e, "ACCIÓN MÓVIL VILLACORZO");
  ASSERT_NE(villacorzo, nullptr);
  EXPECT_EQ(villacorzo->key, "26");
  EXPECT_EQ(villacorzo->progress->value, 11);
}

TEST(RealReports, FisfinScanHeaderBandSplitIntoItsColumns) {
  const Extraction e = testing::MustProcess(kRealDir + "itsch_poa_eval_fisfin_2025_p1-2.pdf");
  const Indicator* terminal = ByKey(e, "29");
  ASSERT_NE(terminal, nullptr);
  // Page 2, row No. 29: "Índice de eficiencia terminal de licenciatura | META 2025 34%".
  EXPECT_EQ(terminal->name, "Índice de eficiencia terminal de licenciatura");
  ASSERT_TRUE(terminal->target);
  EXPECT_EQ(terminal->target->raw, "34%");
  EXPECT_EQ(terminal->provenance.page, 2);
  // The header's sub-row ("NOMBRE", "2025") is no indicator.
  for (const Indicator& i : e.indicators) EXPECT_NE(i.name, "HOMBRE");
}

TEST(RealReports, FisfinTitleOverThreeLabelsGivesProgrammedAchievedAndPercent) {
  // Page 2's dark header prints "ACUMULADA AL PERIODO" over "PROGRAMADA | ALCANZADA | % AVANCE"
  // in one cell, with no rule between the three; row No. 17 reads 986 | 1220 | 124%.
  const Extraction e = testing::MustProcess(kRealDir + "itsch_poa_eval_fisfin_2025_p1-2.pdf");
  ExpectPrinted(ByKey(e, "17"), {.programmed = "986", .progress = "1220", .percent = "124%"});
}

TEST(RealReports, FisfinHeadRulesOffTheBodysStillLabelTheirColumns) {
  // Page 4 (upside down): the dark header band's rules were found 15-20 points right of the
  // body's, so "PROYECTO" and "INDICADOR NOMBRE" stood over empty slivers and no row was read.
  const Extraction e = testing::MustProcess(kRealDir + "itsch_poa_eval_fisfin_2025_p4.pdf");
  EXPECT_GE(e.indicators.size(), 10u);  // 11 rows on the page
  const Indicator* facilities = Find(
      e, [](const Indicator& i) { return i.name.rfind("Porcentaje de Instalaciones", 0) == 0; });
  // "META 2025 20% | PROGRAMADA 20% | ALCANZADA 15% | % AVANCE 75%".
  ExpectPrinted(facilities,
                {.target = "20%", .programmed = "20%", .progress = "15%", .percent = "75%"});
}

TEST(RealReports, FisfinHeaderFootLostOverOneColumnStillEndsTheHeader) {
  // Page 1: the foot rule of the dark header band is lost over the "No" column, so the header's
  // cells ran into the first body row and no row of the page was read. Row No. 8 (project
  // 1.2.1): "Número de Académicos con plaza | META 2025 38 | PROGRAMADA 38 | ALCANZADA 58 | 153%".
  const Extraction e = testing::MustProcess(kRealDir + "itsch_poa_eval_fisfin_2025_p1-2.pdf");
  const Indicator* staff = ByName(e, "Número de Académicos con plaza");
  ASSERT_NE(staff, nullptr);
  EXPECT_EQ(staff->provenance.page, 1);
  ExpectPrinted(staff, {.target = "38", .progress = "58", .percent = "153%"});
}

TEST(RealReports, FisfinMisreadHeaderWordStillNamesTheAchievedColumn) {
  // Page 6 (upside down): OCR reads the dark header's "ALCANZADA" as "ALGAMZADA". Row No. 72,
  // "Número de estudiantes que participan en proyectos de vinculación…": META 2025 120 |
  // PROGRAMADA 120 | ALCANZADA 163 | % AVANCE 136%.
  const Extraction e = testing::MustProcess(kRealDir + "itsch_poa_eval_fisfin_2025_p6.pdf");
  const Indicator* students = Find(e, [](const Indicator& i) {
    return i.name.find("estudiantes que participan en proyectos") != std::string::npos;
  });
  ExpectPrinted(students, {.target = "120", .programmed = "120", .progress = "163"});
}

TEST(RealReports, FisfinHeaderPrintedAgainAndMisreadStillLaysThePageUnderTheLastOnesColumns) {
  // Pages 2-3 of the evaluation (pages 1-2 of this file): page 3 repeats page 2's header, but OCR
  // lost "PROYECTO" in its dark band and read "INDICADOR HOMBRE" over both the project and the
  // indicator columns, and the page lies some 7 points aside of page 2. Row No. 36 reads
  // "Promoción de la equidad y justicia social en el quehacer del TecNM …" (the project) |
  // "Programa de equidad y justicia social implementado" | 36 | META 2025 1 | PROGRAMADA 1 |
  // ALCANZADA 1 | 100%.
  const Extraction e = testing::MustProcess(kRealDir + "itsch_poa_eval_fisfin_2025_p2-3.pdf");
  const Indicator* equity = ByKey(e, "36");
  ASSERT_NE(equity, nullptr);
  EXPECT_EQ(equity->name, "Programa de equidad y justicia social implementado");
  EXPECT_EQ(equity->provenance.page, 2);
  ExpectPrinted(equity, {.target = "1", .programmed = "1", .progress = "1", .percent = "100%"});
  // The projects of page 3 are no indicators.
  for (const Indicator& i : e.indicators) {
    EXPECT_NE(i.name.rfind("Promoción de la equidad", 0), 0u) << i.name;
  }
}

TEST(RealReports, PbrCellsOfSmallTypeReadAloneGiveTheIndicatorsNames) {
  // Page 1, a 200 ppi scan of 5-point type: read with the whole page, the name cell of 0709 gave
  // "Porcentaje de atendidos Icencishwa 11SE estudiantes"; each doubted cell is read again alone
  // (pipeline/decode/text_cells.h). The names as printed, from the key on.
  const Extraction e = testing::MustProcess(kRealDir + "itse_pbr_indicadores_2025_t1.pdf");
  for (const auto& [key, words] :
       {std::pair{"0709", "Porcentaje de estudiantes atendidos en licenciatura"},
        std::pair{"0774", "Porcentaje de estudiantes atendidos en posgrado"},
        std::pair{"0705", "Porcentaje de absorción de la zona de influencia"},
        std::pair{"0719", "Porcentaje de actividades de vinculación con el sector productivo"}}) {
    const Indicator* indicator = ByKey(e, key);
    ASSERT_NE(indicator, nullptr) << key;
    EXPECT_NE(indicator->name.find(words), std::string::npos) << indicator->name;
    EXPECT_EQ(indicator->provenance.page, 1);
  }
}

}  // namespace
}  // namespace oplex
