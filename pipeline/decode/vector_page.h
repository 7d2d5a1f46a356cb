// One pass over a born-digital page's content stream through poppler's output-device interface
// (libpoppler-private-dev): the words, as poppler-cpp's text_list() gives them, and what the
// page draws besides text, read from the vectors themselves instead of a rendering of them.
//
//   rules   stroked straight segments that run across or down (after the CTM), and filled
//           rectangles no thicker than kMaxRuleThickness (spreadsheet exports draw borders so);
//   fills   filled rectangles thicker than that, in the colour the page asks for (RGB, blended
//           with white by their opacity); a fill painted later hides what it covers of earlier
//           ones, so a table drawn as a dark block under light cells leaves its gaps as rules;
//           a shading is a fill of its mean colour over its clip; tiling patterns are skipped;
//   images  the boxes images are drawn in, so that a page whose text lies on a picture (a scan
//           under a text layer, a table pasted as an image) can be read from pixels instead;
//   marks   filled shapes that are no rectangle but solid (one convex outline covering most of
//           its box: a dot, a diamond) and the size of a glyph, drawn to mark a schedule's cells
//           as a typed "●" would: words "●" (round) or "◆" (with corners) after the text's
//           (none in the background's colour). A larger solid shape (a bar with round ends) is
//           a fill of its box.
//
// Everything is clipped to the clip's bounding box and is in points from the top-left corner of
// the page as displayed (its /Rotate applied), like the words. Strokes and fills in the colour of
// the page's background (the colour that covers most of it, white unless a fill does) are left
// out, and so are segments that underline or strike through words (they do not reach beyond
// the words they lie on). Rules along one line that touch are joined into one.
#pragma once

#include <vector>

#include "pipeline/decode/source.h"

namespace oplex {

class PageTree;

// A filled rectangle no thicker than this (points) is a rule.
inline constexpr double kMaxRuleThickness = 2.5;

struct VectorPage {
  std::vector<Word> words;  // in reading order, then the marks
  Graphics graphics;
  std::vector<BBox> images;
};

// Page `number` (1-based) of the document whose page tree `pages` is, turned `turn` degrees
// clockwise (0, 90, 180, 270) beyond its own rotation. Not thread-safe: one document per thread.
VectorPage ReadVectorPage(PageTree& pages, int number, int turn = 0);

// The turn (degrees clockwise) that sets a page's text upright: where more than half of its
// letters run in one direction other than left to right (a table laid out sideways, its headers
// and all), the turn that brings them left to right; 0 otherwise (a few headers written upwards
// over an upright table).
int UprightTurn(const std::vector<Word>& words);

// Whether most of `page`'s words lie on its images while it draws no rules nor fills: a picture
// of a page or a table under a text layer, whose rules are pixels.
bool TextOnImages(const VectorPage& page);

}  // namespace oplex
