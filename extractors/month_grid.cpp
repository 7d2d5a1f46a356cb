#include "extractors/month_grid.h"

#include <algorithm>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/quantity.h"

namespace oplex {

std::optional<std::vector<size_t>> FindMonthColumns(const Row& row, const ExtractionRules& rules) {
  std::vector<size_t> filled;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (!row.cells[i].text.empty()) filled.push_back(i);
  }
  for (size_t start = 0; start + 12 <= filled.size(); ++start) {
    std::vector<size_t> columns;
    for (int month = 1; month <= 12; ++month) {
      const size_t cell = filled[start + month - 1];
      auto months = rules.MonthsOf(Fold(row.cells[cell].text));
      if (std::find(months.begin(), months.end(), month) == months.end()) break;
      columns.push_back(cell);
    }
    if (columns.size() == 12) return columns;
  }
  return std::nullopt;
}

std::optional<MonthMask> ReadMonthMarks(const Row& row, const std::vector<size_t>& columns,
                                        const ExtractionRules& rules) {
  MonthMask mask = MonthMask::FromBits(0);
  bool any = false;
  for (size_t m = 0; m < columns.size() && m < 12; ++m) {
    if (columns[m] >= row.cells.size()) continue;
    const std::string& text = row.cells[columns[m]].text;
    auto q = ParseQuantity(text);
    const bool number = q && q->value;
    // Only a glyph or a number is evidence of a schedule; stray text is not.
    if (!number && !rules.IsMark(Fold(text))) continue;
    any = true;
    if (!number || *q->value > 0) mask = mask.With(static_cast<int>(m) + 1);
  }
  if (!any) return std::nullopt;
  return mask;
}

}  // namespace oplex
