#include "pipeline/layout/unruled_columns.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "pipeline/layout/lines.h"

namespace oplex {
namespace {

// A word crosses a cut when it reaches more than this past it (points).
constexpr double kCrossSlack = 1.0;

// Where a column is cut, and the title its ladder's cell holds above the ladder.
struct ColumnCuts {
  std::vector<double> cuts;        // the middles between the ladder's labels
  int row = 0;                     // the ladder's cell
  std::vector<const Word*> title;  // its words above the ladder ("Calendario 2025", "Meses")
  double title_bottom = 0, ladder_top = 0;
};

// How column `c` is cut: the first of its cells whose last line is one ladder (every word of the
// line one of its labels) gives the middles between its labels; its lines above the ladder are
// the cell's title. None when no cell is such, or a word of the column crosses a cut (the title's
// words aside: they will stand over the parts).
std::optional<ColumnCuts> LadderCuts(const Grid& grid, int c) {
  std::vector<const GridCell*> cells;
  for (const GridCell& cell : grid.cells) {
    if (cell.col == c && cell.col_span == 1) cells.push_back(&cell);
  }
  std::sort(cells.begin(), cells.end(),
            [](const GridCell* a, const GridCell* b) { return a->row < b->row; });
  std::optional<ColumnCuts> found;
  for (const GridCell* cell : cells) {
    const std::vector<TextLine> lines = BuildLines(cell->words);
    if (lines.empty() || cell->row_span != 1) continue;
    const TextLine& last = lines.back();
    const std::vector<std::pair<size_t, size_t>> ladders = Ladders(last);
    if (ladders.size() != 1 || ladders.front() != std::pair<size_t, size_t>{0, last.words.size()})
      continue;
    ColumnCuts out;
    out.row = cell->row;
    for (size_t k = 1; k < last.words.size(); ++k) {
      out.cuts.push_back((last.words[k - 1]->bbox.x1 + last.words[k]->bbox.x0) / 2);
    }
    out.ladder_top = last.bbox.y0;
    for (size_t l = 0; l + 1 < lines.size(); ++l) {
      out.title.insert(out.title.end(), lines[l].words.begin(), lines[l].words.end());
      out.title_bottom = std::max(out.title_bottom, lines[l].bbox.y1);
    }
    found = std::move(out);
    break;
  }
  if (!found) return std::nullopt;
  const std::vector<const Word*>& title = found->title;
  const bool crossed = std::any_of(cells.begin(), cells.end(), [&](const GridCell* cell) {
    return std::any_of(cell->words.begin(), cell->words.end(), [&](const Word* w) {
      if (std::find(title.begin(), title.end(), w) != title.end()) return false;
      return std::any_of(found->cuts.begin(), found->cuts.end(), [&](double x) {
        return w->bbox.x0 < x - kCrossSlack && w->bbox.x1 > x + kCrossSlack;
      });
    });
  });
  if (crossed) return std::nullopt;
  return found;
}

}  // namespace

void SplitUnruledColumns(Grid* grid) {
  if (!grid->ruled) return;
  // Right to left: the columns left of a cut keep their indices.
  for (int c = grid->cols() - 1; c >= 0; --c) {
    const std::optional<ColumnCuts> cut = LadderCuts(*grid, c);
    if (!cut) continue;
    if (cut->title.empty()) {
      CutGrid(grid, /*columns=*/true, c, cut->cuts);
      continue;
    }
    // The title gets a row of its own over the labels, spanning the columns cut under it; the
    // row's other cells span both rows.
    const int r = cut->row;
    CutGrid(grid, /*columns=*/false, r, {(cut->title_bottom + cut->ladder_top) / 2},
            [&](const GridCell& cell) { return cell.col != c; });
    CutGrid(grid, /*columns=*/true, c, cut->cuts,
            [&](const GridCell& cell) { return cell.row == r && cell.col == c; });
  }
}

}  // namespace oplex
