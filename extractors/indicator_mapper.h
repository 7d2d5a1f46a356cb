// The indicator mapper: indicators from tables of indicators (a MIR, a sheet of indicators)
// and progress tables (avance de metas, evaluación físico-financiera, results of a PbR),
// whatever the publisher's layout, by the roles of their columns
// (extractors/table/typed_table.h). It reads first; the indicator extractor
// (indicator_table.h) reads what it leaves.
//
// A table maps when it holds indicators (TypedTable::HoldsIndicators: its header names an
// achieved column, an indicator's name or a field only indicators have) and has a text column.
// Each record row, with the continuation rows under it that go on with its name or open the
// next page (not a nameless fragment in a row of its own), and each subtotal row becomes one
// Indicator:
//   - name: the text column as printed; key: the code column (the indicator's number), else
//     the number the name opens with ("0709 Porcentaje de …");
//   - target: the goal column (the annual role: "META 2025"), else the programmed one;
//     programmed: the programmed column when a goal column stands apart from it;
//   - progress: the achieved column; percent: the percent column; budget: the budget column
//     (each the leftmost of its role: a second group of figures, "BENEFICIARIOS" beside
//     "CURSOS", is kept in attributes);
//   - unit: the unit column, else the title of the group the programmed and achieved columns
//     stand under, when that title names no role and no time ("CURSOS");
//   - section: what a section column names (the project a merged cell names for its rows), else
//     the section row above it;
//   - baseline, frequency, dimension and sense (normalized as the indicator extractor does),
//     method, definition, level and objective from their columns; a level or objective left
//     empty under a merged cell is the row above's;
//   - the period: the report's (reporting_period.h);
//   - subtotal: a row that sums the records above it (row_kinds.h), told apart;
//   - every other headed column is an attribute (header, value, box): nothing is dropped.
// Figures are kept as written and parsed (figure.h); "N/A" and "-" keep their text, no value.
#pragma once

#include <optional>
#include <vector>

#include "extractors/indicator_rules.h"
#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"
#include "models/records.h"
#include "pipeline/normalize/spanish_dates.h"
#include "pipeline/vocab.h"

namespace oplex {

inline constexpr char kIndicatorMapperExtractor[] = "indicator_mapper";

// Maps each table of `tables` that holds indicators into `out`. Returns the layout rows of the
// tables it mapped, sorted, so that the indicator extractor leaves them alone.
std::vector<const Row*> MapIndicators(const std::vector<TypedTable>& tables,
                                      std::optional<DatePeriod> period, const TableRules& rules,
                                      const IndicatorRules& indicator_rules,
                                      const Vocabulary& vocab, Extraction* out);

}  // namespace oplex
