// How read-side queries (models/queries.*, compare.*, search.*) read a Store: every statement of
// one answer inside one read transaction, and each statement's rows one by one.
#pragma once

#include "models/status.h"
#include "models/store.h"

namespace oplex {

// Runs `read` (returning a Result or a Status) inside one read transaction: the statements it
// issues all see the same snapshot, so a document replaced meanwhile cannot show up half old,
// half new.
template <typename Read>
auto InSnapshot(Store& store, Read&& read) -> decltype(read()) {
  if (Status begun = store.Exec("BEGIN"); !begun.ok()) return begun;
  auto result = read();
  Status ended = store.Exec(result.ok() ? "COMMIT" : "ROLLBACK");
  if (!result.ok()) return result;
  if (!ended.ok()) return ended;
  return result;
}

// Steps through every row, calling `on_row` (returning a Status) for each, and stops at the
// first error; leaves the statement reset, ready for new bindings.
template <typename OnRow>
Status ForEachRow(Statement& statement, OnRow&& on_row) {
  Status status;
  for (Result<bool> row = statement.Step();; row = statement.Step()) {
    if (!row.ok()) {
      status = row.status();
      break;
    }
    if (!*row) break;
    status = on_row();
    if (!status.ok()) break;
  }
  statement.Reset();
  return status;
}

}  // namespace oplex
