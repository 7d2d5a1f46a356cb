// Columns of a read turned back into the record types of models/records.h, with the same meaning
// of absent, for the read-side queries (models/queries.cpp, models/report_data.cpp). They read a
// Statement of the Store's connection: call them on the Store's thread.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>

#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

// Reads the columns ProvenanceColumns() lists, starting at column `first`.
Provenance ReadProvenance(const Statement& row, int first);

// Reads value, raw, estimated, not_quantified from column `first` on. The store writes a NULL
// raw text exactly when there was no quantity.
std::optional<Quantity> ReadQuantity(const Statement& row, int first);

// The value among `values` whose ToString() is `text`, if any.
template <typename Enum>
std::optional<Enum> FromText(std::string_view text, std::initializer_list<Enum> values) {
  for (Enum value : values) {
    if (text == ToString(value)) return value;
  }
  return std::nullopt;
}

// The error for a name the schema's CHECKs would not allow in `column`: the file was edited by
// hand or written by something other than oplex.
Status UnknownName(std::string_view column, std::string_view text);

}  // namespace oplex
