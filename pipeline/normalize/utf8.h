// Small UTF-8 helpers on top of ICU's macros, shared by the decoders and layout.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace oplex {

// Appends the code point as UTF-8 (c must be a valid code point).
inline void AppendUtf8(UChar32 c, std::string* out) {
  uint8_t buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out->append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
}

// Whether the text opens with an uppercase letter (accented ones too).
inline bool StartsUppercase(std::string_view s) {
  if (s.empty()) return false;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

// How many bytes the well-formed UTF-8 sequence at text[at] has (1 to 4); 0 when the byte there
// starts none (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, cut
// short).
inline size_t Utf8SequenceLength(std::string_view text, size_t at) {
  auto end = static_cast<int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(text.data(), end, static_cast<int32_t>(text.size()), c);
  return c < 0 ? 0 : static_cast<size_t>(end) - at;
}

// The code point at byte `*i` of `s`, `*i` advanced past it. A byte that does not start valid
// UTF-8 is taken as Latin-1, one byte (text from a file whose encoding is not declared).
inline UChar32 NextCodePoint(std::string_view s, size_t* i) {
  auto at = static_cast<int32_t>(*i);
  UChar32 c = 0;
  U8_NEXT(s.data(), at, static_cast<int32_t>(s.size()), c);
  if (c < 0) {
    c = static_cast<unsigned char>(s[*i]);
    at = static_cast<int32_t>(*i) + 1;
  }
  *i = static_cast<size_t>(at);
  return c;
}

// How many letters the text holds (accented ones too), by ICU's alphabetic property.
inline size_t Letters(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) n += u_isalpha(NextCodePoint(s, &i)) ? 1 : 0;
  return n;
}

// How many code points the text holds (a byte that is not valid UTF-8 counts as one): the
// characters a terminal or a spreadsheet shows for Latin text.
inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) NextCodePoint(s, &i);
  return n;
}

}  // namespace oplex
