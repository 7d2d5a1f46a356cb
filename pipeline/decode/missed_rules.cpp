#include "pipeline/decode/missed_rules.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace oplex {
namespace {

// The pieces of `rule` (horizontal when `across`) that none of `cover` runs along.
std::vector<BBox> Uncovered(const BBox& rule, const std::vector<BBox>& cover, bool across) {
  const auto lo = [across](const BBox& b) { return across ? b.x0 : b.y0; };
  const auto hi = [across](const BBox& b) { return across ? b.x1 : b.y1; };
  const auto mid = [across](const BBox& b) {
    return across ? (b.y0 + b.y1) / 2 : (b.x0 + b.x1) / 2;
  };
  std::vector<std::pair<double, double>> spans;
  for (const BBox& c : cover) {
    if (std::abs(mid(c) - mid(rule)) > kSameRuleDistance) continue;
    if (hi(c) > lo(rule) && lo(c) < hi(rule)) spans.emplace_back(lo(c), hi(c));
  }
  std::sort(spans.begin(), spans.end());
  std::vector<BBox> pieces;
  double from = lo(rule);
  const auto add = [&](double to) {
    if (to - from < kMinMissedPiece) return;
    BBox piece = rule;
    (across ? piece.x0 : piece.y0) = from;
    (across ? piece.x1 : piece.y1) = to;
    pieces.push_back(piece);
  };
  for (const auto& [a, b] : spans) {
    add(std::min(a, hi(rule)));
    from = std::max(from, b);
  }
  add(hi(rule));
  return pieces;
}

// The share of the length of `piece` (points; horizontal when `across`) along which `binary`
// has ink across it (a pixel more on each side: the two images place a rule a pixel apart).
double InkAlong(const BBox& piece, bool across, PIX* binary, double ppp) {
  const int w = pixGetWidth(binary), h = pixGetHeight(binary);
  const int x0 = std::max(0, static_cast<int>(piece.x0 * ppp) - (across ? 0 : 1));
  const int x1 = std::min(w, static_cast<int>(piece.x1 * ppp) + (across ? 0 : 2));
  const int y0 = std::max(0, static_cast<int>(piece.y0 * ppp) - (across ? 1 : 0));
  const int y1 = std::min(h, static_cast<int>(piece.y1 * ppp) + (across ? 2 : 0));
  const int length = across ? x1 - x0 : y1 - y0;
  if (length <= 0 || x1 <= x0 || y1 <= y0) return 0;
  const l_uint32* data = pixGetData(binary);
  const int wpl = pixGetWpl(binary);
  int inked = 0;
  for (int along = across ? x0 : y0; along < (across ? x1 : y1); ++along) {
    bool ink = false;
    for (int a = across ? y0 : x0; a < (across ? y1 : x1) && !ink; ++a) {
      const int x = across ? along : a, y = across ? a : along;
      ink = GET_DATA_BIT(data + static_cast<ptrdiff_t>(y) * wpl, x) != 0;
    }
    inked += ink;
  }
  return static_cast<double>(inked) / length;
}

// How many of `others` (vertical when `rule` is horizontal, `across`) `rule` meets or crosses.
int RulesMet(const BBox& rule, const std::vector<BBox>& others, bool across) {
  const double d = kSameRuleDistance;
  return static_cast<int>(std::count_if(others.begin(), others.end(), [&](const BBox& o) {
    const BBox& h = across ? rule : o;
    const BBox& v = across ? o : rule;
    return v.x1 >= h.x0 - d && v.x0 <= h.x1 + d && h.y1 >= v.y0 - d && h.y0 <= v.y1 + d;
  }));
}

// Whether `piece` of a rule (horizontal when `across`) runs through `word`'s box: its middle
// line crosses the box's inside. A word set close to a rule only touches it.
bool RunsThrough(const BBox& piece, bool across, const BBox& word) {
  if (across) {
    const double y = (piece.y0 + piece.y1) / 2;
    return y > word.y0 && y < word.y1 && piece.x0 < word.x1 && word.x0 < piece.x1;
  }
  const double x = (piece.x0 + piece.x1) / 2;
  return x > word.x0 && x < word.x1 && piece.y0 < word.y1 && word.y0 < piece.y1;
}

}  // namespace

Graphics RulesMissedUnderWords(const Graphics& grey, const Graphics& erased,
                               const std::vector<Word>& words, PIX* binary, double ppp) {
  Graphics missed;
  size_t stood_on = 0;  // (piece, word) pairs: the piece runs through the word's box
  for (const bool across : {true, false}) {
    std::vector<BBox>& out = across ? missed.h_rules : missed.v_rules;
    for (const BBox& rule : across ? grey.h_rules : grey.v_rules) {
      if (RulesMet(rule, across ? grey.v_rules : grey.h_rules, across) < kGridRuleMeets) continue;
      for (const BBox& piece : Uncovered(rule, across ? erased.h_rules : erased.v_rules, across)) {
        if (InkAlong(piece, across, binary, ppp) < kMinInkAlong) continue;
        out.push_back(piece);
        stood_on +=
            static_cast<size_t>(std::count_if(words.begin(), words.end(), [&](const Word& w) {
              return RunsThrough(piece, across, w.bbox);
            }));
      }
    }
  }
  const bool worth = stood_on > 0 && static_cast<double>(stood_on) >=
                                         kMinShareOnMissed * static_cast<double>(words.size());
  return worth ? missed : Graphics{};
}

}  // namespace oplex
