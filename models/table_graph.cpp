#include "models/table_graph.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace oplex {
namespace {

// A node's columns, id and foreign keys, as the schema declares them; `not_null` gets the
// columns declared NOT NULL.
Status ReadNode(Store& store, std::string_view schema, TableNode* node,
                std::set<std::string>* not_null) {
  Result<Statement> columns =
      store.Prepare("SELECT name, upper(type), pk, \"notnull\" FROM pragma_table_info(?1, ?2)");
  if (!columns.ok()) return columns.status();
  columns->Bind(1, node->name).Bind(2, schema);
  std::vector<std::string> key;
  std::string key_type;
  for (Result<bool> row = columns->Step();; row = columns->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    node->columns.push_back(columns->Text(0));
    if (columns->Int64(2) > 0) {
      key.push_back(columns->Text(0));
      key_type = columns->Text(1);
    }
    if (columns->Int64(3) != 0) not_null->insert(columns->Text(0));
  }
  if (key.size() == 1 && key_type == "INTEGER") node->id = key.front();

  Result<Statement> keys =
      store.Prepare("SELECT seq, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1, ?2)");
  if (!keys.ok()) return keys.status();
  keys->Bind(1, node->name).Bind(2, schema);
  for (Result<bool> row = keys->Step();; row = keys->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (keys->Int64(0) > 0) {
      return Status::NotSupported("table " + node->name + " has a foreign key of several columns");
    }
    node->foreign_keys.push_back({keys->Text(2), keys->Text(1), keys->Text(3)});
  }
  return Status::Ok();
}

// Gives each table that reaches the document table through NOT NULL foreign keys its owner.
void FindOwners(std::vector<TableNode>* nodes,
                const std::map<std::string, std::set<std::string>>& not_null) {
  std::set<std::string> owned = {std::string(kDocumentTable)};
  for (bool changed = true; changed;) {
    changed = false;
    for (TableNode& node : *nodes) {
      if (owned.contains(node.name)) continue;
      for (const ForeignKey& key : node.foreign_keys) {
        if (owned.contains(key.table) && not_null.at(node.name).contains(key.column)) {
          node.owner = key;
          owned.insert(node.name);
          changed = true;
          break;
        }
      }
    }
  }
}

// Whether `node` refers to a document's records (through any foreign key).
bool RefersToRecords(const TableNode& node, const std::vector<TableNode>& nodes) {
  return std::any_of(node.foreign_keys.begin(), node.foreign_keys.end(), [&](const ForeignKey& k) {
    const TableNode* target = FindTable(nodes, k.table);
    return target != nullptr && !target->shared;
  });
}

// Orders `nodes` so that each comes after the tables its foreign keys refer to (itself aside):
// shared tables first, then the document table, then the others, by name where free.
Result<std::vector<TableNode>> Order(std::vector<TableNode> nodes) {
  auto rank = [](const TableNode& n) { return n.shared ? 0 : n.name == kDocumentTable ? 1 : 2; };
  std::sort(nodes.begin(), nodes.end(), [&](const TableNode& a, const TableNode& b) {
    return std::pair(rank(a), a.name) < std::pair(rank(b), b.name);
  });
  std::vector<TableNode> ordered;
  std::set<std::string> placed;
  while (!nodes.empty()) {
    auto ready = std::find_if(nodes.begin(), nodes.end(), [&](const TableNode& n) {
      return std::all_of(n.foreign_keys.begin(), n.foreign_keys.end(), [&](const ForeignKey& k) {
        return k.table == n.name || placed.contains(k.table);
      });
    });
    if (ready == nodes.end()) {
      return Status::NotSupported("the foreign keys of table " + nodes.front().name +
                                  " form a cycle or name a missing table");
    }
    placed.insert(ready->name);
    ordered.push_back(std::move(*ready));
    nodes.erase(ready);
  }
  return ordered;
}

}  // namespace

const TableNode* FindTable(const std::vector<TableNode>& graph, std::string_view name) {
  auto it = std::find_if(graph.begin(), graph.end(),
                         [&](const TableNode& node) { return node.name == name; });
  return it == graph.end() ? nullptr : &*it;
}

Result<std::vector<TableNode>> ReadTableGraph(Store& store, std::string_view schema) {
  Result<Statement> tables = store.Prepare(
      "SELECT name FROM pragma_table_list WHERE schema = ?1 AND type = 'table' AND name NOT "
      "LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name");
  if (!tables.ok()) return tables.status();
  tables->Bind(1, schema);
  std::vector<TableNode> nodes;
  std::map<std::string, std::set<std::string>> not_null;
  for (Result<bool> row = tables->Step();; row = tables->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    TableNode node;
    node.name = tables->Text(0);
    if (Status s = ReadNode(store, schema, &node, &not_null[node.name]); !s.ok()) return s;
    nodes.push_back(std::move(node));
  }
  if (FindTable(nodes, kDocumentTable) == nullptr) {
    return Status::InvalidInput("it has no " + std::string(kDocumentTable) + " table");
  }
  FindOwners(&nodes, not_null);
  for (TableNode& node : nodes) {
    node.shared = node.name != kDocumentTable && !node.owner;
  }
  for (const TableNode& node : nodes) {
    if (!node.shared) continue;
    if (RefersToRecords(node, nodes)) {
      return Status::NotSupported("table " + node.name +
                                  " refers to documents' records only through columns that may "
                                  "be NULL: which document its rows belong to is unknown");
    }
    for (const TableNode& other : nodes) {
      for (const ForeignKey& key : other.foreign_keys) {
        if (key.table == node.name && node.id && key.to == *node.id) {
          return Status::NotSupported("table " + other.name + " refers to the row ids of " +
                                      node.name + ", which no document owns");
        }
      }
    }
  }
  return Order(std::move(nodes));
}

}  // namespace oplex
