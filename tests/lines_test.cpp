// Words → lines (pipeline/layout/lines.h), on words placed by hand after a cell of the fisfin
// evaluation's scanned page 2: two lines of 5 pt text set 6 pt apart, where OCR drew one word's
// box over both (its accent read as part of it).
#include "pipeline/layout/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

using testing::WordAt;

std::vector<std::string> LineTexts(const std::vector<Word>& words) {
  std::vector<const Word*> pointers;
  for (const Word& w : words) pointers.push_back(&w);
  std::vector<std::string> out;
  for (const TextLine& line : BuildLines(pointers)) {
    out.push_back(LineText(line, 0, line.words.size()));
  }
  return out;
}

TEST(Lines, OneTallBoxDoesNotPullTheNextLineIntoItsOwn) {
  // "Tasa de variación de la matrícula de" over "educación no escolarizada", the box of
  // "variación" reaching from the first line's accents down into the second line.
  const std::vector<Word> words = {
      WordAt("Tasa", 10, 100, 22, 105),         WordAt("de", 24, 100, 30, 105),
      WordAt("variación", 32, 98.5, 56, 109),   WordAt("de", 58, 100, 64, 105),
      WordAt("la", 66, 100, 71, 105),           WordAt("matrícula", 73, 99, 96, 105),
      WordAt("educación", 10, 106, 36, 111),    WordAt("no", 38, 106, 44, 111),
      WordAt("escolarizada", 46, 106, 80, 111),
  };
  EXPECT_EQ(LineTexts(words), (std::vector<std::string>{"Tasa de variación de la matrícula",
                                                        "educación no escolarizada"}));
}

TEST(Lines, WordsOfOneLineStayTogetherWhateverTheirHeights) {
  const std::vector<Word> words = {
      WordAt("Número", 10, 100, 30, 106),
      WordAt("(PAAE)", 32, 99, 50, 107.5),
      WordAt("y", 52, 101.5, 55, 107),
  };
  EXPECT_EQ(LineTexts(words), (std::vector<std::string>{"Número (PAAE) y"}));
}

// A row of a scanned grid as OCR sized its words: the code "4" at 12.9 points, the rest of the
// row at 11.1. The line is as large as its largest word, and set in the size of most letters.
TEST(Lines, ALineIsSetInTheSizeMostOfItsLettersAre) {
  std::vector<Word> words = {WordAt("4", 10, 100, 15, 109), WordAt("Difundir", 30, 100, 60, 109),
                             WordAt("las", 62, 100, 72, 109), WordAt("X", 200, 100, 206, 109)};
  for (Word& w : words) w.font_size = 11.1;
  words[0].font_size = 12.9;
  std::vector<const Word*> pointers;
  for (const Word& w : words) pointers.push_back(&w);
  const std::vector<TextLine> lines = BuildLines(pointers);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].font_size, 12.9);
  EXPECT_DOUBLE_EQ(lines[0].body_size, 11.1);
  // A heading set larger all through is its size.
  for (Word& w : words) w.font_size = 14;
  EXPECT_DOUBLE_EQ(BuildLines(pointers)[0].body_size, 14);
}

// An axis's name set upwards in a merged cell ("Educación" below "cívica", as the page draws
// them), and a quarter's set downwards: each one line, its words in reading order. Each vertical
// word had been a line of its own, top to bottom: "cívica Educación".
TEST(Lines, AVerticalLineReadsUpOrDownTheWayItIsSet) {
  std::vector<Word> words = {
      WordAt("cívica", 20, 100, 28, 125), WordAt("Educación", 20, 128, 28, 170),
      WordAt("Primer", 60, 100, 68, 125), WordAt("trimestre", 60, 128, 68, 165)};
  for (size_t i = 0; i < words.size(); ++i) words[i].rotation = i < 2 ? 3 : 1;
  std::vector<const Word*> pointers;
  for (const Word& w : words) pointers.push_back(&w);
  const std::vector<TextLine> lines = BuildLines(pointers);
  ASSERT_EQ(lines.size(), 2u);
  std::vector<std::string> texts;
  for (const TextLine& line : lines) {
    std::string text;
    for (const Word* w : line.words) text += (text.empty() ? "" : " ") + w->text;
    texts.push_back(text);
  }
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts, (std::vector<std::string>{"Educación cívica", "Primer trimestre"}));
}

}  // namespace
}  // namespace oplex
