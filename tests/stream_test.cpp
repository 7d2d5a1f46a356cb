// Stream (unruled) tables (pipeline/layout/stream.h, pdf_layout.h), on words placed by hand where
// tecdmx_poa_fichas_2020 prints its unruled "META PRINCIPAL" tables, squeezed into half the page:
// the month labels stand about a font size apart, closer than a column gap; a cell's text comes
// within a column gap of the next column; and the header may stand alone at the foot of a page.
#include "pipeline/layout/stream.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pipeline/layout/pdf_layout.h"
#include "tests/placed_words.h"

namespace oplex {
namespace {

using testing::WordAt;

// The words of one line of 22-point type at `top`, written "text@x0-x1 text@x0-x1 …".
void AddLine(double top, const std::string& spec, std::vector<Word>* out) {
  std::istringstream in(spec);
  std::string token;
  while (in >> token) {
    const size_t at = token.rfind('@'), dash = token.find('-', at);
    const double x0 = std::stod(token.substr(at + 1, dash - at - 1));
    const double x1 = std::stod(token.substr(dash + 1));
    out->push_back(WordAt(token.substr(0, at), x0, top, x1, top + 22.2));
  }
}

// The header of p.3 and p.21: "Denominación / de la Meta | UM | EN/E FE/B MA/R AB/R MA/Y JU/N".
void AddHeader(double top, std::vector<Word>* out) {
  AddLine(top,
          "Denominación@31.0-196.4 UM@218.9-256.3 EN@282.9-316.2 FE@332.7-363.3 MA@377.8-415.1 "
          "AB@427.6-462.3 MA@474.8-512.1 JU@526.6-557.2",
          out);
  AddLine(top + 30,
          "de@55.7-83.7 la@90.4-110.4 Meta@117.1-171.7 E@291.5-307.5 B@339.3-356.7 R@387.8-405.1 "
          "R@436.3-453.6 Y@485.4-501.4 N@533.2-550.6",
          out);
}

// A 1 under each month of a half year.
const std::string kOnes =
    " 1@292.9-306.2 1@341.3-354.7 1@389.8-403.1 1@438.3-451.6 1@486.7-500.1 1@535.2-548.6";

// Page 4's words: the row of the table whose header closed page 3.
std::vector<Word> Page4Words() {
  std::vector<Word> words;
  AddLine(36.2, "Asuntos@30.0-116.7 Asunt@206.9-268.3" + kOnes, &words);
  AddLine(69.7,
          "resueltos@30.0-127.3 por@134.0-168.7 el@175.3-194.0 o@230.9-244.3 JU@284.2-314.9 "
          "AG@330.0-366.0 SE@380.5-412.5 OC@426.9-462.9 NO@475.4-511.4 DIC@521.2-562.6",
          &words);
  AddLine(99.7,
          "Pleno@30.0-91.3 en@98.0-124.7 L@292.2-306.9 O@338.7-357.3 P@388.5-404.5 T@437.6-452.3 "
          "V@485.4-501.4",
          &words);
  AddLine(132.6, "materia@30.0-110.0 de@116.6-143.3" + kOnes, &words);
  return words;
}

std::vector<std::string> Texts(const Row& row) {
  std::vector<std::string> texts;
  for (const Cell& c : row.cells) texts.push_back(c.text);
  return texts;
}

std::vector<Block> TablesOf(const std::vector<Block>& blocks) {
  std::vector<Block> tables;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kTable) tables.push_back(b);
  }
  return tables;
}

Page PageOf(int number, std::vector<Word> words) {
  Page page;
  page.number = number;
  page.width = 595.3;
  page.height = 841.9;
  page.words = std::move(words);
  return page;
}

TEST(StreamTables, ARowOfEvenlySpacedShortLabelsSetsColumnsThoughTheirGapsAreNarrow) {
  // "JU AG SE OC NO DIC": less than a column gap apart (DIC within half a font size of NO), a
  // label over each month column.
  int next_line = 1;
  const std::vector<Block> tables = TablesOf(LayoutPage(PageOf(4, Page4Words()), &next_line));
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Texts(t.rows[1]), (std::vector<std::string>{"resueltos por el", "o", "JU", "AG", "SE",
                                                        "OC", "NO", "DIC"}));
  EXPECT_EQ(Texts(t.rows[3]),
            (std::vector<std::string>{"materia de", "", "1", "1", "1", "1", "1", "1"}));
}

