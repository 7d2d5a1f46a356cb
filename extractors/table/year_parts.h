// Step 2c of reading a table: a schedule drawn by parts of the year instead of months.
//
// Plans often mark quarters, not months: "I | II | III | IV" under "Calendarización trimestral",
// "1er. Trim." to "4to. Trim.", "Primer semestre" | "Segundo semestre". Where the header names
// no month, a run of neighbouring columns whose labels name every part of one kind in order (the
// four trimestres, two semestres, three cuatrimestres or six bimestres; a lone ordinal, Roman
// numeral or figure takes its kind from a title over it), and whose body cells hold only marks
// or fills, is the grid: each month is laid on the column of its part, so that a marked quarter
// marks its three months. Columns of figures per quarter are no such grid (a quantity per
// quarter is not one per month): they stay attributes. Where OCR could not read the parts' own
// labels ("ll", "mI" for II, III), exactly as many columns as the year has parts, under one
// title naming their kind ("Trimestre" over four), holding marks or fills only, are the parts in
// order: the band says so (HeaderBand::months_by_position), and whichever extractor reads the
// records reports it (finding `months_by_position`).
#pragma once

#include <vector>

#include "extractors/table/typed_table.h"

namespace oplex {

void LayMonthsByYearParts(const std::vector<ColumnProfile>& profiles, HeaderBand* band);

}  // namespace oplex
