#include "pipeline/layout/lattice.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace oplex {
namespace {

// Rules this close (points) touch, or are one boundary.
constexpr double kSnap = 2.0;
// A rule separates two grid cells when it covers this share of their common edge.
constexpr double kEdgeCover = 0.6;
// A row boundary whose rules cover this share of the table's width is drawn across it.
constexpr double kRowAcross = 0.75;
// Pieces of one table broken apart stand at most this far from each other (points).
constexpr double kJoinGap = 8.0;
// A rule that reaches this far past the outermost crossing rules marks an open border.
constexpr double kOpenBorder = 6.0;
// The two lines of a double rule stand at most this far apart (points): nothing can be printed
// between them. HTML tables draw each cell's own border with a gap between neighbours, word
// processors and spreadsheets draw double lines.
constexpr double kDoubleRule = 4.0;
// The lines of a double rule run along each other: the rules at one of the two boundaries run
// along the other's for at least this share of their length.
constexpr double kAlong = 0.8;

struct Rule {
  double at;        // y of a horizontal rule, x of a vertical one
  double from, to;  // its extent along its length
};

Rule Horizontal(const BBox& b) { return Rule{(b.y0 + b.y1) / 2, b.x0, b.x1}; }
Rule Vertical(const BBox& b) { return Rule{(b.x0 + b.x1) / 2, b.y0, b.y1}; }

bool Cross(const Rule& h, const Rule& v) {
  return v.at >= h.from - kSnap && v.at <= h.to + kSnap && h.at >= v.from - kSnap &&
         h.at <= v.to + kSnap;
}

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Positions a little apart are one boundary (their mean).
std::vector<double> Cluster(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  size_t start = 0;
  for (size_t i = 1; i <= values.size(); ++i) {
    if (i == values.size() || values[i] - values[i - 1] > kSnap) {
      out.push_back(std::accumulate(values.begin() + static_cast<long>(start),
                                    values.begin() + static_cast<long>(i), 0.0) /
                    static_cast<double>(i - start));
      start = i;
    }
  }
  return out;
}

// The length of [from, to] the rules at `at` cover.
double CoveredLength(const std::vector<Rule>& rules, double at, double from, double to) {
  double covered = 0;
  for (const Rule& r : rules) {
    if (std::abs(r.at - at) > kSnap) continue;
    covered += std::max(0.0, std::min(r.to, to) - std::max(r.from, from));
  }
  return covered;
}

// Whether some rule at `at` covers at least `share` of [from, to].
bool Covered(const std::vector<Rule>& rules, double at, double from, double to,
             double share = kEdgeCover) {
  return CoveredLength(rules, at, from, to) >= share * (to - from);
}

// The rules at a boundary: their length, and how much of it the rules at another run along.
struct Along {
  double length = 0, covered = 0;
  bool Mostly() const { return length > 0 && covered >= kAlong * length; }
};

Along RunAlong(const std::vector<Rule>& rules, double at, double other) {
  Along along;
  for (const Rule& r : rules) {
    if (std::abs(r.at - at) > kSnap) continue;
    along.length += r.to - r.from;
    along.covered += CoveredLength(rules, other, r.from, r.to);
  }
  return along;
}

// Boundaries closer than a double rule's gap are one where the rules of one run along the
// other's for most of their length: the space between the two lines is no row or column. The
// boundary keeps the place of the longer lines (a table's frame, beside each cell's own).
std::vector<double> OneBoundaryPerDoubleRule(std::vector<double> at,
                                             const std::vector<Rule>& rules) {
  for (size_t i = 1; i < at.size();) {
    if (at[i] - at[i - 1] <= kDoubleRule) {
      const Along first = RunAlong(rules, at[i - 1], at[i]);
      const Along second = RunAlong(rules, at[i], at[i - 1]);
      if (first.Mostly() || second.Mostly()) {
        if (second.length > first.length) at[i - 1] = at[i];
        at.erase(at.begin() + static_cast<long>(i));
        continue;
      }
    }
    ++i;
  }
  return at;
}

Grid BuildGrid(const std::vector<Rule>& hs, const std::vector<Rule>& vs) {
  std::vector<double> xs_raw, ys_raw;
  for (const Rule& v : vs) xs_raw.push_back(v.at);
  for (const Rule& h : hs) ys_raw.push_back(h.at);
  std::vector<double> xs = OneBoundaryPerDoubleRule(Cluster(xs_raw), vs);
  std::vector<double> ys = OneBoundaryPerDoubleRule(Cluster(ys_raw), hs);
  double left = xs.front(), right = xs.back(), top = ys.front(), bottom = ys.back();
  for (const Rule& h : hs) left = std::min(left, h.from), right = std::max(right, h.to);
  for (const Rule& v : vs) top = std::min(top, v.from), bottom = std::max(bottom, v.to);
  if (xs.front() - left > kOpenBorder) xs.insert(xs.begin(), left);
  if (right - xs.back() > kOpenBorder) xs.push_back(right);
  if (ys.front() - top > kOpenBorder) ys.insert(ys.begin(), top);
  if (bottom - ys.back() > kOpenBorder) ys.push_back(bottom);

  Grid grid;
  grid.ruled = true;
  grid.xs = xs;
  grid.ys = ys;
  grid.bbox = BBox{xs.front(), ys.front(), xs.back(), ys.back()};
  const int rows = grid.rows(), cols = grid.cols();
  if (rows <= 0 || cols <= 0) return grid;
  // Merge neighbours that no rule separates.
  std::vector<int> parent(static_cast<size_t>(rows * cols));
  std::iota(parent.begin(), parent.end(), 0);
  auto id = [cols](int r, int c) { return r * cols + c; };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (c + 1 < cols && !Covered(vs, xs[c + 1], ys[r], ys[r + 1])) {
        parent[Find(parent, id(r, c + 1))] = Find(parent, id(r, c));
      }
      if (r + 1 < rows && !Covered(hs, ys[r + 1], xs[c], xs[c + 1])) {
        parent[Find(parent, id(r + 1, c))] = Find(parent, id(r, c));
      }
    }
  }
  // Each region no rule divides becomes a cell, spanning the rows and columns it reaches. A
  // region that is no rectangle and crosses a row boundary drawn across the table (the foot of a
  // dark header band whose rule the scan lost over one column) is cut there first: a header cell
  // does not reach into the body.
  std::vector<int> band(static_cast<size_t>(rows), 0);
  for (int r = 1; r < rows; ++r) {
    const bool across = Covered(hs, ys[r], xs.front(), xs.back(), kRowAcross);
    band[static_cast<size_t>(r)] = band[static_cast<size_t>(r - 1)] + (across ? 1 : 0);
  }
  std::vector<std::vector<int>> regions(parent.size());
  for (int i = 0; i < rows * cols; ++i) regions[static_cast<size_t>(Find(parent, i))].push_back(i);
  for (const std::vector<int>& region : regions) {
    if (region.empty()) continue;
    int top = rows, bottom = 0, left = cols, right = 0;
    for (int i : region) {
      top = std::min(top, i / cols), bottom = std::max(bottom, i / cols);
      left = std::min(left, i % cols), right = std::max(right, i % cols);
    }
    const bool rectangle =
        static_cast<int>(region.size()) == (bottom - top + 1) * (right - left + 1);
    // The region's positions in each band (all of them in one when it is a rectangle).
    std::map<int, GridCell> pieces;
    for (int i : region) {
      const int r = i / cols, c = i % cols;
      const int key = rectangle ? 0 : band[static_cast<size_t>(r)];
      auto [at, added] = pieces.try_emplace(key, GridCell{r, c, 1, 1, {}, {}});
      GridCell& cell = at->second;
      if (!added) {
        const int last_row = std::max(cell.row + cell.row_span, r + 1);
        const int last_col = std::max(cell.col + cell.col_span, c + 1);
        cell.row = std::min(cell.row, r);
        cell.col = std::min(cell.col, c);
        cell.row_span = last_row - cell.row;
        cell.col_span = last_col - cell.col;
      }
    }
    for (auto& [key, cell] : pieces) grid.cells.push_back(cell);
  }
  std::sort(grid.cells.begin(), grid.cells.end(), [](const GridCell& a, const GridCell& b) {
    return std::pair(a.row, a.col) < std::pair(b.row, b.col);
  });
  for (GridCell& cell : grid.cells) {
    cell.bbox = BBox{xs[cell.col], ys[cell.row], xs[cell.col + cell.col_span],
                     ys[cell.row + cell.row_span]};
  }
  return grid;
}

