// The indicator mapper (extractors/indicator_mapper.h) and the table steps a progress report
// needs, on small tables built by hand: a header whose group titles write the period covered, a
// column of names no header names, zone subtotals, the header printed again on the next page.
#include "extractors/indicator_mapper.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/activity_mapper.h"
#include "extractors/table/table_join.h"
#include "extractors/table/table_reader.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::Boxed;
using testing::IndicatorRulesOf;
using testing::RowOf;
using testing::Rules;
using testing::SpannedAcross;
using testing::TableOf;
using testing::VocabularyOf;

const std::vector<double> kEdges = {40, 80, 300, 380, 460, 540, 620};

// The three header rows of a report by zones: the period over two groups of figures, each group
// naming what it counts, then the figures' own labels.
std::vector<Row> ZoneHeader(double top, int page) {
  std::vector<Row> rows = {
      SpannedAcross(RowOf({"No.", "", "ACUMULADO ENE-MAR 2017", "", "", "", "HORAS"}, page), 2, 4),
      SpannedAcross(RowOf({"", "", "CURSOS", "", "", "", ""}, page), 2, 4),
      RowOf({"", "UNIDAD DE CAPACITACIÓN / ESPECIALIDAD", "PROGRAMADO ENE-MAR", "REALIZADO ENE-MAR",
             "DIFERENCIA", "% de Cumplimiento", ""},
            page),
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    rows[r] = Boxed(rows[r], kEdges, top + 20 * static_cast<double>(r));
  }
  return rows;
}

Row Body(const std::vector<std::string>& cells, double top, int page) {
  return Boxed(RowOf(cells, page), kEdges, top);
}

// Two pages of a report by zones: zone I's units and subtotal, then on the next page, under the
// header printed again, zone II's last unit of page one's second unit and its subtotal.
std::vector<Block> ZoneReport() {
  std::vector<Row> first = ZoneHeader(100, 1);
  first.push_back(
      Body({"1", "UNIDAD DE CAPACITACIÓN TUXTLA", "75", "79", "4", "105%", "2,338"}, 160, 1));
  first.push_back(Body({"2", "ACCIÓN MÓVIL BERRIOZABAL", "6", "5", "-1", "83%", "142"}, 180, 1));
  first.push_back(Body({"", "ZONA I TUXTLA", "81", "84", "3", "104%", "2,480"}, 200, 1));
  first.push_back(
      Body({"3", "UNIDAD DE CAPACITACIÓN TAPACHULA", "20", "42", "22", "210%", "3,998"}, 220, 1));
  std::vector<Row> second = ZoneHeader(100, 2);
  second.push_back(Body({"4", "ACCIÓN MÓVIL CACAHOATÁN", "3", "2", "-1", "67%", "40"}, 160, 2));
  second.push_back(Body({"", "ZONA II TAPACHULA", "23", "44", "21", "191%", "4,038"}, 180, 2));
  second.push_back(Body({"", "TOTALES", "104", "128", "24", "123%", "6,518"}, 200, 2));
  return {TableOf(std::move(first)), TableOf(std::move(second))};
}

std::vector<TypedTable> Joined(const std::vector<Block>& blocks) {
  std::vector<TypedTable> tables;
  for (const Block& block : blocks) tables.push_back(UnderstandTable(block, Rules()));
  JoinContinuedTables(&tables, Rules());
  return tables;
}

TEST(IndicatorTables, PeriodOverFiguresIsHeaderAndNamesAreTheText) {
  const std::vector<Block> blocks = ZoneReport();
  const TypedTable table = UnderstandTable(blocks[0], Rules());
  EXPECT_EQ(table.header.rows, 3u);
  ASSERT_EQ(table.roles.size(), 7u);
  EXPECT_EQ(table.roles[0].role, ColumnRole::kCode);
  EXPECT_EQ(table.roles[1].role, ColumnRole::kText);
  EXPECT_EQ(table.roles[2].role, ColumnRole::kProgrammed);
  EXPECT_EQ(table.roles[3].role, ColumnRole::kAchieved);
  EXPECT_EQ(table.roles[5].role, ColumnRole::kPercent);
  EXPECT_TRUE(table.ReportsProgress());
}

TEST(IndicatorTables, UncodedRowSummingTheRecordsAboveIsASubtotal) {
  const std::vector<TypedTable> tables = Joined(ZoneReport());
  ASSERT_EQ(tables.size(), 1u);  // the header printed again on page 2 goes on the same table
  std::vector<RowKind> body;
  for (const TypedRow& row : tables[0].rows) {
    if (row.kind != RowKind::kHeader) body.push_back(row.kind);
  }
  EXPECT_EQ(body, (std::vector<RowKind>{RowKind::kRecord, RowKind::kRecord, RowKind::kSubtotal,
                                        RowKind::kRecord, RowKind::kRecord, RowKind::kSubtotal,
                                        RowKind::kTotal}));
}

