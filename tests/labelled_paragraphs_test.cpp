// Records printed as paragraphs, a field to a line (extractors/table/labelled_paragraphs.h), on
// paragraphs built by hand as a word processor sets a plan without a table.
#include "extractors/table/labelled_paragraphs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/table/table_reader.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::RowOf;
using testing::Rules;

std::vector<Block> ParagraphsOf(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  for (const std::string& line : lines) {
    Block b;
    b.rows.push_back(RowOf({line}));
    blocks.push_back(std::move(b));
  }
  return blocks;
}

// Each "Actividad N." line opens a record, its number kept with its text as the printed code;
// the fields under it are its own. The opening paragraph and the "Objetivo" line above the first
// activity belong to none.
TEST(TableLabelledParagraphs, EachActivityLineOpensARecordOfTheFieldsUnderIt) {
  const std::vector<Block> blocks = ParagraphsOf({
      "La Secretaría Ejecutiva presenta las actividades del ejercicio.",
      "Objetivo: fortalecer la participación ciudadana.",
      "Actividad 1. Realizar foros de participación juvenil",
      "Responsable: Secretaría Ejecutiva",
      "Periodo: enero a marzo de 2025",
      "Actividad 2. Difundir materiales de cultura democrática",
      "Periodo: abril de 2025",
      "Entregable: Informe",
  });
  const std::vector<LabelledRecord> records = LabelledRecords(blocks, Rules());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].first_block, 2u);
  EXPECT_EQ(records[1].first_block, 5u);
  const Block& first = records[0].table;
  ASSERT_EQ(first.rows.size(), 2u);
  ASSERT_EQ(first.rows[0].cells.size(), 3u);
  EXPECT_EQ(first.rows[0].cells[0].text, "Actividad");
  EXPECT_EQ(first.rows[0].cells[2].text, "Periodo");
  EXPECT_EQ(first.rows[1].cells[0].text, "1. Realizar foros de participación juvenil");
  EXPECT_EQ(first.rows[1].cells[1].text, "Secretaría Ejecutiva");
  const TypedTable t = UnderstandTable(records[1].table, Rules());
  EXPECT_EQ(t.header.rows, 1u);
  EXPECT_EQ(t.ColumnOf(ColumnRole::kText), 0u);
  EXPECT_EQ(t.ColumnOf(ColumnRole::kPeriod), 1u);
}

// A record printed over a page break: its provenance is the box on its first page, not one
// spanning two pages' coordinates.
TEST(TableLabelledParagraphs, ARecordOverAPageBreakHasTheBoxOfItsFirstPage) {
  std::vector<Block> blocks =
      ParagraphsOf({"Actividad 1. Realizar foros de participación juvenil",
                    "Responsable: Secretaría Ejecutiva", "Periodo: enero a marzo de 2025"});
  const BBox boxes[] = {{72, 700, 540, 712}, {72, 716, 540, 728}, {72, 60, 540, 72}};
  for (size_t i = 0; i < blocks.size(); ++i) {
    blocks[i].rows.front().bbox = boxes[i];
    blocks[i].rows.front().page = i < 2 ? 1 : 2;
  }
  const std::vector<LabelledRecord> records = LabelledRecords(blocks, Rules());
  ASSERT_EQ(records.size(), 1u);
  const Row& values = records[0].table.rows[1];
  EXPECT_EQ(values.page, 1);
  ASSERT_TRUE(values.bbox.has_value());
  EXPECT_EQ(values.bbox->y0, 700);
  EXPECT_EQ(values.bbox->y1, 728);
}

