#include "pipeline/layout/unruled_columns.h"

#include <algorithm>
#include <vector>

#include "pipeline/layout/lines.h"

namespace oplex {
namespace {

// A word crosses a cut when it reaches more than this past it (points).
constexpr double kCrossSlack = 1.0;

// Where column `c` is cut: the middles between the labels of the first of its cells whose words
// are one line and that line one ladder; none when no cell is, or a word of another cell of the
// column crosses a cut.
std::vector<double> LadderCuts(const Grid& grid, int c) {
  std::vector<const GridCell*> cells;
  for (const GridCell& cell : grid.cells) {
    if (cell.col == c && cell.col_span == 1) cells.push_back(&cell);
  }
  std::sort(cells.begin(), cells.end(),
            [](const GridCell* a, const GridCell* b) { return a->row < b->row; });
  std::vector<double> cuts;
  for (const GridCell* cell : cells) {
    const std::vector<TextLine> lines = BuildLines(cell->words);
    if (lines.size() != 1) continue;
    const std::vector<std::pair<size_t, size_t>> ladders = Ladders(lines.front());
    if (ladders.size() != 1 || ladders.front() != std::pair<size_t, size_t>{0, cell->words.size()})
      continue;
    const std::vector<const Word*>& labels = lines.front().words;
    for (size_t k = 1; k < labels.size(); ++k) {
      cuts.push_back((labels[k - 1]->bbox.x1 + labels[k]->bbox.x0) / 2);
    }
    break;
  }
  const bool crossed = std::any_of(cells.begin(), cells.end(), [&](const GridCell* cell) {
    return std::any_of(cell->words.begin(), cell->words.end(), [&](const Word* w) {
      return std::any_of(cuts.begin(), cuts.end(), [&](double x) {
        return w->bbox.x0 < x - kCrossSlack && w->bbox.x1 > x + kCrossSlack;
      });
    });
  });
  if (crossed) return {};
  return cuts;
}

}  // namespace

void SplitUnruledColumns(Grid* grid) {
  if (!grid->ruled) return;
  // Right to left: the columns left of a cut keep their indices.
  for (int c = grid->cols() - 1; c >= 0; --c) {
    const std::vector<double> cuts = LadderCuts(*grid, c);
    if (!cuts.empty()) CutGrid(grid, /*columns=*/true, c, cuts);
  }
}

}  // namespace oplex