TEST(IndicatorMapper, EachUnitAndZoneIsAnIndicatorWithItsFiguresAsPrinted) {
  const std::vector<Block> blocks = ZoneReport();
  Extraction e;
  MapIndicators(Joined(blocks), std::nullopt, Rules(), IndicatorRulesOf(), VocabularyOf(), &e);
  ASSERT_EQ(e.indicators.size(), 6u);  // four units, two zones; the grand total is no indicator
  const Indicator& first = e.indicators[0];
  EXPECT_EQ(first.name, "UNIDAD DE CAPACITACIÓN TUXTLA");
  EXPECT_EQ(first.key, "1");
  ASSERT_TRUE(first.target && first.progress && first.percent);
  EXPECT_EQ(first.target->value, 75);
  EXPECT_EQ(first.progress->value, 79);
  EXPECT_EQ(first.percent->raw, "105%");
  EXPECT_EQ(first.unit, "CURSOS");  // the group title over its figures
  EXPECT_FALSE(first.subtotal);
  // The difference and the hours are kept under their headers.
  ASSERT_EQ(first.attributes.size(), 2u);
  EXPECT_EQ(first.attributes[0].value, "4");
  EXPECT_EQ(first.attributes[1].value, "2,338");
  const Indicator& zone = e.indicators[2];
  EXPECT_EQ(zone.name, "ZONA I TUXTLA");
  EXPECT_TRUE(zone.subtotal);
  EXPECT_FALSE(zone.key.has_value());
  EXPECT_EQ(e.indicators[4].name, "ACCIÓN MÓVIL CACAHOATÁN");
  EXPECT_EQ(e.indicators[4].provenance.page, 2);
  EXPECT_EQ(e.indicators[4].attributes[0].value, "-1");
  EXPECT_TRUE(e.indicators[5].subtotal);
}

TEST(IndicatorMapper, ReturnsTheRowsOfTheTablesItMapped) {
  const std::vector<Block> blocks = ZoneReport();
  Extraction e;
  const std::vector<const Row*> read =
      MapIndicators(Joined(blocks), std::nullopt, Rules(), IndicatorRulesOf(), VocabularyOf(), &e);
  // Every row of both pages, header rows too, so that no other extractor reads them again.
  EXPECT_EQ(read.size(), blocks[0].rows.size() + blocks[1].rows.size());
  EXPECT_TRUE(std::is_sorted(read.begin(), read.end()));
}

TEST(IndicatorMapper, AKeyTheNameOpensWithIsKeptApart) {
  const Block block = TableOf({
      RowOf({"Nombre del Indicador", "Meta", "Resultado"}),
      RowOf({"0709 Porcentaje de estudiantes atendidos en licenciatura", "0.00", "100.00"}),
      RowOf({"2024 Programa de capacitación", "10", "8"}),
  });
  Extraction e;
  MapIndicators({UnderstandTable(block, Rules())}, std::nullopt, Rules(), IndicatorRulesOf(),
                VocabularyOf(), &e);
  ASSERT_EQ(e.indicators.size(), 2u);
  EXPECT_EQ(e.indicators[0].name, "0709 Porcentaje de estudiantes atendidos en licenciatura");
  EXPECT_EQ(e.indicators[0].key, "0709");
  EXPECT_EQ(e.indicators[0].progress->value, 100);
  EXPECT_FALSE(e.indicators[1].key.has_value());  // a year opens the name: no key
}

TEST(IndicatorMapper, ASectionRowIsTheSectionOfTheIndicatorsUnderIt) {
  const Block block = TableOf({
      RowOf({"Nombre del indicador", "Meta", "Resultado"}),
      SpannedAcross(RowOf({"Eje 1. Fortalecimiento institucional", "", ""}), 0, 3),
      RowOf({"Porcentaje de sesiones celebradas", "100%", "92%"}),
      RowOf({"Porcentaje de informes entregados", "100%", "100%"}),
  });
  Extraction e;
  MapIndicators({UnderstandTable(block, Rules())}, std::nullopt, Rules(), IndicatorRulesOf(),
                VocabularyOf(), &e);
  ASSERT_EQ(e.indicators.size(), 2u);
  ASSERT_EQ(e.sections.size(), 1u);
  EXPECT_EQ(e.sections[0].title, "Eje 1. Fortalecimiento institucional");  // as printed
  EXPECT_EQ(e.indicators[0].section, 0u);
  EXPECT_EQ(e.indicators[1].section, 0u);
}

