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

// The tables of page `number` holding `words`, laid out alone.
std::vector<Block> TablesOnPage(int number, std::vector<Word> words) {
  int next_line = 1;
  return TablesOf(LayoutPage(PageOf(number, std::move(words)), &next_line));
}

TEST(StreamTables, ARowOfEvenlySpacedShortLabelsSetsColumnsThoughTheirGapsAreNarrow) {
  // "JU AG SE OC NO DIC": less than a column gap apart (DIC within half a font size of NO), a
  // label over each month column.
  const std::vector<Block> tables = TablesOnPage(4, Page4Words());
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
  const std::vector<Block> tables = TablesOnPage(21, words);
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
  EXPECT_TRUE(TablesOnPage(3, words).empty());
}

// Tables a web page or a word processor sets without borders, columns as wide as their
// labels (words placed where Chromium prints the AGS plan so, in 8.5-point type): the month
// labels stand evenly apart (10.8 pt between each label and the next), but not their centres.
void AddTypeLine(double top, const std::string& spec, bool bold, std::vector<Word>* out) {
  const size_t from = out->size();
  AddLine(top, spec, out);
  for (size_t i = from; i < out->size(); ++i) {
    (*out)[i].bbox.y1 = top + 9.3;
    (*out)[i].bold = bold;
  }
}

const char kMonthHeader[] =
    "Clave@54.1-78.8 Actividad@89.6-131.8 Ene@248.8-265.3 Feb@276.1-292.4 Mar@303.2-320.5 "
    "Abr@331.2-347.1 May@357.9-376.2 Jun@387.0-401.3 Jul@412.1-423.5 Ago@434.3-451.7 "
    "Sep@462.5-479.4 Oct@490.2-505.5 Nov@516.3-533.7 Dic@544.5-558.6";
// An X under each of the twelve months.
const char kTwelveMarks[] =
    " X@254.3-259.8 X@281.5-287.0 X@309.1-314.5 X@336.4-341.9 X@364.3-369.8 X@391.4-396.9 "
    "X@415.1-420.6 X@440.3-445.7 X@468.2-473.7 X@495.1-500.6 X@522.3-527.7 X@548.8-554.3";

// The part of the plan with one activity (3.1, "Suministrar el financiamiento estatal / a
// Partidos Políticos.", every month marked) under its bold header.
std::vector<Word> OneActivityPart(bool bold_header) {
  std::vector<Word> words;
  AddTypeLine(465.1, kMonthHeader, bold_header, &words);
  AddTypeLine(477.1,
              std::string("3.1@54.1-66.9 Suministrar@89.6-135.8 el@138.3-145.4 "
                          "financiamiento@148.0-207.6 estatal@210.1-237.5") +
                  kTwelveMarks,
              false, &words);
  AddTypeLine(486.8, "a@89.6-94.5 Partidos@97.0-129.1 Políticos.@131.7-166.9", false, &words);
  return words;
}

// Month numbers set flush left in their columns over marks centred under them (a scan of a grid
// without rules): the whitespace between two labels holds a mark with a gap on either side; each
// label heads one column, and the mark stands in it (it stood in a column of its own).
TEST(StreamTables, LabelsSetFlushLeftOverCentredMarksHeadOneColumnEach) {
  std::vector<Word> words;
  AddTypeLine(100, "No.@54-66 Actividad@90-130 1@300-303 2@330-333 3@360-363 4@390-393 5@420-423",
              true, &words);
  AddTypeLine(115, "1@54-57 Elaborar@90-125 el@127-133 informe@135-165 1@306-309 1@336-339", false,
              &words);
  AddTypeLine(130, "2@54-57 Revisar@90-122 la@124-130 norma@132-158 1@336-339 1@366-369 1@396-399",
              false, &words);
  AddTypeLine(145, "3@54-57 Aprobar@90-123 el@125-131 plan@133-150 1@426-429", false, &words);
  const std::vector<Block> tables = TablesOnPage(1, words);
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Texts(t.rows[0]),
            (std::vector<std::string>{"No.", "Actividad", "1", "2", "3", "4", "5"}));
  EXPECT_EQ(Texts(t.rows[2]),
            (std::vector<std::string>{"2", "Revisar la norma", "", "1", "1", "1", ""}));
  EXPECT_EQ(Texts(t.rows[3]),
            (std::vector<std::string>{"3", "Aprobar el plan", "", "", "", "", "1"}));
}

