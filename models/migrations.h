// The SQLite schema as an ordered history of migrations.
//
// A database records the last migration applied to it in `PRAGMA user_version`; opening it
// applies the ones after that (see Store::Open). A released migration is never edited: a schema
// change is a new migration appended to the list, so that every existing database can follow.
// Migration 1 creates everything. A step whose new columns hold what only oplex's C++ computes
// (schema 10's plan keys) fills them in its `then`, in the same transaction. Plain constant data;
// safe to use from any thread.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "models/status.h"

namespace oplex {

class Store;

// One step of the schema's history.
struct Migration {
  int version;                   // the user_version a database has once this step is applied
  std::string_view description;  // one line, for logs and error messages
  std::string_view sql;          // one or more statements, run inside the migration's transaction
  Status (*then)(Store&) = nullptr;  // run after `sql`, in the same transaction, when set
};

// Every migration, by ascending version: 1, 2, 3… with no gaps.
std::span<const Migration> Migrations();

// The version a database has once every migration is applied.
int LatestSchemaVersion();

// The provenance columns every record table carries (page, line, last_line, bbox_x0, bbox_y0,
// bbox_x1, bbox_y1, extractor, confidence): the order in which the store writes them and the
// queries read them back. Each is prefixed with "alias." when `alias` is not empty, for joins.
std::string ProvenanceColumns(std::string_view alias = "");

// How many columns ProvenanceColumns() lists.
inline constexpr int kProvenanceColumnCount = 9;

}  // namespace oplex
