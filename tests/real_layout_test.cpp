// Layout of published PDFs (data/real, copied from the public documents they name), checked
// against what a person reads on the page:
//   - itse_pada_2023 p.18: the "Cronograma de actividades", drawn with heavy double rules
//     around every cell, is one table of a header and 5 activities over 13 columns, whose month
//     cells carry the light pink of the months each activity is scheduled in;
//   - tecdmx_poa_fichas_2020 p.4: a ficha squeezed into half the page, whose ruled cells break
//     words at the cell's edge without a hyphen ("%Dete/rminac/iones/Jurisdi/cciona/les"), read
//     whole, while wrapped words keep their space ("Denominación / de la Meta"); p.13: a number
//     broken after its point ("11." over "11"); pp.22-23: such a cell broken over the page break
//     ("…Jurisdi/cciona" at the foot of p.22, "les" at the top of p.23), read whole.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/layout/pdf_layout.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

const std::string kRealDir = std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/";

// The tables laid out on pages [first, last] of a real document.
std::vector<Block> Tables(const std::string& stem, int first, int last) {
  const std::string bytes = testing::ReadBytes(kRealDir + stem + ".pdf");
  auto doc = PdfDocument::Open(bytes, stem);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return {};
  PdfLayout layout;
  for (int number = first; number <= last; ++number) {
    auto page = doc->ReadPage(number);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok()) layout.AddPage(*page);
  }
  std::vector<Block> tables;
  for (Block& b : layout.Finish()) {
    if (b.kind == BlockKind::kTable) tables.push_back(std::move(b));
  }
  return tables;
}

// The months (as 12 characters, 1 for a cell whose colour differs from the page's) of a row
// whose last 12 cells are the months.
std::string FilledMonths(const Row& row) {
  std::string months;
  for (size_t c = row.cells.size() - 12; c < row.cells.size(); ++c) {
    const Cell& cell = row.cells[c];
    months += cell.fill && row.background && *cell.fill != *row.background ? '1' : '0';
  }
  return months;
}

TEST(RealLayout, PadaCronogramaDrawnWithDoubleRules) {
  const std::vector<Block> tables = Tables("itse_pada_2023", 18, 18);
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables[0];
  ASSERT_EQ(t.rows.size(), 6u);  // the header and 5 activities
  for (const Row& row : t.rows) ASSERT_EQ(row.cells.size(), 13u);
  EXPECT_EQ(t.rows[0].cells[0].text, "ACTIVIDAD");
  EXPECT_EQ(t.rows[0].cells[1].text, "E");
  EXPECT_EQ(t.rows[0].cells[12].text, "D");
  EXPECT_EQ(t.rows[4].cells[0].text, "4. Realizar Transferencias primarias.");
  const std::vector<std::string> months = {"100000000000", "011000000110", "111111111111",
                                           "111111111000", "111111111111"};
  for (size_t r = 0; r < months.size(); ++r) {
    EXPECT_EQ(FilledMonths(t.rows[r + 1]), months[r]) << "activity " << r + 1;
    EXPECT_EQ(t.rows[r + 1].cells[0].fill, t.rows[r + 1].background) << "activity " << r + 1;
  }
}

TEST(RealLayout, TecdmxWordsBrokenAtACellsEdgeAreWhole) {
  const std::vector<Block> tables = Tables("tecdmx_poa_fichas_2020", 4, 4);
  const Row* jel = nullptr;
  const Row* header = nullptr;
  for (const Block& t : tables) {
    for (const Row& row : t.rows) {
      if (row.cells.size() < 2) continue;
      if (row.cells[0].text == "JEL") jel = &row;
      if (row.cells[1].text == "UM") header = &row;
    }
  }
  ASSERT_NE(jel, nullptr);
  EXPECT_EQ(jel->cells[1].text, "%Determinaciones Jurisdiccionales");
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->cells[0].text, "Denominación de la Meta");
}

// The row of `tables` whose first cell reads `text`.
const Row* RowNamed(const std::vector<Block>& tables, const std::string& text) {
  for (const Block& t : tables) {
    for (const Row& row : t.rows) {
      if (!row.cells.empty() && row.cells[0].text == text) return &row;
    }
  }
  return nullptr;
}

TEST(RealLayout, TecdmxCellBrokenOverThePageBreakIsReadWhole) {
  const std::vector<Block> tables = Tables("tecdmx_poa_fichas_2020", 22, 23);
  const Row* jldc = RowNamed(tables, "Elaboración de proyectos JLDC");
  ASSERT_NE(jldc, nullptr);
  EXPECT_EQ(jldc->page, 22);
  EXPECT_EQ(jldc->cells[1].text, "%Determinaciones Jurisdiccionales");
}

TEST(RealLayout, TecdmxNumberBrokenAfterItsPointIsOneNumber) {
  // p.13: the indicator's goal "11.11" in a cell too narrow for it, printed "11." over "11".
  const std::vector<Block> tables = Tables("tecdmx_poa_fichas_2020", 13, 13);
  const Row* jlt = RowNamed(tables, "Porcentaje de avance de JLT");
  ASSERT_NE(jlt, nullptr);
  EXPECT_EQ(jlt->cells.back().text, "11.11");
}

}  // namespace
}  // namespace oplex
