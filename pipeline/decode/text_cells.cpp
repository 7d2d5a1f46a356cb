#include "pipeline/decode/text_cells.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "pipeline/decode/numeric_cells.h"

namespace oplex {
namespace {

// Rules this close (points) are one; a rule crosses a column when it reaches this close to both
// of its sides.
constexpr double kSnap = 2.0;
// A cell's inside keeps this far (points) from the middle of its rules, and is at least this
// tall: a line of small type.
constexpr double kInset = 1.5;
constexpr double kMinHeight = 4.0;
// The margin (points) around a word that the engine reads it in.
constexpr double kWordMargin = 1.0;
// A cell is read again when its words hold at least this many letters, more letters than digits,
// and OCR's confidence in them, by character, is under this.
constexpr size_t kMinLetters = 4;
constexpr double kDoubtedConfidence = 0.85;
// The new reading wins when its confidence is higher by this margin at least, it reads this
// share of the old reading's letters at least, and it keeps this share of the words the page
// pass was sure of (a confidence of kSureWord or more, kMinLetters letters or more).
constexpr double kClearMargin = 0.05;
constexpr double kLetterShare = 0.7;
constexpr double kSureWord = 0.9;
constexpr double kKeptShare = 0.8;
// Two words are read at one place when their boxes overlap by this share of the larger one.
constexpr double kSameWord = 0.5;

// Letters (a byte that starts a character beyond ASCII counts as one: "á", "ñ") and digits.
struct Counts {
  size_t letters = 0, digits = 0, chars = 0;
};

Counts CountOf(std::string_view text) {
  Counts c;
  for (const char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u & 0xC0) == 0x80) continue;  // inside a character
    ++c.chars;
    if (std::isalpha(u) != 0 || u >= 0xC0) {
      ++c.letters;
    } else if (std::isdigit(u) != 0) {
      ++c.digits;
    }
  }
  return c;
}

// OCR's confidence in `words`, by character, and their letters and digits.
struct Reading {
  Counts counts;
  double confidence = 0;
};

template <typename Indexes, typename At>
Reading ReadingOf(const Indexes& indexes, At at) {
  Reading r;
  double weighted = 0;
  for (const auto& i : indexes) {
    const Word& w = at(i);
    const Counts c = CountOf(w.text);
    r.counts.letters += c.letters;
    r.counts.digits += c.digits;
    r.counts.chars += c.chars;
    weighted += w.confidence * static_cast<double>(c.chars);
  }
  if (r.counts.chars > 0) r.confidence = weighted / static_cast<double>(r.counts.chars);
  return r;
}

// A word as compared between readings: without the marks around it ("ITSE." and "ITSE").
std::string_view Bare(std::string_view text) {
  const auto mark = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && std::isalnum(u) == 0;
  };
  while (!text.empty() && mark(text.front())) text.remove_prefix(1);
  while (!text.empty() && mark(text.back())) text.remove_suffix(1);
  return text;
}

// The y of what bounds rows across the column [x0, x1]: the horizontal rules that cross it and
// the top and bottom edges of the fills that span it (a dark header band has no rule under it).
std::vector<double> BoundsAcross(const Graphics& g, double x0, double x1) {
  std::vector<double> ys;
  const auto spans = [&](const BBox& b) { return b.x0 <= x0 + kSnap && b.x1 >= x1 - kSnap; };
  for (const BBox& r : g.h_rules) {
    if (spans(r)) ys.push_back((r.y0 + r.y1) / 2);
  }
  for (const Fill& f : g.fills) {
    if (spans(f.bbox)) ys.insert(ys.end(), {f.bbox.y0, f.bbox.y1});
  }
  std::sort(ys.begin(), ys.end());
  return ys;
}

using CellKey = std::tuple<long, long, long, long>;

// The cell a word stands in: between the rules of its column and the nearest bounds above its
// top and below its bottom. nullopt outside a ruled table.
std::optional<std::pair<CellKey, BBox>> CellOf(const Graphics& g, const Word& w) {
  if (w.rotation != 0) return std::nullopt;
  const auto column = RuledColumn(g.v_rules, w.bbox);
  if (!column) return std::nullopt;
  const auto [x0, x1] = *column;
  const std::vector<double> ys = BoundsAcross(g, x0, x1);
  std::optional<double> top, bottom;
  for (double y : ys) {
    if (y <= w.bbox.y0 + kSnap) top = y;
    if (y >= w.bbox.y1 - kSnap && !bottom) bottom = y;
  }
  if (!top || !bottom) return std::nullopt;
  const BBox box{x0 + kInset, *top + kInset, x1 - kInset, *bottom - kInset};
  if (box.x1 <= box.x0 || box.y1 - box.y0 < kMinHeight) return std::nullopt;
  return std::pair{
      CellKey{std::lround(x0), std::lround(x1), std::lround(*top), std::lround(*bottom)}, box};
}

// Whether two words' boxes are mostly one: their overlap is half the larger's area or more.
bool Covers(const BBox& a, const BBox& b) {
  const double overlap = Area(Intersect(a, b));
  return overlap > 0 && overlap >= kSameWord * std::max(Area(a), Area(b));
}

