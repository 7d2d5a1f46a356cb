#include "models/read_columns.h"

#include <string>

namespace oplex {

Provenance ReadProvenance(const Statement& row, int first) {
  Provenance p;
  p.page = row.OptionalInt(first);
  p.line = row.OptionalInt(first + 1);
  p.last_line = row.OptionalInt(first + 2);
  if (!row.IsNull(first + 3)) {
    p.bbox = BBox{row.Double(first + 3), row.Double(first + 4), row.Double(first + 5),
                  row.Double(first + 6)};
  }
  p.extractor = row.Text(first + 7);
  p.confidence = row.Double(first + 8);
  return p;
}

std::optional<Quantity> ReadQuantity(const Statement& row, int first) {
  if (row.IsNull(first + 1)) return std::nullopt;
  Quantity q;
  q.value = row.OptionalDouble(first);
  q.raw = row.Text(first + 1);
  q.estimated = row.Int64(first + 2) != 0;
  q.not_quantified = row.Int64(first + 3) != 0;
  return q;
}

Status UnknownName(std::string_view column, std::string_view text) {
  return Status::Corruption("unexpected " + std::string(column) + " \"" + std::string(text) +
                            "\" in the database");
}

}  // namespace oplex
