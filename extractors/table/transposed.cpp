#include "extractors/table/transposed.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/table/column_roles.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {

bool FieldLabel(std::string_view folded) {
  const std::vector<std::string_view> words = SplitSpaces(folded);
  if (words.empty() || words.size() > kLabelWords) return false;
  return std::none_of(folded.begin(), folded.end(),
                      [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::optional<ColumnRole> FieldNamed(std::string_view folded, const TableRules& rules) {
  const auto scores = rules.ScoreLabel(folded);
  const auto best =
      std::max_element(scores.begin(), scores.end(),
                       [](const auto& a, const auto& b) { return a.weight < b.weight; });
  if (best->weight < kHeaderEvidence) return std::nullopt;
  return static_cast<ColumnRole>(best - scores.begin());
}

std::optional<Block> TurnedRecord(const TypedTable& read, const TableRules& rules) {
  if (read.header.rows > 0 && read.ColumnOf(ColumnRole::kText)) return std::nullopt;
  const Block& block = *read.block;
  if (block.kind != BlockKind::kTable || block.rows.size() < 2) return std::nullopt;
  size_t width = 0;
  for (const Row& row : block.rows) width = std::max(width, row.cells.size());
  if (width < 2) return std::nullopt;
  int fields = 0;
  bool text = false;
  for (const Row& row : block.rows) {
    if (row.cells.empty() || row.cells.front().covered) return std::nullopt;
    // A closing colon ("Periodo:") is the label's own: ScoreLabel reads past it.
    const std::string folded = Fold(row.cells.front().text);
    if (folded.empty()) continue;
    if (!FieldLabel(folded)) return std::nullopt;
    const std::optional<ColumnRole> field = FieldNamed(folded, rules);
    if (!field) continue;
    ++fields;
    text |= *field == ColumnRole::kText && row.cells.size() > 1 &&
            !PlainText(row.cells[1].text).empty();
  }
  if (fields < kFieldLabels || !text) return std::nullopt;
  return Turned(block);
}

Block Turned(const Block& block) {
  size_t width = 0;
  for (const Row& row : block.rows) width = std::max(width, row.cells.size());
  Block turned;
  turned.kind = BlockKind::kTable;
  turned.bbox = block.bbox;
  turned.rows.resize(width);
  for (size_t c = 0; c < width; ++c) {
    Row& out = turned.rows[c];
    for (const Row& row : block.rows) {
      // A value merged over several columns stands once, in the first of them.
      Cell cell = c < row.cells.size() && !row.cells[c].covered ? row.cells[c] : Cell{};
      cell.col_span = cell.row_span = 1;
      out.cells.push_back(std::move(cell));
      if (!out.page) out.page = row.page;
      if (out.first_line == 0) out.first_line = row.first_line;
      out.last_line = std::max(out.last_line, row.last_line);
      // The box on the record's first page (a record printed over a page break has a box on
      // each).
      if (row.cells.size() > c && row.cells[c].bbox && row.page == out.page) {
        out.bbox = out.bbox ? Union(*out.bbox, *row.cells[c].bbox) : *row.cells[c].bbox;
      }
      out.background = row.background;
    }
  }
  return turned;
}

}  // namespace oplex
