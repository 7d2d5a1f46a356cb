// Blocks: what layout hands to classify and the extractors, whatever the source format.
//
// A document is a sequence of blocks in reading order: paragraphs (one line of running text)
// and tables (rows of cells). Each row knows the page and lines it came from, so extractors can
// give every record its provenance. Plain value types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/records.h"
#include "pipeline/decode/source.h"

namespace oplex {

struct Cell {
  std::string text;  // plain UTF-8; list items separated by '\n'
  std::optional<BBox> bbox;
  // The cell's colour on a rendered page (the page background when unfilled); nullopt when the
  // source shows no colours (text exports, pages not rendered).
  std::optional<Rgb> fill;
  int row_span = 1, col_span = 1;  // a merged cell, at its top-left position
  bool covered = false;            // a position covered by a merged cell above or to the left
  double confidence = 1.0;         // the lowest OCR confidence of its words; 1 when not OCR
};

struct Row {
  std::vector<Cell> cells;
  std::optional<int> page;
  int first_line = 0;
  int last_line = 0;
  bool list = false;              // some cell holds a list of items
  std::optional<BBox> bbox;       // PDF and OCR sources
  std::optional<Rgb> background;  // the page background, when the page was rendered

  // Cells with text, in order (empty cells dropped).
  std::vector<std::string> NonEmpty() const;
  // All cell texts joined with single spaces (list items too).
  std::string Joined() const;
};

enum class BlockKind { kParagraph, kTable };

// A paragraph has exactly one row with one cell.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<Row> rows;
  std::optional<BBox> bbox;     // on its first page, for PDF and OCR sources
  std::vector<double> columns;  // a table's column boundaries (x, points), left to right
  // A table of a header's lines alone at its page's foot (stream.h), while laying out: the
  // paragraphs those lines read as, which stand in its place unless the next page's table goes
  // on under it. Empty for any other block.
  std::vector<Block> held_paragraphs;

  const std::string& text() const { return rows.front().cells.front().text; }
};

}  // namespace oplex
