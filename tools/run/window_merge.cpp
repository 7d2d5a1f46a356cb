#include "tools/run/window_merge.h"

#include <algorithm>
#include <limits>

namespace oplex {
namespace {

// Old index → new index of the records from `from` on (the window's), nullopt where the record
// was dropped.
struct Renumbering {
  size_t from = 0;
  std::vector<std::optional<size_t>> to;
};

// Renumbers `index` by `map`: unchanged for a record older than the window's. False when it named
// a record that was dropped.
bool Renumber(std::optional<size_t>& index, const Renumbering& map) {
  if (!index || *index < map.from) return true;
  const size_t k = *index - map.from;
  index = k < map.to.size() ? map.to[k] : std::nullopt;
  return index.has_value();
}

bool SameHeading(const Section& a, const Section& b) {
  return a.provenance.line == b.provenance.line && a.provenance.page == b.provenance.page &&
         a.kind == b.kind && a.code == b.code && a.title == b.title;
}

bool SameFinding(const Finding& a, const Finding& b) {
  return a.code == b.code && a.message == b.message && a.activity == b.activity &&
         a.provenance.page == b.provenance.page;
}

// Keeps of the records of `v` from index `before` on those `keep` accepts (it renumbers their
// indexes), in order; the renumbering. `first`: the index of v[0] (Extraction::activities
// follows the activities settled before it).
template <typename Record, typename Keep>
Renumbering Compact(std::vector<Record>& v, size_t before, Keep&& keep, size_t first = 0) {
  Renumbering map{before, std::vector<std::optional<size_t>>(first + v.size() - before)};
  size_t next = before;
  for (size_t i = before; i < first + v.size(); ++i) {
    Record& r = v[i - first];
    if (!keep(r)) continue;
    map.to[i - before] = next;
    if (next != i) v[next - first] = std::move(r);
    ++next;
  }
  v.erase(v.begin() + static_cast<long>(next - first), v.end());
  return map;
}

// The sections the window added that a record it keeps stands in, with their parents; those the
// context opened again are the stored ones.
Renumbering CompactSections(const RecordCounts& before, const ContextLines& context,
                            Extraction* e) {
  std::vector<Section>& sections = e->sections;
  std::vector<bool> used(sections.size(), false);
  auto use = [&](const std::optional<size_t>& section, const Provenance& p) {
    if (context.Has(p)) return;
    for (std::optional<size_t> s = section;
         s && *s >= before.sections && *s < sections.size() && !used[*s]; s = sections[*s].parent) {
      used[*s] = true;
    }
  };
  auto from = [](auto& v, size_t first) { return v.begin() + static_cast<long>(first); };
  std::for_each(from(e->activities, before.activities - e->settled.size()), e->activities.end(),
                [&](const Activity& a) { use(a.section, a.provenance); });
  std::for_each(from(e->deliverables, before.deliverables), e->deliverables.end(),
                [&](const Deliverable& d) { use(d.section, d.provenance); });
  std::for_each(from(e->stated_totals, before.stated_totals), e->stated_totals.end(),
                [&](const StatedTotal& t) { use(t.scope, t.provenance); });
  std::for_each(from(e->indicators, before.indicators), e->indicators.end(),
                [&](const Indicator& i) { use(i.section, i.provenance); });
  Renumbering map{before.sections,
                  std::vector<std::optional<size_t>>(sections.size() - before.sections)};
  size_t next = before.sections;
  for (size_t i = before.sections; i < sections.size(); ++i) {
    if (!used[i]) continue;
    Section& s = sections[i];
    Renumber(s.parent, map);
    if (context.Has(s.provenance)) {
      auto stored = std::find_if(sections.begin(), from(sections, before.sections),
                                 [&](const Section& o) { return SameHeading(o, s); });
      if (stored != from(sections, before.sections)) {
        map.to[i - before.sections] = static_cast<size_t>(stored - sections.begin());
        continue;
      }
    }
    map.to[i - before.sections] = next;
    if (next != i) sections[next] = std::move(s);
    ++next;
  }
  sections.erase(from(sections, next), sections.end());
  return map;
}

}  // namespace

ContextLines::ContextLines(const std::vector<Block>& context) {
  for (const Block& b : context) {
    for (const Row& r : b.rows) {
      spans_.emplace_back(r.first_line, std::max(r.first_line, r.last_line));
    }
  }
  std::sort(spans_.begin(), spans_.end());
}

bool ContextLines::Has(const Provenance& p) const {
  if (!p.line) return false;
  auto after = std::upper_bound(spans_.begin(), spans_.end(),
                                std::make_pair(*p.line, std::numeric_limits<int>::max()));
  return after != spans_.begin() && std::prev(after)->second >= *p.line;
}

RecordCounts CountRecords(const Extraction& e) {
  return {e.sections.size(),   e.activity_count(), e.deliverables.size(), e.stated_totals.size(),
          e.indicators.size(), e.events.size(),    e.references.size(),   e.findings.size()};
}

void DropContextRecords(const RecordCounts& before, const ContextLines& context, Extraction* e) {
  const Renumbering sections = CompactSections(before, context, e);
  auto mine = [&](const Provenance& p) { return !context.Has(p); };
  auto in_section = [&](std::optional<size_t>& s) { return Renumber(s, sections); };
  const Renumbering activities = Compact(
      e->activities, before.activities,
      [&](Activity& a) { return mine(a.provenance) && in_section(a.section); }, e->settled.size());
  auto of_activity = [&](std::optional<size_t>& a) { return Renumber(a, activities); };
  Compact(e->deliverables, before.deliverables, [&](Deliverable& d) {
    std::vector<size_t> spanned;
    for (size_t a : d.spanned) {
      if (std::optional<size_t> moved = a; Renumber(moved, activities)) {
        spanned.push_back(*moved);
      }
    }
    d.spanned = std::move(spanned);
    return mine(d.provenance) && in_section(d.section) && of_activity(d.activity);
  });
  Compact(e->stated_totals, before.stated_totals,
          [&](StatedTotal& t) { return mine(t.provenance) && in_section(t.scope); });
  Compact(e->indicators, before.indicators, [&](Indicator& i) {
    return mine(i.provenance) && in_section(i.section) && of_activity(i.activity);
  });
  const Renumbering events =
      Compact(e->events, before.events, [&](Event& v) { return mine(v.provenance); });
  Compact(e->references, before.references,
          [&](Reference& r) { return mine(r.provenance) && Renumber(r.event, events); });
  // Compact moves only the window's findings: those before them stay where they are.
  const std::vector<Finding>& findings = e->findings;
  Compact(e->findings, before.findings, [&](Finding& f) {
    if (!mine(f.provenance) || !of_activity(f.activity)) return false;
    const auto older = findings.begin() + static_cast<long>(before.findings);
    return f.provenance.line || std::none_of(findings.begin(), older,
                                             [&](const Finding& o) { return SameFinding(o, f); });
  });
}

std::vector<int> OpenSectionLines(const Extraction& e) {
  std::optional<size_t> section;
  std::optional<int> at;
  if (const size_t n = e.activity_count(); n > 0) {
    section = e.ActivitySection(n - 1);
    at = e.ActivityWritten(n - 1).provenance.line;
  }
  if (!e.indicators.empty() && (!at || e.indicators.back().provenance.line > at)) {
    section = e.indicators.back().section;
  }
  std::vector<int> lines;
  for (; section && *section < e.sections.size(); section = e.sections[*section].parent) {
    if (e.sections[*section].provenance.line)
      lines.push_back(*e.sections[*section].provenance.line);
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

}  // namespace oplex
