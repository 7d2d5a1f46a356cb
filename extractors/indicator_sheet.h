// The indicator sheet reader: technical sheets (fichas técnicas) that lay an indicator out as
// label/value pairs instead of columns: "Nombre del indicador: …", "Método de cálculo | …".
//
// A pair is a label cell followed by its value in the next cell of a table row (a label next to
// a label is a matrix's header row, no pair), or a line "Label: value". A label is a few words
// whose header score (data/column_roles.tsv, through TableRules::ScoreLabel) names an indicator's
// field: its name (a text label that says "indicador"), definition, method, unit, frequency,
// dimension, sense, baseline, goal (annual), level, objective. A sheet opens at a name pair and
// takes the pairs after it until the next name; it is an indicator when it gives at least
// kMinSheetFields other fields. A sheet whose name an indicator of the matrix already has (the same
// indicator in a MIR and again in its sheet) fills that indicator's missing fields instead of
// adding a second one.
//
// Runs after the table mappers; pure function of its inputs.
#pragma once

#include <vector>

#include "extractors/indicator_rules.h"
#include "extractors/table/table_rules.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"
#include "pipeline/vocab.h"

namespace oplex {

inline constexpr char kIndicatorSheetExtractor[] = "indicator_sheet";

void ReadIndicatorSheets(const std::vector<Block>& blocks, const TableRules& rules,
                         const IndicatorRules& indicator_rules, const Vocabulary& vocab,
                         Extraction* out);

}  // namespace oplex
