#include "pipeline/decode/font_sizes.h"

#include <algorithm>
#include <utility>

namespace oplex {
namespace {

// How far `larger` stands above `smaller`, as a share of `smaller`.
double Step(double smaller, double larger) {
  return smaller > 0 ? larger / smaller - 1 : (larger > 0 ? 1.0 : 0.0);
}

// Cuts the sorted readings [first, last), one run without a wide step, into sizes that span at
// most kSameSizeShare each: at its widest step, then each part again.
void CutRun(const std::vector<double>& sizes, size_t first, size_t last,
            std::vector<std::pair<size_t, size_t>>* groups) {
  if (last - first < 2 || Step(sizes[first], sizes[last - 1]) <= kSameSizeShare) {
    groups->emplace_back(first, last);
    return;
  }
  size_t cut = first + 1;
  for (size_t k = first + 1; k < last; ++k) {
    if (Step(sizes[k - 1], sizes[k]) > Step(sizes[cut - 1], sizes[cut])) cut = k;
  }
  CutRun(sizes, first, cut, groups);
  CutRun(sizes, cut, last, groups);
}

}  // namespace

void GroupFontSizes(std::vector<Word>* words) {
  std::vector<double> sizes;
  for (const Word& w : *words) sizes.push_back(w.font_size);
  std::sort(sizes.begin(), sizes.end());
  std::vector<std::pair<size_t, size_t>> groups;  // [first, last) of each size's readings
  for (size_t i = 0; i < sizes.size();) {
    size_t j = i + 1;
    while (j < sizes.size() && Step(sizes[j - 1], sizes[j]) <= kSizeStepShare) ++j;
    CutRun(sizes, i, j, &groups);
    i = j;
  }
  for (Word& w : *words) {
    for (const auto& [first, last] : groups) {
      if (w.font_size >= sizes[first] && w.font_size <= sizes[last - 1]) {
        w.font_size = sizes[(first + last) / 2];
        break;
      }
    }
  }
}

}  // namespace oplex
