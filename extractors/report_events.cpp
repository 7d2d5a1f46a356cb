#include "extractors/report_events.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

#include "extractors/event_phrases.h"
#include "extractors/sentences.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

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
  std::vector<Hit> hits = FindHits(rules.bodies(), folded, {}, kAllPatterns);
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
      ResolveEarlier(&d);
      if (!d.error.empty()) {
        AddFinding(Severity::kWarning, "date_invalid", "no such day: " + d.error, d.raw, s, out_);
      }
      if (!InQuotes(quoted, d.begin)) dates.push_back(std::move(d));
    }
    if (dates.empty()) return {};

    const FoldedText folded = FoldWithOffsets(s.text);
    std::vector<Hit> phrases =
        FindHits(rules_.kinds(), folded, quoted, [](const EventRules::KindPattern& k) {
          return k.evidence == EventRules::Evidence::kNames;
        });
    const std::vector<Hit> bodies = FindHits(rules_.bodies(), folded, quoted, kAllPatterns);
    const bool act = phrases.empty();
    if (act) {
      if (bodies.empty()) return {};
      phrases = FindHits(rules_.kinds(), folded, quoted, [](const EventRules::KindPattern& k) {
        return k.evidence == EventRules::Evidence::kAct;
      });
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
      } else if (!date.year) {
        AddFinding(Severity::kWarning, "date_year_unknown",
                   "no year written and none known from the document: stored without a date",
                   date.raw, s, out_);
      }
      events.push_back(SentenceEvent{AddEvent(std::move(e), out_), Span{date.begin, date.end}});
    }
    return events;
  }

 private:
  // A date "del mismo año" whose earlier date stands in an earlier sentence takes the year of
  // the last date read with a year of its own; every date with one becomes that last year.
  void ResolveEarlier(DateMention* d) {
    if (d->year_source == YearSource::kEarlier && !d->year && earlier_year_) {
      d->year = earlier_year_;
      const CivilDate day{*d->year, d->month, d->day};
      if (day.IsValid()) {
        d->date = day;
      } else {
        d->error =
            "the year of the date before it, " + std::to_string(*d->year) + ", has no such day";
      }
    }
    if (d->year && d->year_source != YearSource::kDefault) earlier_year_ = d->year;
  }

  const EventRules& rules_;
  const BodyNamer& namer_;
  std::optional<std::string> author_;
  std::optional<int> year_;
  std::optional<int> earlier_year_;
  Extraction* out_;
};

bool IsCapital(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetter(char c) { return IsCapital(c) || (c >= 'a' && c <= 'z'); }

// The text with every "l" that stands among capitals read as the "I" OCR took it for
// ("lAIP/DCyPT/011/2018" is IAIP/DCyPT/011/2018): an "l" with a capital on one side and a
// capital or no letter on the other. Byte for byte, so spans of one are spans of the other.
std::string CodeReading(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != 'l') continue;
    const char before = i > 0 ? out[i - 1] : ' ';
    const char after = i + 1 < out.size() ? out[i + 1] : ' ';
    const bool capital_before = IsCapital(before);
    const bool capital_after = IsCapital(after);
    if ((capital_before && (capital_after || !IsAsciiLetter(after))) ||
        (capital_after && !IsAsciiLetter(before))) {
      out[i] = 'I';
    }
  }
  return out;
}

void ReadReferences(const Sentence& s, const EventRules& rules,
                    const std::vector<SentenceEvent>& events, Extraction* out) {
  const std::string reading = CodeReading(s.text);
  std::vector<Span> codes;
  for (const auto& re : rules.codes()) {
    for (Span c : MatchAll(*re, reading)) codes.push_back(c);
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
  const std::vector<Hit> kinds = FindHits(rules.reference_kinds(), folded, {}, kAllPatterns);
  for (Span c : kept) {
    Reference r;
    r.code = reading.substr(c.begin, c.end - c.begin);
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
  const DocumentKind kind = out->document.kind;
  const bool read_events = kind == DocumentKind::kActivityReport ||
                           kind == DocumentKind::kMinutes || kind == DocumentKind::kCalendar;
  const BodyNamer namer(rules, vocab, out->document.institute);
  EventReader events(rules, namer, read_events ? TitleBody(blocks, rules, namer) : std::nullopt,
                     ReportYear(out->document), out);
  for (const Sentence& s : SplitSentences(blocks)) {
    ReadReferences(s, rules, read_events ? events.Read(s) : std::vector<SentenceEvent>{}, out);
  }
}

}  // namespace oplex
