// Cells of a scanned table's columns of numbers to read again digits-only, on a page drawn here:
// a ruled table at 1 pixel per point with a text column and two columns of numbers.
#include "pipeline/decode/numeric_cells.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

constexpr auto At = &testing::WordAt;

// Columns between x = 10, 100, 130, 160; rows between y = 10, 30, 50, 70, 90, 110, 130, 150.
//   row 1 (10..30): the header "Actividad", "Ene", "O" (a month letter: no number in the row);
//   row 2 (30..50): "Uno", "12", "o" (a zero read as a letter);
//   row 3 (50..70): "Dos", "7", and an empty cell with a glyph's ink in it;
//   row 4 (70..90): "Tres", "S/C", "3";
//   row 5 (90..110): "Cuatro", "40", and an empty cell with a speck in it;
//   rows 6 and 7: "Cinco", "1", "8" and "Seis", "2", "9".
struct Table {
  Graphics graphics;
  std::vector<Word> words;
  PixPtr binary{pixCreate(200, 170, 1)};
  Table() {
    for (double y : {10, 30, 50, 70, 90, 110, 130, 150}) {
      graphics.h_rules.push_back(BBox{10, y, 161, y + 1});
    }
    for (double x : {10, 100, 130, 160}) graphics.v_rules.push_back(BBox{x, 10, x + 1, 151});
    words = {At("Actividad", 20, 15, 60, 25), At("Ene", 105, 15, 125, 25),
             At("O", 150, 15, 157, 25),       At("Uno", 20, 35, 40, 45),
             At("12", 115, 35, 127, 45),      At("o", 150, 35, 157, 45),
             At("Dos", 20, 55, 40, 65),       At("7", 120, 55, 127, 65),
             At("Tres", 20, 75, 40, 85),      At("S/C", 105, 75, 127, 85),
             At("3", 150, 75, 157, 85),       At("Cuatro", 20, 95, 50, 105),
             At("40", 115, 95, 127, 105),     At("Cinco", 20, 115, 45, 125),
             At("1", 120, 115, 127, 125),     At("8", 150, 115, 157, 125),
             At("Seis", 20, 135, 40, 145),    At("2", 120, 135, 127, 145),
             At("9", 150, 135, 157, 145)};
    const auto ink = [&](int x, int y, int w, int h) {
      pixSetInRect(binary.get(), BoxPtr(boxCreate(x, y, w, h)).get());
    };
    ink(150, 55, 6, 9);   // a digit nobody read, in row 3
    ink(150, 100, 1, 1);  // a speck, in row 5
  }
};

TEST(NumericCells, EmptyCellsWithAGlyphAndDigitsReadAsLetters) {
  const Table t;
  const std::vector<NumericCell> cells =
      NumericCellsToRead(t.graphics, t.words, t.binary.get(), 1.0);
  ASSERT_EQ(cells.size(), 2u);
  // Row 2's "o", to replace.
  ASSERT_EQ(cells[0].words.size(), 1u);
  EXPECT_EQ(t.words[cells[0].words[0]].text, "o");
  // Row 3's unread glyph, with a margin, inside its cell's rules.
  EXPECT_TRUE(cells[1].words.empty());
  EXPECT_GE(cells[1].box.x0, 131);
  EXPECT_LE(cells[1].box.x0, 150);
  EXPECT_GE(cells[1].box.y0, 51);
  EXPECT_LE(cells[1].box.y0, 55);
  EXPECT_LE(cells[1].box.x1, 159);
  EXPECT_GE(cells[1].box.x1, 156);
  // Not read again: the header's "O", "S/C" (text), the speck, and the text column.
}

TEST(NumericCells, NoColumnOfNumbersNothingToRead) {
  Table t;
  for (Word& w : t.words) {
    if (IsNumberText(w.text)) w.text.assign(1, 'X');
  }
  EXPECT_TRUE(NumericCellsToRead(t.graphics, t.words, t.binary.get(), 1.0).empty());
}

TEST(NumericCells, NumbersReadReplaceTheirCellsWords) {
  const Table t;
  const std::vector<NumericCell> cells =
      NumericCellsToRead(t.graphics, t.words, t.binary.get(), 1.0);
  std::vector<Word> words = t.words;
  PutNumbers(cells, {At("0", 150, 35, 157, 45), At("5", 150, 55, 156, 64)}, &words);
  ASSERT_EQ(words.size(), t.words.size() + 1);
  EXPECT_EQ(std::count_if(words.begin(), words.end(), [](const Word& w) { return w.text == "o"; }),
            0);
  EXPECT_EQ(words[words.size() - 2].text, "0");
  EXPECT_EQ(words.back().text, "5");

  // A cell where nothing was read keeps its word.
  std::vector<Word> unchanged = t.words;
  PutNumbers(cells, {}, &unchanged);
  EXPECT_EQ(unchanged.size(), t.words.size());
}

