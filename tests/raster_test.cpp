// Rules and fills found on page images drawn here pixel by pixel: a 4×3 ruled grid with pale
// fills, thin text-like strokes that must not count as either, and a white page.
#include "pipeline/decode/raster.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
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

// Words set flush against a column rule in the rows of a table's body: their boxes cover the
// rule, row after row. Left out of the search with the words, it would be cut into pieces too
// short for a rule. (A flush word in the first or last row still cuts it there: between the
// table's border and the next rule there is too little of the run to tell it from a letter's.)
TEST(Raster, WordsSetFlushAgainstARuleDoNotCutIt) {
  Image img(200, 160);
  std::vector<BBox> words;
  for (int y = 20; y <= 140; y += 20) img.Rect(20, y, 181, y + 1, 0);
  for (int x : {20, 100, 180}) img.Rect(x, 20, x + 1, 141, 0);
  for (int y = 40; y < 120; y += 20) {
    img.Rect(92, y + 6, 94, y + 14, 0);  // the last letter's stem
    words.push_back(BBox{60, y + 4.0, 101, y + 16.0});
  }
  const Graphics g =
      AnalyzeRaster(GrayView{img.gray.data(), img.width, img.height, img.width, 1.0}, words);
  std::vector<double> xs;
  for (const BBox& b : g.v_rules) {
    xs.push_back(b.x0);
    EXPECT_DOUBLE_EQ(b.y0, 20);
    EXPECT_DOUBLE_EQ(b.y1, 141);
  }
  std::sort(xs.begin(), xs.end());
  EXPECT_EQ(xs, (std::vector<double>{20, 100, 180}));
}

// A line of text set close above a row rule, as on the photo of the AGS plan's page 9 (row 1.39):
// OCR's boxes of its words reach down over the rule. The rule runs on well beyond the boxes and
// stays whole; the tops of a word's letters, a run as long as the word, stay out.
TEST(Raster, ARowRuleUnderWordsBoxesStaysWhole) {
  Image img(300, 100);
  img.Rect(10, 50, 291, 51, 0);  // the rule
  std::vector<BBox> words;
  for (int x = 40; x < 250; x += 70) {
    img.Rect(x, 40, x + 62, 41, 0);  // the tops of the letters, one run
    for (int stem = x; stem < x + 62; stem += 6) img.Rect(stem, 40, stem + 2, 48, 0);
    words.push_back(BBox{x - 1.0, 36, x + 63.0, 56});
  }
  const Graphics g =
      AnalyzeRaster(GrayView{img.gray.data(), img.width, img.height, img.width, 1.0}, words);
  ASSERT_EQ(g.h_rules.size(), 1u);
  EXPECT_DOUBLE_EQ(g.h_rules[0].y0, 50);
  EXPECT_DOUBLE_EQ(g.h_rules[0].x0, 10);
  EXPECT_DOUBLE_EQ(g.h_rules[0].x1, 291);
}

// A month's label over its week columns: the stem of its first letter meets the label's top
// border and the rule of a week column under it, making one long run with them. The rule stops
// at the label's bottom border: through the label it would split the month's cell.
TEST(Raster, ALetterJoiningTwoRulesDoesNotExtendThem) {
  Image img(200, 160);
  img.Rect(20, 20, 181, 21, 0);    // the label's top border
  img.Rect(20, 32, 181, 33, 0);    // its bottom border
  img.Rect(20, 140, 181, 141, 0);  // the table's bottom
  for (int x : {20, 100, 180}) img.Rect(x, 20, x + 1, 141, 0);
  img.Rect(140, 33, 141, 141, 0);  // a week column's rule, under the label only
  img.Rect(140, 21, 141, 32, 0);   // the stem of the label's first letter, over it
  const std::vector<BBox> words = {BBox{140, 22, 170, 31}};
  const Graphics g =
      AnalyzeRaster(GrayView{img.gray.data(), img.width, img.height, img.width, 1.0}, words);
  const auto week =
      std::find_if(g.v_rules.begin(), g.v_rules.end(), [](const BBox& b) { return b.x0 == 140; });
  ASSERT_NE(week, g.v_rules.end());
  EXPECT_GE(week->y0, 28);  // at most the label's padding, not through it
  EXPECT_DOUBLE_EQ(week->y1, 141);
}

