// Schedules drawn by parts of the year (extractors/table/year_parts.h), on header bands and
// column profiles built by hand: the labels as the header band folds them, and the body of each
// column as a share of its cells' kinds.
#include "extractors/table/year_parts.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace oplex {
namespace {

// A column whose body cells are `marks` marks and the rest empty (shares of the body rows).
ColumnProfile Marked(double marks) {
  ColumnProfile p;
  p.share.assign(static_cast<size_t>(CellKind::kText) + 1, 0);
  p.share[static_cast<size_t>(CellKind::kMark)] = marks;
  p.share[static_cast<size_t>(CellKind::kEmpty)] = 1 - marks;
  p.cells = 1;
  return p;
}

// A column of running text, or of figures.
ColumnProfile Of(CellKind kind) {
  ColumnProfile p;
  p.share.assign(static_cast<size_t>(CellKind::kText) + 1, 0);
  p.share[static_cast<size_t>(kind)] = 1;
  p.cells = 1;
  return p;
}

HeaderBand Band(std::vector<std::string> labels) {
  HeaderBand band;
  band.rows = 2;
  band.labels = labels;
  band.titles = std::move(labels);
  return band;
}

// Each month on the column of its part: months 1-3 on `first`, 4-6 on the next, ….
MonthColumns Laid(size_t first, int months_per_part) {
  MonthColumns out;
  for (int m = 0; m < 12; ++m) {
    const size_t c = first + static_cast<size_t>(m / months_per_part);
    out.emplace_back(c, c);
  }
  return out;
}

TEST(TableYearParts, RomanQuartersUnderATitleNamingThemAreTheGrid) {
  HeaderBand band = Band({"clave", "actividad", "trimestre / i", "trimestre / ii",
                          "trimestre / iii", "trimestre / iv"});
  LayMonthsByYearParts({Of(CellKind::kCode), Of(CellKind::kText), Marked(0.4), Marked(0.4),
                        Marked(0.2), Marked(0.6)},
                       &band);
  ASSERT_TRUE(band.months.has_value());
  EXPECT_EQ(*band.months, Laid(2, 3));
  EXPECT_FALSE(band.months_by_position);  // named, not laid
}

TEST(TableYearParts, QuartersAndHalvesNamedInTheirOwnLabels) {
  HeaderBand quarters =
      Band({"actividad", "calendarizacion trimestral / 1er. trim.",
            "calendarizacion trimestral / 2do. trim.", "calendarizacion trimestral / 3er. trim.",
            "calendarizacion trimestral / 4to. trim."});
  LayMonthsByYearParts({Of(CellKind::kText), Marked(0.5), Marked(0.5), Marked(0.5), Marked(0.5)},
                       &quarters);
  ASSERT_TRUE(quarters.months.has_value());
  EXPECT_EQ(*quarters.months, Laid(1, 3));

  HeaderBand halves = Band({"no.", "accion", "primer semestre", "segundo semestre"});
  LayMonthsByYearParts({Of(CellKind::kCode), Of(CellKind::kText), Marked(0.6), Marked(0.6)},
                       &halves);
  ASSERT_TRUE(halves.months.has_value());
  EXPECT_EQ(*halves.months, Laid(2, 6));
}

// "I" to "IV" with no word naming quarters may count anything; figures per quarter are
// quantities, not months; three of four quarters are no year.
TEST(TableYearParts, NoGridWithoutTheKindOfPartMarksOrEveryPart) {
  HeaderBand unnamed = Band({"actividad", "i", "ii", "iii", "iv"});
  LayMonthsByYearParts({Of(CellKind::kText), Marked(0.5), Marked(0.5), Marked(0.5), Marked(0.5)},
                       &unnamed);
  EXPECT_FALSE(unnamed.months.has_value());

  HeaderBand figures =
      Band({"actividad", "1er. trimestre", "2o. trimestre", "3er. trimestre", "4o. trimestre"});
  LayMonthsByYearParts({Of(CellKind::kText), Of(CellKind::kNumber), Of(CellKind::kNumber),
                        Of(CellKind::kNumber), Of(CellKind::kNumber)},
                       &figures);
  EXPECT_FALSE(figures.months.has_value());

  HeaderBand three = Band({"actividad", "trimestre / i", "trimestre / ii", "trimestre / iii"});
  LayMonthsByYearParts({Of(CellKind::kText), Marked(0.5), Marked(0.5), Marked(0.5)}, &three);
  EXPECT_FALSE(three.months.has_value());
}

// The 200 dpi scan of the quarters layout: OCR read "I", "II", "III", "IV" as "", "ll", "mI",
// "Iv" under "Trimestre". Four columns of marks under a title naming quarters are the quarters,
// by their place, and the band says so; three under it are no year.
TEST(TableYearParts, QuartersOcrCouldNotReadAreLaidByTheirPlaceUnderTheirTitle) {
  HeaderBand band = Band(
      {"clave", "actividad", "trimestre", "trimestre / ll", "trimestre / mi", "trimestre / iv"});
  LayMonthsByYearParts({Of(CellKind::kCode), Of(CellKind::kText), Marked(0.4), Marked(0.4),
                        Marked(0.2), Marked(0.6)},
                       &band);
  ASSERT_TRUE(band.months.has_value());
  EXPECT_EQ(*band.months, Laid(2, 3));
  EXPECT_EQ(band.months_by_position, 2u);

  HeaderBand three = Band({"actividad", "trimestre", "trimestre / ll", "trimestre / mi"});
  LayMonthsByYearParts({Of(CellKind::kText), Marked(0.5), Marked(0.5), Marked(0.5)}, &three);
  EXPECT_FALSE(three.months.has_value());

  // Words of their own under the title are no misread numerals: a quarterly review's answers.
  HeaderBand answers =
      Band({"actividad", "avance trimestral / cumplida", "avance trimestral / parcial",
            "avance trimestral / pendiente", "avance trimestral / cancelada"});
  LayMonthsByYearParts({Of(CellKind::kText), Marked(0.5), Marked(0.5), Marked(0.5), Marked(0.5)},
                       &answers);
  EXPECT_FALSE(answers.months.has_value());
}

// "Sem. 1", "Sem. 2", … over week columns: "sem" may be a week as well as a half year, and a
// run numbered past the parts of a year counts something else.
TEST(TableYearParts, NumberedPastTheYearsPartsIsNoGrid) {
  HeaderBand weeks = Band({"actividad", "sem. 1", "sem. 2", "sem. 3"});
  LayMonthsByYearParts({Of(CellKind::kText), Marked(0.5), Marked(0.5), Marked(0.5)}, &weeks);
  EXPECT_FALSE(weeks.months.has_value());

  HeaderBand bimonths = Band({"actividad", "bimestre / 1", "bimestre / 2", "bimestre / 3",
                              "bimestre / 4", "bimestre / 5", "bimestre / 6", "bimestre / 7"});
  LayMonthsByYearParts({Of(CellKind::kText), Marked(0.5), Marked(0.5), Marked(0.5), Marked(0.5),
                        Marked(0.5), Marked(0.5), Marked(0.5)},
                       &bimonths);
  EXPECT_FALSE(bimonths.months.has_value());
}

}  // namespace
}  // namespace oplex
