// Cells of a scanned table's text to read again alone, on a table drawn here (points), with the
// words and confidences OCR gave on itse_pbr_indicadores_2025_t1 (page 1) where it says so.
#include "pipeline/decode/text_cells.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

// A word as OCR read it: its text, its confidence and its box.
Word At(const std::string& text, double confidence, double x0, double y0, double x1, double y1) {
  return testing::OcrWordAt(text, x0, y0, x1, y1, confidence);
}

// Columns between x = 10, 150, 200: a name and a unit. A dark header band over y = 10..30 with no
// rule under it; rules at y = 10, 60 and 90.
//   header: "Nombre" (doubted) in the band;
//   row 1 (30..60): the name of indicator 0709 and its unit as the page pass read them;
//   row 2 (60..90): a name read with confidence, and "100.00" doubted (a number, not text).
struct Table {
  Graphics graphics;
  std::vector<Word> words;
  Table() {
    for (double y : {10, 60, 90}) graphics.h_rules.push_back(BBox{10, y, 201, y + 1});
    for (double x : {10, 150, 200}) graphics.v_rules.push_back(BBox{x, 10, x + 1, 91});
    graphics.fills.push_back(Fill{BBox{10, 10, 201, 30}, 0x404040});
    words = {
        At("Nombre", 0.40, 20, 14, 60, 24),
        // Row 1, as the page pass read it.
        At("0709", 0.82, 14, 34, 30, 41),
        At("Porcentaje", 0.64, 32, 34, 70, 41),
        At("de", 0.93, 72, 34, 80, 41),
        At("atendidos", 0.74, 82, 34, 120, 41),
        At("Icencishwa", 0.17, 14, 44, 60, 51),
        At("11SE", 0.02, 62, 44, 80, 51),
        At("estudiantes", 0.36, 122, 34, 146, 41),
        At("433", 0.95, 154, 34, 166, 41),
        At("Por", 0.72, 168, 34, 180, 41),
        At("cierto.", 0.50, 154, 44, 180, 51),
        // Row 2.
        At("Porcentaje", 0.95, 14, 64, 60, 71),
        At("de", 0.96, 62, 64, 70, 71),
        At("programas", 0.93, 72, 64, 110, 71),
        At("100.00", 0.40, 160, 64, 190, 71),
    };
  }
};

TEST(TextCells, DoubtedTextBetweenRulesAndTheEdgesOfAFillIsReadAgain) {
  const Table t;
  const std::vector<TextCell> cells = TextCellsToRead(t.graphics, t.words);
  ASSERT_EQ(cells.size(), 3u);
  // The header's cell ends at the band's bottom edge, where no rule is.
  EXPECT_EQ(t.words[cells[0].words.at(0)].text, "Nombre");
  EXPECT_NEAR(cells[0].box.y0, 12, 0.01);  // the rule's middle, 10.5, and the inset, 1.5
  EXPECT_NEAR(cells[0].box.y1, 28.5, 0.01);
  // Row 1's name: between the band's edge and the rule at 60, inside its column's rules.
  EXPECT_EQ(cells[1].words.size(), 7u);
  EXPECT_NEAR(cells[1].box.x0, 12, 0.01);
  EXPECT_NEAR(cells[1].box.y0, 31.5, 0.01);
  EXPECT_NEAR(cells[1].box.x1, 149, 0.01);
  EXPECT_NEAR(cells[1].box.y1, 59, 0.01);
  // Row 1's unit, "433 Por cierto.": more letters than digits, doubted.
  EXPECT_EQ(cells[2].words.size(), 3u);
  EXPECT_NEAR(cells[2].box.x0, 152, 0.01);
  // Not read again: row 2's name (sure) and its "100.00" (a number).
}

TEST(TextCells, ALineSetCloseToItsRuleIsReadUpToTheRule) {
  Table t;
  t.words[5].bbox.y1 = 59.5;  // "Icencishwa" reaches past the inset, not past the rule
  const std::vector<TextCell> cells = TextCellsToRead(t.graphics, t.words);
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_NEAR(cells[1].box.y1, 60.5, 0.01);
}

TEST(TextCells, AWordAcrossAColumnRuleLeavesBothCellsAsRead) {
  Table t;
  for (Word& w : t.words) w.confidence = 0.3;
  t.words.push_back(At("Porcentajes", 0.3, 100, 74, 170, 81));  // across the rule at x = 150
  for (const TextCell& c : TextCellsToRead(t.graphics, t.words)) {
    EXPECT_LT(c.box.y1, 60) << "a cell of row 2 is read, though a word stands across its rule";
  }
}