// Letters drawn without anti-aliasing, set against a column rule: the bar of each "e" makes a
// black spot wider than a brick that touches the rule. Such a spot, low as a stroke, is no fill
// to leave out of the search: the rule goes on through it.
TEST(Raster, BlackStrokesAgainstARuleAreNoFill) {
  Image img(200, 160);
  img.Rect(100, 20, 101, 141, 0);
  for (int y : {40, 60, 80, 100}) img.Rect(101, y, 107, y + 3, 0);
  const Graphics g = img.Analyze();
  ASSERT_EQ(g.v_rules.size(), 1u);
  EXPECT_DOUBLE_EQ(g.v_rules[0].y0, 20);
  EXPECT_DOUBLE_EQ(g.v_rules[0].y1, 141);
}

// Cells framed with heavy double rules, as a word processor draws a "thick-thin" border at 72 DPI
// (pixels = points): a line 3 thick, a gap of 1, a line of 1, in a dark blue that covers enough of
// the page to be a candidate fill shade. Columns at x = 20, 120, 150, 180; rows at y = 20, 40, 90.
// Cell (row 2, column 2) is filled pink. A Gantt-like bar 4 thick lies inside cell (2, 3).
Image HeavyDoubleRules() {
  Image img(220, 120);
  constexpr uint8_t kBlue = 66, kPink = 227;
  img.Rect(124, 44, 147, 87, kPink);
  for (int y : {20, 40, 90})
    img.Rect(20, y, 185, y + 3, kBlue), img.Rect(20, y + 4, 185, y + 5, kBlue);
  for (int x : {20, 120, 150, 180})
    img.Rect(x, 20, x + 3, 95, kBlue), img.Rect(x + 4, 20, x + 5, 95, kBlue);
  img.Rect(156, 60, 176, 64, 0);
  return img;
}

TEST(Raster, HeavyDoubleRulesAroundCellsAreRulesNotFills) {
  const Graphics g = HeavyDoubleRules().Analyze();
  std::vector<double> ys, xs;
  for (const BBox& b : g.h_rules) ys.push_back((b.y0 + b.y1) / 2);
  for (const BBox& b : g.v_rules) xs.push_back((b.x0 + b.x1) / 2);
  std::sort(ys.begin(), ys.end());
  std::sort(xs.begin(), xs.end());
  EXPECT_EQ(ys, (std::vector<double>{22.5, 42.5, 92.5})) << "one rule per double rule";
  EXPECT_EQ(xs, (std::vector<double>{22.5, 122.5, 152.5, 182.5}));
  ASSERT_EQ(g.fills.size(), 2u) << "the pink cell and the bar, and no fill of the rules' blue";
  for (const Fill& f : g.fills) EXPECT_NE(f.color, 0x424242u);
}

// A yellow cell whose label is set close under its top border, copied pixel by pixel from the
// BCS plan's MIR page (the "PENDIENTE" of its March column): between the border and the letters
// lies a strip of yellow too thin for the brick. Left in the search for rules, the strip would
// make the border a bar.
Image LabelCloseUnderABorder() {
  const std::vector<std::string> rows = {
      "##################################",  // the border
      "#yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy#", "#yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy#",
      "####y###y#yy####y####y#yy#######yy#", "##y#y#yyy##y##yy###yyy##y#y#y#yyyy#",
      "###yy##yy##y##yy####yy##y#y#y##yyy#", "##yyy##yy#y#####y###yy#y##y#y##yyy#",
  };
  Image img(120, 60);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const int x = 40 + static_cast<int>(c), y = 10 + static_cast<int>(r);
      img.Rect(x, y, x + 1, y + 1, rows[r][c] == '#' ? 0 : kPastelYellow);
    }
  }
  img.Rect(41, 17, 74, 50, kPastelYellow);  // the rest of the cell
  img.Rect(40, 17, 41, 50, 0);
  img.Rect(74, 17, 75, 50, 0);
  img.Rect(10, 10, 110, 11, 0);  // the border runs on through the row's other cells
  img.Rect(10, 50, 110, 51, 0);
  return img;
}

