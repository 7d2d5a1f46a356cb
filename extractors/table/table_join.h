// Step 6 of reading a table: a table continued on the next page without its header is one
// table with the table it continues.
//
// A table with no header band that opens its page continues the table just before it when that
// one ends on the previous page and every column of the new one lies inside a column of the old
// one (by the x of its centre; the page may have lost or gained a rule). Its rows are re-laid on
// the old table's columns and appended to it, and the rows are classified again, so a record
// broken over the page break reads as one. Tables of text exports (no boxes) are never joined
// here: their layout joins them already.
#pragma once

#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// Joins continued tables in place (document order); the tables joined into another are removed.
void JoinContinuedTables(std::vector<TypedTable>* tables, const TableRules& rules);

}  // namespace oplex
