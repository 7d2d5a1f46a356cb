#include "extractors/activity_mapper.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "extractors/misread_unit.h"
#include "extractors/provenance.h"
#include "extractors/record_schedule.h"
#include "extractors/section_tracker.h"
#include "extractors/table/column_roles.h"
#include "extractors/table/month_positions.h"
#include "extractors/table/row_kinds.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// Under this confidence a table's mapping is uncertain: a finding, and its records capped.
constexpr double kUncertainMapping = 0.3;
// A table is shaped like a list when it has this many body rows and a column of running text.
constexpr size_t kListRows = 3;
// A month grid in which this many records or more mark no month at all shows its marks in a way
// not read (shapes drawn over it, pictures), or none (a blank form).
constexpr size_t kUnmarkedGridRecords = 3;
constexpr double kListWords = 4.0;
// A record's text cell lists several activities when at least this many of its items open with
// a code each.
constexpr size_t kListedActivities = 2;
// Two activity texts are the same when this share of their words agree.
constexpr double kSameText = 0.6;
// ... and, when OCR read them (a code misread on one side: "1.1" for I.1), under two codes at
// this one.
constexpr double kSameTextOtherCode = 0.85;

std::string CellText(const TypedCell& c) { return PlainText(c.cell->text); }

// `ocr`: how sure OCR was of what the record was read from; `cap`: how sure the table's mapping
// is (the record's confidence is at most either).
Provenance OfRows(const std::vector<const TypedRow*>& rows, double ocr, double cap) {
  std::vector<const Row*> layout;
  for (const TypedRow* r : rows) layout.push_back(r->row);
  Provenance p = RowsProvenance(layout, kActivityMapperExtractor, ocr);
  p.confidence = std::min(ocr, cap);
  return p;
}

// A quantity cell: a number, the number it opens with ("12 (Por lo menos una al mes)") or the
// only number it holds ("Al menos el 25% implemente…"); the raw text is the whole cell.
std::optional<Quantity> LeadingQuantity(const std::string& text) {
  if (auto q = ParseQuantity(text)) return q;
  static const RE2 kLeading(R"(^\s*(\d[\d,]*(?:\.\d+)?)\s*%?(?:\s|\(|$))");
  static const RE2 kOnly(R"(^\D*?(\d[\d,]*(?:\.\d+)?)\D*$)");
  std::string number;
  if (!RE2::PartialMatch(text, kLeading, &number) && !RE2::FullMatch(text, kOnly, &number)) {
    return std::nullopt;
  }
  auto q = ParseQuantity(number);
  if (!q) return std::nullopt;
  q->raw = text;
  return q;
}

std::optional<std::string> IsoDate(const std::string& text, std::optional<int> year) {
  for (const DateMention& d : FindDates(text, year)) {
    if (d.date) return d.date->Iso();
  }
  return std::nullopt;
}

// The rows of one activity, from its record row to the row before the next.
struct Draft {
  std::vector<const TypedRow*> rows;
  std::optional<CodedText> code;
  int position = 0;
  // Rows under the month-label row of a two-rows-of-six grid hold July to December.
  std::vector<bool> second_half;
  std::optional<Quantity> total;  // a total row right under it
};

// The activities of earlier tables that printed no schedule, in order: the only ones a later
// schedule may list again (Mapper::FindSame). Kept apart so that a long plan whose every row is
// scheduled is not searched again for each of its rows.
class Unscheduled {
 public:
  // Takes in the activities `e` added since the last call (those it settled all at once).
  void CatchUp(const Extraction& e) {
    if (seen_ < e.settled.size()) {
      indices_ = e.settled.WaitingIndexes();
      seen_ = e.settled.size();
    }
    for (; seen_ < e.activity_count(); ++seen_) {
      if (!e.ActivityMonths(seen_).known()) indices_.push_back(seen_);
    }
  }
  const std::vector<size_t>& indices() const { return indices_; }

 private:
  size_t seen_ = 0;
  std::vector<size_t> indices_;
};