TEST(StreamTables, ABoldHeaderOfEvenlySpacedLabelsOverOneRowIsATable) {
  const std::vector<Block> tables = TablesOnPage(16, OneActivityPart(true));
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_GE(t.rows.size(), 2u);
  const std::vector<std::string> header = Texts(t.rows[0]);
  ASSERT_EQ(header.size(), 14u);
  EXPECT_EQ(header[2], "Ene");
  EXPECT_EQ(header[13], "Dic");
  const std::vector<std::string> row = Texts(t.rows[1]);
  ASSERT_EQ(row.size(), 14u);
  EXPECT_EQ(row[0], "3.1");
  EXPECT_EQ(row[1].rfind("Suministrar el financiamiento estatal", 0), 0u) << row[1];
  for (size_t m = 2; m < 14; ++m) EXPECT_EQ(row[m], "X") << m;
}

TEST(StreamTables, LabelsAsWideAsTheirColumnsCloserThanAColumnGapSetColumns) {
  // The same plan with 2 points of padding: 4 points between the labels, less than a column gap,
  // their centres 16.9 to 21.1 points apart (Jul is narrow, May wide).
  std::vector<Word> words;
  AddTypeLine(43.6,
              "Clave@51.0-75.0 Actividad@95.0-140.0 Ene@326.9-343.5 Feb@347.5-363.8 "
              "Mar@367.7-385.0 Abr@389.0-404.9 May@408.9-427.2 Jun@431.2-445.5 Jul@449.5-460.9 "
              "Ago@464.9-482.3 Sep@486.3-503.2 Oct@507.2-522.5 Nov@526.5-543.9 Dic@547.9-562.0",
              true, &words);
  AddTypeLine(60,
              "1.101@51.0-72.0 Realizar@95.0-130.0 la@132.5-140.0 X@415.0-421.0 X@436.0-441.0 "
              "X@452.0-458.0 X@471.0-476.0 X@492.0-497.0 X@512.0-518.0 X@532.0-538.0 "
              "X@552.0-558.0",
              false, &words);
  AddTypeLine(75,
              "1.102@51.0-72.0 Generar@95.0-130.0 X@353.0-358.0 X@374.0-379.0 X@394.0-400.0 "
              "X@415.0-421.0 X@436.0-441.0",
              false, &words);
  AddTypeLine(90,
              "1.103@51.0-72.0 Participar@95.0-140.0 X@374.0-379.0 X@394.0-400.0 X@415.0-421.0 "
              "X@471.0-476.0 X@492.0-497.0",
              false, &words);
  const std::vector<Block> tables = TablesOnPage(10, words);
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Texts(t.rows[0]),
            (std::vector<std::string>{"Clave", "Actividad", "Ene", "Feb", "Mar", "Abr", "May",
                                      "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"}));
  EXPECT_EQ(Texts(t.rows[2]), (std::vector<std::string>{"1.102", "Generar", "", "X", "X", "X", "X",
                                                        "X", "", "", "", "", "", ""}));
}

