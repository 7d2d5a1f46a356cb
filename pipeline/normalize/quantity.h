// Quantities as work plans write them, parsed into the Quantity type.
//
// Accepted forms: "4,060" (thousands commas), "0.08", "$65,018", "300,000E" or "5,800 E"
// (estimated), "S/C" or "SC" (sin cuantificar: not quantified). Anything else is not a
// quantity, so callers can tell a number from text without string compares downstream.
// Pure functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "models/records.h"

namespace oplex {

// One quantity, or nullopt when `text` is not one (after trimming spaces).
std::optional<Quantity> ParseQuantity(std::string_view text);

// A list of counts as written in a beneficiaries column: "13,1,S/C, S/C" → 13 | 1 | S/C | S/C;
// "690, 4,800, 1,663, 500" → 690 | 4800 | 1663 | 500; "8, 16,992,418" → 8 | 16992418.
// A comma followed by exactly three digits (and then the end, a comma, a space or "E") is a
// thousands separator; any other comma, a space or " y " separates items ("13,1,1,10 S/C",
// "8E y S/C"); a final period is ignored. nullopt when some item is not a quantity.
std::optional<std::vector<Quantity>> ParseQuantityList(std::string_view text);

}  // namespace oplex
