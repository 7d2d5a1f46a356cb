// Page images made ready for OCR (image_prep.h): what the binary keeps of a page does not depend
// on the way the page was fed.
#include "pipeline/decode/image_prep.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/decode/pdf_decoder.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

constexpr int kDpi = 300;

l_int32 BlackPixels(PIX* binary) {
  l_int32 count = 0;
  pixCountPixels(binary, &count, nullptr);
  return count;
}

// The BCS plan's page 10 (data/pdf/bcs-2024-x.pdf) prints its header as white words on a dark
// band. Rendered straight (no skew to correct, so the page is binarized once, as fed) and fed
// sideways, the band stands down the page, narrower than a band is wide across one: it must
// still come out as its letters, black on white, not as a black bar. Measured on the two
// binaries: before a band could stand either way, the sideways page's header was a solid bar,
// its words cut out of it in white; the binaries differed in 120,425 pixels, a fifth of the
// upright page's 570,475 black ones. Now they are the same.
TEST(ImagePrep, ADarkBandComesOutAsItsLettersOnAPageFedSideways) {
  const std::string path = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/bcs-2024-x.pdf";
  const std::string bytes = testing::ReadBytes(path);
  auto doc = PdfDocument::Open(bytes, path);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto page = doc->RenderGray(10, kDpi);
  ASSERT_TRUE(page.ok()) << page.status().ToString();

  const PreparedImage upright = PrepareImage(page->get(), kDpi);
  const PixPtr fed(pixRotateOrth(page->get(), 1));
  const PreparedImage sideways = PrepareImage(fed.get(), kDpi);
  ASSERT_TRUE(upright.binary && sideways.binary);
  ASSERT_EQ(upright.quarter_turns, 0);
  ASSERT_EQ(upright.skew_degrees, 0.0);
  ASSERT_EQ(sideways.skew_degrees, 0.0);
  // Without a probe the page may stay sideways: compare it the same way up.
  const PixPtr back(
      pixRotateOrth(sideways.binary.get(), (4 - (1 + sideways.quarter_turns) % 4) % 4));
  ASSERT_EQ(pixGetWidth(back.get()), pixGetWidth(upright.binary.get()));
  const PixPtr differ(pixXor(nullptr, back.get(), upright.binary.get()));
  EXPECT_LT(BlackPixels(differ.get()), BlackPixels(upright.binary.get()) / 100)
      << BlackPixels(differ.get()) << " of " << BlackPixels(upright.binary.get());
}

// The 200 dpi scan of data/pdf/layouts/months-filled-dark: the second grid's months are filled
// dark grey (0x595959), darker than a band of white text. Its filled cells touch (January to
// March over February to May over April), so that they make one dark band whose box holds the
// first row's April and May, white. Binarized again as a band of white letters, those white
// cells came out black, and were read as a black fill marking April and May. They stay white.
TEST(ImagePrep, WhiteCellsInTheBoxOfTouchingDarkCellsStayWhite) {
  const std::string path =
      std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/layouts/months-filled-dark-scan-1.png";
  const PixPtr page(pixRead(path.c_str()));
  ASSERT_TRUE(page);
  const PreparedImage prepared = PrepareImage(page.get(), 200);
  ASSERT_TRUE(prepared.binary);
  ASSERT_EQ(prepared.quarter_turns, 0);
  // April and May of the second grid's first row (points 454 to 508 across, 276 to 288 down),
  // inside their rules.
  constexpr double kPixels = 200 / 72.0;
  const BoxPtr cells(boxCreate(static_cast<int>(454 * kPixels), static_cast<int>(276 * kPixels),
                               static_cast<int>(54 * kPixels), static_cast<int>(12 * kPixels)));
  const PixPtr inside(pixClipRectangle(prepared.binary.get(), cells.get(), nullptr));
  ASSERT_TRUE(inside);
  EXPECT_LT(BlackPixels(inside.get()), pixGetWidth(inside.get()) * pixGetHeight(inside.get()) / 50);
}

}  // namespace
}  // namespace oplex
