#include "pipeline/decode/raster.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace oplex {
namespace {

// Colours are counted in bins of 5 bits per channel.
constexpr int kBinBits = 5;
constexpr int kBins = 1 << (3 * kBinBits);
// At most this many fill colours are looked for on one page.
constexpr size_t kMaxFillColors = 16;
constexpr uint8_t kNoLabel = 0xFF;

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;
struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;

struct Color {
  int r = 0, g = 0, b = 0;
  Rgb Packed() const { return static_cast<Rgb>((r << 16) | (g << 8) | b); }
};

int Distance(const Color& a, const uint8_t* p) {
  return std::max({std::abs(a.r - p[0]), std::abs(a.g - p[1]), std::abs(a.b - p[2])});
}

int Bin(const uint8_t* p) {
  constexpr int shift = 8 - kBinBits;
  return ((p[0] >> shift) << (2 * kBinBits)) | ((p[1] >> shift) << kBinBits) | (p[2] >> shift);
}

// The colours of the page, most common first: the background, then the candidates for fills.
std::vector<Color> DominantColors(const RgbView& image, size_t min_pixels, int tolerance) {
  std::vector<uint32_t> count(kBins, 0);
  std::vector<std::array<uint64_t, 3>> sum(kBins, {0, 0, 0});
  for (int y = 0; y < image.height; ++y) {
    const uint8_t* row = image.data + static_cast<size_t>(y) * image.stride;
    for (int x = 0; x < image.width; ++x) {
      const uint8_t* p = row + 3 * x;
      const int bin = Bin(p);
      ++count[bin];
      sum[bin][0] += p[0];
      sum[bin][1] += p[1];
      sum[bin][2] += p[2];
    }
  }
  std::vector<int> bins;
  for (int bin = 0; bin < kBins; ++bin) {
    if (count[bin] >= min_pixels) bins.push_back(bin);
  }
  std::sort(bins.begin(), bins.end(), [&](int a, int b) { return count[a] > count[b]; });
  std::vector<Color> colors;
  for (int bin : bins) {
    Color c{static_cast<int>(sum[bin][0] / count[bin]), static_cast<int>(sum[bin][1] / count[bin]),
            static_cast<int>(sum[bin][2] / count[bin])};
    const uint8_t probe[3] = {static_cast<uint8_t>(c.r), static_cast<uint8_t>(c.g),
                              static_cast<uint8_t>(c.b)};
    const bool known = std::any_of(colors.begin(), colors.end(),
                                   [&](const Color& k) { return Distance(k, probe) <= tolerance; });
    if (!known) colors.push_back(c);
    if (colors.size() == kMaxFillColors + 1) break;
  }
  return colors;
}

PixPtr NewMask(const RgbView& image) { return PixPtr(pixCreate(image.width, image.height, 1)); }

void SetBit(PIX* pix, int x, int y) {
  l_uint32* line = pixGetData(pix) + static_cast<size_t>(y) * pixGetWpl(pix);
  SET_DATA_BIT(line, x);
}

bool GetBit(PIX* pix, int x, int y) {
  const l_uint32* line = pixGetData(pix) + static_cast<size_t>(y) * pixGetWpl(pix);
  return GET_DATA_BIT(line, x) != 0;
}

BBox ToPoints(int x, int y, int w, int h, double ppp) {
  return BBox{x / ppp, y / ppp, (x + w) / ppp, (y + h) / ppp};
}

// The bounding boxes of the connected components of a mask.
template <typename Fn>
void ForEachComponent(PIX* mask, Fn&& fn) {
  BoxaPtr boxes(pixConnCompBB(mask, 8));
  if (!boxes) return;
  const int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) == 0) fn(x, y, w, h);
  }
}

int ToPixels(double points, double ppp) {
  return std::max(1, static_cast<int>(std::lround(points * ppp)));
}

}  // namespace

Graphics AnalyzeRaster(const RgbView& image, const RasterOptions& options) {
  Graphics g;
  if (image.data == nullptr || image.width <= 0 || image.height <= 0) return g;
  const double ppp = image.pixels_per_point;
  const int brick = ToPixels(options.min_fill_points, ppp);
  const int tol = options.color_tolerance;

  std::vector<Color> colors =
      DominantColors(image, static_cast<size_t>(brick) * brick * 2, options.color_tolerance);
  if (colors.empty()) return g;
  const Color background = colors.front();
  g.background = background.Packed();

  // Label each pixel with its fill colour (index into colors, 0 = background).
  std::vector<uint8_t> label(static_cast<size_t>(image.width) * image.height, kNoLabel);
  for (int y = 0; y < image.height; ++y) {
    const uint8_t* row = image.data + static_cast<size_t>(y) * image.stride;
    for (int x = 0; x < image.width; ++x) {
      const uint8_t* p = row + 3 * x;
      for (size_t c = 0; c < colors.size(); ++c) {
        if (Distance(colors[c], p) <= tol) {
          label[static_cast<size_t>(y) * image.width + x] = static_cast<uint8_t>(c);
          break;
        }
      }
    }
  }

  // Fills: the solid areas of each non-background colour.
  PixPtr filled = NewMask(image);
  for (size_t c = 1; c < colors.size(); ++c) {
    PixPtr mask = NewMask(image);
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        if (label[static_cast<size_t>(y) * image.width + x] == c) SetBit(mask.get(), x, y);
      }
    }
    PixPtr opened(pixOpenBrick(nullptr, mask.get(), brick, brick));
    if (!opened) continue;
    pixOr(filled.get(), filled.get(), opened.get());
    ForEachComponent(opened.get(), [&](int x, int y, int w, int h) {
      g.fills.push_back(Fill{ToPoints(x, y, w, h, ppp), colors[c].Packed()});
    });
  }

  // Rules: what is neither background nor fill, kept where it runs long and thin.
  PixPtr ink = NewMask(image);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      if (label[static_cast<size_t>(y) * image.width + x] != 0 && !GetBit(filled.get(), x, y)) {
        SetBit(ink.get(), x, y);
      }
    }
  }
  const int max_thick = ToPixels(options.max_rule_points, ppp);
  PixPtr horizontal(pixOpenBrick(nullptr, ink.get(), ToPixels(options.h_rule_points, ppp), 1));
  if (horizontal) {
    ForEachComponent(horizontal.get(), [&](int x, int y, int w, int h) {
      if (h <= max_thick) g.h_rules.push_back(ToPoints(x, y, w, h, ppp));
    });
  }
  PixPtr vertical(pixOpenBrick(nullptr, ink.get(), 1, ToPixels(options.v_rule_points, ppp)));
  if (vertical) {
    ForEachComponent(vertical.get(), [&](int x, int y, int w, int h) {
      if (w <= max_thick) g.v_rules.push_back(ToPoints(x, y, w, h, ppp));
    });
  }
  return g;
}

}  // namespace oplex
