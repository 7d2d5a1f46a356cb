// What becomes of the records of a long document as each of its windows settles
// (document_windows.h): its new activities (and those a later window's schedule named, read
// before without one) are categorized and checked against themselves, as Validate and
// ClassifyActivities do once for a document read whole; then, when a folder for it was given,
// they are spilled (record_spill.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/records.h"
#include "models/status.h"
#include "pipeline/classify/taxonomy.h"
#include "tools/run/record_spill.h"
#include "tools/run/window_merge.h"

namespace oplex {

class SettledRecords {
 public:
  // `spill_prefix`: where to spill (RecordSpill::Create; empty: nothing is spilled);
  // `identity`: the document's hash and path, for the spilled document's row.
  SettledRecords(const Taxonomy& taxonomy, std::string spill_prefix, DocumentInfo identity)
      : taxonomy_(taxonomy), prefix_(std::move(spill_prefix)), identity_(std::move(identity)) {}

  // Takes the window `e` gained since it held `before`.
  void Settle(Extraction* e, const RecordCounts& before);
  // Once the document is read and checked: writes what is left to the spill, if any. The first
  // failure to spill, if any.
  Status Finish(Extraction* e);
  // The spill holding the document's records; null when nothing was spilled.
  std::unique_ptr<RecordSpill> TakeSpill() { return std::move(spill_); }

 private:
  // The activities read without a schedule that have one now; they are no longer waited on.
  std::vector<size_t> Rescheduled(const Extraction& e);

  const Taxonomy& taxonomy_;
  std::string prefix_;
  DocumentInfo identity_;
  std::vector<size_t> unscheduled_;  // activities read without a schedule, by index
  std::unique_ptr<RecordSpill> spill_;
  Status failed_;
};

}  // namespace oplex
