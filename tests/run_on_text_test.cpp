// Text a spreadsheet lets run on over the empty cells to its right (pipeline/layout/
// run_on_text.h), on a ruled row built by hand after data/pdf/layouts/text-running-on-over-
// empty-cells: 8-point words, the activity column x 80-240, month cells 30 points wide.
#include "pipeline/layout/run_on_text.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

using testing::CellText;
using testing::WordAt;

// One ruled row: the activity cell x 80-240 and four month cells, 30 points each.
Grid ActivityAndMonths() {
  Grid g;
  g.ruled = true;
  g.xs = {80, 240, 270, 300, 330, 360};
  g.ys = {100, 126};
  g.bbox = BBox{80, 100, 360, 126};
  for (int c = 0; c < 5; ++c) {
    g.cells.push_back(GridCell{0, c, 1, 1, BBox{g.xs[c], 100, g.xs[c + 1], 126}, {}});
  }
  return g;
}

class RunOnText : public ::testing::Test {
 protected:
  // An 8-point word in the row's line (or `lines` lines lower), in the cell holding its centre.
  // `cut`: the rule at its end cuts the word (its letters go on in the next cell).
  void Put(Grid* grid, const std::string& text, double x0, double x1, int lines = 0,
           bool cut = false) {
    Word& w = words_.emplace_back(WordAt(text, x0, 104 + 9.5 * lines, x1, 112 + 9.5 * lines));
    w.font_size = 8;
    w.space_after = !cut;
    grid->At((x0 + x1) / 2, (w.bbox.y0 + w.bbox.y1) / 2)->words.push_back(&w);
  }
  std::deque<Word> words_;
};

TEST_F(RunOnText, ALineRunOnOverEmptyCellsGoesBackToItsCell) {
  Grid g = ActivityAndMonths();
  Put(&g, "Elaborar", 82, 114);
  Put(&g, "el", 116.2, 122);
  Put(&g, "programa", 124.2, 230);
  Put(&g, "an", 232.2, 240, 0, /*cut=*/true);  // "anual", cut at the rule
  Put(&g, "ual", 240, 250);
  Put(&g, "y", 252.2, 256);
  Put(&g, "presentar", 258.2, 270, 0, /*cut=*/true);
  Put(&g, "lo", 270, 276);
  Put(&g, "al", 278.2, 285);
  Put(&g, "Consejo", 287.2, 299);
  TakeBackRunOnText(&g);
  EXPECT_EQ(CellText(g, 0, 0), "Elaborar el programa an ual y presentar lo al Consejo");
  EXPECT_EQ(CellText(g, 0, 1), "");
  EXPECT_EQ(CellText(g, 0, 2), "");
}

TEST_F(RunOnText, TextOfACellOfItsOwnStays) {
  // "X" centred in the month cell beside a cell whose text reaches its edge: further than a
  // word space from it.
  Grid g = ActivityAndMonths();
  Put(&g, "Revisar", 82, 110);
  Put(&g, "los", 112.2, 124);
  Put(&g, "lineamientos", 126.2, 237.5, 0, /*cut=*/true);
  Put(&g, "X", 252, 257);
  TakeBackRunOnText(&g);
  EXPECT_EQ(CellText(g, 0, 0), "Revisar los lineamientos");
  EXPECT_EQ(CellText(g, 0, 1), "X");
  // A code that fills its narrow cell, and the text of the next cell a word space after it, as
  // a squeezed ficha prints them (tecdmx_poa_fichas_2020 p.15: "3" | "Ejercer la función…"):
  // no word is cut at the rule.
  Grid code = ActivityAndMonths();
  Put(&code, "3", 226, 237.5);
  Put(&code, "Ejercer", 240.2, 268);
  TakeBackRunOnText(&code);
  EXPECT_EQ(CellText(code, 0, 0), "3");
  EXPECT_EQ(CellText(code, 0, 1), "Ejercer");
}

TEST_F(RunOnText, WrappedTextAndACellOfTwoLinesStay) {
  // A cell whose text wraps runs on over nothing; a next cell with a line of its own below is
  // no line going on.
  Grid wrapped = ActivityAndMonths();
  Put(&wrapped, "Capacitar", 82, 240, 0, /*cut=*/true);
  Put(&wrapped, "al", 82, 90, 1);
  Put(&wrapped, "personal", 241, 268);
  TakeBackRunOnText(&wrapped);
  EXPECT_EQ(CellText(wrapped, 0, 1), "personal");
  Grid two_lines = ActivityAndMonths();
  Put(&two_lines, "Entregar", 82, 240, 0, /*cut=*/true);
  Put(&two_lines, "los", 240, 252);
  Put(&two_lines, "informes", 240, 268, 1);
  TakeBackRunOnText(&two_lines);
  EXPECT_EQ(CellText(two_lines, 0, 0), "Entregar");
  EXPECT_EQ(CellText(two_lines, 0, 1), "los informes");
}

}  // namespace
}  // namespace oplex
