#include "pipeline/decode/numeric_cells.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace oplex {
namespace {

// Rules this close (points) are one.
constexpr double kSnap = 2.0;
// A column holds numbers when at least this many of its words, and this share of them, are.
constexpr size_t kMinNumbers = 3;
constexpr double kNumberShare = 0.6;
// A cell's inside keeps this far (points) from the middle of its rules.
constexpr double kInset = 1.5;
// The ink of a cell is a glyph when its extent is at least this tall and this wide (points): a
// digit, not a speck or a sliver of a rule.
constexpr double kMinGlyphHeight = 3.0;
constexpr double kMinGlyphWidth = 1.0;
// The margin (points) around a glyph that the engine reads it in, within its cell.
constexpr double kReadMargin = 2.0;

// The middle of the vertical rule nearest to `x` on its left (or right) that runs through `y`.
std::optional<double> NearestRule(const std::vector<BBox>& v_rules, double x, double y, bool left) {
  std::optional<double> best;
  for (const BBox& r : v_rules) {
    if (y < r.y0 || y > r.y1) continue;
    const double at = (r.x0 + r.x1) / 2;
    if (left ? at > x + kSnap : at < x - kSnap) continue;
    if (!best || (left ? at > *best : at < *best)) best = at;
  }
  return best;
}

struct Column {
  double x0 = 0, x1 = 0;  // the middles of its rules
  size_t words = 0, numbers = 0;
};

// The column of rules around a box, keyed by its rules' positions rounded to whole points.
std::optional<std::pair<std::pair<long, long>, Column>> ColumnOf(const std::vector<BBox>& v_rules,
                                                                 const BBox& box) {
  const auto rules = RuledColumn(v_rules, box);
  if (!rules || rules->second - rules->first <= 2 * kInset) return std::nullopt;
  return std::pair{std::pair{std::lround(rules->first), std::lround(rules->second)},
                   Column{rules->first, rules->second}};
}

// The y of the horizontal rules that cross [x0, x1], nearby ones merged, top to bottom.
std::vector<double> RowsAcross(const std::vector<BBox>& h_rules, double x0, double x1) {
  std::vector<double> ys;
  for (const BBox& r : h_rules) {
    if (r.x0 <= x0 + kSnap && r.x1 >= x1 - kSnap) ys.push_back((r.y0 + r.y1) / 2);
  }
  std::sort(ys.begin(), ys.end());
  std::vector<double> merged;
  for (double y : ys) {
    if (merged.empty() || y - merged.back() > kSnap) merged.push_back(y);
  }
  return merged;
}

// The extent of the ink inside `cell` (points) in `binary`, when it is a glyph's.
std::optional<BBox> GlyphIn(PIX* binary, const BBox& cell, double ppp) {
  const int x0 = static_cast<int>(cell.x0 * ppp), y0 = static_cast<int>(cell.y0 * ppp);
  const BoxPtr box(boxCreate(x0, y0, static_cast<int>((cell.x1 - cell.x0) * ppp),
                             static_cast<int>((cell.y1 - cell.y0) * ppp)));
  PixPtr inside(pixClipRectangle(binary, box.get(), nullptr));
  if (!inside) return std::nullopt;
  BOX* ink = nullptr;
  if (pixClipToForeground(inside.get(), nullptr, &ink) != 0 || ink == nullptr) return std::nullopt;
  const BoxPtr extent(ink);
  l_int32 x, y, w, h;
  boxGetGeometry(extent.get(), &x, &y, &w, &h);
  if (h < kMinGlyphHeight * ppp || w < kMinGlyphWidth * ppp) return std::nullopt;
  return BBox{(x0 + x) / ppp, (y0 + y) / ppp, (x0 + x + w) / ppp, (y0 + y + h) / ppp};
}

// `glyph` with a margin for the engine to read it in, kept inside `cell`.
BBox AroundGlyph(const BBox& glyph, const BBox& cell) {
  return BBox{std::max(cell.x0, glyph.x0 - kReadMargin), std::max(cell.y0, glyph.y0 - kReadMargin),
              std::min(cell.x1, glyph.x1 + kReadMargin), std::min(cell.y1, glyph.y1 + kReadMargin)};
}

// The line of `words` across `cell`, with a margin above and below: where the ink OCR boxed in
// no word (the "1." of "1.11" whose dot was noise) is read with them.
BBox AcrossCell(const BBox& words, const BBox& cell) {
  return BBox{cell.x0, std::max(cell.y0, words.y0 - kReadMargin), cell.x1,
              std::min(cell.y1, words.y1 + kReadMargin)};
}

// Whether the words `inside` stand as one word split: on one line, each within its height of the
// next ("L 12"). Words further apart are numbers of their own (a column whose rule the scan
// lost holds two months' figures: "0" and "1").
bool OneWordSplit(const std::vector<Word>& words, std::vector<size_t> inside) {
  std::sort(inside.begin(), inside.end(),
            [&](size_t a, size_t b) { return words[a].bbox.x0 < words[b].bbox.x0; });
  for (size_t i = 1; i < inside.size(); ++i) {
    const BBox& a = words[inside[i - 1]].bbox;
    const BBox& b = words[inside[i]].bbox;
    const double height = std::max(a.y1 - a.y0, b.y1 - b.y0);
    const bool one_line = std::min(a.y1, b.y1) > std::max(a.y0, b.y0);
    if (!one_line || b.x0 - a.x1 > height) return false;
  }
  return true;
}

// Whether the words of a cell in a column of numbers are a number OCR misread: digits, and the
// letters and marks most often read for them ("O" and "o" for 0; "l", "I", "|" and "i" for 1;
// "L" for "1."; "'", "+" and "!" for specks, a dot or a 1), with one such letter at least, or
// digits split in two words or more (OneWordSplit). Text ("S/C", "N/A", "No.") is left as it is.
bool LooksLikeDigits(const std::vector<Word>& words, const std::vector<size_t>& inside) {
  if (inside.size() > 1 && !OneWordSplit(words, inside)) return false;
  bool letter = false;
  for (size_t k : inside) {
    for (char c : words[k].text) {
      if (c != '\0' && std::strchr("oOlLIi|'+!", c) != nullptr) {
        letter = true;
      } else if (std::isdigit(static_cast<unsigned char>(c)) == 0 &&
                 (c == '\0' || std::strchr(",.", c) == nullptr)) {
        return false;
      }
    }
  }
  return letter || inside.size() > 1;
}

// Whether one of the words `inside` holds a digit.
bool HoldsADigit(const std::vector<Word>& words, const std::vector<size_t>& inside) {
  return std::any_of(inside.begin(), inside.end(), [&](size_t k) {
    return std::any_of(words[k].text.begin(), words[k].text.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  });
}

// The box around the words `inside`.
BBox BoxOf(const std::vector<Word>& words, const std::vector<size_t>& inside) {
  BBox box = words[inside.front()].bbox;
  for (size_t k : inside) box = Union(box, words[k].bbox);
  return box;
}

}  // namespace

std::optional<std::pair<double, double>> RuledColumn(const std::vector<BBox>& v_rules,
                                                     const BBox& box) {
  const double y = (box.y0 + box.y1) / 2;
  const auto left = NearestRule(v_rules, box.x0, y, true);
  const auto right = NearestRule(v_rules, box.x1, y, false);
  if (!left || !right) return std::nullopt;
  return std::pair{*left, *right};
}

bool MiddleIn(const BBox& word, const BBox& box) {
  const double x = (word.x0 + word.x1) / 2, y = (word.y0 + word.y1) / 2;
  return x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
}

bool IsNumberText(const std::string& text) {
  bool digit = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digit = true;
    } else if (c == '\0' || std::strchr(",.$%-", c) == nullptr) {
      return false;
    }
  }
  return digit;
}

