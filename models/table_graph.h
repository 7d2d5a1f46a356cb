// The tables of an oplex database as a graph of who belongs to whom, read from the schema
// itself (not from a list in code), so that whatever walks every table (oplex merge, the
// stable dump) also walks a table added by a later migration, or refuses it by name.
//
// Every record belongs to one document: `document` is the root, and each other table either
// reaches it through a NOT NULL foreign key (its `owner`: activity → document, activity_month →
// activity → document…) or is shared by the documents (institute, category: rows keyed by a
// code). FTS5 tables and their shadow tables are not listed: triggers keep them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"
#include "models/store.h"

namespace oplex {

// The table every record hangs off, and its identity column: the content hash.
inline constexpr std::string_view kDocumentTable = "document";

struct ForeignKey {
  std::string column;  // in the referencing table
  std::string table;   // the referenced one
  std::string to;      // its column
};

struct TableNode {
  std::string name;
  std::vector<std::string> columns;  // in schema order
  // The INTEGER PRIMARY KEY column (an alias of the rowid) when there is one: the id other
  // tables refer to.
  std::optional<std::string> id;
  std::vector<ForeignKey> foreign_keys;
  // The NOT NULL foreign key through which its rows belong to a document; nullopt for the
  // document table and for shared tables.
  std::optional<ForeignKey> owner;
  bool shared = false;  // rows belong to no document (institute, category)
};

// The tables of `schema` ("main", or an attached database's name), every table after those its
// foreign keys refer to: shared tables, document, then the rest. Fails naming the table when one
// cannot be placed: a composite foreign key, a shared table whose integer ids others refer to, a
// table that refers to documents' records only through nullable columns.
Result<std::vector<TableNode>> ReadTableGraph(Store& store, std::string_view schema);

// The node of `name` in `graph`, or null.
const TableNode* FindTable(const std::vector<TableNode>& graph, std::string_view name);

}  // namespace oplex
