#include "pipeline/normalize/quantity.h"

#include <cctype>
#include <string>

#include "pipeline/normalize/bounded_number.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNotQuantified(std::string_view s) {
  std::string compact;
  for (char c : s) {
    if (c != ' ') compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return compact == "S/C" || compact == "SC";
}

// Parses "[$]digits[,ddd]*[.digits]" exactly; returns false on anything else.
bool ParseNumber(std::string_view s, double* out) {
  if (!s.empty() && s.front() == '$') s.remove_prefix(1);
  if (s.empty()) return false;
  std::string digits;
  size_t i = 0;
  size_t group = 0;
  bool grouped = false;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == ',')) {
    if (s[i] == ',') {
      if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) return false;
      grouped = true;
      group = 0;
    } else {
      digits.push_back(s[i]);
      ++group;
    }
    ++i;
  }
  if (digits.empty() || (grouped && group != 3)) return false;
  if (i < s.size() && s[i] == '.') {
    digits.push_back('.');
    ++i;
    size_t frac = 0;
    while (i < s.size() && IsDigit(s[i])) {
      digits.push_back(s[i]);
      ++i;
      ++frac;
    }
    if (frac == 0) return false;
  }
  if (i != s.size()) return false;
  std::optional<double> value = ParseDecimal(digits);
  if (!value) return false;  // too many digits for a double: not a quantity
  *out = *value;
  return true;
}

}  // namespace

std::optional<Quantity> ParseQuantity(std::string_view text) {
  std::string_view s = TrimSpaces(text);
  if (s.empty()) return std::nullopt;
  Quantity q;
  q.raw = std::string(s);
  if (IsNotQuantified(s)) {
    q.not_quantified = true;
    return q;
  }
  if (s.size() > 1 && (s.back() == 'E' || s.back() == 'e') &&
      (IsDigit(s[s.size() - 2]) || s[s.size() - 2] == ' ')) {
    q.estimated = true;
    s = TrimSpaces(s.substr(0, s.size() - 1));
  }
  double value = 0;
  if (!ParseNumber(s, &value)) return std::nullopt;
  q.value = value;
  return q;
}

std::optional<std::vector<Quantity>> ParseQuantityList(std::string_view text) {
  std::string_view s = TrimSpaces(text);
  if (!s.empty() && s.back() == '.') s = TrimSpaces(s.substr(0, s.size() - 1));
  if (s.empty()) return std::nullopt;
  std::vector<Quantity> items;
  // Items a space separates ("10 S/C", "8E y S/C"); "5,800 E" stays one estimated item.
  auto add_piece = [&items](std::string_view piece) {
    if (auto q = ParseQuantity(piece)) {
      items.push_back(std::move(*q));
      return true;
    }
    const std::vector<std::string_view> words = SplitSpaces(piece);
    if (words.size() < 2) return false;
    for (size_t w = 0; w < words.size(); ++w) {
      if (words[w] == "y") continue;
      std::string word(words[w]);
      if (w + 1 < words.size() && (words[w + 1] == "E" || words[w + 1] == "e")) word += words[++w];
      auto q = ParseQuantity(word);
      if (!q) return false;
      items.push_back(std::move(*q));
    }
    return true;
  };
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool split = i == s.size();
    if (!split && s[i] == ',') {
      // Thousands separator: exactly three digits follow, then a boundary.
      size_t j = i + 1;
      while (j < s.size() && j < i + 4 && IsDigit(s[j])) ++j;
      bool three = j == i + 4;
      bool boundary =
          j == s.size() || s[j] == ',' || s[j] == ' ' || s[j] == 'E' || s[j] == 'e' || s[j] == '.';
      split = !(three && boundary && i > start && IsDigit(s[i - 1]));
    }
    if (!split) continue;
    if (!add_piece(TrimSpaces(s.substr(start, i - start)))) return std::nullopt;
    start = i + 1;
  }
  return items;
}

}  // namespace oplex
