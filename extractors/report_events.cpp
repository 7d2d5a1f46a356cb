#include "extractors/report_events.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

#include "extractors/sentences.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// A byte range of a sentence.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

size_t Distance(Span a, Span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

bool Overlap(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// A match of the pattern `rule` of some list, in sentence bytes and in folded bytes.
struct Hit {
  size_t rule = 0;
  Span span;
  Span folded;
};

// Every match of `re` in `text`, left to right, without overlaps.
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

// The matches of a list of folded-text patterns in one sentence; where matches of different
// patterns overlap, the earlier pattern's wins. In order of position.
template <typename Pattern, typename Keep>
std::vector<Hit> FindHits(const std::vector<Pattern>& patterns, const FoldedText& folded,
                          const std::vector<std::pair<size_t, size_t>>& quoted, Keep keep) {
  std::vector<Hit> hits;
  for (size_t rule = 0; rule < patterns.size(); ++rule) {
    if (!keep(patterns[rule])) continue;
    for (Span f : MatchAll(*patterns[rule].re, folded.text)) {
      Hit hit{rule, Span{folded.offsets[f.begin], folded.offsets[f.end]}, f};
      if (InQuotes(quoted, hit.span.begin)) continue;
      if (std::any_of(hits.begin(), hits.end(),
                      [&](const Hit& h) { return Overlap(h.span, hit.span); })) {
        continue;
      }
      hits.push_back(hit);
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const Hit& a, const Hit& b) { return a.span.begin < b.span.begin; });
  return hits;
}

constexpr auto kAll = [](const auto&) { return true; };

// Names bodies, given the institutes a sentence names and the document's own.
class BodyNamer {
 public:
  BodyNamer(const EventRules& rules, const Vocabulary& vocab,
            const std::optional<std::string>& own_institute)
      : rules_(rules), vocab_(vocab) {
    for (const Vocabulary::Institute& institute : vocab.institutes()) {
      if (own_institute && institute.code == *own_institute) own_acronym_ = institute.acronym;
    }
  }

  // The name of the body `hit` matched in `folded` (an event_bodies.tsv hit).
  std::string Name(const Hit& hit, const FoldedText& folded) const {
    const EventRules::BodyPattern& pattern = rules_.bodies()[hit.rule];
    if (!pattern.of_institute) return pattern.body;
    std::optional<std::string> acronym = own_acronym_;
    // "consejo general del instituto nacional electoral", "consejo general del ine".
    std::string_view rest = std::string_view(folded.text).substr(hit.folded.end);
    size_t skip = 0;
    for (std::string_view link : {" del ", " de la ", " de "}) {
      if (rest.starts_with(link)) {
        skip = link.size();
        break;
      }
    }
    if (skip > 0) {
      const size_t at = hit.folded.end + skip;
      for (const Vocabulary::InstituteMention& m : vocab_.FindInstitutes(folded.text)) {
        if (m.begin == at) acronym = vocab_.institutes()[m.institute].acronym;
      }
    }
    return acronym ? pattern.body + " del " + *acronym : pattern.body;
  }

 private:
  const EventRules& rules_;
  const Vocabulary& vocab_;
  std::optional<std::string> own_acronym_;
};

// The body the title page names, as the author of events whose sentence names none.
std::optional<std::string> TitleBody(const std::vector<Block>& blocks, const EventRules& rules,
                                     const BodyNamer& namer) {
  std::string opening;
  const size_t count = OpeningBlockCount(blocks);
  for (size_t i = 0; i < count; ++i) {
    if (blocks[i].kind != BlockKind::kParagraph) continue;
    if (!opening.empty()) opening += ' ';
    opening += PlainText(blocks[i].text());
  }
  const FoldedText folded = FoldWithOffsets(opening);
  std::vector<Hit> hits = FindHits(rules.bodies(), folded, {}, kAll);
  if (hits.empty()) return std::nullopt;
  return namer.Name(hits.front(), folded);
}

std::optional<int> ReportYear(const DocumentInfo& doc) {
  if (doc.date && doc.date->size() >= 4) return std::stoi(doc.date->substr(0, 4));
  return doc.year;
}

Provenance Prov(const Sentence& s, double confidence = 1.0) {
  Provenance p = s.provenance;
  p.extractor = kReportEventsExtractor;
  p.confidence *= confidence;
  return p;
}

// Adds a finding unless the same one is known (the document's date line is a sentence too).
void AddFinding(Severity severity, std::string code, std::string message, std::string raw,
                const Sentence& s, Extraction* out) {
  for (const Finding& known : out->findings) {
    if (known.code == code && known.raw_text == raw && known.provenance.page == s.provenance.page &&
        known.provenance.line == s.provenance.line) {
      return;
    }
  }
  Finding f;
  f.severity = severity;
  f.code = std::move(code);
  f.message = std::move(message);
  f.raw_text = std::move(raw);
  f.provenance = Prov(s);
  out->findings.push_back(std::move(f));
}

// An event of one sentence: its index in Extraction::events and where its date stands.
struct SentenceEvent {
  size_t index = 0;
  Span date;
};

class EventReader {
 public:
  EventReader(const EventRules& rules, const BodyNamer& namer, std::optional<std::string> author,
              std::optional<int> year, Extraction* out)
      : rules_(rules), namer_(namer), author_(std::move(author)), year_(year), out_(out) {}

  // Adds the events `s` tells of (and its date findings) to the extraction; returns them with
  // where their dates stand in `s`.
  std::vector<SentenceEvent> Read(const Sentence& s) {
    const auto quoted = QuotedRanges(s.text);
    std::vector<DateMention> all_dates = FindDates(s.text, year_);
    std::vector<DateMention> dates;
    for (DateMention& d : all_dates) {
      if (!d.error.empty()) {
        AddFinding(Severity::kWarning, "date_invalid", "no such day: " + d.error, d.raw, s, out_);
      }
      if (!InQuotes(quoted, d.begin)) dates.push_back(std::move(d));
    }
    if (dates.empty()) return {};

    const FoldedText folded = FoldWithOffsets(s.text);
    std::vector<Hit> phrases = FindHits(rules_.kinds(), folded, quoted,
                                        [](const EventRules::KindPattern& k) { return !k.act; });
    const std::vector<Hit> bodies = FindHits(rules_.bodies(), folded, quoted, kAll);
    const bool act = phrases.empty();
    if (act) {
      if (bodies.empty()) return {};
      phrases = FindHits(rules_.kinds(), folded, quoted,
                         [](const EventRules::KindPattern& k) { return k.act; });
    }

    // Nearest phrase-date pairs first; each phrase and each date once.
    std::vector<std::tuple<size_t, size_t, size_t>> pairs;  // distance, phrase, date
    for (size_t p = 0; p < phrases.size(); ++p) {
      for (size_t d = 0; d < dates.size(); ++d) {
        pairs.emplace_back(Distance(phrases[p].span, Span{dates[d].begin, dates[d].end}), p, d);
      }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<bool> phrase_used(phrases.size()), date_used(dates.size());
    std::vector<std::pair<size_t, size_t>> chosen;  // date, phrase
    for (const auto& [distance, p, d] : pairs) {
      if (phrase_used[p] || date_used[d]) continue;
      phrase_used[p] = date_used[d] = true;
      chosen.emplace_back(d, p);
    }
    std::sort(chosen.begin(), chosen.end());

    std::vector<SentenceEvent> events;
    for (const auto& [d, p] : chosen) {
      const DateMention& date = dates[d];
      Event e;
      e.kind = rules_.kinds()[phrases[p].rule].kind;
      e.body = author_;
      size_t nearest = SIZE_MAX;
      for (const Hit& body : bodies) {
        if (Distance(body.span, phrases[p].span) < nearest) {
          nearest = Distance(body.span, phrases[p].span);
          e.body = namer_.Name(body, folded);
        }
      }
      if (date.date) e.date = date.date->Iso();
      e.date_raw = date.raw;
      e.text = s.text;
      e.provenance = Prov(s, act ? kActConfidence : 1.0);
      if (date.date && date.year_source == YearSource::kDefault) {
        AddFinding(
            Severity::kInfo, "date_year_assumed",
            "no year written: taken as " + std::to_string(*date.year) + ", the report's year",
            date.raw, s, out_);
      }
      events.push_back(SentenceEvent{Add(std::move(e)), Span{date.begin, date.end}});
    }
    return events;
  }

 private:
  // The index of the event, added unless the same session is already known.
  size_t Add(Event e) {
    if (e.date) {
      for (size_t i = 0; i < out_->events.size(); ++i) {
        const Event& known = out_->events[i];
        if (known.date == e.date && known.kind == e.kind && known.body == e.body) return i;
      }
    }
    out_->events.push_back(std::move(e));
    return out_->events.size() - 1;
  }

  const EventRules& rules_;
  const BodyNamer& namer_;
  std::optional<std::string> author_;
  std::optional<int> year_;
  Extraction* out_;
};

void ReadReferences(const Sentence& s, const EventRules& rules,
                    const std::vector<SentenceEvent>& events, Extraction* out) {
  std::vector<Span> codes;
  for (const auto& re : rules.codes()) {
    for (Span c : MatchAll(*re, s.text)) codes.push_back(c);
  }
  if (codes.empty()) return;
  // Where shapes overlap, the longer code wins.
  std::sort(codes.begin(), codes.end(), [](Span a, Span b) {
    return a.end - a.begin != b.end - b.begin ? a.end - a.begin > b.end - b.begin
                                              : a.begin < b.begin;
  });
  std::vector<Span> kept;
  for (Span c : codes) {
    if (std::none_of(kept.begin(), kept.end(), [c](Span k) { return Overlap(k, c); })) {
      kept.push_back(c);
    }
  }
  std::sort(kept.begin(), kept.end(), [](Span a, Span b) { return a.begin < b.begin; });

  const FoldedText folded = FoldWithOffsets(s.text);
  const std::vector<Hit> kinds = FindHits(rules.reference_kinds(), folded, {}, kAll);
  for (Span c : kept) {
    Reference r;
    r.code = s.text.substr(c.begin, c.end - c.begin);
    const Hit* before = nullptr;
    const Hit* after = nullptr;
    for (const Hit& k : kinds) {
      if (k.span.end <= c.begin) before = &k;
      if (k.span.begin >= c.end && !after) after = &k;
    }
    if (const Hit* k = before ? before : after) r.kind = rules.reference_kinds()[k->rule].kind;
    r.context = s.text;
    size_t nearest = SIZE_MAX;
    for (const SentenceEvent& e : events) {
      if (Distance(e.date, c) < nearest) {
        nearest = Distance(e.date, c);
        r.event = e.index;
      }
    }
    r.provenance = Prov(s);
    out->references.push_back(std::move(r));
  }
}

}  // namespace

void ExtractReportEvents(const std::vector<Block>& blocks, const EventRules& rules,
                         const Vocabulary& vocab, Extraction* out) {
  const bool read_events = out->document.kind == DocumentKind::kActivityReport;
  const BodyNamer namer(rules, vocab, out->document.institute);
  EventReader events(rules, namer, read_events ? TitleBody(blocks, rules, namer) : std::nullopt,
                     ReportYear(out->document), out);
  for (const Sentence& s : SplitSentences(blocks)) {
    ReadReferences(s, rules, read_events ? events.Read(s) : std::vector<SentenceEvent>{}, out);
  }
}

}  // namespace oplex