class Mapper {
 public:
  // `unscheduled`: the activities of `out` before this table's without a schedule.
  Mapper(const TypedTable& table, const TableRules& rules, const Vocabulary& vocab,
         std::optional<int> year, const Unscheduled& unscheduled, Extraction* out)
      : table_(table),
        rules_(rules),
        vocab_(vocab),
        year_(year),
        unscheduled_(unscheduled),
        out_(*out),
        headings_(&out->sections, rules.base()) {
    for (const Section& s : table.headings) headings_.Open(s);
  }

  void Run() {
    const auto text = table_.ColumnOf(ColumnRole::kText);
    if (!text || table_.roles[*text].score < kHeaderEvidence) {
      ReportUnmapped();
      return;
    }
    text_ = *text;
    if (table_.HoldsIndicators()) return;  // its rows are indicators (indicator_mapper.h)
    confidence_ = table_.confidence;
    if (confidence_ < kUncertainMapping) {
      Finding f;
      f.code = "table_mapping_uncertain";
      f.message = "the text column of a table was chosen with confidence " +
                  std::to_string(confidence_) + ": " + table_.roles[text_].evidence;
      f.raw_text = HeaderText();
      f.provenance = TableProvenance();
      out_.findings.push_back(std::move(f));
    }
    ReportUnmappedColumns();
    if (table_.header.months_by_position) {
      out_.findings.push_back(
          MonthsByPositionFinding(table_.header, HeaderText(), TableProvenance()));
    }
    if (!year_) year_ = ScheduleYear(table_);
    int position = 0;
    std::optional<Draft> draft;
    bool second_half = false;
    // July to December labelled under January to June before any record: each record's rows
    // below its own hold the second half.
    const bool halves_stacked = HalvesStacked(table_, table_.rows.size());
    for (const TypedRow& row : table_.rows) {
      switch (row.kind) {
        case RowKind::kRecord:
          if (draft) Flush(*draft);
          draft = Draft{};
          draft->rows.push_back(&row);
          draft->code = row.code;
          draft->position = ++position;
          draft->second_half.push_back(false);
          second_half = halves_stacked;
          break;
        case RowKind::kContinuation:
        case RowKind::kRealized:  // read for the record's text and fields, not for its schedule
          if (draft) {
            draft->rows.push_back(&row);
            draft->second_half.push_back(second_half);
          }
          break;
        case RowKind::kMonthLabels:
          second_half = true;
          break;
        case RowKind::kTotal:
        case RowKind::kSubtotal:
          if (draft && !draft->total) draft->total = LastNumber(row);
          break;
        case RowKind::kSection:
          if (draft) Flush(*draft);
          draft.reset();
          OpenSection(row);
          break;
        case RowKind::kHeader:
        case RowKind::kSpacer:
          break;
      }
    }
    if (draft) Flush(*draft);
    ForgetUnreadGrid();
  }

 private:
  // The activities this table's month grid gave months to, when it marks no month for any of
  // them (kUnmarkedGridRecords at least): their months are not known to be none, so they are
  // left unknown, and a finding says why.
  void ForgetUnreadGrid() {
    if (!table_.header.months || gridded_.size() < kUnmarkedGridRecords) return;
    const bool unmarked = std::all_of(gridded_.begin(), gridded_.end(), [&](size_t i) {
      const Activity& a = *out_.WholeActivity(i);
      return std::none_of(a.month_values.begin(), a.month_values.end(), [](const MonthValue& v) {
        return v.marked || v.planned || v.weeks.find('1') != std::string::npos;
      });
    });
    if (!unmarked) return;
    for (size_t i : gridded_) {
      Activity& a = *out_.WholeActivity(i);
      a.months = MonthMask::Unknown();
      a.month_values.clear();
      a.months_source.reset();
    }
    Finding f;
    f.code = "schedule_unread";
    f.message = "the month grid of a table marks no month for any of its " +
                std::to_string(gridded_.size()) +
                " activities: its marks may be shapes or pictures oplex does not read; their "
                "months are left unknown";
    f.raw_text = HeaderText();
    f.provenance = TableProvenance();
    out_.findings.push_back(std::move(f));
  }

