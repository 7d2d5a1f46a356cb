#include "pipeline/layout/head_rules.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace oplex {
namespace {

// A head is at most this many rows; a body at least this many.
constexpr int kMaxHeadRows = 3;
constexpr int kMinBodyRows = 3;
// A word crosses a boundary when it reaches more than this past it on both sides (points).
constexpr double kCrossSlack = 1.0;

// The cell covering each grid position (-1 where none does).
std::vector<std::vector<int>> Owners(const Grid& grid) {
  std::vector<std::vector<int>> owner(static_cast<size_t>(grid.rows()),
                                      std::vector<int>(static_cast<size_t>(grid.cols()), -1));
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const GridCell& c = grid.cells[i];
    for (int r = c.row; r < c.row + c.row_span && r < grid.rows(); ++r) {
      for (int k = c.col; k < c.col + c.col_span && k < grid.cols(); ++k) {
        owner[static_cast<size_t>(r)][static_cast<size_t>(k)] = static_cast<int>(i);
      }
    }
  }
  return owner;
}

// Whether row `r` draws column boundary `k` (between columns k - 1 and k): no cell spans it.
bool Draws(const std::vector<std::vector<int>>& owner, int r, int k) {
  const auto& row = owner[static_cast<size_t>(r)];
  const int left = row[static_cast<size_t>(k - 1)], right = row[static_cast<size_t>(k)];
  return left < 0 || left != right;
}

// The rows above the first row from which boundary `k` is never drawn again.
int DrawnDownTo(const std::vector<std::vector<int>>& owner, int k) {
  for (int r = static_cast<int>(owner.size()); r-- > 0;) {
    if (Draws(owner, r, k)) return r + 1;
  }
  return 0;
}

// Whether the body (rows from `head` down) draws boundary `k` in most of its rows.
bool BodyDraws(const std::vector<std::vector<int>>& owner, int head, int k) {
  int drawn = 0;
  const int rows = static_cast<int>(owner.size());
  for (int r = head; r < rows; ++r) drawn += Draws(owner, r, k) ? 1 : 0;
  return 2 * drawn > rows - head;
}

// The nearest boundary to boundary `k` that the body draws (or the table's edge).
double BodyRuleNear(const Grid& grid, const std::vector<std::vector<int>>& owner, int head, int k) {
  const double x = grid.xs[static_cast<size_t>(k)];
  double nearest = grid.xs.front();
  for (int j = 0; j < static_cast<int>(grid.xs.size()); ++j) {
    const bool edge = j == 0 || j + 1 == static_cast<int>(grid.xs.size());
    const double at = grid.xs[static_cast<size_t>(j)];
    if (j != k && (edge || BodyDraws(owner, head, j)) && std::abs(at - x) < std::abs(nearest - x)) {
      nearest = at;
    }
  }
  return nearest;
}

// Whether boundary `k` is a rule the body draws elsewhere: the head cells on either side of it
// straddle a boundary the body draws (one at least) with their words on one side of it (all of
// them), and moving the rule to the body's nearest keeps every word of those cells in its cell
// (a rule drawn a few points off, not a form's label over several columns whose cell would lose
// its words).
bool Contradicted(const Grid& grid, const std::vector<std::vector<int>>& owner, int head, int k,
                  const std::vector<Word>& words) {
  bool straddles = false;
  const double moved = BodyRuleNear(grid, owner, head, k);
  for (const GridCell& c : grid.cells) {
    if (c.row >= head || (c.col != k && c.col + c.col_span != k)) continue;
    // The cell's words (their centres in it), and its span once the rule has moved.
    std::vector<const Word*> inside;
    for (const Word& w : words) {
      const double cx = (w.bbox.x0 + w.bbox.x1) / 2, cy = (w.bbox.y0 + w.bbox.y1) / 2;
      if (cx >= c.bbox.x0 && cx < c.bbox.x1 && cy >= c.bbox.y0 && cy < c.bbox.y1) {
        inside.push_back(&w);
      }
    }
    const double x0 = c.col == k ? moved : c.bbox.x0, x1 = c.col == k ? c.bbox.x1 : moved;
    for (const Word* w : inside) {
      const double cx = (w->bbox.x0 + w->bbox.x1) / 2;
      if (cx < x0 || cx >= x1) return false;
    }
    for (int j = c.col + 1; j < c.col + c.col_span; ++j) {
      if (!BodyDraws(owner, head, j)) continue;
      straddles = true;
      const double x = grid.xs[static_cast<size_t>(j)];
      for (const Word* w : inside) {
        if (w->bbox.x0 < x - kCrossSlack && w->bbox.x1 > x + kCrossSlack) return false;
      }
    }
  }
  return straddles;
}

}  // namespace

void SnapHeadToBodyColumns(Grid* grid, const std::vector<Word>& words) {
  const int rows = grid->rows(), cols = grid->cols();
  if (!grid->ruled || cols < 3 || rows < 1 + kMinBodyRows) return;
  const std::vector<std::vector<int>> owner = Owners(*grid);
  std::set<int> dropped;
  int head = 0;
  for (int k = 1; k < cols; ++k) {
    const int down_to = DrawnDownTo(owner, k);
    if (down_to == 0 || down_to > kMaxHeadRows || rows - down_to < kMinBodyRows) continue;
    if (!Contradicted(*grid, owner, down_to, k, words)) continue;
    dropped.insert(k);
    head = std::max(head, down_to);
  }
  if (dropped.empty()) return;
  for (const GridCell& c : grid->cells) {
    if (c.row < head && c.row + c.row_span > head) return;  // a head cell reaching into the body
  }
  // Each old boundary's index among the kept ones; a dropped one goes to the nearest kept.
  std::vector<double> xs;
  for (int k = 0; k <= cols; ++k) {
    if (dropped.count(k) == 0) {
      xs.push_back(grid->xs[static_cast<size_t>(k)]);
    }
  }
  std::vector<int> to(static_cast<size_t>(cols) + 1);
  for (int k = 0; k <= cols; ++k) {
    const double x = grid->xs[static_cast<size_t>(k)];
    const auto nearest = std::min_element(xs.begin(), xs.end(), [&](double a, double b) {
      return std::abs(a - x) < std::abs(b - x);
    });
    to[static_cast<size_t>(k)] = static_cast<int>(nearest - xs.begin());
  }
  std::vector<GridCell> cells;
  for (GridCell c : grid->cells) {
    const int first = to[static_cast<size_t>(c.col)];
    const int last = to[static_cast<size_t>(c.col + c.col_span)];
    if (last <= first) continue;  // a head cell between two dropped rules: its neighbours take it
    c.col = first;
    c.col_span = last - first;
    c.bbox.x0 = xs[static_cast<size_t>(first)];
    c.bbox.x1 = xs[static_cast<size_t>(last)];
    cells.push_back(std::move(c));
  }
  grid->xs = std::move(xs);
  grid->cells = std::move(cells);
}

}  // namespace oplex
