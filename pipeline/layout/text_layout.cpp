#include "pipeline/layout/text_layout.h"

namespace oplex {

std::vector<std::string> Row::NonEmpty() const {
  std::vector<std::string> out;
  for (const Cell& c : cells) {
    if (!c.text.empty()) out.push_back(c.text);
  }
  return out;
}

std::string Row::Joined() const {
  std::string out;
  for (const Cell& c : cells) {
    if (c.text.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    for (char ch : c.text) out.push_back(ch == '\n' ? ' ' : ch);
  }
  return out;
}

std::vector<Block> LayoutText(const DecodedDocument& doc) {
  std::vector<Block> blocks;
  for (const SourceLine& line : doc.lines) {
    Row row;
    row.page = line.page;
    row.first_line = row.last_line = line.number;
    row.list = line.list;
    for (const std::string& text : line.cells) {
      Cell cell;
      cell.text = text;
      row.cells.push_back(std::move(cell));
    }
    if (row.cells.empty()) continue;
    if (!line.tabular) {
      Block paragraph;
      paragraph.rows.push_back(std::move(row));
      blocks.push_back(std::move(paragraph));
      continue;
    }
    if (blocks.empty() || blocks.back().kind != BlockKind::kTable) {
      Block table;
      table.kind = BlockKind::kTable;
      blocks.push_back(std::move(table));
    }
    blocks.back().rows.push_back(std::move(row));
  }
  return blocks;
}

}  // namespace oplex
