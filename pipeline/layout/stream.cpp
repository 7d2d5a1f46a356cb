#include "pipeline/layout/stream.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// A table has at least this many lines with column gaps, and two columns.
constexpr int kMinTableLines = 3;
// ... or this many at the foot of a page.
constexpr int kMinFootLines = 2;
// A word of a line laid on known columns may reach this many font sizes over a boundary.
constexpr double kOverhangEm = 0.5;
// Lines further apart than this many font sizes are not one table (a spreadsheet's rows set
// tall, 22 points for 8-point type, stand under two apart).
constexpr double kMaxLineGap = 2.0;
// A column gap may be crossed by this share of the table's lines (a long title, a stray cell).
constexpr double kCrossingShare = 0.1;
// Lines of one table differ in font size by at most this (points).
constexpr double kSameSizeSlack = 0.5;
// A cell wraps over at most this many lines without column gaps.
constexpr size_t kMaxWrappedLines = 4;
// The narrowest gap between columns, in font sizes.
constexpr double kMinGutterEm = 0.5;
// A ladder's gap may be crossed by this share of the table's lines, and by one line always.
constexpr double kLadderCrossingShare = 0.25;
// Where a table's cells leave the page empty is counted point by point across it, or in steps
// keeping to this many (the width of the largest page a PDF declares, 200 inches): a damaged file
// may set its text a billion points off the page.
constexpr double kMaxCoverPoints = 14400;

bool HasLadder(const TextLine& line) { return !Ladders(line).empty(); }

// A line's cells: its segments (lines.h), a ladder cut into one cell per label.
std::vector<std::pair<size_t, size_t>> Cells(const TextLine& line) {
  std::vector<std::pair<size_t, size_t>> cells;
  for (const auto& [a, b] : Segments(line)) {
    if (!Ladder(line, a, b)) {
      cells.emplace_back(a, b);
      continue;
    }
    for (size_t i = a; i < b; ++i) cells.emplace_back(i, i + 1);
  }
  return cells;
}

// Line b stands close enough below line a to go on its table.
bool Near(const TextLine& a, const TextLine& b) {
  return b.bbox.y0 - a.bbox.y1 <= kMaxLineGap * std::max(a.font_size, b.font_size);
}

// Lines a and b are set in one size of type (a heading in larger type under a table is not its
// last row).
bool SameSize(const TextLine& a, const TextLine& b) {
  return std::abs(a.body_size - b.body_size) <= kSameSizeSlack;
}

// Whether line b may go on the table whose last line of cells is a: in its size of type, or
// under a table's first line (`a_first`) in bold over b in regular type, a header in a size of
// its own.
bool GoesOn(const TextLine& a, const TextLine& b, bool a_first) {
  return SameSize(a, b) || (a_first && a.bold && !b.bold);
}

// The gaps between a line's cells, as x intervals.
std::vector<std::pair<double, double>> Gutters(const TextLine& line) {
  std::vector<std::pair<double, double>> gutters;
  const auto cells = Cells(line);
  for (size_t k = 1; k < cells.size(); ++k) {
    gutters.emplace_back(line.words[cells[k - 1].second - 1]->bbox.x1,
                         line.words[cells[k].first]->bbox.x0);
  }
  return gutters;
}

// A body line's cells under the table's first line (its header, when it has one): two words that
// stand apart in a gap of the first line are in two cells too, however narrow the gap (a table
// set so tight that a cell's text nearly touches the next column: "Elaboración de  porce" under
// "Denominación   UM").
std::vector<std::pair<size_t, size_t>> CellsUnder(
    const TextLine& line, const std::vector<std::pair<double, double>>& head_gutters) {
  std::vector<std::pair<size_t, size_t>> cells;
  for (const auto& [a, b] : Cells(line)) {
    size_t from = a;
    for (size_t k = a + 1; k < b; ++k) {
      const double x0 = line.words[k - 1]->bbox.x1, x1 = line.words[k]->bbox.x0;
      const double em = std::max(Em(*line.words[k - 1]), Em(*line.words[k]));
      const bool under_gap = x1 - x0 >= kApartEm * em &&
                             std::any_of(head_gutters.begin(), head_gutters.end(), [&](auto g) {
                               return std::min(x1, g.second) > std::max(x0, g.first);
                             });
      if (!under_gap) continue;
      cells.emplace_back(from, k);
      from = k;
    }
    cells.emplace_back(from, b);
  }
  return cells;
}

