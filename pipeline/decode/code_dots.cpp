#include "pipeline/decode/code_dots.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/decode/numeric_cells.h"

namespace oplex {
namespace {

// The pixels around a word's box looked at, beyond the box OCR gave.
constexpr int kMargin = 2;
// A word's paper is the grey level this share of its pixels is darker than (the paper around
// and between the digits is most of them); its ink, the darkest pixel.
constexpr double kPaperRank = 0.8;
// Marks are what is darker than the paper by one of these shares of the word's contrast: the
// first takes in the pale halo of a blurred dot, which binarization loses; the darker ones part
// a dot from the halo of the digit it nearly touches.
constexpr double kMarkShares[] = {0.12, 0.2, 0.28};
// A dot is darker than the paper by at least this share of the contrast somewhere: grain is not.
constexpr double kDotShare = 0.18;
// Below this contrast (grey levels) there is no ink to tell a dot by.
constexpr int kMinContrast = 40;
// As shares of the digits' height: a digit's mark is at least this tall; a dot is at most this
// tall and wide, ends this close to the digits' baseline and starts below their middle.
constexpr double kDigitHeight = 0.6;
constexpr double kDotHeight = 0.35;
constexpr double kDotWidth = 0.4;
constexpr double kDotFromBaseline = 0.25;
constexpr double kDotBelow = 0.5;
// A column's words of digits are codes when at least this share of them show dots.
constexpr double kDottedShare = 0.5;
// A column's codes of one length take a shape that at least this many of them show.
constexpr int kShapeWords = 2;
// The margin around a code where its digits are read again, as a share of its height.
constexpr double kReadMargin = 0.3;
// Codes of a table without rules open their lines at one left edge, within this share of their
// height, and a column of them has at least kMinEdgeCodes (a number that opens one line of a
// paragraph is no code).
constexpr double kEdgeSlack = 0.5;
constexpr size_t kMinEdgeCodes = 3;

struct Mark {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pixels of the crop, x1 and y1 past the end
  int darkest = 255;
};

int CountDigits(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  }));
}

// Whether `text` is what a code is read as: 2 to kMaxCodeDigits digits, and dots between them.
bool IsCodeText(const std::string& text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  if (!std::all_of(text.begin(), text.end(), [](char c) {
        return c == '.' || std::isdigit(static_cast<unsigned char>(c));
      })) {
    return false;
  }
  const int digits = CountDigits(text);
  return digits >= 2 && digits <= kMaxCodeDigits;
}

// The grey level that `rank` of the pixels of `crop` are darker than.
int GreyAtRank(PIX* crop, double rank) {
  std::vector<int> counts(256, 0);
  const int w = pixGetWidth(crop), h = pixGetHeight(crop);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = pixGetData(crop) + static_cast<ptrdiff_t>(y) * pixGetWpl(crop);
    for (int x = 0; x < w; ++x) ++counts[GET_DATA_BYTE(line, x)];
  }
  const double wanted = rank * w * h;
  double seen = 0;
  for (int level = 0; level < 256; ++level) {
    seen += counts[level];
    if (seen >= wanted) return level;
  }
  return 255;
}

// The marks darker than `level` in `crop`, each with its darkest grey.
std::vector<Mark> MarksIn(PIX* crop, int level) {
  std::vector<Mark> marks;
  const PixPtr ink(pixThresholdToBinary(crop, level));
  if (!ink) return marks;
  PIXA* pieces = nullptr;
  const BoxaPtr boxes(pixConnComp(ink.get(), &pieces, 8));
  if (!boxes || pieces == nullptr) {
    pixaDestroy(&pieces);
    return marks;
  }
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    const PixPtr piece(pixaGetPix(pieces, i, L_CLONE));
    Mark m{x, y, x + w, y + h, 255};
    for (int dy = 0; dy < h; ++dy) {
      for (int dx = 0; dx < w; ++dx) {
        l_uint32 on = 0, grey = 255;
        pixGetPixel(piece.get(), dx, dy, &on);
        if (on == 0) continue;
        pixGetPixel(crop, x + dx, y + dy, &grey);
        m.darkest = std::min(m.darkest, static_cast<int>(grey));
      }
    }
    marks.push_back(m);
  }
  pixaDestroy(&pieces);
  return marks;
}

