#include "pipeline/layout/unruled_rows.h"

#include <algorithm>
#include <vector>

#include "pipeline/layout/lines.h"

namespace oplex {
namespace {

// A record fills at least this many cells of its row.
constexpr size_t kRecordCells = 2;

double Middle(const Word& w) { return (w.bbox.y0 + w.bbox.y1) / 2; }

// The cells of grid row `r`, or nothing when a cell merged over several rows covers it.
std::vector<GridCell*> CellsOf(Grid& grid, int r) {
  std::vector<GridCell*> cells;
  for (GridCell& c : grid.cells) {
    if (c.row > r || c.row + c.row_span <= r) continue;
    if (c.row_span > 1) return {};
    cells.push_back(&c);
  }
  return cells;
}

// Where whitespace runs across all of `cells` at least kRowGap line heights high: the middle of
// each such gap, top to bottom.
std::vector<double> WideGaps(const std::vector<GridCell*>& cells) {
  std::vector<const Word*> words;
  for (const GridCell* c : cells) words.insert(words.end(), c->words.begin(), c->words.end());
  if (words.size() < 2) return {};
  std::sort(words.begin(), words.end(),
            [](const Word* a, const Word* b) { return a->bbox.y0 < b->bbox.y0; });
  const double gap = kRowGap * LineHeight(words);
  std::vector<double> middles;
  double bottom = words.front()->bbox.y1;
  for (const Word* w : words) {
    if (w->bbox.y0 - bottom >= gap) middles.push_back((bottom + w->bbox.y0) / 2);
    bottom = std::max(bottom, w->bbox.y1);
  }
  return middles;
}

// How many of `cells` hold a word whose middle lies in [top, bottom).
size_t FilledBetween(const std::vector<GridCell*>& cells, double top, double bottom) {
  return static_cast<size_t>(std::count_if(cells.begin(), cells.end(), [&](const GridCell* c) {
    return std::any_of(c->words.begin(), c->words.end(),
                       [&](const Word* w) { return Middle(*w) >= top && Middle(*w) < bottom; });
  }));
}

// The cuts of row `r` that part records: of its wide gaps, those with a record on each side.
// A part filling fewer than kRecordCells cells goes on the part above it (the first, on the one
// below), the cut between them dropped.
std::vector<double> RecordCuts(Grid& grid, int r) {
  const std::vector<GridCell*> cells = CellsOf(grid, r);
  std::vector<double> cuts = WideGaps(cells);
  const double top = grid.ys[static_cast<size_t>(r)];
  const double bottom = grid.ys[static_cast<size_t>(r) + 1];
  for (bool dropped = true; dropped && !cuts.empty();) {
    dropped = false;
    for (size_t part = 0; part <= cuts.size(); ++part) {
      const double from = part == 0 ? top : cuts[part - 1];
      const double to = part == cuts.size() ? bottom : cuts[part];
      if (FilledBetween(cells, from, to) >= kRecordCells) continue;
      cuts.erase(cuts.begin() + static_cast<long>(part == 0 ? 0 : part - 1));
      dropped = true;
      break;
    }
  }
  return cuts;
}

}  // namespace

void SplitUnruledRows(Grid* grid) {
  if (!grid->ruled) return;
  // Bottom up: the rows above a cut keep their indices.
  for (int r = grid->rows() - 1; r >= 0; --r) {
    const std::vector<double> cuts = RecordCuts(*grid, r);
    if (!cuts.empty()) CutGrid(grid, /*columns=*/false, r, cuts);
  }
}

}  // namespace oplex
