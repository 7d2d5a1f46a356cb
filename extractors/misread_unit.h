// A unit of measure misread, mended for the record mappers (activity_mapper.h,
// indicator_mapper.h), with an info finding `unit_misread` that keeps the reading:
//  - a word of a unit of data/units.tsv broken by a cell's gap ("porce ntajes": Vocabulary::
//    BrokenUnit), in any source;
//  - where OCR doubted a word of the unit column's cells, a reading that spells no unit but
//    misspells one ("pleza" for pieza: Vocabulary::MisreadUnit).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/table/typed_table.h"
#include "models/records.h"
#include "pipeline/vocab.h"

namespace oplex {

struct MendedUnit {
  std::string unit;
  Finding finding;  // without its record link and provenance, which the caller knows
};

// `read`: column `column`'s text over `rows`; `record` names the record in the finding's
// message ("activity 1.1.2").
std::optional<MendedUnit> MendMisreadUnit(const std::vector<const TypedRow*>& rows, size_t column,
                                          const std::string& read, const Vocabulary& vocab,
                                          std::string_view record);

}  // namespace oplex
