// The font sizes of a scanned page, as few as the page really uses.
//
// OCR measures each line's size a little differently: one size of type comes back spread over a
// range of readings (11.1 to 12.9 for one body text), while layout compares sizes to tell
// headings from body text and the rows of one table apart. So the readings of a page are sorted
// and cut into sizes where they step apart (natural breaks): a reading further than
// kSizeStepShare above the one below it opens a new size, and a size whose readings still span
// more than kSameSizeShare is cut again at its widest step. Each word takes the median of its
// size's readings.
#pragma once

#include <vector>

#include "pipeline/decode/source.h"

namespace oplex {

// A reading this share above the next smaller one is another size.
inline constexpr double kSizeStepShare = 0.05;
// One size's readings span at most this share of the smallest: OCR reads one body size over
// ±8 % (11.1 to 12.9 points at 200 dpi, and a few lines in capitals and descenders up to 13.6
// at 300), and at 20 % a run that wide was cut inside the body size.
inline constexpr double kSameSizeShare = 0.3;

void GroupFontSizes(std::vector<Word>* words);

}  // namespace oplex