  std::string HeaderText() const {
    std::string header;
    for (const std::string& t : table_.header.titles) {
      if (t.empty()) continue;
      if (!header.empty()) header += " | ";
      header += t;
    }
    return header;
  }

  Provenance TableProvenance() const {
    Provenance p;
    const Row& first = table_.block->rows.front();
    p.page = first.page;
    p.line = first.first_line;
    p.bbox = table_.block->bbox;
    p.extractor = kActivityMapperExtractor;
    return p;
  }

  // A table shaped like a list of things (rows of running text) that no mapping fits. Without a
  // header (a box of text may be laid out as one), only one whose rows are numbered and hold
  // more than a number and a text (a numbered list in prose is laid out as two columns).
  void ReportUnmapped() {
    const size_t body = table_.rows.size() - table_.header.rows;
    if (body < kListRows) return;
    const bool list =
        std::any_of(table_.profiles.begin(), table_.profiles.end(),
                    [](const ColumnProfile& p) { return p.mean_words >= kListWords; });
    const bool numbered = table_.ColumnOf(ColumnRole::kCode).has_value();
    if (!list || (table_.header.rows == 0 && (!numbered || table_.columns < 3))) return;
    Finding f;
    f.severity = Severity::kInfo;
    f.code = "table_unmapped";
    f.message = "a table of " + std::to_string(body) +
                (table_.header.rows == 0
                     ? " numbered rows has no header naming a column as the records' text"
                     : " rows has no column its header names as the records' text") +
                "; its rows were not read as activities";
    f.raw_text = HeaderText();
    f.provenance = TableProvenance();
    out_.findings.push_back(std::move(f));
  }

  void ReportUnmappedColumns() {
    for (size_t c = 0; c < table_.roles.size(); ++c) {
      if (table_.roles[c].role != ColumnRole::kUnknown || c >= table_.header.titles.size() ||
          table_.header.titles[c].empty()) {
        continue;
      }
      Finding f;
      f.severity = Severity::kInfo;
      f.code = "column_unmapped";
      f.message = "column '" + table_.header.titles[c] +
                  "' names no field of an activity; its cells are kept as attributes";
      f.provenance = TableProvenance();
      out_.findings.push_back(std::move(f));
    }
  }

  void OpenSection(const TypedRow& row) {
    std::string title;
    for (const TypedCell& c : row.cells) {
      if (!c.folded.empty()) AppendLine(CellText(c), &title);
    }
    Section s;
    s.kind = section_kind::kArea;
    if (const std::optional<CodedText>& coded = row.code) {
      s.code = coded->code;
      if (!coded->text.empty()) title = coded->text;
    }
    s.title = title;
    s.provenance = OfRows({&row}, 1.0, confidence_);
    s.parent = headings_.Current();  // a part of the table, under the heading above it
    out_.sections.push_back(std::move(s));
    section_ = out_.sections.size() - 1;
  }

  std::optional<Quantity> LastNumber(const TypedRow& row) const {
    for (auto it = row.cells.rbegin(); it != row.cells.rend(); ++it) {
      if (it->kind == CellKind::kNumber) return ParseQuantity(it->folded);
    }
    return std::nullopt;
  }

  // The lines of column `c` over the draft's rows that hold text, each as plain text.
  static std::vector<std::string> CellLines(const Draft& d, size_t c) {
    std::vector<std::string> out;
    for (const TypedRow* row : d.rows) {
      if (c >= row->cells.size() || row->cells[c].cell->covered) continue;
      std::istringstream lines(row->cells[c].cell->text);
      for (std::string line; std::getline(lines, line);) {
        if (std::string plain = PlainText(line); !plain.empty()) out.push_back(std::move(plain));
      }
    }
    return out;
  }