// The outer edges of a ladder's columns: its first label's left and its last label's right, as
// far from the label's centre as the boundary on its other side (the columns of a ladder are
// alike), and where each label starts and ends.
struct LadderEnd {
  double left_edge, first_x0;
  double right_edge, last_x1;
};

LadderEnd EndsOf(const TextLine& line, size_t first, size_t last) {
  const Word& a = *line.words[first];
  const Word& b = *line.words[first + 1];
  const Word& y = *line.words[last - 2];
  const Word& z = *line.words[last - 1];
  return LadderEnd{2 * CentreX(a) - (a.bbox.x1 + b.bbox.x0) / 2, a.bbox.x0,
                   2 * CentreX(z) - (y.bbox.x1 + z.bbox.x0) / 2, z.bbox.x1};
}

// The boundary in the whitespace [x0, x1): its middle, or, where a ladder's first label stands
// just right of it (its last just left), the edge of that label's column, so that the column is
// as wide as the ladder's others and not as the whitespace beside it (a fill of the first month
// of a grid then covers its cell).
double Boundary(double x0, double x1, const std::vector<LadderEnd>& ends, double em) {
  // A label stands just beside the whitespace when it starts (ends) within a font size of it,
  // a point's rounding inside it aside.
  constexpr double kRounding = 1.0;
  double at = (x0 + x1) / 2;
  for (const LadderEnd& e : ends) {
    if (e.first_x0 >= x1 - kRounding && e.first_x0 - x1 <= em && e.left_edge > at &&
        e.left_edge < x1)
      at = e.left_edge;
    if (e.last_x1 <= x0 + kRounding && x0 - e.last_x1 <= em && e.right_edge < at &&
        e.right_edge > x0)
      at = e.right_edge;
  }
  return at;
}

// A column boundary, in the whitespace [x0, x1).
struct Cut {
  double at = 0, x0 = 0, x1 = 0;
};

// The gap between two labels of a ladder, and the ladder's step.
struct LabelGap {
  double x0 = 0, x1 = 0, step = 0;
};

// The gaps between the labels of the ladder [a, b) of `line`, added to `gaps`.
void AddLabelGaps(const TextLine& line, size_t a, size_t b, std::vector<LabelGap>* gaps) {
  for (size_t k = a + 1; k < b; ++k) {
    gaps->push_back(LabelGap{line.words[k - 1]->bbox.x1, line.words[k]->bbox.x0,
                             CentreX(*line.words[k]) - CentreX(*line.words[k - 1])});
  }
}

// A ladder's label heads one column: where the whitespace between two labels holds two cuts or
// more (labels set flush left over marks centred under them leave whitespace on either side of
// each mark), only the widest stays. A cut that also falls between the labels of a finer ladder
// stays (the week columns under a row of months).
std::vector<Cut> OneCutPerLabelGap(const std::vector<Cut>& cuts,
                                   const std::vector<LabelGap>& gaps) {
  const auto in = [](const Cut& c, const LabelGap& g) {
    const double middle = (c.x0 + c.x1) / 2;
    return middle >= g.x0 && middle <= g.x1;
  };
  std::vector<Cut> kept;
  for (const Cut& c : cuts) {
    // The finest ladder gaps holding the cut (one per line at most): the cut is narrower than
    // another in one of them.
    std::vector<const LabelGap*> holding;
    double finest = std::numeric_limits<double>::infinity();
    for (const LabelGap& g : gaps) {
      if (!in(c, g)) continue;
      holding.push_back(&g);
      finest = std::min(finest, g.step);
    }
    const bool narrower = std::any_of(holding.begin(), holding.end(), [&](const LabelGap* g) {
      return g->step == finest && std::any_of(cuts.begin(), cuts.end(), [&](const Cut& d) {
               return in(d, *g) && d.x1 - d.x0 > c.x1 - c.x0;
             });
    });
    if (!narrower) kept.push_back(c);
  }
  return kept;
}

