// The indicator mapper: indicators from progress tables (avance de metas, evaluación
// físico-financiera, results of a PbR), whatever the publisher's layout, by the roles of their
// columns (extractors/table/typed_table.h).
//
// A table maps when it reports progress (TypedTable::ReportsProgress: its header names an
// achieved column) and has a text column. Each record row, with the continuation rows under it,
// and each subtotal row becomes one Indicator:
//   - name: the text column as printed; key: the code column (the indicator's number);
//   - target: the goal column (the annual role: "META 2025"), else the programmed one;
//     programmed: the programmed column when a goal column stands apart from it;
//   - progress: the achieved column; percent: the percent column; budget: the budget column
//     (each the leftmost of its role: a second group of figures, "BENEFICIARIOS" beside
//     "CURSOS", is kept in attributes);
//   - unit: the unit column, else the title of the group the programmed and achieved columns
//     stand under, when that title names no role and no time ("CURSOS");
//   - section: what a section column names (the project a merged cell names for its rows);
//   - subtotal: a row that sums the records above it (row_kinds.h), told apart;
//   - every other headed column is an attribute (header, value, box): nothing is dropped.
// Figures are kept as written and parsed (figure.h); "N/A" and "-" keep their text, no value.
#pragma once

#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"
#include "models/records.h"

namespace oplex {

inline constexpr char kIndicatorMapperExtractor[] = "indicator_mapper";

// Maps each table of `tables` that reports progress into `out`, but those whose block is in
// `read` (tables another extractor already read).
void MapIndicators(const std::vector<TypedTable>& tables, const std::vector<const Block*>& read,
                   const TableRules& rules, Extraction* out);

}  // namespace oplex
