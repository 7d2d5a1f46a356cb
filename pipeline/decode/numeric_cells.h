// Cells of a scanned table known to hold numbers, for OCR to read again restricted to digits.
//
// A ruled column (between two vertical rules) in which at least three words, and most of its
// words, are numbers holds numbers. Two kinds of its cells (between the horizontal rules that
// cross it) are read again with the engine restricted to digits (OcrEngine::ReadNumbers):
//   - a cell with a glyph's worth of ink but no word: the page pass missed a number there (a lone
//     "0" set flush against its cell's right rule, partly erased with the rule);
//   - a cell whose words are digits and the letters and marks OCR takes for them ("o" for 0, "l"
//     for 1, "L" for "1." in Times, "'" and "+" for specks and a dot), with one such letter at
//     least or a number split in words ("L 12", "1. 17" for 1.12 and 1.17), holding a digit or in
//     a row that holds a number (a header's month letter "O" is left alone).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

struct NumericCell {
  BBox box;                   // where it is read: its glyph or words, inside its rules (points)
  std::vector<size_t> words;  // the indices of the words it holds, to replace
  BBox line;                  // its words' line across the cell, to read when `box` reads nothing
};

// `graphics`: the page's rules; `words`: what OCR read; `binary`: the page as OCR read it, at
// `ppp` pixels per point.
std::vector<NumericCell> NumericCellsToRead(const Graphics& graphics,
                                            const std::vector<Word>& words, PIX* binary,
                                            double ppp);

// The cells of `cells` holding words where none of `numbers` was read: read again across their
// `line`, the ink OCR boxed in no word is read with their words.
std::vector<size_t> UnreadWordCells(const std::vector<NumericCell>& cells,
                                    const std::vector<Word>& numbers);

// Puts the `numbers` read in `cells` among the page's `words`, in place of the words they
// replace; a cell where no number was read keeps its word.
void PutNumbers(const std::vector<NumericCell>& cells, std::vector<Word> numbers,
                std::vector<Word>* words);

// The middles of the vertical rules on either side of `box` that run through its middle (x0 <
// x1, in points): the ruled column it stands in; nothing outside a ruled table.
std::optional<std::pair<double, double>> RuledColumn(const std::vector<BBox>& v_rules,
                                                     const BBox& box);

// Whether the middle of `word` lies in `box` (edges included).
bool MiddleIn(const BBox& word, const BBox& box);

// Whether OCR's text reads as a number: digits, with the signs numbers are written with
// ("1,000", "$65,018", "25%", "0.5").
bool IsNumberText(const std::string& text);

}  // namespace oplex
