#include "pipeline/layout/broken_cells.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>

#include "pipeline/layout/lines.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// Lines of one cell stand this many of their heights apart when a cell has only one line.
constexpr double kLinePitch = 1.25;

bool OpensLowercase(const std::vector<const Word*>& words) {
  const std::vector<TextLine> lines = BuildLines(words);
  if (lines.empty()) return false;
  const std::string& text = lines.front().words.front()->text;
  size_t at = 0;
  return !text.empty() && u_islower(NextCodePoint(text, &at));
}

// How far apart the lines of a cell's words stand: the last two lines' tops, or one line's
// height times kLinePitch.
double Pitch(const std::vector<const Word*>& words) {
  std::vector<TextLine> lines = BuildLines(words);
  const TextLine& last = lines.back();
  if (lines.size() >= 2) return last.bbox.y0 - lines[lines.size() - 2].bbox.y0;
  return kLinePitch * (last.bbox.y1 - last.bbox.y0);
}

// The words of a cell as one line of text, for comparing cells.
std::string Joined(const std::vector<const Word*>& words) {
  std::string out;
  for (const Word* w : words) out += (out.empty() ? "" : " ") + w->text;
  return out;
}

// Whether the first row of `grid` prints `head` again: every cell it fills, at least two, holds
// the text of the same column of `head`.
bool RepeatsHead(const std::vector<std::string>& head, const Grid& grid) {
  int same = 0;
  for (const GridCell& cell : grid.cells) {
    if (cell.row != 0 || cell.words.empty()) continue;
    const auto c = static_cast<size_t>(cell.col);
    if (c >= head.size() || Joined(cell.words) != head[c]) return false;
    ++same;
  }
  return same >= 2;
}

}  // namespace

FootCells CellsAtFoot(const Grid& grid) {
  FootCells foot;
  if (!grid.ruled) return foot;
  foot.xs = grid.xs;
  foot.words.resize(static_cast<size_t>(grid.cols()));
  foot.boxes.resize(static_cast<size_t>(grid.cols()));
  foot.head.resize(static_cast<size_t>(grid.cols()));
  for (const GridCell& cell : grid.cells) {
    if (cell.row == 0) foot.head[static_cast<size_t>(cell.col)] = Joined(cell.words);
    if (cell.row != grid.rows() - 1 || cell.row_span != 1 || cell.col_span != 1) continue;
    const auto c = static_cast<size_t>(cell.col);
    for (const Word* w : cell.words) foot.words[c].push_back(*w);
    foot.boxes[c] = cell.bbox;
  }
  return foot;
}

std::vector<std::string> ReadAcrossBreak(const FootCells& foot, Grid* grid) {
  std::vector<std::string> texts;
  if (foot.xs.empty() || !grid->ruled || !SameColumns(foot.xs, grid->xs) ||
      RepeatsHead(foot.head, *grid)) {
    return texts;
  }
  texts.resize(foot.words.size());
  for (GridCell& cell : grid->cells) {
    const auto c = static_cast<size_t>(cell.col);
    if (cell.row != 0 || cell.col_span != 1 || c >= foot.words.size() || foot.words[c].empty() ||
        cell.words.empty() || !OpensLowercase(cell.words))
      continue;
    std::vector<const Word*> before;
    for (const Word& w : foot.words[c]) before.push_back(&w);
    // The words of this page set under those of the page before, a line apart.
    double top = cell.words.front()->bbox.y0, bottom = 0;
    for (const Word* w : cell.words) top = std::min(top, w->bbox.y0);
    double last_top = 0;
    for (const Word* w : before) last_top = std::max(last_top, w->bbox.y0);
    const double shift = last_top + Pitch(before) - top;
    std::vector<Word> moved;
    moved.reserve(cell.words.size());
    for (const Word* w : cell.words) {
      Word m = *w;
      m.bbox.y0 += shift;
      m.bbox.y1 += shift;
      bottom = std::max(bottom, m.bbox.y1);
      moved.push_back(std::move(m));
    }
    std::vector<const Word*> all = before;
    for (const Word& w : moved) all.push_back(&w);
    const BBox& box = foot.boxes[c];
    bool list = false;
    texts[c] = WordsText(all, BBox{box.x0, box.y0, box.x1, std::max(box.y1, bottom)},
                         /*ruled=*/true, &list);
    cell.words.clear();
  }
  return texts;
}

}  // namespace oplex
