// Step 2b of reading a table: the months of a grid whose month labels cannot be read.
//
// A scan's narrow header cells often read as noise ("TT a E FOM A" for E F M A): the header band
// finds no month (header_band.h), and the grid's marks and fills would be dropped. Where the
// header names no month at all, a run of exactly twelve columns alike in width between the table's
// column boundaries (each within kSameWidth of their median), narrower than the columns on either
// side of it (by kNarrower), with a label over them that names a schedule (the `period` role of
// data/column_roles.tsv: "CALENDARIO 2023", "Cronograma"), is taken as January to December, in
// order. The band says so (HeaderBand::months_by_position) and whichever extractor reads the
// table's records reports it (finding `months_by_position`): the page shows twelve month
// columns, not which months they are.
#pragma once

#include <string>
#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"
#include "models/records.h"

namespace oplex {

inline constexpr double kSameWidth = 0.2;
inline constexpr double kNarrower = 1.5;

// `block`: the table, its column boundaries.
void LayMonthsByPosition(const Block& block, const TableRules& rules, HeaderBand* band);

// The finding `months_by_position` for a band whose months were laid so: `header` is the
// header's text as read, `where` the table's place.
Finding MonthsByPositionFinding(const HeaderBand& band, std::string header, Provenance where);

}  // namespace oplex
