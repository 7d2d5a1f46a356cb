// Which way up a scanned page is (orientation.h): the reading trial's logic on a stand-in probe,
// and a published scan whose even pages are upside down (data/real/).
#include "pipeline/decode/orientation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "pipeline/decode/image_prep.h"
#include "pipeline/decode/ocr_engine.h"
#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/decode/scanned_page.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

constexpr int kDpi = 300;

// A white page with one dark square in its top-left corner, and a probe that "reads" it only
// when the square is there: the trial must find the turns that bring it back.
PixPtr MarkedPage(int turns) {
  PixPtr page(pixCreate(600, 600, 8));  // smaller than the trial's large sample: read whole
  pixSetAll(page.get());
  const BoxPtr mark(boxCreate(50, 50, 200, 200));
  pixSetInRectArbitrary(page.get(), mark.get(), 0);
  return PixPtr(turns == 0 ? pixCopy(nullptr, page.get()) : pixRotateOrth(page.get(), turns));
}

int ReadsTopLeft(PIX* sample, int /*dpi*/) {
  l_uint32 v = 255;
  pixGetPixel(sample, 100, 100, &v);
  return v == 0 ? 100 : 5;
}

TEST(Orientation, ReadingTrialFindsTheWayUpThatReads) {
  for (int turned = 0; turned < 4; ++turned) {
    PixPtr page = MarkedPage(turned);
    PixPtr glyphs(pixCreate(pixGetWidth(page.get()), pixGetHeight(page.get()), 1));
    for (bool sideways_first : {false, true}) {
      const auto turns = ReadingTrial(page.get(), glyphs.get(), kDpi, sideways_first, ReadsTopLeft);
      ASSERT_TRUE(turns.has_value()) << turned;
      EXPECT_EQ((*turns + turned) % 4, 0) << "turned " << turned;
    }
  }
}

// Cheap evidence first: an upright page that wins among the first two ways read is not read the
// other two ways.
TEST(Orientation, ReadingTrialStopsWhenTheFirstAxisDecides) {
  PixPtr page = MarkedPage(0);
  PixPtr glyphs(pixCreate(pixGetWidth(page.get()), pixGetHeight(page.get()), 1));
  int reads = 0;
  const auto counting = [&](PIX* sample, int dpi) {
    ++reads;
    return ReadsTopLeft(sample, dpi);
  };
  EXPECT_EQ(ReadingTrial(page.get(), glyphs.get(), kDpi, false, counting), 0);
  EXPECT_EQ(reads, 2);
}

// The trial reads a square of 1.25 inches first (375 pixels at 300 DPI) and one of 2.5 inches
// (the whole 600-pixel page here) only when the small one leaves it undecided.
TEST(Orientation, ReadingTrialReadsALargerSampleOnlyWhenTheSmallOneIsUndecided) {
  PixPtr page = MarkedPage(0);
  PixPtr glyphs(pixCreate(pixGetWidth(page.get()), pixGetHeight(page.get()), 1));
  std::vector<int> widths;
  const auto reads_any = [&](PIX* sample, int dpi) {
    widths.push_back(static_cast<int>(pixGetWidth(sample)));
    return ReadsTopLeft(sample, dpi);
  };
  EXPECT_EQ(ReadingTrial(page.get(), glyphs.get(), kDpi, false, reads_any), 0);
  EXPECT_EQ(widths, (std::vector<int>{375, 375}));
  widths.clear();
  const auto reads_whole_pages = [&](PIX* sample, int dpi) {
    widths.push_back(static_cast<int>(pixGetWidth(sample)));
    return pixGetWidth(sample) == 600 ? ReadsTopLeft(sample, dpi) : 5;
  };
  EXPECT_EQ(ReadingTrial(page.get(), glyphs.get(), kDpi, false, reads_whole_pages), 0);
  EXPECT_EQ(widths, (std::vector<int>{375, 375, 375, 375, 600, 600}));
}

// A page nothing can be read on (or everything equally) stays as it is.
TEST(Orientation, NoClearWinnerLeavesThePage) {
  PixPtr page = MarkedPage(0);
  PixPtr glyphs(pixCreate(pixGetWidth(page.get()), pixGetHeight(page.get()), 1));
  EXPECT_FALSE(ReadingTrial(page.get(), glyphs.get(), kDpi, false, [](PIX*, int) { return 40; }));
  EXPECT_FALSE(ReadingTrial(page.get(), glyphs.get(), kDpi, false, [](PIX*, int) { return 3; }));
}

