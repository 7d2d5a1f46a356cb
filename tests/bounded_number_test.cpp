// Bounded parses of numbers in untrusted text (pipeline/normalize/bounded_number.h) and the
// parsers built on them: too many digits is no number, never an exception.
#include "pipeline/normalize/bounded_number.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/normalize/number_words.h"
#include "pipeline/normalize/quantity.h"

namespace oplex {
namespace {

TEST(BoundedNumberTest, IntegersWithinInt64) {
  EXPECT_EQ(ParseInteger("0"), 0);
  EXPECT_EQ(ParseInteger("318"), 318);
  EXPECT_EQ(ParseInteger("9223372036854775807"), INT64_MAX);
  EXPECT_EQ(ParseInteger("9223372036854775808"), std::nullopt);
  EXPECT_EQ(ParseInteger("99999999999999999999"), std::nullopt);
  EXPECT_EQ(ParseInteger(std::string(400, '9')), std::nullopt);
  for (const char* not_one : {"", "-1", "+1", "1,000", "12a", " 1", "1.5"}) {
    EXPECT_EQ(ParseInteger(not_one), std::nullopt) << not_one;
  }
}

TEST(BoundedNumberTest, DecimalsThatADoubleHolds) {
  EXPECT_EQ(ParseDecimal("4060"), 4060.0);
  EXPECT_EQ(ParseDecimal("0.08"), 0.08);
  EXPECT_EQ(ParseDecimal(std::string(300, '9')), 1e300);
  EXPECT_EQ(ParseDecimal(std::string(400, '9')), std::nullopt);
  EXPECT_EQ(ParseDecimal("0." + std::string(400, '0') + "1"), std::nullopt);
  for (const char* not_one : {"", ".5", "5.", "1e5", "-1", "inf", "nan", "1.2.3", "0x10"}) {
    EXPECT_EQ(ParseDecimal(not_one), std::nullopt) << not_one;
  }
}

TEST(BoundedNumberTest, QuantitiesAndNumberWordsOutOfRangeAreNotNumbers) {
  EXPECT_EQ(ParseQuantity(std::string(400, '9')), std::nullopt);
  EXPECT_EQ(ParseQuantity("0." + std::string(400, '0') + "1"), std::nullopt);
  EXPECT_EQ(ParseQuantity("$65,018")->value, 65018.0);
  EXPECT_EQ(ParseNumberWords("99999999999999999999"), std::nullopt);
}

}  // namespace
}  // namespace oplex