TEST(StreamTables, AHeaderGapDividesCellsThatNearlyTouch) {
  // p.21: "Elaboración de" comes within less than a column gap of "porce", under the header's
  // gap between "Denominación" and "UM"; the last line, "proyectos para  ntajes", goes on the
  // table as it keeps to its columns.
  std::vector<Word> words;
  AddHeader(681.3, &words);
  AddLine(744.2, "Elaboración@30.0-156.7 de@163.3-190.0 porce@207.6-267.6" + kOnes, &words);
  AddLine(774.2, "proyectos@30.0-134.0 para@140.7-188.7 ntajes@205.6-269.6", &words);
  int next_line = 1;
  const std::vector<Block> tables = TablesOf(LayoutPage(PageOf(21, words), &next_line));
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Texts(t.rows[0]),
            (std::vector<std::string>{"Denominación", "UM", "EN", "FE", "MA", "AB", "MA", "JU"}));
  EXPECT_EQ(t.rows[2].cells[0].text, "Elaboración de");
  EXPECT_EQ(t.rows[2].cells[1].text, "porce");
  EXPECT_EQ(t.rows[3].cells[0].text, "proyectos para");
  EXPECT_EQ(t.rows[3].cells[1].text, "ntajes");
}

TEST(StreamTables, AHeaderAloneAtAPagesFootTakesTheRowsOpeningTheNextPage) {
  // p.3 closes with the header; p.4 opens with its row, whose own columns (found from four
  // lines) stand elsewhere: the row is laid on the header's columns and joins its table.
  std::vector<Word> foot;
  AddHeader(711.3, &foot);
  PdfLayout layout;
  layout.AddPage(PageOf(3, foot));
  layout.AddPage(PageOf(4, Page4Words()));
  const std::vector<Block> tables = TablesOf(layout.Finish());
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_EQ(t.rows.size(), 6u);
  EXPECT_EQ(Texts(t.rows[0]),
            (std::vector<std::string>{"Denominación", "UM", "EN", "FE", "MA", "AB", "MA", "JU"}));
  EXPECT_EQ(t.rows[2].page, 4);
  EXPECT_EQ(Texts(t.rows[2]),
            (std::vector<std::string>{"Asuntos", "Asunt", "1", "1", "1", "1", "1", "1"}));
  EXPECT_EQ(Texts(t.rows[4]),
            (std::vector<std::string>{"Pleno en", "", "L", "O", "P", "T", "V", ""}));
}

TEST(StreamTables, AHeaderAtAPagesFootThatNoTableTakesReadsAsParagraphs) {
  // The same two lines at the foot of a page followed by running text, and at the end of the
  // document: a paragraph, as the page's other lines.
  std::vector<Word> foot;
  AddHeader(711.3, &foot);
  std::vector<Word> text;
  AddLine(40, "Texto@30-90 corrido@96-170 arriba.@176-250", &text);
  PdfLayout layout;
  layout.AddPage(PageOf(3, foot));
  layout.AddPage(PageOf(4, text));
  layout.AddPage(PageOf(5, foot));
  const std::vector<Block> blocks = layout.Finish();
  EXPECT_TRUE(TablesOf(blocks).empty());
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text(), "Denominación UM EN FE MA AB MA JU de la Meta E B R R Y N");
  EXPECT_EQ(blocks[0].rows.front().page, 3);
  EXPECT_EQ(blocks[1].text(), "Texto corrido arriba.");
  EXPECT_EQ(blocks[2].rows.front().page, 5);
}

TEST(StreamTables, TwoLinesInTheMiddleOfAPageAreNoTable) {
  // The same header with a paragraph under it: two lines make a table only at a page's foot.
  std::vector<Word> words;
  AddHeader(300, &words);
  AddLine(400, "Texto@30-90 corrido@96-170 debajo.@176-250", &words);
  int next_line = 1;
  EXPECT_TRUE(TablesOf(LayoutPage(PageOf(3, words), &next_line)).empty());
}

}  // namespace
}  // namespace oplex
