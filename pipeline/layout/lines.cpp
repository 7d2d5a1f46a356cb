#include "pipeline/layout/lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/normalize/join.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// A line ends short (a hard break) when the next line's first word and this many font sizes
// of space would still have fitted before the cell's edge. A line that ends a sentence before
// one that opens with a capital also starts a new item (deliverables listed one per line).
constexpr double kHardBreakSlack = 1.0;
// Glyphs that open a list item.
constexpr const char* kBullets[] = {"•", "▪", "◦", "●", "-", "–", "·"};

// A row of labels that sets columns by itself: at least this many short labels ...
constexpr size_t kMinLadderLabels = 4;
// ... of at most this many characters ...
constexpr size_t kMaxLadderLabelChars = 3;
// ... whose centres step evenly (columns of one width), or whose gaps do (columns as wide as
// their labels, as a web page or a word processor sizes them): each step within this share of
// the first one, and which stand apart (kApartEm, lines.h).
constexpr double kLadderStepSlack = 0.15;

double Height(const Word& w) { return w.bbox.y1 - w.bbox.y0; }
double CenterY(const BBox& b) { return (b.y0 + b.y1) / 2; }

bool Vertical(const Word& w) { return w.rotation % 2 == 1; }

// The bullet the text opens with, if any (its length in bytes).
size_t BulletLength(const std::string& text) {
  for (const char* b : kBullets) {
    const std::string bullet(b);
    if (text.rfind(bullet, 0) == 0 && text.size() > bullet.size() && text[bullet.size()] == ' ') {
      return bullet.size();
    }
  }
  return 0;
}

// The first and the last code point of a text; -1 when it is empty or malformed.
UChar32 FirstCodePoint(std::string_view s) {
  int32_t i = 0;
  UChar32 c = -1;
  if (!s.empty()) U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}
UChar32 LastCodePoint(std::string_view s) {
  auto i = static_cast<int32_t>(s.size());
  UChar32 c = -1;
  if (i > 0) U8_PREV(s.data(), 0, i, c);
  return c;
}

double Width(const Word& w) { return w.bbox.x1 - w.bbox.x0; }

// The width of a word's first glyph (an even share of the word when its glyphs are unknown).
double FirstGlyphWidth(const Word& w) {
  if (!w.glyphs.empty()) return w.glyphs.front().x1 - w.glyphs.front().x0;
  int32_t count = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(w.text.size());) {
    U8_FWD_1(w.text.data(), i, static_cast<int32_t>(w.text.size()));
    ++count;
  }
  return Width(w) / std::max(1, count);
}

// Whether `line` is full in a cell whose lines may be `available` wide: not even the first letter
// of `next` would have fitted after it.
bool Full(const TextLine& line, const TextLine& next, double available) {
  return available - (line.bbox.x1 - line.bbox.x0) < FirstGlyphWidth(*next.words.front());
}

// Whether `line` may end inside a word that `next` goes on: it ends in a letter, the next line
// opens with a lowercase letter, the line is full, and its last word and the next line's first
// word read as one would not fit on a line of their own.
bool MayBreakWord(const TextLine& line, const TextLine& next, double available) {
  const Word& last = *line.words.back();
  const Word& first = *next.words.front();
  if (Vertical(last) || Vertical(first)) return false;
  const UChar32 end = LastCodePoint(last.text), start = FirstCodePoint(first.text);
  return end >= 0 && start >= 0 && u_isalpha(end) && u_islower(start) &&
         Full(line, next, available) && Width(last) + Width(first) > available;
}

// Whether a full `line` ends in a number's decimal point that `next` goes on after ("11." over
// "11"): the number was broken at the cell's edge. (A comma may end an item of a list, "4,800,"
// over "1,663": only the point is taken.)
bool BreaksNumber(const TextLine& line, const TextLine& next, double available) {
  const std::string& end = line.words.back()->text;
  const std::string& start = next.words.front()->text;
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  const bool number_then_point =
      end.size() >= 2 && end.back() == '.' &&
      std::all_of(end.begin(), end.end() - 1, [&](char c) { return digit(c) || c == ','; });
  return number_then_point && digit(start.front()) && !Vertical(*line.words.back()) &&
         Full(line, next, available);
}

