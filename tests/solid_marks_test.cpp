// Solid marks read from their ink, on a binary page drawn here at 1 pixel per point: a table
// ruled down its columns every 40 points, body words 10 points high in its first column.
#include "pipeline/decode/solid_marks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oplex {
namespace {

struct Page {
  PixPtr binary{pixCreate(200, 120, 1)};
  Graphics graphics;
  std::vector<Word> words;
  Page() {
    for (double x : {0, 40, 80, 120, 160, 200}) graphics.v_rules.push_back(BBox{x, 0, x + 1, 120});
    for (double y : {10, 30, 50}) words.push_back(Body(y));
  }
  static Word Body(double y) {
    Word w;
    w.text = "Elaborar";
    w.bbox = BBox{4, y, 36, y + 10};
    w.font_size = 8;
    w.confidence = 0.9;
    return w;
  }
  void Ink(int x, int y, int w, int h) {
    pixRasterop(binary.get(), x, y, w, h, PIX_SET, nullptr, 0, 0);
  }
  // A disc of radius `r` around (cx, cy).
  void Disc(int cx, int cy, int r) {
    for (int y = -r; y <= r; ++y) {
      for (int x = -r; x <= r; ++x) {
        if (x * x + y * y <= r * r + r) pixSetPixel(binary.get(), cx + x, cy + y, 1);
      }
    }
  }
  // A bold "n": an arch over two legs, 7 wide and 7 high, the legs 3 apart at the bottom.
  void BoldN(int x, int y) {
    Ink(x, y, 7, 3);
    Ink(x, y + 3, 2, 4);
    Ink(x + 5, y + 3, 2, 4);
  }
  void Read() { ReadSolidMarks(graphics, binary.get(), 1.0, &words); }
};

Word Reading(const std::string& text, BBox box) {
  Word w;
  w.text = text;
  w.bbox = box;
  w.confidence = 0.4;
  return w;
}

TEST(SolidMarks, ASquareNoWordCoversBecomesAWordOfItsOwn) {
  Page p;
  p.Ink(56, 12, 7, 7);
  p.Read();
  ASSERT_EQ(p.words.size(), 4u);
  EXPECT_EQ(p.words[3].text, "■");
  EXPECT_DOUBLE_EQ(p.words[3].bbox.x0, 56);
  EXPECT_DOUBLE_EQ(p.words[3].bbox.y1, 19);
  EXPECT_DOUBLE_EQ(p.words[3].confidence, 1.0);  // every pixel of its box is ink
  EXPECT_DOUBLE_EQ(p.words[3].font_size, 8);
}

TEST(SolidMarks, ALetterTheEngineReadOverADiscIsTheDisc) {
  Page p;
  p.Disc(100, 16, 4);
  p.words.push_back(Reading("o", BBox{96, 12, 105, 21}));
  p.Read();
  ASSERT_EQ(p.words.size(), 4u);
  EXPECT_EQ(p.words[3].text, "●");
  EXPECT_GT(p.words[3].confidence, 0.7);
  EXPECT_LT(p.words[3].confidence, kSquareSolidity);
}

TEST(SolidMarks, ABulletReadAsSignsInABoxLargerThanItIsTheBullet) {
  Page p;
  p.Ink(137, 14, 4, 4);  // a bullet: four tenths of a word's height
  p.words.push_back(Reading("1)", BBox{134, 11, 143, 20}));
  p.Read();
  ASSERT_EQ(p.words.size(), 4u);
  EXPECT_EQ(p.words[3].text, "■");
}

TEST(SolidMarks, ABoldLetterWhoseLegsPartIsNoMark) {
  Page p;
  p.BoldN(96, 13);
  p.words.push_back(Reading("n", BBox{96, 13, 103, 20}));
  p.Read();
  ASSERT_EQ(p.words.size(), 4u);
  EXPECT_EQ(p.words[3].text, "n");
}

TEST(SolidMarks, InkBesideItInItsColumnMakesNoMark) {
  Page p;
  p.Ink(56, 12, 7, 7);
  p.Ink(66, 12, 2, 9);  // a letter's stroke 3 points away, in the same column
  p.Read();
  EXPECT_EQ(p.words.size(), 3u);
}

TEST(SolidMarks, OutsideRuledColumnsAMarkStandsClearOnEverySide) {
  Page p;
  p.graphics.v_rules.resize(3);  // x 80..200 is no ruled column
  p.Ink(96, 12, 7, 7);           // clear of ink on every side
  p.Ink(136, 12, 7, 7);
  p.Ink(134, 24, 12, 6);  // a word's letters 5 points under the square: a bullet's text
  p.Read();
  ASSERT_EQ(p.words.size(), 4u);
  EXPECT_EQ(p.words[3].text, "■");
  EXPECT_DOUBLE_EQ(p.words[3].bbox.x0, 96);
}

TEST(SolidMarks, ASpeckABlockAndAShadedCellAreNoMarks) {
  Page p;
  p.Ink(56, 12, 2, 2);   // a speck
  p.Ink(84, 2, 32, 30);  // a dark cell, larger than any glyph
  p.Ink(136, 12, 7, 7);  // a square in a cell the page search found shaded
  p.graphics.fills.push_back(Fill{BBox{122, 2, 158, 28}, 0x808080});
  p.Read();
  EXPECT_EQ(p.words.size(), 3u);
  // A fill the search found around the mark alone is the mark itself.
  p.graphics.fills.back().bbox = BBox{136, 12, 143, 19};
  p.Read();
  ASSERT_EQ(p.words.size(), 4u);
  EXPECT_EQ(p.words[3].text, "■");
}

TEST(SolidMarks, AWordOfDigitsOrAWiderWordOverTheInkStays) {
  Page p;
  p.Disc(100, 16, 4);
  p.words.push_back(Reading("0", BBox{96, 12, 105, 21}));
  p.Disc(140, 16, 4);
  p.words.push_back(Reading("ol", BBox{136, 12, 158, 21}));  // reaching past its clearance
  p.Read();
  ASSERT_EQ(p.words.size(), 5u);
  EXPECT_EQ(p.words[3].text, "0");
  EXPECT_EQ(p.words[4].text, "ol");
}

}  // namespace
}  // namespace oplex