// The rules of one table.
struct RuleGroup {
  std::vector<Rule> h, v;
};

// The extent of a group's rules across, and the y of its horizontal ones (clustered).
struct GroupShape {
  double x0 = 0, x1 = 0;
  std::vector<double> ys;
};

GroupShape ShapeOf(const RuleGroup& group) {
  GroupShape shape{1e9, -1e9, {}};
  std::vector<double> ys;
  for (const Rule& h : group.h) {
    shape.x0 = std::min(shape.x0, h.from), shape.x1 = std::max(shape.x1, h.to);
    ys.push_back(h.at);
  }
  for (const Rule& v : group.v) {
    shape.x0 = std::min(shape.x0, v.at), shape.x1 = std::max(shape.x1, v.at);
  }
  shape.ys = Cluster(std::move(ys));
  return shape;
}

// Whether two tables side by side are pieces of one: a faint scan breaks the rules of one table
// between some of its columns, and the pieces no longer cross. They are when they stand next to
// each other (kJoinGap at most between them) and every row boundary of the one with fewer is
// one of the other's: the same rows, cut apart.
bool PiecesOfOneTable(const GroupShape& a, const GroupShape& b) {
  const GroupShape& left = a.x0 <= b.x0 ? a : b;
  const GroupShape& right = a.x0 <= b.x0 ? b : a;
  const double gap = right.x0 - left.x1;
  if (gap < -kSnap || gap > kJoinGap) return false;
  const GroupShape& fewer = a.ys.size() <= b.ys.size() ? a : b;
  const GroupShape& more = a.ys.size() <= b.ys.size() ? b : a;
  if (fewer.ys.size() < 2) return false;
  return std::all_of(fewer.ys.begin(), fewer.ys.end(), [&](double y) {
    return std::any_of(more.ys.begin(), more.ys.end(),
                       [&](double other) { return std::abs(other - y) <= kSnap; });
  });
}

