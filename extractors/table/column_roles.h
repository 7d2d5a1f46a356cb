// Step 4 of reading a table: what each column means, scored from its header label
// (data/column_roles.tsv), what its cells hold (column_profile.h) and where it stands, then
// assigned jointly: the best-scoring pairs first, each role that names one field of a record
// (code, text, unit, annual, responsible, dates, period, duration) taken by one column only, a
// code column left of the text column, month columns fixed by the header band.
//
// Every assignment keeps its score, its margin over the column's runner-up role and its
// evidence. A headed column that no role fits stays kUnknown (kept as an attribute). A table
// whose header names no text column gets one only from content: the column of running text
// with the most words, left of any other long-text column, with a low confidence; with the
// strength of a header's word where the header names the rows' schedule (months, dates, period).
#pragma once

#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// A header weight from which a column counts as named by its header.
inline constexpr double kHeaderEvidence = 0.5;

std::vector<RoleAssignment> AssignRoles(const HeaderBand& band,
                                        const std::vector<ColumnProfile>& profiles,
                                        const TableRules& rules);

// The table's confidence: the margin of its text column (0 when it has none), at most 1.
double MappingConfidence(const std::vector<RoleAssignment>& roles);

}  // namespace oplex