TEST(Raster, ALabelCloseUnderABorderLeavesItARule) {
  const Image img = LabelCloseUnderABorder();
  const Graphics g = img.Analyze();
  const auto top =
      std::find_if(g.h_rules.begin(), g.h_rules.end(), [](const BBox& b) { return b.y0 == 10; });
  ASSERT_NE(top, g.h_rules.end());
  EXPECT_DOUBLE_EQ(top->y1, 11);

  RasterOptions scan;
  scan.fill_margin_points = 0;
  const Graphics without =
      AnalyzeRaster(GrayView{img.gray.data(), img.width, img.height, img.width, 1.0}, {}, scan);
  EXPECT_TRUE(std::none_of(without.h_rules.begin(), without.h_rules.end(), [](const BBox& b) {
    return b.y0 == 10;
  })) << "without the margin the strip thickens the border into a bar";
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

// A scan of w × h pixels whose pixel (x, y) has shade(x, y) ± 7 grey levels of grain, drawn the
// same on every run.
template <typename Shade>
Image GrainyScan(int w, int h, Shade shade) {
  Image img(w, h);
  uint32_t state = 12345;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      state = state * 1664525u + 1013904223u;
      const int grain = static_cast<int>(state >> 24) % 15 - 7;
      img.gray[static_cast<size_t>(y) * w + x] =
          static_cast<uint8_t>(std::clamp(shade(x, y) + grain, 0, 255));
    }
  }
  return img;
}

// A scan's grey page is read at 150 DPI (scanned_page.cpp), with these options.
constexpr double kScanPpp = 150.0 / 72;
RasterOptions ScanOptions() {
  RasterOptions scan;
  scan.color_tolerance = 8;
  scan.fill_smoothing = 1;
  scan.fill_margin_points = 0;
  return scan;
}

// Two filled cells side by side on a grainy page, their shades measured on the AGS plan's page 3
// scanned at 200 DPI and read at 150 (its second calendar): paper 252, fill 231, the light rule
// between the two cells one pixel of 215, the rules above and below 192.
Image LightRuleBetweenFills() {
  return GrainyScan(120, 80, [](int x, int y) {
    const bool rule_row = y == 20 || y == 70;
    const bool in_cells = x >= 30 && x <= 90 && y > 20 && y < 70;
    return rule_row && x >= 10 && x < 110 ? 192 : in_cells && x == 60 ? 215 : in_cells ? 231 : 252;
  });
}

TEST(Raster, ALightRuleBetweenFilledCellsOfAScan) {
  const Image img = LightRuleBetweenFills();
  const GrayView view{img.gray.data(), img.width, img.height, img.width, kScanPpp};
  const auto rule_at_60 = [](const BBox& b) {  // pixel column 60
    return b.x0 * kScanPpp <= 60.5 && b.x1 * kScanPpp >= 60.5;
  };
  RasterOptions scan = ScanOptions();
  const Graphics before = AnalyzeRaster(view, {}, scan);
  EXPECT_TRUE(std::none_of(before.v_rules.begin(), before.v_rules.end(), rule_at_60))
      << "the smoothed fill search takes the light rule for part of the fill";

  scan.thin_line_contrast = 8;
  const Graphics g = AnalyzeRaster(view, {}, scan);
  ASSERT_EQ(g.v_rules.size(), 1u) << "the rule, and no line along the fills' outer edges";
  EXPECT_TRUE(rule_at_60(g.v_rules[0]));
  EXPECT_LE(g.v_rules[0].y0 * kScanPpp, 22);
  EXPECT_GE(g.v_rules[0].y1 * kScanPpp, 68);
  EXPECT_EQ(g.h_rules.size(), 2u);
}

