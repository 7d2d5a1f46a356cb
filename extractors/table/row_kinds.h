// Step 5 of reading a table: what each row below the header is.
//
//   - spacer: nothing to read;
//   - header: the header repeated (a table continued on a new page);
//   - month labels: in a grid printed as two rows of six, the row naming July to December;
//   - total: a row whose first cell says total or subtotal (data/row_labels.tsv);
//   - subtotal: in a coded table, a row with no code whose figures each sum their column over
//     the records above (a zone's), unless the table's month columns write only ones (marks: a
//     record whose code OCR lost may repeat the marks of the one record above);
//   - realized: in a schedule, a row under a record whose first cell labels it as what was done
//     ("R", "Realizado": data/row_labels.tsv), the second row of a programmed/realized pair;
//   - section: a row whose code is the parent of a later row's code ("1" over "1.1": depth is
//     relative to the table's own codes, never an absolute shape), or shallower than the
//     deepest code of its family unless it reports what it achieved (a goal of a progress
//     table whose code lost a dot), or a lone short title spanning columns in a table whose
//     records fill several;
//   - continuation: the next line of the record above: a row without the code a coded table
//     gives its records (but a row whose cell in the column of codes holds a word that is no
//     code, "á." for "4.", its text opening in upper case, is a record whose code OCR misread),
//     or, in an uncoded table, a row whose text goes on in lower case or opens a new page with
//     the record's other fields empty;
//   - record: any other row with text in the text column (or a code).
// Each row's code is read with its kind (TypedRow::code), a code OCR doubted that lost a dot in
// the shape of the table's other codes (lost_dots.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// The code a row prints: in the code column, or opening its text cell.
std::optional<CodedText> RowCode(const TypedRow& row, const TypedTable& table,
                                 const TableRules& rules);

// Sets the kind and the code of every row of `table` below its header band.
void ClassifyRows(TypedTable* table, const TableRules& rules);

// Whether, among the rows above row `r` (classified), the labels of July to December stand
// before any record: a grid printed as two rows of six with both rows of labels in its head, each
// record given a row for each half.
bool HalvesStacked(const TypedTable& table, size_t r);

}  // namespace oplex
