// Where a record came from, built from the layout rows it was read from: one builder for every
// extractor, so that page, lines, box and confidence mean the same whichever table or paragraph
// a record comes from. Pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

// The lowest OCR confidence of the row's cells (1 for a born-digital or text source).
double LowestConfidence(const Row& row);

// The rows' page (the first row's), their lines (the first row's first to the last row's last),
// the box of those rows that stand on the first row's page, the extractor and the confidence:
// how sure OCR was of what was read from them (both Provenance::confidence and ocr_confidence).
Provenance RowsProvenance(const std::vector<const Row*>& rows, std::string_view extractor,
                          double confidence = 1.0);

inline Provenance RowProvenance(const Row& row, std::string_view extractor,
                                double confidence = 1.0) {
  return RowsProvenance({&row}, extractor, confidence);
}

}  // namespace oplex
