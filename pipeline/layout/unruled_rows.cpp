#include "pipeline/layout/unruled_rows.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "pipeline/layout/lines.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// A record fills at least this many cells of its row.
constexpr size_t kRecordCells = 2;
// A record's number or code has at most this many characters ("1.1.10").
constexpr size_t kNumberChars = 6;

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

// The words of all of `cells`.
std::vector<const Word*> WordsOf(const std::vector<GridCell*>& cells) {
  std::vector<const Word*> words;
  for (const GridCell* c : cells) words.insert(words.end(), c->words.begin(), c->words.end());
  return words;
}

// Where whitespace runs across all of `cells` at least kRowGap line heights high: the middle of
// each such gap, top to bottom.
std::vector<double> WideGaps(const std::vector<GridCell*>& cells) {
  std::vector<const Word*> words = WordsOf(cells);
  if (words.size() < 2) return {};
  std::sort(words.begin(), words.end(),
            [](const Word* a, const Word* b) { return a->bbox.y0 < b->bbox.y0; });
  const double gap = kRowGap * LineSize(words);
  std::vector<double> middles;
  double bottom = words.front()->bbox.y1;
  for (const Word* w : words) {
    if (w->bbox.y0 - bottom >= gap) middles.push_back((bottom + w->bbox.y0) / 2);
    bottom = std::max(bottom, w->bbox.y1);
  }
  return middles;
}

// Whether the words of a cell's line are one short number or code ("1", "1.1", "2.-", "A.1").
bool NumbersARecord(const TextLine& line) {
  if (line.words.size() != 1) return false;
  const std::string& text = line.words.front()->text;
  return CodePoints(text) <= kNumberChars &&
         std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The numbers a code is made of, in order ("1.2" → 1, 2; "A.3" → 3).
std::vector<long> NumbersOf(const std::string& code) {
  std::vector<long> numbers;
  for (size_t i = 0; i < code.size();) {
    if (!std::isdigit(static_cast<unsigned char>(code[i]))) {
      ++i;
      continue;
    }
    long n = 0;
    for (; i < code.size() && std::isdigit(static_cast<unsigned char>(code[i])); ++i) {
      n = std::min(n * 10 + (code[i] - '0'), 1'000'000L);
    }
    numbers.push_back(n);
  }
  return numbers;
}

// Where the leftmost filled cell of `cells` numbers their records, a number or code to a line
// in increasing order ("1", "2", "3"; "1.1", "1.2"; not "11." over "11", a figure its narrow
// cell broke), at least two: a cut above each of its lines but the first, halfway from the
// middle of the line above it (in any cell) to its own.
std::vector<double> NumberedLines(const std::vector<GridCell*>& cells) {
  const GridCell* first = nullptr;
  for (const GridCell* c : cells) {
    if (!c->words.empty() && (first == nullptr || c->col < first->col)) first = c;
  }
  if (first == nullptr) return {};
  const std::vector<TextLine> lines = BuildLines(first->words);
  if (lines.size() < 2 || !std::all_of(lines.begin(), lines.end(), NumbersARecord)) return {};
  for (size_t i = 1; i < lines.size(); ++i) {
    if (!(NumbersOf(lines[i - 1].words.front()->text) < NumbersOf(lines[i].words.front()->text)))
      return {};
  }
  const std::vector<const Word*> words = WordsOf(cells);
  const double half_line = LineHeight(words) / 2;
  std::vector<double> cuts;
  for (size_t i = 1; i < lines.size(); ++i) {
    const double own = CentreY(*lines[i].words.front());
    double above = CentreY(*lines[i - 1].words.front());
    for (const Word* w : words) {
      if (CentreY(*w) < own - half_line) above = std::max(above, CentreY(*w));
    }
    cuts.push_back((above + own) / 2);
  }
  return cuts;
}

// How many of `cells` hold a word whose middle lies in [top, bottom).
size_t FilledBetween(const std::vector<GridCell*>& cells, double top, double bottom) {
  return static_cast<size_t>(std::count_if(cells.begin(), cells.end(), [&](const GridCell* c) {
    return std::any_of(c->words.begin(), c->words.end(),
                       [&](const Word* w) { return CentreY(*w) >= top && CentreY(*w) < bottom; });
  }));
}

// The cuts of row `r` that part records: of its wide gaps, those with a record on each side.
// A part filling fewer than kRecordCells cells goes on the part above it (the first, on the one
// below), the cut between them dropped.
std::vector<double> RecordCuts(Grid& grid, int r) {
  const std::vector<GridCell*> cells = CellsOf(grid, r);
  std::vector<double> cuts = WideGaps(cells);
  // Records set tight, no whitespace between them, parted by their numbers.
  if (cuts.empty()) cuts = NumberedLines(cells);
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
