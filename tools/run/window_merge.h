// What a window of a long document (document_windows.h) added to the document's records, less
// what its context yielded again.
//
// A window is extracted into the document's records after a context it re-reads (blocks of the
// window before), so that it sees the records before it (an activity listed earlier that its
// schedule names, the activity an indicator belongs to) as a whole document would. What the
// context yields again is dropped: a record is the context's when it stands on a line of the
// context's rows; a record with no line is the window's, but for a finding the document has
// already. A section the window opened is kept when a record kept stands in it (or in a section
// under it); one the context opened again is the section already stored from that heading (the
// same line, kind, code and title). Indexes are renumbered; records that name a dropped record
// are dropped with it.
#pragma once

#include <optional>
#include <vector>

#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

// The lines of the rows of a window's context.
class ContextLines {
 public:
  explicit ContextLines(const std::vector<Block>& context);
  bool Has(const Provenance& p) const;

 private:
  std::vector<std::pair<int, int>> spans_;  // first and last line of each row, in order
};

// How many records of each kind an Extraction holds.
struct RecordCounts {
  size_t sections = 0, activities = 0, deliverables = 0, stated_totals = 0, indicators = 0,
         events = 0, references = 0, findings = 0;
};
RecordCounts CountRecords(const Extraction& e);

// Drops from `e` the records added since it held `before` that are the context's.
void DropContextRecords(const RecordCounts& before, const ContextLines& context, Extraction* e);

// The lines of the headings of the sections the last record of `e` (activity or indicator,
// whichever comes later) stands in, outermost first: the sections a following window goes on in.
std::vector<int> OpenSectionLines(const Extraction& e);

}  // namespace oplex
