#include "pipeline/normalize/bounded_number.h"

#include <charconv>
#include <system_error>

namespace oplex {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether `text` is digits[.digits]: from_chars alone would also take a sign or an exponent.
bool IsPlainNumber(std::string_view text) {
  const size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view("0") : text.substr(point + 1);
  auto digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
      if (!IsDigit(c)) return false;
    }
    return true;
  };
  return digits(whole) && digits(fraction);
}

}  // namespace

std::optional<int64_t> ParseInteger(std::string_view digits) {
  if (digits.empty() || !IsDigit(digits.front())) return std::nullopt;
  int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<double> ParseDecimal(std::string_view text) {
  if (!IsPlainNumber(text)) return std::nullopt;
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace oplex
