// The schedule of one record of a typed table (typed_table.h): its months, weeks and monthly
// quantities, each month with its calendar year, read from what the table shows:
//   - a grid of months (marks, fills of any colour, numbers; weeks under a month; months that run
//     on past December belong to the next year); a rendered grid shows its empty cells, so a
//     record marking none has no months;
//   - a grid printed as two rows of six (the record row holds January to June, the rows under
//     the July-December label row the rest);
//   - otherwise the dates or period the record writes (a period column, start and end dates):
//     "Febrero- junio de 2020", "6 y 7 de agosto de 2020" (schedule_text.h).
// When the table shows none of these, the months stay unknown. Pure functions.
#pragma once

#include <optional>
#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"
#include "models/records.h"

namespace oplex {

// The rows of one record: its record row and the continuation rows under it.
struct RecordRows {
  std::vector<const TypedRow*> rows;
  // Per row: it stands under the July-December label row of a two-rows-of-six grid.
  std::vector<bool> second_half;
};

// Sets a->months, month_values and months_source (and start_date / end_date from written
// dates, where the activity has none). `year` is the plan's year, for a grid that writes none
// and dates without one.
void ReadSchedule(const TypedTable& table, const RecordRows& record, const TableRules& rules,
                  std::optional<int> year, Activity* a);

// The year most of the table's written schedules fall in (the fiscal year of a calendar), for a
// document whose own year is not known; nullopt when the table writes none.
std::optional<int> ScheduleYear(const TypedTable& table);

}  // namespace oplex
