// Step 2c of reading a table: a schedule drawn by parts of the year instead of months.
//
// Plans often mark quarters, not months: "I | II | III | IV" under "Calendarización trimestral",
// "1er. Trim." to "4to. Trim.", "Primer semestre" | "Segundo semestre". Where the header names
// no month, a run of neighbouring columns whose labels name every part of one kind in order (the
// four trimestres, two semestres, three cuatrimestres or six bimestres; a lone ordinal, Roman
// numeral or figure takes its kind from a title over it), and whose body cells hold only marks
// or fills, is the grid: each month is laid on the column of its part, so that a marked quarter
// marks its three months. Columns of figures per quarter are no such grid (a quantity per
// quarter is not one per month): they stay attributes.
#pragma once

#include <vector>

#include "extractors/table/typed_table.h"

namespace oplex {

void LayMonthsByYearParts(const std::vector<ColumnProfile>& profiles, HeaderBand* band);

}  // namespace oplex
