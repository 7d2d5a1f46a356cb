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

namespace oplex {

struct Cell {
  std::string text;  // plain UTF-8; list items separated by '\n'
  std::optional<BBox> bbox;
};

struct Row {
  std::vector<Cell> cells;
  std::optional<int> page;
  int first_line = 0;
  int last_line = 0;
  bool list = false;  // some cell holds a list of items

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

  const std::string& text() const { return rows.front().cells.front().text; }
};

}  // namespace oplex
