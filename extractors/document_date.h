// The document-date extractor: the date a document gives itself on a line of its own, as reports
// and letters do ("27 de diciembre de 2023.", "Aguascalientes, Ags., a 27 de diciembre de 2023").
//
// A date line is a paragraph of at most kDateLineMaxBytes that mentions exactly one date, with
// its year written, and nothing after it but punctuation (so a period line such as "Del 01 de
// Enero al 31 de Marzo 2024", which mentions two dates, is none). It is looked for on the title
// page (the blocks before the running text, see OpeningBlockCount) and, when there is none
// there, among the document's last kClosingParagraphs paragraphs, where a signed report dates
// itself. The first one found sets DocumentInfo::date; a date line naming a day that does not
// exist leaves it unset and becomes a `date_invalid` finding. Pure function of its inputs.
#pragma once

#include <cstddef>
#include <vector>

#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

inline constexpr char kDocumentDateExtractor[] = "document_date";
inline constexpr size_t kDateLineMaxBytes = 120;
inline constexpr size_t kClosingParagraphs = 6;

void ExtractDocumentDate(const std::vector<Block>& blocks, Extraction* out);

}  // namespace oplex
