// The tables `oplex export` writes, and the read side that hands over their rows.
//
// Each export table is one database table's records, one row per record (so its row count is
// that table's count), with what a reader of the file alone needs put first: the institute, year
// and path of the document, and, for activities, the section, the category's label and the
// twelve months as flags. Then come the record's own columns as stored (`SELECT t.*`), so a
// column a later schema adds is exported too. Values keep SQLite's types: NULL stays NULL.
// Functions use the Store's connection and so share its thread-safety: call them on its thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"
#include "models/store.h"

namespace oplex {

struct ExportTable {
  std::string_view name;    // its --tables name and file name: activities → activities.csv
  std::string_view source;  // the database table with one record per row
  std::string sql;          // the query that reads it, in the records' order
};

// Every export table, in the order `oplex export` writes them by default: activities, months,
// indicators, events, references, findings, sections, documents, categories.
std::span<const ExportTable> ExportTables();

// The export table called `name`, or nullptr.
const ExportTable* FindExportTable(std::string_view name);

// One value of a row, as SQLite stored it; a BLOB (which no table holds) is read as text.
struct ExportValue {
  Statement::Type type = Statement::Type::kNull;
  int64_t integer = 0;  // kInteger
  double real = 0;      // kReal
  std::string text;     // kText
};

// What receives a table: the column names once, then every row in order. A non-OK Status stops
// the reading and is returned by ReadExportTable.
class ExportSink {
 public:
  virtual ~ExportSink() = default;
  virtual Status Header(const std::vector<std::string>& columns) = 0;
  virtual Status Row(const std::vector<ExportValue>& values) = 0;
};

// Reads `table` into `sink`; returns how many rows it gave. Run several inside one InSnapshot
// (models/snapshot.h) so that the files agree with each other.
Result<int64_t> ReadExportTable(Store& store, const ExportTable& table, ExportSink& sink);

}  // namespace oplex
