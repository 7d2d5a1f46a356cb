// The stated-totals extractor: counts a document states about itself, for the validator to
// check against what was extracted.
//
// Two sources: summary sentences ("consta de 13 subprogramas … 86 proyectos específicos y 318
// actividades", patterns in data/stated_totals.tsv; a paragraph counts only when it states at
// least two counts), and count tables: a header with a code column and count columns
// (data/table_headers.tsv), rows of code + counts, and a "Total" row whose numbers (possibly
// continued on the next row) fill the count columns in order. A count column is one whose
// body cells are numbers; a header word alone does not make it one. Runs after the sections
// are extracted: a total whose scope code names one section is linked to it.
#pragma once

#include <vector>

#include "extractors/rules.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

inline constexpr char kStatedTotalsExtractor[] = "stated_totals";

void ExtractStatedTotals(const std::vector<Block>& blocks, const ExtractionRules& rules,
                         Extraction* out);

}  // namespace oplex
