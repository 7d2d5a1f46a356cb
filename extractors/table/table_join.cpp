#include "extractors/table/table_join.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "extractors/table/column_roles.h"
#include "extractors/table/header_repeat.h"
#include "extractors/table/row_kinds.h"

namespace oplex {
namespace {

std::optional<int> FirstPage(const TypedTable& t) {
  return t.rows.empty() ? std::nullopt : t.rows.front().row->page;
}

std::optional<int> LastPage(const TypedTable& t) {
  return t.rows.empty() ? std::nullopt : t.rows.back().row->page;
}

// Where a column's cells stand, left to right: all of them, merged cells and header too (where
// the column takes cells), or its own cells of one column when it has any (where the cells to
// place stand; a stray merged cell does not widen it).
std::optional<std::pair<double, double>> Span(const TypedTable& t, size_t c, bool own) {
  if (c >= t.profiles.size()) return std::nullopt;
  const ColumnProfile& p = t.profiles[c];
  const auto& box = own && p.own_bbox ? p.own_bbox : p.bbox;
  if (!box) return std::nullopt;
  return std::pair{box->x0, box->x1};
}

bool Filled(const TypedRow& row, size_t c) {
  return c < row.cells.size() && row.cells[c].kind != CellKind::kEmpty;
}

// Whether some row of the body fills `c` (and `also`, when given).
bool BodyFills(const TypedTable& t, size_t c, std::optional<size_t> also = std::nullopt) {
  return std::any_of(
      t.rows.begin() + static_cast<long>(std::min(t.header.rows, t.rows.size())), t.rows.end(),
      [&](const TypedRow& row) { return Filled(row, c) && (!also || Filled(row, *also)); });
}

// For each column of `next`, moved `shift` points left, the column of `table` its centre falls
// in (-1 for a column with nothing to place); empty when some column has no such column, when
// the columns would change their order, or when two columns that fall in one fill it in the
// same row.
std::vector<size_t> MapColumns(const TypedTable& table, const TypedTable& next, double shift) {
  std::vector<size_t> map;
  for (size_t c = 0; c < next.columns; ++c) {
    const auto mine = Span(next, c, /*own=*/true);
    if (!BodyFills(next, c) || !mine) {
      map.push_back(static_cast<size_t>(-1));
      continue;
    }
    const double x0 = mine->first - shift, x1 = mine->second - shift, centre = (x0 + x1) / 2;
    // Of the columns its centre falls in (a merged cell widens a column), the one it overlaps
    // most.
    std::optional<size_t> found;
    double best = 0;
    for (size_t k = 0; k < table.columns; ++k) {
      const auto box = Span(table, k, /*own=*/false);
      if (!box || centre < box->first || centre > box->second) continue;
      const double overlap = std::min(box->second, x1) - std::max(box->first, x0) -
                             std::abs(box->first - x0) - std::abs(box->second - x1);
      if (!found || overlap > best) {
        found = k;
        best = overlap;
      }
    }
    if (!found) return {};
    // Columns keep their order; two share one only when no row fills both.
    for (size_t other = 0; other < map.size(); ++other) {
      if (map[other] == static_cast<size_t>(-1)) continue;
      if (map[other] > *found || (map[other] == *found && BodyFills(next, c, other))) return {};
    }
    map.push_back(*found);
  }
  return map;
}

// How many roles a table's header gives its columns. A header printed again on a scan is read
// differently on each page: a page goes on under the last page's header unless its own reads
// more (OCR lost a label over there, or here).
size_t RolesRead(const TypedTable& t) {
  std::set<ColumnRole> roles;
  for (const RoleAssignment& a : t.roles) {
    if (a.role != ColumnRole::kUnknown) roles.insert(a.role);
  }
  return roles.size();
}

// How far right of `table`'s columns those of `next` stand when `next` goes on with `table`:
// it opens the following page, without a header or under the same header printed again (its
// column roles then stand on the header words of every page).
std::optional<double> Continues(const TypedTable& table, const TypedTable& next) {
  const auto text = table.ColumnOf(ColumnRole::kText);
  if (!text) return std::nullopt;
  const auto last = LastPage(table), first = FirstPage(next);
  if (!last || !first || *first != *last + 1) return std::nullopt;
  if (next.header.rows != 0) return RepeatedHeaderShift(table, next);
  if (table.roles[*text].score < kHeaderEvidence) return std::nullopt;
  return 0.0;
}

// Whether `next`, laid on `table`'s columns by `map`, writes words where `table` schedules months:
// a schedule goes on with marks, fills and figures in its month columns, never with names (the
// signature block under a plan's last schedule is no part of it).
bool WordsInMonths(const TypedTable& table, const TypedTable& next,
                   const std::vector<size_t>& map) {
  for (const TypedRow& row : next.rows) {
    for (size_t c = 0; c < row.cells.size() && c < map.size(); ++c) {
      if (map[c] >= table.roles.size() || table.roles[map[c]].role != ColumnRole::kMonth) continue;
      const TypedCell& cell = row.cells[c];
      if (cell.kind == CellKind::kText || (cell.kind == CellKind::kShortLabel && cell.words >= 2)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void JoinContinuedTables(std::vector<TypedTable>* tables, const TableRules& rules) {
  std::vector<TypedTable> out;
  // Per table of `out`, the rows of the headers printed again on the pages joined to it (none:
  // nothing joined); its rows are classified again once every page is joined. Rows are known by
  // the layout's row they stand for: classifying may cut a row in parts.
  std::vector<std::optional<std::set<const Row*>>> repeated;
  for (TypedTable& next : *tables) {
    const auto shift = out.empty() ? std::nullopt : Continues(out.back(), next);
    if (!shift) {
      out.push_back(std::move(next));
      repeated.emplace_back();
      continue;
    }
    TypedTable& table = out.back();
    const std::vector<size_t> map = MapColumns(table, next, *shift);
    if (map.empty() || (next.header.rows != 0 && RolesRead(next) > RolesRead(table)) ||
        WordsInMonths(table, next, map)) {
      out.push_back(std::move(next));
      repeated.emplace_back();
      continue;
    }
    if (!repeated.back()) repeated.back().emplace();
    std::set<const Row*>& headers = *repeated.back();
    for (size_t r = 0; r < next.rows.size(); ++r) {
      TypedRow& row = next.rows[r];
      TypedRow laid;
      laid.row = row.row;
      laid.cells.resize(table.columns);
      for (TypedCell& cell : laid.cells) cell.cell = &EmptyCell();
      for (size_t c = 0; c < row.cells.size() && c < map.size(); ++c) {
        if (map[c] >= table.columns || row.cells[c].kind == CellKind::kEmpty) continue;
        laid.cells[map[c]] = std::move(row.cells[c]);
      }
      if (r < next.header.rows) headers.insert(row.row);
      table.rows.push_back(std::move(laid));
    }
  }
  for (size_t t = 0; t < out.size(); ++t) {
    if (!repeated[t]) continue;
    ClassifyRows(&out[t], rules);
    // The header printed again is known to be one, however OCR read it on its page.
    for (TypedRow& row : out[t].rows) {
      if (repeated[t]->contains(row.row)) row.kind = RowKind::kHeader;
    }
  }
  *tables = std::move(out);
}

}  // namespace oplex
