// DocumentWriter: one document written into a Store record by record, in one transaction.
//
// Store::BeginDocument opens the write transaction and writes the document's row; the Add calls
// then write its records, each kind in the order of the Extraction vector it would sit in, so
// that an index cross-reference (Section::parent, Activity::section, Deliverable::section and
// activity, StatedTotal::scope, Indicator::section and activity, Reference::event,
// Finding::activity) names a record added before it; the writer keeps the row ids those indexes
// become. Commit ends the transaction. A writer destroyed before Commit, or after an Add or
// Commit failed, rolls back: nothing of the document is left and the database is as it was.
//
// Activities are written in batches (kActivityBatch rows to a statement), which lets SQLite's
// full-text index take a batch at once instead of one row at a time; adding any other record,
// or committing, writes the activities still held first.
//
// While it lives the writer holds the database's write lock: other writers wait for it (up to
// Store::kBusyTimeoutMs). Not thread-safe; the Store must outlive it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "models/metadata.h"
#include "models/plan_key.h"
#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

class DocumentWriter {
 public:
  // Activities held before they are written in one statement. 256 saved 2 % of the time of a
  // 15,000-activity plan and cost 1.5 MB more for the statement, whatever the document's size.
  static constexpr size_t kActivityBatch = 64;

  DocumentWriter(const DocumentWriter&) = delete;
  DocumentWriter& operator=(const DocumentWriter&) = delete;
  ~DocumentWriter();  // rolls back unless committed

  // Each writes one record. A dangling index or a record the schema rejects is kInternal,
  // naming the record ("activities[12] (1.3)"); after any failure every later call fails too.
  Status AddSection(const Section& section);
  Status AddActivity(Activity activity);  // held until its batch is written
  // Writes again what a later schedule gives activity `index`, added before: its code, text,
  // months (with their source) and category.
  Status UpdateSchedule(size_t index, const Activity& activity);
  Status AddDeliverable(const Deliverable& deliverable);
  Status AddStatedTotal(const StatedTotal& total);
  Status AddIndicator(const Indicator& indicator);
  Status AddEvent(const Event& event);
  Status AddReference(const Reference& reference);
  Status AddFinding(const Finding& finding);

  // Activity `index`, added before, as written: its code, text and provenance (what a
  // document read in windows looks back at: SettledActivities::ReadBack).
  Result<Activity> ReadActivity(size_t index);

  // Copies the records of the one document of the database attached as `schema` (written by a
  // DocumentWriter of this oplex: a long document's records spilled as they were read) as this
  // document's. Instead of the Add calls, not with them.
  Status CopyRecords(const std::string& schema);

  // Writes what is held, restores the metadata set by hand on a replaced copy, updates the plan
  // keys of the document's plan group (and of the group a replaced copy left), and commits.
  // kInserted or kReplaced; on failure the transaction is rolled back.
  Result<Store::PutOutcome> Commit();

 private:
  friend class Store;

  // What Store::BeginDocument does once the transaction is open: null when the document is
  // stored and not to be replaced.
  static Result<std::unique_ptr<DocumentWriter>> Start(Store& store, const DocumentInfo& document,
                                                       bool replace);
  DocumentWriter(Store& store, std::vector<Statement> statements, int64_t document_id,
                 bool replaced, std::vector<MetadataSet> kept, std::optional<PlanGroup> left);

  // Runs `write` unless an earlier call failed, after writing the activities held when `write`
  // is not an activity's; remembers a failure.
  template <typename Write>
  Status Guarded(Write&& write, bool flush = true);
  Status WriteHeld();
  // The row id of activity `index`, written before; a dangling index is kInternal.
  Result<std::optional<int64_t>> ActivityRowId(std::optional<size_t> index) const;
  Status WriteActivityRows(size_t first, size_t count, Statement& insert);
  Status WriteActivityParts(int64_t id, const Activity& a);
  Status WriteMonths(int64_t id, const Activity& a);
  // Writes `rows` with one statement of `sql(rows.size())` (`columns` parameters a row, bound by
  // `bind(statement, first parameter, row)`); a row the schema refuses is named by `name(row)`,
  // written alone with statement(single).
  template <typename BindRow, typename NameRow>
  Status WriteRows(std::string (*sql)(size_t), size_t single, int columns,
                   const std::vector<const MonthValue*>& rows, BindRow bind, NameRow name);
  Status WriteCategory(const ActivityCategory& category);
  Statement& statement(size_t which) { return statements_[which]; }

  Store& store_;
  int64_t document_id_;
  bool replaced_;
  std::vector<MetadataSet> kept_;  // set by hand on the replaced copy
  std::optional<PlanGroup> left_;  // the replaced copy's plan group
  bool open_ = true;               // the transaction is still to be committed or rolled back
  Status failed_;
  std::vector<Statement> statements_;         // prepared once, by kind (document_writer.cpp)
  std::map<std::string, Statement> by_rows_;  // inserts of several rows, by their SQL
  // Row ids by index of what was written.
  std::vector<int64_t> section_ids_, event_ids_;
  // Activities written: activity k has row id max_activity_id_ + k + 1 (WriteHeld numbers them
  // one after the other, as SQLite would).
  size_t activities_written_ = 0;
  size_t deliverables_ = 0, stated_totals_ = 0, indicators_ = 0, references_ = 0, findings_ = 0;
  std::vector<Activity> held_;              // activities not written yet
  std::optional<int64_t> max_activity_id_;  // before this document's, once the first is written
  std::set<std::tuple<std::string, std::string, int>> categories_;  // written by this writer
};

// Writes every record of `e` through `writer`, in the order of its vectors.
Status WriteExtraction(DocumentWriter& writer, const Extraction& e);

}  // namespace oplex