// A plan laid out by reportlab with rules above and below its header only: the header in 8-point
// bold, the rows in 10-point regular type. A header in a size of its own heads the table.
TEST(StreamTables, ABoldHeaderInASmallerSizeThanItsRowsHeadsThem) {
  std::vector<Word> words;
  auto add = [&](double top, const std::string& spec, double size, bool bold) {
    const size_t from = words.size();
    AddLine(top, spec, &words);
    for (size_t i = from; i < words.size(); ++i) {
      words[i].bbox.y1 = top + size;
      words[i].font_size = size;
      words[i].bold = bold;
    }
  };
  add(103.5,
      "No.@67.0-79.0 Actividad@97.0-130.0 Periodo@347.0-373.0 de@376.0-384.0 "
      "ejecución@386.0-418.0 Entregable@457.0-494.0",
      8, true);
  add(119.0,
      "1.@67.0-73.0 Elaborar@97.0-125.0 el@127.0-133.0 informe@134.0-160.0 Enero@347.0-366.0 "
      "a@368.0-372.0 marzo@374.0-395.0 Informe@457.0-483.0",
      10, false);
  add(137.0,
      "2.@67.0-73.0 Revisar@97.0-121.0 la@123.0-129.0 instalación@131.0-166.0 "
      "Permanente@347.0-385.0 Reporte@457.0-482.0 mensual@484.0-512.0",
      10, false);
  add(155.0,
      "3.@67.0-73.0 Aprobar@97.0-124.0 los@126.0-135.0 juicios@137.0-158.0 Abril@347.0-364.0 "
      "-@366.0-369.0 junio@371.0-388.0 Acuerdo@457.0-485.0",
      10, false);
  const std::vector<Block> tables = TablesOnPage(1, words);
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Texts(t.rows[0]),
            (std::vector<std::string>{"No.", "Actividad", "Periodo de ejecución", "Entregable"}));
  EXPECT_EQ(Texts(t.rows[2]), (std::vector<std::string>{"2.", "Revisar la instalación",
                                                        "Permanente", "Reporte mensual"}));
}

TEST(StreamTables, TheSameLinesUnderAHeaderInTheirOwnTypeAreNoTable) {
  // Without the contrast of type, two lines of cells in the middle of a page stay paragraphs.
  EXPECT_TRUE(TablesOnPage(16, OneActivityPart(false)).empty());
}

TEST(StreamTables, AHeaderPrintedAgainOnThePageOverOneRowIsATable) {
  // As OCR reads a scan (no bold): the one-activity part, then the next part under the same
  // header. The header printed twice tells it from a line of text.
  std::vector<Word> words = OneActivityPart(false);
  AddTypeLine(520, kMonthHeader, false, &words);
  AddTypeLine(532, "4.1@54.1-66.9 Elaborar@89.6-125.0 X@254.3-259.8", false, &words);
  AddTypeLine(544, "4.2@54.1-66.9 Integrar@89.6-125.0 X@281.5-287.0", false, &words);
  const std::vector<Block> tables = TablesOnPage(16, words);
  ASSERT_EQ(tables.size(), 2u);
  ASSERT_GE(tables[0].rows.size(), 2u);
  EXPECT_EQ(tables[0].rows[1].cells.front().text, "3.1");
  EXPECT_EQ(tables[1].rows.back().cells.front().text, "4.2");
}

TEST(StreamTables, ARowWhoseTextWrapsOverManyLinesInItsCellKeepsTheTableGoing) {
  // 1.32's text runs over seven lines of its column; 1.33 and 1.34 follow in the same table.
  std::vector<Word> words;
  AddTypeLine(100, kMonthHeader, true, &words);
  double top = 112;
  AddTypeLine(top, "1.31@54.1-70.0 Elaborar@89.6-125.0 la@127.5-135.0" + std::string(kTwelveMarks),
              false, &words);
  top += 12;
  AddTypeLine(top, "1.32@54.1-70.0 Realizar@89.6-125.0 las@127.5-140.0 X@495.1-500.6", false,
              &words);
  for (int k = 0; k < 6; ++k) {
    top += 9.75;
    AddTypeLine(top, "solicitudes@89.6-135.0 de@137.5-147.0 registro@149.5-185.0", false, &words);
  }
  top += 12;
  AddTypeLine(top, "1.33@54.1-70.0 Requerir@89.6-125.0 X@522.3-527.7", false, &words);
  top += 12;
  AddTypeLine(top, "1.34@54.1-70.0 Resolver@89.6-125.0 X@548.8-554.3", false, &words);
  const std::vector<Block> tables = TablesOnPage(7, words);
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  EXPECT_EQ(t.rows.back().cells.front().text, "1.34");
  EXPECT_EQ(t.rows.back().cells.back().text, "X");
}