  // The text of column `c` over the draft's rows, lines joined.
  std::string ColumnText(const Draft& d, size_t c, bool first_is_code_rest) const {
    std::string text;
    for (size_t i = 0; i < d.rows.size(); ++i) {
      const TypedRow& row = *d.rows[i];
      if (c >= row.cells.size() || row.cells[c].cell->covered) continue;
      if (row.label == c) continue;  // "R", "Realizado": no part of the record
      std::string part = CellText(row.cells[c]);
      if (i == 0 && first_is_code_rest && d.code && !d.code->text.empty()) {
        part = PlainText(d.code->text);
      }
      if (!part.empty()) AppendLine(part, &text);
    }
    return text;
  }

  std::optional<BBox> ColumnBox(const Draft& d, size_t c) const {
    std::optional<BBox> box;
    for (const TypedRow* row : d.rows) {
      if (c < row->cells.size() && row->cells[c].cell->bbox && !row->cells[c].folded.empty()) {
        box = box ? Union(*box, *row->cells[c].cell->bbox) : *row->cells[c].cell->bbox;
      }
    }
    return box;
  }

  // How sure OCR was of the record's text: the least sure of its cells (1 when not OCR).
  double TextConfidence(const Draft& d) const {
    double confidence = 1.0;
    for (const TypedRow* row : d.rows) {
      if (text_ < row->cells.size() && !row->cells[text_].folded.empty()) {
        confidence = std::min(confidence, row->cells[text_].cell->confidence);
      }
    }
    return confidence;
  }
  // The confidence an uncertain mapping caps its records' at (1 when the mapping is certain).
  double MappingCap() const { return confidence_ >= kUncertainMapping ? 1.0 : confidence_; }

  void Flush(const Draft& d) {
    Activity a;
    a.code_printed = d.code.has_value();
    a.code = d.code ? d.code->code : std::to_string(d.position);
    const bool code_in_text = d.code && !d.code->text.empty();
    a.text = ColumnText(d, text_, code_in_text);
    if (a.text.empty()) return;
    a.provenance = OfRows(d.rows, TextConfidence(d), MappingCap());
    a.section = section_ ? section_ : headings_.Current();
    std::vector<std::string> deliverables;
    std::optional<MendedUnit> misread_unit;
    // The column labelling a programmed/realized pair's rows ("P", "R"): their structure, no field
    // (none: past the last column).
    size_t pair_labels = table_.roles.size();
    for (const TypedRow* row : d.rows) {
      if (row->kind == RowKind::kRealized) pair_labels = row->label.value_or(text_);
    }
    for (size_t c = 0; c < table_.roles.size(); ++c) {
      if (c == text_ || c == pair_labels) continue;
      const ColumnRole role = table_.roles[c].role;
      if (role == ColumnRole::kMonth || role == ColumnRole::kCode) continue;
      std::string value = ColumnText(d, c, false);
      std::optional<BBox> box;
      if (value.empty()) {
        if (const TypedCell* over = table_.SpannedDown(*d.rows.front(), c)) {
          value = CellText(*over);
          box = over->cell->bbox;
        }
      }
      if (value.empty()) continue;
      if (!box) box = ColumnBox(d, c);
      switch (role) {
        case ColumnRole::kUnit:
          misread_unit = MendMisreadUnit(d.rows, c, value, vocab_, "activity " + a.code);
          a.unit = misread_unit ? misread_unit->unit : value;
          continue;
        case ColumnRole::kAnnual:
          a.annual = LeadingQuantity(value);
          if (a.annual) continue;
          break;
        case ColumnRole::kResponsible:
          a.responsible = value;
          continue;
        case ColumnRole::kStartDate:
          a.start_date = IsoDate(value, year_);
          break;
        case ColumnRole::kEndDate:
          a.end_date = IsoDate(value, year_);
          break;
        case ColumnRole::kDeliverables:
          for (std::string& line : CellLines(d, c)) deliverables.push_back(std::move(line));
          continue;
        default:
          break;
      }
      const std::string header = c < table_.header.titles.size() ? table_.header.titles[c] : "";
      a.attributes.push_back(Attribute{header, value, box});
    }
    RecordRows scheduled;
    for (size_t i = 0; i < d.rows.size(); ++i) {
      if (d.rows[i]->kind == RowKind::kRealized) continue;
      scheduled.rows.push_back(d.rows[i]);
      scheduled.second_half.push_back(d.second_half[i]);
    }
    ReadSchedule(table_, scheduled, rules_, year_, &a);
    for (const TypedRow* row : d.rows) {
      if (row->kind == RowKind::kRealized) a.attributes.push_back(Realized(*row));
    }
    if (!a.annual && d.total && d.total->value && !a.month_values.empty()) {
      double sum = 0;
      for (const MonthValue& v : a.month_values) {
        if (v.planned && v.planned->value) sum += *v.planned->value;
      }
      if (std::abs(sum - *d.total->value) < 1e-9) a.annual = d.total;
    }
    if (const std::vector<CodedText> items = ListedActivities(d); !items.empty()) {
      Keep(Listed(a, items), std::move(deliverables), std::move(misread_unit), d);
      return;
    }
    if (auto same = FindSame(a)) {
      // The same activity listed again by a schedule: the schedule adds its months and code.
      Activity& e = *out_.WholeActivity(*same);
      if (e.code_printed && a.code_printed && e.code != a.code) {
        Finding f;
        f.severity = Severity::kInfo;
        f.code = "code_misread";
        f.message = "activity " + e.code + ": its schedule's row, worded the same, reads code '" +
                    a.code + "' (OCR); the months are joined to it";
        f.raw_text = a.code;
        f.activity = *same;
        f.provenance = a.provenance;
        out_.findings.push_back(std::move(f));
      }
      if (a.text.size() > e.text.size()) e.text = a.text;  // the fuller wording
      e.months = a.months;
      e.month_values = std::move(a.month_values);
      e.months_source = a.months_source;
      if (e.months_source == MonthsSource::kGrid) gridded_.push_back(*same);
      if (!e.code_printed && a.code_printed) {
        e.code = a.code;
        e.code_printed = true;
      }
      return;
    }
    std::vector<Activity> one;
    one.push_back(std::move(a));
    Keep(std::move(one), std::move(deliverables), std::move(misread_unit), d);
  }

