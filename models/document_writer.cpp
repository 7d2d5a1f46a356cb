#include "models/document_writer.h"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "models/merge.h"
#include "models/migrations.h"
#include "models/read_columns.h"

namespace oplex {
namespace {

// "INSERT INTO table (columns…, provenance…) VALUES (?, …), …": `rows` rows; each row's own
// columns are bound first, then its provenance from parameter columns.size() + 1 on (see
// BindProvenance).
std::string InsertWithProvenance(std::string_view table,
                                 std::initializer_list<std::string_view> columns, size_t rows = 1) {
  std::string sql = "INSERT INTO " + std::string(table) + " (";
  for (std::string_view column : columns) {
    sql += column;
    sql += ", ";
  }
  sql += ProvenanceColumns() + ") VALUES ";
  for (size_t row = 0; row < rows; ++row) {
    sql += row == 0 ? "(?" : ", (?";
    for (size_t i = 1; i < columns.size() + kProvenanceColumnCount; ++i) sql += ", ?";
    sql += ")";
  }
  return sql;
}

void BindProvenance(Statement& statement, int first, const Provenance& p) {
  statement.Bind(first, p.page).Bind(first + 1, p.line).Bind(first + 2, p.last_line);
  if (p.bbox) {
    statement.Bind(first + 3, p.bbox->x0)
        .Bind(first + 4, p.bbox->y0)
        .Bind(first + 5, p.bbox->x1)
        .Bind(first + 6, p.bbox->y1);
  } else {
    statement.BindNull(first + 3).BindNull(first + 4).BindNull(first + 5).BindNull(first + 6);
  }
  statement.Bind(first + 7, p.extractor).Bind(first + 8, p.confidence);
}

// Binds value, raw, estimated, not_quantified. An absent quantity is NULL with both flags 0,
// which the schema's CHECKs require.
void BindQuantity(Statement& statement, int first, const std::optional<Quantity>& q) {
  if (q) {
    statement.Bind(first, q->value)
        .Bind(first + 1, q->raw)
        .Bind(first + 2, q->estimated ? 1 : 0)
        .Bind(first + 3, q->not_quantified ? 1 : 0);
  } else {
    statement.BindNull(first).BindNull(first + 1).Bind(first + 2, 0).Bind(first + 3, 0);
  }
}

// Runs an INSERT … RETURNING id and leaves the statement ready for the next row.
Result<int64_t> InsertReturningId(Statement& statement) {
  Result<bool> row = statement.Step();
  if (!row.ok() || !*row) {
    statement.Reset();
    if (!row.ok()) return row.status();
    return Status::Internal("an INSERT ... RETURNING id returned no row");
  }
  int64_t id = statement.Int64(0);
  if (Status done = statement.Run(); !done.ok()) return done;
  return id;
}

// Cross-references in an Extraction are vector indexes; a dangling one means whatever built the
// Extraction is wrong, so the document is refused rather than stored with a broken link.
Status Dangling(size_t index, size_t stored, std::string_view vector) {
  return Status::Internal("dangling reference to " + std::string(vector) + "[" +
                          std::to_string(index) + "] (only " + std::to_string(stored) + " " +
                          std::string(vector) + " are stored before it)");
}

Result<std::optional<int64_t>> RowIdOf(const std::optional<size_t>& index,
                                       const std::vector<int64_t>& ids, std::string_view vector) {
  if (!index) return std::optional<int64_t>();
  if (*index >= ids.size()) return Dangling(*index, ids.size(), vector);
  return std::optional<int64_t>(ids[*index]);
}

std::string Where(std::string_view vector, size_t index, std::string_view code = "") {
  std::string where = std::string(vector) + "[" + std::to_string(index) + "]";
  if (!code.empty()) where += " (" + std::string(code) + ")";
  return where;
}

// An INSERT of `rows` activities: their own kActivityOwnColumns columns, as BindActivity binds
// them, then the provenance.
constexpr int kActivityOwnColumns = 19;
constexpr int kActivityColumns = kActivityOwnColumns + kProvenanceColumnCount;
std::string InsertActivities(size_t rows) {
  return InsertWithProvenance(
      "activity",
      {"id", "document_id", "section_id", "code", "text", "unit", "annual_value", "annual_raw",
       "annual_estimated", "annual_not_quantified", "months_mask", "category", "category_rule",
       "category_evidence", "code_printed", "responsible", "start_date", "end_date",
       "months_source"},
      rows);
}

// INSERTs of `rows` months at once: into activity_month (each row kMonthColumns parameters, as
// BindMonth binds them) and into activity_calendar_month (kCalendarColumns, BindCalendarMonth).
constexpr int kMonthColumns = 9 + kProvenanceColumnCount;
constexpr int kCalendarColumns = 5;
std::string InsertMonths(size_t rows) {
  return InsertWithProvenance(
      "activity_month",
      {"activity_id", "month", "planned_value", "planned_raw", "planned_estimated",
       "planned_not_quantified", "marked", "weeks", "calendar_year"},
      rows);
}
std::string InsertCalendarMonths(size_t rows) {
  std::string sql =
      "INSERT INTO activity_calendar_month (activity_id, year, month, marked, weeks) VALUES ";
  for (size_t row = 0; row < rows; ++row) sql += row == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
  return sql;
}

// A month's weeks at parameter `at`: NULL when the grid has no week columns.
void BindWeeks(Statement& statement, int at, const std::string& weeks) {
  if (weeks.empty()) {
    statement.BindNull(at);
  } else {
    statement.Bind(at, weeks);
  }
}

void BindMonth(Statement& statement, int first, int64_t id, const MonthValue& m) {
  statement.Bind(first, id).Bind(first + 1, m.month);
  BindQuantity(statement, first + 2, m.planned);
  statement.Bind(first + 6, m.marked ? 1 : 0);
  BindWeeks(statement, first + 7, m.weeks);
  statement.Bind(first + 8, m.year);
  BindProvenance(statement, first + 9, m.provenance);
}

void BindCalendarMonth(Statement& statement, int first, int64_t id, const MonthValue& m) {
  statement.Bind(first, id).Bind(first + 1, *m.year).Bind(first + 2, m.month);
  statement.Bind(first + 3, m.marked ? 1 : 0);
  BindWeeks(statement, first + 4, m.weeks);
}

// An activity's months mask at parameter `at`: NULL while its months are unknown.
void BindMonthsMask(Statement& statement, int at, MonthMask months) {
  if (months.known()) {
    statement.Bind(at, static_cast<int64_t>(months.bits()));
  } else {
    statement.BindNull(at);
  }
}

// An activity's category, rule and evidence from parameter `first` on (no rule matched: NULL).
void BindCategory(Statement& statement, int first, const std::optional<ActivityCategory>& c) {
  if (!c) {
    statement.BindNull(first).BindNull(first + 1).BindNull(first + 2);
    return;
  }
  statement.Bind(first, c->slug).Bind(first + 2, c->evidence);
  if (c->rule.empty()) {
    statement.BindNull(first + 1);
  } else {
    statement.Bind(first + 1, c->rule);
  }
}

// Where an activity's months came from, at parameter `at`.
void BindMonthsSource(Statement& statement, int at, const std::optional<MonthsSource>& source) {
  if (source) {
    statement.Bind(at, std::string_view(ToString(*source)));
  } else {
    statement.BindNull(at);
  }
}

// Binds the row of activity `a`, whose id is `id`, from parameter `first` on.
void BindActivity(Statement& statement, int first, int64_t id, int64_t document_id,
                  std::optional<int64_t> section_id, const Activity& a) {
  statement.Bind(first, id)
      .Bind(first + 1, document_id)
      .Bind(first + 2, section_id)
      .Bind(first + 3, a.code)
      .Bind(first + 4, a.text)
      .Bind(first + 5, a.unit);
  BindQuantity(statement, first + 6, a.annual);
  BindMonthsMask(statement, first + 10, a.months);
  BindCategory(statement, first + 11, a.category);
  statement.Bind(first + 14, a.code_printed ? 1 : 0)
      .Bind(first + 15, a.responsible)
      .Bind(first + 16, a.start_date)
      .Bind(first + 17, a.end_date);
  BindMonthsSource(statement, first + 18, a.months_source);
  BindProvenance(statement, first + 19, a.provenance);
}

// The attributes of one record (an activity or an indicator) through `insert`, an INSERT of
// (owner id, position, header, value, bbox_x0, bbox_y0, bbox_x1, bbox_y1).
Status InsertAttributes(Statement& insert, int64_t owner_id,
                        const std::vector<Attribute>& attributes) {
  for (size_t i = 0; i < attributes.size(); ++i) {
    const Attribute& at = attributes[i];
    insert.Bind(1, owner_id)
        .Bind(2, static_cast<int64_t>(i + 1))
        .Bind(3, at.header)
        .Bind(4, at.value);
    if (at.bbox) {
      insert.Bind(5, at.bbox->x0).Bind(6, at.bbox->y0).Bind(7, at.bbox->x1).Bind(8, at.bbox->y1);
    } else {
      insert.BindNull(5).BindNull(6).BindNull(7).BindNull(8);
    }
    if (Status s = insert.Run(); !s.ok()) {
      return WithContext(s, "attribute " + std::to_string(i + 1));
    }
  }
  return Status::Ok();
}

// Binds raw, value and the percent flag of a figure; an absent one is NULL, NULL, 0.
void BindFigure(Statement& statement, int raw, int value, int percent,
                const std::optional<Figure>& f) {
  if (f) {
    statement.Bind(raw, f->raw).Bind(value, f->value).Bind(percent, f->percent ? 1 : 0);
  } else {
    statement.BindNull(raw).BindNull(value).Bind(percent, 0);
  }
}

}  // namespace

namespace {

// The writer's statements, by kind (DocumentWriter::statement).
enum Which : size_t {
  kSection,
  kActivities,  // kActivityBatch rows
  kCategory,
  kMonth,
  kCalendar,
  kActivityAttribute,
  kBeneficiary,
  kCount,
  kDeliverable,
  kDeliverableLink,
  kStatedTotal,
  kIndicator,
  kIndicatorAttribute,
  kEvent,
  kReference,
  kFinding,
  // A long document's activities written before, again (UpdateSchedule) and read back
  // (ReadActivity).
  kScheduleUpdate,
  kMonthsClear,
  kCalendarClear,
  kActivityRead,
};

std::vector<std::string> StatementsSql() {
  return {
      InsertWithProvenance("section", {"document_id", "parent_id", "kind", "code", "title"}) +
          " RETURNING id",
      InsertActivities(DocumentWriter::kActivityBatch),
      // The taxonomy's labels and order may change between runs: the latest run's win.
      "INSERT INTO category (slug, label, rank) VALUES (?, ?, ?) ON CONFLICT (slug) DO UPDATE "
      "SET label = excluded.label, rank = excluded.rank",
      InsertMonths(1),
      InsertCalendarMonths(1),
      "INSERT INTO activity_attribute (activity_id, position, header, value, bbox_x0, bbox_y0, "
      "bbox_x1, bbox_y1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      InsertWithProvenance("beneficiary", {"activity_id", "kinds_text", "counts_text"}) +
          " RETURNING id",
      "INSERT INTO beneficiary_count (beneficiary_id, position, value, raw, estimated, "
      "not_quantified) VALUES (?, ?, ?, ?, ?, ?)",
      InsertWithProvenance("deliverable", {"document_id", "section_id", "activity_id", "text"}) +
          " RETURNING id",
      "INSERT INTO activity_deliverable (deliverable_id, activity_id) VALUES (?, ?)",
      InsertWithProvenance("stated_total",
                           {"document_id", "what", "section_id", "scope_code", "value"}),
      InsertWithProvenance("indicator", {"document_id",
                                         "section_id",
                                         "activity_id",
                                         "level",
                                         "objective",
                                         "name",
                                         "definition",
                                         "method",
                                         "dimension",
                                         "frequency",
                                         "unit",
                                         "baseline_raw",
                                         "baseline_value",
                                         "baseline_percent",
                                         "target_raw",
                                         "target_value",
                                         "target_percent",
                                         "progress_raw",
                                         "progress_value",
                                         "progress_percent",
                                         "sense",
                                         "budget_raw",
                                         "budget_value",
                                         "start_month",
                                         "end_month",
                                         "period_start",
                                         "period_end",
                                         "activity_code",
                                         "key",
                                         "programmed_raw",
                                         "programmed_value",
                                         "programmed_percent",
                                         "percent_raw",
                                         "percent_value",
                                         "subtotal"}) +
          " RETURNING id",
      "INSERT INTO indicator_attribute (indicator_id, position, header, value, bbox_x0, bbox_y0, "
      "bbox_x1, bbox_y1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      InsertWithProvenance(
          "event", {"document_id", "kind", "body", "date", "date_raw", "text", "time", "place"}) +
          " RETURNING id",
      InsertWithProvenance("reference", {"document_id", "event_id", "code", "kind", "context"}),
      InsertWithProvenance(
          "finding", {"document_id", "activity_id", "severity", "code", "message", "raw_text"}),
      "UPDATE activity SET code = ?, code_printed = ?, text = ?, months_mask = ?, "
      "months_source = ?, category = ?, category_rule = ?, category_evidence = ? WHERE id = ?",
      "DELETE FROM activity_month WHERE activity_id = ?",
      "DELETE FROM activity_calendar_month WHERE activity_id = ?",
      "SELECT code, code_printed, text, " + ProvenanceColumns() + " FROM activity WHERE id = ?",
  };
}

Result<int64_t> InsertDocument(Store& store, const DocumentInfo& d) {
  if (d.institute) {
    Result<Statement> institute =
        store.Prepare("INSERT INTO institute (code) VALUES (?) ON CONFLICT (code) DO NOTHING");
    if (!institute.ok()) return institute.status();
    if (Status s = institute->Bind(1, *d.institute).Run(); !s.ok()) {
      return WithContext(s, "institute " + *d.institute);
    }
  }
  Result<Statement> document = store.Prepare(
      "INSERT INTO document (sha256, path, kind, institute, year, period, title, pages, "
      "source_format, pipeline_version, date, ingested_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
      "RETURNING id");
  if (!document.ok()) return document.status();
  document->Bind(1, d.sha256)
      .Bind(2, d.path)
      .Bind(3, ToString(d.kind))
      .Bind(4, d.institute)
      .Bind(5, d.year)
      .Bind(6, d.period)
      .Bind(7, d.title)
      .Bind(8, d.pages)
      .Bind(9, d.source_format)
      .Bind(10, OPLEX_VERSION)
      .Bind(11, d.date);
  Result<int64_t> id = InsertReturningId(*document);
  if (!id.ok()) return WithContext(id.status(), "document " + d.path);
  return id;
}

}  // namespace