// A record may open with its number on a line of its own ("Número: 4").
TEST(TableLabelledParagraphs, ARecordOpensWithItsNumberOrItsText) {
  const std::vector<LabelledRecord> records = LabelledRecords(ParagraphsOf({
                                                                  "Número: 4",
                                                                  "Actividad: Aprobar la ubicación "
                                                                  "de las casillas",
                                                                  "Responsable: Consejo General",
                                                                  "Número: 5",
                                                                  "Actividad: Capacitar a los "
                                                                  "funcionarios",
                                                              }),
                                                              Rules());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].table.rows[1].cells[0].text, "4");
  EXPECT_EQ(records[1].table.rows[1].cells[1].text, "Capacitar a los funcionarios");
  // The number after the label, a colon after it: the record's number, the colon left out.
  const std::vector<LabelledRecord> numbered = LabelledRecords(
      ParagraphsOf({"Acción 2: Revisar los expedientes", "Responsable: Secretaría Ejecutiva"}),
      Rules());
  ASSERT_EQ(numbered.size(), 1u);
  EXPECT_EQ(numbered[0].table.rows[1].cells[0].text, "2 Revisar los expedientes");
  // The word that says a number follows is no part of the label's name.
  const std::vector<LabelledRecord> signed_number = LabelledRecords(
      ParagraphsOf({"Actividad No. 3. Instalar los consejos", "Periodo: mayo de 2025"}), Rules());
  ASSERT_EQ(signed_number.size(), 1u);
  EXPECT_EQ(signed_number[0].table.rows[0].cells[0].text, "Actividad");
  EXPECT_EQ(UnderstandTable(signed_number[0].table, Rules()).ColumnOf(ColumnRole::kText), 0u);
}

// Lines of labels that name no record's text (the place and date of a meeting), and a text
// label alone, are no record.
TEST(TableLabelledParagraphs, NoRecordWithoutTheTextAndAnotherField) {
  EXPECT_TRUE(LabelledRecords(ParagraphsOf({"Lugar: Sala de sesiones", "Fecha: 12 de marzo de 2024",
                                            "Responsable: Secretaría Técnica"}),
                              Rules())
                  .empty());
  EXPECT_TRUE(LabelledRecords(ParagraphsOf({"Actividad: Revisar los expedientes",
                                            "El consejo sesionó en la sala de juntas."}),
                              Rules())
                  .empty());
}

// One block of fields unnumbered may describe the document: records without a number are kept
// only as a list, two or more opening with the same label.
TEST(TableLabelledParagraphs, OneUnnumberedBlockOfFieldsIsNoList) {
  const std::vector<std::string> cover = {"Nombre del programa: Programa Anual de Trabajo",
                                          "Unidad responsable: Secretaría Ejecutiva",
                                          "Periodo: enero a diciembre de 2025"};
  EXPECT_TRUE(LabelledRecords(ParagraphsOf(cover), Rules()).empty());
  std::vector<std::string> listed = {
      "Actividad: Revisar los expedientes", "Responsable: Secretaría Ejecutiva",
      "Actividad: Instalar los consejos distritales", "Responsable: Dirección de Organización"};
  EXPECT_EQ(LabelledRecords(ParagraphsOf(listed), Rules()).size(), 2u);
  listed.resize(2);
  EXPECT_TRUE(LabelledRecords(ParagraphsOf(listed), Rules()).empty());
}

// A numbered list whose items carry their fields on lines under them: each item opens a record,
// its number and text under an empty label (the text found by its content, beside the period a
// label names). A heading numbered as the items are, with no fields under it, is none; a lone
// item with fields is no list (a numbered heading over a block describing the document).
TEST(TableLabelledParagraphs, NumberedItemsWithTheirFieldsUnderThemAreAList) {
  const std::vector<Block> blocks = ParagraphsOf({
      "1. Actividades",
      "1. Elaborar el informe trimestral de actividades",
      "Área responsable: Dirección de Participación Ciudadana",
      "Fecha de realización: marzo y abril de 2025",
      "2. Revisar los lineamientos de fiscalización",
      "Área responsable: Dirección de Participación Ciudadana",
      "Fecha de realización: del 6 al 7 de agosto de 2025",
      "2. Seguimiento",
      "La Dirección informará cada trimestre del avance.",
  });
  const std::vector<LabelledRecord> records = LabelledRecords(blocks, Rules());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].first_block, 1u);
  EXPECT_EQ(records[1].first_block, 4u);
  const Block& second = records[1].table;
  ASSERT_EQ(second.rows.size(), 2u);
  EXPECT_EQ(second.rows[0].cells[0].text, "");
  EXPECT_EQ(second.rows[1].cells[0].text, "2. Revisar los lineamientos de fiscalización");
  const TypedTable t = UnderstandTable(second, Rules());
  EXPECT_EQ(t.ColumnOf(ColumnRole::kText), 0u);
  EXPECT_EQ(t.ColumnOf(ColumnRole::kPeriod), 2u);
  EXPECT_TRUE(LabelledRecords({blocks.begin(), blocks.begin() + 4}, Rules()).empty());
}

}  // namespace
}  // namespace oplex
