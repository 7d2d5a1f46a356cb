// Step 1 of reading a table: what each cell holds, decided once from its text and fill.
//
// A cell is filled when it has no text and its colour differs from the row's unfilled cells
// (month_grid.h's reading of shaded schedules). A whole-cell number is a number even when it
// could be a code ("12"): the code column is told by its profile (numbers that grow down the
// rows, a header "No."), not by one cell.
#pragma once

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// The kind of `cell` of `row` (the row gives the colour an unfilled cell has).
CellKind KindOfCell(const Cell& cell, const Row& row, const TableRules& rules);

// The cells of a row, typed.
std::vector<TypedCell> TypeCells(const Row& row, const TableRules& rules);

}  // namespace oplex
