// The validator: checks a document against itself and records each failure as a Finding.
//
//  - months_sum_mismatch: twelve monthly quantities that do not add up to the annual one
//    (compared with a tolerance, so 11 × 0.08 + 0.12 equals 1);
//  - numbering_gap / duplicate_code: activity numbers that skip or repeat within their parent
//    code (4.1, 4.2, 4.4), counted within each top-level section because some plans restart
//    their numbering per group;
//  - stated_total_mismatch: a count the document states (318 actividades, a project's Activ.
//    column) that differs from what was extracted;
//  - ocr_low_confidence: an activity's code and text, or a monthly quantity, that OCR read with
//    a confidence under kLowConfidence: the value is kept, and the finding says which page and
//    box to check it against;
//  - no_records: a work plan or report (as classified) from which no activity, indicator or
//    event came.
// Nothing is corrected: the data stays as the source shows it. Pure function of the extraction.
#pragma once

#include <cstddef>

#include "models/records.h"

namespace oplex {

inline constexpr char kValidator[] = "validator";
// OCR confidences (0..1) below this make a finding: Tesseract scores its clean reads above 0.9.
inline constexpr double kLowConfidence = 0.6;

void Validate(Extraction* extraction);

// Validate in two parts, for a document read a window at a time: the checks of one activity
// against itself (months_sum_mismatch, ocr_low_confidence), run as each activity is read, and
// those of the records against each other (numbering_gap, duplicate_code,
// stated_total_mismatch, no_records), run once the document is read. ValidateActivity's activity
// is one the extraction holds whole (Extraction::WholeActivity).
void ValidateActivity(Extraction* extraction, size_t index);
void ValidateDocument(Extraction* extraction);

}  // namespace oplex
