#include "extractors/table/realized_columns.h"

#include <optional>
#include <utility>

#include "extractors/table/header_band.h"

namespace oplex {
namespace {

// The columns of `range` without its one column labelled as realized in header row `r`, at
// either end of it; nullopt when the range is one column, or holds no such column or more.
std::optional<std::pair<size_t, size_t>> Programmed(const std::vector<std::vector<TypedCell>>& rows,
                                                    size_t r, std::pair<size_t, size_t> range,
                                                    const TableRules& rules) {
  const auto [first, last] = range;
  if (last <= first) return std::nullopt;
  std::optional<size_t> realized;
  for (size_t c = first; c <= last; ++c) {
    const TypedCell* cell = CellAt(rows, r, c);
    if (cell == nullptr || !rules.IsRealizedLabel(cell->folded)) continue;
    if (realized) return std::nullopt;
    realized = c;
  }
  if (realized == first) return std::pair{first + 1, last};
  if (realized == last) return std::pair{first, last - 1};
  return std::nullopt;
}

}  // namespace

void LeaveOutRealizedColumns(const std::vector<std::vector<TypedCell>>& rows,
                             const TableRules& rules, HeaderBand* band) {
  if (!band->months || band->rows < 2) return;
  const size_t r = band->rows - 1;
  MonthColumns months = *band->months, next_year = band->next_year;
  for (MonthColumns* grid : {&months, &next_year}) {
    for (std::pair<size_t, size_t>& range : *grid) {
      const std::optional<std::pair<size_t, size_t>> programmed = Programmed(rows, r, range, rules);
      if (!programmed) return;
      range = *programmed;
    }
  }
  band->months = std::move(months);
  band->next_year = std::move(next_year);
}

}  // namespace oplex
