// Whether a PDF page's text layer spells text, or only its glyphs' numbers.
//
// A font embedded without a map from its glyphs to Unicode (no ToUnicode, a subset with its own
// codes) leaves a text layer that draws right and reads as nonsense: poppler can only pass on
// the glyphs' numbers, so spaces and digits come out as control characters and the letters
// shifted ("3URJUDPD\x03$QXDO" for "Programa Anual"), or, in a subset numbered in the order
// of use, as control characters for most of them. Such a page is read by OCR, not by its text.
// A text layer spells no text when, of its characters (white space aside),
//   - at least kMaxUnreadableShare are none a reader could see, in words of two characters or
//     more: control characters, private-use code points, unassigned ones, U+FFFD (a symbol
//     font's tick alone in a schedule's cell is a mark, however many there are; a true page
//     holds a stray control character at most);
//   - or, over at least kMinLatinLetters letters of the Latin alphabet in words of
//     kMinWordLetters or more (marks such as "X", codes and initials aside), fewer than
//     kMinVowelShare are vowels (written Spanish has about 45 %, English 38 %, the numbers of a
//     font's glyphs about 15 %).
#pragma once

#include <vector>

#include "pipeline/decode/source.h"

namespace oplex {

inline constexpr double kMaxUnreadableShare = 0.1;
inline constexpr size_t kMinLatinLetters = 100;
inline constexpr size_t kMinWordLetters = 4;
inline constexpr double kMinVowelShare = 0.25;

// Whether the words of a text layer spell text (true for a page without words).
bool SpellsText(const std::vector<Word>& words);

}  // namespace oplex
