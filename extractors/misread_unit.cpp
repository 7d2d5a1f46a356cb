#include "extractors/misread_unit.h"

#include <algorithm>

namespace oplex {

std::optional<MendedUnit> MendMisreadUnit(const std::vector<const TypedRow*>& rows, size_t column,
                                          const std::string& read, const Vocabulary& vocab,
                                          std::string_view record) {
  const bool doubted = std::any_of(rows.begin(), rows.end(), [column](const TypedRow* row) {
    return column < row->cells.size() && !row->cells[column].folded.empty() &&
           row->cells[column].cell->confidence < 1;
  });
  std::optional<std::string> unit = vocab.BrokenUnit(read);
  const char* how = "with a word broken by the cell's gap";
  if (!unit && doubted) {
    unit = vocab.MisreadUnit(read);
    how = "by OCR";
  }
  if (!unit) return std::nullopt;
  MendedUnit out;
  out.finding.severity = Severity::kInfo;
  out.finding.code = "unit_misread";
  out.finding.message = std::string(record) + ": unit read " + how + " as '" + read +
                        "', taken as '" + *unit + "' (data/units.tsv)";
  out.finding.raw_text = read;
  out.unit = std::move(*unit);
  return out;
}

}  // namespace oplex
