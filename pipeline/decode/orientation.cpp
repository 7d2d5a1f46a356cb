#include "pipeline/decode/orientation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace oplex {
namespace {

// A ruling line is at least this long (inches); no glyph is.
constexpr double kRuleInches = 0.25;
// Glyphs: larger than a speck, smaller than a heading's capitals (inches).
constexpr double kMinGlyphInches = 1.0 / 60;
constexpr double kMaxGlyphInches = 0.2;
// A letter's box is no more than this many times longer one way than the other: the pieces of a
// broken rule are, and are not counted when looking for text.
constexpr int kLetterAspect = 3;
// The samples read in the trial: squares this many inches wide, placed in steps of
// kTrialStepInches where letters are densest. The small one (half a dozen lines of body text) is
// read first, as it costs a quarter of the large one (about a dozen lines), which is read only
// when the small one leaves the trial undecided.
constexpr std::array<double, 2> kTrialInches = {1.25, 2.5};
constexpr double kTrialStepInches = 0.25;
// A way up wins the trial with at least this many letters read with confidence (a few words),
// and this many times as many as any other way up.
constexpr int kMinLegibleLetters = 20;
constexpr int kClearMargin = 3;

int QuarterTurns(l_int32 orient) {
  switch (orient) {
    case L_TEXT_ORIENT_LEFT:
      return 1;
    case L_TEXT_ORIENT_DOWN:
      return 2;
    case L_TEXT_ORIENT_RIGHT:
      return 3;
    default:
      return 0;
  }
}

// The square `inches` wide where letter-shaped glyphs are densest, in pixels (the whole page when
// it is smaller than the square).
BoxPtr DensestSquare(PIX* glyphs, int dpi, double inches) {
  const int w = pixGetWidth(glyphs), h = pixGetHeight(glyphs);
  const int step = std::max(1, static_cast<int>(kTrialStepInches * dpi));
  const int side = static_cast<int>(inches * dpi);
  if (w <= side && h <= side) return BoxPtr(boxCreate(0, 0, w, h));
  const int cols = (w + step - 1) / step, rows = (h + step - 1) / step;
  std::vector<int> count(static_cast<size_t>(cols) * rows, 0);
  const BoxaPtr boxes(pixConnCompBB(glyphs, 8));
  const int min_h = std::max(2, static_cast<int>(kMinGlyphInches * 2 * dpi));
  for (int i = 0; boxes && i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, bw = 0, bh = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &bw, &bh);
    if (bh < min_h || bw * kLetterAspect < bh || bh * kLetterAspect < bw) continue;
    ++count[static_cast<size_t>((y + bh / 2) / step) * cols + (x + bw / 2) / step];
  }
  const int span_x = std::min(cols, side / step), span_y = std::min(rows, side / step);
  int best = -1, best_x = 0, best_y = 0;
  for (int y = 0; y + span_y <= rows; ++y) {
    for (int x = 0; x + span_x <= cols; ++x) {
      int sum = 0;
      for (int j = 0; j < span_y; ++j) {
        for (int i = 0; i < span_x; ++i) sum += count[static_cast<size_t>(y + j) * cols + x + i];
      }
      if (sum > best) best = sum, best_x = x, best_y = y;
    }
  }
  return BoxPtr(boxCreate(best_x * step, best_y * step, span_x * step, span_y * step));
}

}  // namespace