// The plan's p.18 as OCR reads it from a scan (no bold; each line's size measured anew): 2.29's
// third line, in capitals and descenders ("empresas y Organismos"), comes out 13 % larger than
// the others.
std::vector<Word> ScannedRowsWithALargerLine(double left_of_larger) {
  std::vector<Word> words;
  AddTypeLine(100, kMonthHeader, false, &words);
  AddTypeLine(112, "2.29@54.1-70.0 Realizar@89.6-125.0 gestiones@127.5-160.0 X@495.1-500.6", false,
              &words);
  AddTypeLine(122.5, "universidades,@89.6-140.0 o@142.5-146.0", false, &words);
  const size_t larger = words.size();
  AddTypeLine(133, "empresas@89.6-125.0 y@127.5-131.0 Organismos@133.5-175.0", false, &words);
  for (size_t i = larger; i < words.size(); ++i) {
    const double shift = left_of_larger - 89.6;
    words[i].bbox.x0 += shift, words[i].bbox.x1 += shift;
    words[i].font_size = 10.6;
  }
  AddTypeLine(143.5, "Públicos@89.6-120.0 Locales@122.5-150.0", false, &words);
  AddTypeLine(156, "2.30@54.1-70.0 Elaborar@89.6-125.0 X@522.3-527.7", false, &words);
  AddTypeLine(168, "2.31@54.1-70.0 Realizar@89.6-125.0 X@548.8-554.3", false, &words);
  return words;
}

TEST(StreamTables, AWrappedLineReadLargerInsideItsColumnKeepsTheTableGoing) {
  const std::vector<Block> tables = TablesOnPage(18, ScannedRowsWithALargerLine(89.6));
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  EXPECT_EQ(t.rows.front().cells.front().text, "Clave");
  EXPECT_EQ(t.rows.back().cells.front().text, "2.31");
}

TEST(StreamTables, ALargerLineAtTheFirstColumnsEdgeEndsTheTable) {
  // The same line from the first column's edge, where a heading stands, is no cell's text: the
  // table breaks there (the header and 2.29 too few lines for a table; 2.30 and 2.31, closing the
  // page, a table on their own).
  const std::vector<Block> tables = TablesOnPage(18, ScannedRowsWithALargerLine(54.1));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables.front().rows.front().cells.front().text, "2.30");
}

// A Gantt chart as a spreadsheet prints it without borders: rows of 8-point type 22 points apart
// (14 points of whitespace between lines, under two font sizes), month names 30 points apart
// over them. The rows are one table, and January's column is as wide as the other months' (its
// left boundary half a step from its name, not in the middle of the whitespace after the
// activities' text), so that a fill of that month's cell covers it.
TEST(StreamTables, TallRowsUnderAMonthLadderAreOneTableItsFirstMonthAsWideAsTheOthers) {
  std::vector<Word> words;
  auto add = [&](const std::string& text, double x0, double x1, double top) {
    words.push_back(WordAt(text, x0, top, x1, top + 8));
  };
  const char* months[] = {"Ene", "Feb", "Mar", "Abr", "May", "Jun"};
  add("No.", 40, 52, 100);
  add("Actividad", 80, 115, 100);
  for (int m = 0; m < 6; ++m) add(months[m], 337 + 30.0 * m, 353 + 30.0 * m, 100);
  const char* texts[] = {"Realizar", "Revisar", "Aprobar", "Difundir"};
  for (int r = 0; r < 4; ++r) {
    const double top = 122 + 22.0 * r;
    add(std::to_string(r + 1), 44, 48, top);
    add(texts[r], 80, 120, top);
    add("foros", 123, 145, top);
  }
  const std::vector<Block> tables = TablesOnPage(1, words);
  ASSERT_EQ(tables.size(), 1u);
  const Block& t = tables.front();
  ASSERT_EQ(t.rows.size(), 5u);
  ASSERT_EQ(t.columns.size(), 9u);
  EXPECT_EQ(t.rows[0].cells[2].text, "Ene");
  EXPECT_EQ(t.rows[4].cells[1].text, "Difundir foros");
  EXPECT_DOUBLE_EQ(t.columns[2], 330);
  EXPECT_DOUBLE_EQ(t.columns[3], 360);
}

}  // namespace
}  // namespace oplex
