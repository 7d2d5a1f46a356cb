#include "pipeline/layout/grid.h"

#include <algorithm>
#include <cmath>

#include "pipeline/layout/lines.h"

namespace oplex {
namespace {

// A fill colours a cell when it covers this share of the cell's inside.
constexpr double kFillCover = 0.5;
// The inside of a cell: its box less this margin (points), away from its borders.
constexpr double kCellMargin = 1.0;

}  // namespace

GridCell* Grid::At(double x, double y) {
  for (GridCell& c : cells) {
    if (x >= c.bbox.x0 && x < c.bbox.x1 && y >= c.bbox.y0 && y < c.bbox.y1) return &c;
  }
  return nullptr;
}

Rgb ColorUnder(const BBox& box, const Graphics& graphics) {
  BBox inside = box;
  if (inside.x1 - inside.x0 > 4 * kCellMargin) {
    inside.x0 += kCellMargin;
    inside.x1 -= kCellMargin;
  }
  if (inside.y1 - inside.y0 > 4 * kCellMargin) {
    inside.y0 += kCellMargin;
    inside.y1 -= kCellMargin;
  }
  const double area = Area(inside);
  if (area <= 0) return graphics.background;
  // The fills of one colour may be several pieces: add their cover by colour.
  std::vector<std::pair<Rgb, double>> cover;
  for (const Fill& f : graphics.fills) {
    const double a = Area(Intersect(f.bbox, inside));
    if (a <= 0) continue;
    auto it =
        std::find_if(cover.begin(), cover.end(), [&](const auto& c) { return c.first == f.color; });
    if (it == cover.end()) {
      cover.emplace_back(f.color, a);
    } else {
      it->second += a;
    }
  }
  const auto best = std::max_element(
      cover.begin(), cover.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best != cover.end() && best->second >= kFillCover * area) return best->first;
  return graphics.background;
}

void CutGrid(Grid* grid, bool columns, int index, const std::vector<double>& cuts,
             const std::function<bool(const GridCell&)>& whole) {
  const int added = static_cast<int>(cuts.size());
  std::vector<double>& bounds = columns ? grid->xs : grid->ys;
  bounds.insert(bounds.begin() + index + 1, cuts.begin(), cuts.end());
  auto middle = [&](const Word& w) { return columns ? CentreX(w) : (w.bbox.y0 + w.bbox.y1) / 2; };
  std::vector<GridCell> parts;
  for (GridCell& cell : grid->cells) {
    int& first = columns ? cell.col : cell.row;
    int& span = columns ? cell.col_span : cell.row_span;
    if (first > index) {
      first += added;
      continue;
    }
    if (first + span <= index) continue;
    if (span > 1 || (whole && whole(cell))) {
      span += added;
      continue;
    }
    std::vector<const Word*> words = std::move(cell.words);
    for (int k = 0; k <= added; ++k) {
      GridCell part = cell;
      (columns ? part.col : part.row) = index + k;
      const double from = bounds[static_cast<size_t>(index + k)];
      const double to = bounds[static_cast<size_t>(index + k) + 1];
      (columns ? part.bbox.x0 : part.bbox.y0) = from;
      (columns ? part.bbox.x1 : part.bbox.y1) = to;
      part.words.clear();
      for (const Word* w : words) {
        if ((k == 0 || middle(*w) >= from) && (k == added || middle(*w) < to)) {
          part.words.push_back(w);
        }
      }
      if (k == 0) {
        cell = std::move(part);
      } else {
        parts.push_back(std::move(part));
      }
    }
  }
  grid->cells.insert(grid->cells.end(), std::make_move_iterator(parts.begin()),
                     std::make_move_iterator(parts.end()));
}

bool SameColumns(const std::vector<double>& a, const std::vector<double>& b) {
  // Boundaries this close (points) are one.
  constexpr double kSameColumn = 4.0;
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::abs(a[i] - b[i]) > kSameColumn) return false;
  }
  return true;
}

Block ToBlock(const Grid& grid, const Page& page, int* next_line) {
  Block block;
  block.kind = BlockKind::kTable;
  block.bbox = grid.bbox;
  block.columns = grid.xs;
  const int rows = grid.rows(), cols = grid.cols();
  block.rows.resize(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    Row& row = block.rows[static_cast<size_t>(r)];
    row.page = page.number;
    row.first_line = row.last_line = (*next_line)++;
    row.bbox = BBox{grid.xs.front(), grid.ys[static_cast<size_t>(r)], grid.xs.back(),
                    grid.ys[static_cast<size_t>(r) + 1]};
    if (page.graphics) row.background = page.graphics->background;
    row.cells.resize(static_cast<size_t>(cols));
  }
  for (const GridCell& g : grid.cells) {
    std::optional<Rgb> fill;
    if (page.graphics) fill = ColorUnder(g.bbox, *page.graphics);
    for (int r = g.row; r < g.row + g.row_span && r < rows; ++r) {
      for (int c = g.col; c < g.col + g.col_span && c < cols; ++c) {
        Cell& cell = block.rows[static_cast<size_t>(r)].cells[static_cast<size_t>(c)];
        cell.fill = fill;
        cell.bbox = BBox{grid.xs[static_cast<size_t>(c)], grid.ys[static_cast<size_t>(r)],
                         grid.xs[static_cast<size_t>(c) + 1], grid.ys[static_cast<size_t>(r) + 1]};
        cell.covered = r != g.row || c != g.col;
      }
    }
    Row& row = block.rows[static_cast<size_t>(g.row)];
    Cell& origin = row.cells[static_cast<size_t>(g.col)];
    bool list = false;
    origin.text = WordsText(g.words, g.bbox, grid.ruled, &list);
    for (const Word* w : g.words) origin.confidence = std::min(origin.confidence, w->confidence);
    origin.bbox = g.bbox;
    origin.row_span = g.row_span;
    origin.col_span = g.col_span;
    row.list = row.list || list;
  }
  return block;
}

}  // namespace oplex
