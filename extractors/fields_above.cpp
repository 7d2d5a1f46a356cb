#include "extractors/fields_above.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

// Where a row or a record stands in reading order: its page, then its line.
using Place = std::tuple<int, int>;

struct Field {
  Place at;
  std::string value;
};

// The value of a row that gives a responsible field, if it is one.
std::optional<std::string> RowField(const Row& row, const TableRules& rules) {
  std::vector<const Cell*> filled;
  for (const Cell& c : row.cells) {
    if (!c.covered && !PlainText(c.text).empty()) filled.push_back(&c);
  }
  if (filled.size() != 2 || !rules.IsResponsibleLabel(Fold(filled[0]->text))) return std::nullopt;
  return PlainText(filled[1]->text);
}

// The value of a paragraph line "Label: value" that gives a responsible field, if it is one.
std::optional<std::string> LineField(const std::string& line, const TableRules& rules) {
  const size_t colon = line.find(':');
  if (colon == std::string::npos || !rules.IsResponsibleLabel(Fold(line.substr(0, colon)))) {
    return std::nullopt;
  }
  std::string value = PlainText(line.substr(colon + 1));
  if (value.empty()) return std::nullopt;
  return value;
}

Place PlaceOf(const Row& row) { return Place{row.page.value_or(0), row.first_line}; }
Place PlaceOf(const Activity& a) {
  return Place{a.provenance.page.value_or(0), a.provenance.line.value_or(0)};
}

// The fields of `block`, in its order.
std::vector<Field> FieldsOf(const Block& block, const TableRules& rules) {
  std::vector<Field> fields;
  for (const Row& row : block.rows) {
    if (block.kind == BlockKind::kTable) {
      if (auto value = RowField(row, rules)) fields.push_back(Field{PlaceOf(row), *value});
      continue;
    }
    for (const Cell& cell : row.cells) {
      size_t start = 0;
      for (;;) {  // each line of the paragraph
        const size_t end = cell.text.find('\n', start);
        if (auto value = LineField(cell.text.substr(start, end - start), rules)) {
          fields.push_back(Field{PlaceOf(row), *value});
        }
        if (end == std::string::npos) break;
        start = end + 1;
      }
    }
  }
  return fields;
}

// The fields of `blocks` in reading order, but those of a block that holds records itself (a
// record's own "Responsable:" row, printed under it): `records` are where those stand.
std::vector<Field> Fields(const std::vector<Block>& blocks, const TableRules& rules,
                          const std::vector<Place>& records) {
  std::vector<Field> fields;
  for (const Block& block : blocks) {
    if (block.rows.empty()) continue;
    std::vector<Field> own = FieldsOf(block, rules);
    if (own.empty()) continue;
    const Place first = PlaceOf(block.rows.front());
    const Place last{block.rows.back().page.value_or(0), block.rows.back().last_line};
    const bool holds_records = std::any_of(
        records.begin(), records.end(), [&](const Place& at) { return first <= at && at <= last; });
    if (!holds_records) fields.insert(fields.end(), own.begin(), own.end());
  }
  std::stable_sort(fields.begin(), fields.end(),
                   [](const Field& a, const Field& b) { return a.at < b.at; });
  return fields;
}

}  // namespace

void GiveFieldsAbove(const std::vector<Block>& blocks, const TableRules& rules, size_t first,
                     Extraction* out) {
  const size_t held = out->settled.size();
  first = std::max(first, held);
  std::vector<Place> records;
  for (size_t i = first; i < out->activity_count(); ++i) {
    records.push_back(PlaceOf(out->activities[i - held]));
  }
  const std::vector<Field> fields = Fields(blocks, rules, records);
  for (size_t i = first; i < out->activity_count(); ++i) {
    Activity& a = out->activities[i - held];
    const auto above = std::partition_point(fields.begin(), fields.end(),
                                            [&](const Field& f) { return f.at < PlaceOf(a); });
    const std::optional<std::string>& standing =
        above == fields.begin() ? out->responsible_above : std::optional(std::prev(above)->value);
    if (!a.responsible && standing) a.responsible = *standing;
  }
  if (!fields.empty()) out->responsible_above = fields.back().value;
}

}  // namespace oplex
