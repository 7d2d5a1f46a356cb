// The activity table extractor: activities, their sections and deliverables, from Blocks.
//
// Works in named steps over the block stream, each narrowing what the previous one left:
//   1. page furniture: paragraphs repeated on many pages (furniture.h) are ignored;
//   2. headings (data/headings.tsv) open sections;
//   3. an activity table header (data/table_headers.tsv) starts a table context; the paragraph
//      just above a new header may title its section (data/table_titles.tsv); a header repeated
//      with no new title continues the previous table (a table broken across pages);
//   4. inside a table, a row opening with a code (data/code_levels.tsv) starts an activity or
//      opens a section (a project row, an objective row); rows without a code continue the
//      current activity (text broken across a page, quantities on the next line);
//   5. each activity's remaining cells are read as quantities (quantity_row.h), month marks
//      (month_grid.h) or deliverables, depending on what the header announced.
// A table that lists activities already seen (a schedule after the list of lines of action)
// adds to those activities instead of duplicating them. Rows that cannot be read become
// findings with their raw text.
#pragma once

#include <optional>
#include <vector>

#include "extractors/rules.h"
#include "extractors/table/typed_table.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"
#include "pipeline/vocab.h"

namespace oplex {

inline constexpr char kActivityTableExtractor[] = "activity_table";

// What the walk found per block: whether it read activities from it, and the sections its
// headings had opened where the block stands (outermost first; not yet in the Extraction).
struct WalkedBlocks {
  std::vector<bool> claimed;
  std::vector<std::vector<Section>> headings;
};

// `typed`: per block, the table read once (extractors/table/), or null: where it knows a
// deliverables column, the cells of its other columns are read by their roles (responsible,
// dates) or kept as attributes instead of being taken for deliverables. `running_heads`: per
// block, page furniture to ignore (furniture.h); empty ignores none.
WalkedBlocks WalkActivityTables(const std::vector<Block>& blocks,
                                const std::vector<const TypedTable*>& typed,
                                const std::vector<bool>& running_heads,
                                const ExtractionRules& rules, const Vocabulary& vocab,
                                Extraction* out);

}  // namespace oplex
