#include "pipeline/layout/run_on_text.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "pipeline/layout/lines.h"

namespace oplex {
namespace {

constexpr double kSameLineEm = 0.3;  // centres of words on one line differ by less
constexpr double kSameSize = 0.1;    // sizes of one line's words differ by less (share)

// The word of `words` that ends furthest right.
const Word* LineEnd(const std::vector<const Word*>& words) {
  return *std::max_element(words.begin(), words.end(),
                           [](const Word* a, const Word* b) { return a->bbox.x1 < b->bbox.x1; });
}

bool OnLineOf(const Word& w, const Word& end) {
  return std::abs(CentreY(w) - CentreY(end)) < kSameLineEm * Em(end) &&
         std::abs(w.font_size - end.font_size) <= kSameSize * end.font_size;
}

// Whether `next` holds nothing but the line ending with `end` going on past `edge`.
bool GoesOnInto(const Word& end, double edge, const GridCell& next) {
  if (next.words.empty()) return false;
  const Word* first =
      *std::min_element(next.words.begin(), next.words.end(),
                        [](const Word* a, const Word* b) { return a->bbox.x0 < b->bbox.x0; });
  // The line crosses the rule, a word space at most between the two words on either side.
  if (edge < end.bbox.x0 || edge > first->bbox.x1) return false;
  if (first->bbox.x0 - end.bbox.x1 > kRunOnGapEm * Em(end)) return false;
  return std::all_of(next.words.begin(), next.words.end(),
                     [&](const Word* w) { return OnLineOf(*w, end); });
}

}  // namespace

void TakeBackRunOnText(Grid* grid) {
  // The cell that starts at each position of the grid.
  const auto cols = static_cast<size_t>(grid->cols());
  std::vector<GridCell*> starting(static_cast<size_t>(grid->rows()) * cols, nullptr);
  for (GridCell& c : grid->cells) {
    starting[static_cast<size_t>(c.row) * cols + static_cast<size_t>(c.col)] = &c;
  }
  for (GridCell& cell : grid->cells) {
    if (cell.words.empty()) continue;
    const Word* end = LineEnd(cell.words);
    if (!std::all_of(cell.words.begin(), cell.words.end(),
                     [&](const Word* w) { return OnLineOf(*w, *end); })) {
      continue;  // wrapped text does not run on
    }
    // The cells the line goes on into, and whether a rule on its way cuts a word.
    std::vector<GridCell*> into;
    bool cut = false;
    for (int col = cell.col + cell.col_span; col < grid->cols();) {
      GridCell* next = starting[static_cast<size_t>(cell.row) * cols + static_cast<size_t>(col)];
      if (next == nullptr || next->row_span != cell.row_span ||
          !GoesOnInto(*end, grid->xs[static_cast<size_t>(col)], *next)) {
        break;
      }
      cut = cut || !end->space_after;
      into.push_back(next);
      end = LineEnd(next->words);
      col += next->col_span;
    }
    if (!cut) continue;
    for (GridCell* next : into) {
      cell.words.insert(cell.words.end(), next->words.begin(), next->words.end());
      next->words.clear();
    }
  }
}

}  // namespace oplex
