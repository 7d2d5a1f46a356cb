#include "extractors/table/column_profile.h"

#include <cctype>
#include <cstdlib>
#include <set>

namespace oplex {
namespace {

// The share of numbered rows whose number must exceed the one above for the column to count as
// a numbering.
constexpr double kIncreasingShare = 0.8;

std::optional<double> LeadingNumber(const std::string& folded) {
  if (folded.empty() || !std::isdigit(static_cast<unsigned char>(folded.front()))) {
    return std::nullopt;
  }
  return std::atof(folded.c_str());
}

}  // namespace

std::vector<ColumnProfile> ProfileColumns(const std::vector<std::vector<TypedCell>>& rows,
                                          size_t body_from, size_t columns) {
  std::vector<ColumnProfile> out(columns);
  const int kinds = static_cast<int>(CellKind::kText) + 1;
  for (size_t c = 0; c < columns; ++c) {
    ColumnProfile& p = out[c];
    p.share.assign(static_cast<size_t>(kinds), 0.0);
    int body = 0, words = 0, leading = 0, steps = 0, ups = 0;
    std::optional<double> last;
    std::set<std::string> seen;
    // Where the column stands: its header cells of one column too (a header with no body yet,
    // at the foot of a page, still places its columns).
    for (size_t r = 0; r < body_from && r < rows.size(); ++r) {
      if (c >= rows[r].size()) continue;
      const Cell& cell = *rows[r][c].cell;
      if (cell.bbox && !cell.covered && cell.col_span == 1) {
        p.bbox = p.bbox ? Union(*p.bbox, *cell.bbox) : *cell.bbox;
      }
    }
    for (size_t r = body_from; r < rows.size(); ++r) {
      if (c >= rows[r].size()) continue;
      const TypedCell& cell = rows[r][c];
      ++body;
      p.share[static_cast<size_t>(cell.kind)] += 1;
      if (const auto& box = cell.cell->bbox) {
        p.bbox = p.bbox ? Union(*p.bbox, *box) : *box;
        if (!cell.cell->covered && cell.cell->col_span == 1) {
          p.own_bbox = p.own_bbox ? Union(*p.own_bbox, *box) : *box;
        }
      }
      if (cell.kind == CellKind::kEmpty || cell.kind == CellKind::kFilled) continue;
      ++p.cells;
      seen.insert(cell.folded);
      words += cell.words;
      if (auto n = LeadingNumber(cell.folded)) {
        ++leading;
        if (last) {
          ++steps;
          ups += *n > *last ? 1 : 0;
        }
        last = n;
      }
    }
    if (body > 0) {
      for (double& share : p.share) share /= body;
    }
    if (p.cells > 0) {
      p.mean_words = static_cast<double>(words) / p.cells;
      p.leading_number = static_cast<double>(leading) / p.cells;
      p.distinct = static_cast<double>(seen.size()) / p.cells;
    }
    // A lone number (a table of one row) is a numbering of one.
    p.increasing = leading > 0 && ups >= kIncreasingShare * steps;
  }
  return out;
}

}  // namespace oplex
