#include "extractors/table/typed_table.h"

#include <algorithm>
#include <array>

#include "extractors/table/column_roles.h"

namespace oplex {
namespace {

constexpr std::array<const char*, kColumnRoleCount> kRoleNames = {
    "unknown",      "code",          "text",         "section",    "responsible", "unit",
    "annual",       "month",         "start_date",   "end_date",   "period",      "duration",
    "deliverables", "beneficiaries", "budget",       "programmed", "achieved",    "percent",
    "objective",    "place",         "observations", "baseline",   "frequency",   "method",
    "definition",   "dimension",     "level",        "sense"};
static_assert(kRoleNames.back() != nullptr, "a name for every ColumnRole");

}  // namespace

const char* ToString(CellKind kind) {
  static constexpr std::array<const char*, 12> kNames = {
      "empty", "filled", "mark",   "code",  "number",      "percent",
      "money", "date",   "period", "month", "short_label", "text"};
  return kNames[static_cast<size_t>(kind)];
}

const char* ToString(ColumnRole role) { return kRoleNames[static_cast<size_t>(role)]; }

std::optional<ColumnRole> ColumnRoleFromString(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (name == kRoleNames[i]) return static_cast<ColumnRole>(i);
  }
  return std::nullopt;
}

const char* ToString(RowKind kind) {
  static constexpr std::array<const char*, 9> kNames = {"header",   "month_labels", "section",
                                                        "record",   "continuation", "total",
                                                        "subtotal", "realized",     "spacer"};
  return kNames[static_cast<size_t>(kind)];
}

std::optional<size_t> TypedTable::ColumnOf(ColumnRole role) const {
  for (size_t c = 0; c < roles.size(); ++c) {
    if (roles[c].role == role) return c;
  }
  return std::nullopt;
}

bool TypedTable::HasMonths() const {
  return header.months.has_value() || !header.half_year.empty();
}

bool TypedTable::ReportsProgress() const {
  const auto achieved = ColumnOf(ColumnRole::kAchieved);
  return achieved && roles[*achieved].score >= kHeaderEvidence;
}

bool TypedTable::HoldsIndicators() const {
  if (ReportsProgress()) return true;
  const auto text = ColumnOf(ColumnRole::kText);
  if (text && *text < header.labels.size() &&
      header.labels[*text].find("indicador") != std::string::npos) {
    return true;
  }
  // A frequency is no such field: a plan's activities may have one too.
  for (ColumnRole role : {ColumnRole::kBaseline, ColumnRole::kMethod, ColumnRole::kDefinition,
                          ColumnRole::kDimension}) {
    if (ColumnOf(role)) return true;
  }
  return false;
}

const TypedCell* TypedTable::SpannedDown(const TypedRow& row, size_t c) const {
  if (&row < rows.data() || &row >= rows.data() + rows.size()) return nullptr;
  const auto r = static_cast<size_t>(&row - rows.data());
  if (c >= row.cells.size() || !row.cells[c].cell->covered) return nullptr;
  for (size_t up = r; up-- > header.rows;) {
    if (c >= rows[up].cells.size()) return nullptr;
    const Cell& cell = *rows[up].cells[c].cell;
    if (cell.covered) continue;
    return up + static_cast<size_t>(std::max(1, cell.row_span)) > r ? &rows[up].cells[c] : nullptr;
  }
  return nullptr;
}

const Cell& EmptyCell() {
  static const Cell kEmpty;
  return kEmpty;
}

}  // namespace oplex
