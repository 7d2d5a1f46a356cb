// What every decoder produces: the source turned into lines of cells (text exports) or pages of
// positioned words (PDF, OCR). Later stages read only this, never the original file.
// Plain value types.
#pragma once

#include <cstdint>
#include <cstdlib>
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

// One character of a word and its horizontal extent (points). A PDF may draw the letters of
// neighbouring table cells so close that they read as one word ("EFMAMJJASOND"); layout splits
// such a word where a column boundary crosses it.
struct Glyph {
  std::string text;  // UTF-8
  double x0 = 0, x1 = 0;
};

// A word on a page, with its box (points, top-left origin).
struct Word {
  std::string text;
  BBox bbox;
  std::vector<Glyph> glyphs;  // horizontal words of more than one character (PDF only)
  double font_size = 0;
  bool bold = false;
  int rotation = 0;         // quarter turns clockwise: 1 and 3 are vertical text
  bool space_after = true;  // false when the next word continues it (a word split by the PDF)
  double confidence = 1.0;  // 1 for born-digital text, the OCR engine's score otherwise
};

// A colour as 0xRRGGBB.
using Rgb = uint32_t;

// Whether two colours differ by at most `tolerance` in each of red, green and blue.
inline bool ChannelsWithin(Rgb a, Rgb b, int tolerance) {
  for (int shift : {0, 8, 16}) {
    if (std::abs(static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF)) >
        tolerance) {
      return false;
    }
  }
  return true;
}

// A filled rectangle drawn on the page (a shaded cell, a coloured band).
struct Fill {
  BBox bbox;
  Rgb color = 0;
};

// What a page shows besides text, found on a rendering of it: ruling lines and fills (points).
struct Graphics {
  Rgb background = 0xFFFFFF;
  std::vector<BBox> h_rules, v_rules;
  std::vector<Fill> fills;
};

// What a decoder could not read on a page, and why: a finding of the document.
struct PageNote {
  int page = 0;
  std::string code;       // the finding's code: "page_unread", "page_damaged", "page_too_large"
  std::string extractor;  // the decoder that says so: "ocr", "pdf"
  std::string message;    // "the page is blank"
};

struct Page {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Word> words;
  std::optional<Graphics> graphics;  // nullopt when the page was not rendered (no table on it)
  bool ocr = false;                  // the words were read by OCR from an image of the page
  std::vector<PageNote> notes;       // what could not be read on the page
  // Degrees clockwise (0, 90, 180, 270) a PDF page was turned beyond its own rotation so that
  // its text reads upright (a page that shows its table sideways); its boxes are on the turned
  // page, and so is any rendering of it.
  int turned = 0;
};

// A run of bytes of a text export that are not UTF-8, read as one U+FFFD each.
struct ReplacedBytes {
  int line = 0;       // 1-based line of the file
  size_t offset = 0;  // of the first byte, from the start of the file
  std::string what;   // "byte 0xFF", "an encoded UTF-16 surrogate (U+D800)"
};

struct DecodedDocument {
  std::string source_format;            // "text", "pdf", "image"
  std::string detected_encoding;        // e.g. "UTF-8", "windows-1252"
  std::vector<SourceLine> lines;        // text exports
  std::vector<Page> pages;              // PDF and OCR
  std::optional<int> page_count;        // known page count (page marks in text, pages in PDF)
  std::vector<ReplacedBytes> replaced;  // UTF-8 text with a few bytes that are not UTF-8
};

}  // namespace oplex
