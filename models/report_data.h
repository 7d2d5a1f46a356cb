// What `oplex report` draws, read from a Store in one snapshot: the documents, each activity of
// a plan with its section chain, category, months and monthly planned quantities, the category
// shares of each institute and year (v_category_share), the taxonomy's categories, the
// indicators and the findings.
//
// Values keep the record types' meaning of absent: MonthMask::Unknown() when the source does not
// show the months, nullopt for a quantity, page or line the source does not give. Call it on the
// Store's thread (see models/store.h).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/compare.h"
#include "models/queries.h"
#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

// Which documents a report covers; an empty filter covers them all.
struct ReportFilter {
  // Institute codes ("IEEM", "IEE-AGS"), matched without regard to letter case.
  std::vector<std::string> institutes;
  std::optional<int> year;
};

// One stored document in the report, with the sizes that say what it holds.
struct ReportDocument {
  int64_t id = 0;
  std::string path;
  std::optional<std::string> institute;       // code; nullopt when it was not recognised
  std::optional<std::string> institute_name;  // from the gazetteer, when known
  std::optional<int> year;
  DocumentKind kind = DocumentKind::kUnknown;
  std::string source_format;  // "text", "pdf", ...
  std::optional<int> pages;
  int64_t activities = 0;
  int64_t activities_with_months = 0;  // months known (possibly none)
  int64_t indicators = 0;
  int64_t findings = 0;
  // The other editions of its plan (schema 9), not counted: the report holds the counted one.
  std::vector<std::string> other_editions;
};

// A section an activity sits in, as the document titles it.
struct ReportSection {
  int64_t id = 0;
  std::string kind;  // of data/section_kinds.tsv
  std::string code;  // empty when the document gives none
  std::string title;
};

// One activity of a plan, with what its heatmap row needs.
struct ReportActivity {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string code;
  std::string text;
  std::vector<ReportSection> sections;  // the activity's section and its ancestors, root first
  std::optional<std::string> unit;
  std::optional<std::string> annual_raw;      // the annual quantity as written
  std::optional<std::string> category_label;  // nullopt until classified
  MonthMask months = MonthMask::Unknown();
  // The quantity planned for each month (index 0 = January) where the grid gives one.
  std::array<std::optional<Quantity>, 12> planned;
  std::optional<int> page;
  std::optional<int> line;
};

// A row of v_category_share: the activities of one institute, year and kind of document in one
// category, and their share of all that institute's activities of that year and kind.
struct CategoryShare {
  std::optional<std::string> institute;
  std::optional<int> year;
  DocumentKind kind = DocumentKind::kUnknown;
  std::optional<std::string> category;  // slug; nullopt for activities not yet classified
  int64_t activities = 0;
  double share = 0;  // 0..1
};

// One row of an indicator table, its figures as the document writes them.
struct ReportIndicator {
  int64_t document_id = 0;
  std::optional<std::string> level;
  std::optional<std::string> key;  // the indicator's own number, as printed
  std::string name;
  std::optional<std::string> frequency;
  std::optional<std::string> unit;
  std::optional<std::string> baseline;
  std::optional<std::string> target;
  std::optional<std::string> programmed;
  std::optional<std::string> progress;
  std::optional<std::string> percent;
  std::optional<std::string> subtotal;  // "subtotal" for a row summing the rows above it
  std::optional<int> page;
  std::optional<int> line;
};

// One finding of a document in the report.
struct ReportFinding {
  int64_t document_id = 0;
  FindingRow row;
};

struct ReportData {
  std::vector<ReportDocument> documents;  // by institute, year, path
  // By document in the order of `documents`, then in document order.
  std::vector<ReportActivity> activities;
  std::vector<CategoryInfo> categories;  // the taxonomy (table `category`), by rank
  // By institute, year, kind, then the category's rank (unclassified last).
  std::vector<CategoryShare> shares;
  std::vector<ReportIndicator> indicators;  // by document, then in document order
  std::vector<ReportFinding> findings;      // by document, then page, line
};

// Everything the report shows of the documents `filter` selects. An institute or a year of the
// filter that no stored document has is kInvalidInput, naming it and what the database holds; a
// database without documents is an empty ReportData.
Result<ReportData> ReadReportData(Store& store, const ReportFilter& filter = {});

}  // namespace oplex
