// A table that prints one record down its rows (extractors/table/transposed.h), on tables built
// by hand as a ficha prints them: a field's label in the first column, its value beside it.
#include "extractors/table/transposed.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "extractors/table/table_reader.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::RowOf;
using testing::Rules;
using testing::TableOf;

TEST(TableTurnedRecord, AFichaIsReadTurnedItsLabelsTheHeader) {
  const Block ficha = TableOf({
      RowOf({"Número", "3"}),
      RowOf({"Actividad", "Organizar el concurso estatal de debate"}),
      RowOf({"Periodo de ejecución:", "Julio a septiembre"}),
      RowOf({"Responsable", "Secretaría Ejecutiva"}),
  });
  const std::optional<Block> turned = TurnedRecord(UnderstandTable(ficha, Rules()), Rules());
  ASSERT_TRUE(turned.has_value());
  ASSERT_EQ(turned->rows.size(), 2u);
  EXPECT_EQ(turned->rows[0].cells[1].text, "Actividad");
  EXPECT_EQ(turned->rows[1].cells[1].text, "Organizar el concurso estatal de debate");
  const TypedTable t = UnderstandTable(*turned, Rules());
  EXPECT_EQ(t.header.rows, 1u);
  EXPECT_EQ(t.ColumnOf(ColumnRole::kCode), 0u);
  EXPECT_EQ(t.ColumnOf(ColumnRole::kText), 1u);
  EXPECT_EQ(t.ColumnOf(ColumnRole::kPeriod), 2u);
  EXPECT_EQ(t.ColumnOf(ColumnRole::kResponsible), 3u);
}

bool Turns(const Block& block) {
  return TurnedRecord(UnderstandTable(block, Rules()), Rules()).has_value();
}

// A table of two columns whose first holds figures, or labels naming no record's text, or whose
// text label has nothing beside it, is no ficha; nor is a table headed the right way up.
TEST(TableTurnedRecord, NoFichaWithoutLabelsNamingTheTextAndItsValue) {
  EXPECT_FALSE(Turns(TableOf(
      {RowOf({"2023", "Elaborar el informe"}), RowOf({"2024", "Revisar los lineamientos"})})));
  EXPECT_FALSE(Turns(
      TableOf({RowOf({"Responsable", "Secretaría Ejecutiva"}), RowOf({"Periodo", "Julio"})})));
  EXPECT_FALSE(
      Turns(TableOf({RowOf({"Actividad", ""}), RowOf({"Responsable", "Secretaría Ejecutiva"})})));
  EXPECT_FALSE(Turns(TableOf({RowOf({"Actividad", "Responsable"}),
                              RowOf({"Elaborar el informe trimestral", "Secretaría Ejecutiva"}),
                              RowOf({"Revisar los lineamientos", "Dirección Jurídica"})})));
}

}  // namespace
}  // namespace oplex
