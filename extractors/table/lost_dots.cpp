#include "extractors/table/lost_dots.h"

#include <cctype>
#include <map>
#include <utility>

namespace oplex {
namespace {

// Where a code of digits and dots has its dots: per digit, whether a dot follows it.
struct Shape {
  std::string digits;
  std::vector<bool> dot_after;
  bool comma = false;  // one of its dots is read as a comma ("1,19")
};

// The shape of a code of digits with single dots (or commas) between them ("1.13", "1.1.3",
// "113", "1,19"); nullopt for any other code ("1.", "A.1", "1..2").
std::optional<Shape> ShapeOf(const std::string& code) {
  Shape s;
  for (size_t i = 0; i < code.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(code[i]);
    if (std::isdigit(c) != 0) {
      s.digits += static_cast<char>(c);
      s.dot_after.push_back(false);
      continue;
    }
    const bool between_digits = (c == '.' || c == ',') && !s.digits.empty() &&
                                i + 1 < code.size() &&
                                std::isdigit(static_cast<unsigned char>(code[i + 1])) != 0;
    if (!between_digits) return std::nullopt;
    s.dot_after.back() = true;
    s.comma = s.comma || c == ',';
  }
  if (s.digits.empty()) return std::nullopt;
  return s;
}

// Every dot of `part` is a dot of `whole`, and `whole` has more.
bool MoreDotsOver(const std::vector<bool>& part, const std::vector<bool>& whole) {
  bool more = false;
  for (size_t i = 0; i < part.size(); ++i) {
    if (part[i] && !whole[i]) return false;
    more = more || (whole[i] && !part[i]);
  }
  return more;
}

std::string Written(const std::string& digits, const std::vector<bool>& dot_after) {
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    out += digits[i];
    if (dot_after[i]) out += '.';
  }
  return out;
}

}  // namespace

std::vector<std::optional<std::string>> CodesWithLostDots(
    const std::vector<std::optional<std::string>>& codes, const std::vector<bool>& doubted) {
  std::vector<std::optional<Shape>> shapes(codes.size());
  std::map<std::vector<bool>, int> count;  // per shape (its length is its number of digits)
  for (size_t r = 0; r < codes.size(); ++r) {
    if (codes[r]) shapes[r] = ShapeOf(*codes[r]);
    if (shapes[r] && !shapes[r]->comma) ++count[shapes[r]->dot_after];
  }
  std::vector<std::optional<std::string>> out(codes.size());
  for (size_t r = 0; r < codes.size(); ++r) {
    if (!shapes[r] || !doubted[r]) continue;
    const std::vector<bool>& own = shapes[r]->dot_after;
    // A comma read for a dot, where the table's codes show that shape with dots.
    if (shapes[r]->comma) {
      if (count[own] >= kShapeCodes) out[r] = Written(shapes[r]->digits, own);
      continue;
    }
    if (count[own] != 1) continue;
    const std::vector<bool>* best = nullptr;
    int best_count = 0;
    bool tie = false;
    for (const auto& [shape, n] : count) {
      if (shape.size() != own.size() || n < kShapeCodes || !MoreDotsOver(own, shape)) continue;
      if (n > best_count) {
        best = &shape;
        best_count = n;
        tie = false;
      } else if (n == best_count) {
        tie = true;
      }
    }
    if (best != nullptr && !tie) out[r] = Written(shapes[r]->digits, *best);
  }
  return out;
}

}  // namespace oplex
