#include "pipeline/layout/unmerge.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "pipeline/layout/lines.h"

namespace oplex {
namespace {

// A word crosses a boundary when it reaches more than this past it (points).
constexpr double kCrossSlack = 1.0;

// Whether boundary `at` divides `words` (along x when `vertical`, else along y): words on both
// sides, none across, the facing ones a line's height apart.
bool Divides(const std::vector<const Word*>& words, double at, bool vertical) {
  auto lo = [&](const Word* w) { return vertical ? w->bbox.x0 : w->bbox.y0; };
  auto hi = [&](const Word* w) { return vertical ? w->bbox.x1 : w->bbox.y1; };
  double before = -std::numeric_limits<double>::infinity();
  double after = std::numeric_limits<double>::infinity();
  for (const Word* w : words) {
    if (hi(w) <= at + kCrossSlack) {
      before = std::max(before, hi(w));
    } else if (lo(w) >= at - kCrossSlack) {
      after = std::min(after, lo(w));
    } else {
      return false;
    }
  }
  if (std::isinf(before) || std::isinf(after)) return false;
  return after - before >= LineHeight(words);
}

// Splits `cell` at the first boundary its words divide (columns first, then rows); the part
// past it is returned.
std::optional<GridCell> SplitOnce(GridCell& cell, const Grid& grid) {
  for (const bool across : {true, false}) {
    const int first = across ? cell.col : cell.row;
    const int span = across ? cell.col_span : cell.row_span;
    const std::vector<double>& bounds = across ? grid.xs : grid.ys;
    for (int k = first + 1; k < first + span; ++k) {
      const double at = bounds[static_cast<size_t>(k)];
      if (!Divides(cell.words, at, across)) continue;
      GridCell rest = cell;
      (across ? rest.col : rest.row) = k;
      (across ? rest.col_span : rest.row_span) = first + span - k;
      (across ? cell.col_span : cell.row_span) = k - first;
      auto before = [&](const Word* w) {
        return (across ? w->bbox.x1 : w->bbox.y1) <= at + kCrossSlack;
      };
      std::erase_if(rest.words, before);
      std::erase_if(cell.words, [&](const Word* w) { return !before(w); });
      return rest;
    }
  }
  return std::nullopt;
}

void Box(GridCell& cell, const Grid& grid) {
  const auto col = static_cast<size_t>(cell.col), row = static_cast<size_t>(cell.row);
  cell.bbox = BBox{grid.xs[col], grid.ys[row], grid.xs[col + static_cast<size_t>(cell.col_span)],
                   grid.ys[row + static_cast<size_t>(cell.row_span)]};
}

}  // namespace

void SplitCellsWordsDivide(Grid* grid) {
  if (!grid->ruled) return;
  for (size_t i = 0; i < grid->cells.size(); ++i) {
    while (grid->cells[i].col_span > 1 || grid->cells[i].row_span > 1) {
      std::optional<GridCell> part = SplitOnce(grid->cells[i], *grid);
      if (!part) break;
      Box(grid->cells[i], *grid);
      Box(*part, *grid);
      grid->cells.push_back(std::move(*part));  // split further in its own turn
    }
  }
}

}  // namespace oplex