Result<std::unique_ptr<DocumentWriter>> DocumentWriter::Start(Store& store,
                                                              const DocumentInfo& document,
                                                              bool replace) {
  Result<std::optional<int64_t>> existing = store.FindDocument(document.sha256);
  if (!existing.ok()) return existing.status();
  std::vector<MetadataSet> kept;
  std::optional<PlanGroup> left;
  if (existing->has_value()) {
    if (!replace) return std::unique_ptr<DocumentWriter>();
    Result<std::vector<MetadataSet>> set = ListMetadataSet(store, **existing);
    if (!set.ok()) return set.status();
    kept = std::move(*set);
    Result<PlanGroup> group = PlanGroupOf(store, **existing);
    if (!group.ok()) return group.status();
    left = std::move(*group);
    Result<Statement> remove = store.Prepare("DELETE FROM document WHERE id = ?");
    if (!remove.ok()) return remove.status();
    if (Status s = remove->Bind(1, **existing).Run(); !s.ok()) {
      return WithContext(s, "removing the stored copy of " + document.path);
    }
  }
  Result<int64_t> id = InsertDocument(store, document);
  if (!id.ok()) return id.status();
  std::vector<Statement> statements;
  for (const std::string& sql : StatementsSql()) {
    Result<Statement> statement = store.Prepare(sql);
    if (!statement.ok()) return statement.status();
    statements.push_back(std::move(*statement));
  }
  return std::unique_ptr<DocumentWriter>(new DocumentWriter(
      store, std::move(statements), *id, existing->has_value(), std::move(kept), std::move(left)));
}

