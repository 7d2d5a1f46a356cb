// Fields a document prints once, above the records they are about, as a label and its value: a
// project's ficha names its responsible unit ("Unidad Responsable: | 01 - Pleno") over the tables
// of its goals, which print no responsible column.
//
// A field is a table row whose first cell with text is the label and whose one other cell with
// text is the value, or a paragraph line "Label: value". The label names the field only when it
// is the field's name alone (TableRules::IsResponsibleLabel, data/row_labels.tsv): "Responsable
// operativo" (a person) and "Objetivo de la Unidad Responsable" (a heading over a paragraph) do
// not. Its value is given, as printed, to each record below it in reading order, up to the next
// such field, that has no responsible of its own. A field stands across windows: the last one
// read is kept on the document's extraction.
#pragma once

#include <cstddef>
#include <vector>

#include "extractors/table/table_rules.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

// Gives the responsible fields of `blocks` to the document's activities `first` onwards.
void GiveFieldsAbove(const std::vector<Block>& blocks, const TableRules& rules, size_t first,
                     Extraction* out);

}  // namespace oplex
