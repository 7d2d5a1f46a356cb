// The rules and fills a born-digital page draws, read from its content stream (vector_page.h),
// on fixtures whose drawing operators were read by hand (qpdf --qdf):
//   - pale-fills.pdf page 1 (LibreOffice Calc, landscape): cells filled with `re f*` in greys and
//     pastels, borders stroked 0.5 pt wide in #BFBFBF and black;
//   - the reportlab AGS plan (uncoded) page 7: month cells filled #7F7F7F (.498039) inside rules
//     stroked #808080, which a rendering could not tell apart;
//   - vector/vector-drawing.pdf (Ghostscript, from tools/fixtures/vector-drawing.ps): a shading,
//     a dashed rule, rules as 0.4 pt filled rectangles, a rule clipped;
//   - vector/searchable-scan.pdf (Tesseract's PDF of a scanned page): words over an image, no
//     vectors, so the page is rendered and its rules read from pixels;
//   - icatech_poa_avance_2017_t1.pdf page 2 (a spreadsheet export, data/real): no stroke at all,
//     every border a filled rectangle 0.72 or 1.32 pt thick (82 of them);
//   - chromium/ags-2023-chromium-sideways.pdf: chromium/ags-2023-chromium-fills.pdf with each
//     page's /Rotate set by qpdf to 90 (odd pages) or 270 (even pages), the content unchanged:
//     a viewer shows the plan sideways;
//   - layouts/marks-drawn-as-shapes.pdf (reportlab): three ruled grids whose months are marked
//     by shapes: bars with round ends (`roundRect`: four lines and four curves, 10 points high),
//     discs of radius 3.5 (four curves) and diamonds 9 points across (four lines).
#include "pipeline/decode/vector_page.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/decode/pdf_decoder.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

const std::string kPdfDir = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/";

Graphics Drawn(const std::string& path, int number, Page* page = nullptr) {
  const std::string bytes = testing::ReadBytes(path);
  PdfOptions options;
  options.always_render = true;
  auto doc = PdfDocument::Open(bytes, path, options);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return {};
  auto read = doc->ReadPage(number);
  EXPECT_TRUE(read.ok()) << read.status().ToString();
  if (!read.ok() || !read->graphics) return {};
  if (page != nullptr) *page = *read;
  return *read->graphics;
}

size_t FillsOf(const Graphics& g, Rgb color) {
  return static_cast<size_t>(std::count_if(g.fills.begin(), g.fills.end(),
                                           [&](const Fill& f) { return f.color == color; }));
}

TEST(VectorPage, CellFillsInTheColoursThePageAsksFor) {
  Page page;
  const Graphics g = Drawn(kPdfDir + "generic/pale-fills.pdf", 1, &page);
  EXPECT_EQ(g.background, 0xFFFFFFu);
  // The page is landscape (792 x 612 points), origin at its top left.
  EXPECT_NEAR(page.width, 792, 0.1);
  EXPECT_NEAR(page.height, 612, 0.1);
  // 0.9882352941 0.894117647 0.8392156862 rg, then six `re f*`: the marked months of one row.
  EXPECT_EQ(FillsOf(g, 0xFCE4D6), 6u);
  // 1 0.9490196078 0.8 rg: 410.854 518.683 28.375 12.756 re f* (y from the top: 612 - 531.439).
  ASSERT_EQ(FillsOf(g, 0xFFF2CC), 1u);
  const Fill& pale = *std::find_if(g.fills.begin(), g.fills.end(),
                                   [](const Fill& f) { return f.color == 0xFFF2CC; });
  EXPECT_NEAR(pale.bbox.x0, 410.854, 0.01);
  EXPECT_NEAR(pale.bbox.x1, 439.229, 0.01);
  EXPECT_NEAR(pale.bbox.y0, 612 - 531.439, 0.01);
  EXPECT_NEAR(pale.bbox.y1, 612 - 518.683, 0.01);
  EXPECT_EQ(FillsOf(g, 0x5B9BD5), 2u);  // 0.3568 0.6078 0.8352 rg, twice
  EXPECT_EQ(FillsOf(g, 0xDDEBF7), 1u);
  // The first table's rules: 14 column rules at x = 42.463 … 637.71 (the last drawn twice, one
  // rule), each 0.50002 pt wide, from y = 612 - 569.792 down to 612 - 470.58.
  const auto column = std::count_if(g.v_rules.begin(), g.v_rules.end(), [](const BBox& r) {
    return std::abs(r.y0 - (612 - 569.792)) < 0.01 && r.y1 > 612 - 470.58 - 0.3;
  });
  EXPECT_EQ(column, 14);
  for (const BBox& r : g.v_rules) EXPECT_NEAR(r.x1 - r.x0, 0.5, 0.01);
}

