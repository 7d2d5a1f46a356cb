// The activity mapper: activities from typed tables (extractors/table/typed_table.h), whatever
// the publisher's layout, by the roles of their columns.
//
// A table maps when its header names a text column; each record row (and the continuation rows
// under it) becomes one activity, or, in a table with no column of codes, one for each item its
// text cell lists a line each with its own number ("1. Realizar foros…" over "2. Difundir…"),
// the row's other fields theirs too:
//   - code: the printed code, or the row's position in its table when it prints none;
//   - text, unit, annual quantity (a number, or the number a cell opens with: "12 (Por lo menos
//     una al mes)", kept as printed), responsible, start and end dates;
//   - months: from a grid (marks, fills, quantities; a grid of two rows of six), or else from
//     the dates or period written in the row ("Febrero- junio de 2020"), each month with its
//     year; unknown when the table shows neither (record_schedule.h);
//   - deliverables from their column, one per line;
//   - every other headed column as an attribute (header, value, box): nothing is dropped.
// A total row under an activity whose monthly quantities add up to it gives its annual
// quantity. An activity listed again (the same code and text in a later table) adds what it
// lacked instead of being stored twice.
//
// Findings: `table_unmapped` (a table shaped like a list whose header names no text column),
// `table_mapping_uncertain` (a text column chosen by a thin margin; its records' confidence is
// capped at the table's), `column_unmapped` (info: a headed column kept only as an attribute),
// `months_by_position` (the months laid on twelve columns by their place: table/month_positions.h).
#pragma once

#include <optional>
#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"
#include "models/records.h"
#include "pipeline/vocab.h"

namespace oplex {

inline constexpr char kActivityMapperExtractor[] = "activity_mapper";

// Maps each table of `tables` into `out`. `year` is the document's year, for dates that write
// none. `vocab` mends units OCR misread (misread_unit.h).
void MapActivities(const std::vector<TypedTable>& tables, const TableRules& rules,
                   const Vocabulary& vocab, std::optional<int> year, Extraction* out);

}  // namespace oplex
