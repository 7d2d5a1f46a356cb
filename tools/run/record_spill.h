// The records of a long document written window by window (document_windows.h) to a scratch
// database of their own, so that what the document has given so far does not stay in memory
// while the rest is read, and the database being filled is not locked while it is: at the end
// Store::PutSpilled copies them in, in one transaction.
//
// The scratch database is an oplex database of this one document, named by the caller's prefix
// and removed when the spill goes. What each window settles is written, and of it only what later
// windows and the document's own steps read is kept: the sections; the activities as
// Extraction::settled keeps them (their code, section and months; their text and provenance read
// back from the scratch database when asked; whole while their months are unknown, as a later
// schedule may give them: they are written again then, DocumentWriter::UpdateSchedule). The
// deliverables and the findings that name a line go; stated totals, indicators, events,
// references and the other findings are few and stay until the end.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "models/document_writer.h"
#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

class RecordSpill {
 public:
  // A scratch database named `prefix` and six characters that make it new (mkstemp), holding the
  // row of `document` (what is known of it so far).
  static Result<std::unique_ptr<RecordSpill>> Create(const std::string& prefix,
                                                     const DocumentInfo& document);
  RecordSpill(const RecordSpill&) = delete;
  RecordSpill& operator=(const RecordSpill&) = delete;
  ~RecordSpill();  // removes the scratch database

  // Writes what `e` holds that is not written yet, and `rescheduled` (activities written before
  // without a schedule that have one now) again; then lets go of what is written and not read,
  // settling e's activities (Extraction::settled, which reads them back from here).
  Status Settle(Extraction* e, const std::vector<size_t>& rescheduled);
  // Settles, writes the records left in `e` and commits; then closes the scratch database. Fails
  // too when an activity could not be read back.
  Status Finish(Extraction* e, const std::vector<size_t>& rescheduled);

  // The scratch database: once finished, what Store::PutSpilled copies from.
  const std::filesystem::path& path() const { return path_; }

  // How many deliverables and findings were written and let go (for the document's counts).
  size_t deliverables() const { return deliverables_; }
  size_t findings() const { return findings_; }

 private:
  RecordSpill(std::filesystem::path path, std::unique_ptr<Store> store,
              std::unique_ptr<DocumentWriter> writer)
      : path_(std::move(path)), store_(std::move(store)), writer_(std::move(writer)) {}

  // Activity `index` as written (SettledActivities::ReadBack). One that cannot be read is read
  // as code "?" and fails Finish.
  Activity ReadBack(size_t index);

  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<DocumentWriter> writer_;
  size_t sections_ = 0;  // written, of e's
  size_t deliverables_ = 0, findings_ = 0;
  Status read_failed_;
};

// A document read (DocumentPipeline::Read): its records, or, for a long document read with a
// spill, those the document-level steps kept and the spill holding them all.
struct DocumentRead {
  Extraction extraction;
  std::unique_ptr<RecordSpill> spill;  // null unless the records were spilled
};

}  // namespace oplex
