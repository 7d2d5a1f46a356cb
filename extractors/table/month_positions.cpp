#include "extractors/table/month_positions.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>

namespace oplex {
namespace {

constexpr size_t kMonths = 12;

// The widths of a table's columns between its column boundaries; empty when the block gives
// none for each column.
std::vector<double> Widths(const Block& block, size_t columns) {
  std::vector<double> widths;
  if (block.columns.size() != columns + 1) return widths;
  for (size_t c = 0; c < columns; ++c) widths.push_back(block.columns[c + 1] - block.columns[c]);
  return widths;
}

// Whether columns first..first + 11 are alike in width and narrower than their neighbours.
bool NarrowRun(const std::vector<double>& all, size_t first) {
  const std::vector<double> widths(all.begin() + static_cast<std::ptrdiff_t>(first),
                                   all.begin() + static_cast<std::ptrdiff_t>(first + kMonths));
  std::vector<double> sorted = widths;
  std::nth_element(sorted.begin(), sorted.begin() + kMonths / 2, sorted.end());
  const double median = sorted[kMonths / 2];
  if (median <= 0) return false;
  for (double w : widths) {
    if (std::abs(w - median) > kSameWidth * median) return false;
  }
  const bool left_wider = first == 0 || all[first - 1] >= kNarrower * median;
  const bool right_wider =
      first + kMonths == all.size() || all[first + kMonths] >= kNarrower * median;
  return left_wider && right_wider;
}

// The first of columns first..first + 11 whose label names a schedule, if any.
std::optional<size_t> UnderACalendar(const HeaderBand& band, size_t first,
                                     const TableRules& rules) {
  const size_t period = static_cast<size_t>(ColumnRole::kPeriod);
  for (size_t c = first; c < first + kMonths && c < band.labels.size(); ++c) {
    if (!band.labels[c].empty() && rules.ScoreLabel(band.labels[c])[period].weight > 0) return c;
  }
  return std::nullopt;
}

}  // namespace

void LayMonthsByPosition(const Block& block, const TableRules& rules, HeaderBand* band) {
  if (band->rows == 0 || band->months || !band->half_year.empty()) return;
  const std::vector<double> widths = Widths(block, band->labels.size());
  for (size_t first = 0; first + kMonths <= widths.size(); ++first) {
    if (!NarrowRun(widths, first)) continue;
    const std::optional<size_t> title = UnderACalendar(*band, first, rules);
    if (!title) continue;
    MonthColumns months;
    for (size_t c = first; c < first + kMonths; ++c) months.emplace_back(c, c);
    band->months = std::move(months);
    band->months_by_position = title;
    return;
  }
}

Finding MonthsByPositionFinding(const HeaderBand& band, std::string header, Provenance where) {
  Finding f;
  f.code = "months_by_position";
  const std::string title = band.months_by_position && *band.months_by_position < band.titles.size()
                                ? band.titles[*band.months_by_position]
                                : std::string();
  std::set<size_t> columns;
  if (band.months) {
    for (const auto& [first, last] : *band.months) columns.insert(first);
  }
  f.message =
      columns.size() < 12
          ? "the labels of a table's schedule by parts of the year could not be read; its " +
                std::to_string(columns.size()) + " columns under '" + title +
                "' were taken as the year's parts, in order"
          : "the month labels of a table's schedule could not be read; its twelve columns under '" +
                title + "' were taken as January to December, in order";
  f.raw_text = std::move(header);
  f.provenance = std::move(where);
  return f;
}

}  // namespace oplex
