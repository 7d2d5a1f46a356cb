// The font sizes of a scanned page grouped into the few it uses (pipeline/decode/font_sizes.h).
#include "pipeline/decode/font_sizes.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>
#include <vector>

namespace oplex {
namespace {

// One word per reading, each `count` times.
std::vector<Word> WordsOfSizes(const std::vector<std::pair<double, int>>& readings) {
  std::vector<Word> words;
  for (const auto& [size, count] : readings) {
    for (int i = 0; i < count; ++i) {
      Word w;
      w.text = "palabra";
      w.font_size = size;
      words.push_back(w);
    }
  }
  return words;
}

std::set<double> SizesOf(const std::vector<Word>& words) {
  std::set<double> sizes;
  for (const Word& w : words) sizes.insert(w.font_size);
  return sizes;
}

TEST(FontSizes, OneBodySizeReadOverARangeIsOneSize) {
  // What OCR read on p.15 of the AGS plan printed by Chromium without borders and scanned at
  // 200 dpi: one body size read from 11.1 to 12.9 points, and a heading at 16.1. Cut at 12.45
  // (12 % above the smallest reading), the body's lines fell into two sizes and its table broke.
  std::vector<Word> words = WordsOfSizes({{11.12, 41},
                                          {11.13, 5},
                                          {11.33, 1},
                                          {11.46, 25},
                                          {11.67, 79},
                                          {11.78, 2},
                                          {11.79, 1},
                                          {12.00, 37},
                                          {12.22, 6},
                                          {12.30, 6},
                                          {12.33, 37},
                                          {12.44, 71},
                                          {12.67, 3},
                                          {12.89, 6},
                                          {16.14, 3}});
  GroupFontSizes(&words);
  EXPECT_EQ(SizesOf(words), (std::set<double>{12.00, 16.14}));
}

TEST(FontSizes, SizesAPointApartStayApart) {
  // 8 and 9 point type, each read a little differently.
  std::vector<Word> words =
      WordsOfSizes({{7.8, 3}, {8.0, 5}, {8.1, 4}, {8.2, 2}, {8.9, 2}, {9.0, 4}, {9.2, 1}});
  GroupFontSizes(&words);
  EXPECT_EQ(SizesOf(words), (std::set<double>{8.0, 9.0}));
}

TEST(FontSizes, ARunOfReadingsTooWideForOneSizeIsCutAtItsWidestStep) {
  // No step over 5 %, but 35 % from the first reading to the last: two sizes, parted between
  // 11.3 and 11.9.
  std::vector<Word> words = WordsOfSizes(
      {{10.0, 1}, {10.4, 1}, {10.8, 1}, {11.3, 1}, {11.9, 1}, {12.4, 1}, {12.9, 1}, {13.5, 1}});
  GroupFontSizes(&words);
  EXPECT_EQ(SizesOf(words), (std::set<double>{10.8, 12.9}));
}

TEST(FontSizes, OneBodySizeWithLinesReadLargerStaysOneSize) {
  // P.19 of the unruled AGS plan scanned at 300 dpi: the body read from 11.1 to 12.9 and a few
  // lines at 13.3 and 13.6, headings at 15.3 and 16.5. At a 20 % span the run was cut at 11.67
  // | 12.00, inside the body, and its table broke between rows of the two halves.
  std::vector<Word> words = WordsOfSizes({{11.12, 51},
                                          {11.24, 3},
                                          {11.33, 2},
                                          {11.46, 11},
                                          {11.67, 146},
                                          {12.00, 38},
                                          {12.22, 36},
                                          {12.33, 24},
                                          {12.44, 46},
                                          {12.67, 5},
                                          {12.89, 2},
                                          {13.25, 3},
                                          {13.58, 1},
                                          {15.33, 6},
                                          {15.61, 3},
                                          {16.47, 6}});
  GroupFontSizes(&words);
  EXPECT_EQ(SizesOf(words), (std::set<double>{11.67, 15.33, 16.47}));  // two heading sizes
}

}  // namespace
}  // namespace oplex
