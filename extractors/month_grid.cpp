#include "extractors/month_grid.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// Two cell colours differ when a channel differs by more than this (0..255). Rendered colours
// are exact; this only absorbs rounding in the PDF's colour conversion.
constexpr int kFillDifference = 10;

// A header of months read by OCR: at most this long the text of a one-letter month, at least
// this many of the twelve labels found in place, at most this many cells holding longer text.
constexpr size_t kMaxMisreadInitial = 3;
constexpr int kMinInitialsHeld = 9;
constexpr int kMaxLongTexts = 1;
// No month's label is longer than this (bytes, folded: "septiembre 2023", "noviem br e").
constexpr size_t kMaxMonthLabel = 16;

// The colours that mean "not filled" in this row: the page background and the most common
// colour of the row's cells outside the schedule (`columns` and `others`).
std::vector<Rgb> UnfilledColors(const Row& row, const MonthColumns& columns,
                                const MonthColumns& others) {
  std::vector<Rgb> unfilled;
  if (row.background) unfilled.push_back(*row.background);
  std::map<Rgb, int> counts;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (MonthOfCell(i, columns) || MonthOfCell(i, others) || !row.cells[i].fill) continue;
    ++counts[*row.cells[i].fill];
  }
  auto most = std::max_element(counts.begin(), counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most != counts.end()) unfilled.push_back(most->first);
  return unfilled;
}

// Whether the folded text is short enough to be a one-letter month as OCR reads the lone
// capitals of a narrow header, with stray strokes around them. A text that stands over `columns`
// columns (a merged cell) may be as many letters longer.
bool ShortAsAnInitial(const std::string& folded, size_t columns) {
  const size_t letters =
      folded.size() - static_cast<size_t>(std::count(folded.begin(), folded.end(), ' '));
  return letters <= kMaxMisreadInitial + columns - 1;
}

// Whether the folded text names month `month` ("10", "octubre", "noviem bre"), alone or beside
// strokes OCR read as words of one character ("feb u", "u nov u": the dashes of a rule left in
// the image it read).
bool Names(const std::string& folded, int month, const ExtractionRules& rules) {
  if (folded.size() > kMaxMonthLabel) return false;
  const auto names = [&](std::string_view text) {
    const std::vector<int> named = rules.MonthsOf(text);
    return std::find(named.begin(), named.end(), month) != named.end();
  };
  if (names(folded)) return true;
  const std::vector<std::string_view> words = SplitSpaces(folded);
  std::string_view longest;
  size_t strokes = 0;
  for (std::string_view word : words) {
    if (CodePoints(word) == 1) ++strokes;
    if (word.size() > longest.size()) longest = word;
  }
  return words.size() > 1 && strokes == words.size() - 1 && CodePoints(longest) > 1 &&
         names(longest);
}

// Whether the short folded text holds a letter that is month `month`'s one-letter form ("f" in
// "ef").
bool HoldsInitial(const std::string& folded, int month, const ExtractionRules& rules) {
  for (char c : folded) {
    auto months = rules.MonthsOf(std::string(1, c));
    if (std::find(months.begin(), months.end(), month) != months.end()) return true;
  }
  return false;
}

// A header of months as OCR may read it: on a page (cells in place, with boxes), twelve columns
// side by side, nine or more of which name their month in place (its name, its number, or a
// short text holding its initial: E F M A M J J A S O N D); the others OCR misread ("y" for J,
// "[0]" for O, "3" for 8, "Septiem" with the line "bre" lost) or lost, one at most into a longer
// text. Where a lost rule merged two columns ("MOA" over M and A), the merged cell's text serves
// each column it covers.
std::optional<MonthColumns> FindMisreadLabels(const Row& row, const ExtractionRules& rules) {
  if (row.cells.empty() || !row.cells.front().bbox) return std::nullopt;
  std::vector<std::string> texts;  // each position's text: its own, or its merged cell's
  std::vector<size_t> source;      // and the position of that cell
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const bool covered = row.cells[i].covered && i > 0;
    texts.push_back(covered ? texts[i - 1] : Fold(row.cells[i].text));
    source.push_back(covered ? source[i - 1] : i);
  }
  for (size_t start = 0; start + 12 <= row.cells.size(); ++start) {
    int held = 0, long_texts = 0;
    MonthColumns columns;
    for (int month = 1; month <= 12; ++month) {
      const size_t cell = start + static_cast<size_t>(month) - 1;
      if (!texts[cell].empty()) {
        const auto& merged = row.cells[source[cell]];
        if (Names(texts[cell], month, rules)) {
          ++held;
        } else if (!ShortAsAnInitial(texts[cell],
                                     static_cast<size_t>(std::max(1, merged.col_span)))) {
          ++long_texts;
        } else if (HoldsInitial(texts[cell], month, rules)) {
          ++held;
        }
      }
      columns.emplace_back(cell, cell);
    }
    if (held >= kMinInitialsHeld && long_texts <= kMaxLongTexts) return columns;
  }
  return std::nullopt;
}

}  // namespace

