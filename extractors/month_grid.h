// Month grids: finding a header of 12 month tokens and reading which months a row marks.
//
// The header may use any form in data/months.tsv (E F M A M J J A S O N D, Ene…Dic, Enero…,
// 1…12); one-letter forms are ambiguous alone and resolved by their position in the run of 12.
// A row marks a month with a glyph from data/month_marks.tsv or a number greater than zero.
#pragma once

#include <optional>
#include <vector>

#include "extractors/rules.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

// Cell indices of months 1..12 when the row holds a run of 12 month tokens in order.
std::optional<std::vector<size_t>> FindMonthColumns(const Row& row, const ExtractionRules& rules);

// The months the row marks in the given columns; nullopt when none of those cells holds
// anything (the source shows no schedule for the row, e.g. shading lost in a text export).
std::optional<MonthMask> ReadMonthMarks(const Row& row, const std::vector<size_t>& columns,
                                        const ExtractionRules& rules);

}  // namespace oplex
