// Step 1b of reading a table: header words OCR misread, mended against the role vocabulary.
//
// A scan's header is often its hardest text, white letters on a dark band: OCR reads "HOMBRE"
// for NOMBRE, "ALGAMZADA" for ALCANZADA, "ANTORIZANO" for AUTORIZADO, and the label names no
// role. In the cells OCR read with any doubt (confidence under 1) among the rows a header may
// hold, each word the role patterns do not spell becomes the word they spell nearest it, when
// one is that near (TableRules::NearestLabelWord). Only the folded text that is matched against
// the vocabulary changes; the cell keeps the words as read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"

namespace oplex {

// `folded` with each misread label word mended.
std::string MendLabelWords(std::string_view folded, const TableRules& rules);

// Mends the folded text of the doubtful cells in the first kMaxHeaderRows rows.
void MendMisreadLabels(std::vector<std::vector<TypedCell>>* rows, const TableRules& rules);

}  // namespace oplex
