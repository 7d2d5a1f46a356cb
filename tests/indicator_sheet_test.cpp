// The indicator sheet reader (extractors/indicator_sheet.h) on technical sheets built by hand:
// label/value pairs in two columns or as "Label: value" lines, one sheet per indicator, and a
// sheet repeating an indicator of the matrix joined to it.
#include "extractors/indicator_sheet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::IndicatorRulesOf;
using testing::RowOf;
using testing::Rules;
using testing::TableOf;
using testing::VocabularyOf;

Block Paragraph(const std::string& text) {
  Block block;
  block.kind = BlockKind::kParagraph;
  block.rows.push_back(RowOf({text}));
  return block;
}

TEST(IndicatorSheet, TwoSheetsOfLabelsAndValuesAreTwoIndicators) {
  const std::vector<Block> blocks = {
      TableOf({
          RowOf({"Nombre del indicador", "Porcentaje de sesiones celebradas"}),
          RowOf({"Definición", "Mide las sesiones celebradas respecto de las programadas"}),
          RowOf({"Método de cálculo", "(Sesiones celebradas / Sesiones programadas) * 100"}),
          RowOf({"Frecuencia de medición", "Trimestral"}),
          RowOf({"Línea base", "80%"}),
          RowOf({"Meta", "100%"}),
      }),
      Paragraph("Nombre del indicador: Porcentaje de informes entregados"),
      Paragraph("Unidad de medida: Porcentaje"),
      Paragraph("Frecuencia: Mensual"),
  };
  Extraction e;
  ReadIndicatorSheets(blocks, Rules(), IndicatorRulesOf(), VocabularyOf(), &e);
  ASSERT_EQ(e.indicators.size(), 2u);
  const Indicator& first = e.indicators[0];
  EXPECT_EQ(first.name, "Porcentaje de sesiones celebradas");
  EXPECT_EQ(first.definition, "Mide las sesiones celebradas respecto de las programadas");
  EXPECT_EQ(first.method, "(Sesiones celebradas / Sesiones programadas) * 100");
  EXPECT_EQ(first.frequency, "trimestral");
  ASSERT_TRUE(first.baseline && first.target);
  EXPECT_EQ(first.baseline->value, 80);
  EXPECT_EQ(first.target->value, 100);
  EXPECT_EQ(e.indicators[1].name, "Porcentaje de informes entregados");
  EXPECT_EQ(e.indicators[1].unit, "Porcentaje");
  EXPECT_EQ(e.indicators[1].frequency, "mensual");
}

TEST(IndicatorSheet, ASheetRepeatingAMatrixRowFillsItInsteadOfAddingOne) {
  Extraction e;
  Indicator matrix;
  matrix.name = "Porcentaje de sesiones celebradas";
  matrix.frequency = "trimestral";
  e.indicators.push_back(matrix);
  const std::vector<Block> blocks = {TableOf({
      RowOf({"Nombre del indicador", "Porcentaje de sesiones celebradas"}),
      RowOf({"Método de cálculo", "(Sesiones celebradas / Sesiones programadas) * 100"}),
      RowOf({"Sentido", "Ascendente"}),
  })};
  ReadIndicatorSheets(blocks, Rules(), IndicatorRulesOf(), VocabularyOf(), &e);
  ASSERT_EQ(e.indicators.size(), 1u);
  EXPECT_EQ(e.indicators[0].method, "(Sesiones celebradas / Sesiones programadas) * 100");
  EXPECT_EQ(e.indicators[0].frequency, "trimestral");
  EXPECT_EQ(e.indicators[0].sense, "ascendente");
}

TEST(IndicatorSheet, AMatrixHeaderRowAndALoneNameAreNoSheet) {
  const std::vector<Block> blocks = {
      TableOf({
          RowOf({"Nombre del indicador", "Definición", "Método de cálculo", "Frecuencia"}),
          RowOf({"Porcentaje de avance", "Es el grado de avance", "(A / B) * 100", "Mensual"}),
      }),
      Paragraph("Nombre del indicador: Porcentaje de avance"),
  };
  Extraction e;
  ReadIndicatorSheets(blocks, Rules(), IndicatorRulesOf(), VocabularyOf(), &e);
  EXPECT_TRUE(e.indicators.empty());
}

}  // namespace
}  // namespace oplex
