// Whether a text layer spells text (pipeline/decode/legible_text.h), on words as poppler gives
// them for Chromium's prints (DejaVu Sans) with and without their fonts' maps to Unicode.
#include "pipeline/decode/legible_text.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace oplex {
namespace {

const char* const kPlan =
    "Programa Anual de Trabajo 2023 de la Dirección de Organización Electoral: revisar los "
    "lineamientos, capacitar al personal y entregar los informes trimestrales al Consejo.";

std::vector<Word> Words(const std::string& text) {
  std::vector<Word> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(Word{w, {}, {}, 9, false, 0, true, 1.0});
  return out;
}

// What a font without a map to Unicode gives for ASCII text when its glyphs are numbered as
// DejaVu Sans numbers them (a character's code less 29): "Programa" reads "3URJUDPD", a space
// U+0003. `spaces_drawn`: whether the spaces are glyphs too (else the words stand apart).
std::vector<Word> GlyphNumbers(const std::string& text, bool spaces_drawn) {
  std::string shifted;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    shifted += u < 0x80 && u > ' ' ? static_cast<char>(u - 29) : (spaces_drawn ? '\x03' : ' ');
  }
  if (!spaces_drawn) return Words(shifted);
  return {Word{shifted, {}, {}, 9, false, 0, true, 1.0}};
}

TEST(LegibleText, WordsOfAPlanSpellText) {
  EXPECT_TRUE(SpellsText(Words(kPlan)));
  EXPECT_TRUE(SpellsText(Words(std::string(kPlan) + " " + kPlan)));
}

TEST(LegibleText, GlyphNumbersWithTheSpacesAsControlCharactersSpellNoText) {
  EXPECT_FALSE(SpellsText(GlyphNumbers(kPlan, /*spaces_drawn=*/true)));
}

TEST(LegibleText, GlyphNumbersOfLettersAloneSpellNoText) {
  // Shifted letters are letters still (no digit or stop here gives a control character): the
  // vowels are what is missing ("Programa Anual de Trabajo" gives "3URJUDPD $QXDO GH 7UDEDMR").
  const std::string letters =
      "Programa Anual de Trabajo de la Direccion de Organizacion Electoral revisar los "
      "lineamientos capacitar al personal y entregar los informes trimestrales al Consejo";
  const std::vector<Word> words = GlyphNumbers(letters + " " + letters, /*spaces_drawn=*/false);
  EXPECT_EQ(words[1].text, "$QXDO");
  EXPECT_FALSE(SpellsText(words));
  // Too few letters to judge by: a short line is given the benefit of the doubt.
  EXPECT_TRUE(SpellsText(GlyphNumbers("Programa Anual de Trabajo", false)));
}

TEST(LegibleText, AScheduleOfMarksCodesAndTicksSpellsText) {
  // Forty activities, each marked X in twelve months, with a code and a symbol font's tick in
  // the private use area (U+F0FC, Wingdings' ü) after each.
  std::vector<Word> page = Words(kPlan);
  for (int i = 1; i <= 40; ++i) {
    for (const std::string& w :
         {"1." + std::to_string(i), std::string("Revisar"), std::string("los"),
          std::string("informes."), std::string("\xEF\x83\xBC")}) {
      page.push_back(Word{w, {}, {}, 9, false, 0, true, 1.0});
    }
    for (int m = 0; m < 12; ++m) page.push_back(Word{"X", {}, {}, 9, false, 0, true, 1.0});
  }
  EXPECT_TRUE(SpellsText(page));
  // A tick in each of six months of every row: a third of the page's characters, each a word
  // of its own.
  std::vector<Word> ticked = Words(kPlan);
  for (int i = 1; i <= 40; ++i) {
    for (const char* w : {"Revisar", "los", "informes."}) {
      ticked.push_back(Word{w, {}, {}, 9, false, 0, true, 1.0});
    }
    for (int m = 0; m < 6; ++m) {
      ticked.push_back(Word{"\xEF\x83\xBC", {}, {}, 9, false, 0, true, 1.0});
    }
  }
  EXPECT_TRUE(SpellsText(ticked));
}

TEST(LegibleText, FiguresAloneAndNoWordsSpellText) {
  EXPECT_TRUE(SpellsText(Words("1,250 3,400.50 12 % 100.00 2023 1.1 1.2 1.3")));
  EXPECT_TRUE(SpellsText({}));
}

}  // namespace
}  // namespace oplex
