// Words OCR reads where a scanned page shows no text, taken out before layout.
//
// The engine makes "words" of what is not text: the fragments of a rule ("|", "—", "_—_—_"), a
// dark band's edge and the specks around it ("'", "."), and the edges and grain of a dark filled
// cell ("a", "nn", "ec" inside a Gantt bar). Left in, they fill empty cells, glue themselves to
// header labels ("Feb —", "Sep Ñ") so that the month columns go unnamed, and make a filled
// month cell read as text. The engine's own doubt tells them from text:
//   - a word of rule marks and specks alone (| . , ; : ' ` _ - = ~ and dashes), read with a
//     confidence under kNoiseConfidence;
//   - a short word without a digit (at most kNoiseLetters code points), read with a confidence
//     under kFillNoiseConfidence, standing for the most part on a dark fill (darker than
//     kDarkFill), where no dark text can be read.
// Words read with confidence stay, whatever they are: a dash a cell prints for "none", an X. But
// a word of bars alone ("|") standing on a vertical rule the page shows is that rule, however
// sure the engine was: where a dark fill beside it thickened the rule on the binary page, the
// rule was not erased before OCR, and the engine read it; left in, it glues itself to the label
// of the cell beside it ("| Abr"). So is a word of dashes alone ("—") lying on a horizontal rule:
// a piece of a light rule scanned askew that the binary page showed as dashes (missed_rules.h);
// and a word of bars and dashes ("|—", "Il—") whose box holds a point where two rules cross.
//
// Some noise shows in its box alone: letters read with doubt (under kFillNoiseConfidence) in a
// box no run of as many letters fills, wider than kMaxLetterWidth times its height (or the page's
// middle word's, when that is higher: OCR may box a faint word by its letters' bodies alone) a
// letter ("A" across eight month cells of a grid), or taller than kMaxWordHeight times the page's
// middle word ("T" down four rows). Such a word stays (its box may hold misread text), but the
// search for fills does not paint it out as text on paper or a light fill (scanned_page.cpp):
// painted, it would wipe out the rules and fills of the grid under it.
#pragma once

#include <string>
#include <vector>

#include "pipeline/decode/source.h"

namespace oplex {

inline constexpr double kNoiseConfidence = 0.6;
inline constexpr double kFillNoiseConfidence = 0.5;
inline constexpr size_t kNoiseLetters = 3;
// A fill darker than this grey (0..255) is dark: text on it is set light, if any.
inline constexpr int kDarkFill = 128;

// The widest letters ("M", "W") are about as wide as they are high: a box more than this
// many heights wide a letter holds no run of them. A word this many times the page's middle
// word's height is no word of its text either (a title set that large is read with confidence).
inline constexpr double kMaxLetterWidth = 2.5;
inline constexpr double kMaxWordHeight = 3.0;

// Whether `text` is bars alone ("|", "||"): what the engine reads a vertical rule as.
bool BarsAlone(const std::string& text);

// Takes out of `words` those that are noise, given the page's fills and rules.
void DropOcrNoise(const Graphics& graphics, std::vector<Word>* words);

// The height of the middle one of `words` (points), 0 for none.
double MiddleHeight(const std::vector<Word>& words);

// Which of `words` are doubted ones whose box no text would fill, by index.
std::vector<bool> Misshapen(const std::vector<Word>& words);

}  // namespace oplex
