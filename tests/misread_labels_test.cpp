// Header words OCR misread, mended against the role vocabulary (extractors/table/misread_labels.h)
// before the header band is read. The misreadings are the ones Tesseract made on the dark header
// band of ITSCH's scanned "Evaluación físico financiera" 2025 (data/real/).
#include "extractors/table/misread_labels.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/table/cell_kind.h"
#include "extractors/table/header_band.h"
#include "extractors/table/table_reader.h"
#include "pipeline/normalize/edit_distance.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::RowOf;
using testing::Rules;
using testing::TableOf;

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(EditDistance("nombre", "nombre"), 0u);
  EXPECT_EQ(EditDistance("hombre", "nombre"), 1u);
  EXPECT_EQ(EditDistance("ingset", "ingest"), 1u);  // a swap
  EXPECT_EQ(EditDistance("algamzada", "alcanzada"), 2u);
  EXPECT_EQ(EditDistance("", "meta"), 4u);
  EXPECT_EQ(EditDistance("metas", "meta"), 1u);
}

TEST(MisreadLabels, AWordOneOrTwoEditsFromAVocabularyWordIsThatWord) {
  EXPECT_EQ(Rules().NearestLabelWord("hombre"), "nombre");
  EXPECT_EQ(Rules().NearestLabelWord("algamzada"), "alcanzada");
  EXPECT_EQ(Rules().NearestLabelWord("antorizano"), "autorizado");
  EXPECT_EQ(MendLabelWords("acumulada al periodo / algamzada", Rules()),
            "acumulada al periodo / alcanzada");
}

TEST(MisreadLabels, KnownShortFarAndAmbiguousWordsStayAsRead) {
  EXPECT_EQ(Rules().NearestLabelWord("nombre"), std::nullopt);      // the vocabulary's own
  EXPECT_EQ(Rules().NearestLabelWord("mefa"), std::nullopt);        // under five letters
  EXPECT_EQ(Rules().NearestLabelWord("trimestre"), std::nullopt);   // nothing that near
  EXPECT_EQ(Rules().NearestLabelWord("programadx"), std::nullopt);  // programado or programada
}

Row Read(Row row, double confidence) {
  for (Cell& c : row.cells) c.confidence = confidence;
  return row;
}

TEST(MisreadLabels, OnlyWhatOcrDoubtedIsMended) {
  const Block block = TableOf({
      Read(RowOf({"INDICADOR", "ALGAMZADA"}), 0.6),
      RowOf({"Porcentaje de egresados incorporados al mercado laboral", "41%"}),
  });
  const Block typed = TableOf({
      RowOf({"INDICADOR", "ALGAMZADA"}),
      RowOf({"Porcentaje de egresados incorporados al mercado laboral", "41%"}),
  });
  for (const auto& [b, label] : {std::pair{&block, "alcanzada"}, std::pair{&typed, "algamzada"}}) {
    std::vector<std::vector<TypedCell>> rows;
    for (const Row& row : b->rows) rows.push_back(TypeCells(row, Rules()));
    MendMisreadLabels(&rows, Rules());
    const HeaderBand band = FindHeaderBand(*b, rows, Rules());
    EXPECT_EQ(band.labels[1], label);
    // The cell keeps the words as printed or read.
    EXPECT_EQ(rows[0][1].cell->text, "ALGAMZADA");
  }
}

TEST(MisreadLabels, AHeaderRepeatedOnTheNextPageIsKnownThoughOcrMisreadIt) {
  // The header printed again mid-table (a page break), where OCR read "ALCANZADA" right the
  // first time and "ALGAMZADA" the second.
  const Block block = TableOf({
      RowOf({"INDICADOR", "ALCANZADA"}),
      RowOf({"Porcentaje de egresados incorporados al mercado laboral", "41%"}),
      RowOf({"Número de convenios vigentes de vinculación", "14"}),
      RowOf({"Número de registros de propiedad intelectual", "6"}),
      RowOf({"Marco normativo de vinculación actualizado", "1"}),
      Read(RowOf({"INDICADOR", "ALGAMZADA"}), 0.6),
      RowOf({"Número de estudiantes en proyectos de vinculación", "163"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  ASSERT_EQ(table.rows.size(), 7u);
  EXPECT_EQ(table.rows[5].kind, RowKind::kHeader);
  EXPECT_EQ(table.rows[6].kind, RowKind::kRecord);
}

}  // namespace
}  // namespace oplex
