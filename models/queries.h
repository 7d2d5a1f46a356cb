// Read-side queries over a Store, for the CLI: totals, one activity code across documents, and
// the findings to review.
//
// Each function reads inside one transaction, so its answer is a consistent snapshot even while
// another process is writing. Values come back in the record types of models/records.h, with
// the same meaning of absent (nullopt, MonthMask::Unknown()). Functions use the Store's
// connection and so share its thread-safety: call them on the Store's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

// One stored document with the sizes that tell whether its extraction went well.
struct DocumentStats {
  int64_t id = 0;
  std::string path;
  std::optional<std::string> institute;
  std::optional<int> year;
  DocumentKind kind = DocumentKind::kUnknown;
  int64_t activities = 0;
  int64_t activities_with_months = 0;  // activities whose months are known (possibly none)
  int64_t indicators = 0;              // rows of indicator tables (MIR, quarterly results)
  int64_t events = 0;                  // dated sessions and meetings (activity reports)
  int64_t references = 0;              // agreement codes cited
  int64_t findings = 0;
};

// The whole database at a glance.
struct Stats {
  int64_t documents = 0;
  int64_t sections = 0;
  int64_t activities = 0;
  int64_t indicators = 0;
  int64_t events = 0;
  int64_t references = 0;
  int64_t findings = 0;
  std::vector<DocumentStats> per_document;  // ordered by path
};

Result<Stats> GetStats(Store& store);

// One stored activity with everything needed to compare it across documents and to trace it
// back to its source.
struct ActivityMatch {
  int64_t activity_id = 0;
  int64_t document_id = 0;
  std::string document_path;
  std::optional<std::string> institute;
  std::optional<int> year;
  // Titles of the activity's section and its ancestors, root first, joined " > "; empty when
  // the activity belongs to no section.
  std::string section_path;
  std::string code;
  std::string text;
  std::optional<std::string> unit;
  std::optional<Quantity> annual;
  MonthMask months = MonthMask::Unknown();
  std::vector<MonthValue> month_values;  // by month
  std::vector<Beneficiary> beneficiaries;
  std::vector<std::string> deliverables;  // texts of the deliverables attached to the activity
  bool code_printed = true;               // false: the code is the row's position in its table
  std::optional<std::string> responsible;
  std::optional<std::string> start_date, end_date;  // ISO
  std::optional<std::string> months_source;         // "grid" or "dates"; nullopt when unknown
  std::vector<Attribute> attributes;                // headed columns without a field, as printed
  // Marked months of other years than the grid's (a schedule running into the next year, a
  // date outside the plan's year), as (year, month).
  std::vector<std::pair<int, int>> other_years;
  Provenance provenance;
};

// Every activity whose code is exactly `code`, ordered by document path, then document order.
Result<std::vector<ActivityMatch>> FindActivities(Store& store, std::string_view code);

// Which findings to list; an empty filter lists them all.
struct FindingFilter {
  // Only documents whose path contains this text (case-sensitive, no wildcards).
  std::optional<std::string> path_contains;
  // Only findings at least this severe (info < warning < error).
  std::optional<Severity> min_severity;
};

// One stored finding, with the document and activity it is about and where it was made.
struct FindingRow {
  std::string document_path;
  Severity severity = Severity::kWarning;
  std::string code;
  std::string message;
  std::string raw_text;
  std::optional<std::string> activity_code;  // when the finding is about one activity
  Provenance provenance;
};

// Findings that pass `filter`, ordered by document path, then where they occur in it.
// The columns a FindingRow is read from, in a query over `finding AS f JOIN document AS d` and
// `LEFT JOIN activity AS a`; ReadFindingRow reads them back from column `first` on.
std::string FindingRowColumns();
Result<FindingRow> ReadFindingRow(const Statement& row, int first);

Result<std::vector<FindingRow>> ListFindings(Store& store, const FindingFilter& filter = {});

// Checks the institutes and year of a filter (compare, report) against the database: the codes
// come back spelled as stored (they match without regard to ASCII letter case). An institute no
// document has, or a year no document (of those institutes) has, is kInvalidInput naming what the
// database holds: a typo, as the command line calls it.
Result<std::vector<std::string>> CheckFilter(Store& store,
                                             const std::vector<std::string>& institutes,
                                             std::optional<int> year);

}  // namespace oplex