TEST(VectorPage, AFillTheColourOfTheRulesIsAFill) {
  const Graphics g = Drawn(kPdfDir + "reportlab/ags-2023-helvetica-a4-uncoded.pdf", 7);
  // .498039 .498039 .498039 rg precedes 46 `re f*` of month cells, 17 x 21.25 points.
  EXPECT_EQ(FillsOf(g, 0x7F7F7F), 46u);
  for (const Fill& f : g.fills) {
    if (f.color != 0x7F7F7F) continue;
    EXPECT_NEAR(f.bbox.x1 - f.bbox.x0, 17, 0.01);
    EXPECT_NEAR(f.bbox.y1 - f.bbox.y0, 21.25, 0.01);
    // No rule runs through a marked cell: its borders lie on its edges.
    for (const BBox& r : g.h_rules) {
      const double y = (r.y0 + r.y1) / 2;
      EXPECT_FALSE(y > f.bbox.y0 + 1 && y < f.bbox.y1 - 1 && r.x0 < f.bbox.x1 && r.x1 > f.bbox.x0);
    }
  }
}

TEST(VectorPage, ShadingsDashesAndClips) {
  const Graphics g = Drawn(kPdfDir + "vector/vector-drawing.pdf", 1);
  // The page is 220 pt high: PostScript's y = 160 is 60 from the top.
  ASSERT_EQ(g.fills.size(), 2u);
  // Red to blue over cell (1, 1): its mean colour, (red + purple + blue) / 3. The 0.4 pt rule
  // filled after it covers its lowest 0.2 pt.
  const Fill& shaded = g.fills[0].color == 0xFFF2CC ? g.fills[1] : g.fills[0];
  EXPECT_NEAR(static_cast<int>(shaded.color >> 16), 0x7F, 2);
  EXPECT_EQ(shaded.color >> 8 & 0xFF, 0u);
  EXPECT_NEAR(static_cast<int>(shaded.color & 0xFF), 0x7F, 2);
  EXPECT_NEAR(shaded.bbox.x0, 80, 0.01);
  EXPECT_NEAR(shaded.bbox.x1, 140, 0.01);
  EXPECT_NEAR(shaded.bbox.y0, 60, 0.3);
  EXPECT_NEAR(shaded.bbox.y1, 90, 0.3);
  EXPECT_EQ(FillsOf(g, 0xFFF2CC), 1u);
  // Row rules at 30 (stroked), 60 (dashed), 90 and 120 (filled 0.4 pt), and 130: drawn from x = 0
  // to 320, clipped to 20..260.
  ASSERT_EQ(g.h_rules.size(), 5u);
  for (const BBox& r : g.h_rules) {
    EXPECT_NEAR(r.x0, 20, 0.01);
    EXPECT_NEAR(r.x1, 260, 0.01);
  }
  std::vector<double> ys;
  for (const BBox& r : g.h_rules) ys.push_back((r.y0 + r.y1) / 2);
  std::sort(ys.begin(), ys.end());
  const std::vector<double> want = {30, 60, 90, 120, 130};
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(ys[i], want[i], 0.01);
  EXPECT_NEAR(g.h_rules[2].y1 - g.h_rules[2].y0, 0.4, 0.01);
  EXPECT_EQ(g.v_rules.size(), 5u);
}

// Read turned upright, a sideways page gives the words, boxes and fills of the same page shown
// upright: page 1 is turned three quarters (its text ran top to bottom), page 2 one quarter.
TEST(VectorPage, APageShownSidewaysIsReadTurnedUpright) {
  for (const int number : {1, 2}) {
    Page sideways, upright;
    const Graphics turned =
        Drawn(kPdfDir + "chromium/ags-2023-chromium-sideways.pdf", number, &sideways);
    const Graphics plain =
        Drawn(kPdfDir + "chromium/ags-2023-chromium-fills.pdf", number, &upright);
    EXPECT_EQ(sideways.turned, number == 1 ? 270 : 90);
    EXPECT_EQ(upright.turned, 0);
    EXPECT_NEAR(sideways.width, upright.width, 0.01);
    EXPECT_NEAR(sideways.height, upright.height, 0.01);
    ASSERT_EQ(sideways.words.size(), upright.words.size());
    for (size_t i = 0; i < upright.words.size(); ++i) {
      EXPECT_EQ(sideways.words[i].text, upright.words[i].text);
      EXPECT_EQ(sideways.words[i].rotation, 0);
      EXPECT_NEAR(sideways.words[i].bbox.x0, upright.words[i].bbox.x0, 0.01);
      EXPECT_NEAR(sideways.words[i].bbox.y0, upright.words[i].bbox.y0, 0.01);
    }
    EXPECT_EQ(turned.fills.size(), plain.fills.size());
    EXPECT_EQ(turned.h_rules.size(), plain.h_rules.size());
    EXPECT_EQ(turned.v_rules.size(), plain.v_rules.size());
  }
}

