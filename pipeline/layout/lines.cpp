#include "pipeline/layout/lines.h"

#include <algorithm>

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

double Height(const Word& w) { return w.bbox.y1 - w.bbox.y0; }
double CenterY(const BBox& b) { return (b.y0 + b.y1) / 2; }

bool Vertical(const Word& w) { return w.rotation % 2 == 1; }

double Em(const Word& w) { return w.font_size > 0 ? w.font_size : Height(w); }

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

bool EndsSentence(const std::string& text) {
  return !text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ':');
}

}  // namespace

std::vector<TextLine> BuildLines(const std::vector<const Word*>& words) {
  std::vector<const Word*> sorted = words;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Word* a, const Word* b) {
    return CenterY(a->bbox) < CenterY(b->bbox);
  });
  std::vector<TextLine> lines;
  for (const Word* w : sorted) {
    TextLine* into = nullptr;
    if (!Vertical(*w) && !lines.empty() && !Vertical(*lines.back().words.front())) {
      TextLine& last = lines.back();
      const double overlap =
          std::min(last.bbox.y1, w->bbox.y1) - std::max(last.bbox.y0, w->bbox.y0);
      if (overlap >= 0.5 * std::min(Height(*w), last.bbox.y1 - last.bbox.y0)) into = &last;
    }
    if (into == nullptr) {
      lines.push_back(TextLine{{}, w->bbox, 0, true});
      into = &lines.back();
    }
    into->words.push_back(w);
    into->bbox = Union(into->bbox, w->bbox);
    into->font_size = std::max(into->font_size, Em(*w));
    into->bold = into->bold && w->bold;
  }
  for (TextLine& line : lines) {
    std::sort(line.words.begin(), line.words.end(),
              [](const Word* a, const Word* b) { return a->bbox.x0 < b->bbox.x0; });
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

std::string WordsText(const std::vector<const Word*>& words, double right, bool* list) {
  std::string out;
  const TextLine* previous = nullptr;
  const std::vector<TextLine> lines = BuildLines(words);
  for (const TextLine& line : lines) {
    std::string text = LineText(line, 0, line.words.size());
    const Word& first = *line.words.front();
    const bool broken =
        previous != nullptr && first.rotation % 2 == 0 &&
        (previous->bbox.x1 + kHardBreakSlack * Em(first) + (first.bbox.x1 - first.bbox.x0) <
             right ||
         (EndsSentence(out) && StartsUppercase(text)));
    if (const size_t bullet = BulletLength(text); bullet > 0 && bullet < text.size()) {
      text = text.substr(bullet);
      text.erase(0, text.find_first_not_of(' '));
      *list = true;
      if (!out.empty()) out += '\n';
      out += text;
    } else if (broken) {
      out += '\n' + text;
    } else {
      AppendLine(text, &out);
    }
    previous = &line;
  }
  return out;
}

}  // namespace oplex