PixPtr GlyphsOnly(PIX* binary, int dpi) {
  const int rule = std::max(8, static_cast<int>(kRuleInches * dpi));
  // Composite bricks: about the same length in a few dozen rasterops instead of one per pixel.
  PixPtr h_rules(pixOpenCompBrick(nullptr, binary, rule, 1));
  PixPtr v_rules(pixOpenCompBrick(nullptr, binary, 1, rule));
  PixPtr rest(pixSubtract(nullptr, binary, h_rules.get()));
  if (!h_rules || !v_rules || !rest) return nullptr;
  pixSubtract(rest.get(), rest.get(), v_rules.get());
  const int largest = std::max(3, static_cast<int>(kMaxGlyphInches * dpi));
  const int smallest = std::max(1, static_cast<int>(kMinGlyphInches * dpi));
  PixPtr small(
      pixSelectBySize(rest.get(), largest, largest, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LTE, nullptr));
  if (!small) return nullptr;
  return PixPtr(pixSelectBySize(small.get(), smallest, smallest, 8, L_SELECT_IF_EITHER,
                                L_SELECT_IF_GT, nullptr));
}

AscenderVote VoteByAscenders(PIX* glyphs) {
  AscenderVote vote;
  if (pixOrientDetect(glyphs, &vote.up, &vote.left, 0, 0) != 0) return vote;
  // Both signals are needed to tell the axis; a page with too few ascenders either way gives 0.
  if (vote.up == 0 || vote.left == 0) return vote;
  l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
  makeOrientDecision(vote.up, vote.left, 0.0f, 0.0f, &orient, 0);
  if (orient != L_TEXT_ORIENT_UNKNOWN) vote.turns = QuarterTurns(orient);
  return vote;
}

std::optional<int> ReadingTrial(PIX* gray, PIX* glyphs, int dpi, bool sideways_first,
                                const LegibilityProbe& probe) {
  const std::array<int, 4> order =
      sideways_first ? std::array<int, 4>{1, 3, 0, 2} : std::array<int, 4>{0, 2, 1, 3};
  for (const double inches : kTrialInches) {
    const BoxPtr square = DensestSquare(glyphs, dpi, inches);
    PixPtr sample(pixClipRectangle(gray, square.get(), nullptr));
    if (!sample) return std::nullopt;
    std::array<int, 4> letters = {-1, -1, -1, -1};
    // The best way up of those read so far, if it is clear of every other one read.
    auto winner = [&]() -> std::optional<int> {
      const auto best = std::max_element(letters.begin(), letters.end());
      if (*best < kMinLegibleLetters) return std::nullopt;
      for (auto it = letters.begin(); it != letters.end(); ++it) {
        if (it != best && *it >= 0 && *it * kClearMargin > *best) return std::nullopt;
      }
      return static_cast<int>(best - letters.begin());
    };
    for (size_t i = 0; i < order.size(); ++i) {
      const int turns = order[i];
      PixPtr turned(turns == 0 ? pixClone(sample.get()) : pixRotateOrth(sample.get(), turns));
      letters[turns] = turned ? probe(turned.get(), dpi) : 0;
      // After the two ways of one axis the other is read only when neither of them won.
      if (i == 1) {
        if (auto won = winner()) return won;
      }
    }
    if (auto won = winner()) return won;
    // A page smaller than the small square was read whole: the large one would read it again.
    l_int32 w = 0, h = 0;
    boxGetGeometry(square.get(), nullptr, nullptr, &w, &h);
    if (w == pixGetWidth(gray) && h == pixGetHeight(gray)) break;
  }
  return std::nullopt;
}

int UprightTurns(PIX* binary, PIX* gray, int dpi, const LegibilityProbe& probe) {
  const PixPtr glyphs = GlyphsOnly(binary, dpi);
  if (!glyphs) return 0;
  const AscenderVote vote = VoteByAscenders(glyphs.get());
  // The ascenders tell up from down; a table's strokes can make an upright page look sideways
  // to them, so a sideways verdict is read to be sure, and stands only where reading is undecided.
  const bool sideways = vote.turns && *vote.turns % 2 == 1;
  if (vote.turns && (!sideways || !probe)) return *vote.turns;
  if (!probe) return 0;
  const bool sideways_first = sideways || std::abs(vote.left) > std::abs(vote.up);
  return ReadingTrial(gray, glyphs.get(), dpi, sideways_first, probe)
      .value_or(vote.turns.value_or(0));
}

}  // namespace oplex
