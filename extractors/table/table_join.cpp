#include "extractors/table/table_join.h"

#include <algorithm>
#include <cmath>

#include "extractors/table/column_roles.h"
#include "extractors/table/row_kinds.h"

namespace oplex {
namespace {

// The cell standing where a re-laid row has nothing.
const Cell& EmptyCell() {
  static const Cell kEmpty;
  return kEmpty;
}

std::optional<int> FirstPage(const TypedTable& t) {
  return t.rows.empty() ? std::nullopt : t.rows.front().row->page;
}

std::optional<int> LastPage(const TypedTable& t) {
  return t.rows.empty() ? std::nullopt : t.rows.back().row->page;
}

// For each column of `next`, the column of `table` its centre falls in; empty when some column
// has no such column.
std::vector<size_t> MapColumns(const TypedTable& table, const TypedTable& next) {
  std::vector<size_t> map;
  for (size_t c = 0; c < next.columns; ++c) {
    if (c >= next.profiles.size() || !next.profiles[c].bbox) {
      map.push_back(static_cast<size_t>(-1));  // an empty column: nothing to place
      continue;
    }
    const BBox& mine = *next.profiles[c].bbox;
    const double centre = (mine.x0 + mine.x1) / 2;
    // Of the columns its centre falls in (a merged cell widens a column), the one it overlaps
    // most.
    std::optional<size_t> found;
    double best = 0;
    for (size_t k = 0; k < table.profiles.size(); ++k) {
      const auto& box = table.profiles[k].bbox;
      if (!box || centre < box->x0 || centre > box->x1) continue;
      const double overlap = std::min(box->x1, mine.x1) - std::max(box->x0, mine.x0) -
                             std::abs(box->x0 - mine.x0) - std::abs(box->x1 - mine.x1);
      if (!found || overlap > best) {
        found = k;
        best = overlap;
      }
    }
    if (!found || std::count(map.begin(), map.end(), *found) > 0) return {};
    map.push_back(*found);
  }
  return map;
}

bool Continues(const TypedTable& table, const TypedTable& next) {
  const auto text = table.ColumnOf(ColumnRole::kText);
  if (!text) return false;
  // The next page's table goes on without a header, or under the same header printed again
  // (its column roles then stand on the header words of every page).
  const bool header_repeated = next.header.rows != 0 && next.header.labels == table.header.labels;
  if (next.header.rows != 0 && !header_repeated) return false;
  if (!header_repeated && table.roles[*text].score < kHeaderEvidence) return false;
  const auto last = LastPage(table), first = FirstPage(next);
  return last && first && *first == *last + 1;
}

}  // namespace

void JoinContinuedTables(std::vector<TypedTable>* tables, const TableRules& rules) {
  std::vector<TypedTable> out;
  for (TypedTable& next : *tables) {
    if (out.empty() || !Continues(out.back(), next)) {
      out.push_back(std::move(next));
      continue;
    }
    TypedTable& table = out.back();
    const std::vector<size_t> map = MapColumns(table, next);
    if (map.empty()) {
      out.push_back(std::move(next));
      continue;
    }
    for (TypedRow& row : next.rows) {
      TypedRow laid;
      laid.row = row.row;
      laid.cells.resize(table.columns);
      for (TypedCell& cell : laid.cells) cell.cell = &EmptyCell();
      for (size_t c = 0; c < row.cells.size() && c < map.size(); ++c) {
        if (map[c] >= table.columns || row.cells[c].kind == CellKind::kEmpty) continue;
        laid.cells[map[c]] = std::move(row.cells[c]);
      }
      table.rows.push_back(std::move(laid));
    }
    ClassifyRows(&table, rules);
  }
  *tables = std::move(out);
}

}  // namespace oplex
