// Cells of a scanned table whose text the page pass doubted, for OCR to read again, each alone.
//
// The page pass reads a whole page at once; in a table of small type it runs the letters of a
// cell into noise ("atendidos Icencishwa 11SE" for "atendidos en licenciatura. ITSE"). The same
// cell read alone, from the grey page, reads as printed. A cell is the box between the vertical
// rules around a word (RuledColumn) and the nearest horizontal rule or edge of a fill across that
// column above and below it. Its words are read again (OcrEngine::ReadCells) when they are text,
// not numbers (numeric_cells.h reads those), and OCR doubted them: their confidence, by
// character, under kDoubtedConfidence. The new reading replaces the old only when it is surer
// by a clear margin, reads about as many letters, and keeps the words the page pass was sure of:
// a cell read from the wrong box reads with confidence too, but not the same words. Even then, a
// word the page pass was surer of than the new reading is of the word at its place stays ("2.40"
// read again as "2,90").
#pragma once

#include <vector>

#include "pipeline/decode/source.h"

namespace oplex {

struct TextCell {
  BBox box;                   // inside its rules (points)
  std::vector<size_t> words;  // the indices of the words it holds, to replace
};

// `graphics`: the page's rules and fills; `words`: what OCR read on the page. No two cells
// overlap; a box that holds words of a cell of its own (a word across a rule) is none.
std::vector<TextCell> TextCellsToRead(const Graphics& graphics, const std::vector<Word>& words);

// Puts the words `read` in `cells` (each word in the cell its middle falls in) among the page's
// `words`, in place of the cell's, for each cell whose new reading is better (see above).
void PutTexts(const std::vector<TextCell>& cells, std::vector<Word> read, std::vector<Word>* words);

}  // namespace oplex
