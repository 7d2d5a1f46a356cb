#include "pipeline/normalize/fold.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace oplex {
namespace {

TEST(FoldTest, CapitalsAndAccentsMeet) {
  EXPECT_EQ(Fold("ORGANIZACIÓN"), Fold("organización"));
  EXPECT_EQ(Fold("ORGANIZACIÓN"), "organizacion");
  EXPECT_EQ(Fold("Órganos"), "organos");
  EXPECT_EQ(Fold("PINGÜINO"), "pinguino");
}

TEST(FoldTest, KeepsEnye) {
  EXPECT_EQ(Fold("AÑO"), "año");
  EXPECT_NE(Fold("AÑO"), Fold("ANO"));
  EXPECT_EQ(Fold("Campaña"), "campaña");
  // The same letter written as n + combining tilde (NFD input).
  EXPECT_EQ(Fold("An\xCC\x83o"), "año");
  EXPECT_EQ(Fold("AN\xCC\x83O"), "año");
}

TEST(FoldTest, CollapsesWhiteSpaceIncludingNbsp) {
  EXPECT_EQ(Fold("Plan\xC2\xA0\xC2\xA0"
                 "Anual\t\tde\n Trabajo"),
            "plan anual de trabajo");
  EXPECT_EQ(Fold("  \xC2\xA0 Reporte \t "), "reporte");
  EXPECT_EQ(Fold(" \t\n"), "");
  EXPECT_EQ(Fold(""), "");
}

TEST(FoldTest, AsciiControlsAreSpacesAndPunctuationStays) {
  EXPECT_EQ(Fold("A\x01"
                 "B\x7F"
                 "C\x1F\x0B"
                 "D"),
            "a b c d");
  EXPECT_EQ(Fold("Meta: 4,060 (100%) #1 ~x_y [Z]{@}"), "meta: 4,060 (100%) #1 ~x_y [z]{@}");
}

TEST(FoldTest, LigaturesAndInvisibleCharacters) {
  EXPECT_EQ(Fold("\xEF\xAC\x81nes"), "fines");        // ﬁ ligature
  EXPECT_EQ(Fold("elec\xC2\xADtoral"), "electoral");  // soft hyphen
  EXPECT_EQ(Fold("\xEF\xBB\xBFInforme"), "informe");  // BOM
  EXPECT_EQ(Fold("m\xC2\xB2"), "m2");                 // superscript two
}

TEST(FoldTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(Fold("a\xFF"
                 "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(FoldTest, OffsetsPointBackAtTheSource) {
  const std::string source = "  ÓRGANO\xC2\xA0 Electoral";
  const FoldedText folded = FoldWithOffsets(source);
  ASSERT_EQ(folded.text, "organo electoral");
  ASSERT_EQ(folded.offsets.size(), folded.text.size() + 1);
  EXPECT_EQ(folded.text, Fold(source));
  const size_t begin = folded.text.find("electoral");
  const size_t source_begin = folded.offsets[begin];
  EXPECT_EQ(source.substr(source_begin, folded.offsets[begin + 9] - source_begin), "Electoral");
  EXPECT_EQ(source.substr(folded.offsets[0], folded.offsets[6] - folded.offsets[0]), "ÓRGANO");
}

TEST(FoldTest, OffsetsOfEnyeCoverTheWholeLetter) {
  const std::string source = "AÑO";
  const FoldedText folded = FoldWithOffsets(source);
  ASSERT_EQ(folded.text, "año");
  EXPECT_EQ(source.substr(folded.offsets[1], folded.offsets[3] - folded.offsets[1]), "Ñ");
}

TEST(CollateEsTest, SortsAsSpanishReadersExpect) {
  EXPECT_LT(CollateEs("Nuevo León", "Ñuu Savi"), 0);
  EXPECT_LT(CollateEs("nube", "ñandú"), 0);
  EXPECT_LT(CollateEs("ñandú", "oaxaca"), 0);
  EXPECT_LT(CollateEs("Michoacán", "Morelos"), 0);
  EXPECT_LT(CollateEs("Querétaro", "Quintana Roo"), 0);
  EXPECT_EQ(CollateEs("Yucatán", "Yucatán"), 0);
  EXPECT_GT(CollateEs("Zacatecas", "Yucatán"), 0);

  std::vector<std::string> names = {"Oaxaca",           "Ñuu Savi", "Nayarit",
                                    "Ciudad de México", "Chiapas",  "Campeche"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return CollateEs(a, b) < 0; });
  EXPECT_EQ(names, (std::vector<std::string>{"Campeche", "Chiapas", "Ciudad de México", "Nayarit",
                                             "Ñuu Savi", "Oaxaca"}));
}

}  // namespace
}  // namespace oplex
