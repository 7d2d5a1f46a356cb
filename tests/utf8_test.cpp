// The shared UTF-8 helpers (pipeline/normalize/utf8.h), on sequences
// whose decoding was worked out by hand from the UTF-8 table (RFC 3629).
#include "pipeline/normalize/utf8.h"

#include <gtest/gtest.h>

namespace oplex {
namespace {

TEST(Utf8, NextCodePointDecodesAndReadsAStrayByteAsLatin1) {
  const std::string text = "A\xC3\xB1o\xE9";  // "Año" in UTF-8, then 'é' as a lone Latin-1 byte
  size_t i = 0;
  EXPECT_EQ(NextCodePoint(text, &i), U'A');
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(NextCodePoint(text, &i), U'ñ');
  EXPECT_EQ(i, 3u);
  EXPECT_EQ(NextCodePoint(text, &i), U'o');
  EXPECT_EQ(NextCodePoint(text, &i), U'é');
  EXPECT_EQ(i, text.size());
}

TEST(Utf8, CodePointsCountsCharactersNotBytes) {
  EXPECT_EQ(CodePoints(""), 0u);
  EXPECT_EQ(CodePoints("Calendarización"), 15u);  // 16 bytes
  EXPECT_EQ(CodePoints("\xE2\x82\xAC"
                       "5"),
            2u);  // "€5"
  EXPECT_EQ(CodePoints("a\xFF"
                       "b"),
            3u);  // a byte that is no UTF-8 counts once
}

TEST(Utf8, SequenceLengthRejectsIllFormedUtf8) {
  EXPECT_EQ(Utf8SequenceLength("\xC3\xB1", 0), 2u);          // ñ
  EXPECT_EQ(Utf8SequenceLength("\xF0\x9F\x93\x84", 0), 4u);  // U+1F4C4
  EXPECT_EQ(Utf8SequenceLength("\xC0\xAF", 0), 0u);          // overlong '/'
  EXPECT_EQ(Utf8SequenceLength("\xED\xA0\x80", 0), 0u);      // a surrogate
  EXPECT_EQ(Utf8SequenceLength("\xF4\x90\x80\x80", 0), 0u);  // past U+10FFFF
  EXPECT_EQ(Utf8SequenceLength("\xE2\x82", 0), 0u);          // cut short
  EXPECT_EQ(Utf8SequenceLength("\x80", 0), 0u);              // a stray continuation
}

}  // namespace
}  // namespace oplex