  // The activities a record's text cell lists, each opening with its code ("1. Realizar foros…"
  // over "2. Difundir materiales…", a line each), in a table with no column of codes: at least
  // kListedActivities, every item coded. None otherwise.
  std::vector<CodedText> ListedActivities(const Draft& d) const {
    if (table_.ColumnOf(ColumnRole::kCode)) return {};
    std::vector<CodedText> items;
    for (const std::string& line : CellLines(d, text_)) {
      std::optional<CodedText> item = rules_.SplitCode(line);
      if (!item || item->text.empty()) return {};
      items.push_back(std::move(*item));
    }
    if (items.size() < kListedActivities) return {};
    return items;
  }

  // `a` once for each of `items`: its code and text the item's, the rest the record's (the
  // responsible, schedule and fields its row gives them all).
  static std::vector<Activity> Listed(const Activity& a, const std::vector<CodedText>& items) {
    std::vector<Activity> listed;
    for (const CodedText& item : items) {
      Activity one = a;
      one.code = item.code;
      one.code_printed = true;
      one.text = PlainText(item.text);
      listed.push_back(std::move(one));
    }
    return listed;
  }

  // Stores the activities of draft `d` (one, or those its text cell lists), with the findings
  // about them and its deliverables: on the first, spanning the others.
  void Keep(std::vector<Activity> activities, std::vector<std::string> deliverables,
            std::optional<MendedUnit> misread_unit, const Draft& d) {
    const size_t index = out_.activity_count();
    for (Activity& a : activities) {
      if (a.months_source == MonthsSource::kGrid) gridded_.push_back(out_.activity_count());
      out_.activities.push_back(std::move(a));
    }
    const Activity& first = *out_.WholeActivity(index);
    if (misread_unit) {
      misread_unit->finding.activity = index;
      misread_unit->finding.provenance = first.provenance;
      out_.findings.push_back(std::move(misread_unit->finding));
    }
    if (const std::string& read = d.rows.front()->code_as_read; !read.empty()) {
      Finding f;
      f.severity = Severity::kInfo;
      f.code = "code_misread";
      f.message = "activity " + first.code + ": code read by OCR as '" + read + "', " +
                  (first.code_printed ? "taken in the shape of the table's other codes"
                                      : "no code: its position in the table stands for it");
      f.raw_text = read;
      f.activity = index;
      f.provenance = first.provenance;
      out_.findings.push_back(std::move(f));
    }
    for (std::string& text : deliverables) {
      Deliverable del;
      del.text = std::move(text);
      del.activity = index;
      for (size_t i = index + 1; i < out_.activity_count(); ++i) del.spanned.push_back(i);
      del.section = first.section;
      del.provenance = first.provenance;
      out_.deliverables.push_back(std::move(del));
    }
  }

