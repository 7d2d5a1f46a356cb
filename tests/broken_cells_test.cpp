// Ruled cells broken over a page break (pipeline/layout/broken_cells.h), on grids built by hand
// after tecdmx_poa_fichas_2020 pp.22-23: the unit cell of the last row of p.22 holds
// "%Dete/rminac/iones/Jurisdi/cciona", and the table opening p.23 goes on with "les" in the same
// column, the word broken at the cell's edge across the break.
#include "pipeline/layout/broken_cells.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

using testing::WordAt;

const std::vector<double> kColumns = {28.4, 199.0, 276.0};

// A ruled grid of one row on kColumns from `top` to `bottom`.
Grid OneRow(double top, double bottom) {
  Grid g;
  g.ruled = true;
  g.xs = kColumns;
  g.ys = {top, bottom};
  g.bbox = BBox{kColumns.front(), top, kColumns.back(), bottom};
  for (int c = 0; c < 2; ++c) {
    g.cells.push_back(GridCell{0, c, 1, 1, BBox{kColumns[c], top, kColumns[c + 1], bottom}, {}});
  }
  return g;
}

struct Fixture {
  std::vector<Word> foot_words = {
      WordAt("Elaboración", 30.0, 653.0, 156.7, 675.2),
      WordAt("%Dete", 201.6, 653.0, 273.6, 675.2),
      WordAt("rminac", 201.6, 683.0, 273.6, 705.2),
      WordAt("iones", 208.9, 713.0, 266.3, 735.2),
      WordAt("Jurisdi", 202.9, 743.0, 272.3, 765.2),
      WordAt("cciona", 202.9, 773.0, 272.3, 795.2),
  };
  Grid foot = OneRow(650.0, 800.0);
  Fixture() {
    foot.cells[0].words = {&foot_words[0]};
    for (size_t i = 1; i < foot_words.size(); ++i) foot.cells[1].words.push_back(&foot_words[i]);
  }
};

// The table opening the next page, with `word` in its second column.
Grid NextPage(const Word* word) {
  Grid next = OneRow(36.0, 66.0);
  next.cells[1].words = {word};
  return next;
}

TEST(BrokenCells, ACellGoingOnInLowerCaseOnTheNextPageIsReadWhole) {
  Fixture f;
  const Word les = WordAt("les", 222.9, 40.0, 252.3, 62.2);
  Grid next = NextPage(&les);
  const std::vector<std::string> texts = ReadAcrossBreak(CellsAtFoot(f.foot), &next);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], "");
  EXPECT_EQ(texts[1], "%Determinaciones Jurisdiccionales");
  EXPECT_TRUE(next.cells[1].words.empty());
}

TEST(BrokenCells, ACellOpeningWithACapitalOrOtherColumnsStaysWhereItIs) {
  Fixture f;
  const FootCells foot = CellsAtFoot(f.foot);
  const Word total = WordAt("Total", 210.0, 40.0, 260.0, 62.2);
  Grid next = NextPage(&total);
  EXPECT_EQ(ReadAcrossBreak(foot, &next), (std::vector<std::string>{"", ""}));
  EXPECT_EQ(next.cells[1].words.size(), 1u);
  // A table of other columns does not go on with it.
  const Word les = WordAt("les", 222.9, 40.0, 252.3, 62.2);
  Grid other = NextPage(&les);
  other.xs = {28.4, 150.0, 276.0};
  EXPECT_TRUE(ReadAcrossBreak(foot, &other).empty());
}

// A spreadsheet's schedule labels its month columns "ene-23", "feb-23"…: in lower case. A page
// opening with the table's header printed again goes on no cell of the page before, though its
// month labels open in lower case (the last row's marks stay "X").
TEST(BrokenCells, TheHeaderPrintedAgainOnTheNextPageGoesOnNoCell) {
  const std::vector<Word> page = {
      WordAt("Clave", 30.0, 40.0, 60.0, 50.0),  WordAt("ene-23", 205.0, 40.0, 235.0, 50.0),
      WordAt("1.19", 30.0, 700.0, 50.0, 710.0), WordAt("X", 235.0, 700.0, 240.0, 710.0),
      WordAt("Clave", 30.0, 40.0, 60.0, 50.0),  WordAt("ene-23", 205.0, 40.0, 235.0, 50.0),
      WordAt("1.20", 30.0, 60.0, 50.0, 70.0),
  };
  Grid foot = OneRow(36.0, 56.0);  // the header, then the last row of the page
  foot.ys.push_back(720.0);
  for (int c = 0; c < 2; ++c) {
    foot.cells.push_back(
        GridCell{1, c, 1, 1, BBox{kColumns[c], 690.0, kColumns[c + 1], 720.0}, {}});
  }
  foot.cells[0].words = {&page[0]};
  foot.cells[1].words = {&page[1]};
  foot.cells[2].words = {&page[2]};
  foot.cells[3].words = {&page[3]};
  Grid next = OneRow(36.0, 56.0);
  next.cells[0].words = {&page[4]};
  next.cells[1].words = {&page[5]};
  EXPECT_TRUE(ReadAcrossBreak(CellsAtFoot(foot), &next).empty());
  EXPECT_EQ(next.cells[1].words.size(), 1u);
  // Its first row of records does go on a cell broken over the break.
  const Word rest = WordAt("les", 222.9, 40.0, 252.3, 50.0);
  Grid body = OneRow(36.0, 56.0);
  body.cells[0].words = {&page[6]};
  body.cells[1].words = {&rest};
  const std::vector<std::string> texts = ReadAcrossBreak(CellsAtFoot(foot), &body);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[1], "X les");
}

}  // namespace
}  // namespace oplex
