// Event phrases: where the patterns of EventRules match a text, and the one list of events the
// event extractors add to. Shared by the extractors that read events from sentences
// (report_events), from table rows (table_events) and from the title of minutes
// (minutes_meeting).
//
// Pure functions on value types; safe to call from any number of threads at once.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/event_rules.h"
#include "extractors/sentences.h"
#include "models/records.h"
#include "pipeline/normalize/fold.h"

namespace oplex {

// A byte range [begin, end) of a text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// The bytes between two ranges; 0 when they touch or overlap.
size_t Distance(Span a, Span b);
bool Overlap(Span a, Span b);

// A match of the pattern `rule` of some list, in source bytes and in folded bytes.
struct Hit {
  size_t rule = 0;
  Span span;
  Span folded;
};

// Every match of `re` in `text`, left to right, without overlaps.
std::vector<Span> MatchAll(const RE2& re, std::string_view text);

// The matches of a list of folded-text patterns (those `keep` accepts) in one text, outside
// its `quoted` ranges; where matches of different patterns overlap, the earlier pattern's wins.
// In order of position.
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

constexpr auto kAllPatterns = [](const auto&) { return true; };

// The kind of the first phrase of `text` (outside quotation marks) whose evidence is one of
// `evidence`; nullopt when none.
std::optional<std::string> FirstKind(std::string_view text, const EventRules& rules,
                                     std::initializer_list<EventRules::Evidence> evidence);

// Adds `e` to out->events unless the same event is known (same date and kind, and the same body
// or one of the two without a body: a session listed in a table and told of again in a
// sentence) and returns its index. Events without a date are always added.
size_t AddEvent(Event e, Extraction* out);

}  // namespace oplex
