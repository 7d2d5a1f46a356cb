// Quantities as work plans write them (pipeline/normalize/quantity.h).
#include "pipeline/normalize/quantity.h"

#include <gtest/gtest.h>

namespace oplex {
namespace {

TEST(Quantity, ThousandsDecimalsCurrency) {
  EXPECT_EQ(*ParseQuantity("4,060")->value, 4060);
  EXPECT_EQ(*ParseQuantity("0.08")->value, 0.08);
  EXPECT_EQ(*ParseQuantity("$65,018")->value, 65018);
  EXPECT_EQ(*ParseQuantity("$34,944,117")->value, 34944117);
  EXPECT_EQ(ParseQuantity(" 12 ")->raw, "12");
}

TEST(Quantity, EstimatedAndNotQuantified) {
  auto e = ParseQuantity("300,000E");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->estimated);
  EXPECT_EQ(*e->value, 300000);
  EXPECT_TRUE(ParseQuantity("5,800 E")->estimated);
  auto sc = ParseQuantity("S/C");
  ASSERT_TRUE(sc);
  EXPECT_TRUE(sc->not_quantified);
  EXPECT_FALSE(sc->value);
}

TEST(Quantity, TextIsNotAQuantity) {
  for (const char* text :
       {"", "Solicitud", "1,1", "4,06", "12,3456", "1.", "E", "IEEM.", "2023-2024"}) {
    EXPECT_FALSE(ParseQuantity(text)) << text;
  }
}

TEST(QuantityList, BeneficiaryCountsAsWritten) {
  auto parts = ParseQuantityList("13,1,S/C, S/C");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 4u);
  EXPECT_EQ(*(*parts)[0].value, 13);
  EXPECT_EQ(*(*parts)[1].value, 1);
  EXPECT_TRUE((*parts)[3].not_quantified);

  auto thousands = ParseQuantityList("690, 4,800, 1,663, 500");
  ASSERT_TRUE(thousands);
  ASSERT_EQ(thousands->size(), 4u);
  EXPECT_EQ(*(*thousands)[1].value, 4800);
  EXPECT_EQ(*(*thousands)[2].value, 1663);

  auto big = ParseQuantityList("8, 16,992,418");
  ASSERT_TRUE(big);
  ASSERT_EQ(big->size(), 2u);
  EXPECT_EQ(*(*big)[1].value, 16992418);

  auto estimated = ParseQuantityList("1, 170, 8E, S/C");
  ASSERT_TRUE(estimated);
  EXPECT_TRUE((*estimated)[2].estimated);
  EXPECT_FALSE(ParseQuantityList("13, Partidos"));

  // Shapes of the IEEM export: a space before the last item, "y", "SC", a final period.
  auto spaced = ParseQuantityList("13,1,1,10 S/C");
  ASSERT_TRUE(spaced);
  ASSERT_EQ(spaced->size(), 5u);
  EXPECT_EQ(*(*spaced)[3].value, 10);
  EXPECT_TRUE((*spaced)[4].not_quantified);
  auto y = ParseQuantityList("1, S/C, S/C, 8E y S/C");
  ASSERT_TRUE(y);
  ASSERT_EQ(y->size(), 5u);
  EXPECT_TRUE((*y)[3].estimated);
  auto period = ParseQuantityList("1, 8E, S/C.");
  ASSERT_TRUE(period);
  EXPECT_EQ(period->size(), 3u);
  EXPECT_TRUE(ParseQuantity("SC")->not_quantified);
}

}  // namespace
}  // namespace oplex