DocumentWriter::DocumentWriter(Store& store, std::vector<Statement> statements, int64_t document_id,
                               bool replaced, std::vector<MetadataSet> kept,
                               std::optional<PlanGroup> left)
    : store_(store),
      document_id_(document_id),
      replaced_(replaced),
      kept_(std::move(kept)),
      left_(std::move(left)),
      statements_(std::move(statements)) {}

DocumentWriter::~DocumentWriter() {
  if (open_) store_.EndTransaction(Status::Internal("the document was not committed"));
}

template <typename Write>
Status DocumentWriter::Guarded(Write&& write, bool flush) {
  if (!failed_.ok()) return failed_;
  if (!open_) return failed_ = Status::Internal("the document is committed already");
  Status s = flush ? WriteHeld() : Status::Ok();
  if (s.ok()) s = write();
  if (!s.ok()) failed_ = s;
  return s;
}

Status DocumentWriter::AddSection(const Section& section) {
  return Guarded([&]() -> Status {
    const size_t i = section_ids_.size();
    // Only the sections already written have ids, which is what makes a parent come first.
    Result<std::optional<int64_t>> parent = RowIdOf(section.parent, section_ids_, "sections");
    if (!parent.ok()) return WithContext(parent.status(), Where("sections", i, section.code));
    Statement& insert = statement(kSection);
    insert.Bind(1, document_id_)
        .Bind(2, *parent)
        .Bind(3, section.kind)
        .Bind(4, section.code)
        .Bind(5, section.title);
    BindProvenance(insert, 6, section.provenance);
    Result<int64_t> id = InsertReturningId(insert);
    if (!id.ok()) return WithContext(id.status(), Where("sections", i, section.code));
    section_ids_.push_back(*id);
    return Status::Ok();
  });
}

