// Step 6 of reading a table: a table continued on the next page is one table with the table it
// continues.
//
// A table that opens its page continues the table just before it when that one ends on the
// previous page and either it has no header band (the header's roles then must stand on header
// words), or it prints the same header again (header_repeat.h: as OCR read it there, a label
// lost or a few letters misread, the page a few points aside) and its own header gives its
// columns no more roles than the first one's. Every column of the new one must lie inside a
// column of the old one, in order (by the x of its centre, moved by the pages' shift; the page
// may have lost or gained a rule; two columns may fall in one when no row fills both), and none
// of its cells laid in a month column may hold words (names, a signature block). Its body
// rows are re-laid on the old table's columns and appended to it, and the rows are classified
// again, so a record broken over the page break reads as one. Tables of text exports (no boxes)
// are never joined here: their layout joins them already.
#pragma once

#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// Joins continued tables in place (document order); the tables joined into another are removed.
void JoinContinuedTables(std::vector<TypedTable>* tables, const TableRules& rules);

}  // namespace oplex
