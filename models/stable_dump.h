// A stable dump of an oplex database: every table's rows as text, without what differs between
// two databases holding the same documents (row ids, the time of ingestion), in an order that
// depends only on the content. Two databases that hold the same documents read the same way
// give the same bytes: a run split into shards and merged can be compared with one run.
//
// A row with an id is named by its owner's name and its position among the owner's rows of its
// table, in the order they were stored: a document by its content hash, its 12th activity
// "<sha256>/000012", that activity's 2nd beneficiary "<sha256>/000012/000002". A reference to
// another row is that row's name; rows are sorted by their name, or by all their values. The tables
// are those of the schema (models/table_graph.h), the full-text index `search_text` included.
// Thread-safety: as Store.
#pragma once

#include <ostream>

#include "models/status.h"
#include "models/store.h"

namespace oplex {

// Writes the dump of `store` to `out`: for each table a line "[table] N rows: columns…", then
// its rows, one per line, values tab-separated as SQLite's quote() writes them (NULL, 12, 1.5,
// 'text'). Uses a temporary table of its own on `store`'s connection.
Status WriteStableDump(Store& store, std::ostream& out);

}  // namespace oplex