// Column boundaries where the cells of the multi-column lines leave the page empty. The gaps a
// header sets (the first line's gaps between cells, a ladder's gaps: see Ladder) divide columns
// however narrow; a ladder's gaps even when a line or two cross them (a total's label over two
// month columns).
std::vector<double> Columns(const std::vector<TextLine>& lines, size_t first, size_t last,
                            const std::vector<bool>& multi) {
  double left = lines[first].bbox.x0, right = lines[first].bbox.x1, em = 0;
  int count = 0;
  for (size_t i = first; i < last; ++i) {
    left = std::min(left, lines[i].bbox.x0);
    right = std::max(right, lines[i].bbox.x1);
    if (multi[i]) {
      ++count;
      em = std::max(em, lines[i].font_size);
    }
  }
  if (!std::isfinite(right - left)) return {left, right};
  // Cover is counted per point, coarser across lines wider than kMaxCoverPoints.
  const double step = std::max(1.0, (right - left) / kMaxCoverPoints);
  const int width = static_cast<int>(std::ceil((right - left) / step)) + 1;
  std::vector<int> cover(static_cast<size_t>(width), 0);
  std::vector<bool> set_gap(static_cast<size_t>(width), false);
  std::vector<bool> ladder_gap(static_cast<size_t>(width), false);
  auto at = [&](double x) { return std::clamp(static_cast<int>((x - left) / step), 0, width - 1); };
  const std::vector<std::pair<double, double>> head = Gutters(lines[first]);
  for (const auto& [x0, x1] : head) {
    for (int x = at(x0); x < at(x1); ++x) set_gap[static_cast<size_t>(x)] = true;
  }
  std::vector<LadderEnd> ends;
  std::vector<LabelGap> gaps;
  for (size_t i = first; i < last; ++i) {
    if (!multi[i]) continue;
    const TextLine& line = lines[i];
    for (const auto& [a, b] : i == first ? Cells(line) : CellsUnder(line, head)) {
      for (int x = at(line.words[a]->bbox.x0); x < at(line.words[b - 1]->bbox.x1); ++x)
        ++cover[static_cast<size_t>(x)];
    }
    for (const auto& [a, b] : Segments(line)) {
      if (!Ladder(line, a, b)) continue;
      for (size_t k = a + 1; k < b; ++k) {
        for (int x = at(line.words[k - 1]->bbox.x1); x < at(line.words[k]->bbox.x0); ++x)
          set_gap[static_cast<size_t>(x)] = ladder_gap[static_cast<size_t>(x)] = true;
      }
    }
    for (const auto& [a, b] : Ladders(line)) {
      ends.push_back(EndsOf(line, a, b));
      AddLabelGaps(line, a, b, &gaps);
    }
  }
  const int allowed = static_cast<int>(kCrossingShare * count);
  const int ladder_allowed = std::max(1, static_cast<int>(kLadderCrossingShare * count));
  auto open = [&](int x) {
    const auto i = static_cast<size_t>(x);
    return cover[i] <= (ladder_gap[i] ? ladder_allowed : allowed);
  };
  std::vector<Cut> cuts;
  for (int x = 0; x < width;) {
    if (!open(x)) {
      ++x;
      continue;
    }
    int end = x;
    while (end < width && open(end)) ++end;
    const bool wide =
        (end - x) * step >= kMinGutterEm * em || set_gap[static_cast<size_t>((x + end) / 2)];
    if (x > 0 && end < width && wide) {
      const double x0 = left + x * step, x1 = left + end * step;
      cuts.push_back(Cut{Boundary(x0, x1, ends, em), x0, x1});
    }
    x = end;
  }
  std::vector<double> xs{left};
  for (const Cut& c : OneCutPerLabelGap(cuts, gaps)) {
    xs.push_back(c.at);
  }
  xs.push_back(right);
  return xs;
}

