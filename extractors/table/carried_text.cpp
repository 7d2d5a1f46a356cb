#include "extractors/table/carried_text.h"

#include <cctype>

#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

bool Inside(const BBox& inner, const BBox& outer) {
  return inner.x0 >= outer.x0 && inner.x1 <= outer.x1;
}

}  // namespace

std::optional<Block> CarriedText(const std::vector<Block>& blocks, size_t table,
                                 const std::vector<bool>& running_heads) {
  const Block& t = blocks[table];
  if (t.rows.empty() || !t.rows.back().page) return std::nullopt;
  const int next_page = *t.rows.back().page + 1;
  // The column, on the table's last row, that the carried lines stand in.
  std::optional<BBox> column;
  auto in_a_column = [&](const BBox& box) {
    if (column) return Inside(box, *column);
    for (const Cell& c : t.rows.back().cells) {
      if (c.bbox && Inside(box, *c.bbox)) column = c.bbox;
    }
    return column.has_value();
  };
  Row row;
  Cell cell;
  for (size_t k = table + 1; k < blocks.size(); ++k) {
    const Block& p = blocks[k];
    if (p.kind != BlockKind::kParagraph) break;
    const std::optional<int> page = p.rows.front().page;
    if (!page || *page < next_page) continue;  // the rest of the table's own page
    if (*page > next_page) break;
    if (running_heads[k]) continue;
    if (!p.bbox || !in_a_column(*p.bbox)) break;
    AppendLine(p.text(), &cell.text);
    cell.bbox = cell.bbox ? Union(*cell.bbox, *p.bbox) : *p.bbox;
    if (row.cells.empty()) {
      row = p.rows.front();
    } else {
      row.last_line = p.rows.front().last_line;
    }
  }
  // A cell's text carried over goes on mid-sentence; a capital opens something else (a title, a
  // stamp OCR read).
  if (cell.text.empty() || !std::islower(static_cast<unsigned char>(cell.text.front()))) {
    return std::nullopt;
  }
  row.cells = {cell};
  row.bbox = cell.bbox;
  Block out;
  out.kind = BlockKind::kTable;
  out.bbox = cell.bbox;
  out.rows = {row};
  return out;
}

}  // namespace oplex
