// Institutes side by side, for `oplex compare`: how each institute's activities spread over the
// functions of the taxonomy, when in the year they are scheduled, and how far its documents
// measure them with indicators.
//
// Read from the views v_category_share, v_month_load and v_indicator_coverage (schema 4), in one
// transaction, so the three parts describe the same snapshot. A column is one institute in one
// year, over the documents that pass the filter (of every kind unless the filter names one).
// Unknown stays unknown: months no document shows, quantities no grid gives, come back as
// nullopt, never as 0. Uses the Store's connection: call it on the Store's thread.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

// Which documents to compare; an empty filter compares them all.
struct CompareFilter {
  // Institute codes (IEEM, IEE-AGS), matched without regard to ASCII case; empty: every
  // institute. Columns come in this order when it is given.
  std::vector<std::string> institutes;
  std::optional<int> year;
  std::optional<DocumentKind> kind;
};

// A function of the taxonomy as the database stores it (table `category`).
struct CategoryInfo {
  std::string slug;   // e.g. prep_computos; sin_clasificar for activities no rule matched
  std::string label;  // e.g. "PREP y cómputos"
  int rank = 0;       // the taxonomy's order
};

// One month of one column, over the activities whose months are known.
struct MonthLoad {
  int month = 0;  // 1-12
  int64_t activities_with_months = 0;
  // Activities scheduled in the month; nullopt when no activity's months are known.
  std::optional<int64_t> activities_scheduled;
  int64_t activities_with_quantity = 0;  // activities whose grid gives a quantity for the month
  // Sum of those quantities (each activity in its own unit); nullopt when none is given.
  std::optional<double> planned_quantity;
};

// The edition counted of a plan stored more than once.
struct CountedEdition {
  std::string path;
  int64_t editions = 0;  // of the plan, this one included
};

// One institute in one year, over the documents that pass the filter: of a plan stored more than
// once (schema 9, v_document_edition), its counted edition only.
struct InstituteYear {
  std::optional<std::string> institute;  // nullopt: documents whose institute was not recognised
  std::optional<int> year;
  int64_t documents = 0;
  int64_t plans = 0;  // documents that are work plans
  int64_t activities = 0;
  // Activities per category, aligned with Comparison::categories.
  std::vector<int64_t> category_activities;
  // Activities stored before classification existed (NULL category): not the same as
  // sin_clasificar, which the taxonomy tried and could not place.
  int64_t not_yet_classified = 0;
  std::array<MonthLoad, 12> months;  // January first
  int64_t indicators = 0;
  int64_t indicators_linked = 0;  // indicators their document links to one of its activities
  int64_t activities_with_indicator = 0;
  std::vector<std::string> plans_without_indicators;  // paths of work plans with no indicator
  int64_t editions_not_counted = 0;                   // the other editions of its plans
  std::vector<CountedEdition> counted_editions;       // of plans with other editions

  // `count` as a share of the column's activities; nullopt when the column has none.
  std::optional<double> Share(int64_t count) const;
};

struct Comparison {
  std::vector<CategoryInfo> categories;  // in the taxonomy's order, sin_clasificar last
  // In the filter's order of institutes when it gives one, else by institute code; then by
  // year. Documents without an institute or year come after those with one.
  std::vector<InstituteYear> columns;
};

// An institute or year of the filter that no document has is kInvalidInput naming what the
// database holds (CheckFilter); a filter whose parts each match but that together match nothing
// (a kind the institute has not published) gives no columns.
Result<Comparison> Compare(Store& store, const CompareFilter& filter = {});

}  // namespace oplex
