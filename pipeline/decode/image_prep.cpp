#include "pipeline/decode/image_prep.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "pipeline/decode/sauvola.h"

namespace oplex {
namespace {

// Dark pixels (below mid-grey) on a page with nothing on it, and on a page with nothing else.
constexpr double kBlankInk = 0.00005;
constexpr double kSolidInk = 0.95;
// Sauvola: half the window (inches; about the height of a line of body text) and its factor.
constexpr double kWindowInches = 0.07;
constexpr float kSauvolaFactor = 0.34f;
// Skew below this (degrees) is left alone; the skew search is trusted from this confidence.
constexpr double kMinSkew = 0.05;
constexpr float kMinSkewConfidence = 3.0f;
// Specks at most this many pixels wide and tall at 150 DPI (scaled with the resolution).
constexpr double kSpeckAt150 = 1.0;
// A dark band under white text: darker than this grey level, solid over a square of this side
// (inches) between its letters, and at least this wide and tall (inches).
constexpr int kDarkLevel = 100;
// Paper is lighter than this grey level; a tile needs this many such pixels to measure it; its
// brightness may vary across the page by this many levels before the light is evened.
constexpr int kPaperLevel = 128;
constexpr int kPaperPixels = 50;
constexpr int kUnevenLight = 24;
// On such a band, a letter is lighter than this.
constexpr int kLetterLevel = 128;
constexpr double kBandBrickInches = 0.04;
constexpr double kBandMinWidthInches = 0.3;
constexpr double kBandMinHeightInches = 0.08;
// Inside a band's box, a light area this wide and tall (inches) is paper, not a letter.
constexpr double kPaperBrickInches = 0.05;

double DarkShare(PIX* gray) {
  // A quarter-size copy is plenty to count ink, and four times cheaper.
  const bool reduce = pixGetWidth(gray) >= 16 && pixGetHeight(gray) >= 16;
  PixPtr small(reduce ? pixScaleAreaMap(gray, 0.25f, 0.25f) : pixClone(gray));
  if (!small) return 0.0;
  const NumaPtr histogram(pixGetGrayHistogram(small.get(), 1));
  if (!histogram) return 0.0;
  double dark = 0, total = 0;
  for (int level = 0; level < 256; ++level) {
    l_float32 count = 0;
    numaGetFValue(histogram.get(), level, &count);
    total += count;
    if (level < 128) dark += count;
  }
  return total > 0 ? dark / total : 0.0;
}

// White text on a dark band (a table's header row) binarizes as white letters cut out of a
// black band speckled by the grain: each band (dark, solid, at least a short line's size) is
// binarized again on its own, its light letters black on white. Dark cells of a grid that touch
// make one band whose box holds white cells too: light areas a square of kPaperBrickInches fits
// in, no letter's stroke, are paper and keep their binary (uninverted, they would come out
// black).
void UninvertDarkBands(PIX* gray, PIX* binary, int dpi) {
  PixPtr dark(pixThresholdToBinary(gray, kDarkLevel));
  if (!dark) return;
  const int brick = std::max(3, static_cast<int>(kBandBrickInches * dpi));
  const int paper_brick = std::max(3, static_cast<int>(kPaperBrickInches * dpi));
  PixPtr solid(pixOpenCompBrick(nullptr, dark.get(), brick, brick));
  if (!solid) return;
  BoxaPtr bands(pixConnCompBB(solid.get(), 8));
  if (!bands) return;
  for (int i = 0; i < boxaGetCount(bands.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(bands.get(), i, &x, &y, &w, &h);
    // Across the page or, on a page fed sideways, down it.
    const int longer = std::max(w, h), shorter = std::min(w, h);
    if (longer < kBandMinWidthInches * dpi || shorter < kBandMinHeightInches * dpi) continue;
    const BoxPtr box(boxCreate(x, y, w, h));
    PixPtr band(pixClipRectangle(gray, box.get(), nullptr));
    if (!band) continue;
    PixPtr letters(pixThresholdToBinary(band.get(), kLetterLevel));
    if (!letters) continue;
    pixInvert(letters.get(), letters.get());  // the light pixels
    PixPtr paper(pixOpenCompBrick(nullptr, letters.get(), paper_brick, paper_brick));
    PixPtr before(pixClipRectangle(binary, box.get(), nullptr));
    if (!paper || !before) continue;
    // Off the paper, the light letters; on it, the binary as it was.
    pixSubtract(letters.get(), letters.get(), paper.get());
    pixAnd(before.get(), before.get(), paper.get());
    pixOr(letters.get(), letters.get(), before.get());
    pixRasterop(binary, x, y, w, h, PIX_SRC, letters.get(), 0, 0);
  }
}

PixPtr Binarize(PIX* gray, int dpi) {
  const int half = std::max(7, static_cast<int>(std::lround(kWindowInches * dpi)));
  PixPtr binary = SauvolaBinarize(gray, half, kSauvolaFactor);
  // An image smaller than the window has no neighbourhood to measure.
  if (!binary) return PixPtr(pixThresholdToBinary(gray, 128));
  UninvertDarkBands(gray, binary.get(), dpi);
  const int speck = std::max(1, static_cast<int>(std::lround(kSpeckAt150 * dpi / 150.0)));
  return PixPtr(
      pixSelectBySize(binary.get(), speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
}

// A photo of a page is lit unevenly: its paper runs from white to grey across the page, which
// would read as fills. The paper of each quarter of the page is its brightest inch-square tile
// (a fill is darker than the paper beside it); when the quarters' papers differ by more than
// kUnevenLight, the page is divided by its background, its paper white again. A scan's paper is
// even, and is left alone: dividing would take a large fill for paper.
PixPtr EvenLight(PIX* gray, int dpi) {
  const int tile = std::max(16, dpi);
  PIX* map = nullptr;
  if (pixGetBackgroundGrayMap(gray, nullptr, tile, tile, kPaperLevel, kPaperPixels, &map) != 0 ||
      map == nullptr) {
    return nullptr;
  }
  const int w = pixGetWidth(map), h = pixGetHeight(map);
  int paper[2][2] = {{0, 0}, {0, 0}};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0;
      pixGetPixel(map, x, y, &v);
      int& quarter = paper[2 * y / std::max(1, h)][2 * x / std::max(1, w)];
      quarter = std::max(quarter, static_cast<int>(v));
    }
  }
  pixDestroy(&map);
  const auto [darkest, brightest] =
      std::minmax({paper[0][0], paper[0][1], paper[1][0], paper[1][1]});
  if (w < 2 || h < 2 || brightest - darkest <= kUnevenLight) return nullptr;
  return PixPtr(
      pixBackgroundNorm(gray, nullptr, nullptr, tile, tile, kPaperLevel, kPaperPixels, 255, 2, 2));
}

}  // namespace

PreparedImage PrepareImage(const PIX* image, int dpi, const LegibilityProbe& probe) {
  PreparedImage out;
  out.gray.reset(pixConvertTo8(const_cast<PIX*>(image), 0));
  if (!out.gray) return out;
  const double dark = DarkShare(out.gray.get());
  if (dark < kBlankInk) {
    out.content = ImageContent::kBlank;
    return out;
  }
  if (dark > kSolidInk) {
    out.content = ImageContent::kSolid;
    return out;
  }
  if (PixPtr even = EvenLight(out.gray.get(), dpi)) out.gray = std::move(even);
  out.binary = Binarize(out.gray.get(), dpi);
  if (!out.binary) return out;

  out.quarter_turns = UprightTurns(out.binary.get(), out.gray.get(), dpi, probe);
  if (out.quarter_turns != 0) {
    out.gray.reset(pixRotateOrth(out.gray.get(), out.quarter_turns));
    out.binary.reset(pixRotateOrth(out.binary.get(), out.quarter_turns));
  }

  l_float32 angle = 0, confidence = 0;
  if (pixFindSkew(out.binary.get(), &angle, &confidence) == 0 && confidence >= kMinSkewConfidence &&
      std::abs(angle) >= kMinSkew) {
    out.skew_degrees = angle;
    const float radians = static_cast<float>(angle * std::numbers::pi / 180.0);
    PixPtr straight(pixRotate(out.gray.get(), radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (straight) {
      out.gray = std::move(straight);
      out.binary = Binarize(out.gray.get(), dpi);
    }
  }
  return out;
}

}  // namespace oplex