// A scanned progress table whose unit cells OCR read with doubt: "Infcrmes" misreads
// "Informes" and is stored so, with a finding that keeps the reading; "Reportes" spells a unit
// and stays; a reading OCR did not doubt is never mended.
TEST(IndicatorMapper, AUnitOcrMisreadIsMendedWithAFinding) {
  Block block = TableOf({
      RowOf({"Nombre del indicador", "Unidad de medida", "Meta", "Resultado"}),
      RowOf({"Informes de actividades entregados", "Infcrmes", "4", "4"}),
      RowOf({"Reportes de avance publicados", "Reportes", "12", "11"}),
      RowOf({"Dictámenes emitidos", "Dictamenez", "6", "6"}),
  });
  block.rows[1].cells[1].confidence = 0.62;
  block.rows[2].cells[1].confidence = 0.9;
  Extraction e;
  MapIndicators({UnderstandTable(block, Rules())}, std::nullopt, Rules(), IndicatorRulesOf(),
                VocabularyOf(), &e);
  ASSERT_EQ(e.indicators.size(), 3u);
  EXPECT_EQ(e.indicators[0].unit, "Informes");
  EXPECT_EQ(e.indicators[1].unit, "Reportes");
  EXPECT_EQ(e.indicators[2].unit, "Dictamenez");  // read without doubt: kept as read
  std::vector<const Finding*> misread;
  for (const Finding& f : e.findings) {
    if (f.code == "unit_misread") misread.push_back(&f);
  }
  ASSERT_EQ(misread.size(), 1u);
  EXPECT_EQ(misread[0]->raw_text, "Infcrmes");
  EXPECT_EQ(misread[0]->severity, Severity::kInfo);
  EXPECT_NE(misread[0]->message.find("Informes de actividades entregados"), std::string::npos);
}

TEST(IndicatorMapper, APlanWithoutAnAchievedColumnGivesNoIndicator) {
  const Block block = TableOf({
      RowOf({"No.", "Actividad", "Meta anual"}),
      RowOf({"1", "Elaborar informes mensuales de avance", "12"}),
      RowOf({"2", "Realizar las sesiones ordinarias del consejo", "12"}),
  });
  Extraction e;
  MapIndicators({UnderstandTable(block, Rules())}, std::nullopt, Rules(), IndicatorRulesOf(),
                VocabularyOf(), &e);
  EXPECT_TRUE(e.indicators.empty());
}

TEST(IndicatorMapper, ASheetOfIndicatorsGivesEachFieldFromItsColumn) {
  const Block block = TableOf({
      RowOf({"Indicador", "Definición", "Fórmula", "Frecuencia", "Línea base", "Meta"}),
      RowOf({"Porcentaje de asuntos resueltos", "Es el grado de avance de asuntos resueltos",
             "(Asuntos resueltos / Asuntos recibidos) * 100", "Mensual", "80%", "95%"}),
      RowOf({"Porcentaje de informes entregados", "Es el grado de entrega de informes",
             "(Informes entregados / Informes programados) * 100", "Trimestral", "N/A", "100%"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_TRUE(table.HoldsIndicators());
  Extraction e;
  MapIndicators({table}, std::nullopt, Rules(), IndicatorRulesOf(), VocabularyOf(), &e);
  ASSERT_EQ(e.indicators.size(), 2u);
  const Indicator& first = e.indicators[0];
  EXPECT_EQ(first.name, "Porcentaje de asuntos resueltos");
  EXPECT_EQ(first.definition, "Es el grado de avance de asuntos resueltos");
  EXPECT_EQ(first.method, "(Asuntos resueltos / Asuntos recibidos) * 100");
  EXPECT_EQ(first.frequency, "mensual");
  ASSERT_TRUE(first.baseline && first.target);
  EXPECT_EQ(first.baseline->value, 80);
  EXPECT_EQ(first.target->value, 95);
  EXPECT_TRUE(first.target->percent);
  // "N/A" is kept as written, with no value: unknown, not zero.
  ASSERT_TRUE(e.indicators[1].baseline);
  EXPECT_EQ(e.indicators[1].baseline->raw, "N/A");
  EXPECT_FALSE(e.indicators[1].baseline->value);
  // And no activity comes from it.
  Extraction activities;
  MapActivities({table}, Rules(), VocabularyOf(), 2024, &activities);
  EXPECT_TRUE(activities.activities.empty());
}

}  // namespace
}  // namespace oplex