// Which lines of a cell go on the line before them without a space, the two parts of a word
// broken at the cell's edge. A renderer that meets a word longer than a line breaks it, with no
// hyphen, after the last letter that fits ("%Dete/rminac/iones"); a shorter word it moves down
// whole. A full line that ends in a letter before one that opens in lowercase may be either (a
// narrow column of short words fills its lines too: "grado de / avance"), so a break is taken as
// inside a word only where the word is seen to be longer than a line: the line before the break
// is all one piece of a word already going on from the line above, or the line after it is all
// one piece and full again (the word goes on beyond it). A number broken after its decimal point
// is always glued (BreaksNumber).
std::vector<bool> WordBreaks(const std::vector<TextLine>& lines, double available) {
  std::vector<bool> glued(lines.size(), false);
  for (size_t i = 1; i < lines.size(); ++i) {
    if (BreaksNumber(lines[i - 1], lines[i], available)) {
      glued[i] = true;
      continue;
    }
    if (!MayBreakWord(lines[i - 1], lines[i], available)) continue;
    const bool word_goes_on = lines[i - 1].words.size() == 1 && glued[i - 1];
    const bool word_goes_further = lines[i].words.size() == 1 && i + 1 < lines.size() &&
                                   MayBreakWord(lines[i], lines[i + 1], available);
    glued[i] = word_goes_on || word_goes_further;
  }
  return glued;
}

bool EndsSentence(const std::string& text) {
  return !text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ':');
}

// Whether the line ends in a word of at most three letters, all in lower case ("de", "la",
// "del", "y").
bool EndsInShortWord(const TextLine& line) {
  const std::string& last = line.words.back()->text;
  int32_t i = 0, letters = 0;
  const auto n = static_cast<int32_t>(last.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(last.data(), i, n, c);
    if (c < 0 || !u_islower(c)) return false;
    ++letters;
  }
  return letters > 0 && letters <= 3;
}

// Whether the word opens with a capital and goes on in lower case ("Comité", not "CONOCER").
bool TitleCase(const std::string& word) {
  if (!StartsUppercase(word)) return false;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(word.size());
  UChar32 c = 0;
  U8_NEXT(word.data(), i, n, c);
  if (i >= n) return false;
  U8_NEXT(word.data(), i, n, c);
  return c >= 0 && u_islower(c);
}

// Where lines are centred or fill their cell, where the next word would have fitted is no test
// of a hard break (centred lines' ends say only half of what they leave). There, in a list of
// items that open with a capital (`item`, the one `previous` is a line of), a line that opens with
// one (`text`) starts an item of its own unless the line before leads into a name: it ends in a
// short word in lower case (an article or a preposition: "por parte del" over "CONOCER"), or in
// a capitalised word after others ("las instancias del Comité" over "Coordinador"; an acronym
// closes its name).
bool OpensAnItem(const TextLine& previous, std::string_view text, std::string_view item) {
  return StartsUppercase(text) && StartsUppercase(item) && !EndsInShortWord(previous) &&
         !(previous.words.size() > 1 && TitleCase(previous.words.back()->text));
}

// Whether the lines may be set centred: every line's middle within half a font size of the
// first line's. Lines that all fill the cell share their middle too, and there where a line ends
// tells as little as it does under centring.
bool SharedMiddle(const std::vector<TextLine>& lines) {
  if (lines.size() < 2) return false;
  const double em = Em(*lines.front().words.front());
  const double middle = (lines.front().bbox.x0 + lines.front().bbox.x1) / 2;
  return std::all_of(lines.begin(), lines.end(), [&](const TextLine& line) {
    return std::abs((line.bbox.x0 + line.bbox.x1) / 2 - middle) <= 0.5 * em;
  });
}

// The size half the line's letters or more are set in at most, and half at least.
double BodySize(const TextLine& line) {
  std::vector<std::pair<double, size_t>> sizes;
  size_t letters = 0;
  for (const Word* w : line.words) {
    sizes.emplace_back(Em(*w), CodePoints(w->text));
    letters += sizes.back().second;
  }
  std::sort(sizes.begin(), sizes.end());
  size_t seen = 0;
  for (const auto& [size, n] : sizes) {
    seen += n;
    if (2 * seen >= letters) return size;
  }
  return line.font_size;
}

}  // namespace

