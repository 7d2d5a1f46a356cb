// Merging oplex databases: the documents of one database (a shard written by `oplex ingest
// --shard K/N`) copied into another with every record they own, as `oplex merge` does.
//
// Documents keep their identity, the content hash: one already in the output is skipped, so a
// merge run twice, or over overlapping inputs, stores each document once. Which tables to copy
// and how their ids are renumbered comes from the schema (models/table_graph.h): a table a
// later migration adds is merged too, or the merge refuses it by name. Thread-safety: as Store.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "models/status.h"
#include "models/store.h"

namespace oplex {

struct MergeCounts {
  int64_t documents = 0;  // copied into the output
  int64_t present = 0;    // skipped: a document with the same content hash was there already
};

// Copies every document of the database at `input` whose content hash `out` lacks, with its
// records (ids renumbered after `out`'s own), and the shared rows (institutes, categories) `out`
// lacks, in one transaction: the input is merged whole or not at all. The full-text index follows
// through its triggers. The input is only read. Fails, naming the input, when it is missing, not
// an oplex database, or of another schema version than `out` (kNotSupported; an older one is
// migrated by opening it with this oplex, e.g. `oplex stats --db IN`).
Result<MergeCounts> MergeDatabase(Store& out, const std::filesystem::path& input);

// Inside the caller's write transaction: the records of document `from` of the database attached
// to `out` as `schema` (of `out`'s schema version) copied into `out` as those of document `to`,
// whose row `out` holds already, ids renumbered after `out`'s own, with the shared rows
// (institutes, categories) `out` lacks. For a database holding that one document only.
Status CopyDocumentRecords(Store& out, const std::string& schema, int64_t from, int64_t to);

}  // namespace oplex
