#include "models/export.h"

#include <vector>

namespace oplex {
namespace {

// The document's institute, year and path, first in every table of records (alias `d`).
constexpr std::string_view kDocumentColumns = "d.institute, d.year, d.path AS document_path";

// month_01 … month_12: 1 when the activity is scheduled in the month, 0 when not, NULL when its
// months are unknown (months_mask NULL), so a column's sum is the month's load.
std::string MonthFlags() {
  std::string columns;
  for (int month = 1; month <= 12; ++month) {
    const std::string digits = (month < 10 ? "0" : "") + std::to_string(month);
    columns += "(a.months_mask >> " + std::to_string(month - 1) + ") & 1 AS month_" + digits + ", ";
  }
  return columns;
}

std::vector<ExportTable> MakeTables() {
  const std::string doc(kDocumentColumns);
  return {
      {"activities", "activity",
       "SELECT " + doc +
           ", d.kind AS document_kind, s.kind AS section_kind, s.code AS section_code, "
           "s.title AS section_title, p.path AS section_path, c.label AS category_label, " +
           MonthFlags() +
           "a.* FROM activity AS a JOIN document AS d ON d.id = a.document_id "
           "LEFT JOIN section AS s ON s.id = a.section_id "
           "LEFT JOIN v_section_path AS p ON p.section_id = a.section_id "
           "LEFT JOIN category AS c ON c.slug = a.category ORDER BY a.id"},
      {"months", "activity_month",
       "SELECT " + doc +
           ", a.code AS activity_code, m.* FROM activity_month AS m "
           "JOIN activity AS a ON a.id = m.activity_id JOIN document AS d ON d.id = a.document_id "
           "ORDER BY m.activity_id, m.month"},
      {"attributes", "activity_attribute",
       "SELECT " + doc +
           ", a.code AS activity_code, t.* FROM activity_attribute AS t "
           "JOIN activity AS a ON a.id = t.activity_id JOIN document AS d ON d.id = a.document_id "
           "ORDER BY t.activity_id, t.position"},
      {"calendar", "activity_calendar_month",
       "SELECT " + doc +
           ", a.code AS activity_code, t.activity_id, t.year AS calendar_year, t.month, t.marked, "
           "t.weeks FROM activity_calendar_month AS t "
           "JOIN activity AS a ON a.id = t.activity_id JOIN document AS d ON d.id = a.document_id "
           "ORDER BY t.activity_id, t.year, t.month"},
      {"indicators", "indicator",
       "SELECT " + doc +
           ", i.* FROM indicator AS i JOIN document AS d ON d.id = i.document_id ORDER BY i.id"},
      {"indicator_attributes", "indicator_attribute",
       "SELECT " + doc +
           ", i.name AS indicator_name, t.* FROM indicator_attribute AS t "
           "JOIN indicator AS i ON i.id = t.indicator_id JOIN document AS d ON d.id = "
           "i.document_id "
           "ORDER BY t.indicator_id, t.position"},
      {"events", "event",
       "SELECT " + doc +
           ", e.* FROM event AS e JOIN document AS d ON d.id = e.document_id ORDER BY e.id"},
      {"references", "reference",
       "SELECT " + doc +
           ", r.* FROM reference AS r JOIN document AS d ON d.id = r.document_id ORDER BY r.id"},
      {"findings", "finding",
       "SELECT " + doc +
           ", a.code AS activity_code, f.* FROM finding AS f "
           "JOIN document AS d ON d.id = f.document_id LEFT JOIN activity AS a ON a.id = "
           "f.activity_id ORDER BY f.id"},
      {"sections", "section",
       "SELECT " + doc +
           ", p.path AS section_path, s.* FROM section AS s JOIN document AS d ON d.id = "
           "s.document_id LEFT JOIN v_section_path AS p ON p.section_id = s.id ORDER BY s.id"},
      {"documents", "document",
       "SELECT d.*, i.state AS institute_state, i.name AS institute_name FROM document AS d "
       "LEFT JOIN institute AS i ON i.code = d.institute ORDER BY d.id"},
      {"categories", "category", "SELECT * FROM category ORDER BY rank, slug"},
  };
}

}  // namespace

std::span<const ExportTable> ExportTables() {
  static const std::vector<ExportTable> tables = MakeTables();
  return tables;
}

const ExportTable* FindExportTable(std::string_view name) {
  for (const ExportTable& table : ExportTables()) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

Result<int64_t> ReadExportTable(Store& store, const ExportTable& table, ExportSink& sink) {
  const std::string context = "exporting " + std::string(table.name);
  Result<Statement> statement = store.Prepare(table.sql);
  if (!statement.ok()) return WithContext(statement.status(), context);
  std::vector<std::string> columns;
  for (int c = 0; c < statement->ColumnCount(); ++c) columns.push_back(statement->ColumnName(c));
  if (Status s = sink.Header(columns); !s.ok()) return s;
  std::vector<ExportValue> values(columns.size());
  int64_t rows = 0;
  for (Result<bool> row = statement->Step();; row = statement->Step()) {
    if (!row.ok()) return WithContext(row.status(), context);
    if (!*row) break;
    for (int c = 0; c < static_cast<int>(values.size()); ++c) {
      ExportValue& v = values[c];
      v.type = statement->ColumnType(c);
      if (v.type == Statement::Type::kBlob) v.type = Statement::Type::kText;
      v.integer = v.type == Statement::Type::kInteger ? statement->Int64(c) : 0;
      v.real = v.type == Statement::Type::kReal ? statement->Double(c) : 0;
      v.text = v.type == Statement::Type::kText ? statement->Text(c) : std::string();
    }
    if (Status s = sink.Row(values); !s.ok()) return s;
    ++rows;
  }
  return rows;
}

}  // namespace oplex
