// Marks of a scanned table drawn as solid shapes (■, ●, •), which OCR has no letter for.
//
// A schedule marks its months with a square or a dot as often as with an X. Born digital, the
// mark is a glyph of the text; scanned, the engine reads it as a letter ("n" for ■, "o" for ●),
// as signs ("." or "EJ" for •), as rule marks ("|]") that are then taken for noise, or not at
// all, and from one cell to the next differently. So the marks are read from their ink: a piece
// of ink (8-connected, on the binary page the engine read) is a solid mark when
//   - it is a glyph's size: from kMinMarkHeight to kMaxMarkHeight times the page's middle word
//     height (a bullet is a third of it; a full stop or a speck is smaller, a filled cell or a
//     dark band larger), and from kMinMarkAspect to 1 / kMinMarkAspect as wide as it is high (a
//     rule's sliver, a "l" or a "|" is narrower);
//   - it fills at least kMinMarkSolidity of its box (a disc fills π/4 of it; a letter's strokes
//     fill less, unless a blurred scan closes a bold letter's counter), and its ink is one run
//     across each row and down each column (the legs of a bold "n" part);
//   - no other ink stands beside it within kMarkClearance times the middle word height, in its
//     ruled column (numeric_cells.h: RuledColumn), or, outside ruled columns, within that
//     clearance on any side (the letters of a word stand closer: a bold "o" or "e" closed by a
//     blurred scan is no mark; so does the text after a bullet; the rows of an unruled grid
//     stand further apart), and no fill the page search found holds it, kShadedCell times its
//     size or larger (a shaded cell is read as a fill already; the search may find the mark itself
//     as a small fill, which marks no month alone).
// A word the engine boxed around such a mark alone (at most kMaxMarkLetters letters or signs,
// not a number: "n", "o", "1)", "EJ"; its box within the mark's clearance, where no other ink
// stands) is the mark and takes its glyph; a mark no word covers becomes a word of its own. Its
// glyph is "■" when it fills kSquareSolidity of its box, "●" otherwise, and its confidence is
// that share: how solid the ink is.
#pragma once

#include <vector>

#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

inline constexpr double kMinMarkHeight = 0.3;
inline constexpr double kMaxMarkHeight = 1.5;
inline constexpr double kMinMarkAspect = 0.5;
inline constexpr double kMinMarkSolidity = 0.7;
inline constexpr double kSquareSolidity = 0.88;
inline constexpr double kMarkClearance = 1.0;
inline constexpr double kShadedCell = 2.0;
inline constexpr size_t kMaxMarkLetters = 3;

// Reads the solid marks of `binary` (the page as OCR read it, its rules erased, at `ppp` pixels
// per point) into `words`, given the page's rules and fills in `graphics`.
void ReadSolidMarks(const Graphics& graphics, PIX* binary, double ppp, std::vector<Word>* words);

}  // namespace oplex
