#include "extractors/table_events.h"

#include <re2/re2.h>

#include <cstdio>
#include <optional>
#include <string>

#include "extractors/event_phrases.h"
#include "extractors/provenance.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

using Evidence = EventRules::Evidence;

// The year of the period a table or list covers: the document's, else the first year its
// caption writes ("Calendario de Sesiones … para el Ejercicio Fiscal 2025").
std::optional<int> PeriodYear(const Extraction& e, const std::string& caption) {
  if (e.document.year) return e.document.year;
  static const RE2 year(R"((?:^|[^\d/.-])((?:19|20)\d{2})(?:$|[^\d/.-]))");
  int found = 0;
  if (RE2::PartialMatch(caption, year, &found)) return found;
  return std::nullopt;
}

// A list item opens with its day, after at most a bullet or a number ("• ", "1. ").
constexpr size_t kListItemLead = 4;

// A clock time in folded text: "9:00 AM", "12:00 P.M", "10:30 horas", "10.30 hrs"; a dot only
// with the word after it, so "2.40 GHz" or "6.1" is no time.
const RE2& ClockPattern() {
  static const RE2 re(R"((?:^|[^\d:.])(\d{1,2})(?:\s?:\s?(\d{2})(?:\s?:\d{2})?|\.(\d{2}))\s*)"
                      R"((hrs?\b|horas\b|([ap])\.?\s?m\b)?)");
  return re;
}

// The first clock time of a row's cells, as "HH:MM" (24-hour).
std::optional<std::string> TimeOf(const Row& row) {
  for (const Cell& c : row.cells) {
    const std::string folded = Fold(c.text);
    std::string hour, colon_minutes, dot_minutes, suffix, half;
    if (!RE2::PartialMatch(folded, ClockPattern(), &hour, &colon_minutes, &dot_minutes, &suffix,
                           &half) ||
        (!dot_minutes.empty() && suffix.empty())) {
      continue;
    }
    int h = std::stoi(hour);
    const int m = std::stoi(colon_minutes.empty() ? dot_minutes : colon_minutes);
    if (half == "p" && h < 12) h += 12;
    if (half == "a" && h == 12) h = 0;
    if (h > 23 || m > 59) continue;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", h, m);
    return buffer;
  }
  return std::nullopt;
}

bool HasFigure(const Row& row) {
  for (const Cell& c : row.cells) {
    if (c.text.find_first_of("0123456789") != std::string::npos) return true;
  }
  return false;
}

// The first day a row mentions, its raw text running to the end of the list or range it opens
// ("23 y 24 de enero de 2020": the 23rd, as "23 y 24 de enero de 2020").
std::optional<DateMention> FirstDay(const Row& row) {
  for (const Cell& c : row.cells) {
    if (c.covered) continue;
    std::vector<DateMention> dates = FindDates(c.text, std::nullopt);
    if (dates.empty()) continue;
    DateMention first = std::move(dates.front());
    for (size_t k = 1; k < dates.size() && dates[k - 1].year_source == YearSource::kShared; ++k) {
      first.raw = c.text.substr(first.begin, dates[k].end - first.begin);
    }
    return first;
  }
  return std::nullopt;
}

bool IsListItem(const Block& b) {
  if (b.kind != BlockKind::kParagraph || b.text().size() > kListItemBytes) return false;
  const std::vector<DateMention> dates = FindDates(b.text(), std::nullopt);
  return !dates.empty() && dates.front().begin <= kListItemLead;
}

// A short paragraph that is a label and its date: "Fecha de entrega de los recursos: 24 de
// septiembre del 2025", one date after a colon and nothing but punctuation after it.
bool IsLabelLine(const Block& b) {
  if (b.kind != BlockKind::kParagraph || b.text().size() > kListItemBytes) return false;
  const std::string& text = b.text();
  const std::vector<DateMention> dates = FindDates(text, std::nullopt);
  if (dates.size() != 1) return false;
  const size_t colon = text.find(':');
  return colon < dates.front().begin &&
         text.find_first_not_of(" .,;", dates.front().end) == std::string::npos;
}

// The paragraphs of blocks [first, end), at most the last kCaptionParagraphs, joined.
std::string Caption(const std::vector<Block>& blocks, size_t first, size_t end) {
  std::string caption;
  size_t taken = 0;
  for (size_t i = end; i > first && taken < kCaptionParagraphs; --i) {
    const Block& b = blocks[i - 1];
    if (b.kind != BlockKind::kParagraph) continue;
    caption.insert(0, PlainText(b.text()) + " ");
    ++taken;
  }
  return caption;
}

void AddFinding(Severity severity, std::string code, std::string message, const DateMention& day,
                const Row& row, Extraction* out) {
  Finding f;
  f.severity = severity;
  f.code = std::move(code);
  f.message = std::move(message);
  f.raw_text = day.raw;
  f.provenance = RowProvenance(row, kTableEventsExtractor);
  out->findings.push_back(std::move(f));
}

// Reads the events of one table or list, row by row, carrying the year from row to row.
class RowReader {
 public:
  // `place_column`: the column under a header that says where ("Lugar"), if any.
  RowReader(const EventRules& rules, std::optional<std::string> context_kind,
            std::optional<size_t> place_column, std::optional<int> period_year, Extraction* out)
      : rules_(rules),
        context_kind_(std::move(context_kind)),
        place_column_(place_column),
        period_year_(period_year),
        out_(out) {}

