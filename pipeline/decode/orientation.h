// Which way up a page image is: the clockwise quarter turns (0..3) that bring its
// text upright.
//
// The evidence is gathered cheapest first, each step deciding only when it is sure:
//   1. GlyphsOnly: the binary page without its ruling lines, fills, pictures and specks, so that
//      a table's grid does not drown the letters.
//   2. VoteByAscenders: Leptonica's count of ascenders pointing each way on those glyphs
//      (Bloomberg's up/down test, run as is and turned a quarter). It decides when one direction
//      stands out by Leptonica's own margins; dense small print, numbers and tables often leave it
//      undecided. A table's strokes can also make an upright page look sideways to it: a
//      sideways verdict is checked by the reading trial, and stands only where reading is
//      undecided.
//   3. ReadingTrial: the part of the page densest in letters is read by the OCR engine each way
//      up (the two ways of the likelier axis first); the way that reads clearly more letters with
//      confidence wins. Text the wrong way up reads as low-confidence noise. A small part is read
//      first, a larger one only when the small one leaves it undecided. Undecided, the page is
//      left as it is.
// Stateless functions; thread-safe as long as the probe is.
#pragma once

#include <functional>
#include <optional>

#include "pipeline/decode/pix.h"

namespace oplex {

// How legible a page image is the way up it is given: the letters of the words the OCR engine
// reads in it with confidence (OcrEngine::LegibleLetters).
using LegibilityProbe = std::function<int(PIX* gray, int dpi)>;

// `binary` and `gray`: the same page, scanned or rendered at `dpi` (a skew of a degree or so
// does no harm). Without a probe
// (an empty function), only the ascender vote decides.
int UprightTurns(PIX* binary, PIX* gray, int dpi, const LegibilityProbe& probe);

// The steps, exposed for tests.

// The components of `binary` the size of a glyph, its long rules taken out.
PixPtr GlyphsOnly(PIX* binary, int dpi);

struct AscenderVote {
  float up = 0;              // Leptonica's confidence that the text is upright (< 0: upside down)
  float left = 0;            // the same for the page turned a quarter clockwise
  std::optional<int> turns;  // set when one direction stands out
};
AscenderVote VoteByAscenders(PIX* glyphs);

// `sideways_first`: try the quarter turns (1 and 3) before 0 and 2.
std::optional<int> ReadingTrial(PIX* gray, PIX* glyphs, int dpi, bool sideways_first,
                                const LegibilityProbe& probe);

}  // namespace oplex