// Whether a line's words fill two or more columns, each inside its own (a word may reach over a
// boundary by kOverhangEm: a cell's text wider than its column's gap).
bool FillsColumns(const TextLine& line, const std::vector<double>& xs) {
  std::vector<size_t> filled;
  for (const Word* w : line.words) {
    const double slack = kOverhangEm * Em(*w);
    const auto c =
        static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), CentreX(*w)) - xs.begin());
    if (c == 0 || c == xs.size() || w->bbox.x0 < xs[c - 1] - slack || w->bbox.x1 > xs[c] + slack)
      return false;
    if (filled.empty() || filled.back() != c) filled.push_back(c);
  }
  return filled.size() >= 2;
}

Grid BuildGrid(const std::vector<TextLine>& lines, size_t first, size_t last,
               std::vector<double> xs) {
  Grid grid;
  grid.xs = std::move(xs);
  grid.ys.push_back(lines[first].bbox.y0);
  for (size_t i = first + 1; i < last; ++i) {
    grid.ys.push_back((lines[i - 1].bbox.y1 + lines[i].bbox.y0) / 2);
  }
  grid.ys.push_back(lines[last - 1].bbox.y1);
  grid.bbox = BBox{grid.xs.front(), grid.ys.front(), grid.xs.back(), grid.ys.back()};
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.cols(); ++c) {
      grid.cells.push_back(
          GridCell{r, c, 1, 1, BBox{grid.xs[c], grid.ys[r], grid.xs[c + 1], grid.ys[r + 1]}, {}});
    }
  }
  for (size_t i = first; i < last; ++i) {
    for (const Word* w : lines[i].words) {
      const double x = CentreX(*w);
      int c = 0;
      while (c + 1 < grid.cols() && x >= grid.xs[static_cast<size_t>(c) + 1]) ++c;
      grid.cells[(i - first) * static_cast<size_t>(grid.cols()) + static_cast<size_t>(c)]
          .words.push_back(w);
    }
  }
  return grid;
}

// Whether `line` (one cell's text wrapped) stands inside one cell of `row`, from its cell
// `first_cell` on: left of the second cell (a long text in the first column), or from a later
// cell's left edge (a word's overhang aside) to short of the next cell.
bool InsideACell(const TextLine& line, const TextLine& row, size_t first_cell = 0) {
  const std::vector<std::pair<size_t, size_t>> cells = Cells(row);
  for (size_t c = first_cell; c < cells.size(); ++c) {
    const Word& opening = *row.words[cells[c].first];
    const bool from_edge =
        c == 0 || line.bbox.x0 >= opening.bbox.x0 - kOverhangEm * Em(*line.words.front());
    const bool short_of_next =
        c + 1 == cells.size() || line.bbox.x1 < row.words[cells[c + 1].first]->bbox.x0;
    if (from_edge && short_of_next) return true;
  }
  return false;
}

// Whether `line`, not parted into cells, is a cell's text of `row` wrapped: in the row's size of
// type, a few lines or any number inside one cell (`wrapped`: the lines before it so wrapped);
// or, in any size, inside a cell right of the first (OCR reads the size of each line anew, and
// one in capitals and descenders comes out larger: "empresas y Organismos").
bool WrapsCell(const TextLine& line, const TextLine& row, size_t wrapped) {
  if (SameSize(line, row)) return wrapped < kMaxWrappedLines || InsideACell(line, row);
  return InsideACell(line, row, 1);
}

// Whether another line of the page reads word for word as line `i` (a header printed over each
// part of a plan).
bool PrintedAgain(const std::vector<TextLine>& lines, size_t i) {
  const auto same = [&](const TextLine& other) {
    return &other != &lines[i] && other.words.size() == lines[i].words.size() &&
           std::equal(other.words.begin(), other.words.end(), lines[i].words.begin(),
                      [](const Word* a, const Word* b) { return a->text == b->text; });
  };
  return std::any_of(lines.begin(), lines.end(), same);
}

}  // namespace