// A shaded header row on a grainy page, as on the same AGS page (pixels): the header 216 over two
// cells, the light rule under it (y = 40) 210 and blurred into the next row (238), which smoothed
// is the header's shade; dark rules at y = 20 and 70 and at x = 20, 120 and 180. In the second
// row, a bar drawn inside a cell, longer than the shortest rule, its sides clear of the cell's.
Image ShadedHeaderRow() {
  return GrainyScan(200, 90, [](int x, int y) {
    const bool inside = x >= 20 && x <= 180 && y >= 20 && y <= 70;
    const bool dark = inside && (y == 20 || y == 70 || x == 20 || x == 120 || x == 180);
    return dark                                       ? 120
           : inside && y == 40                        ? 210
           : inside && y == 41                        ? 238
           : inside && y < 40                         ? 216
           : x >= 128 && x < 172 && y >= 50 && y < 62 ? 216
                                                      : 252;
  });
}

TEST(Raster, TheEdgeOfAShadedHeaderRowOfAScanIsARule) {
  const Image img = ShadedHeaderRow();
  const GrayView view{img.gray.data(), img.width, img.height, img.width, kScanPpp};
  const auto near = [](double y) {  // y in pixels
    return [y](const BBox& b) { return std::abs((b.y0 + b.y1) / 2 * kScanPpp - y) <= 2; };
  };
  RasterOptions scan = ScanOptions();
  const Graphics before = AnalyzeRaster(view, {}, scan);
  EXPECT_TRUE(std::none_of(before.h_rules.begin(), before.h_rules.end(), near(40)))
      << "the rule under the header is lost in its shade";

  scan.fill_edges_are_rules = true;
  const Graphics g = AnalyzeRaster(view, {}, scan);
  const auto edge = std::find_if(g.h_rules.begin(), g.h_rules.end(), near(40));
  ASSERT_NE(edge, g.h_rules.end());
  EXPECT_LE(edge->x0 * kScanPpp, 22);
  EXPECT_GE(edge->x1 * kScanPpp, 178);
  for (double y : {50.0, 62.0}) {  // the grain of the bar's own edges may leave a thin line
    EXPECT_EQ(std::count_if(g.h_rules.begin(), g.h_rules.end(), near(y)),
              std::count_if(before.h_rules.begin(), before.h_rules.end(), near(y)))
        << "the edges of the bar inside a cell at y = " << y << " are no boundary";
  }
}

// Two filled cells one above the other on a scan (as on the BCS bars scan, page 2: K.1's and
// K.2's August, 588.5 to 615.4 points across): the rule between them takes the fills' shade, so
// that one fill covers both rows, and the row rule shows only on both sides of it.
Graphics SplitAtRowRules(const Fill& fill, std::vector<BBox> h_rules) {
  Graphics g;
  g.fills = {fill};
  g.h_rules = std::move(h_rules);
  SplitFillsAtRowRules(&g, 2.0);
  return g;
}

TEST(Raster, AFillOverTwoRowsWhoseRuleRunsUpToBothItsSidesIsTwo) {
  const Graphics g =
      SplitAtRowRules(Fill{BBox{588.5, 384.0, 615.4, 427.2}, 0x666666},
                      {BBox{48.0, 405.1, 593.3, 406.1}, BBox{611.5, 404.6, 812.6, 406.1}});
  ASSERT_EQ(g.fills.size(), 2u);
  EXPECT_DOUBLE_EQ(g.fills[0].bbox.y0, 384.0);
  EXPECT_DOUBLE_EQ(g.fills[0].bbox.y1, 405.1);
  EXPECT_DOUBLE_EQ(g.fills[1].bbox.y0, 406.1);
  EXPECT_DOUBLE_EQ(g.fills[1].bbox.y1, 427.2);
  ASSERT_EQ(g.h_rules.size(), 3u);  // the rule's piece across the fill
  EXPECT_DOUBLE_EQ(g.h_rules[2].x0, 588.5);
  EXPECT_DOUBLE_EQ(g.h_rules[2].x1, 615.4);
}

// A fill merged over rows at the table's left edge (an axis's cell, shaded): the rows' rules run
// up to its right side only. It stays one fill.
TEST(Raster, AFillTheRowRulesMeetOnOneSideOnlyStaysWhole) {
  const Graphics g = SplitAtRowRules(Fill{BBox{30, 100, 80, 160}, 0xD9D9D9},
                                     {BBox{80, 120, 700, 121}, BBox{80, 140, 700, 141}});
  ASSERT_EQ(g.fills.size(), 1u);
  EXPECT_EQ(g.h_rules.size(), 2u);
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