std::vector<NumericCell> NumericCellsToRead(const Graphics& graphics,
                                            const std::vector<Word>& words, PIX* binary,
                                            double ppp) {
  std::map<std::pair<long, long>, Column> columns;
  for (const Word& w : words) {
    auto column = ColumnOf(graphics.v_rules, w.bbox);
    if (!column) continue;
    Column& c = columns.try_emplace(column->first, column->second).first->second;
    ++c.words;
    c.numbers += IsNumberText(w.text);
  }
  const auto centre_in = [](const BBox& b, double x0, double y0, double x1, double y1) {
    const double x = (b.x0 + b.x1) / 2, y = (b.y0 + b.y1) / 2;
    return x > x0 && x < x1 && y > y0 && y < y1;
  };
  std::vector<NumericCell> cells;
  for (const auto& [key, column] : columns) {
    if (column.numbers < kMinNumbers ||
        static_cast<double>(column.numbers) < kNumberShare * static_cast<double>(column.words)) {
      continue;
    }
    const std::vector<double> rows = RowsAcross(graphics.h_rules, column.x0, column.x1);
    for (size_t i = 0; i + 1 < rows.size(); ++i) {
      const BBox cell{column.x0 + kInset, rows[i] + kInset, column.x1 - kInset,
                      rows[i + 1] - kInset};
      if (cell.y1 - cell.y0 < kMinGlyphHeight) continue;
      // The same two rules run beside it: a cell of this column, not of another table's.
      const auto same = ColumnOf(graphics.v_rules, cell);
      if (!same || same->first != key) continue;
      std::vector<size_t> inside;
      bool row_has_number = false;
      for (size_t k = 0; k < words.size(); ++k) {
        const Word& w = words[k];
        if (centre_in(w.bbox, column.x0, rows[i], column.x1, rows[i + 1])) inside.push_back(k);
        row_has_number |=
            IsNumberText(w.text) && centre_in(w.bbox, -1e9, rows[i], 1e9, rows[i + 1]);
      }
      if (inside.empty()) {
        if (auto glyph = GlyphIn(binary, cell, ppp)) {
          const BBox box = AroundGlyph(*glyph, cell);
          cells.push_back(NumericCell{box, {}, box});
        }
      } else if ((row_has_number || HoldsADigit(words, inside)) && LooksLikeDigits(words, inside)) {
        const BBox box = BoxOf(words, inside);
        cells.push_back(NumericCell{AroundGlyph(box, cell), inside, AcrossCell(box, cell)});
      }
    }
  }
  return cells;
}