double Em(const Word& w) { return w.font_size > 0 ? w.font_size : Height(w); }

namespace {

// The middle of `measure` over `words` (not empty).
template <typename Measure>
double MiddleOf(const std::vector<const Word*>& words, Measure measure) {
  std::vector<double> values;
  values.reserve(words.size());
  for (const Word* w : words) values.push_back(measure(*w));
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

}  // namespace

double LineHeight(const std::vector<const Word*>& words) { return MiddleOf(words, Height); }

double LineSize(const std::vector<const Word*>& words) { return MiddleOf(words, Em); }

bool Ladder(const TextLine& line, size_t first, size_t last) {
  if (last - first < kMinLadderLabels) return false;
  // Steps between the labels' centres, and gaps between their edges: either even will do, each
  // within kLadderStepSlack of the first.
  const Word& a = *line.words[first];
  const Word& b = *line.words[first + 1];
  const double step = CentreX(b) - CentreX(a), gap = b.bbox.x0 - a.bbox.x1;
  bool even_steps = true, even_gaps = true;
  for (size_t i = first; i < last; ++i) {
    const Word& w = *line.words[i];
    if (CodePoints(w.text) > kMaxLadderLabelChars) return false;
    if (i == first) continue;
    const Word& prev = *line.words[i - 1];
    const double em = std::max(Em(w), Em(prev));
    if (w.bbox.x0 - prev.bbox.x1 < kApartEm * em) return false;
    even_steps =
        even_steps && std::abs(CentreX(w) - CentreX(prev) - step) <= kLadderStepSlack * step;
    even_gaps = even_gaps && std::abs(w.bbox.x0 - prev.bbox.x1 - gap) <= kLadderStepSlack * gap;
  }
  return even_steps || even_gaps;
}

std::vector<std::pair<size_t, size_t>> Ladders(const TextLine& line) {
  std::vector<std::pair<size_t, size_t>> ladders;
  size_t start = 0;
  for (size_t k = 0; k <= line.words.size(); ++k) {
    if (k < line.words.size() && CodePoints(line.words[k]->text) <= kMaxLadderLabelChars) continue;
    if (Ladder(line, start, k)) ladders.emplace_back(start, k);
    start = k + 1;
  }
  return ladders;
}

std::vector<TextLine> BuildLines(const std::vector<const Word*>& words) {
  std::vector<const Word*> sorted = words;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Word* a, const Word* b) {
    return CenterY(a->bbox) < CenterY(b->bbox);
  });
  std::vector<TextLine> lines;
  // A word joins the line whose band it overlaps by half its height or the band's: the band is
  // where the line's words stand on average (their mean top and bottom), not their union, which
  // one tall box (an accent OCR read as part of the word, a bracket) would stretch over the
  // next line of a tightly set cell.
  double top_sum = 0, bottom_sum = 0;
  std::vector<size_t> vertical;  // the vertical lines, by index
  for (const Word* w : sorted) {
    TextLine* into = nullptr;
    if (!Vertical(*w) && !lines.empty() && !Vertical(*lines.back().words.front())) {
      TextLine& last = lines.back();
      const double n = static_cast<double>(last.words.size());
      const double top = top_sum / n, bottom = bottom_sum / n;
      const double overlap = std::min(bottom, w->bbox.y1) - std::max(top, w->bbox.y0);
      if (overlap >= 0.5 * std::min(Height(*w), bottom - top)) into = &last;
    } else if (Vertical(*w)) {
      // The next word of a vertical line: set the same way, across the same band of the page.
      for (size_t v : vertical) {
        TextLine& line = lines[v];
        const double overlap =
            std::min(line.bbox.x1, w->bbox.x1) - std::max(line.bbox.x0, w->bbox.x0);
        if (line.words.front()->rotation == w->rotation &&
            overlap >= 0.5 * std::min(Width(*w), line.bbox.x1 - line.bbox.x0)) {
          into = &line;
        }
      }
    }
    if (into == nullptr) {
      if (Vertical(*w)) vertical.push_back(lines.size());
      lines.push_back(TextLine{{}, w->bbox, 0, true});
      into = &lines.back();
      top_sum = bottom_sum = 0;
    }
    into->words.push_back(w);
    into->bbox = Union(into->bbox, w->bbox);
    into->font_size = std::max(into->font_size, Em(*w));
    into->bold = into->bold && w->bold;
    if (!Vertical(*w)) {  // the band of the last line, which is horizontal
      top_sum += w->bbox.y0;
      bottom_sum += w->bbox.y1;
    }
  }
  for (TextLine& line : lines) {
    // In reading order: left to right, up a line set upwards, down one set downwards.
    std::sort(line.words.begin(), line.words.end(), [](const Word* a, const Word* b) {
      switch (a->rotation) {
        case 1:
          return a->bbox.y0 < b->bbox.y0;
        case 3:
          return a->bbox.y1 > b->bbox.y1;
        default:
          return a->bbox.x0 < b->bbox.x0;
      }
    });
    line.body_size = BodySize(line);
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const TextLine& a, const TextLine& b) { return a.bbox.y0 < b.bbox.y0; });
  return lines;
}

