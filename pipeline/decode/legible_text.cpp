#include "pipeline/decode/legible_text.h"

#include <unicode/uchar.h>

#include <string_view>

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

// Whether `c` is a letter of the Latin alphabet, and a vowel: accented ones too ("á", "Ü").
bool Latin(UChar32 c, bool* vowel) {
  if (c < 0x80) {
    const auto lower = static_cast<char>(c | 0x20);
    *vowel = lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u';
    return lower >= 'a' && lower <= 'z';
  }
  static constexpr std::u16string_view kVowels = u"áéíóúÁÉÍÓÚàèìòùÀÈÌÒÙäëïöüÄËÏÖÜâêîôûÂÊÎÔÛ";
  static constexpr std::u16string_view kConsonants = u"ñÑçÇ";
  *vowel = false;
  if (c > 0xFF) return false;
  *vowel = kVowels.find(static_cast<char16_t>(c)) != std::u16string_view::npos;
  return *vowel || kConsonants.find(static_cast<char16_t>(c)) != std::u16string_view::npos;
}

}  // namespace

bool SpellsText(const std::vector<Word>& words) {
  size_t characters = 0, unreadable = 0, letters = 0, vowels = 0;
  size_t latin = 0, open = 0;  // of the word being read
  auto end_word = [&]() {
    if (latin >= kMinWordLetters) letters += latin, vowels += open;
    latin = open = 0;
  };
  for (const Word& w : words) {
    // A mark of a symbol font alone (a tick in the private-use area) is no misread text.
    const bool alone = CodePoints(w.text) == 1;
    for (size_t i = 0; i < w.text.size();) {
      const UChar32 c = NextCodePoint(w.text, &i);
      if (u_isUWhiteSpace(c)) {
        end_word();
        continue;
      }
      ++characters;
      if (Unreadable(c)) {
        unreadable += alone ? 0 : 1;
        end_word();  // a control character stands for a space
        continue;
      }
      bool vowel = false;
      if (Latin(c, &vowel)) ++latin, open += vowel ? 1 : 0;
    }
    end_word();
  }
  if (characters == 0) return true;
  if (static_cast<double>(unreadable) >= kMaxUnreadableShare * static_cast<double>(characters)) {
    return false;
  }
  return letters < kMinLatinLetters ||
         static_cast<double>(vowels) >= kMinVowelShare * static_cast<double>(letters);
}

}  // namespace oplex
