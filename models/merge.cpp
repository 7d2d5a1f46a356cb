#include "models/merge.h"

#include <map>
#include <string>
#include <vector>

#include "models/migrations.h"
#include "models/plan_key.h"
#include "models/table_graph.h"

namespace oplex {
namespace {

// The name the input is attached under for the length of a merge.
constexpr char kInput[] = "merge_input";

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

Result<int64_t> One(Store& store, const std::string& sql) {
  Result<Statement> query = store.Prepare(sql);
  if (!query.ok()) return query.status();
  Result<bool> row = query->Step();
  if (!row.ok()) return row.status();
  return *row ? query->Int64(0) : 0;
}

// Refuses an input whose schema is not the output's.
Status CheckSchema(Store& out) {
  Result<int64_t> version = One(out, std::string("PRAGMA ") + kInput + ".user_version");
  if (!version.ok()) return version.status();
  if (*version == 0) return Status::InvalidInput("it is not an oplex database");
  if (*version != out.schema_version()) {
    const std::string versions = "its schema version is " + std::to_string(*version) +
                                 ", this oplex writes " + std::to_string(out.schema_version());
    if (*version > out.schema_version()) {
      return Status::NotSupported(versions + ": merge with the oplex that wrote it or a newer one");
    }
    return Status::NotSupported(versions + ": open it once with this oplex to migrate it (`oplex " +
                                "stats --db FILE`), then merge");
  }
  Result<std::vector<TableNode>> ours = ReadTableGraph(out, "main");
  if (!ours.ok()) return ours.status();
  Result<std::vector<TableNode>> theirs = ReadTableGraph(out, kInput);
  if (!theirs.ok()) return theirs.status();
  for (const TableNode& node : *ours) {
    const TableNode* other = FindTable(*theirs, node.name);
    if (other == nullptr || other->columns != node.columns) {
      return Status::NotSupported("its table " + node.name +
                                  " differs from the output's, at the same schema version");
    }
  }
  if (theirs->size() != ours->size()) {
    return Status::NotSupported("it has tables the output lacks, at the same schema version");
  }
  return Status::Ok();
}

// The INSERT … SELECT that copies the rows of `node` the merge takes from the database attached as
// `input`: ids moved past the output's own by `offsets` (per table), shared rows only where their
// key is new, document rows only for a new content hash, other rows only when their owner was
// copied by this merge.
Result<std::string> CopySql(const TableNode& node, const std::vector<TableNode>& graph,
                            const std::map<std::string, int64_t>& offsets,
                            const std::string& input) {
  auto moved = [&](const std::string& column, const std::string& table) {
    auto offset = offsets.find(table);
    return offset == offsets.end()
               ? Quoted(column)
               : "(" + Quoted(column) + " + " + std::to_string(offset->second) + ")";
  };
  std::string columns, values;
  for (const std::string& column : node.columns) {
    std::string value = Quoted(column);
    if (node.id == column) value = moved(column, node.name);
    for (const ForeignKey& key : node.foreign_keys) {
      const TableNode* target = FindTable(graph, key.table);
      if (key.column == column && target != nullptr && target->id == key.to) {
        value = moved(column, key.table);
      }
    }
    columns += (columns.empty() ? "" : ", ") + Quoted(column);
    values += (values.empty() ? "" : ", ") + value;
  }
  std::string sql = "INSERT INTO main." + Quoted(node.name) + " (" + columns + ") SELECT " +
                    values + " FROM " + input + "." + Quoted(node.name);
  if (node.shared) return sql + " WHERE true ON CONFLICT DO NOTHING";
  if (node.name == kDocumentTable) {
    return sql + " WHERE sha256 NOT IN (SELECT sha256 FROM main.document)";
  }
  const ForeignKey& owner = *node.owner;
  const TableNode* parent = FindTable(graph, owner.table);
  if (parent == nullptr || parent->id != owner.to) {
    return Status::NotSupported("table " + node.name + " belongs to " + owner.table +
                                " by a column other than its row id");
  }
  const std::string floor = std::to_string(offsets.at(owner.table));
  return sql + " WHERE " + moved(owner.column, owner.table) + " IN (SELECT " + Quoted(owner.to) +
         " FROM main." + Quoted(owner.table) + " WHERE " + Quoted(owner.to) + " > " + floor + ")";
}

// The largest id of each table of `graph` with ids in the output: what copied ids move past.
Result<std::map<std::string, int64_t>> Offsets(Store& out, const std::vector<TableNode>& graph) {
  std::map<std::string, int64_t> offsets;
  for (const TableNode& node : graph) {
    if (node.shared || !node.id) continue;
    Result<int64_t> top = One(
        out, "SELECT coalesce(max(" + Quoted(*node.id) + "), 0) FROM main." + Quoted(node.name));
    if (!top.ok()) return top.status();
    offsets[node.name] = *top;
  }
  return offsets;
}

// The merge of the attached input, inside the caller's transaction.
Result<MergeCounts> CopyAll(Store& out) {
  Result<std::vector<TableNode>> graph = ReadTableGraph(out, "main");
  if (!graph.ok()) return graph.status();
  MergeCounts counts;
  const std::string input_documents = std::string(kInput) + ".document";
  Result<int64_t> all = One(out, "SELECT count(*) FROM " + input_documents);
  Result<int64_t> fresh = One(out, "SELECT count(*) FROM " + input_documents +
                                       " WHERE sha256 NOT IN (SELECT sha256 FROM main.document)");
  if (!all.ok()) return all.status();
  if (!fresh.ok()) return fresh.status();
  counts.documents = *fresh;
  counts.present = *all - *fresh;

  Result<std::map<std::string, int64_t>> offsets = Offsets(out, *graph);
  if (!offsets.ok()) return offsets.status();
  for (const TableNode& node : *graph) {
    Result<std::string> sql = CopySql(node, *graph, *offsets, kInput);
    if (!sql.ok()) return sql.status();
    if (Status s = out.Exec(*sql); !s.ok()) return WithContext(s, "table " + node.name);
  }
  // Editions of one plan may come from different inputs: key the plans anew over them all.
  if (Status s = UpdateAllPlanKeys(out); !s.ok()) return s;
  return counts;
}

}  // namespace

Status CopyDocumentRecords(Store& out, const std::string& schema, int64_t from, int64_t to) {
  Result<std::vector<TableNode>> graph = ReadTableGraph(out, "main");
  if (!graph.ok()) return graph.status();
  Result<std::map<std::string, int64_t>> offsets = Offsets(out, *graph);
  if (!offsets.ok()) return offsets.status();
  (*offsets)[std::string(kDocumentTable)] = to - from;
  for (const TableNode& node : *graph) {
    if (node.name == kDocumentTable) continue;  // written already, as `to`
    Result<std::string> sql = CopySql(node, *graph, *offsets, schema);
    if (!sql.ok()) return sql.status();
    if (Status s = out.Exec(*sql); !s.ok()) return WithContext(s, "table " + node.name);
  }
  return Status::Ok();
}

Result<MergeCounts> MergeDatabase(Store& out, const std::filesystem::path& input) {
  const std::string context = "cannot merge " + input.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(input, ec)) {
    return WithContext(Status::IoError("no such database file"), context);
  }
  {
    Result<Statement> main_file =
        out.Prepare("SELECT file FROM pragma_database_list WHERE name = 'main'");
    if (!main_file.ok()) return WithContext(main_file.status(), context);
    if (Result<bool> row = main_file->Step(); !row.ok()) return WithContext(row.status(), context);
    if (std::filesystem::equivalent(input, main_file->Text(0), ec)) {
      return WithContext(Status::InvalidInput("it is the output database"), context);
    }
    Result<Statement> attach = out.Prepare(std::string("ATTACH DATABASE ?1 AS ") + kInput);
    if (!attach.ok()) return WithContext(attach.status(), context);
    if (Status s = attach->Bind(1, input.string()).Run(); !s.ok()) return WithContext(s, context);
  }  // no statement may be open when the input is detached

  MergeCounts counts;
  Status merged = CheckSchema(out);
  if (merged.ok()) {
    merged = out.InTransaction([&]() -> Status {
      Result<MergeCounts> copied = CopyAll(out);
      if (copied.ok()) counts = *copied;
      return copied.status();
    });
  }
  const Status detached = out.Exec(std::string("DETACH DATABASE ") + kInput);
  if (!merged.ok()) return WithContext(merged, context);
  if (!detached.ok()) return WithContext(detached, context);
  return counts;
}

}  // namespace oplex
