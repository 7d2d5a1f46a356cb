// Month grids: finding a header of 12 month tokens and reading which months a row marks.
//
// The header may use any form in data/months.tsv (E F M A M J J A S O N D, Ene…Dic, Enero…,
// 1…12); one-letter forms are ambiguous alone and resolved by their position in the run of 12.
// A month may span several columns (week sub-columns under a merged month cell).
//
// A row marks a month with a glyph from data/month_marks.tsv, a number greater than zero, or,
// on a rendered page, a fill: a cell whose colour differs from the row's own unfilled cells
// (the page background and the colour of the row's cells outside the grid, so a zebra-striped
// row is read against its stripe), whatever the colour, pale greys and pastels included.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extractors/rules.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

// The cell indices [first, last] of each month, January first.
using MonthColumns = std::vector<std::pair<size_t, size_t>>;

// Whether two cell colours are the same fill: every channel within the rounding of a PDF's
// colour conversion.
bool SameColor(Rgb a, Rgb b);

// The columns of months 1..12 when the row holds a run of 12 month tokens in order.
std::optional<MonthColumns> FindMonthColumns(const Row& row, const ExtractionRules& rules);

struct MonthMarks {
  MonthMask mask = MonthMask::FromBits(0);
  std::array<std::optional<BBox>, 12> boxes;  // each month's cells, when the source has boxes
  // Each month's week sub-columns read one by one ("0110"), where the grid has weeks and the
  // source keeps every cell in place (a page, not a text export); empty otherwise.
  std::array<std::string, 12> weeks;
};

// The marks of an activity whose schedule goes on over another row: a month or week marked in
// either is marked.
void AddMarks(const MonthMarks& more, MonthMarks* marks);

// The months the row marks; nullopt when the source shows no schedule for the row (no mark in
// a text export, where empty cells may be lost). On a rendered page, where an empty cell is
// seen to be empty, a row without marks marks no month. A fill is a mark unless it has the
// page's colour or the colour most cells outside the schedule have: `others` are the schedule's
// other month columns (a grid running into the next year), not outside it.
std::optional<MonthMarks> ReadMonthMarks(const Row& row, const MonthColumns& columns,
                                         const ExtractionRules& rules,
                                         const MonthColumns& others = {});

// The month (0-based) whose columns hold the cell, if any.
std::optional<size_t> MonthOfCell(size_t cell, const MonthColumns& columns);

// Whether every non-empty cell of the row lies inside the month columns (a sub-header of
// weeks, or a row of marks only).
bool OnlyInMonthColumns(const Row& row, const MonthColumns& columns);

}  // namespace oplex