std::vector<StreamTable> FindStreamTables(const std::vector<TextLine>& lines) {
  std::vector<bool> multi(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) multi[i] = Cells(lines[i]).size() >= 2;
  std::vector<StreamTable> tables;
  for (size_t i = 0; i < lines.size();) {
    if (!multi[i]) {
      ++i;
      continue;
    }
    size_t j = i + 1, last_multi = i;
    int count = 1;
    while (j < lines.size() && Near(lines[j - 1], lines[j])) {
      if (multi[j]) {
        if (!GoesOn(lines[last_multi], lines[j], last_multi == i)) break;
        last_multi = j;
        ++count, ++j;
        continue;
      }
      // Wrapped lines of a cell, when the table goes on after them (WrapsCell).
      size_t k = j;
      while (k < lines.size() && !multi[k] && Near(lines[k - 1], lines[k]) &&
             WrapsCell(lines[k], lines[last_multi], k - j))
        ++k;
      if (k == lines.size() || !multi[k] || !Near(lines[k - 1], lines[k]) ||
          !GoesOn(lines[last_multi], lines[k], last_multi == i))
        break;
      j = k;
    }
    // A short run of lines of cells that closes the page: a table's header whose body opens the
    // next page (laid on its columns there: LayOnColumns, and joined to it by the layout).
    const bool closes_page =
        j == lines.size() && count >= kMinFootLines && j - i == static_cast<size_t>(count);
    // A header whose labels stand as a ladder, set in bold over lines in regular type or printed
    // again elsewhere on the page (OCR tells no bold), sets the columns of even one row under it
    // (a part of a plan with one activity).
    const bool headed = count >= 2 &&
                        ((lines[i].bold && !lines[i + 1].bold) || PrintedAgain(lines, i)) &&
                        HasLadder(lines[i]);
    if (count >= kMinTableLines || closes_page || headed) {
      std::vector<double> xs = Columns(lines, i, j, multi);
      // The last row's wrapped lines, which start right of the first column or fill two columns
      // in the row's size, or stand inside a cell right of the first in any (WrapsCell).
      while (xs.size() >= 3 && j < lines.size() && !multi[j] && Near(lines[j - 1], lines[j]) &&
             ((SameSize(lines[last_multi], lines[j]) &&
               (lines[j].bbox.x0 >= xs[1] || FillsColumns(lines[j], xs))) ||
              InsideACell(lines[j], lines[last_multi], 1)))
        ++j;
      if (xs.size() >= 3) {
        tables.push_back(StreamTable{BuildGrid(lines, i, j, std::move(xs)), i, j,
                                     count < kMinTableLines && closes_page});
      }
    }
    i = j;
  }
  return tables;
}

void LayOnColumns(const std::vector<TextLine>& lines, const std::vector<double>& xs,
                  StreamTable* table) {
  if (xs.size() < 3) return;
  const Grid& grid = table->grid;
  std::optional<size_t> previous;
  for (int c = 0; c < grid.cols(); ++c) {
    std::vector<double> centres;
    for (int r = 0; r < grid.rows(); ++r) {
      for (const Word* w : grid.cells[static_cast<size_t>(r * grid.cols() + c)].words)
        centres.push_back(CentreX(*w));
    }
    if (centres.empty()) continue;
    std::nth_element(centres.begin(), centres.begin() + static_cast<long>(centres.size() / 2),
                     centres.end());
    const double middle = centres[centres.size() / 2];
    if (middle < xs.front() || middle >= xs.back()) return;
    const auto into =
        static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), middle) - xs.begin());
    if (previous && into <= *previous) return;
    previous = into;
  }
  table->grid = BuildGrid(lines, table->first_line, table->last_line, xs);
}

}  // namespace oplex
