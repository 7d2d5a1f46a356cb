#include "models/queries.h"

#include <algorithm>
#include <set>
#include <utility>

#include "models/migrations.h"
#include "models/read_columns.h"
#include "models/snapshot.h"

namespace oplex {

Result<Stats> GetStats(Store& store) {
  return InSnapshot(store, [&]() -> Result<Stats> {
    Stats stats;
    Result<Statement> totals = store.Prepare(
        "SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM section), "
        "(SELECT count(*) FROM activity), (SELECT count(*) FROM finding), "
        "(SELECT count(*) FROM event), (SELECT count(*) FROM reference), "
        "(SELECT count(*) FROM indicator)");
    if (!totals.ok()) return totals.status();
    Status s = ForEachRow(*totals, [&] {
      stats.documents = totals->Int64(0);
      stats.sections = totals->Int64(1);
      stats.activities = totals->Int64(2);
      stats.findings = totals->Int64(3);
      stats.events = totals->Int64(4);
      stats.references = totals->Int64(5);
      stats.indicators = totals->Int64(6);
      return Status::Ok();
    });
    if (!s.ok()) return s;

    Result<Statement> documents = store.Prepare(
        "SELECT d.id, d.path, d.institute, d.year, d.kind, "
        "  (SELECT count(*) FROM activity AS a WHERE a.document_id = d.id), "
        "  (SELECT count(*) FROM activity AS a "
        "   WHERE a.document_id = d.id AND a.months_mask IS NOT NULL), "
        "  (SELECT count(*) FROM finding AS f WHERE f.document_id = d.id), "
        "  (SELECT count(*) FROM event AS e WHERE e.document_id = d.id), "
        "  (SELECT count(*) FROM reference AS r WHERE r.document_id = d.id), "
        "  (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id) "
        "FROM document AS d ORDER BY d.path, d.id");
    if (!documents.ok()) return documents.status();
    s = ForEachRow(*documents, [&] {
      DocumentStats d;
      d.id = documents->Int64(0);
      d.path = documents->Text(1);
      d.institute = documents->OptionalText(2);
      d.year = documents->OptionalInt(3);
      std::string kind = documents->Text(4);
      std::optional<DocumentKind> parsed = DocumentKindFromText(kind);
      if (!parsed) return UnknownName("document kind", kind);
      d.kind = *parsed;
      d.activities = documents->Int64(5);
      d.activities_with_months = documents->Int64(6);
      d.findings = documents->Int64(7);
      d.events = documents->Int64(8);
      d.references = documents->Int64(9);
      d.indicators = documents->Int64(10);
      stats.per_document.push_back(std::move(d));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return stats;
  });
}

Result<std::vector<ActivityMatch>> FindActivities(Store& store, std::string_view code) {
  return InSnapshot(store, [&]() -> Result<std::vector<ActivityMatch>> {
    Result<Statement> activities = store.Prepare(
        "SELECT a.id, a.document_id, d.path, d.institute, d.year, a.section_id, a.code, a.text, "
        "a.unit, a.annual_value, a.annual_raw, a.annual_estimated, a.annual_not_quantified, "
        "a.months_mask, " +
        ProvenanceColumns("a") +
        ", a.code_printed, a.responsible, a.start_date, a.end_date, a.months_source"
        " FROM activity AS a JOIN document AS d ON d.id = a.document_id"
        " WHERE a.code = ? ORDER BY d.path, d.id, a.id");
    if (!activities.ok()) return activities.status();
    // Built leaf first, so the string grows root first without relying on row order.
    Result<Statement> section_path = store.Prepare(
        "WITH RECURSIVE up (id, parent_id, path) AS ("
        "  SELECT id, parent_id, title FROM section WHERE id = ?"
        "  UNION ALL"
        "  SELECT s.id, s.parent_id, s.title || ' > ' || up.path"
        "  FROM section AS s JOIN up ON s.id = up.parent_id)"
        " SELECT path FROM up WHERE parent_id IS NULL");
    if (!section_path.ok()) return section_path.status();
    Result<Statement> months = store.Prepare(
        "SELECT month, planned_value, planned_raw, planned_estimated, planned_not_quantified, "
        "marked, weeks, " +
        ProvenanceColumns() + " FROM activity_month WHERE activity_id = ? ORDER BY month");
    if (!months.ok()) return months.status();
    Result<Statement> beneficiaries =
        store.Prepare("SELECT id, kinds_text, counts_text, " + ProvenanceColumns() +
                      " FROM beneficiary WHERE activity_id = ? ORDER BY id");
    if (!beneficiaries.ok()) return beneficiaries.status();
    Result<Statement> counts = store.Prepare(
        "SELECT value, raw, estimated, not_quantified FROM beneficiary_count "
        "WHERE beneficiary_id = ? ORDER BY position");
    if (!counts.ok()) return counts.status();
    Result<Statement> deliverables = store.Prepare(
        "SELECT d.text FROM deliverable AS d JOIN activity_deliverable AS l "
        "ON l.deliverable_id = d.id WHERE l.activity_id = ? ORDER BY d.id");
    if (!deliverables.ok()) return deliverables.status();
    Result<Statement> attributes = store.Prepare(
        "SELECT header, value, bbox_x0, bbox_y0, bbox_x1, bbox_y1 FROM activity_attribute "
        "WHERE activity_id = ? ORDER BY position");
    if (!attributes.ok()) return attributes.status();
    // The marked months of the calendar outside the year of the activity's grid.
    Result<Statement> other_years = store.Prepare(
        "SELECT c.year, c.month FROM activity_calendar_month AS c WHERE c.activity_id = ? AND "
        "c.marked = 1 AND c.year IS NOT (SELECT max(calendar_year) FROM activity_month AS m "
        "WHERE m.activity_id = c.activity_id) ORDER BY c.year, c.month");
    if (!other_years.ok()) return other_years.status();

    std::vector<ActivityMatch> matches;
    activities->Bind(1, code);
    Status s = ForEachRow(*activities, [&]() -> Status {
      ActivityMatch m;
      m.activity_id = activities->Int64(0);
      m.document_id = activities->Int64(1);
      m.document_path = activities->Text(2);
      m.institute = activities->OptionalText(3);
      m.year = activities->OptionalInt(4);
      std::optional<int64_t> section_id = activities->OptionalInt64(5);
      m.code = activities->Text(6);
      m.text = activities->Text(7);
      m.unit = activities->OptionalText(8);
      m.annual = ReadQuantity(*activities, 9);
      if (std::optional<int64_t> mask = activities->OptionalInt64(13)) {
        m.months = MonthMask::FromBits(static_cast<uint16_t>(*mask));
      }
      m.provenance = ReadProvenance(*activities, 14);
      constexpr int kDetails = 14 + kProvenanceColumnCount;
      m.code_printed = activities->Int64(kDetails) != 0;
      m.responsible = activities->OptionalText(kDetails + 1);
      m.start_date = activities->OptionalText(kDetails + 2);
      m.end_date = activities->OptionalText(kDetails + 3);
      m.months_source = activities->OptionalText(kDetails + 4);

      if (section_id) {
        section_path->Bind(1, *section_id);
        Status path = ForEachRow(*section_path, [&] {
          m.section_path = section_path->Text(0);
          return Status::Ok();
        });
        if (!path.ok()) return path;
      }
      months->Bind(1, m.activity_id);
      Status read = ForEachRow(*months, [&] {
        MonthValue v;
        v.month = static_cast<int>(months->Int64(0));
        v.planned = ReadQuantity(*months, 1);
        v.marked = months->Int64(5) != 0;
        v.weeks = months->OptionalText(6).value_or("");
        v.provenance = ReadProvenance(*months, 7);
        m.month_values.push_back(std::move(v));
        return Status::Ok();
      });
      if (!read.ok()) return read;
      beneficiaries->Bind(1, m.activity_id);
      read = ForEachRow(*beneficiaries, [&] {
        Beneficiary b;
        b.kinds_text = beneficiaries->Text(1);
        b.counts_text = beneficiaries->Text(2);
        b.provenance = ReadProvenance(*beneficiaries, 3);
        counts->Bind(1, beneficiaries->Int64(0));
        Status parts = ForEachRow(*counts, [&] {
          // raw is NOT NULL in beneficiary_count: every part has a quantity.
          b.counts.push_back(*ReadQuantity(*counts, 0));
          return Status::Ok();
        });
        m.beneficiaries.push_back(std::move(b));
        return parts;
      });
      if (!read.ok()) return read;
      deliverables->Bind(1, m.activity_id);
      read = ForEachRow(*deliverables, [&] {
        m.deliverables.push_back(deliverables->Text(0));
        return Status::Ok();
      });
      if (!read.ok()) return read;
      attributes->Bind(1, m.activity_id);
      read = ForEachRow(*attributes, [&] {
        Attribute a{attributes->Text(0), attributes->Text(1), std::nullopt};
        if (auto x0 = attributes->OptionalDouble(2)) {
          a.bbox = BBox{*x0, attributes->OptionalDouble(3).value_or(0),
                        attributes->OptionalDouble(4).value_or(0),
                        attributes->OptionalDouble(5).value_or(0)};
        }
        m.attributes.push_back(std::move(a));
        return Status::Ok();
      });
      if (!read.ok()) return read;
      other_years->Bind(1, m.activity_id);
      read = ForEachRow(*other_years, [&] {
        m.other_years.emplace_back(static_cast<int>(other_years->Int64(0)),
                                   static_cast<int>(other_years->Int64(1)));
        return Status::Ok();
      });
      if (!read.ok()) return read;
      matches.push_back(std::move(m));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return matches;
  });
}

std::string FindingRowColumns() {
  return "d.path, f.severity, f.code, f.message, f.raw_text, a.code, " + ProvenanceColumns("f");
}

Result<FindingRow> ReadFindingRow(const Statement& row, int first) {
  FindingRow r;
  r.document_path = row.Text(first);
  const std::string severity = row.Text(first + 1);
  std::optional<Severity> parsed =
      FromText(severity, {Severity::kInfo, Severity::kWarning, Severity::kError});
  if (!parsed) return UnknownName("severity", severity);
  r.severity = *parsed;
  r.code = row.Text(first + 2);
  r.message = row.Text(first + 3);
  r.raw_text = row.Text(first + 4);
  r.activity_code = row.OptionalText(first + 5);
  r.provenance = ReadProvenance(row, first + 6);
  return r;
}

Result<std::vector<FindingRow>> ListFindings(Store& store, const FindingFilter& filter) {
  return InSnapshot(store, [&]() -> Result<std::vector<FindingRow>> {
    // Severity is declared from least to most severe, so its underlying value is its rank.
    Result<Statement> findings = store.Prepare(
        "SELECT " + FindingRowColumns() +
        " FROM finding AS f JOIN document AS d ON d.id = f.document_id"
        " LEFT JOIN activity AS a ON a.id = f.activity_id"
        " WHERE (?1 IS NULL OR instr(d.path, ?1) > 0)"
        "   AND (?2 IS NULL OR CASE f.severity WHEN 'info' THEN 0 WHEN 'warning' THEN 1"
        "                      ELSE 2 END >= ?2)"
        " ORDER BY d.path, d.id, f.page, f.line, f.id");
    if (!findings.ok()) return findings.status();
    findings->Bind(1, filter.path_contains);
    if (filter.min_severity) {
      findings->Bind(2, static_cast<int>(*filter.min_severity));
    } else {
      findings->BindNull(2);
    }
    std::vector<FindingRow> rows;
    Status s = ForEachRow(*findings, [&] {
      Result<FindingRow> r = ReadFindingRow(*findings, 0);
      if (!r.ok()) return r.status();
      rows.push_back(std::move(*r));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return rows;
  });
}

namespace {

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string JoinNames(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

}  // namespace

Result<std::vector<std::string>> CheckFilter(Store& store,
                                             const std::vector<std::string>& institutes,
                                             std::optional<int> year) {
  Result<Statement> read = store.Prepare("SELECT DISTINCT institute, year FROM document");
  if (!read.ok()) return read.status();
  std::vector<std::pair<std::optional<std::string>, std::optional<int>>> stored;
  Status s = ForEachRow(*read, [&] {
    stored.emplace_back(read->OptionalText(0), read->OptionalInt(1));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::set<std::string> codes;
  for (const auto& [institute, _] : stored) {
    if (institute) codes.insert(*institute);
  }
  std::vector<std::string> canonical;
  for (const std::string& wanted : institutes) {
    auto it = std::find_if(codes.begin(), codes.end(),
                           [&](const std::string& code) { return Upper(code) == Upper(wanted); });
    if (it == codes.end()) {
      return Status::InvalidInput("no document of institute '" + wanted +
                                  "' in the database (institutes stored: " + JoinNames(codes) +
                                  ")");
    }
    canonical.push_back(*it);
  }
  if (year) {
    std::set<std::string> years;
    for (const auto& [institute, y] : stored) {
      const bool wanted =
          canonical.empty() ||
          (institute && std::count(canonical.begin(), canonical.end(), *institute) > 0);
      if (wanted && y) years.insert(std::to_string(*y));
    }
    if (!years.count(std::to_string(*year))) {
      return Status::InvalidInput("no document of year " + std::to_string(*year) +
                                  (canonical.empty() ? "" : " for these institutes") +
                                  " in the database (years stored: " + JoinNames(years) + ")");
    }
  }
  return canonical;
}

}  // namespace oplex
