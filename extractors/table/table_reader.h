// Reads a layout table into a TypedTable: the steps of typed_table.h, in order.
#pragma once

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// `block` must be a table and must outlive the result.
TypedTable UnderstandTable(const Block& block, const TableRules& rules);

}  // namespace oplex