// Whether the new reading `fresh` of a cell is better than the page pass's `old` (see the
// header).
bool Better(const std::vector<Word>& words, const std::vector<size_t>& old,
            const std::vector<const Word*>& fresh) {
  const auto word_at = [&](size_t k) -> const Word& { return words[k]; };
  const auto fresh_at = [](const Word* w) -> const Word& { return *w; };
  const Reading before = ReadingOf(old, word_at);
  const Reading after = ReadingOf(fresh, fresh_at);
  if (after.confidence < before.confidence + kClearMargin) return false;
  if (static_cast<double>(after.counts.letters) <
      kLetterShare * static_cast<double>(before.counts.letters)) {
    return false;
  }
  std::multiset<std::string_view> read;
  for (const Word* w : fresh) read.insert(Bare(w->text));
  size_t sure = 0, kept = 0;
  for (size_t k : old) {
    const Word& w = words[k];
    if (w.confidence < kSureWord || CountOf(Bare(w.text)).letters < kMinLetters) continue;
    ++sure;
    if (auto it = read.find(Bare(w.text)); it != read.end()) {
      ++kept;
      read.erase(it);
    }
  }
  return static_cast<double>(kept) >= kKeptShare * static_cast<double>(sure);
}

}  // namespace

std::vector<TextCell> TextCellsToRead(const Graphics& graphics, const std::vector<Word>& words) {
  struct Candidate {
    BBox box;
    std::vector<size_t> words;
  };
  std::map<CellKey, Candidate> cells;
  std::vector<std::optional<CellKey>> key_of(words.size());
  for (size_t k = 0; k < words.size(); ++k) {
    auto cell = CellOf(graphics, words[k]);
    if (!cell) continue;
    key_of[k] = cell->first;
    Candidate& c = cells.try_emplace(cell->first, Candidate{cell->second, {}}).first->second;
    c.words.push_back(k);
  }
  std::vector<TextCell> out;
  for (const auto& entry : cells) {
    const CellKey& key = entry.first;
    const Candidate& cell = entry.second;
    // Every word in the box is one of the cell's own: none stands across its rules.
    bool own = true;
    for (size_t k = 0; k < words.size() && own; ++k) {
      if (MiddleIn(words[k].bbox, cell.box) && key_of[k] != key) own = false;
    }
    const bool alone = std::none_of(cells.begin(), cells.end(), [&](const auto& other) {
      return other.first != key && Overlap(other.second.box, cell.box);
    });
    if (!own || !alone) continue;
    const Reading r = ReadingOf(cell.words, [&](size_t k) -> const Word& { return words[k]; });
    if (r.counts.letters < kMinLetters || r.counts.letters <= r.counts.digits ||
        r.confidence >= kDoubtedConfidence) {
      continue;
    }
    // A line set close to its rule reaches past the inset: read up to the rule there.
    BBox box = cell.box;
    for (size_t k : cell.words) {
      box.y0 = std::max(cell.box.y0 - kInset, std::min(box.y0, words[k].bbox.y0 - kWordMargin));
      box.y1 = std::min(cell.box.y1 + kInset, std::max(box.y1, words[k].bbox.y1 + kWordMargin));
    }
    out.push_back(TextCell{box, cell.words});
  }
  return out;
}

void PutTexts(const std::vector<TextCell>& cells, std::vector<Word> read,
              std::vector<Word>* words) {
  std::vector<bool> replaced(words->size(), false);
  std::vector<bool> taken(read.size(), false);
  for (const TextCell& cell : cells) {
    std::vector<const Word*> fresh;
    std::vector<size_t> fresh_at;
    for (size_t i = 0; i < read.size(); ++i) {
      if (!taken[i] && MiddleIn(read[i].bbox, cell.box)) {
        fresh.push_back(&read[i]);
        fresh_at.push_back(i);
      }
    }
    if (fresh.empty() || !Better(*words, cell.words, fresh)) continue;
    for (size_t k : cell.words) replaced[k] = true;
    for (size_t i : fresh_at) taken[i] = true;
    // A word the page pass was surer of than of the words read where it stands stays ("2.40"
    // read again as "2,90").
    for (size_t k : cell.words) {
      const Word& sure = (*words)[k];
      if (sure.confidence < kSureWord) continue;
      std::vector<size_t> over;
      for (size_t i : fresh_at) {
        if (taken[i] && Covers(read[i].bbox, sure.bbox)) over.push_back(i);
      }
      if (over.empty() || std::any_of(over.begin(), over.end(), [&](size_t i) {
            return read[i].confidence >= sure.confidence;
          })) {
        continue;
      }
      replaced[k] = false;
      for (size_t i : over) taken[i] = false;
    }
  }
  std::vector<Word> kept;
  for (size_t k = 0; k < words->size(); ++k) {
    if (!replaced[k]) kept.push_back(std::move((*words)[k]));
  }
  for (size_t i = 0; i < read.size(); ++i) {
    if (taken[i]) kept.push_back(std::move(read[i]));
  }
  *words = std::move(kept);
}

}  // namespace oplex