TEST(VectorPage, TheTurnFollowsMostOfThePagesLetters) {
  const auto word = [](const std::string& text, int rotation) {
    Word w;
    w.text = text;
    w.rotation = rotation;
    return w;
  };
  // Month names written upwards over an upright table stay as they are.
  EXPECT_EQ(UprightTurn({word("Enero", 3), word("Febrero", 3), word("Elaborar el informe", 0),
                         word("Revisar las actas del consejo", 0)}),
            0);
  EXPECT_EQ(UprightTurn({word("Elaborar el informe", 1), word("Enero", 0)}), 270);
  EXPECT_EQ(UprightTurn({word("Elaborar el informe", 3), word("Enero", 0)}), 90);
  EXPECT_EQ(UprightTurn({word("Elaborar el informe", 2)}), 180);
  EXPECT_EQ(UprightTurn({}), 0);
}

TEST(VectorPage, APageWhoseTextLiesOnAnImageIsReadFromPixels) {
  Page page;
  const Graphics g = Drawn(kPdfDir + "vector/searchable-scan.pdf", 1, &page);
  EXPECT_GT(page.words.size(), 100u);
  // The tables' rules, found on the rendering; the background is the scanned paper's grey.
  EXPECT_GE(g.h_rules.size(), 20u);
  EXPECT_GE(g.v_rules.size(), 10u);
  EXPECT_NE(g.background, 0xFFFFFFu);
}

TEST(VectorPage, ThinFilledRectanglesAreRules) {
  Page page;
  const Graphics g =
      Drawn(std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/icatech_poa_avance_2017_t1.pdf", 2, &page);
  EXPECT_GE(g.h_rules.size(), 30u);
  EXPECT_GE(g.v_rules.size(), 10u);
  for (const Fill& f : g.fills) {
    EXPECT_GT(std::min(f.bbox.x1 - f.bbox.x0, f.bbox.y1 - f.bbox.y0), kMaxRuleThickness);
  }
  // 31.92 470.98 667.8 0.72 re f*: a row rule from the table's left edge, joined to the 1.32 pt
  // piece drawn on from x = 701.04 to the right edge.
  const double y = page.height - 470.98 - 0.36;
  const auto row = std::find_if(g.h_rules.begin(), g.h_rules.end(), [&](const BBox& r) {
    return r.y0 <= y && r.y1 >= y && std::abs(r.x0 - 31.92) < 0.01;
  });
  ASSERT_NE(row, g.h_rules.end());
  EXPECT_LE(row->y1 - row->y0, kMaxRuleThickness);
  EXPECT_GE(row->x1, 763.0);
}

TEST(VectorPage, SolidShapesTheSizeOfAGlyphAreMarksLargerOnesFills) {
  Page page;
  const Graphics g = Drawn(kPdfDir + "layouts/marks-drawn-as-shapes.pdf", 1, &page);
  // Each grid marks 16 months (its rows' spans 1-3, 2-5, 4-4, 6-9, 9-12).
  auto marks = [&](const std::string& glyph) {
    return std::count_if(page.words.begin(), page.words.end(),
                         [&](const Word& w) { return w.text == glyph; });
  };
  EXPECT_EQ(marks("●"), 16);
  EXPECT_EQ(marks("◆"), 16);
  for (const Word& w : page.words) {
    if (w.text != "●") continue;
    EXPECT_NEAR(w.bbox.x1 - w.bbox.x0, 7, 0.2);
    EXPECT_NEAR(w.bbox.y1 - w.bbox.y0, 7, 0.2);
  }
  // The five bars are fills of their boxes, 10 points high, in the bars' blue.
  EXPECT_EQ(FillsOf(g, 0x2F5597), 5u);
  for (const Fill& f : g.fills) {
    if (f.color == 0x2F5597) {
      EXPECT_NEAR(f.bbox.y1 - f.bbox.y0, 10, 0.2);
    }
  }
}

}  // namespace
}  // namespace oplex