// The ruling lines of a grid are not glyphs; its letters are.
TEST(Orientation, GlyphsOnlyDropsRules) {
  PixPtr page(pixCreate(1200, 600, 1));
  pixRasterop(page.get(), 0, 100, 1200, 3, PIX_SET, nullptr, 0, 0);   // a rule across the page
  pixRasterop(page.get(), 500, 0, 3, 600, PIX_SET, nullptr, 0, 0);    // and one down it
  pixRasterop(page.get(), 100, 300, 12, 30, PIX_SET, nullptr, 0, 0);  // a letter-sized mark
  PixPtr glyphs = GlyphsOnly(page.get(), kDpi);
  ASSERT_TRUE(glyphs);
  l_int32 count = 0;
  pixCountPixels(glyphs.get(), &count, nullptr);
  EXPECT_EQ(count, 12 * 30);
}

// ITSCH's "Evaluación físico financiera" of 2025 (data/real/: its first two pages), scanned at
// 300 ppi with every even page upside down; the page text is checked by eye on the rendered
// pages.
class UpsideDownScan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path =
        std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/itsch_poa_eval_fisfin_2025_p1-2.pdf";
    bytes_ = new std::string(testing::ReadBytes(path));
    auto doc = PdfDocument::Open(*bytes_, path);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    doc_ = new PdfDocument(std::move(*doc));
    auto engine = OcrEngine::Create("spa");
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = engine->release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete doc_;
    delete bytes_;
  }
  static PixPtr Render(int number) {
    auto image = doc_->RenderGray(number, kDpi);
    EXPECT_TRUE(image.ok()) << image.status().ToString();
    return image.ok() ? std::move(*image) : nullptr;
  }
  static LegibilityProbe Probe() {
    return [](PIX* sample, int dpi) { return engine_->LegibleLetters(sample, dpi); };
  }
  static inline std::string* bytes_ = nullptr;
  static inline PdfDocument* doc_ = nullptr;
  static inline OcrEngine* engine_ = nullptr;
};

TEST_F(UpsideDownScan, TheUprightPageStaysAndTheUpsideDownOneTurns) {
  PixPtr first = Render(1), second = Render(2);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(PrepareImage(first.get(), kDpi, Probe()).quarter_turns, 0);
  EXPECT_EQ(PrepareImage(second.get(), kDpi, Probe()).quarter_turns, 2);
}

// Page 2, indicator 17: its project's words and its budget (authorized, exercised, difference).
TEST_F(UpsideDownScan, TheUpsideDownPageReads) {
  PixPtr second = Render(2);
  ASSERT_TRUE(second);
  const Page page = ReadScannedPage(second.get(), kDpi, 2, *engine_);
  const auto has = [&](const std::string& text) {
    return std::any_of(page.words.begin(), page.words.end(),
                       [&](const Word& w) { return w.text == text; });
  };
  EXPECT_TRUE(has("INSTITUTO"));
  EXPECT_TRUE(has("TECNOLÓGICO"));
  EXPECT_TRUE(has("Posicionamiento"));
  EXPECT_TRUE(has("1,078,122.24"));
  EXPECT_TRUE(has("856,745.80"));
  EXPECT_TRUE(has("221,376.44"));
}

// Page 7 of the same report (itsch_poa_eval_fisfin_2025_p7.pdf), upright: a table of indicators
// and figures. Straightened by the skew of its dark marks (-0.08 degrees) and binarized, its
// ascenders vote sideways (Leptonica: up 1.49, left -9.72, three quarter turns), though it reads
// upright: the reading trial read 157 letters upright and none either way sideways. Turned three
// times, every indicator of the page was lost. A sideways vote is read to be sure.
TEST_F(UpsideDownScan, AnUprightTableTheAscendersCallSidewaysStaysUpright) {
  const std::string path =
      std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/itsch_poa_eval_fisfin_2025_p7.pdf";
  const std::string bytes = testing::ReadBytes(path);
  auto doc = PdfDocument::Open(bytes, path);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto page = doc->RenderGray(1, kDpi);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const PixPtr marks(pixThresholdToBinary(page->get(), 128));
  l_float32 angle = 0, confidence = 0;
  ASSERT_EQ(pixFindSkew(marks.get(), &angle, &confidence), 0);
  const PixPtr straight(pixRotate(page->get(), static_cast<float>(angle * M_PI / 180.0),
                                  L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));

  const PreparedImage prepared = PrepareImage(straight.get(), kDpi, Probe());
  EXPECT_EQ(prepared.quarter_turns, 0);
  ASSERT_TRUE(prepared.binary);
  const PixPtr glyphs = GlyphsOnly(prepared.binary.get(), kDpi);
  EXPECT_EQ(VoteByAscenders(glyphs.get()).turns, 3);
}

}  // namespace
}  // namespace oplex