// The dot found in each gap between the `digits` digits of `crop` among its marks darker than
// `level`: nothing for each when the digits are not `digits` marks of their own at that level.
std::vector<std::optional<Mark>> DotsBetweenDigits(PIX* crop, int level, size_t digits) {
  std::vector<std::optional<Mark>> gaps(digits > 0 ? digits - 1 : 0);
  const std::vector<Mark> marks = MarksIn(crop, level);
  int height = 0;
  for (const Mark& m : marks) height = std::max(height, m.y1 - m.y0);
  std::vector<Mark> tall;
  for (const Mark& m : marks) {
    if (m.y1 - m.y0 >= kDigitHeight * height) tall.push_back(m);
  }
  if (tall.size() != digits || digits < 2) return gaps;
  std::sort(tall.begin(), tall.end(), [](const Mark& a, const Mark& b) { return a.x0 < b.x0; });
  std::vector<int> tops, bottoms;
  for (const Mark& d : tall) tops.push_back(d.y0), bottoms.push_back(d.y1);
  std::nth_element(tops.begin(), tops.begin() + tops.size() / 2, tops.end());
  std::nth_element(bottoms.begin(), bottoms.begin() + bottoms.size() / 2, bottoms.end());
  const int top = tops[tops.size() / 2], baseline = bottoms[bottoms.size() / 2];
  for (const Mark& m : marks) {
    const int w = m.x1 - m.x0, h = m.y1 - m.y0;
    if (h > kDotHeight * height || w > kDotWidth * height) continue;
    if (m.y1 < baseline - kDotFromBaseline * height || m.y0 < top + kDotBelow * height) continue;
    const double x = (m.x0 + m.x1) / 2.0;
    for (size_t i = 0; i + 1 < tall.size(); ++i) {
      if (x > tall[i].x1 && x < tall[i + 1].x0) gaps[i] = m;
    }
  }
  return gaps;
}

// Per digit of `text`: whether a dot follows it.
std::vector<bool> DotsRead(const std::string& text) {
  std::vector<bool> after;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) continue;
    after.push_back(i + 1 < text.size() && text[i + 1] == '.');
  }
  return after;
}

// The dots found between the digits of `word` on `gray`, and their marks; nothing when it is
// not a code's text or shows too little ink.
struct DotsFound {
  std::vector<bool> after;
  std::vector<BBox> marks;
  int paper = 255;
};
std::optional<DotsFound> FindDots(const Word& word, PIX* gray, double ppp) {
  if (!IsCodeText(word.text)) return std::nullopt;
  const BoxPtr box = PixelBox(word.bbox, ppp, kMargin);
  const PixPtr crop(pixClipRectangle(gray, box.get(), nullptr));
  if (!crop) return std::nullopt;
  l_int32 crop_x = 0, crop_y = 0;
  boxGetGeometry(box.get(), &crop_x, &crop_y, nullptr, nullptr);
  crop_x = std::max(0, crop_x), crop_y = std::max(0, crop_y);
  DotsFound out;
  out.paper = GreyAtRank(crop.get(), kPaperRank);
  const int contrast = out.paper - GreyAtRank(crop.get(), 0);
  if (contrast < kMinContrast) return std::nullopt;
  const size_t digits = static_cast<size_t>(CountDigits(word.text));
  out.after.assign(digits, false);
  for (double share : kMarkShares) {
    const int level = out.paper - static_cast<int>(std::lround(share * contrast));
    const std::vector<std::optional<Mark>> gaps = DotsBetweenDigits(crop.get(), level, digits);
    for (size_t i = 0; i < gaps.size(); ++i) {
      if (!gaps[i] || out.after[i] || out.paper - gaps[i]->darkest < kDotShare * contrast) {
        continue;
      }
      // The widest of its marks (the palest level's) takes the whole dot out.
      out.after[i] = true;
      out.marks.push_back(BBox{(crop_x + gaps[i]->x0) / ppp, (crop_y + gaps[i]->y0) / ppp,
                               (crop_x + gaps[i]->x1) / ppp, (crop_y + gaps[i]->y1) / ppp});
    }
  }
  return out;
}