Status DocumentWriter::AddActivity(Activity activity) {
  return Guarded(
      [&]() -> Status {
        const size_t i = activities_written_ + held_.size();
        // Checked now, so that the failure names the activity as it is added.
        Result<std::optional<int64_t>> section =
            RowIdOf(activity.section, section_ids_, "sections");
        if (!section.ok())
          return WithContext(section.status(), Where("activities", i, activity.code));
        held_.push_back(std::move(activity));
        return held_.size() == kActivityBatch ? WriteHeld() : Status::Ok();
      },
      /*flush=*/false);
}

Result<Activity> DocumentWriter::ReadActivity(size_t index) {
  if (index >= activities_written_) {
    if (index - activities_written_ >= held_.size()) {
      return Status::Internal("no activities[" + std::to_string(index) + "] was added");
    }
    return held_[index - activities_written_];
  }
  Statement& read = statement(kActivityRead);
  Result<bool> row = read.Bind(1, **ActivityRowId(index)).Step();
  if (!row.ok() || !*row) {
    read.Reset();
    if (!row.ok()) return WithContext(row.status(), Where("activities", index));
    return Status::Internal(Where("activities", index) + " is not in the database");
  }
  Activity a;
  a.code = read.Text(0);
  a.code_printed = read.Int64(1) != 0;
  a.text = read.Text(2);
  a.provenance = ReadProvenance(read, 3);
  read.Reset();
  return a;
}