std::vector<std::pair<size_t, size_t>> Segments(const TextLine& line) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (size_t i = 1; i <= line.words.size(); ++i) {
    if (i == line.words.size() ||
        line.words[i]->bbox.x0 - line.words[i - 1]->bbox.x1 >
            kColumnGapEm * std::max(Em(*line.words[i]), Em(*line.words[i - 1]))) {
      out.emplace_back(start, i);
      start = i;
    }
  }
  return out;
}

std::string LineText(const TextLine& line, size_t first, size_t last) {
  std::string out;
  for (size_t i = first; i < last; ++i) {
    const Word& w = *line.words[i];
    if (i > first) {
      const Word& prev = *line.words[i - 1];
      if (prev.space_after || w.bbox.x0 - prev.bbox.x1 > 0.15 * Em(w)) out += ' ';
    }
    out += w.text;
  }
  return out;
}

std::string WordsText(const std::vector<const Word*>& words, const BBox& cell, bool ruled,
                      bool* list) {
  std::string out;
  const TextLine* previous = nullptr;
  const std::vector<TextLine> lines = BuildLines(words);
  // The cell's padding: the narrowest margin of its lines to its left rule (text is left-aligned
  // or centred), the same on the right.
  double padding = cell.x1 - cell.x0;
  for (const TextLine& line : lines) padding = std::min(padding, line.bbox.x0 - cell.x0);
  const double available = cell.x1 - cell.x0 - 2 * std::max(0.0, padding);
  const std::vector<bool> glued = ruled ? WordBreaks(lines, available) : std::vector<bool>{};
  const bool centred = SharedMiddle(lines);  // or filling the cell
  size_t item = 0;                           // where the last item of `out` begins
  for (size_t i = 0; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    std::string text = LineText(line, 0, line.words.size());
    const Word& first = *line.words.front();
    const bool ended_short =
        previous != nullptr &&
        (centred
             ? OpensAnItem(*previous, text, std::string_view(out).substr(item))
             : previous->bbox.x1 + kHardBreakSlack * Em(first) + (first.bbox.x1 - first.bbox.x0) <
                   cell.x1);
    const bool broken = previous != nullptr && first.rotation % 2 == 0 &&
                        (ended_short || (EndsSentence(out) && StartsUppercase(text)));
    if (const size_t bullet = BulletLength(text); bullet > 0 && bullet < text.size()) {
      text = text.substr(bullet);
      text.erase(0, text.find_first_not_of(' '));
      *list = true;
      if (!out.empty()) out += '\n';
      item = out.size();
      out += text;
    } else if (ruled && glued[i]) {
      out += text;
    } else if (broken) {
      out += '\n';
      item = out.size();
      out += text;
    } else {
      AppendLine(text, &out);
    }
    previous = &line;
  }
  return out;
}

}  // namespace oplex
