// Rules and fills found on page images drawn here pixel by pixel: a 4×3 ruled grid with pale
// fills, thin text-like strokes that must not count as either, and a white page.
#include "pipeline/decode/raster.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace oplex {
namespace {

struct Image {
  int width, height;
  std::vector<uint8_t> gray;
  Image(int w, int h) : width(w), height(h), gray(static_cast<size_t>(w) * h, 0xFF) {}
  void Rect(int x0, int y0, int x1, int y1, uint8_t shade) {
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) gray[static_cast<size_t>(y) * width + x] = shade;
    }
  }
  Graphics Analyze(double ppp = 1.0) const {
    return AnalyzeRaster(GrayView{gray.data(), width, height, width, ppp});
  }
};

// #E6E6E6 and pastel yellow #FFF2CC as poppler renders them in grey.
constexpr uint8_t kLightGrey = 230, kPastelYellow = 242;

// Columns at x = 100, 200, 230, 260, 290; rows at y = 100, 130, 160, 190 (pixels = points).
Image Grid() {
  Image img(400, 300);
  for (int y : {100, 130, 160, 190}) img.Rect(100, y, 291, y + 1, 0);
  for (int x : {100, 200, 230, 260, 290}) img.Rect(x, 100, x + 1, 191, 0);
  img.Rect(201, 101, 230, 130, kLightGrey);     // row 1, column 2: light grey
  img.Rect(231, 131, 260, 160, kPastelYellow);  // row 2, column 3: pastel yellow
  img.Rect(261, 131, 290, 160, kPastelYellow);  // row 2, column 4: the same yellow, adjacent
  // "Text": strokes one or two pixels thick, short, in the first column.
  for (int x = 110; x < 180; x += 6) img.Rect(x, 110, x + 2, 120, 0);
  img.Rect(110, 140, 125, 141, 0);  // a dash
  return img;
}

TEST(Raster, FindsRulesOfAGrid) {
  const Graphics g = Grid().Analyze();
  EXPECT_EQ(g.background, 0xFFFFFFu);
  ASSERT_EQ(g.h_rules.size(), 4u);
  ASSERT_EQ(g.v_rules.size(), 5u);
  std::vector<double> ys, xs;
  for (const BBox& b : g.h_rules) ys.push_back(b.y0);
  for (const BBox& b : g.v_rules) xs.push_back(b.x0);
  std::sort(ys.begin(), ys.end());
  std::sort(xs.begin(), xs.end());
  EXPECT_EQ(ys, (std::vector<double>{100, 130, 160, 190}));
  EXPECT_EQ(xs, (std::vector<double>{100, 200, 230, 260, 290}));
  for (const BBox& b : g.h_rules) {
    EXPECT_DOUBLE_EQ(b.x0, 100);
    EXPECT_DOUBLE_EQ(b.x1, 291);
  }
}

TEST(Raster, FindsPaleFillsWithTheirColours) {
  const Graphics g = Grid().Analyze();
  ASSERT_EQ(g.fills.size(), 3u);  // the rule between the two yellow cells keeps them apart
  const auto grey = std::find_if(g.fills.begin(), g.fills.end(),
                                 [](const Fill& f) { return f.color == 0xE6E6E6u; });
  const auto yellow = std::find_if(g.fills.begin(), g.fills.end(),
                                   [](const Fill& f) { return f.color == 0xF2F2F2u; });
  ASSERT_NE(grey, g.fills.end());
  ASSERT_NE(yellow, g.fills.end());
  EXPECT_DOUBLE_EQ(grey->bbox.x0, 201);
  EXPECT_DOUBLE_EQ(grey->bbox.y0, 101);
  EXPECT_DOUBLE_EQ(grey->bbox.x1, 230);
  EXPECT_DOUBLE_EQ(grey->bbox.y1, 130);
  EXPECT_DOUBLE_EQ(yellow->bbox.y0, 131);
  EXPECT_DOUBLE_EQ(yellow->bbox.y1, 160);
}