Status DocumentWriter::CopyRecords(const std::string& schema) {
  return Guarded([&]() -> Status {
    Result<Statement> from = store_.Prepare("SELECT id FROM " + schema + ".document");
    if (!from.ok()) return from.status();
    Result<bool> row = from->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::InvalidInput("the spilled records name no document");
    const int64_t id = from->Int64(0);
    from->Reset();
    return CopyDocumentRecords(store_, schema, id, document_id_);
  });
}

Result<std::optional<int64_t>> DocumentWriter::ActivityRowId(std::optional<size_t> index) const {
  if (!index) return std::optional<int64_t>();
  if (*index >= activities_written_) return Dangling(*index, activities_written_, "activities");
  return std::optional<int64_t>(*max_activity_id_ + static_cast<int64_t>(*index) + 1);
}

Status DocumentWriter::UpdateSchedule(size_t index, const Activity& a) {
  return Guarded([&]() -> Status {
    const std::string where = Where("activities", index, a.code);
    Result<std::optional<int64_t>> id = ActivityRowId(index);
    if (!id.ok()) return WithContext(id.status(), where);
    if (a.category) {
      if (Status s = WriteCategory(*a.category); !s.ok()) return WithContext(s, where);
    }
    Statement& update = statement(kScheduleUpdate);
    update.Bind(1, a.code).Bind(2, a.code_printed ? 1 : 0).Bind(3, a.text);
    BindMonthsMask(update, 4, a.months);
    BindMonthsSource(update, 5, a.months_source);
    BindCategory(update, 6, a.category);
    if (Status s = update.Bind(9, **id).Run(); !s.ok()) return WithContext(s, where);
    for (const Which clear : {kMonthsClear, kCalendarClear}) {
      if (Status s = statement(clear).Bind(1, **id).Run(); !s.ok()) return WithContext(s, where);
    }
    if (Status s = WriteMonths(**id, a); !s.ok()) return WithContext(s, where);
    return Status::Ok();
  });
}

Status DocumentWriter::WriteHeld() {
  if (held_.empty()) return Status::Ok();
  if (!max_activity_id_) {
    Result<Statement> max = store_.Prepare("SELECT ifnull(max(id), 0) FROM activity");
    if (!max.ok()) return max.status();
    Result<bool> row = max->Step();
    if (!row.ok()) return row.status();
    max_activity_id_ = max->Int64(0);
  }
  const size_t first = activities_written_;
  Status written = Status::Ok();
  if (held_.size() == kActivityBatch) {
    written = WriteActivityRows(first, held_.size(), statement(kActivities));
  } else {
    Result<Statement> insert = store_.Prepare(InsertActivities(held_.size()));
    written = insert.ok() ? WriteActivityRows(first, held_.size(), *insert) : insert.status();
  }
  if (!written.ok() && written.code() == Status::Code::kInternal && held_.size() > 1) {
    // The schema refused a row of the batch, and SQLite undid the whole statement: written one
    // at a time, the failure names the activity.
    Result<Statement> insert = store_.Prepare(InsertActivities(1));
    if (!insert.ok()) return insert.status();
    for (size_t k = 0; k < held_.size(); ++k) {
      if (Status s = WriteActivityRows(first + k, 1, *insert); !s.ok()) return s;
    }
  }
  if (!written.ok()) return written;
  for (size_t k = 0; k < held_.size(); ++k) {
    const int64_t id = *max_activity_id_ + static_cast<int64_t>(first + k) + 1;
    if (Status s = WriteActivityParts(id, held_[k]); !s.ok()) {
      return WithContext(s, Where("activities", first + k, held_[k].code));
    }
    ++activities_written_;
  }
  held_.clear();
  return Status::Ok();
}

