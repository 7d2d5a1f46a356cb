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

}  // namespace oplex
