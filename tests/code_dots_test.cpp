// Dots of codes put back from the grey page, on words drawn here at 1 pixel per point: digits
// are dark bars 4 wide and 14 tall, a dot a pale 3 × 3 square on their baseline.
#include "pipeline/decode/code_dots.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oplex {
namespace {

constexpr int kPaper = 240;
constexpr int kDigitInk = 40;
constexpr int kDotInk = 190;  // a blurred dot: a quarter of a digit's contrast

struct Drawing {
  PixPtr gray{pixCreate(300, 120, 8)};
  Drawing() { pixSetAllArbitrary(gray.get(), kPaper); }
  void Fill(int x, int y, int w, int h, int level) {
    pixSetInRectArbitrary(gray.get(), BoxPtr(boxCreate(x, y, w, h)).get(),
                          static_cast<l_uint32>(level));
  }
  // `text`'s digits as bars from `x` on the baseline y = `top` + 14, its dots ('.') and the
  // `found` dots ('*', which the word's text leaves out) as pale squares between them; the word
  // OCR read, `text` without the '*'.
  Word Draw(const std::string& text, int x, int top) {
    Word w;
    w.bbox = BBox{static_cast<double>(x), static_cast<double>(top), 0, top + 14.0};
    for (char c : text) {
      if (c == '.' || c == '*') {
        Fill(x + 1, top + 11, 3, 3, kDotInk);
        x += 5;
      } else {
        Fill(x, top, 4, 14, kDigitInk);
        x += 6;
      }
      if (c != '*') {
        w.text += c;
        w.glyphs.push_back(Glyph{std::string(1, c), x - 6.0, x - 2.0});
      }
    }
    w.bbox.x1 = x - 2;
    return w;
  }
};

// A ruled column (x 0..60) of codes with lost dots ("1.1.3" read "113", only its first dot
// showing), and one (x 60..120) of quantities with a speck between two digits.
struct Table {
  Drawing d;
  Graphics graphics;
  std::vector<Word> words;
  Table() {
    for (double x : {0, 60, 120}) graphics.v_rules.push_back(BBox{x, 0, x + 1, 120});
    words = {d.Draw("1*1*1", 10, 5), d.Draw("1.1*2", 10, 35), d.Draw("112", 10, 65),
             d.Draw("1*13", 10, 95), d.Draw("19", 70, 5),     d.Draw("7*5", 70, 35),
             d.Draw("11", 70, 65)};
  }
};

TEST(CodeDots, PaleDotsBetweenDigitsOfAColumnOfCodes) {
  Table t;
  const std::vector<CodeWord> codes = CodesToRead(t.graphics, t.words, t.d.gray.get(), 1.0);
  // The column of quantities shows a dot in one word of three: not codes.
  ASSERT_EQ(codes.size(), 4u);
  EXPECT_EQ(codes[0].word, 0u);
  EXPECT_EQ(codes[0].dot_after, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(codes[0].dots.size(), 2u);
  EXPECT_EQ(codes[1].dot_after, (std::vector<bool>{true, true, false}));  // one read, one found
  EXPECT_EQ(codes[2].dot_after, (std::vector<bool>{false, false, false}));
  // The digits of a word that lacks a dot found are in doubt; a word read as found is not.
  EXPECT_TRUE(codes[0].misread);
  EXPECT_TRUE(codes[1].misread);
  EXPECT_FALSE(codes[2].misread);
  EXPECT_TRUE(codes[3].misread);
  EXPECT_EQ(codes[3].dot_after, (std::vector<bool>{true, false, false}));
  // Read again inside its column, a little beyond the word.
  EXPECT_LT(codes[0].box.x0, t.words[0].bbox.x0);
  EXPECT_GT(codes[0].box.x1, t.words[0].bbox.x1);
  EXPECT_LE(codes[0].box.x1, 60);
  // The dots taken out: paper where the first code's dots were.
  const PixPtr undotted = WithoutDots(t.d.gray.get(), codes, 1.0);
  ASSERT_TRUE(undotted);
  l_uint32 grey = 0;
  pixGetPixel(undotted.get(), 16, 22, &grey);  // the first dot of "1*1*1"
  EXPECT_EQ(grey, static_cast<l_uint32>(kPaper));
  pixGetPixel(undotted.get(), 12, 15, &grey);  // its first digit
  EXPECT_EQ(grey, static_cast<l_uint32>(kDigitInk));
}

TEST(CodeDots, NoPaleMarkNoMarkAboveTheBaselineNoDot) {
  Table t;
  // Grain far paler than a dot under the third code, and a mark where a hyphen stands.
  t.d.Fill(14, 76, 2, 3, kPaper - 12);
  t.d.Fill(20, 71, 2, 3, kDotInk);
  const std::vector<CodeWord> codes = CodesToRead(t.graphics, t.words, t.d.gray.get(), 1.0);
  ASSERT_EQ(codes.size(), 4u);
  EXPECT_EQ(codes[2].dot_after, (std::vector<bool>{false, false, false}));
  // Words that are not short runs of digits are not looked at.
  t.words[0].text = "l11";
  EXPECT_EQ(CodesToRead(t.graphics, t.words, t.d.gray.get(), 1.0).size(), 3u);
}

TEST(CodeDots, DigitsReadAgainTakeTheDotsAndTheColumnsShape) {
  Table t;
  const std::vector<CodeWord> codes = CodesToRead(t.graphics, t.words, t.d.gray.get(), 1.0);
  ASSERT_EQ(codes.size(), 4u);
  // The engine read the first code again as "111", the second as "142" (a dot it took for part of
  // a "4" is still in it), and nothing in the fourth.
  Word first = t.words[0], second = t.words[1];
  first.text = "111";
  first.glyphs = {Glyph{"1", 10, 14}, Glyph{"1", 19, 23}, Glyph{"1", 28, 32}};
  second.text = "142";
  second.glyphs.clear();
  std::vector<Word> words = t.words;
  PutCodes(codes, {first, second}, &words);
  EXPECT_EQ(words[0].text, "1.1.1");
  std::string spelled;
  for (const Glyph& g : words[0].glyphs) spelled += g.text;
  EXPECT_EQ(spelled, "1.1.1");
  EXPECT_EQ(words[1].text, "1.4.2");
  // The third, read with every dot found (none), stays as read.
  EXPECT_EQ(words[2].text, "112");
  // The fourth lost a dot, and shows one of two: it takes the shape the first two show.
  EXPECT_EQ(words[3].text, "1.1.3");
  EXPECT_EQ(words[4].text, "19");
  EXPECT_EQ(words[5].text, "75");
}

// A table without rules (whitespace sets its columns): its codes open their lines at one left
// edge, the activity's text to their right. "1.2" lost its dot.
struct Unruled {
  Drawing d;
  Graphics graphics;
  std::vector<Word> words;
  explicit Unruled(int lines) {
    const std::vector<std::string> codes = {"1.1", "1*2", "1.3"};
    for (int i = 0; i < lines; ++i) {
      words.push_back(d.Draw(codes[static_cast<size_t>(i)], 10 + i % 2, 5 + 30 * i));
      Word text;
      text.text = "Elaborar";
      text.bbox = BBox{60, 5.0 + 30 * i, 120, 19.0 + 30 * i};
      words.push_back(text);
    }
  }
};

TEST(CodeDots, CodesThatOpenTheLinesOfATableWithoutRules) {
  Unruled t(3);
  const std::vector<CodeWord> codes = CodesToRead(t.graphics, t.words, t.d.gray.get(), 1.0);
  ASSERT_EQ(codes.size(), 3u);
  EXPECT_EQ(codes[1].word, 2u);
  EXPECT_TRUE(codes[1].misread);
  EXPECT_EQ(codes[1].dot_after, (std::vector<bool>{true, false}));
  EXPECT_FALSE(codes[0].misread);
  // Read again short of the text beside it.
  EXPECT_LE(codes[1].box.x1, 60);
  EXPECT_GT(codes[1].box.x1, t.words[2].bbox.x1);
}

TEST(CodeDots, NoColumnOfCodesInTwoLinesOrInTheMiddleOfALine) {
  // Two numbers that open their lines are no column of codes (a quantity that opens a line of a
  // paragraph, a speck after its first digit).
  Unruled two(2);
  EXPECT_TRUE(CodesToRead(two.graphics, two.words, two.d.gray.get(), 1.0).empty());
  // Three, but one with a word left of it on its line: two that open their lines.
  Unruled t(3);
  Word before;
  before.text = "Meta";
  before.bbox = BBox{0, 35, 8, 49};
  t.words.push_back(before);
  EXPECT_TRUE(CodesToRead(t.graphics, t.words, t.d.gray.get(), 1.0).empty());
}

}  // namespace
}  // namespace oplex
