// Graphics from a page image: ruling lines and filled regions, found with Leptonica.
//
// poppler-cpp shows no vector graphics, so a born-digital page is rendered and its pixels read;
// a scanned page is already pixels. Both come here, so one implementation serves both paths.
//
//   background  the most common shade of the page;
//   fills       for each shade that covers a sizeable area, its pixels opened with a square
//               brick (text strokes and thin lines vanish, areas stay), then connected
//               components: the filled rectangles of that shade;
//   rules       every pixel that differs from the background and lies in no fill, opened with a
//               long thin element (horizontal, then vertical) and split into connected
//               components: thin components are ruling lines.
//
// Pages are read in grey (8 bits): rendering grey costs a third less than colour, and every
// fill, pale greys and pastels included, is darker than a white page (#FFF2CC is 240, #E6E6E6
// is 230). Shades are compared with a tolerance; which fill means "marked" is decided later,
// against the cells of the same row. A fill's colour is reported as its grey (0xGGGGGG).
#pragma once

#include <cstdint>
#include <span>

#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

// A borrowed view of a grey image: one byte per pixel, rows `stride` bytes apart.
struct GrayView {
  const uint8_t* data = nullptr;
  int width = 0, height = 0;
  int stride = 0;
  double pixels_per_point = 1.0;  // render DPI / 72
};

struct RasterOptions {
  int color_tolerance = 4;       // max difference of grey levels within one shade (0..255)
  double min_fill_points = 3.0;  // a fill is at least this wide and tall
  double h_rule_points = 20.0;   // shortest horizontal ruling line
  double v_rule_points = 18.0;   // shortest vertical ruling line: taller than a glyph between rules
  // Shortest vertical rule that borders a low row (see FindRuleLines); 0 looks for none. Only for
  // a binarized page: on a grey one the blurred edge of a shaded cell would pass for one.
  double short_v_rule_points = 0;
  double max_rule_points = 2.5;  // thicker than this is a bar, not a line
  // How far around a fill its shade still counts as fill: the strip between a cell's border and
  // a label set close under it, too thin for the brick. 0 on a scan, whose grain gives light
  // rules the shades of fills.
  double fill_margin_points = 3.0;
  // Half-width (pixels) of a mean filter the fill search reads the image through, so that a
  // scan's grain leaves each fill in one shade; 0 for none. Rules are looked for unfiltered.
  int fill_smoothing = 0;
  // When above 0, a thin line darker than both its sides by this many grey levels (seen through
  // a short mean along it) is a candidate rule even in a fill's shade: on a scan, the grain
  // gives a light rule between two filled cells the shade of the fills. 0 looks for none.
  int thin_line_contrast = 0;
  // Whether the top and bottom edges of cell fills (a vertical rule beside both sides), joined
  // side by side into edges at least h_rule_points long, are horizontal rules too: on a scan, a
  // light rule under a shaded header row has the header's shade and shows only as its edge.
  bool fill_edges_are_rules = false;
};

// Boxes are in points, top-left origin, like the words of the page. `text` are the boxes of the
// page's words, when known: their inside is left out of the search for rules, so that small or
// bold letters that touch a border (the stem of a "D", a run of letters blurred into a bar at a
// low resolution) are never read as lines. A rule that runs on well beyond a word above and below
// it (text set flush against a column rule) is kept through the word's box.
Graphics AnalyzeRaster(const GrayView& image, const std::vector<BBox>& text = {},
                       const RasterOptions& options = {});

// A rectangle of pixels, [x0, x1) × [y0, y1).
struct PixelRect {
  int x0, y0, x1, y1;
};

// The pixels of the 1-bpp `ink` (`ppp` pixels per point) in runs three times the shortest rule
// of `options` long, across or down, that pass through one of `boxes` and run on beyond it, both
// ways, at least as far as the box is high: the parts of ruling lines that the boxes of words set
// close to them cover. (A letter's stem, or the tops of a word's letters, do not run on so far.)
PixPtr RulesThroughBoxes(PIX* ink, std::span<const PixelRect> boxes, double ppp,
                         const RasterOptions& options = {});

// Splits each fill that a horizontal rule crosses, where pieces of the rule run up to both its
// sides (within `gap` points) at the same height: on a scan, the rule between two filled cells
// one above the other takes the fills' shade, and the two cells read as one fill over both rows.
// The rule's ends on both sides show that the rows are two; the rule's piece across the fill is
// added to the rules.
void SplitFillsAtRowRules(Graphics* g, double gap);

// The ruling-line step of AnalyzeRaster on its own, for a 1-bpp mask of ink at `ppp` pixels per
// point (a binarized scan, before OCR): long thin runs, appended in points.
void FindRuleLines(PIX* ink, double ppp, const RasterOptions& options, std::vector<BBox>* h_rules,
                   std::vector<BBox>* v_rules);

}  // namespace oplex
