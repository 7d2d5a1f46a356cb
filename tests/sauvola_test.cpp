// Sauvola's threshold in one pass (sauvola.h) binarizes as Leptonica does, pixel for pixel: the
// OCR of every scan was measured with Leptonica's, and must not move by a pixel.
#include "pipeline/decode/sauvola.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>

#include "pipeline/decode/pdf_decoder.h"

namespace oplex {
namespace {

l_int32 PixelsDiffering(PIX* a, PIX* b) {
  const PixPtr differ(pixXor(nullptr, a, b));
  l_int32 count = -1;
  if (differ) pixCountPixels(differ.get(), &count, nullptr);
  return count;
}

// Leptonica's Sauvola over tiles, as oplex called it before (tiles of about 1200 pixels).
PixPtr LeptonicaTiled(PIX* gray, int half, float factor) {
  const int w = pixGetWidth(gray), h = pixGetHeight(gray);
  const int nx = std::clamp(w / 1200, 1, std::max(1, w / (2 * half + 2)));
  const int ny = std::clamp(h / 1200, 1, std::max(1, h / (2 * half + 2)));
  PIX* binary = nullptr;
  pixSauvolaBinarizeTiled(gray, half, factor, nx, ny, nullptr, &binary);
  return PixPtr(binary);
}

PixPtr LeptonicaWhole(PIX* gray, int half, float factor) {
  PIX* binary = nullptr;
  pixSauvolaBinarize(gray, half, factor, 1, nullptr, nullptr, nullptr, &binary);
  return PixPtr(binary);
}

// Every page of the scanned fixtures (data/scans), rendered grey at 300 DPI as OCR reads them,
// with the window oplex uses at 300 DPI (21) and at 200 DPI (14). A first version truncated the
// mean square where Leptonica rounds it: on pdftoppm's 300 DPI renderings of these pages, 2 to
// 31 pixels a page came out differently.
TEST(Sauvola, EveryScannedFixturePageBinarizesAsLeptonicaDoes) {
  int pages = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(OPLEX_DEFAULT_DATA_DIR) + "/scans")) {
    if (entry.path().extension() != ".pdf") continue;
    auto doc = PdfDocument::OpenFile(entry.path(), entry.path().string());
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    for (int number = 1; number <= doc->page_count(); ++number) {
      auto page = doc->RenderGray(number, 300);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      for (const int half : {21, 14}) {
        const PixPtr ours = SauvolaBinarize(page->get(), half, 0.34f);
        const PixPtr theirs = LeptonicaTiled(page->get(), half, 0.34f);
        ASSERT_TRUE(ours && theirs);
        EXPECT_EQ(PixelsDiffering(ours.get(), theirs.get()), 0)
            << entry.path().filename() << " page " << number << " window " << half;
      }
      ++pages;
    }
  }
  EXPECT_EQ(pages, 17);
}

// Grey noise and a checkerboard, from the smallest image the window allows, with factors
// either side of 1 (above 1 the threshold may fall below zero and wrap, as Leptonica's does).
TEST(Sauvola, SmallImagesAndAnyFactorAsLeptonica) {
  std::mt19937 random(7);
  for (int trial = 0; trial < 24; ++trial) {
    const int half = 2 + trial % 4;
    const int w = 2 * half + 3 + static_cast<int>(random() % 90);
    const int h = 2 * half + 3 + static_cast<int>(random() % 90);
    const PixPtr gray(pixCreate(w, h, 8));
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        const bool noise = trial % 2 == 0;
        pixSetPixel(gray.get(), x, y, noise ? random() % 256 : ((x / 3 + y / 5) % 2 ? 240 : 20));
      }
    }
    const float factor = trial < 12 ? 0.34f : 1.6f;
    const PixPtr ours = SauvolaBinarize(gray.get(), half, factor);
    const PixPtr theirs = LeptonicaWhole(gray.get(), half, factor);
    ASSERT_TRUE(ours && theirs);
    EXPECT_EQ(PixelsDiffering(ours.get(), theirs.get()), 0)
        << w << "x" << h << " window " << half << " factor " << factor;
  }
}

TEST(Sauvola, AnImageSmallerThanTheWindowIsRefused) {
  const PixPtr gray(pixCreate(46, 200, 8));
  EXPECT_FALSE(SauvolaBinarize(gray.get(), 22, 0.34f));
  EXPECT_TRUE(SauvolaBinarize(gray.get(), 21, 0.34f));
  const PixPtr binary(pixCreate(200, 200, 1));
  EXPECT_FALSE(SauvolaBinarize(binary.get(), 7, 0.34f));
}

}  // namespace
}  // namespace oplex
