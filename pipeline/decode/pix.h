// Owning handles for Leptonica objects, so that every early return frees them.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

namespace oplex {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;

}  // namespace oplex
