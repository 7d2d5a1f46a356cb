#include "models/stable_dump.h"

#include <set>
#include <string>
#include <vector>

#include "models/table_graph.h"

namespace oplex {
namespace {

// Columns whose values say when, not what: left out.
const std::set<std::string> kVolatileColumns = {"document.ingested_at",
                                                "document_metadata_set.set_at"};

// The full-text index: a virtual table (not in the graph), each row naming its record by its
// table (`kind`) and id.
constexpr char kSearchTable[] = "search_text";

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// `name` as an SQL string literal (table names need no escaping).
std::string Literal(const std::string& name) { return "'" + name + "'"; }

// The name of a row, given the SQL expressions of its table's name and of its id.
std::string KeyOf(const std::string& table, const std::string& id) {
  return "(SELECT key FROM temp.dump_key WHERE tbl = " + table + " AND id = " + id + ")";
}

// Names every row with an id (see the header) in temp.dump_key, owners before their rows.
Status NameRows(Store& store, const std::vector<TableNode>& graph) {
  if (Status s = store.Exec(
          "DROP TABLE IF EXISTS temp.dump_key; CREATE TEMP TABLE dump_key (tbl TEXT NOT NULL, "
          "id INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID");
      !s.ok()) {
    return s;
  }
  for (const TableNode& node : graph) {
    if (node.shared || !node.id) continue;
    const std::string id = "t." + Quoted(*node.id);
    std::string sql = "INSERT INTO temp.dump_key SELECT " + Literal(node.name) + ", " + id + ", ";
    if (node.name == kDocumentTable) {
      sql += "t.sha256 FROM main.document AS t";
    } else {
      const ForeignKey& owner = *node.owner;
      const std::string column = "t." + Quoted(owner.column);
      sql += "k.key || '/' || printf('%06d', row_number() OVER (PARTITION BY " + column +
             " ORDER BY " + id + ")) FROM main." + Quoted(node.name) +
             " AS t JOIN temp.dump_key AS k ON k.tbl = " + Literal(owner.table) +
             " AND k.id = " + column;
    }
    if (Status s = store.Exec(sql); !s.ok()) return WithContext(s, "naming rows of " + node.name);
  }
  return Status::Ok();
}

// The columns a dump of `node` shows, as SQL over its rows (alias t), with their headings.
void Columns(const TableNode& node, const std::vector<TableNode>& graph,
             std::vector<std::string>* values, std::vector<std::string>* headings) {
  const bool named = !node.shared && node.id;
  if (named) {
    values->push_back(KeyOf(Literal(node.name), "t." + Quoted(*node.id)));
    headings->push_back("row");
  }
  for (const std::string& column : node.columns) {
    if ((named && column == *node.id) || kVolatileColumns.contains(node.name + "." + column)) {
      continue;
    }
    std::string value = "quote(t." + Quoted(column) + ")";
    for (const ForeignKey& key : node.foreign_keys) {
      const TableNode* target = FindTable(graph, key.table);
      if (key.column == column && target != nullptr && !target->shared && target->id == key.to) {
        value = "quote(" + KeyOf(Literal(key.table), "t." + Quoted(column)) + ")";
      }
    }
    values->push_back(value);
    headings->push_back(column);
  }
}

// Writes "[title] N rows: headings" and the rows of `select` (whose columns are `headings`),
// sorted by every column.
Status WriteRows(Store& store, const std::string& title, const std::string& select,
                 const std::vector<std::string>& headings, std::ostream& out) {
  std::string order;
  for (size_t i = 1; i <= headings.size(); ++i) {
    order += (i > 1 ? ", " : "") + std::to_string(i);
  }
  Result<Statement> rows = store.Prepare(select + " ORDER BY " + order);
  if (!rows.ok()) return WithContext(rows.status(), "dumping " + title);
  std::vector<std::string> lines;
  for (Result<bool> row = rows->Step();; row = rows->Step()) {
    if (!row.ok()) return WithContext(row.status(), "dumping " + title);
    if (!*row) break;
    std::string line;
    for (int c = 0; c < rows->ColumnCount(); ++c) line += (c > 0 ? "\t" : "") + rows->Text(c);
    lines.push_back(std::move(line));
  }
  out << "[" << title << "] " << lines.size() << " rows:";
  for (const std::string& heading : headings) out << " " << heading;
  out << "\n";
  for (const std::string& line : lines) out << line << "\n";
  return Status::Ok();
}

}  // namespace

Status WriteStableDump(Store& store, std::ostream& out) {
  Result<std::vector<TableNode>> graph = ReadTableGraph(store, "main");
  if (!graph.ok()) return graph.status();
  if (Status s = NameRows(store, *graph); !s.ok()) return s;
  for (const TableNode& node : *graph) {
    std::vector<std::string> values, headings;
    Columns(node, *graph, &values, &headings);
    std::string select;
    for (const std::string& value : values) select += (select.empty() ? "" : ", ") + value;
    select = "SELECT " + select + " FROM main." + Quoted(node.name) + " AS t";
    if (Status s = WriteRows(store, node.name, select, headings, out); !s.ok()) return s;
  }
  // Each entry of the index with the name of its record, and its rowid's slot (rowid - 4 * id,
  // the kind's number), which the triggers that keep it must have written.
  const std::string select =
      "SELECT quote(t.kind), quote(t.rowid - 4 * t.record_id), " + KeyOf("t.kind", "t.record_id") +
      ", " + KeyOf(Literal(std::string(kDocumentTable)), "t.document_id") +
      ", quote(t.page), quote(t.line), quote(t.code), quote(t.text), quote(t.detail) FROM main." +
      kSearchTable + " AS t";
  return WriteRows(store, kSearchTable, select,
                   {"kind", "slot", "record", "document", "page", "line", "code", "text", "detail"},
                   out);
}

}  // namespace oplex
