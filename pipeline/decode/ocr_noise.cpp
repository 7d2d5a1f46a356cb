#include "pipeline/decode/ocr_noise.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "pipeline/decode/raster.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// A fill's box covers at least this share of a word's box: the word stands on it.
constexpr double kOnFillShare = 0.5;
// How far (points) a bar read as a word may stand beside the rule it is.
constexpr double kOnRule = 1.0;

// Whether `c` is a dash as the engine reads a piece of a horizontal rule: em or en dash, hyphen,
// underscore.
bool IsDash(UChar32 c) { return c == 0x2014 || c == 0x2013 || c == '-' || c == '_'; }

// Whether `text` is rule marks and specks alone.
bool MarksAlone(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = NextCodePoint(text, &i);
    if (IsDash(c)) continue;
    if (c >= 0x80 ||
        std::string_view("|.,;:'`_-=~").find(static_cast<char>(c)) == std::string_view::npos) {
      return false;
    }
  }
  return !text.empty();
}

// The grey of a fill: the mean of its channels.
int Grey(Rgb color) {
  return static_cast<int>(((color >> 16) & 0xFF) + ((color >> 8) & 0xFF) + (color & 0xFF)) / 3;
}

bool OnADarkFill(const Word& w, const std::vector<Fill>& fills) {
  const double area = (w.bbox.x1 - w.bbox.x0) * (w.bbox.y1 - w.bbox.y0);
  if (area <= 0) return false;
  return std::any_of(fills.begin(), fills.end(), [&](const Fill& f) {
    if (Grey(f.color) >= kDarkFill) return false;
    const double x = std::min(w.bbox.x1, f.bbox.x1) - std::max(w.bbox.x0, f.bbox.x0);
    const double y = std::min(w.bbox.y1, f.bbox.y1) - std::max(w.bbox.y0, f.bbox.y0);
    return x > 0 && y > 0 && x * y >= kOnFillShare * area;
  });
}

// Whether `w` is bars alone standing on one of the vertical rules: its box within kOnRule
// points of the rule across, and along the rule for at least half its height.
bool OnAVerticalRule(const Word& w, const std::vector<BBox>& v_rules) {
  if (!BarsAlone(w.text)) return false;
  const double height = w.bbox.y1 - w.bbox.y0;
  return std::any_of(v_rules.begin(), v_rules.end(), [&](const BBox& r) {
    const double along = std::min(w.bbox.y1, r.y1) - std::max(w.bbox.y0, r.y0);
    return w.bbox.x0 >= r.x0 - kOnRule && w.bbox.x1 <= r.x1 + kOnRule && along >= height / 2;
  });
}

// Whether `text` is dashes alone ("—", "_-").
bool DashesAlone(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDash(NextCodePoint(text, &i))) return false;
  }
  return !text.empty();
}

// Whether `w` is dashes alone lying on one of the horizontal rules, or on its line short of its
// end by less than the shortest rule the search for rules finds (a piece too short for it: the
// rule across a narrow column): its box within kOnRule points of the rule across, and, on the
// rule, along it for at least half its width.
bool OnAHorizontalRule(const Word& w, const std::vector<BBox>& h_rules) {
  if (!DashesAlone(w.text)) return false;
  const double width = w.bbox.x1 - w.bbox.x0;
  const double shortest = RasterOptions{}.h_rule_points;
  return std::any_of(h_rules.begin(), h_rules.end(), [&](const BBox& r) {
    if (w.bbox.y0 < r.y0 - kOnRule || w.bbox.y1 > r.y1 + kOnRule) return false;
    const double along = std::min(w.bbox.x1, r.x1) - std::max(w.bbox.x0, r.x0);
    return along >= width / 2 || -along < shortest;
  });
}

// Whether `text` is the marks of rules that cross: bars ("|", and "I", "l", "[", "]" as the
// engine reads a bar beside other marks) and dashes, at least one of each ("|—", "Il—").
bool CrossingMarks(const std::string& text) {
  bool bar = false, dash = false;
  size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = NextCodePoint(text, &i);
    if (IsDash(c)) {
      dash = true;
    } else if (c < 0x80 &&
               std::string_view("|Il[]").find(static_cast<char>(c)) != std::string_view::npos) {
      bar = true;
    } else {
      return false;
    }
  }
  return bar && dash;
}

// Whether `w` is the marks of rules that cross, its box holding a point where a horizontal and
// a vertical rule of the page cross (within kOnRule points).
bool OnACrossing(const Word& w, const Graphics& graphics) {
  if (!CrossingMarks(w.text)) return false;
  const BBox& b = w.bbox;
  return std::any_of(graphics.h_rules.begin(), graphics.h_rules.end(), [&](const BBox& h) {
    const double y = (h.y0 + h.y1) / 2;
    if (y < b.y0 - kOnRule || y > b.y1 + kOnRule) return false;
    return std::any_of(graphics.v_rules.begin(), graphics.v_rules.end(), [&](const BBox& v) {
      const double x = (v.x0 + v.x1) / 2;
      return x >= b.x0 - kOnRule && x <= b.x1 + kOnRule && x >= h.x0 - kOnRule &&
             x <= h.x1 + kOnRule && y >= v.y0 - kOnRule && y <= v.y1 + kOnRule;
    });
  });
}

bool IsNoise(const Word& w, const Graphics& graphics) {
  if (OnAVerticalRule(w, graphics.v_rules) || OnAHorizontalRule(w, graphics.h_rules) ||
      OnACrossing(w, graphics)) {
    return true;
  }
  const std::vector<Fill>& fills = graphics.fills;
  if (w.confidence < kNoiseConfidence && MarksAlone(w.text)) return true;
  if (w.confidence >= kFillNoiseConfidence || CodePoints(w.text) > kNoiseLetters) return false;
  const bool digit = std::any_of(w.text.begin(), w.text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  return !digit && OnADarkFill(w, fills);
}

}  // namespace

bool BarsAlone(const std::string& text) {
  return !text.empty() && text.find_first_not_of('|') == std::string::npos;
}

void DropOcrNoise(const Graphics& graphics, std::vector<Word>* words) {
  std::erase_if(*words, [&](const Word& w) { return IsNoise(w, graphics); });
}

double MiddleHeight(const std::vector<Word>& words) {
  if (words.empty()) return 0;
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.bbox.y1 - w.bbox.y0);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

std::vector<bool> Misshapen(const std::vector<Word>& words) {
  std::vector<bool> out(words.size(), false);
  if (words.empty()) return out;
  const double middle = MiddleHeight(words);
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.confidence >= kFillNoiseConfidence || MarksAlone(w.text)) continue;
    const double width = w.bbox.x1 - w.bbox.x0, height = w.bbox.y1 - w.bbox.y0;
    const auto letters = static_cast<double>(CodePoints(w.text));
    out[i] = width > kMaxLetterWidth * std::max(height, middle) * letters ||
             height > kMaxWordHeight * middle;
  }
  return out;
}

}  // namespace oplex
