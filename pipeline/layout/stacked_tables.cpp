#include "pipeline/layout/stacked_tables.h"

#include <algorithm>

#include "pipeline/layout/lines.h"

namespace oplex {
namespace {

// Gaps narrower than this (points) are where one piece's foot rule meets the next's top rule.
constexpr double kTouching = 2.0;

// Whether some word's centre stands in the band between y0 and y1, across [x0, x1].
bool WordsBetween(const std::vector<Word>& words, double x0, double x1, double y0, double y1) {
  return std::any_of(words.begin(), words.end(), [&](const Word& w) {
    const double x = CentreX(w), y = CentreY(w);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1;
  });
}

bool Stacked(const Grid& upper, const Grid& lower, const std::vector<Word>& words) {
  const double gap = lower.bbox.y0 - upper.bbox.y1;
  return (upper.rows() == 1 || lower.rows() == 1) && gap >= -kTouching && gap <= kStackGap &&
         SameColumns(upper.xs, lower.xs) &&
         !WordsBetween(words, upper.bbox.x0, upper.bbox.x1, upper.bbox.y1, lower.bbox.y0);
}

// `lower` appended under `upper`, on `upper`'s columns; the gap between them an empty row.
void Append(const Grid& lower, Grid* upper) {
  const int rows_above = upper->rows();
  const bool gap_row = lower.ys.front() - upper->ys.back() > kTouching;
  if (gap_row) {
    for (int c = 0; c < upper->cols(); ++c) {
      upper->cells.push_back(GridCell{rows_above, c, 1, 1, {}, {}});
    }
    upper->ys.push_back(lower.ys.front());
  }
  const int shift = rows_above + (gap_row ? 1 : 0);
  upper->ys.insert(upper->ys.end(), lower.ys.begin() + 1, lower.ys.end());
  for (GridCell cell : lower.cells) {
    cell.row += shift;
    cell.words.clear();
    upper->cells.push_back(cell);
  }
  for (GridCell& cell : upper->cells) {
    cell.bbox =
        BBox{upper->xs[static_cast<size_t>(cell.col)], upper->ys[static_cast<size_t>(cell.row)],
             upper->xs[static_cast<size_t>(cell.col + cell.col_span)],
             upper->ys[static_cast<size_t>(cell.row + cell.row_span)]};
  }
  upper->bbox = BBox{upper->xs.front(), upper->ys.front(), upper->xs.back(), upper->ys.back()};
}

}  // namespace

void JoinStackedGrids(std::vector<Grid>* grids, const std::vector<Word>& words) {
  std::sort(grids->begin(), grids->end(),
            [](const Grid& a, const Grid& b) { return a.bbox.y0 < b.bbox.y0; });
  std::vector<Grid> out;
  for (Grid& g : *grids) {
    // The last table kept above this one with its columns, if it is the one just above.
    auto upper = std::find_if(out.rbegin(), out.rend(), [&](const Grid& o) {
      return o.bbox.x1 > g.bbox.x0 && o.bbox.x0 < g.bbox.x1;  // over it, not beside it
    });
    if (upper != out.rend() && Stacked(*upper, g, words)) {
      Append(g, &*upper);
    } else {
      out.push_back(std::move(g));
    }
  }
  *grids = std::move(out);
}

}  // namespace oplex