// Rows [first, first + count) of the activities (held from activities_written_ on), with their
// ids after max_activity_id_: the ids SQLite would have given them one after the other.
Status DocumentWriter::WriteActivityRows(size_t first, size_t count, Statement& insert) {
  const size_t held_from = activities_written_;
  for (size_t k = 0; k < count; ++k) {
    const Activity& a = held_[first - held_from + k];
    if (a.category) {
      if (Status s = WriteCategory(*a.category); !s.ok()) {
        return WithContext(s, Where("activities", first + k, a.code));
      }
    }
    // Checked when the activity was added.
    const std::optional<int64_t> section =
        a.section ? std::optional(section_ids_[*a.section]) : std::nullopt;
    BindActivity(insert, static_cast<int>(k) * kActivityColumns + 1,
                 *max_activity_id_ + static_cast<int64_t>(first + k) + 1, document_id_, section, a);
  }
  Status s = insert.Run();
  if (s.ok()) return s;
  if (count == 1) return WithContext(s, Where("activities", first, held_[first - held_from].code));
  return WithContext(
      s, "activities[" + std::to_string(first) + "…" + std::to_string(first + count - 1) + "]");
}

Status DocumentWriter::WriteCategory(const ActivityCategory& c) {
  // The same category is written once per document.
  auto key = std::make_tuple(c.slug, c.label, c.rank);
  if (categories_.count(key) > 0) return Status::Ok();
  if (Status s = statement(kCategory).Bind(1, c.slug).Bind(2, c.label).Bind(3, c.rank).Run();
      !s.ok()) {
    return s;
  }
  categories_.insert(std::move(key));
  return Status::Ok();
}

// The months of the schedule's first year go to activity_month (the grid as the plan prints it);
// every month whose year is known goes to activity_calendar_month too.
// An activity's months go in one statement per table: SQLite steps once for a grid's twelve rows.
Status DocumentWriter::WriteMonths(int64_t id, const Activity& a) {
  const std::optional<int> first_year =
      a.month_values.empty() ? std::nullopt : a.month_values.front().year;
  std::vector<const MonthValue*> dated, of_first_year;
  for (const MonthValue& m : a.month_values) {
    if (m.year) dated.push_back(&m);
    if (m.year == first_year) of_first_year.push_back(&m);
  }
  auto calendar_row = [id](Statement& s, int at, const MonthValue& m) {
    BindCalendarMonth(s, at, id, m);
  };
  auto calendar_name = [](const MonthValue& m) {
    return "month " + std::to_string(*m.year) + "-" + std::to_string(m.month);
  };
  if (Status s = WriteRows(InsertCalendarMonths, kCalendar, kCalendarColumns, dated, calendar_row,
                           calendar_name);
      !s.ok()) {
    return s;
  }
  return WriteRows(
      InsertMonths, kMonth, kMonthColumns, of_first_year,
      [id](Statement& s, int at, const MonthValue& m) { BindMonth(s, at, id, m); },
      [](const MonthValue& m) { return "month " + std::to_string(m.month); });
}

template <typename BindRow, typename NameRow>
Status DocumentWriter::WriteRows(std::string (*sql)(size_t), size_t single, int columns,
                                 const std::vector<const MonthValue*>& rows, BindRow bind,
                                 NameRow name) {
  if (rows.empty()) return Status::Ok();
  Statement* insert = &statement(single);
  if (rows.size() > 1) {
    const std::string text = sql(rows.size());
    auto cached = by_rows_.find(text);
    if (cached == by_rows_.end()) {
      Result<Statement> prepared = store_.Prepare(text);
      if (!prepared.ok()) return prepared.status();
      cached = by_rows_.emplace(text, std::move(*prepared)).first;
    }
    insert = &cached->second;
  }
  for (size_t k = 0; k < rows.size(); ++k)
    bind(*insert, static_cast<int>(k) * columns + 1, *rows[k]);
  Status s = insert->Run();
  if (s.ok() || rows.size() == 1 || s.code() != Status::Code::kInternal) return s;
  // The schema refused a row, and SQLite undid the whole statement: written one at a time, the
  // failure names the month.
  for (const MonthValue* m : rows) {
    bind(statement(single), 1, *m);
    if (Status one = statement(single).Run(); !one.ok()) return WithContext(one, name(*m));
  }
  return s;
}

