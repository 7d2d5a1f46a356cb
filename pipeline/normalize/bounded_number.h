// Numbers read from untrusted text, bounded: a parse never throws and never overflows. A text
// that is not the number asked for, or whose value the type cannot hold (20 digits for an
// integer, 400 for a decimal, "0.<400 zeros>1"), gives nullopt, so that the caller leaves the
// value unknown or says why in a finding. Pure functions, linear in the text's length.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace oplex {

// "0".."9" only (no sign, no separators), within int64_t.
std::optional<int64_t> ParseInteger(std::string_view digits);

// "digits" or "digits.digits" (no sign, no exponent, no separators), a finite double that is
// not rounded to zero or infinity.
std::optional<double> ParseDecimal(std::string_view text);

}  // namespace oplex
