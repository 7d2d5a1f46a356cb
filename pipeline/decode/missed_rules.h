// Rules the binary page hid from the search for rules, found on the grey page around the words.
//
// Before OCR, the ruling lines are looked for on the binary page and erased from the image the
// engine reads (scanned_page.cpp). A light rule a pixel or so wide, scanned askew, lies on one
// column of pixels in places and shares itself between two in others: there it is too light for
// the binarization, and the binary page shows the rule as dashes, each too short for a rule. The
// dashes stay in the image OCR reads, which makes words of them ("[", "1", "|") in the cells
// beside them and glues them to the labels of a grid's header ("[sep"), so that its months go
// unnamed. The search on the grey page, with the words painted out, finds such a rule whole:
// first around the words the engine lays out, before it reads them, and again around the words
// it read. The rules are erased, before the page is read or (the layout did not show them) to
// read it again, when a good share of its words (kMinShareOnMissed) stand on the pieces of its
// rules
//   - that belong to a grid: each meets kGridRuleMeets rules the other way (a line the grey search
//     found along the edge of a light patch of text meets none);
//   - that no rule erased before OCR covers;
//   - that the binary page shows in part at least: a rule too light for the binarization is not
//     in the image OCR read, and erasing it would only cut into the letters set close to it.
// A word or two on a rule is the engine's usual noise, which later steps take out: erasing is
// not worth its risk to the letters set close to the rules, nor a page read again (which is read
// anew, its other words too) a second pass.
#pragma once

#include <vector>

#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

// An erased rule covers a piece of a grey one when it runs along it within this distance
// (points) across: the two searches place the same rule a pixel or so apart.
inline constexpr double kSameRuleDistance = 1.5;
// Shorter uncovered pieces (points) are the ends of a rule the two searches place a pixel or so
// apart, not a piece the binary page hid.
inline constexpr double kMinMissedPiece = 3.0;
// A rule of a grid meets at least this many rules the other way (within kSameRuleDistance):
// the two at its ends and one between, in a table of two rows or columns.
inline constexpr int kGridRuleMeets = 3;
// The pieces must run through the boxes of words at least this share of the page's words in
// number (a word counted once for each piece through it) for the page to be read again. (A
// skewed scan of a lightly ruled grid: 0.4 to 0.8; the real scans of data/real: under 0.03.)
inline constexpr double kMinShareOnMissed = 0.1;
// A piece the binary page shows in part: ink across it in at least this share of its length.
inline constexpr double kMinInkAlong = 0.3;

// The pieces (points), at least kMinMissedPiece long, of the grid rules of `grey` that the rules of
// `erased` do not cover and the 1-bpp `binary` (`ppp` pixels per point) shows in part, as rules
// (no fills), when they run through kMinShareOnMissed of `words`; none otherwise.
Graphics RulesMissedUnderWords(const Graphics& grey, const Graphics& erased,
                               const std::vector<Word>& words, PIX* binary, double ppp);

}  // namespace oplex
