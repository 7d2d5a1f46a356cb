// What every decoder produces: the source turned into lines of cells (text exports) or pages of
// positioned words (PDF, OCR). Later stages read only this, never the original file.
// Plain value types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/records.h"

namespace oplex {

// One line of a text export, split into cells. A line without a tab or pipe is a single cell
// with `tabular` false. Cell text is plain UTF-8 (NFC): HTML fragments are gone; list items
// (<li>, "•") are separated by '\n' inside the cell.
struct SourceLine {
  int number = 0;           // 1-based line in the file
  std::optional<int> page;  // 1-based page, when the export marks page breaks
  bool tabular = false;     // the line had cell separators
  bool list = false;        // some cell held a list (<ul>/<li> or bullets)
  std::vector<std::string> cells;
};

// A word on a page, with its box (points, top-left origin).
struct Word {
  std::string text;
  BBox bbox;
  double font_size = 0;
  bool bold = false;
  double confidence = 1.0;  // 1 for born-digital text, the OCR engine's score otherwise
};

struct Page {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Word> words;
};

struct DecodedDocument {
  std::string source_format;      // "text", "pdf", "image"
  std::string detected_encoding;  // e.g. "UTF-8", "windows-1252"
  std::vector<SourceLine> lines;  // text exports
  std::vector<Page> pages;        // PDF and OCR
  std::optional<int> page_count;  // known page count (page marks in text, pages in PDF)
};

}  // namespace oplex
