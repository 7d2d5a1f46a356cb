// The common schema as C++ values: what extractors emit, validators check and the store writes.
//
// Every record carries a Provenance so that a person can go back to the page and box (or the
// line of a text export) it came from. Absent knowledge is modelled explicitly: a std::nullopt
// or MonthMask::Unknown() means "the source does not show it", which is never the same as zero
// or "no months". Plain value types; safe to copy between threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oplex {

// A box on a page, in PDF points with a top-left origin.
struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The smallest box holding both.
inline BBox Union(const BBox& a, const BBox& b) {
  return BBox{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
              std::max(a.y1, b.y1)};
}

// The box both hold (inside out when they do not meet: its Area is 0).
inline BBox Intersect(const BBox& a, const BBox& b) {
  return BBox{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1),
              std::min(a.y1, b.y1)};
}

inline double Area(const BBox& b) {
  return std::max(0.0, b.x1 - b.x0) * std::max(0.0, b.y1 - b.y0);
}

// Whether two boxes share some area (touching is not overlapping).
inline bool Overlap(const BBox& a, const BBox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// Where a record came from. Text exports have lines and (when the export marks page breaks)
// pages; PDFs have pages and boxes.
struct Provenance {
  std::optional<int> page;       // 1-based; nullopt when the source has no page marks
  std::optional<int> line;       // 1-based line of a text source
  std::optional<int> last_line;  // last line when the record spans several
  std::optional<BBox> bbox;      // PDF/OCR sources
  std::string extractor;         // the extractor that produced the record
  double confidence = 1.0;       // 0..1; below 1 for OCR and heuristic guesses
  // 0..1: how sure OCR was of the words the record was read from (1 when not read by OCR); the
  // confidence is at most this, and lower for a guess (a table's uncertain mapping). Not stored.
  double ocr_confidence = 1.0;
};

// Which of the 12 months an activity is scheduled in, or unknown.
class MonthMask {
 public:
  static MonthMask Unknown() { return MonthMask(); }
  static MonthMask FromBits(uint16_t bits) { return MonthMask(bits & 0x0FFF); }
  bool known() const { return known_; }
  // month is 1..12; only meaningful when known().
  bool has(int month) const { return known_ && (bits_ >> (month - 1)) & 1; }
  uint16_t bits() const { return bits_; }
  MonthMask With(int month) const { return FromBits(bits_ | (1u << (month - 1))); }

 private:
  MonthMask() = default;
  explicit MonthMask(uint16_t bits) : known_(true), bits_(bits) {}
  bool known_ = false;
  uint16_t bits_ = 0;
};

// A quantity as a document writes it: "4,060", "0.08", "300,000E" (estimated), "S/C" (not
// quantified: the document says there is no figure). `raw` keeps the text exactly as written.
struct Quantity {
  std::optional<double> value;  // nullopt only when not_quantified
  bool estimated = false;
  bool not_quantified = false;
  std::string raw;
};

// The kinds of section are an open vocabulary, data/section_kinds.tsv (with their ranks). These
// are the ones the extractors name themselves; the vocabulary must declare them.
namespace section_kind {
inline constexpr char kArea[] = "area";  // also a band that titles the rows below it in a table
inline constexpr char kProyecto[] = "proyecto";  // also a project over its indicators
inline constexpr char kSubprograma[] = "subprograma";
}  // namespace section_kind
inline constexpr std::array<const char*, 3> kSectionKindsNamedInCode = {
    section_kind::kArea, section_kind::kProyecto, section_kind::kSubprograma};

// A node of the document's own hierarchy (eje > área, subprograma > área > proyecto,
// grupo > objetivo). `parent` indexes Extraction::sections.
struct Section {
  std::string kind = section_kind::kArea;  // of data/section_kinds.tsv
  std::string code;  // as written ("01", "0101", "1"); empty when the document gives none
  std::string title;
  std::optional<size_t> parent;
  Provenance provenance;
};

// One month cell of an activity's schedule.
struct MonthValue {
  int month = 0;  // 1..12
  // The calendar year of the month, when known: a schedule may run into the next year, and a
  // date may fall outside the plan's year. nullopt when the document gives no year.
  std::optional<int> year;
  std::optional<Quantity> planned;  // the monthly quantity, when the grid holds numbers
  bool marked = false;              // scheduled in this month
  // The month's week sub-columns, marked ('1') or not ('0'), in order ("0110"); empty when the
  // grid has no weeks.
  std::string weeks;
  Provenance provenance;
};

// Beneficiaries as the document writes them: "Áreas administrativas del IEEM, INE." with counts
// "13,1,S/C, S/C", kept as written and parsed into parts.
struct Beneficiary {
  std::string kinds_text;
  std::string counts_text;
  std::vector<Quantity> counts;
  Provenance provenance;
};

// The function of an electoral institute an activity serves (data/taxonomy*.tsv), and what
// decided it.
struct ActivityCategory {
  std::string slug;      // "prep_computos"; "sin_clasificar" when no rule matched
  std::string label;     // "PREP y cómputos"
  int rank = 0;          // the category's place in the taxonomy, the order reports list them in
  std::string rule;      // id of the taxonomy rule that decided; empty when none matched
  std::string evidence;  // "text", "section" or "none"
};

// A column of an activity's table that names no field of the schema, kept with the record as
// the document prints it: its header, its value and its box.
struct Attribute {
  std::string header;
  std::string value;
  std::optional<BBox> bbox;
};

// Where an activity's months came from: a grid of months (marks, fills, quantities) or dates
// and periods written in words ("del 6 al 7 de agosto", "enero-marzo").
enum class MonthsSource { kGrid, kDates };
const char* ToString(MonthsSource source);

struct Activity {
  // The code the document prints ("1.1", "A.1", "DEOE-01"), or, when it prints none, the row's
  // position in its table ("1", "2"…) with code_printed false.
  std::string code;
  bool code_printed = true;
  std::string text;
  std::optional<std::string> unit;
  std::optional<Quantity> annual;
  MonthMask months = MonthMask::Unknown();
  std::vector<MonthValue> month_values;  // empty when months are unknown
  std::optional<size_t> section;         // index into Extraction::sections
  std::vector<Beneficiary> beneficiaries;
  std::optional<ActivityCategory> category;  // nullopt until classified
  std::optional<std::string> responsible;    // the area or person in charge, as printed
  std::optional<std::string> start_date;     // ISO dates, when the document gives days
  std::optional<std::string> end_date;
  std::optional<MonthsSource> months_source;  // nullopt while months are unknown
  std::vector<Attribute> attributes;
  Provenance provenance;
};

// Something an area promises to deliver; attached to its section, and to the activity whose row
// carried it when there is one.
struct Deliverable {
  std::string text;
  std::optional<size_t> section;
  std::optional<size_t> activity;  // the activity on whose row the deliverable stands
  // The further activities whose rows its cell spans (the deliverables of an area, written once
  // beside all of its activities); empty when the cell is on one activity's rows.
  std::vector<size_t> spanned;
  Provenance provenance;
};

enum class Severity { kInfo, kWarning, kError };
const char* ToString(Severity severity);

// A check that failed or a row that could not be read: stored, never silently dropped.
struct Finding {
  Severity severity = Severity::kWarning;
  std::string code;  // stable identifier, e.g. "months_sum_mismatch"
  std::string message;
  std::string raw_text;
  std::optional<size_t> activity;
  Provenance provenance;
};

// A count the document states about itself ("318 actividades", a project's "Activ." column),
// checked by the validator against what was extracted.
struct StatedTotal {
  enum class What { kSubprogramas, kProyectos, kActividades };
  What what = What::kActividades;
  std::optional<size_t> scope;  // section the count is about; nullopt = the whole document
  std::string scope_code;       // the code the document used for the scope, when any
  int64_t value = 0;
  Provenance provenance;
};
const char* ToString(StatedTotal::What what);

// A figure of an indicator as the document writes it: "100", "25%", "$65,018", "Sin
// referencia". `value` is the number when the text is one ("25%" → 25 with `percent`), and
// nullopt when it is not ("Sin referencia", "N/D": unknown, never 0).
struct Figure {
  std::string raw;
  std::optional<double> value;
  bool percent = false;
};

// One row of an indicator table: a MIR (Marco Lógico) or a report of "Indicadores de
// resultados". Fields the table does not have stay nullopt.
struct Indicator {
  std::optional<std::string> level;      // Fin, Propósito, Componente, Actividad
  std::optional<std::string> objective;  // the objective or narrative summary it measures
  std::string name;
  std::optional<std::string> definition;
  std::optional<std::string> method;     // método de cálculo
  std::optional<std::string> dimension;  // eficacia, eficiencia, economía, calidad (normalized)
  std::optional<std::string> frequency;  // normalized: mensual, trimestral, anual, única vez…
  std::optional<std::string> unit;
  std::optional<Figure> baseline;
  std::optional<Figure> target;      // the goal: for the year, else for the period reported
  std::optional<Figure> programmed;  // what was programmed to the period's end, when apart
  std::optional<Figure> progress;    // what was achieved
  std::optional<Figure> percent;     // the percent achieved as printed ("% de avance")
  std::optional<std::string> sense;  // ascendente, descendente, constante (normalized)
  std::optional<Figure> budget;
  std::optional<int> start_month;  // 1..12
  std::optional<int> end_month;
  std::optional<std::string> period_start;  // ISO date of the reporting period
  std::optional<std::string> period_end;
  std::optional<std::string> key;  // the indicator's own number or key, as printed
  // A row summing the rows above it (a zone's subtotal in a report by zones): stored, told apart.
  bool subtotal = false;
  std::vector<Attribute> attributes;  // every other headed column of its table
  std::string activity_code;          // the line of action it belongs to, as written ("12.1")
  std::optional<size_t> activity;     // index into Extraction::activities
  std::optional<size_t> section;      // index into Extraction::sections
  Provenance provenance;
};

// A dated session or meeting a report tells of.
struct Event {
  std::string kind;  // sesion_instalacion, sesion_ordinaria, sesion_extraordinaria, reunion…
  std::optional<std::string> body;   // who met: "Consejo General del INE", "COTAPREP"
  std::optional<std::string> date;   // ISO date; nullopt when the text gives none that exists
  std::string date_raw;              // the date as written
  std::string text;                  // the sentence that tells of it, or its table row
  std::optional<std::string> time;   // "09:00" (24-hour), when its table row or list item says
  std::optional<std::string> place;  // as printed, from a column headed "Lugar", "Sede"…
  Provenance provenance;
};

// An agreement or resolution cited by its code (INE/CG825/2022, CG-A-27/23), with the sentence
// it stands in.
struct Reference {
  std::string code;
  std::optional<std::string> kind;  // acuerdo, resolución…, when the sentence says
  std::string context;
  std::optional<size_t> event;  // index into Extraction::events: the session that approved it
  Provenance provenance;
};

// What a document is: a work plan, an indicator or activity report, a calendar of sessions or
// events, or the minutes of a meeting (acta, minuta).
enum class DocumentKind {
  kUnknown,
  kWorkPlan,
  kIndicatorReport,
  kActivityReport,
  kCalendar,
  kMinutes
};
const char* ToString(DocumentKind kind);
// The kinds classify can give a document (all but kUnknown).
inline constexpr DocumentKind kClassifiedKinds[] = {
    DocumentKind::kWorkPlan, DocumentKind::kIndicatorReport, DocumentKind::kActivityReport,
    DocumentKind::kCalendar, DocumentKind::kMinutes};
// "work_plan, indicator_report, activity_report, calendar or minutes", for messages.
std::string ClassifiedKindNames();
// The kind whose ToString() is `text` (kUnknown included); nullopt for any other text.
std::optional<DocumentKind> DocumentKindFromText(std::string_view text);

// What classify learned about a document.
struct DocumentInfo {
  std::string sha256;
  std::string path;
  std::string source_format;  // "text", "pdf", "image"
  DocumentKind kind = DocumentKind::kUnknown;
  std::optional<std::string> institute;  // gazetteer code, e.g. "IEEM"
  std::optional<int> year;
  std::optional<std::string> period;  // e.g. "2024-Q1", "2024"
  std::string title;
  std::optional<int> pages;
  std::optional<std::string> date;  // ISO date the document gives itself (a report's date)
};

// The first activities of a long document read a window of pages at a time, once written away
// (tools/run/record_spill.h), so that what a document has given so far does not stay in memory
// while the rest is read. Of each it keeps what the steps that look back over the document's
// activities ask for most: its code, section and months (the validator's numbering and totals,
// an indicator's activity, classification by records); its text and provenance are read back
// from where it was written when asked (a schedule row worded like it, a finding about it). An
// activity whose months are still unknown is kept whole: a later schedule may give them.
// Unlike the records above it is no plain value: it reads back through the spill that wrote it
// (and sorts its code index on a lookup), so it is used by one thread at a time.
class SettledActivities {
 public:
  // What was written of activity `index`: its code, text and provenance at least.
  using ReadBack = std::function<Activity(size_t index)>;

  size_t size() const { return digests_.size(); }
  std::string_view code(size_t index) const;
  std::optional<size_t> section(size_t index) const;
  MonthMask months(size_t index) const;
  // How many have months known and at least one marked.
  size_t scheduled() const { return scheduled_; }
  // The indexes of those with `code`, in order.
  std::vector<size_t> WithCode(std::string_view code) const;

  // Activity `index` whole while its months are unknown; null once they are known.
  Activity* Waiting(size_t index);
  // The indexes of the activities kept whole, in order.
  std::vector<size_t> WaitingIndexes() const;
  // Activity `index` as written: whole while waiting, else read back (without a way to read it
  // back, only its code, section and months).
  Activity Written(size_t index) const;

  // Settles `a` as activity size().
  void Add(Activity a);
  // Activity `index`, waiting, has its months now (and was written again): only its digest stays.
  void Scheduled(size_t index);
  void set_read_back(ReadBack read_back) { read_back_ = std::move(read_back); }

 private:
  struct Digest {
    uint32_t code_at = 0;  // in codes_
    uint32_t code_size = 0;
    uint32_t section = 0;  // index + 1; 0: none
    MonthMask months = MonthMask::Unknown();
    bool waiting = false;  // kept whole in waiting_, which says what it is
  };
  const Activity* Whole(size_t index) const;
  // Keeps the digest of activity `index` as `a` is (`fresh`: a new one).
  void Keep(size_t index, const Activity& a, bool fresh);

  // Deques: grown by blocks, never copied whole (a vector doubling its thousands of digests
  // holds both copies at once, a peak a long document's memory would show).
  std::deque<Digest> digests_;
  std::string codes_;  // every code, one after another
  // (hash of the code, index), sorted by hash when a lookup finds it unsorted.
  mutable std::deque<std::pair<uint32_t, uint32_t>> by_code_;
  mutable bool by_code_sorted_ = true;
  std::vector<std::pair<size_t, Activity>> waiting_;  // by index
  size_t scheduled_ = 0;
  ReadBack read_back_;
};

// Everything extracted from one document: the unit the store writes in one transaction.
struct Extraction {
  DocumentInfo document;
  std::vector<Section> sections;
  // A long document read in windows and written away as they settle has its first activities
  // there; `activities` holds those after them: activities[k] is the document's activity
  // settled.size() + k. A document read whole has none settled.
  SettledActivities settled;
  std::vector<Activity> activities;
  std::vector<Deliverable> deliverables;
  std::vector<StatedTotal> stated_totals;
  std::vector<Indicator> indicators;
  std::vector<Event> events;
  std::vector<Reference> references;
  std::vector<Finding> findings;
  // The responsible unit the last "Label: value" field read names, for the records under it
  // (extractors/fields_above.h).
  std::optional<std::string> responsible_above;

  // The document's activities, settled and held.
  size_t activity_count() const { return settled.size() + activities.size(); }
  // Activity `index` of the document when it is held whole (in `activities`, or settled while its
  // months are unknown); null when only its digest is kept.
  Activity* WholeActivity(size_t index);
  const Activity* WholeActivity(size_t index) const;
  // What the document's activity `index` is, wherever it is kept.
  std::string_view ActivityCode(size_t index) const;
  std::optional<size_t> ActivitySection(size_t index) const;
  MonthMask ActivityMonths(size_t index) const;
  // Its text and provenance (read back when settled).
  Activity ActivityWritten(size_t index) const;
};

}  // namespace oplex
