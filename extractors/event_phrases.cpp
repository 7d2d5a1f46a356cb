#include "extractors/event_phrases.h"

namespace oplex {

size_t Distance(Span a, Span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

bool Overlap(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

std::vector<Span> MatchAll(const RE2& re, std::string_view text) {
  std::vector<Span> out;
  const re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  re2::StringPiece m;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto begin = static_cast<size_t>(m.data() - text.data());
    const size_t end = begin + m.size();
    if (end == begin) {  // patterns are checked not to match empty text, but be safe
      pos = begin + 1;
      continue;
    }
    out.push_back(Span{begin, end});
    pos = end;
  }
  return out;
}

std::optional<std::string> FirstKind(std::string_view text, const EventRules& rules,
                                     std::initializer_list<EventRules::Evidence> evidence) {
  const FoldedText folded = FoldWithOffsets(text);
  const std::vector<Hit> hits =
      FindHits(rules.kinds(), folded, QuotedRanges(text), [&](const EventRules::KindPattern& k) {
        return std::find(evidence.begin(), evidence.end(), k.evidence) != evidence.end();
      });
  if (hits.empty()) return std::nullopt;
  return rules.kinds()[hits.front().rule].kind;
}

size_t AddEvent(Event e, Extraction* out) {
  if (e.date) {
    for (size_t i = 0; i < out->events.size(); ++i) {
      const Event& known = out->events[i];
      if (known.date == e.date && known.kind == e.kind &&
          (!known.body || !e.body || known.body == e.body)) {
        return i;
      }
    }
  }
  out->events.push_back(std::move(e));
  return out->events.size() - 1;
}

}  // namespace oplex