  void Read(const Row& row) {
    std::optional<DateMention> day = FirstDay(row);
    if (!day) return;
    std::optional<std::string> kind = FirstKind(row.Joined(), rules_, {Evidence::kNames});
    if (!kind) kind = context_kind_;
    if (!kind) return;

    Event e;
    e.kind = *kind;
    e.date_raw = day->raw;
    e.text = JoinedCells(row);
    e.time = TimeOf(row);
    if (place_column_ && *place_column_ < row.cells.size()) {
      std::string place = PlainText(row.cells[*place_column_].text);
      if (!place.empty()) e.place = std::move(place);
    }
    e.provenance = RowProvenance(row, kTableEventsExtractor, LowestConfidence(row));
    if (std::optional<int> year = YearOf(*day, row)) {
      const CivilDate date{*year, day->month, day->day};
      if (date.IsValid()) {
        e.date = date.Iso();
      } else {
        AddFinding(Severity::kWarning, "date_invalid",
                   "no such day: " + (day->error.empty() ? date.Iso() : day->error), *day, row,
                   out_);
      }
    }
    AddEvent(std::move(e), out_);
  }

 private:
  static std::string JoinedCells(const Row& row) {
    std::string text;
    for (const std::string& cell : row.NonEmpty()) {
      if (!text.empty()) text += " | ";
      text += PlainText(cell);
    }
    return text;
  }

  // The year of a row's day: written, else carried from the row before (the next year when the
  // month comes earlier), else the document's; nullopt when none is known.
  std::optional<int> YearOf(const DateMention& day, const Row& row) {
    std::optional<int> year = day.year;
    if (!year) {
      if (running_year_) {
        year = *running_year_ + (day.month < running_month_ ? 1 : 0);
        AddFinding(Severity::kInfo, "date_year_assumed",
                   "no year written: taken as " + std::to_string(*year) + ", from the rows before",
                   day, row, out_);
      } else if (period_year_) {
        year = period_year_;
        AddFinding(Severity::kInfo, "date_year_assumed",
                   "no year written: taken as " + std::to_string(*year) + ", the document's year",
                   day, row, out_);
      } else {
        AddFinding(Severity::kWarning, "date_year_unknown",
                   "no year written and none known from the document: stored without a date", day,
                   row, out_);
        return std::nullopt;
      }
    }
    running_year_ = year;
    running_month_ = day.month;
    return year;
  }

  const EventRules& rules_;
  std::optional<std::string> context_kind_;
  std::optional<size_t> place_column_;
  std::optional<int> period_year_;
  std::optional<int> running_year_;
  int running_month_ = 0;
  Extraction* out_;
};

void ReadTable(const Block& table, const std::string& caption, const EventRules& rules,
               Extraction* out) {
  size_t header = 0;
  std::string header_text;
  std::optional<size_t> place_column;
  while (header < table.rows.size() && header < kMaxEventHeaderRows &&
         !HasFigure(table.rows[header])) {
    const Row& row = table.rows[header];
    header_text += row.Joined() + " ";
    for (size_t c = 0; c < row.cells.size() && !place_column; ++c) {
      const std::string folded = Fold(row.cells[c].text);
      for (const auto& re : rules.place_headers()) {
        if (RE2::PartialMatch(folded, *re)) place_column = c;
      }
    }
    ++header;
  }
  std::optional<std::string> kind =
      FirstKind(header_text, rules, {Evidence::kNames, Evidence::kList});
  const std::optional<std::string> captioned =
      FirstKind(caption, rules, {Evidence::kNames, Evidence::kList});
  // A column "Sesión" under "Calendario de sesiones ordinarias": the caption says which.
  if (!kind || (captioned && captioned->starts_with(*kind + "_"))) kind = captioned;
  RowReader reader(rules, kind, place_column, PeriodYear(*out, caption), out);
  for (size_t r = header; r < table.rows.size(); ++r) reader.Read(table.rows[r]);
}

}  // namespace

void ExtractTableEvents(const std::vector<Block>& blocks, const EventRules& rules,
                        Extraction* out) {
  size_t caption_from = 0;  // the first block after the last table or list
  for (size_t i = 0; i < blocks.size();) {
    if (blocks[i].kind == BlockKind::kTable) {
      ReadTable(blocks[i], Caption(blocks, caption_from, i), rules, out);
      caption_from = ++i;
      continue;
    }
    size_t end = i;
    while (end < blocks.size() && IsListItem(blocks[end])) ++end;
    if (end - i < 2) {
      if (IsLabelLine(blocks[i])) {
        RowReader(rules, std::nullopt, std::nullopt, out->document.year, out)
            .Read(blocks[i].rows.front());
      }
      ++i;
      continue;
    }
    const std::string caption = Caption(blocks, caption_from, i);
    const std::optional<std::string> kind =
        FirstKind(caption, rules, {Evidence::kNames, Evidence::kList});
    RowReader reader(rules, kind, std::nullopt, PeriodYear(*out, caption), out);
    for (size_t k = i; k < end; ++k) reader.Read(blocks[k].rows.front());
    caption_from = i = end;
  }
}

}  // namespace oplex
