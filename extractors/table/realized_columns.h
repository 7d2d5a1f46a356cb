// Step 2d of reading a table: months printed as what was programmed beside what was realized.
//
// Progress reports split each month of the grid into two columns under it, "P" | "R" or "Prog." |
// "Real.": only the programmed column is the schedule. Where every month the header band found
// spans more than one column and exactly one of each month's columns, at either end of it, is
// labelled as realized in the header's last row (data/row_labels.tsv, kind `realized`: "R",
// "Real.", "Realizado"), the month keeps its other columns; the realized ones are left to the
// columns' roles (kept as attributes, "Ene / R"). Before, what was done marked the schedule too.
#pragma once

#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

void LeaveOutRealizedColumns(const std::vector<std::vector<TypedCell>>& rows,
                             const TableRules& rules, HeaderBand* band);

}  // namespace oplex