bool SameColor(Rgb a, Rgb b) { return ChannelsWithin(a, b, kFillDifference); }

std::optional<MonthColumns> FindMonthColumns(const Row& row, const ExtractionRules& rules) {
  std::vector<size_t> filled;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (!row.cells[i].text.empty()) filled.push_back(i);
  }
  for (size_t start = 0; start + 12 <= filled.size(); ++start) {
    MonthColumns columns;
    for (int month = 1; month <= 12; ++month) {
      const size_t cell = filled[start + month - 1];
      auto months = rules.MonthsOf(Fold(row.cells[cell].text));
      if (std::find(months.begin(), months.end(), month) == months.end()) break;
      const int span = std::max(1, row.cells[cell].col_span);
      columns.emplace_back(cell, cell + static_cast<size_t>(span) - 1);
    }
    if (columns.size() == 12) return columns;
  }
  return FindMisreadLabels(row, rules);
}

std::optional<MonthMarks> ReadMonthMarks(const Row& row, const MonthColumns& columns,
                                         const ExtractionRules& rules, const MonthColumns& others) {
  MonthMarks out;
  bool any = false, seen = false;
  const std::vector<Rgb> unfilled = UnfilledColors(row, columns, others);
  for (size_t m = 0; m < columns.size() && m < 12; ++m) {
    const auto [first, last] = columns[m];
    // Weeks are read where every sub-column is a cell in place (cells with boxes).
    const bool weeks = last > first && last < row.cells.size() && row.cells[first].bbox;
    for (size_t i = first; i <= last && i < row.cells.size(); ++i) {
      const Cell& cell = row.cells[i];
      if (cell.bbox) out.boxes[m] = out.boxes[m] ? Union(*out.boxes[m], *cell.bbox) : *cell.bbox;
      bool marked = false;
      if (cell.fill) {
        seen = true;
        marked = std::none_of(unfilled.begin(), unfilled.end(),
                              [&](Rgb c) { return SameColor(c, *cell.fill); });
        any |= marked;
      }
      if (!marked) {
        auto q = ParseQuantity(cell.text);
        const bool number = q && q->value;
        // Only a glyph or a number is evidence of a schedule; stray text is not.
        if (number || rules.IsMark(Fold(cell.text))) {
          any = true;
          marked = !number || *q->value > 0;
        }
      }
      if (marked) out.mask = out.mask.With(static_cast<int>(m) + 1);
      if (weeks) out.weeks[m] += marked ? '1' : '0';
    }
  }
  if (!any && !seen) return std::nullopt;
  return out;
}

void AddMarks(const MonthMarks& more, MonthMarks* marks) {
  marks->mask = MonthMask::FromBits(marks->mask.bits() | more.mask.bits());
  for (size_t m = 0; m < 12; ++m) {
    std::string& weeks = marks->weeks[m];
    if (weeks.size() != more.weeks[m].size()) continue;
    for (size_t w = 0; w < weeks.size(); ++w) {
      if (more.weeks[m][w] == '1') weeks[w] = '1';
    }
  }
}

std::optional<size_t> MonthOfCell(size_t cell, const MonthColumns& columns) {
  for (size_t m = 0; m < columns.size(); ++m) {
    if (cell >= columns[m].first && cell <= columns[m].second) return m;
  }
  return std::nullopt;
}

bool OnlyInMonthColumns(const Row& row, const MonthColumns& columns) {
  bool any = false;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].text.empty()) continue;
    if (!MonthOfCell(i, columns)) return false;
    any = true;
  }
  return any;
}

}  // namespace oplex
