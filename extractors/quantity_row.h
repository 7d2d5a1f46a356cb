// Reads the quantity part of an activity row: unit, annual quantity, twelve monthly quantities
// and beneficiaries, from the cells that follow the activity text.
//
// Text exports mangle these rows: cells drop out, the last month merges with the beneficiary
// kinds ("120 Áreas administrativas…"), the unit moves before or after the numbers. So the
// cells are read as a typed sequence, not by position: the first run of numbers is the annual
// quantity and the months; short text is the unit; longer text the beneficiary kinds; the
// quantities after it their counts. When the run does not hold exactly 12 monthly values the
// months are left unknown (never shifted into the wrong months) and a problem is reported.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "models/records.h"
#include "pipeline/vocab.h"

namespace oplex {

struct QuantityRow {
  std::optional<std::string> unit;
  std::optional<Quantity> annual;
  std::optional<std::array<Quantity, 12>> months;  // only when exactly 12 values were read
  std::optional<Beneficiary> beneficiary;          // without provenance
  std::vector<std::string> problems;               // one finding message each
};

// `months_apart`: the monthly quantities were read by position elsewhere (a source whose month
// cells keep their columns); the cells hold the rest, and the first number is the annual one.
QuantityRow ParseQuantityRow(const std::vector<std::string>& cells, const Vocabulary& vocab,
                             bool months_apart = false);

}  // namespace oplex
