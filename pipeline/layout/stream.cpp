#include "pipeline/layout/stream.h"

#include <algorithm>
#include <cmath>

namespace oplex {
namespace {

// A table has at least this many lines with column gaps, and two columns.
constexpr int kMinTableLines = 3;
// Lines further apart than this many line heights are not one table.
constexpr double kMaxLineGap = 1.5;
// A column gap may be crossed by this share of the table's lines (a long title, a stray cell).
constexpr double kCrossingShare = 0.1;
// Lines of one table differ in font size by at most this (points).
constexpr double kSameSizeSlack = 0.5;
// A cell wraps over at most this many lines without column gaps.
constexpr size_t kMaxWrappedLines = 4;
// The narrowest gap between columns, in font sizes.
constexpr double kMinGutterEm = 0.5;

// Line b goes on the table of line a: close below it, in the same size of type (a heading in
// larger type under a table is not its last row).
bool Close(const TextLine& a, const TextLine& b) {
  return b.bbox.y0 - a.bbox.y1 <= kMaxLineGap * std::max(a.font_size, b.font_size) &&
         std::abs(a.font_size - b.font_size) <= kSameSizeSlack;
}

// Column boundaries where the segments of the multi-column lines leave the page empty.
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
  const int width = static_cast<int>(std::ceil(right - left)) + 1;
  std::vector<int> cover(static_cast<size_t>(width), 0);
  for (size_t i = first; i < last; ++i) {
    if (!multi[i]) continue;
    for (const auto& [a, b] : Segments(lines[i])) {
      const int from = static_cast<int>(std::floor(lines[i].words[a]->bbox.x0 - left));
      const int to = static_cast<int>(std::ceil(lines[i].words[b - 1]->bbox.x1 - left));
      for (int x = std::max(0, from); x < std::min(width, to); ++x) ++cover[static_cast<size_t>(x)];
    }
  }
  const int allowed = static_cast<int>(kCrossingShare * count);
  std::vector<double> xs{left};
  for (int x = 0; x < width;) {
    if (cover[static_cast<size_t>(x)] > allowed) {
      ++x;
      continue;
    }
    int end = x;
    while (end < width && cover[static_cast<size_t>(end)] <= allowed) ++end;
    if (x > 0 && end < width && end - x >= kMinGutterEm * em) xs.push_back(left + (x + end) / 2.0);
    x = end;
  }
  xs.push_back(right);
  return xs;
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
      const double x = (w->bbox.x0 + w->bbox.x1) / 2;
      int c = 0;
      while (c + 1 < grid.cols() && x >= grid.xs[static_cast<size_t>(c) + 1]) ++c;
      grid.cells[(i - first) * static_cast<size_t>(grid.cols()) + static_cast<size_t>(c)]
          .words.push_back(w);
    }
  }
  return grid;
}

}  // namespace

std::vector<StreamTable> FindStreamTables(const std::vector<TextLine>& lines) {
  std::vector<bool> multi(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) multi[i] = Segments(lines[i]).size() >= 2;
  std::vector<StreamTable> tables;
  for (size_t i = 0; i < lines.size();) {
    if (!multi[i]) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    int count = 1;
    while (j < lines.size() && Close(lines[j - 1], lines[j])) {
      if (multi[j]) {
        ++count, ++j;
        continue;
      }
      // Wrapped lines of a cell, when the table goes on after them.
      size_t k = j;
      while (k < lines.size() && k - j < kMaxWrappedLines && !multi[k] &&
             Close(lines[k - 1], lines[k]))
        ++k;
      if (k == lines.size() || !multi[k] || !Close(lines[k - 1], lines[k])) break;
      j = k;
    }
    if (count >= kMinTableLines) {
      std::vector<double> xs = Columns(lines, i, j, multi);
      // The last row's wrapped lines, which start right of the first column.
      while (xs.size() >= 3 && j < lines.size() && !multi[j] && Close(lines[j - 1], lines[j]) &&
             lines[j].bbox.x0 >= xs[1])
        ++j;
      if (xs.size() >= 3)
        tables.push_back(StreamTable{BuildGrid(lines, i, j, std::move(xs)), i, j});
    }
    i = j;
  }
  return tables;
}

}  // namespace oplex
