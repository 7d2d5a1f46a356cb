// Page images made ready for OCR with Leptonica: upright, straight and clean.
//
// A scan may be fed sideways or upside down, a little skewed, speckled, lit unevenly. The page
// is turned upright (0, 90, 180 or 270 degrees; see orientation.h), straightened
// by the skew of its text lines, and binarized with an adaptive (Sauvola) threshold, so that
// text on a pale fill and text on white both come out black; white text on a dark band (a
// header row) is turned back to black on white; specks smaller than a full stop are removed. Rules
// and fills are read from the grey image, not the binary one: the binary image has lost the shades
// that mark months.
#pragma once

#include "pipeline/decode/orientation.h"
#include "pipeline/decode/pix.h"

namespace oplex {

enum class ImageContent {
  kText,   // something to read
  kBlank,  // next to no ink: an empty page
  kSolid,  // next to no paper: a black page (a failed scan, a photo of nothing)
};

struct PreparedImage {
  PixPtr gray;            // 8 bpp, upright and straight
  PixPtr binary;          // 1 bpp, the same page for the OCR engine; null unless content is kText
  int quarter_turns = 0;  // clockwise quarter turns that made the page upright
  double skew_degrees = 0.0;  // the skew corrected (counter-clockwise positive)
  ImageContent content = ImageContent::kText;
};

// `image` is any depth Leptonica reads (1, 8 or 32 bpp, with or without a colour map), scanned
// or rendered at `dpi`. `probe` settles the way up when the shapes of the letters do not (see
// orientation.h); without one, such a page is left as it is.
PreparedImage PrepareImage(const PIX* image, int dpi, const LegibilityProbe& probe = {});

}  // namespace oplex
