#include "extractors/table/lost_dots.h"

#include <cctype>
#include <map>
#include <utility>

namespace oplex {
namespace {

// The most letters a code opens with ("A.1", "DE.2").
constexpr size_t kMaxCodeLetters = 2;

// A code's parts (its letters, if it opens with letters, then each digit) and, per part, whether
// a dot follows it.
struct Shape {
  std::vector<std::string> parts;
  std::vector<bool> dot_after;
  bool lettered = false;  // it opens with letters
  bool misspelt = false;  // a dot read as a comma ("1,19"), its letters in lower case ("c.1")
};

// The shape of a code of digits, opened by up to kMaxCodeLetters letters, with single dots (or
// commas) between its parts ("1.13", "1.1.3", "113", "1,19", "C.1", "J1", "c.1"); its letters
// in capitals. nullopt for any other code ("1.", "1..2", "A-1").
std::optional<Shape> ShapeOf(const std::string& code) {
  Shape s;
  size_t i = 0;
  std::string letters;
  while (i < code.size() && std::isalpha(static_cast<unsigned char>(code[i])) != 0) {
    const unsigned char c = static_cast<unsigned char>(code[i++]);
    s.misspelt = s.misspelt || std::islower(c) != 0;
    letters += static_cast<char>(std::toupper(c));
  }
  if (letters.size() > kMaxCodeLetters) return std::nullopt;
  if (!letters.empty()) {
    s.lettered = true;
    s.parts.push_back(letters);
    s.dot_after.push_back(false);
  }
  for (; i < code.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(code[i]);
    if (std::isdigit(c) != 0) {
      s.parts.emplace_back(1, static_cast<char>(c));
      s.dot_after.push_back(false);
      continue;
    }
    const bool between = (c == '.' || c == ',') && !s.parts.empty() && i + 1 < code.size() &&
                         std::isdigit(static_cast<unsigned char>(code[i + 1])) != 0;
    if (!between) return std::nullopt;
    s.dot_after.back() = true;
    s.misspelt = s.misspelt || c == ',';
  }
  if (s.parts.size() == (s.lettered ? 1U : 0U)) return std::nullopt;  // no digit
  return s;
}

using Key = std::pair<bool, std::vector<bool>>;  // lettered, and where the dots fall

Key KeyOf(const Shape& s) { return {s.lettered, s.dot_after}; }

// Every dot of `part` is a dot of `whole`, and `whole` has more.
bool MoreDotsOver(const std::vector<bool>& part, const std::vector<bool>& whole) {
  bool more = false;
  for (size_t i = 0; i < part.size(); ++i) {
    if (part[i] && !whole[i]) return false;
    more = more || (whole[i] && !part[i]);
  }
  return more;
}

std::string Written(const std::vector<std::string>& parts, const std::vector<bool>& dot_after) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    out += parts[i];
    if (dot_after[i]) out += '.';
  }
  return out;
}

// The one shape with more dots than `own`, of as many parts, that at least kShapeCodes of the
// table's codes show, the most of them; nullptr when none, or two as common as each other.
const std::vector<bool>* DeeperShape(const Shape& own, const std::map<Key, int>& count) {
  const std::vector<bool>* best = nullptr;
  int best_count = 0;
  bool tie = false;
  for (const auto& [key, n] : count) {
    const auto& [lettered, shape] = key;
    if (lettered != own.lettered || shape.size() != own.dot_after.size() || n < kShapeCodes ||
        !MoreDotsOver(own.dot_after, shape)) {
      continue;
    }
    if (n > best_count) {
      best = &shape;
      best_count = n;
      tie = false;
    } else if (n == best_count) {
      tie = true;
    }
  }
  return tie ? nullptr : best;
}

}  // namespace

std::vector<std::optional<std::string>> CodesWithLostDots(
    const std::vector<std::optional<std::string>>& codes, const std::vector<bool>& doubted) {
  std::vector<std::optional<Shape>> shapes(codes.size());
  std::map<Key, int> count;  // codes per shape, as read without a misspelling
  for (size_t r = 0; r < codes.size(); ++r) {
    if (codes[r]) shapes[r] = ShapeOf(*codes[r]);
    if (shapes[r] && !shapes[r]->misspelt) ++count[KeyOf(*shapes[r])];
  }
  std::vector<std::optional<std::string>> out(codes.size());
  for (size_t r = 0; r < codes.size(); ++r) {
    if (!shapes[r] || !doubted[r]) continue;
    const Shape& own = *shapes[r];
    const int others = count[KeyOf(own)] - (own.misspelt ? 0 : 1);
    // A comma read for a dot, or capitals read small, where the table's codes show the shape.
    if (own.misspelt && others >= kShapeCodes) {
      out[r] = Written(own.parts, own.dot_after);
      continue;
    }
    // A code alone in its shape, whose dots are part of a deeper shape the table shows.
    if (others != 0) continue;
    if (const std::vector<bool>* deeper = DeeperShape(own, count)) {
      out[r] = Written(own.parts, *deeper);
    }
  }
  return out;
}

}  // namespace oplex