// `digits` with a dot after each one whose index is in `after`, and glyphs to match: `glyphs`
// when they spell `digits` (the dots between them), none otherwise.
Word Spell(const Word& base, const std::string& digits, const std::vector<Glyph>& glyphs,
           const std::vector<bool>& after) {
  Word out = base;
  out.text.clear();
  out.glyphs.clear();
  std::string spelled;
  for (const Glyph& g : glyphs) spelled += g.text;
  const bool keep_glyphs = spelled == digits;
  for (size_t i = 0; i < digits.size(); ++i) {
    out.text += digits[i];
    if (keep_glyphs) out.glyphs.push_back(glyphs[i]);
    if (i + 1 < digits.size() && i < after.size() && after[i]) {
      out.text += '.';
      if (keep_glyphs) out.glyphs.push_back(Glyph{".", glyphs[i].x1, glyphs[i + 1].x0});
    }
  }
  return out;
}

// A column of codes of a table without rules: its left edge, and its words.
struct EdgeColumn {
  double left = 0;
  // Each word's index among the page's, and how far right it is read again: up to the next word
  // of its line, or kReadMargin of its height beyond it.
  std::vector<std::pair<size_t, double>> words;
};

// The columns of codes of tables without rules: of the `unruled` words (indices into `words`:
// read as codes, in no ruled column), those that open their lines, grouped by their left edge
// (within kEdgeSlack of their height), at least kMinEdgeCodes to a group, each group's words in
// the page's order.
std::vector<EdgeColumn> EdgeColumns(const std::vector<size_t>& unruled,
                                    const std::vector<Word>& words) {
  std::vector<std::pair<size_t, double>> opening;  // word, right bound
  for (size_t k : unruled) {
    const BBox& b = words[k].bbox;
    const double height = b.y1 - b.y0;
    double right = b.x1 + kReadMargin * height;
    bool opens = true;
    for (const Word& other : words) {
      const BBox& o = other.bbox;
      if (&other == &words[k] || std::min(b.y1, o.y1) - std::max(b.y0, o.y0) < height / 2) continue;
      if (o.x1 <= b.x0) opens = false;
      if (o.x0 >= b.x1) right = std::min(right, o.x0);
    }
    if (opens) opening.emplace_back(k, right);
  }
  std::sort(opening.begin(), opening.end(), [&](const auto& a, const auto& b) {
    return words[a.first].bbox.x0 < words[b.first].bbox.x0;
  });
  std::vector<EdgeColumn> columns;
  for (const auto& [k, right] : opening) {
    const BBox& b = words[k].bbox;
    if (columns.empty() ||
        b.x0 - words[columns.back().words.back().first].bbox.x0 > kEdgeSlack * (b.y1 - b.y0)) {
      columns.push_back(EdgeColumn{b.x0, {}});
    }
    columns.back().words.emplace_back(k, right);
  }
  std::erase_if(columns, [](const EdgeColumn& c) { return c.words.size() < kMinEdgeCodes; });
  for (EdgeColumn& c : columns) std::sort(c.words.begin(), c.words.end());
  return columns;
}

std::string DigitsOf(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) digits += c;
  }
  return digits;
}

}  // namespace

