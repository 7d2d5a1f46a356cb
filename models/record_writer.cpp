#include "models/record_writer.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/migrations.h"

namespace oplex {
namespace {

// "INSERT INTO table (columns…, provenance…) VALUES (?, …)": the record's own columns are bound
// first, then the provenance from parameter columns.size() + 1 on (see BindProvenance).
std::string InsertWithProvenance(std::string_view table,
                                 std::initializer_list<std::string_view> columns) {
  std::string sql = "INSERT INTO " + std::string(table) + " (";
  for (std::string_view column : columns) {
    sql += column;
    sql += ", ";
  }
  sql += ProvenanceColumns() + ") VALUES (?";
  for (size_t i = 1; i < columns.size() + kProvenanceColumnCount; ++i) sql += ", ?";
  return sql + ")";
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
Result<std::optional<int64_t>> RowIdOf(const std::optional<size_t>& index,
                                       const std::vector<int64_t>& ids, std::string_view vector) {
  if (!index) return std::optional<int64_t>();
  if (*index >= ids.size()) {
    return Status::Internal("dangling reference to " + std::string(vector) + "[" +
                            std::to_string(*index) + "] (only " + std::to_string(ids.size()) + " " +
                            std::string(vector) + " are stored before it)");
  }
  return std::optional<int64_t>(ids[*index]);
}

std::string Where(std::string_view vector, size_t index, std::string_view code = "") {
  std::string where = std::string(vector) + "[" + std::to_string(index) + "]";
  if (!code.empty()) where += " (" + std::string(code) + ")";
  return where;
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

Result<std::vector<int64_t>> InsertSections(Store& store, int64_t document_id,
                                            const std::vector<Section>& sections) {
  Result<Statement> insert = store.Prepare(
      InsertWithProvenance("section", {"document_id", "parent_id", "kind", "code", "title"}) +
      " RETURNING id");
  if (!insert.ok()) return insert.status();
  std::vector<int64_t> ids;
  ids.reserve(sections.size());
  for (size_t i = 0; i < sections.size(); ++i) {
    const Section& section = sections[i];
    // Only the sections already written have ids, which is what makes a parent come first.
    Result<std::optional<int64_t>> parent = RowIdOf(section.parent, ids, "sections");
    if (!parent.ok()) return WithContext(parent.status(), Where("sections", i, section.code));
    insert->Bind(1, document_id)
        .Bind(2, *parent)
        .Bind(3, ToString(section.kind))
        .Bind(4, section.code)
        .Bind(5, section.title);
    BindProvenance(*insert, 6, section.provenance);
    Result<int64_t> id = InsertReturningId(*insert);
    if (!id.ok()) return WithContext(id.status(), Where("sections", i, section.code));
    ids.push_back(*id);
  }
  return ids;
}

// The statements that write an activity and what hangs off it, prepared once per Put.
struct ActivityStatements {
  Statement category;
  Statement activity;
  Statement month;
  Statement beneficiary;
  Statement count;
  Statement details;
  Statement calendar;
  Statement attribute;
};

Result<ActivityStatements> PrepareActivityStatements(Store& store) {
  // The taxonomy's labels and order may change between runs: the latest run's win.
  Result<Statement> category = store.Prepare(
      "INSERT INTO category (slug, label, rank) VALUES (?, ?, ?) ON CONFLICT (slug) DO UPDATE "
      "SET label = excluded.label, rank = excluded.rank");
  if (!category.ok()) return category.status();
  Result<Statement> activity = store.Prepare(
      InsertWithProvenance(
          "activity", {"document_id", "section_id", "code", "text", "unit", "annual_value",
                       "annual_raw", "annual_estimated", "annual_not_quantified", "months_mask",
                       "category", "category_rule", "category_evidence"}) +
      " RETURNING id");
  if (!activity.ok()) return activity.status();
  Result<Statement> month = store.Prepare(InsertWithProvenance(
      "activity_month",
      {"activity_id", "month", "planned_value", "planned_raw", "planned_estimated",
       "planned_not_quantified", "marked", "weeks", "calendar_year"}));
  if (!month.ok()) return month.status();
  Result<Statement> details = store.Prepare(
      "UPDATE activity SET code_printed = ?, responsible = ?, start_date = ?, end_date = ?, "
      "months_source = ? WHERE id = ?");
  if (!details.ok()) return details.status();
  Result<Statement> calendar = store.Prepare(
      "INSERT INTO activity_calendar_month (activity_id, year, month, marked, weeks) VALUES (?, "
      "?, ?, ?, ?)");
  if (!calendar.ok()) return calendar.status();
  Result<Statement> attribute = store.Prepare(
      "INSERT INTO activity_attribute (activity_id, position, header, value, bbox_x0, bbox_y0, "
      "bbox_x1, bbox_y1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!attribute.ok()) return attribute.status();
  Result<Statement> beneficiary = store.Prepare(
      InsertWithProvenance("beneficiary", {"activity_id", "kinds_text", "counts_text"}) +
      " RETURNING id");
  if (!beneficiary.ok()) return beneficiary.status();
  Result<Statement> count = store.Prepare(
      "INSERT INTO beneficiary_count (beneficiary_id, position, value, raw, estimated, "
      "not_quantified) VALUES (?, ?, ?, ?, ?, ?)");
  if (!count.ok()) return count.status();
  return ActivityStatements{std::move(*category),    std::move(*activity), std::move(*month),
                            std::move(*beneficiary), std::move(*count),    std::move(*details),
                            std::move(*calendar),    std::move(*attribute)};
}

Status InsertBeneficiaries(ActivityStatements& statements, int64_t activity_id,
                           const std::vector<Beneficiary>& beneficiaries) {
  for (size_t i = 0; i < beneficiaries.size(); ++i) {
    const Beneficiary& b = beneficiaries[i];
    statements.beneficiary.Bind(1, activity_id).Bind(2, b.kinds_text).Bind(3, b.counts_text);
    BindProvenance(statements.beneficiary, 4, b.provenance);
    Result<int64_t> id = InsertReturningId(statements.beneficiary);
    if (!id.ok()) return WithContext(id.status(), Where("beneficiaries", i));
    for (size_t position = 1; position <= b.counts.size(); ++position) {
      statements.count.Bind(1, *id).Bind(2, static_cast<int64_t>(position));
      BindQuantity(statements.count, 3, b.counts[position - 1]);
      if (Status s = statements.count.Run(); !s.ok()) {
        return WithContext(
            s, Where("beneficiaries", i) + ".counts[" + std::to_string(position - 1) + "]");
      }
    }
  }
  return Status::Ok();
}

// The months of the schedule's first year go to activity_month (the grid as the plan prints it);
// every month whose year is known goes to activity_calendar_month too.
Status InsertMonths(ActivityStatements& statements, int64_t activity_id,
                    const std::vector<MonthValue>& months) {
  const std::optional<int> first_year = months.empty() ? std::nullopt : months.front().year;
  for (const MonthValue& m : months) {
    if (m.year) {
      statements.calendar.Bind(1, activity_id).Bind(2, *m.year).Bind(3, m.month);
      statements.calendar.Bind(4, m.marked ? 1 : 0);
      if (m.weeks.empty()) {
        statements.calendar.BindNull(5);
      } else {
        statements.calendar.Bind(5, m.weeks);
      }
      if (Status s = statements.calendar.Run(); !s.ok()) {
        return WithContext(s, "month " + std::to_string(*m.year) + "-" + std::to_string(m.month));
      }
    }
    if (m.year != first_year) continue;
    statements.month.Bind(1, activity_id).Bind(2, m.month);
    BindQuantity(statements.month, 3, m.planned);
    statements.month.Bind(7, m.marked ? 1 : 0);
    if (m.weeks.empty()) {
      statements.month.BindNull(8);
    } else {
      statements.month.Bind(8, m.weeks);
    }
    if (m.year) {
      statements.month.Bind(9, *m.year);
    } else {
      statements.month.BindNull(9);
    }
    BindProvenance(statements.month, 10, m.provenance);
    if (Status s = statements.month.Run(); !s.ok()) {
      return WithContext(s, "month " + std::to_string(m.month));
    }
  }
  return Status::Ok();
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

// What the table mapper adds to an activity: its code's origin, responsible, dates, the source of
// its months and its attributes.
Status InsertDetails(ActivityStatements& statements, int64_t activity_id, const Activity& a) {
  statements.details.Bind(1, a.code_printed ? 1 : 0)
      .Bind(2, a.responsible)
      .Bind(3, a.start_date)
      .Bind(4, a.end_date);
  if (a.months_source) {
    statements.details.Bind(5, std::string(ToString(*a.months_source)));
  } else {
    statements.details.BindNull(5);
  }
  statements.details.Bind(6, activity_id);
  if (Status s = statements.details.Run(); !s.ok()) return s;
  return InsertAttributes(statements.attribute, activity_id, a.attributes);
}

Result<int64_t> InsertActivity(ActivityStatements& statements, int64_t document_id,
                               std::optional<int64_t> section_id, const Activity& a) {
  statements.activity.Bind(1, document_id)
      .Bind(2, section_id)
      .Bind(3, a.code)
      .Bind(4, a.text)
      .Bind(5, a.unit);
  BindQuantity(statements.activity, 6, a.annual);
  if (a.months.known()) {
    statements.activity.Bind(10, static_cast<int64_t>(a.months.bits()));
  } else {
    statements.activity.BindNull(10);
  }
  if (a.category) {
    const ActivityCategory& c = *a.category;
    statements.category.Bind(1, c.slug).Bind(2, c.label).Bind(3, c.rank);
    if (Status s = statements.category.Run(); !s.ok()) return s;
    statements.activity.Bind(11, c.slug).Bind(13, c.evidence);
    if (c.rule.empty()) {
      statements.activity.BindNull(12);  // no rule matched
    } else {
      statements.activity.Bind(12, c.rule);
    }
  } else {
    statements.activity.BindNull(11).BindNull(12).BindNull(13);
  }
  BindProvenance(statements.activity, 14, a.provenance);
  Result<int64_t> id = InsertReturningId(statements.activity);
  if (!id.ok()) return id.status();

  if (Status s = InsertMonths(statements, *id, a.month_values); !s.ok()) return s;
  if (Status s = InsertDetails(statements, *id, a); !s.ok()) return s;
  if (Status s = InsertBeneficiaries(statements, *id, a.beneficiaries); !s.ok()) return s;
  return id;
}

Result<std::vector<int64_t>> InsertActivities(Store& store, int64_t document_id,
                                              const std::vector<Activity>& activities,
                                              const std::vector<int64_t>& section_ids) {
  Result<ActivityStatements> statements = PrepareActivityStatements(store);
  if (!statements.ok()) return statements.status();
  std::vector<int64_t> ids;
  ids.reserve(activities.size());
  for (size_t i = 0; i < activities.size(); ++i) {
    const Activity& a = activities[i];
    Result<std::optional<int64_t>> section = RowIdOf(a.section, section_ids, "sections");
    Result<int64_t> id = section.ok() ? InsertActivity(*statements, document_id, *section, a)
                                      : Result<int64_t>(section.status());
    if (!id.ok()) return WithContext(id.status(), Where("activities", i, a.code));
    ids.push_back(*id);
  }
  return ids;
}

Status InsertDeliverables(Store& store, int64_t document_id,
                          const std::vector<Deliverable>& deliverables,
                          const std::vector<int64_t>& section_ids,
                          const std::vector<int64_t>& activity_ids) {
  Result<Statement> insert = store.Prepare(
      InsertWithProvenance("deliverable", {"document_id", "section_id", "activity_id", "text"}) +
      " RETURNING id");
  if (!insert.ok()) return insert.status();
  Result<Statement> link =
      store.Prepare("INSERT INTO activity_deliverable (deliverable_id, activity_id) VALUES (?, ?)");
  if (!link.ok()) return link.status();
  for (size_t i = 0; i < deliverables.size(); ++i) {
    const Deliverable& d = deliverables[i];
    Result<std::optional<int64_t>> section = RowIdOf(d.section, section_ids, "sections");
    if (!section.ok()) return WithContext(section.status(), Where("deliverables", i));
    Result<std::optional<int64_t>> activity = RowIdOf(d.activity, activity_ids, "activities");
    if (!activity.ok()) return WithContext(activity.status(), Where("deliverables", i));
    insert->Bind(1, document_id).Bind(2, *section).Bind(3, *activity).Bind(4, d.text);
    BindProvenance(*insert, 5, d.provenance);
    Result<int64_t> id = InsertReturningId(*insert);
    if (!id.ok()) return WithContext(id.status(), Where("deliverables", i));
    std::vector<std::optional<size_t>> members;
    if (d.activity) members.push_back(d.activity);
    members.insert(members.end(), d.spanned.begin(), d.spanned.end());
    for (const std::optional<size_t>& member : members) {
      Result<std::optional<int64_t>> member_id = RowIdOf(member, activity_ids, "activities");
      if (!member_id.ok()) return WithContext(member_id.status(), Where("deliverables", i));
      link->Bind(1, *id).Bind(2, **member_id);
      if (Status s = link->Run(); !s.ok()) return WithContext(s, Where("deliverables", i));
    }
  }
  return Status::Ok();
}

Status InsertStatedTotals(Store& store, int64_t document_id, const std::vector<StatedTotal>& totals,
                          const std::vector<int64_t>& section_ids) {
  Result<Statement> insert = store.Prepare(InsertWithProvenance(
      "stated_total", {"document_id", "what", "section_id", "scope_code", "value"}));
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < totals.size(); ++i) {
    const StatedTotal& t = totals[i];
    Result<std::optional<int64_t>> scope = RowIdOf(t.scope, section_ids, "sections");
    if (!scope.ok()) return WithContext(scope.status(), Where("stated_totals", i, t.scope_code));
    insert->Bind(1, document_id)
        .Bind(2, ToString(t.what))
        .Bind(3, *scope)
        .Bind(4, t.scope_code)
        .Bind(5, t.value);
    BindProvenance(*insert, 6, t.provenance);
    if (Status s = insert->Run(); !s.ok()) {
      return WithContext(s, Where("stated_totals", i, t.scope_code));
    }
  }
  return Status::Ok();
}

Status InsertFindings(Store& store, int64_t document_id, const std::vector<Finding>& findings,
                      const std::vector<int64_t>& activity_ids) {
  Result<Statement> insert = store.Prepare(InsertWithProvenance(
      "finding", {"document_id", "activity_id", "severity", "code", "message", "raw_text"}));
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    Result<std::optional<int64_t>> activity = RowIdOf(f.activity, activity_ids, "activities");
    if (!activity.ok()) return WithContext(activity.status(), Where("findings", i, f.code));
    insert->Bind(1, document_id)
        .Bind(2, *activity)
        .Bind(3, ToString(f.severity))
        .Bind(4, f.code)
        .Bind(5, f.message)
        .Bind(6, f.raw_text);
    BindProvenance(*insert, 7, f.provenance);
    if (Status s = insert->Run(); !s.ok()) return WithContext(s, Where("findings", i, f.code));
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

Status InsertIndicators(Store& store, int64_t document_id, const std::vector<Indicator>& rows,
                        const std::vector<int64_t>& section_ids,
                        const std::vector<int64_t>& activity_ids) {
  Result<Statement> insert = store.Prepare(InsertWithProvenance("indicator", {"document_id",
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
                                           " RETURNING id");
  if (!insert.ok()) return insert.status();
  Result<Statement> attribute = store.Prepare(
      "INSERT INTO indicator_attribute (indicator_id, position, header, value, bbox_x0, bbox_y0, "
      "bbox_x1, bbox_y1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!attribute.ok()) return attribute.status();
  for (size_t i = 0; i < rows.size(); ++i) {
    const Indicator& r = rows[i];
    Result<std::optional<int64_t>> section = RowIdOf(r.section, section_ids, "sections");
    if (!section.ok()) return WithContext(section.status(), Where("indicators", i, r.name));
    Result<std::optional<int64_t>> activity = RowIdOf(r.activity, activity_ids, "activities");
    if (!activity.ok()) return WithContext(activity.status(), Where("indicators", i, r.name));
    insert->Bind(1, document_id)
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
    BindFigure(*insert, 12, 13, 14, r.baseline);
    BindFigure(*insert, 15, 16, 17, r.target);
    BindFigure(*insert, 18, 19, 20, r.progress);
    insert->Bind(21, r.sense);
    if (r.budget) {
      insert->Bind(22, r.budget->raw).Bind(23, r.budget->value);
    } else {
      insert->BindNull(22).BindNull(23);
    }
    insert->Bind(24, r.start_month)
        .Bind(25, r.end_month)
        .Bind(26, r.period_start)
        .Bind(27, r.period_end);
    if (r.activity_code.empty()) {
      insert->BindNull(28);
    } else {
      insert->Bind(28, r.activity_code);
    }
    insert->Bind(29, r.key);
    BindFigure(*insert, 30, 31, 32, r.programmed);
    if (r.percent) {
      insert->Bind(33, r.percent->raw).Bind(34, r.percent->value);
    } else {
      insert->BindNull(33).BindNull(34);
    }
    insert->Bind(35, r.subtotal ? 1 : 0);
    BindProvenance(*insert, 36, r.provenance);
    Result<int64_t> id = InsertReturningId(*insert);
    if (!id.ok()) return WithContext(id.status(), Where("indicators", i, r.name));
    if (Status s = InsertAttributes(*attribute, *id, r.attributes); !s.ok()) {
      return WithContext(s, Where("indicators", i, r.name));
    }
  }
  return Status::Ok();
}

Result<std::vector<int64_t>> InsertEvents(Store& store, int64_t document_id,
                                          const std::vector<Event>& events) {
  Result<Statement> insert =
      store.Prepare(InsertWithProvenance("event", {"document_id", "kind", "body", "date",
                                                   "date_raw", "text", "time", "place"}) +
                    " RETURNING id");
  if (!insert.ok()) return insert.status();
  std::vector<int64_t> ids;
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    insert->Bind(1, document_id)
        .Bind(2, e.kind)
        .Bind(3, e.body)
        .Bind(4, e.date)
        .Bind(5, e.date_raw)
        .Bind(6, e.text)
        .Bind(7, e.time)
        .Bind(8, e.place);
    BindProvenance(*insert, 9, e.provenance);
    Result<int64_t> id = InsertReturningId(*insert);
    if (!id.ok()) return WithContext(id.status(), Where("events", i, e.kind));
    ids.push_back(*id);
  }
  return ids;
}

Status InsertReferences(Store& store, int64_t document_id, const std::vector<Reference>& refs,
                        const std::vector<int64_t>& event_ids) {
  Result<Statement> insert = store.Prepare(
      InsertWithProvenance("reference", {"document_id", "event_id", "code", "kind", "context"}));
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < refs.size(); ++i) {
    const Reference& r = refs[i];
    Result<std::optional<int64_t>> event = RowIdOf(r.event, event_ids, "events");
    if (!event.ok()) return WithContext(event.status(), Where("references", i, r.code));
    insert->Bind(1, document_id).Bind(2, *event).Bind(3, r.code).Bind(4, r.kind).Bind(5, r.context);
    BindProvenance(*insert, 6, r.provenance);
    if (Status s = insert->Run(); !s.ok()) return WithContext(s, Where("references", i, r.code));
  }
  return Status::Ok();
}

}  // namespace

Status WriteExtraction(Store& store, const Extraction& e) {
  Result<int64_t> document_id = InsertDocument(store, e.document);
  if (!document_id.ok()) return document_id.status();
  Result<std::vector<int64_t>> section_ids = InsertSections(store, *document_id, e.sections);
  if (!section_ids.ok()) return section_ids.status();
  Result<std::vector<int64_t>> activity_ids =
      InsertActivities(store, *document_id, e.activities, *section_ids);
  if (!activity_ids.ok()) return activity_ids.status();
  if (Status s =
          InsertDeliverables(store, *document_id, e.deliverables, *section_ids, *activity_ids);
      !s.ok()) {
    return s;
  }
  if (Status s = InsertStatedTotals(store, *document_id, e.stated_totals, *section_ids); !s.ok()) {
    return s;
  }
  if (Status s = InsertIndicators(store, *document_id, e.indicators, *section_ids, *activity_ids);
      !s.ok()) {
    return s;
  }
  Result<std::vector<int64_t>> event_ids = InsertEvents(store, *document_id, e.events);
  if (!event_ids.ok()) return event_ids.status();
  if (Status s = InsertReferences(store, *document_id, e.references, *event_ids); !s.ok()) {
    return s;
  }
  return InsertFindings(store, *document_id, e.findings, *activity_ids);
}

}  // namespace oplex
