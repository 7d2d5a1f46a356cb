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

}  // namespace
}  // namespace oplex