// The months, then the attributes and the beneficiaries.
Status DocumentWriter::WriteActivityParts(int64_t id, const Activity& a) {
  if (Status s = WriteMonths(id, a); !s.ok()) return s;
  if (Status s = InsertAttributes(statement(kActivityAttribute), id, a.attributes); !s.ok()) {
    return s;
  }
  Statement& beneficiary = statement(kBeneficiary);
  Statement& count = statement(kCount);
  for (size_t i = 0; i < a.beneficiaries.size(); ++i) {
    const Beneficiary& b = a.beneficiaries[i];
    beneficiary.Bind(1, id).Bind(2, b.kinds_text).Bind(3, b.counts_text);
    BindProvenance(beneficiary, 4, b.provenance);
    Result<int64_t> beneficiary_id = InsertReturningId(beneficiary);
    if (!beneficiary_id.ok())
      return WithContext(beneficiary_id.status(), Where("beneficiaries", i));
    for (size_t position = 1; position <= b.counts.size(); ++position) {
      count.Bind(1, *beneficiary_id).Bind(2, static_cast<int64_t>(position));
      BindQuantity(count, 3, b.counts[position - 1]);
      if (Status s = count.Run(); !s.ok()) {
        return WithContext(
            s, Where("beneficiaries", i) + ".counts[" + std::to_string(position - 1) + "]");
      }
    }
  }
  return Status::Ok();
}

Status DocumentWriter::AddDeliverable(const Deliverable& d) {
  return Guarded([&]() -> Status {
    const std::string where = Where("deliverables", deliverables_++);
    Result<std::optional<int64_t>> section = RowIdOf(d.section, section_ids_, "sections");
    if (!section.ok()) return WithContext(section.status(), where);
    Result<std::optional<int64_t>> activity = ActivityRowId(d.activity);
    if (!activity.ok()) return WithContext(activity.status(), where);
    Statement& insert = statement(kDeliverable);
    insert.Bind(1, document_id_).Bind(2, *section).Bind(3, *activity).Bind(4, d.text);
    BindProvenance(insert, 5, d.provenance);
    Result<int64_t> id = InsertReturningId(insert);
    if (!id.ok()) return WithContext(id.status(), where);
    std::vector<std::optional<size_t>> members;
    if (d.activity) members.push_back(d.activity);
    members.insert(members.end(), d.spanned.begin(), d.spanned.end());
    Statement& link = statement(kDeliverableLink);
    for (const std::optional<size_t>& member : members) {
      Result<std::optional<int64_t>> member_id = ActivityRowId(member);
      if (!member_id.ok()) return WithContext(member_id.status(), where);
      link.Bind(1, *id).Bind(2, **member_id);
      if (Status s = link.Run(); !s.ok()) return WithContext(s, where);
    }
    return Status::Ok();
  });
}

Status DocumentWriter::AddStatedTotal(const StatedTotal& t) {
  return Guarded([&]() -> Status {
    const std::string where = Where("stated_totals", stated_totals_++, t.scope_code);
    Result<std::optional<int64_t>> scope = RowIdOf(t.scope, section_ids_, "sections");
    if (!scope.ok()) return WithContext(scope.status(), where);
    Statement& insert = statement(kStatedTotal);
    insert.Bind(1, document_id_)
        .Bind(2, ToString(t.what))
        .Bind(3, *scope)
        .Bind(4, t.scope_code)
        .Bind(5, t.value);
    BindProvenance(insert, 6, t.provenance);
    return WithContext(insert.Run(), where);
  });
}

Status DocumentWriter::AddIndicator(const Indicator& r) {
  return Guarded([&]() -> Status {
    const std::string where = Where("indicators", indicators_++, r.name);
    Result<std::optional<int64_t>> section = RowIdOf(r.section, section_ids_, "sections");
    if (!section.ok()) return WithContext(section.status(), where);
    Result<std::optional<int64_t>> activity = ActivityRowId(r.activity);
    if (!activity.ok()) return WithContext(activity.status(), where);
    Statement& insert = statement(kIndicator);
    insert.Bind(1, document_id_)
        .Bind(2, *section)
        .Bind(3, *activity)
        .Bind(4, r.level)
        .Bind(5, r.objective)
        .Bind(6, r.name)
        .Bind(7, r.definition)
        .Bind(8, r.method)
        .Bind(9, r.dimension)
        .Bind(10, r.frequency)
        .Bind(11, r.unit);
    BindFigure(insert, 12, 13, 14, r.baseline);
    BindFigure(insert, 15, 16, 17, r.target);
    BindFigure(insert, 18, 19, 20, r.progress);
    insert.Bind(21, r.sense);
    if (r.budget) {
      insert.Bind(22, r.budget->raw).Bind(23, r.budget->value);
    } else {
      insert.BindNull(22).BindNull(23);
    }
    insert.Bind(24, r.start_month)
        .Bind(25, r.end_month)
        .Bind(26, r.period_start)
        .Bind(27, r.period_end);
    if (r.activity_code.empty()) {
      insert.BindNull(28);
    } else {
      insert.Bind(28, r.activity_code);
    }
    insert.Bind(29, r.key);
    BindFigure(insert, 30, 31, 32, r.programmed);
    if (r.percent) {
      insert.Bind(33, r.percent->raw).Bind(34, r.percent->value);
    } else {
      insert.BindNull(33).BindNull(34);
    }
    insert.Bind(35, r.subtotal ? 1 : 0);
    BindProvenance(insert, 36, r.provenance);
    Result<int64_t> id = InsertReturningId(insert);
    if (!id.ok()) return WithContext(id.status(), where);
    return WithContext(InsertAttributes(statement(kIndicatorAttribute), *id, r.attributes), where);
  });
}