std::vector<CodeWord> CodesToRead(const Graphics& graphics, const std::vector<Word>& words,
                                  PIX* gray, double ppp) {
  struct Column {
    int words = 0;   // words of digits, with or without dots
    int dotted = 0;  // of which show dots, read or found
    std::vector<CodeWord> codes;
  };
  std::map<std::pair<long, long>, Column> columns;
  // Word k of the column `key`, read again between `left` and `right` at most.
  const auto add = [&](size_t k, std::pair<long, long> key, double left, double right) {
    const Word& w = words[k];
    const auto found = FindDots(w, gray, ppp);
    if (!found) return;
    CodeWord code;
    code.word = k;
    code.column = key;
    code.dot_after = DotsRead(w.text);
    for (size_t i = 0; i < code.dot_after.size(); ++i) {
      code.misread = code.misread || (found->after[i] && !code.dot_after[i]);
      code.dot_after[i] = code.dot_after[i] || found->after[i];
    }
    code.dots = found->marks;
    code.paper = found->paper;
    const double margin = kReadMargin * (w.bbox.y1 - w.bbox.y0);
    code.box = BBox{std::max(left, w.bbox.x0 - margin), w.bbox.y0 - margin,
                    std::min(right, w.bbox.x1 + margin), w.bbox.y1 + margin};
    Column& c = columns[key];
    ++c.words;
    c.dotted += std::count(code.dot_after.begin(), code.dot_after.end(), true) > 0;
    c.codes.push_back(std::move(code));
  };
  std::vector<size_t> unruled;
  for (size_t k = 0; k < words.size(); ++k) {
    if (!IsCodeText(words[k].text)) continue;
    if (const auto rules = RuledColumn(graphics.v_rules, words[k].bbox)) {
      add(k, {std::lround(rules->first), std::lround(rules->second)}, rules->first, rules->second);
    } else {
      unruled.push_back(k);
    }
  }
  // A column without rules is known by its left edge (no rule stands at a negative x).
  for (const EdgeColumn& column : EdgeColumns(unruled, words)) {
    for (const auto& [k, right] : column.words) add(k, {-1, std::lround(column.left)}, 0.0, right);
  }
  std::vector<CodeWord> out;
  for (auto& [key, c] : columns) {
    if (c.dotted < kDottedShare * c.words) continue;
    for (CodeWord& code : c.codes) out.push_back(std::move(code));
  }
  return out;
}

PixPtr WithoutDots(PIX* gray, const std::vector<CodeWord>& codes, double ppp) {
  PixPtr out(pixCopy(nullptr, gray));
  if (!out) return out;
  for (const CodeWord& code : codes) {
    for (const BBox& dot : code.dots) {
      pixSetInRectArbitrary(out.get(), PixelBox(dot, ppp, 1).get(),
                            static_cast<l_uint32>(code.paper));
    }
  }
  return out;
}

void PutCodes(const std::vector<CodeWord>& codes, const std::vector<Word>& digits,
              std::vector<Word>* words) {
  // What each code reads as: its digits, and its dots.
  std::vector<std::string> read(codes.size());
  std::vector<std::vector<Glyph>> glyphs(codes.size());
  std::vector<std::vector<bool>> after(codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    const Word& first = (*words)[codes[i].word];
    read[i] = DigitsOf(first.text);
    for (const Glyph& g : first.glyphs) {
      if (std::isdigit(static_cast<unsigned char>(g.text.empty() ? ' ' : g.text[0])) != 0) {
        glyphs[i].push_back(g);
      }
    }
    after[i] = codes[i].dot_after;
    if (!codes[i].misread) continue;
    for (const Word& d : digits) {
      const double x = (d.bbox.x0 + d.bbox.x1) / 2, y = (d.bbox.y0 + d.bbox.y1) / 2;
      const BBox& b = codes[i].box;
      if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) continue;
      if (d.text.size() == read[i].size() && DigitsOf(d.text) == d.text) {
        read[i] = d.text;
        glyphs[i] = d.glyphs;
      }
    }
  }
  // The shape of the codes of one column with as many digits: the dots that several show.
  std::map<std::pair<std::pair<long, long>, size_t>, std::map<std::vector<bool>, int>> shapes;
  for (size_t i = 0; i < codes.size(); ++i) ++shapes[{codes[i].column, read[i].size()}][after[i]];
  for (size_t i = 0; i < codes.size(); ++i) {
    // A word read with all the dots found is left as read ("1.10" among "1.1.1" and "1.1.2").
    if (!codes[i].misread) continue;
    for (const auto& [shape, count] : shapes[{codes[i].column, read[i].size()}]) {
      if (count < kShapeWords) continue;
      bool part = true;
      for (size_t k = 0; k < shape.size(); ++k) part = part && (!after[i][k] || shape[k]);
      const auto dots = [](const std::vector<bool>& v) {
        return std::count(v.begin(), v.end(), true);
      };
      if (part && dots(shape) > dots(after[i])) after[i] = shape;
    }
  }
  for (size_t i = 0; i < codes.size(); ++i) {
    Word& w = (*words)[codes[i].word];
    w = Spell(w, read[i], glyphs[i], after[i]);
  }
}

}  // namespace oplex
