// Words placed by hand on a page, for the layout tests.
#pragma once

#include <string>

#include "pipeline/decode/source.h"

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

}  // namespace oplex::testing
