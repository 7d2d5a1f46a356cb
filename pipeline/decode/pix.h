// Owning handles for Leptonica objects, so that every early return frees them.
#pragma once

#include <leptonica/allheaders.h>

#include <cstdint>
#include <memory>

#include "models/records.h"

namespace oplex {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;

struct BoxDeleter {
  void operator()(BOX* b) const { boxDestroy(&b); }
};
using BoxPtr = std::unique_ptr<BOX, BoxDeleter>;

struct NumaDeleter {
  void operator()(NUMA* n) const { numaDestroy(&n); }
};
using NumaPtr = std::unique_ptr<NUMA, NumaDeleter>;

// An 8-bit Leptonica image of rows of grey bytes `stride` bytes apart (Leptonica keeps its own
// byte order inside 32-bit words, so the bytes are copied one by one). Null without memory.
inline PixPtr GrayPix(const uint8_t* rows, int width, int height, int stride) {
  PixPtr pix(pixCreate(width, height, 8));
  if (!pix) return pix;
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = rows + static_cast<ptrdiff_t>(y) * stride;
    l_uint32* line = pixGetData(pix.get()) + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = 0; x < width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

// The pixels of a box given in points, at `ppp` pixels per point, grown by `margin` pixels on
// every side.
inline BoxPtr PixelBox(const BBox& points, double ppp, int margin) {
  return BoxPtr(boxCreate(static_cast<int>(points.x0 * ppp) - margin,
                          static_cast<int>(points.y0 * ppp) - margin,
                          static_cast<int>((points.x1 - points.x0) * ppp) + 2 * margin + 1,
                          static_cast<int>((points.y1 - points.y0) * ppp) + 2 * margin + 1));
}

}  // namespace oplex