// Joins the groups that are pieces of one table, until none are.
void JoinSideBySide(std::vector<RuleGroup>* groups) {
  std::vector<GroupShape> shapes;
  for (const RuleGroup& group : *groups) shapes.push_back(ShapeOf(group));
  for (bool joined = true; joined;) {
    joined = false;
    for (size_t i = 0; i < groups->size(); ++i) {
      for (size_t j = i + 1; j < groups->size();) {
        if (!PiecesOfOneTable(shapes[i], shapes[j])) {
          ++j;
          continue;
        }
        RuleGroup& into = (*groups)[i];
        const RuleGroup& from = (*groups)[j];
        into.h.insert(into.h.end(), from.h.begin(), from.h.end());
        into.v.insert(into.v.end(), from.v.begin(), from.v.end());
        groups->erase(groups->begin() + static_cast<long>(j));
        shapes.erase(shapes.begin() + static_cast<long>(j));
        shapes[i] = ShapeOf(into);
        joined = true;
      }
    }
  }
}

}  // namespace

std::vector<Grid> FindLatticeTables(const Graphics& graphics) {
  std::vector<Rule> hs, vs;
  for (const BBox& b : graphics.h_rules) hs.push_back(Horizontal(b));
  for (const BBox& b : graphics.v_rules) vs.push_back(Vertical(b));
  // Rules that cross belong to one table.
  const int n = static_cast<int>(hs.size() + vs.size());
  std::vector<int> parent(static_cast<size_t>(n));
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < hs.size(); ++i) {
    for (size_t j = 0; j < vs.size(); ++j) {
      if (Cross(hs[i], vs[j])) {
        parent[Find(parent, static_cast<int>(hs.size() + j))] = Find(parent, static_cast<int>(i));
      }
    }
  }
  std::vector<RuleGroup> groups;
  std::vector<bool> done(static_cast<size_t>(n), false);
  for (int i = 0; i < n; ++i) {
    const int root = Find(parent, i);
    if (done[root]) continue;
    done[root] = true;
    RuleGroup group;
    for (int k = 0; k < n; ++k) {
      if (Find(parent, k) != root) continue;
      if (k < static_cast<int>(hs.size())) {
        group.h.push_back(hs[k]);
      } else {
        group.v.push_back(vs[k - hs.size()]);
      }
    }
    groups.push_back(std::move(group));
  }
  JoinSideBySide(&groups);
  std::vector<Grid> grids;
  for (const RuleGroup& group : groups) {
    if (group.h.size() < 2 || group.v.size() < 2) continue;
    Grid grid = BuildGrid(group.h, group.v);
    if (grid.rows() >= 1 && grid.cols() >= 1) grids.push_back(std::move(grid));
  }
  return grids;
}

}  // namespace oplex
