#include "extractors/table/header_repeat.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/normalize/edit_distance.h"

namespace oplex {
namespace {

// Two labels are one label read twice when they are at most this many edits apart per letter
// of the longer ("mitarizann" for "autorizado" is not; "hosabre" in "indicador hosabre" is).
constexpr double kMisreadShare = 0.25;
// The header is repeated when at least this share of each header's labels is matched.
constexpr double kMatchedShare = 0.75;

// One label of a header: the columns it spans and where it is printed.
struct Label {
  std::string key;  // letters and digits of the folded label
  std::optional<BBox> box;
};

std::string Key(const std::string& folded) {
  std::string key;
  for (unsigned char c : folded) {
    if (std::isalnum(c) != 0 || c >= 0x80) key.push_back(static_cast<char>(c));
  }
  return key;
}

// The labels of a table's header, left to right: a label spanning several columns once.
std::vector<Label> Labels(const TypedTable& t) {
  std::vector<Label> out;
  for (size_t c = 0; c < t.header.labels.size(); ++c) {
    std::string key = Key(t.header.labels[c]);
    if (key.empty()) continue;
    const bool spans_on = c > 0 && t.header.labels[c] == t.header.labels[c - 1];
    if (!spans_on) out.push_back(Label{std::move(key), std::nullopt});
    Label& label = out.back();
    for (size_t r = 0; r < t.header.rows && r < t.rows.size(); ++r) {
      if (c >= t.rows[r].cells.size()) continue;
      const Cell& cell = *t.rows[r].cells[c].cell;
      if (cell.covered || !cell.bbox) continue;
      label.box = label.box ? Union(*label.box, *cell.bbox) : *cell.bbox;
    }
  }
  return out;
}

bool SameLabel(const Label& a, const Label& b) {
  const size_t longer = std::max(a.key.size(), b.key.size());
  return static_cast<double>(EditDistance(a.key, b.key)) <=
         kMisreadShare * static_cast<double>(longer);
}

// The labels of `a` and `b` matched in order (the longest common subsequence of same labels),
// as index pairs.
std::vector<std::pair<size_t, size_t>> Align(const std::vector<Label>& a,
                                             const std::vector<Label>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<bool>> same(n, std::vector<bool>(m));
  std::vector<std::vector<size_t>> best(n + 1, std::vector<size_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      same[i][j] = SameLabel(a[i], b[j]);
      best[i][j] = same[i][j] ? best[i + 1][j + 1] + 1 : std::max(best[i + 1][j], best[i][j + 1]);
    }
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (same[i][j] && best[i][j] == best[i + 1][j + 1] + 1) {
      pairs.emplace_back(i++, j++);
    } else if (best[i + 1][j] >= best[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

double Centre(const BBox& box) { return (box.x0 + box.x1) / 2; }

}  // namespace

std::optional<double> RepeatedHeaderShift(const TypedTable& table, const TypedTable& next) {
  if (table.header.rows == 0 || next.header.rows == 0) return std::nullopt;
  const std::vector<Label> mine = Labels(table), theirs = Labels(next);
  if (mine.empty() || theirs.empty()) return std::nullopt;
  const auto pairs = Align(mine, theirs);
  const double matched = static_cast<double>(pairs.size());
  if (matched < kMatchedShare * static_cast<double>(mine.size()) ||
      matched < kMatchedShare * static_cast<double>(theirs.size())) {
    return std::nullopt;
  }
  std::vector<double> shifts;
  for (const auto& [i, j] : pairs) {
    if (mine[i].box && theirs[j].box)
      shifts.push_back(Centre(*theirs[j].box) - Centre(*mine[i].box));
  }
  if (shifts.empty()) return 0.0;
  std::nth_element(shifts.begin(), shifts.begin() + static_cast<long>(shifts.size() / 2),
                   shifts.end());
  return shifts[shifts.size() / 2];
}

}  // namespace oplex