Status DocumentWriter::AddEvent(const Event& e) {
  return Guarded([&]() -> Status {
    Statement& insert = statement(kEvent);
    insert.Bind(1, document_id_)
        .Bind(2, e.kind)
        .Bind(3, e.body)
        .Bind(4, e.date)
        .Bind(5, e.date_raw)
        .Bind(6, e.text)
        .Bind(7, e.time)
        .Bind(8, e.place);
    BindProvenance(insert, 9, e.provenance);
    Result<int64_t> id = InsertReturningId(insert);
    if (!id.ok()) return WithContext(id.status(), Where("events", event_ids_.size(), e.kind));
    event_ids_.push_back(*id);
    return Status::Ok();
  });
}

Status DocumentWriter::AddReference(const Reference& r) {
  return Guarded([&]() -> Status {
    const std::string where = Where("references", references_++, r.code);
    Result<std::optional<int64_t>> event = RowIdOf(r.event, event_ids_, "events");
    if (!event.ok()) return WithContext(event.status(), where);
    Statement& insert = statement(kReference);
    insert.Bind(1, document_id_).Bind(2, *event).Bind(3, r.code).Bind(4, r.kind).Bind(5, r.context);
    BindProvenance(insert, 6, r.provenance);
    return WithContext(insert.Run(), where);
  });
}

Status DocumentWriter::AddFinding(const Finding& f) {
  return Guarded([&]() -> Status {
    const std::string where = Where("findings", findings_++, f.code);
    Result<std::optional<int64_t>> activity = ActivityRowId(f.activity);
    if (!activity.ok()) return WithContext(activity.status(), where);
    Statement& insert = statement(kFinding);
    insert.Bind(1, document_id_)
        .Bind(2, *activity)
        .Bind(3, ToString(f.severity))
        .Bind(4, f.code)
        .Bind(5, f.message)
        .Bind(6, f.raw_text);
    BindProvenance(insert, 7, f.provenance);
    return WithContext(insert.Run(), where);
  });
}

Result<Store::PutOutcome> DocumentWriter::Commit() {
  Status written = Guarded([&]() -> Status {
    if (!kept_.empty()) {
      if (Status s = RestoreMetadata(store_, document_id_, kept_); !s.ok()) return s;
    }
    Result<PlanGroup> group = PlanGroupOf(store_, document_id_);
    if (!group.ok()) return group.status();
    if (Status s = UpdatePlanKeys(store_, *group); !s.ok()) return s;
    if (left_) return UpdatePlanKeys(store_, *left_);
    return Status::Ok();
  });
  if (!open_) return written;  // committed already: nothing to end
  open_ = false;
  if (Status ended = store_.EndTransaction(written); !ended.ok()) return failed_ = ended;
  return replaced_ ? Store::PutOutcome::kReplaced : Store::PutOutcome::kInserted;
}

namespace {

// Adds `records` one after the other through `add`, a DocumentWriter::Add method.
template <typename Add, typename Record>
Status AddAll(DocumentWriter& writer, Add add, const std::vector<Record>& records) {
  for (const Record& record : records) {
    if (Status s = (writer.*add)(record); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status WriteExtraction(DocumentWriter& writer, const Extraction& e) {
  Status s = AddAll(writer, &DocumentWriter::AddSection, e.sections);
  if (s.ok()) s = AddAll(writer, &DocumentWriter::AddActivity, e.activities);
  if (s.ok()) s = AddAll(writer, &DocumentWriter::AddDeliverable, e.deliverables);
  if (s.ok()) s = AddAll(writer, &DocumentWriter::AddStatedTotal, e.stated_totals);
  if (s.ok()) s = AddAll(writer, &DocumentWriter::AddIndicator, e.indicators);
  if (s.ok()) s = AddAll(writer, &DocumentWriter::AddEvent, e.events);
  if (s.ok()) s = AddAll(writer, &DocumentWriter::AddReference, e.references);
  if (s.ok()) s = AddAll(writer, &DocumentWriter::AddFinding, e.findings);
  return s;
}

}  // namespace oplex
