// Words placed by hand on a page, for the layout tests.
#pragma once

#include <deque>
#include <string>

#include "pipeline/decode/source.h"
#include "pipeline/layout/grid.h"

namespace oplex::testing {

// A word `text` in the box x0-x1, y0-y1 (points, top-left origin).
inline Word WordAt(const std::string& text, double x0, double y0, double x1, double y1) {
  Word w;
  w.text = text;
  w.bbox = BBox{x0, y0, x1, y1};
  return w;
}

// The same word as OCR read it, with `confidence`.
inline Word OcrWordAt(const std::string& text, double x0, double y0, double x1, double y1,
                      double confidence) {
  Word w = WordAt(text, x0, y0, x1, y1);
  w.confidence = confidence;
  return w;
}

// Words of one line's height (8 points), 6 points a character wide, placed by their top-left
// corner; each stays where it was made while the set lives.
class PlacedWords {
 public:
  const Word* At(const std::string& text, double x0, double top) {
    return &words_.emplace_back(WordAt(text, x0, top, x0 + 6.0 * text.size(), top + 8));
  }

 private:
  std::deque<Word> words_;
};

// The words of the grid's cell at `row`, `col`, a space between each; "(none)" when no cell
// starts there.
inline std::string CellText(const Grid& grid, int row, int col) {
  for (const GridCell& c : grid.cells) {
    if (c.row != row || c.col != col) continue;
    std::string text;
    for (const Word* w : c.words) text += (text.empty() ? "" : " ") + w->text;
    return text;
  }
  return "(none)";
}

}  // namespace oplex::testing
