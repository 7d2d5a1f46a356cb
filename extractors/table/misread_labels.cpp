#include "extractors/table/misread_labels.h"

#include <algorithm>

#include "extractors/table/header_band.h"

namespace oplex {

std::string MendLabelWords(std::string_view folded, const TableRules& rules) {
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size();) {
    const bool letter = folded[i] >= 'a' && folded[i] <= 'z';
    size_t end = i + 1;
    while (end < folded.size() && (folded[end] >= 'a' && folded[end] <= 'z') == letter) ++end;
    const std::string_view run = folded.substr(i, end - i);
    const auto known = letter ? rules.NearestLabelWord(run) : std::nullopt;
    out += known ? *known : run;
    i = end;
  }
  return out;
}

void MendMisreadLabels(std::vector<std::vector<TypedCell>>* rows, const TableRules& rules) {
  const size_t limit = std::min(kMaxHeaderRows, rows->size());
  for (size_t r = 0; r < limit; ++r) {
    for (TypedCell& cell : (*rows)[r]) {
      const bool words = cell.kind == CellKind::kShortLabel || cell.kind == CellKind::kText;
      if (!words || cell.cell->confidence >= 1.0) continue;
      cell.folded = MendLabelWords(cell.folded, rules);
    }
  }
}

}  // namespace oplex
