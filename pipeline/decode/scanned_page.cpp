#include "pipeline/decode/scanned_page.h"

#include <algorithm>
#include <cmath>

#include "pipeline/decode/image_prep.h"
#include "pipeline/decode/raster.h"

namespace oplex {
namespace {

// Rules and fills are looked for at about this resolution: a scan at 300 DPI is halved, which
// also averages away the grain of the paper and of JPEG compression.
constexpr int kAnalysisDpi = 150;
// Grey levels of one shade on a scan: wider than on a rendering, for the grain left over.
constexpr int kScanShadeTolerance = 8;
// Font sizes read from one page that differ by less than this share are one size.
constexpr double kSameSizeShare = 0.12;

// OCR measures each line's size a little differently; layout compares sizes to tell headings
// from body text and rows of one table apart, so the sizes of a page are grouped into the few
// it really uses, each word taking its group's median.
void GroupFontSizes(std::vector<Word>* words) {
  std::vector<double> sizes;
  for (const Word& w : *words) sizes.push_back(w.font_size);
  std::sort(sizes.begin(), sizes.end());
  std::vector<std::pair<double, double>> groups;  // [first, last] size of each group
  std::vector<double> medians;
  for (size_t i = 0; i < sizes.size();) {
    size_t j = i;
    while (j < sizes.size() && sizes[j] <= sizes[i] * (1 + kSameSizeShare)) ++j;
    groups.emplace_back(sizes[i], sizes[j - 1]);
    medians.push_back(sizes[(i + j) / 2]);
    i = j;
  }
  for (Word& w : *words) {
    for (size_t g = 0; g < groups.size(); ++g) {
      if (w.font_size >= groups[g].first && w.font_size <= groups[g].second) {
        w.font_size = medians[g];
        break;
      }
    }
  }
}

Graphics FindGraphics(PIX* gray, int dpi, const std::vector<Word>& words) {
  const bool halve = dpi >= 2 * kAnalysisDpi;
  PixPtr analysed(halve ? pixScaleAreaMap2(gray) : pixCopy(nullptr, gray));
  if (!analysed) return Graphics{};
  // Leptonica keeps 8-bit pixels in 32-bit words, byte-swapped on little-endian machines; the
  // raster analysis reads plain rows of bytes.
  pixEndianByteSwap(analysed.get());
  GrayView view;
  view.data = reinterpret_cast<const uint8_t*>(pixGetData(analysed.get()));
  view.width = pixGetWidth(analysed.get());
  view.height = pixGetHeight(analysed.get());
  view.stride = pixGetWpl(analysed.get()) * 4;
  view.pixels_per_point = (halve ? dpi / 2.0 : dpi) / 72.0;
  std::vector<BBox> text;
  for (const Word& w : words) text.push_back(w.bbox);
  RasterOptions options;
  options.color_tolerance = kScanShadeTolerance;
  return AnalyzeRaster(view, text, options);
}

}  // namespace

Page ReadScannedPage(const PIX* image, int dpi, int number, OcrEngine& engine) {
  Page page;
  page.number = number;
  page.ocr = true;
  PreparedImage prepared = PrepareImage(image, dpi);
  const double ppp = dpi / 72.0;
  if (prepared.gray) {
    page.width = pixGetWidth(prepared.gray.get()) / ppp;
    page.height = pixGetHeight(prepared.gray.get()) / ppp;
  }
  switch (prepared.content) {
    case ImageContent::kBlank:
      page.unread = "the page is blank";
      return page;
    case ImageContent::kSolid:
      page.unread = "the page is solid black";
      return page;
    case ImageContent::kText:
      break;
  }
  if (!prepared.binary) {
    page.unread = "the image could not be prepared for OCR";
    return page;
  }
  page.words = engine.Read(prepared.binary.get(), dpi);
  if (page.words.empty()) {
    page.unread = "OCR found no words";
    return page;
  }
  GroupFontSizes(&page.words);
  page.graphics = FindGraphics(prepared.gray.get(), dpi, page.words);
  return page;
}

}  // namespace oplex
