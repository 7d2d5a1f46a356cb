// Fields printed once above the records they are about (fields_above.h), on hand-built blocks
// laid out as tecdmx_poa_fichas_2020 p.1 prints its ficha: "Identificación de Responsables" over
// "Unidad Re / sponsable / :" | "01 - Pleno", "Responsa / ble / Operativo:" | a ponencia, and, on a
// later page, "Objetivo de la Unidad Responsable" over a paragraph.
#include "extractors/fields_above.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::RowOf;
using testing::Rules;

Block TableOf(std::vector<Row> rows) {
  Block b;
  b.kind = BlockKind::kTable;
  b.rows = std::move(rows);
  return b;
}

Block ParagraphOf(const std::string& text, int page, int line) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.rows.push_back(RowOf({text}, page));
  b.rows.back().first_line = b.rows.back().last_line = line;
  return b;
}

Row At(Row row, int line) {
  row.first_line = row.last_line = line;
  return row;
}

Activity ActivityAt(const std::string& text, int page, int line) {
  Activity a;
  a.text = text;
  a.provenance.page = page;
  a.provenance.line = line;
  return a;
}

TEST(FieldsAbove, AFichaNamesTheResponsibleOfTheRecordsBelowIt) {
  const std::vector<Block> blocks = {
      TableOf({At(RowOf({"Identificación de Responsables", ""}, 1), 3),
               At(RowOf({"Unidad Re\nsponsable\n:", "01 - Pleno"}, 1), 4),
               At(RowOf({"Responsa\nble\nOperativo:",
                         "01 - Ponencia del Magistrado\nArmando "
                         "Ambriz Hernández"},
                        1),
                  7)}),
      TableOf({At(RowOf({"Objetivo de la Unidad Responsable", ""}, 2), 20),
               At(RowOf({"Garantizar a la ciudadanía la impartición de justicia", ""}, 2), 21)}),
      // A second ficha.
      TableOf({At(RowOf({"Área responsable:", "Secretaría\nGeneral"}, 5), 60)}),
  };
  Extraction e;
  e.activities = {ActivityAt("printed before any field", 1, 1),
                  ActivityAt("Asuntos resueltos por el Pleno", 4, 40),
                  ActivityAt("with a responsible column", 4, 45), ActivityAt("Informes", 6, 70)};
  e.activities[2].responsible = "Ponencia 3";
  GiveFieldsAbove(blocks, Rules(), 0, &e);
  EXPECT_EQ(e.activities[0].responsible, std::nullopt);
  EXPECT_EQ(e.activities[1].responsible, "01 - Pleno");
  EXPECT_EQ(e.activities[2].responsible, "Ponencia 3");  // its own is kept
  EXPECT_EQ(e.activities[3].responsible, "Secretaría General");
  EXPECT_EQ(e.responsible_above, "Secretaría General");
}

TEST(FieldsAbove, ALineOfTextGivesTheFieldAndItStandsIntoTheNextWindow) {
  Extraction e;
  e.activities = {ActivityAt("Capacitar al personal", 2, 30)};
  GiveFieldsAbove({ParagraphOf("Programa Anual 2024\nUnidad responsable: Dirección de "
                               "Organización Electoral\nResponsable operativo: Lic. Ana Ruiz",
                               1, 10)},
                  Rules(), 0, &e);
  EXPECT_EQ(e.activities[0].responsible, "Dirección de Organización Electoral");
  // A later window with no field of its own: its records stand under the last one read.
  e.activities.push_back(ActivityAt("Evaluar la capacitación", 70, 900));
  GiveFieldsAbove({ParagraphOf("Metas del segundo semestre", 70, 890)}, Rules(), 1, &e);
  EXPECT_EQ(e.activities[1].responsible, "Dirección de Organización Electoral");
  // The field's name alone, without a unit's: "Responsable".
  e.activities.push_back(ActivityAt("Publicar la convocatoria", 80, 1000));
  GiveFieldsAbove({ParagraphOf("Responsable: Dirección Jurídica", 79, 990)}, Rules(), 2, &e);
  EXPECT_EQ(e.activities[2].responsible, "Dirección Jurídica");
}

TEST(FieldsAbove, LabelsThatAreNotTheFieldsNameAloneGiveNothing) {
  for (const char* label : {"Responsable operativo:", "Responsable de la ficha:",
                            "Objetivo de la Unidad Responsable", "Unidad de medida:"}) {
    Extraction e;
    e.activities = {ActivityAt("Informes", 2, 30)};
    GiveFieldsAbove({TableOf({At(RowOf({label, "Lic. Ana Ruiz"}, 1), 5)})}, Rules(), 0, &e);
    EXPECT_EQ(e.activities[0].responsible, std::nullopt) << label;
  }
}

TEST(FieldsAbove, ARecordsOwnResponsibleRowStandsOverNoOtherRecord) {
  // A plan printed as one small table per activity, its responsible on a row under it: that row
  // is the activity's (a column mapper's to read), not a field over the next table.
  const std::vector<Block> blocks = {
      TableOf({At(RowOf({"Actividad", "Elaborar el informe anual"}, 1), 10),
               At(RowOf({"Responsable", "Dirección A"}, 1), 11)}),
      TableOf({At(RowOf({"Actividad", "Revisar los lineamientos"}, 1), 20)}),
  };
  Extraction e;
  e.activities = {ActivityAt("Elaborar el informe anual", 1, 10),
                  ActivityAt("Revisar los lineamientos", 1, 20)};
  GiveFieldsAbove(blocks, Rules(), 0, &e);
  EXPECT_EQ(e.activities[1].responsible, std::nullopt);
}

}  // namespace
}  // namespace oplex