// The cell of row 1's name and a new reading of it.
struct Reread {
  Table table;
  std::vector<TextCell> cells = TextCellsToRead(table.graphics, table.words);
  std::vector<std::string> Put(std::vector<Word> read) {
    std::vector<Word> words = table.words;
    PutTexts({cells.at(1)}, std::move(read), &words);
    std::vector<std::string> texts;
    for (const Word& w : words) {
      if (w.bbox.x1 < 150 && w.bbox.y0 > 30 && w.bbox.y1 < 60) texts.push_back(w.text);
    }
    return texts;
  }
};

TEST(TextCells, ASurerReadingThatKeepsTheSureWordsReplacesTheCells) {
  Reread r;
  // As Tesseract read the cell alone from the grey page.
  const std::vector<std::string> texts = r.Put({
      At("0709", 0.96, 14, 34, 30, 41),
      At("Porcentaje", 0.89, 32, 34, 70, 41),
      At("de", 0.96, 72, 34, 80, 41),
      At("estudiantes", 0.94, 82, 34, 120, 41),
      At("atendidos", 0.79, 122, 34, 146, 41),
      At("en", 0.95, 14, 44, 22, 51),
      At("licenciatura.", 0.87, 24, 44, 70, 51),
      At("ITSE", 0.65, 72, 44, 90, 51),
  });
  EXPECT_EQ(texts, (std::vector<std::string>{"0709", "Porcentaje", "de", "estudiantes", "atendidos",
                                             "en", "licenciatura.", "ITSE"}));
}

TEST(TextCells, AReadingThatLosesASureWordOrIsNotClearlySurerOrShorterIsLeft) {
  const std::vector<std::string> as_read = {"0709",       "Porcentaje", "de",         "atendidos",
                                            "Icencishwa", "11SE",       "estudiantes"};
  {
    // A word the page pass was sure of ("atendidos", here with 0.95) missing from the reading.
    Reread r;
    r.table.words[4].confidence = 0.95;
    r.cells = TextCellsToRead(r.table.graphics, r.table.words);
    const std::vector<std::string> texts = r.Put({
        At("0709", 0.96, 14, 34, 30, 41),
        At("Porcentaje", 0.95, 32, 34, 70, 41),
        At("de", 0.96, 72, 34, 80, 41),
        At("estudiantes", 0.94, 82, 34, 120, 41),
        At("en", 0.95, 14, 44, 22, 51),
        At("licenciatura", 0.95, 24, 44, 70, 51),
    });
    EXPECT_EQ(texts, as_read);
  }
  {
    // Surer by less than the margin.
    Reread r;
    const std::vector<std::string> texts = r.Put({
        At("0709", 0.5, 14, 34, 30, 41),
        At("Porcentaje", 0.5, 32, 34, 70, 41),
        At("de", 0.5, 72, 34, 80, 41),
        At("estudiantes", 0.5, 82, 34, 120, 41),
        At("atendidos", 0.5, 122, 34, 146, 41),
        At("en", 0.5, 14, 44, 22, 51),
        At("licenciatura.", 0.5, 24, 44, 70, 51),
        At("ITSE", 0.5, 72, 44, 90, 51),
    });
    EXPECT_EQ(texts, as_read);
  }
  {
    // Far fewer letters: a box that cut the cell's lines.
    Reread r;
    const std::vector<std::string> texts = r.Put({
        At("0709", 0.96, 14, 34, 30, 41),
        At("Porcentaje", 0.96, 32, 34, 70, 41),
    });
    EXPECT_EQ(texts, as_read);
  }
}

TEST(TextCells, ASureWordStandsWhereTheNewReadingIsLessSureOfIt) {
  // On U079 the page pass read "2.40" (0.91) in a cell read again as "… 2,90 (0.77) GHz …"; on
  // itse_pbr "Variable 2" read again as "variable £". Here "0709" read as "2" with 0.93.
  Reread r;
  r.table.words[1].text = "2";
  r.table.words[1].confidence = 0.93;
  r.cells = TextCellsToRead(r.table.graphics, r.table.words);
  const std::vector<std::string> texts = r.Put({
      At("£", 0.89, 14, 34, 30, 41),
      At("Porcentaje", 0.95, 32, 34, 70, 41),
      At("de", 0.96, 72, 34, 80, 41),
      At("estudiantes", 0.94, 82, 34, 120, 41),
      At("atendidos", 0.95, 122, 34, 146, 41),
      At("licenciatura", 0.95, 24, 44, 70, 51),
  });
  EXPECT_EQ(texts, (std::vector<std::string>{"2", "Porcentaje", "de", "estudiantes", "atendidos",
                                             "licenciatura"}));
}

}  // namespace
}  // namespace oplex
