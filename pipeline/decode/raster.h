// Graphics from a page image: ruling lines and filled regions, found with Leptonica.
//
// poppler-cpp shows no vector graphics, so a born-digital page is rendered and its pixels read;
// a scanned page is already pixels. Both come here, so one implementation serves both paths.
//
//   background  the most common colour of the page;
//   fills       for each colour that covers a sizeable area, its pixels opened with a square
//               brick (text strokes and thin lines vanish, areas stay), then connected
//               components: the filled rectangles of that colour;
//   rules       every pixel that differs from the background and lies in no fill, opened with a
//               long thin element (horizontal, then vertical) and split into connected
//               components: thin components are ruling lines.
//
// Colours are compared channel by channel with a tolerance, so pale greys and pastels count as
// fills: which fill means "marked" is decided later, against the cells of the same row.
#pragma once

#include <cstdint>

#include "pipeline/decode/source.h"

namespace oplex {

// A borrowed view of an RGB image: 3 bytes per pixel (R, G, B), rows `stride` bytes apart.
struct RgbView {
  const uint8_t* data = nullptr;
  int width = 0, height = 0;
  int stride = 0;
  double pixels_per_point = 1.0;  // render DPI / 72
};

struct RasterOptions {
  int color_tolerance = 8;       // max channel difference within one colour (0..255)
  double min_fill_points = 3.0;  // a fill is at least this wide and tall
  double h_rule_points = 20.0;   // shortest horizontal ruling line
  double v_rule_points = 14.0;   // shortest vertical ruling line: taller than body-text glyphs
  double max_rule_points = 2.5;  // thicker than this is a bar, not a line
};

// Boxes are in points, top-left origin, like the words of the page.
Graphics AnalyzeRaster(const RgbView& image, const RasterOptions& options = {});

}  // namespace oplex
