// Rules the binary page showed as dashes, found whole on the grey page after OCR
// (pipeline/decode/missed_rules.h). The page is drawn here at 1 pixel per point: a grid of four
// columns 50 points wide and four rows 30 points high, a word in each cell. The binary page
// showed its outer rules and its row rules whole (they were erased before OCR); its three inner
// column rules it showed as dashes 6 points long, 4 apart, as a light rule scanned askew shows.
#include "pipeline/decode/missed_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oplex {
namespace {

struct Page {
  PixPtr binary{pixCreate(201, 121, 1)};
  Graphics grey, erased;
  std::vector<Word> words;
  Page() {
    for (double y : {0, 30, 60, 90, 120}) {
      grey.h_rules.push_back(BBox{0, y, 201, y + 1});
      erased.h_rules.push_back(BBox{0, y, 201, y + 1});
    }
    for (double x : {0, 50, 100, 150, 200}) grey.v_rules.push_back(BBox{x, 0, x + 1, 121});
    for (double x : {0, 200}) erased.v_rules.push_back(BBox{x, 0, x + 1, 121});
    for (double y : {8, 38, 68, 98}) {
      for (double x : {8, 58, 108, 158})
        words.push_back(Reading("Elaborar", BBox{x, y, x + 34, y + 9}));
    }
  }
  static Word Reading(const std::string& text, BBox box) {
    Word w;
    w.text = text;
    w.bbox = box;
    w.confidence = 0.5;
    return w;
  }
  void Dashes(int x) {
    for (int y = 0; y < 121; y += 10) pixRasterop(binary.get(), x, y, 1, 6, PIX_SET, nullptr, 0, 0);
  }
  // A word OCR made of the dashes of the rule at x, in row `row`.
  void NoiseOn(double x, int row) {
    words.push_back(Reading("[", BBox{x - 2, 30.0 * row + 4, x + 3, 30.0 * row + 16}));
  }
  // The vertical pieces missed, and none horizontal: the row rules were erased whole.
  std::vector<BBox> Missed() const {
    const Graphics missed = RulesMissedUnderWords(grey, erased, words, binary.get(), 1.0);
    EXPECT_TRUE(missed.h_rules.empty());
    EXPECT_TRUE(missed.fills.empty());
    return missed.v_rules;
  }
};

TEST(MissedRules, DashedRulesThatManyWordsStandOnAreMissed) {
  Page p;
  for (int x : {50, 100, 150}) {
    p.Dashes(x);
    p.NoiseOn(x, 0);
  }
  // 3 words of 19 stand on the dashes.
  const std::vector<BBox> missed = p.Missed();
  ASSERT_EQ(missed.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_DOUBLE_EQ(missed[i].x0, 50.0 * static_cast<double>(i + 1));
    EXPECT_DOUBLE_EQ(missed[i].y0, 0);
    EXPECT_DOUBLE_EQ(missed[i].y1, 121);
  }
}

TEST(MissedRules, OnlyThePiecesNoErasedRuleCoversAreMissed) {
  Page p;
  p.erased.v_rules.push_back(BBox{50.5, 0, 51.5, 60});  // the binary page showed its top half
  p.Dashes(50);
  p.NoiseOn(50, 2);
  p.NoiseOn(50, 3);
  const std::vector<BBox> missed = p.Missed();
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_DOUBLE_EQ(missed[0].x0, 50);
  EXPECT_DOUBLE_EQ(missed[0].y0, 60);
  EXPECT_DOUBLE_EQ(missed[0].y1, 121);
}

TEST(MissedRules, ARuleTheBinaryPageDoesNotShowIsNotInTheImageOcrRead) {
  Page p;
  for (int x : {50, 100, 150}) p.NoiseOn(x, 0);  // words over rules too light to binarize
  EXPECT_TRUE(p.Missed().empty());
}

TEST(MissedRules, AWordOnADashedRuleIsTheEnginesUsualNoise) {
  Page p;
  for (int x : {50, 100, 150}) p.Dashes(x);
  p.NoiseOn(50, 1);  // 1 word of 17
  EXPECT_TRUE(p.Missed().empty());
}

TEST(MissedRules, AWordTouchingARuleDoesNotStandOnIt) {
  Page p;
  for (int x : {50, 100, 150}) {
    p.Dashes(x);
    // Text set flush against the rule: its box ends where the rule begins.
    p.words.push_back(Page::Reading("Meta", BBox{x - 20.0, 40, x + 0.4, 49}));
  }
  EXPECT_TRUE(p.Missed().empty());
}

TEST(MissedRules, ALineThatMeetsNoRulesIsNoGridRule) {
  Page p;
  // All the grey search found: a line along the edge of a light patch of text, shown in dashes,
  // on which OCR's words stand. It meets no rule the other way.
  p.grey = Graphics{};
  p.grey.h_rules.push_back(BBox{10, 110, 190, 111});
  for (int x = 10; x < 190; x += 10) {
    pixRasterop(p.binary.get(), x, 110, 6, 1, PIX_SET, nullptr, 0, 0);
  }
  for (double x : {20, 60, 100, 140}) {
    p.words.push_back(Page::Reading("o", BBox{x, 105, x + 6, 114}));
  }
  EXPECT_TRUE(
      RulesMissedUnderWords(p.grey, p.erased, p.words, p.binary.get(), 1.0).h_rules.empty());
}

}  // namespace
}  // namespace oplex