// A column of codes (No. | ACTIVIDAD) as OCR reads the AGS plan set in Times at 200 dpi: "1."
// read as "L", a dot as "'" or "+", a code split in two words.
TEST(NumericCells, CodesReadAsLettersOrSplitInWords) {
  Graphics graphics;
  for (double y = 10; y <= 230; y += 20) graphics.h_rules.push_back(BBox{10, y, 151, y + 1});
  for (double x : {10, 40, 150}) graphics.v_rules.push_back(BBox{x, 10, x + 1, 231});
  std::vector<Word> words = {
      At("No.", 15, 15, 30, 25), At("ACTIVIDAD", 50, 15, 100, 25),  // the header
      At("L", 15, 35, 19, 45),   At("12", 24, 35, 35, 45),          // 1.12
      At("'", 14, 55, 15, 65),   At("+41", 18, 55, 35, 65),         // 1.11
      At("1.", 15, 75, 21, 85),  At("17", 25, 75, 35, 85),          // 1.17
      At("L", 15, 95, 19, 105),  At("IS", 24, 95, 35, 105)};        // 1.15: no digit
  // Six codes read as printed, rows 6 to 11.
  for (const char* code : {"1.10", "1.20", "1.21", "1.22", "1.23", "1.24"}) {
    const double top = 115 + 20 * static_cast<double>(words.size() - 10);
    words.push_back(At(code, 15, top, 35, top + 10));
  }
  PixPtr binary(pixCreate(200, 250, 1));
  const std::vector<NumericCell> cells = NumericCellsToRead(graphics, words, binary.get(), 1.0);
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[0].words, (std::vector<size_t>{2, 3}));
  EXPECT_EQ(cells[1].words, (std::vector<size_t>{4, 5}));
  EXPECT_EQ(cells[2].words, (std::vector<size_t>{6, 7}));
  // Read again, the words of each cell give way to what was read.
  std::vector<Word> read = words;
  PutNumbers(cells, {At("1.12", 15, 35, 35, 45)}, &read);
  EXPECT_EQ(read.size(), words.size() - 1);
  EXPECT_EQ(read.back().text, "1.12");
  // The cells where nothing was read are read again across their line, from rule to rule.
  EXPECT_EQ(UnreadWordCells(cells, {At("1.12", 15, 35, 35, 45)}), (std::vector<size_t>{1, 2}));
  EXPECT_LE(cells[1].line.x0, 14);
  EXPECT_GE(cells[1].line.x1, 38);
  EXPECT_GE(cells[1].line.y0, 51);
  EXPECT_LE(cells[1].line.y1, 69);
}

TEST(NumericCells, NumbersFarApartInOneCellAreNumbersOfTheirOwn) {
  // IEEM's monthly figures scanned: the rule between June and July lost, one ruled "cell" holds
  // June's 0 and July's 1, a column apart. They are not one number split: not read again.
  Graphics graphics;
  for (double y = 10; y <= 90; y += 20) graphics.h_rules.push_back(BBox{10, y, 101, y + 1});
  for (double x : {10, 100}) graphics.v_rules.push_back(BBox{x, 10, x + 1, 91});
  const std::vector<Word> words = {At("0", 20, 15, 26, 25), At("1", 70, 15, 75, 25),
                                   At("5", 20, 35, 26, 45), At("12", 70, 35, 80, 45),
                                   At("7", 20, 55, 26, 65), At("3", 70, 55, 75, 65),
                                   At("1", 20, 75, 25, 85), At("4", 27, 75, 32, 85)};
  PixPtr binary(pixCreate(120, 100, 1));
  const std::vector<NumericCell> cells = NumericCellsToRead(graphics, words, binary.get(), 1.0);
  // Only the last row's "1 4", split within a digit's height, is read again.
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(cells[0].words, (std::vector<size_t>{6, 7}));
}

TEST(NumericCells, WhatReadsAsANumber) {
  for (const char* n : {"0", "1,000", "$65,018", "25%", "0.5", "-3"}) EXPECT_TRUE(IsNumberText(n));
  for (const char* t : {"", "o", "S/C", "1a", "$", "N/A"}) EXPECT_FALSE(IsNumberText(t)) << t;
}

}  // namespace
}  // namespace oplex