std::vector<size_t> UnreadWordCells(const std::vector<NumericCell>& cells,
                                    const std::vector<Word>& numbers) {
  std::vector<size_t> unread;
  for (size_t i = 0; i < cells.size(); ++i) {
    const bool read = std::any_of(numbers.begin(), numbers.end(),
                                  [&](const Word& n) { return MiddleIn(n.bbox, cells[i].box); });
    if (!read && !cells[i].words.empty()) unread.push_back(i);
  }
  return unread;
}

void PutNumbers(const std::vector<NumericCell>& cells, std::vector<Word> numbers,
                std::vector<Word>* words) {
  std::vector<bool> replaced(words->size(), false);
  std::vector<Word> read;
  for (Word& n : numbers) {
    const auto cell = std::find_if(cells.begin(), cells.end(),
                                   [&](const NumericCell& c) { return MiddleIn(n.bbox, c.box); });
    if (cell == cells.end()) continue;
    for (size_t k : cell->words) replaced[k] = true;
    read.push_back(std::move(n));
  }
  std::vector<Word> kept;
  for (size_t k = 0; k < words->size(); ++k) {
    if (!replaced[k]) kept.push_back(std::move((*words)[k]));
  }
  for (Word& n : read) kept.push_back(std::move(n));
  *words = std::move(kept);
}

}  // namespace oplex
