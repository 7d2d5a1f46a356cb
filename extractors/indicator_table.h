// The indicator table extractor: rows of a MIR (Marco Lógico) or of an "Indicadores de
// resultados" report, from Blocks, into Indicator records.
//
// Steps over the block stream:
//   1. the reporting period: the first period the opening paragraphs state ("Del 01 de Enero al
//      31 de Marzo 2024") dates every indicator of the document;
//   2. an indicator header (data/indicator_headers.tsv: a `name` column and at least two more)
//      maps the columns of its table, and of the tables after it with the same number of
//      columns (a table broken across pages); a header a bad export ran together into a
//      paragraph maps the headerless tables after it the same way;
//   3. each row with an indicator name becomes an Indicator: figures kept as written and parsed
//      ("Sin referencia" is unknown, "25%" is 25 percent, "$65,018" is 65018), dimension, sense
//      and frequency normalized, months 1..12; cells left empty under a merged cell (the
//      objective written once for several lines of action) take the row above's;
//   4. an indicator that names its line of action ("12.1 Revisar…") is linked to the activity of
//      that code in the section of the same objective (codes repeat across a plan's groups);
//   5. what is left of a run-together paragraph after its header (the rows, their cells
//      interleaved) becomes findings with the raw text, one per indicator its frequencies show.
#pragma once

#include <vector>

#include "extractors/indicator_rules.h"
#include "extractors/rules.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"
#include "pipeline/vocab.h"

namespace oplex {

inline constexpr char kIndicatorTableExtractor[] = "indicator_table";

// Appends the indicators of `blocks` (and findings) to `out`, whose activities and sections
// must already be extracted for step 4. Tables holding a row of `read` (sorted: the rows the
// indicator mapper read, indicator_mapper.h) are left alone.
void ExtractIndicators(const std::vector<Block>& blocks, const std::vector<const Row*>& read,
                       const IndicatorRules& indicator_rules, const ExtractionRules& rules,
                       const Vocabulary& vocab, Extraction* out);

}  // namespace oplex