  // A row of what was done under a record's schedule, kept as the report prints it: under its
  // label ("R", "Realizado"), the titles of the month columns it marks ("Abr, May"), or, in a
  // schedule of no single row of month columns, its other cells.
  Attribute Realized(const TypedRow& row) const {
    Attribute at;
    at.bbox = row.row->bbox;
    const std::optional<size_t>& label = row.label;
    if (label && *label < row.cells.size()) at.header = row.cells[*label].cell->text;
    std::vector<std::string> values;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const Cell& cell = *row.cells[c].cell;
      if (!cell.text.empty() && c != text_ && c != label) values.push_back(cell.text);
    }
    if (const std::optional<MonthColumns>& months = table_.header.months) {
      Activity done;
      ReadSchedule(table_, RecordRows{{&row}, {false}}, rules_, year_, &done);
      values.clear();
      for (int m = 1; m <= 12 && static_cast<size_t>(m) <= months->size(); ++m) {
        const size_t column = (*months)[static_cast<size_t>(m - 1)].first;
        if (done.months.has(m) && column < table_.header.titles.size()) {
          // The month's own label, the last line of its header ("Programación 2023 / Abr").
          const std::string& title = table_.header.titles[column];
          const size_t last = title.rfind(" / ");
          values.push_back(last == std::string::npos ? title : title.substr(last + 3));
        }
      }
    }
    for (const std::string& v : values) at.value += (at.value.empty() ? "" : ", ") + v;
    return at;
  }

  // An activity of an earlier table with the same text and no months, which this one gives: a
  // schedule listing again the activities a table above described.
  std::optional<size_t> FindSame(const Activity& a) const {
    if (!a.months.known()) return std::nullopt;
    std::optional<size_t> misread;  // the same wording under a code OCR may have misread
    for (size_t i : unscheduled_.indices()) {
      const Activity& e = *out_.WholeActivity(i);
      if (e.months.known()) continue;  // given by a schedule since
      if (e.code_printed && a.code_printed && e.code != a.code) {
        const bool doubted = e.provenance.ocr_confidence < 1 || a.provenance.ocr_confidence < 1;
        if (!misread && doubted && SameWording(e.text, a.text, kSameTextOtherCode)) misread = i;
        continue;
      }
      if (SameWording(e.text, a.text, kSameText)) return i;
    }
    return misread;
  }

  const TypedTable& table_;
  const TableRules& rules_;
  const Vocabulary& vocab_;
  std::optional<int> year_;
  const Unscheduled& unscheduled_;
  Extraction& out_;
  size_t text_ = 0;
  double confidence_ = 1;
  // The headings above the table, materialised only when a record attaches to them.
  SectionTracker headings_;
  std::optional<size_t> section_;  // a section row of the table itself
  std::vector<size_t> gridded_;    // the activities given months by the table's grid
};

}  // namespace

void MapActivities(const std::vector<TypedTable>& tables, const TableRules& rules,
                   const Vocabulary& vocab, std::optional<int> year, Extraction* out) {
  Unscheduled unscheduled;
  for (const TypedTable& table : tables) {
    unscheduled.CatchUp(*out);
    Mapper(table, rules, vocab, year, unscheduled, out).Run();
  }
}

}  // namespace oplex
