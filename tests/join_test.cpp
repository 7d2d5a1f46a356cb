// Running text helpers (pipeline/normalize/join.h): what PlainText keeps of a cell's text.
#include "pipeline/normalize/join.h"

#include <gtest/gtest.h>

namespace oplex {
namespace {

TEST(PlainText, EmphasisMarksAndSpacesGo) {
  EXPECT_EQ(PlainText("  **Meta 2024**\n anual\t"), "Meta 2024 anual");
  EXPECT_EQ(PlainText("*12*"), "12");
  EXPECT_EQ(PlainText("Programa\xC2\xA0"
                      "anual"),
            "Programa anual");
}

TEST(PlainText, AStarBetweenFiguresMultiplies) {
  // Methods of calculation as indicator sheets print them.
  EXPECT_EQ(PlainText("(Asuntos resueltos / Asuntos recibidos) * 100"),
            "(Asuntos resueltos / Asuntos recibidos) * 100");
  EXPECT_EQ(PlainText("(Asuntos resueltos / Asuntos resueltos) *0.11"),
            "(Asuntos resueltos / Asuntos resueltos) *0.11");
  EXPECT_EQ(PlainText("(A/B)*100"), "(A/B)*100");
}

}  // namespace
}  // namespace oplex
