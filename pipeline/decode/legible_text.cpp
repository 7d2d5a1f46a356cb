#include "pipeline/decode/legible_text.h"

#include <unicode/uchar.h>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

bool Unreadable(UChar32 c) {
  switch (u_charType(c)) {
    case U_CONTROL_CHAR:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_SURROGATE:
      return true;
    default:
      return c == 0xFFFD;
  }
}

bool Vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

bool SpellsText(const std::vector<Word>& words) {
  size_t characters = 0, unreadable = 0, letters = 0, vowels = 0;
  for (const Word& w : words) {
    for (size_t i = 0; i < w.text.size();) {
      const UChar32 c = NextCodePoint(w.text, &i);
      if (u_isUWhiteSpace(c)) continue;
      ++characters;
      unreadable += Unreadable(c) ? 1 : 0;
    }
    // The folded word splits at the control characters that stand for spaces.
    const std::string folded = Fold(w.text);
    for (size_t start = 0; start < folded.size();) {
      size_t end = folded.find(' ', start);
      if (end == std::string::npos) end = folded.size();
      size_t latin = 0, open = 0;
      for (size_t i = start; i < end; ++i) {
        if (folded[i] >= 'a' && folded[i] <= 'z') ++latin, open += Vowel(folded[i]) ? 1 : 0;
      }
      if (latin >= kMinWordLetters) letters += latin, vowels += open;
      start = end + 1;
    }
  }
  if (characters == 0) return true;
  if (static_cast<double>(unreadable) >= kMaxUnreadableShare * static_cast<double>(characters)) {
    return false;
  }
  return letters < kMinLatinLetters ||
         static_cast<double>(vowels) >= kMinVowelShare * static_cast<double>(letters);
}

}  // namespace oplex
