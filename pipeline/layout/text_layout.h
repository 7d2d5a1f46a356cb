// Layout for text exports: lines of cells become paragraphs and tables.
//
// A run of tabular lines is one table; blank lines and page breaks inside the run do not end it
// (a table continued on the next page stays one table). A line with no cell separators is a
// paragraph. Pure function of its input.
#pragma once

#include <vector>

#include "pipeline/decode/source.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

std::vector<Block> LayoutText(const DecodedDocument& doc);

}  // namespace oplex