TEST(Raster, TextStrokesAreNeitherRulesNorFills) {
  Image img(300, 200);
  for (int x = 20; x < 280; x += 5) img.Rect(x, 50, x + 2, 62, 0);  // a line of "letters"
  img.Rect(20, 80, 35, 81, 0);                                      // a short dash
  const Graphics g = img.Analyze();
  EXPECT_TRUE(g.h_rules.empty());
  EXPECT_TRUE(g.v_rules.empty());
  EXPECT_TRUE(g.fills.empty());
}

// A bold letter set flush against a column's rule makes a small solid spot of the rule's own
// shade: the rule goes on through it, in one piece.
TEST(Raster, TextTouchingARuleLeavesItWhole) {
  Image img(200, 160);
  img.Rect(100, 20, 101, 140, 0);  // the rule
  img.Rect(101, 60, 105, 65, 0);   // the letter's stem, touching it
  const Graphics g = img.Analyze();
  ASSERT_EQ(g.v_rules.size(), 1u);
  EXPECT_DOUBLE_EQ(g.v_rules[0].y0, 20);
  EXPECT_DOUBLE_EQ(g.v_rules[0].y1, 140);
}

TEST(Raster, ScalesBoxesToPoints) {
  const Graphics g = Grid().Analyze(/*ppp=*/2.0);  // the same pixels read as a 144-DPI render
  ASSERT_EQ(g.v_rules.size(), 5u);
  double min_x = 1e9;
  for (const BBox& b : g.v_rules) min_x = std::min(min_x, b.x0);
  EXPECT_DOUBLE_EQ(min_x, 50);
}

TEST(Raster, BlankAndEmptyImages) {
  const Graphics blank = Image(50, 50).Analyze();
  EXPECT_TRUE(blank.h_rules.empty() && blank.v_rules.empty() && blank.fills.empty());
  const Graphics none = AnalyzeRaster(GrayView{});
  EXPECT_TRUE(none.h_rules.empty() && none.fills.empty());
}

// A binarized month header at 1 pixel per point: a rule under "CALENDARIO" at y = 20, twelve
// cells 8 points high whose borders hang from it (the rule under them was too light to survive
// binarization), and a line of text whose 6-point stems start 2 points under a rule at y = 60.
struct BinaryHeader {
  PixPtr ink{pixCreate(300, 100, 1)};
  BinaryHeader() {
    const auto rect = [&](int x, int y, int w, int h) {
      pixSetInRect(ink.get(), BoxPtr(boxCreate(x, y, w, h)).get());
    };
    rect(20, 20, 261, 1);
    for (int x = 20; x <= 280; x += 20) rect(x, 21, 1, 8);
    rect(20, 60, 261, 1);
    for (int x = 24; x < 280; x += 5) rect(x, 63, 1, 6);
  }
  std::vector<BBox> VerticalRules(double short_points) const {
    RasterOptions options;
    options.short_v_rule_points = short_points;
    std::vector<BBox> h, v;
    FindRuleLines(ink.get(), 1.0, options, &h, &v);
    EXPECT_EQ(h.size(), 2u);
    return v;
  }
};

TEST(Raster, ShortBordersOfALowRowOnABinaryPage) {
  const std::vector<BBox> v = BinaryHeader().VerticalRules(/*short_points=*/5);
  ASSERT_EQ(v.size(), 14u);  // the 14 borders of 13 cells, and no stem of the text
  for (const BBox& b : v) {
    EXPECT_DOUBLE_EQ(b.y0, 20);
    EXPECT_DOUBLE_EQ(b.y1, 29);
  }
}

TEST(Raster, NoShortBordersUnlessAskedFor) {
  EXPECT_TRUE(BinaryHeader().VerticalRules(/*short_points=*/0).empty());
}

}  // namespace
}  // namespace oplex
