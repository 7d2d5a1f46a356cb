// Step 2 of reading a table: which rows at its top are the header, and each column's label.
//
// A header row is told from body rows by what its cells hold, not by one word: it has no mark,
// fill, money, percent or date, and either names column roles (data/column_roles.tsv), is a
// row of month tokens, a row of week numbers under the months, or a lone title over the whole
// table. Labels run from the top: a cell spanning several columns labels each of them
// ("CALENDARIO 2023 / E"). Months are found in any header row (month_grid.h): twelve month
// tokens in order, a month spanning its week sub-columns, or six (January to June) when the
// grid is printed as two rows of six.
#pragma once

#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// At most this many rows of a table are header.
inline constexpr size_t kMaxHeaderRows = 4;

HeaderBand FindHeaderBand(const Block& block, const std::vector<std::vector<TypedCell>>& rows,
                          const TableRules& rules);

// Labels the page set off their columns: where a label stands over a column with nothing in it
// and the nearest column with content (at most kLabelDrift columns away, nearer ones first) has
// no label, the label moves there (a merged header cell whose rules OCR did not see, its words
// centred over columns the body leaves empty). Month columns stay where they are.
inline constexpr size_t kLabelDrift = 2;
void AlignLabelsToContent(const std::vector<ColumnProfile>& profiles, HeaderBand* band);

// The cells of a row naming months `first`..`first + count - 1` in order (folded, spaces
// squeezed out so "EN E" reads "ene"); empty when the row does not.
std::vector<size_t> MonthRun(const std::vector<TypedCell>& row, int first, int count,
                             const ExtractionRules& rules);

// The folded text of the cell that stands at `column` of row `r`: the cell itself, or the
// merged cell covering it from the left or from above.
const TypedCell* CellAt(const std::vector<std::vector<TypedCell>>& rows, size_t r, size_t column);

}  // namespace oplex
