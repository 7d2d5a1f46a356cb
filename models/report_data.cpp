#include "models/report_data.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "models/migrations.h"
#include "models/queries.h"
#include "models/read_columns.h"
#include "models/snapshot.h"

namespace oplex {
namespace {

bool Selected(const ReportDocument& d, const ReportFilter& filter) {
  if (filter.year && d.year != filter.year) return false;
  if (filter.institutes.empty()) return true;
  return d.institute &&
         std::count(filter.institutes.begin(), filter.institutes.end(), *d.institute) > 0;
}

// "AND <institute> IN (?1, ?2) AND <year> = ?3" for the filter's parts, to append to a WHERE;
// with `document` (the column of the document id), only the counted editions of plans too.
std::string FilterSql(const ReportFilter& filter, std::string_view institute, std::string_view year,
                      std::string_view document = "") {
  std::string sql;
  if (!document.empty()) {
    sql += " AND " + std::string(document) +
           " IN (SELECT document_id FROM v_document_edition WHERE edition_rank = 1)";
  }
  int parameter = 0;
  if (!filter.institutes.empty()) {
    sql += " AND " + std::string(institute) + " IN (";
    for (size_t i = 0; i < filter.institutes.size(); ++i) {
      sql += (i ? ", ?" : "?") + std::to_string(++parameter);
    }
    sql += ")";
  }
  if (filter.year) sql += " AND " + std::string(year) + " = ?" + std::to_string(++parameter);
  return sql;
}

void BindFilter(Statement& statement, const ReportFilter& filter) {
  int parameter = 0;
  for (const std::string& institute : filter.institutes) statement.Bind(++parameter, institute);
  if (filter.year) statement.Bind(++parameter, *filter.year);
}

// Runs `sql` (which ends in FilterSql's clause) and calls `on_row` for each row.
template <typename OnRow>
Status ReadFiltered(Store& store, const std::string& sql, const ReportFilter& filter,
                    OnRow&& on_row) {
  Result<Statement> statement = store.Prepare(sql);
  if (!statement.ok()) return statement.status();
  BindFilter(*statement, filter);
  return ForEachRow(*statement, [&] { return on_row(*statement); });
}

Result<DocumentKind> ReadKind(const Statement& row, int column) {
  const std::string kind = row.Text(column);
  std::optional<DocumentKind> parsed = DocumentKindFromText(kind);
  if (!parsed) return UnknownName("document kind", kind);
  return *parsed;
}

Status ReadDocuments(Store& store, std::vector<ReportDocument>* documents) {
  return ReadFiltered(
      store,
      "SELECT d.id, d.path, d.institute, i.name, d.year, d.kind, d.source_format, d.pages, "
      "  (SELECT count(*) FROM activity AS a WHERE a.document_id = d.id), "
      "  (SELECT count(*) FROM activity AS a "
      "   WHERE a.document_id = d.id AND a.months_mask IS NOT NULL), "
      "  (SELECT count(*) FROM indicator AS n WHERE n.document_id = d.id), "
      "  (SELECT count(*) FROM finding AS f WHERE f.document_id = d.id), "
      "  (SELECT group_concat(o.document_path, char(10)) FROM v_document_edition AS o "
      "   WHERE o.plan = e.plan AND o.edition_rank > 1) "
      "FROM document AS d LEFT JOIN institute AS i ON i.code = d.institute "
      "JOIN v_document_edition AS e ON e.document_id = d.id AND e.edition_rank = 1 "
      "ORDER BY d.institute IS NULL, d.institute, d.year IS NULL, d.year, d.path, d.id",
      ReportFilter{}, [&](const Statement& row) -> Status {
        ReportDocument d;
        d.id = row.Int64(0);
        d.path = row.Text(1);
        d.institute = row.OptionalText(2);
        d.institute_name = row.OptionalText(3);
        d.year = row.OptionalInt(4);
        Result<DocumentKind> kind = ReadKind(row, 5);
        if (!kind.ok()) return kind.status();
        d.kind = *kind;
        d.source_format = row.Text(6);
        d.pages = row.OptionalInt(7);
        d.activities = row.Int64(8);
        d.activities_with_months = row.Int64(9);
        d.indicators = row.Int64(10);
        d.findings = row.Int64(11);
        std::stringstream others(row.Text(12));
        for (std::string path; std::getline(others, path);) d.other_editions.push_back(path);
        documents->push_back(std::move(d));
        return Status::Ok();
      });
}

// Every section of the selected documents, by id, with its parent.
struct SectionNode {
  ReportSection section;
  std::optional<int64_t> parent;
};

Status ReadSections(Store& store, const ReportFilter& filter,
                    std::map<int64_t, SectionNode>* sections) {
  return ReadFiltered(store,
                      "SELECT s.id, s.parent_id, s.kind, s.code, s.title FROM section AS s "
                      "JOIN document AS d ON d.id = s.document_id WHERE 1" +
                          FilterSql(filter, "d.institute", "d.year", "d.id"),
                      filter, [&](const Statement& row) -> Status {
                        SectionNode node;
                        node.section.id = row.Int64(0);
                        node.parent = row.OptionalInt64(1);
                        node.section.kind = row.Text(2);
                        node.section.code = row.Text(3);
                        node.section.title = row.Text(4);
                        (*sections)[node.section.id] = std::move(node);
                        return Status::Ok();
                      });
}

// The section `id` and its ancestors, root first. The schema's foreign keys keep the chain inside
// the document; the depth limit guards against a cycle written by hand.
std::vector<ReportSection> Chain(const std::map<int64_t, SectionNode>& sections, int64_t id) {
  std::vector<ReportSection> chain;
  for (std::optional<int64_t> at = id; at && chain.size() < sections.size();) {
    auto it = sections.find(*at);
    if (it == sections.end()) break;
    chain.push_back(it->second.section);
    at = it->second.parent;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

Status ReadActivities(Store& store, const ReportFilter& filter,
                      const std::vector<ReportDocument>& documents,
                      std::vector<ReportActivity>* activities) {
  std::map<int64_t, SectionNode> sections;
  if (Status s = ReadSections(store, filter, &sections); !s.ok()) return s;
  std::map<int64_t, std::vector<ReportActivity>> by_document;
  Status s = ReadFiltered(
      store,
      "SELECT activity_id, document_id, section_id, code, text, unit, annual_raw, "
      "category_label, months_mask, page, line FROM v_activity WHERE 1" +
          FilterSql(filter, "institute", "year", "document_id") + " ORDER BY activity_id",
      filter, [&](const Statement& row) -> Status {
        ReportActivity a;
        a.id = row.Int64(0);
        a.document_id = row.Int64(1);
        if (std::optional<int64_t> section = row.OptionalInt64(2)) {
          a.sections = Chain(sections, *section);
        }
        a.code = row.Text(3);
        a.text = row.Text(4);
        a.unit = row.OptionalText(5);
        a.annual_raw = row.OptionalText(6);
        a.category_label = row.OptionalText(7);
        if (std::optional<int64_t> mask = row.OptionalInt64(8)) {
          a.months = MonthMask::FromBits(static_cast<uint16_t>(*mask));
        }
        a.page = row.OptionalInt(9);
        a.line = row.OptionalInt(10);
        by_document[a.document_id].push_back(std::move(a));
        return Status::Ok();
      });
  if (!s.ok()) return s;

  std::map<int64_t, ReportActivity*> by_id;
  for (const ReportDocument& d : documents) {
    for (ReportActivity& a : by_document[d.id]) activities->push_back(std::move(a));
  }
  for (ReportActivity& a : *activities) by_id[a.id] = &a;
  return ReadFiltered(
      store,
      "SELECT m.activity_id, m.month, m.planned_value, m.planned_raw, m.planned_estimated, "
      "m.planned_not_quantified FROM activity_month AS m "
      "JOIN activity AS a ON a.id = m.activity_id JOIN document AS d ON d.id = a.document_id "
      "WHERE m.planned_raw IS NOT NULL" +
          FilterSql(filter, "d.institute", "d.year", "d.id"),
      filter, [&](const Statement& row) -> Status {
        auto it = by_id.find(row.Int64(0));
        const int64_t month = row.Int64(1);
        if (it != by_id.end() && month >= 1 && month <= 12) {
          it->second->planned[month - 1] = ReadQuantity(row, 2);
        }
        return Status::Ok();
      });
}

Status ReadCategories(Store& store, std::vector<CategoryInfo>* categories) {
  return ReadFiltered(
      store, "SELECT slug, label, rank FROM category ORDER BY rank, slug", ReportFilter{},
      [&](const Statement& row) -> Status {
        categories->push_back({row.Text(0), row.Text(1), static_cast<int>(row.Int64(2))});
        return Status::Ok();
      });
}

Status ReadShares(Store& store, const ReportFilter& filter, std::vector<CategoryShare>* shares) {
  return ReadFiltered(
      store,
      "SELECT institute, year, document_kind, category, activities, share "
      "FROM v_category_share WHERE 1" +
          FilterSql(filter, "institute", "year") +
          " ORDER BY institute IS NULL, institute, year IS NULL, year, document_kind, "
          "category IS NULL, category_rank, category",
      filter, [&](const Statement& row) -> Status {
        CategoryShare share;
        share.institute = row.OptionalText(0);
        share.year = row.OptionalInt(1);
        Result<DocumentKind> kind = ReadKind(row, 2);
        if (!kind.ok()) return kind.status();
        share.kind = *kind;
        share.category = row.OptionalText(3);
        share.activities = row.Int64(4);
        share.share = row.Double(5);
        shares->push_back(std::move(share));
        return Status::Ok();
      });
}

Status ReadIndicators(Store& store, const ReportFilter& filter,
                      std::vector<ReportIndicator>* indicators) {
  return ReadFiltered(
      store,
      "SELECT i.document_id, i.level, i.name, i.frequency, i.unit, i.baseline_raw, i.target_raw, "
      "i.progress_raw, i.page, i.line, i.key, i.programmed_raw, i.percent_raw, i.subtotal "
      "FROM indicator AS i "
      "JOIN document AS d ON d.id = i.document_id WHERE 1" +
          FilterSql(filter, "d.institute", "d.year", "d.id") +
          " ORDER BY d.institute IS NULL, d.institute, d.year, d.path, d.id, i.id",
      filter, [&](const Statement& row) -> Status {
        ReportIndicator i;
        i.document_id = row.Int64(0);
        i.level = row.OptionalText(1);
        i.name = row.Text(2);
        i.frequency = row.OptionalText(3);
        i.unit = row.OptionalText(4);
        i.baseline = row.OptionalText(5);
        i.target = row.OptionalText(6);
        i.progress = row.OptionalText(7);
        i.page = row.OptionalInt(8);
        i.line = row.OptionalInt(9);
        i.key = row.OptionalText(10);
        i.programmed = row.OptionalText(11);
        i.percent = row.OptionalText(12);
        if (row.Int64(13) != 0) i.subtotal = "subtotal";
        indicators->push_back(std::move(i));
        return Status::Ok();
      });
}

Status ReadFindings(Store& store, const ReportFilter& filter,
                    std::vector<ReportFinding>* findings) {
  return ReadFiltered(
      store,
      "SELECT f.document_id, " + FindingRowColumns() +
          " FROM finding AS f JOIN document AS d ON d.id = f.document_id"
          " LEFT JOIN activity AS a ON a.id = f.activity_id WHERE 1" +
          FilterSql(filter, "d.institute", "d.year", "d.id") +
          " ORDER BY d.institute IS NULL, d.institute, d.year, d.path, d.id, f.page, f.line, f.id",
      filter, [&](const Statement& row) -> Status {
        Result<FindingRow> finding = ReadFindingRow(row, 1);
        if (!finding.ok()) return finding.status();
        findings->push_back(ReportFinding{row.Int64(0), std::move(*finding)});
        return Status::Ok();
      });
}

}  // namespace

Result<ReportData> ReadReportData(Store& store, const ReportFilter& filter) {
  return InSnapshot(store, [&]() -> Result<ReportData> {
    ReportData data;
    std::vector<ReportDocument> all;
    if (Status s = ReadDocuments(store, &all); !s.ok()) return s;
    Result<std::vector<std::string>> institutes =
        CheckFilter(store, filter.institutes, filter.year);
    if (!institutes.ok()) return institutes.status();
    const ReportFilter canonical{std::move(*institutes), filter.year};
    for (ReportDocument& d : all) {
      if (Selected(d, canonical)) data.documents.push_back(std::move(d));
    }
    Status s = ReadActivities(store, canonical, data.documents, &data.activities);
    if (s.ok()) s = ReadCategories(store, &data.categories);
    if (s.ok()) s = ReadShares(store, canonical, &data.shares);
    if (s.ok()) s = ReadIndicators(store, canonical, &data.indicators);
    if (s.ok()) s = ReadFindings(store, canonical, &data.findings);
    if (!s.ok()) return s;
    return data;
  });
}

}  // namespace oplex
