// Rows of a ruled table that no rule separates (pipeline/layout/unruled_rows.h), on grids built
// by hand: a header row ruled off from one body row that holds every record.
#include "pipeline/layout/unruled_rows.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

using testing::CellText;
using testing::PlacedWords;

// Three columns (code, text, responsible) between rules, y 0-20 the header, 20-`bottom` the body;
// `body[c]` the words of the body's column c.
Grid ColumnsRuled(double bottom, std::vector<std::vector<const Word*>> body) {
  Grid grid;
  grid.ruled = true;
  grid.xs = {0, 30, 230, 330};
  grid.ys = {0, 20, bottom};
  grid.bbox = BBox{0, 0, 330, bottom};
  for (int c = 0; c < 3; ++c) {
    const BBox head{grid.xs[c], 0, grid.xs[c + 1], 20};
    grid.cells.push_back(GridCell{0, c, 1, 1, head, {}});
    const BBox cell{grid.xs[c], 20, grid.xs[c + 1], bottom};
    grid.cells.push_back(GridCell{1, c, 1, 1, cell, body[static_cast<size_t>(c)]});
  }
  return grid;
}

// Three records a line each, 7 points of whitespace between them (a line is 8 high): three rows.
// The record whose text wraps over two lines set 1.5 points apart stays one row.
TEST(UnruledRows, RecordsApartByWhitespaceAcrossEveryColumnAreRowsOfTheirOwn) {
  PlacedWords p;
  Grid grid =
      ColumnsRuled(80, {{p.At("1", 5, 25), p.At("2", 5, 40), p.At("3", 5, 64.5)},
                        {p.At("Realizar", 35, 25), p.At("Revisar", 35, 40), p.At("los", 80, 40),
                         p.At("expedientes", 35, 49.5), p.At("Aprobar", 35, 64.5)},
                        {p.At("SE", 235, 25), p.At("DEOE", 235, 40), p.At("CG", 235, 64.5)}});
  SplitUnruledRows(&grid);
  ASSERT_EQ(grid.rows(), 4);
  EXPECT_DOUBLE_EQ(grid.ys[2], 36.5);
  EXPECT_DOUBLE_EQ(grid.ys[3], 61);
  EXPECT_EQ(grid.cells.size(), 12u);
  EXPECT_EQ(CellText(grid, 1, 0), "1");
  EXPECT_EQ(CellText(grid, 2, 1), "Revisar los expedientes");
  EXPECT_EQ(CellText(grid, 2, 2), "DEOE");
  EXPECT_EQ(CellText(grid, 3, 2), "CG");
  for (const GridCell& c : grid.cells) {
    EXPECT_DOUBLE_EQ(c.bbox.y0, grid.ys[static_cast<size_t>(c.row)]);
    EXPECT_DOUBLE_EQ(c.bbox.y1, grid.ys[static_cast<size_t>(c.row) + 1]);
  }
}

// Records set tight, their lines no further apart than lines wrapped in a cell (9.2 points for
// 8-point lines): the numbers down the first column part them, above each number but the first.
TEST(UnruledRows, RecordsSetTightArePartedByTheirNumbers) {
  PlacedWords p;
  Grid grid =
      ColumnsRuled(70, {{p.At("1", 5, 21), p.At("2", 5, 39.4), p.At("3", 5, 48.6)},
                        {p.At("Realizar", 35, 21), p.At("foros", 35, 30.2),
                         p.At("Revisar", 35, 39.4), p.At("Aprobar", 35, 48.6)},
                        {p.At("SE", 235, 21), p.At("DEOE", 235, 39.4), p.At("CG", 235, 48.6)}});
  SplitUnruledRows(&grid);
  ASSERT_EQ(grid.rows(), 4);
  EXPECT_NEAR(grid.ys[2], 38.8, 1e-9);  // halfway from "foros" (34.2) to "2" (43.4)
  EXPECT_EQ(CellText(grid, 1, 1), "Realizar foros");
  EXPECT_EQ(CellText(grid, 2, 2), "DEOE");
  EXPECT_EQ(CellText(grid, 3, 1), "Aprobar");
}

// A figure its narrow cell broke over two lines ("11." over "11") numbers nothing: one record.
TEST(UnruledRows, AFigureBrokenOverTwoLinesIsNoNumbering) {
  PlacedWords p;
  Grid grid = ColumnsRuled(60, {{p.At("11.", 5, 21), p.At("11", 5, 30.2)},
                                {p.At("Porcentaje", 35, 21), p.At("de", 35, 30.2)},
                                {p.At("%Det", 235, 21), p.At("erminaciones", 235, 30.2)}});
  SplitUnruledRows(&grid);
  EXPECT_EQ(grid.rows(), 2);
}

// A record's second paragraph in one cell ("Informe" over "Minuta", a blank line between them)
// fills one cell: no record of its own. Lines wrapped closer than half a line stay one row.
TEST(UnruledRows, AParagraphOfOneCellOrAWrappedLineIsNoRecord) {
  PlacedWords p;
  Grid paragraphs = ColumnsRuled(60, {{p.At("1", 5, 25)},
                                      {p.At("Realizar", 35, 25)},
                                      {p.At("Informe", 235, 25), p.At("Minuta", 235, 45)}});
  SplitUnruledRows(&paragraphs);
  EXPECT_EQ(paragraphs.rows(), 2);
  EXPECT_EQ(CellText(paragraphs, 1, 2), "Informe Minuta");
  Grid wrapped = ColumnsRuled(60, {{p.At("1", 5, 25)},
                                   {p.At("Realizar", 35, 25), p.At("foros", 35, 36)},
                                   {p.At("Secretaría", 235, 25), p.At("Ejecutiva", 235, 36)}});
  SplitUnruledRows(&wrapped);
  EXPECT_EQ(wrapped.rows(), 2);
}

// A header's labels as OCR boxes them on a 200 dpi scan (data/pdf/layouts/dates-under-a-header-
// on-two-lines): "Fecha de" over "inicio" and over "término", "No." on the second line; the
// boxes 6.1 points high (the letters alone) for words of 8.8 points, 3.6 points apart. Beside the
// boxes the lead looked like whitespace parting two records of two cells each; beside the words'
// size it is a line's lead: one row.
TEST(UnruledRows, TheLeadBetweenTwoLinesOcrBoxedTightIsNoParting) {
  std::deque<Word> words;
  const auto ocr = [&](const std::string& text, double x0, double top) {
    Word& w = words.emplace_back(testing::WordAt(text, x0, top, x0 + 5.0 * text.size(), top + 6.1));
    w.font_size = 8.8;
    return &w;
  };
  Grid grid =
      ColumnsRuled(60, {{ocr("No.", 5, 32.7)},
                        {ocr("Fecha", 35, 23), ocr("de", 70, 23), ocr("inicio", 35, 32.7)},
                        {ocr("Fecha", 235, 23), ocr("de", 270, 23), ocr("término", 235, 32.7)}});
  SplitUnruledRows(&grid);
  EXPECT_EQ(grid.rows(), 2);
  EXPECT_EQ(CellText(grid, 1, 1), "Fecha de inicio");
}

// A cell merged down over several rows (an axis beside its activities) keeps its rows whole, as
// does a grid drawn by no rules (a stream table's, whose rows are its lines).
TEST(UnruledRows, RowsUnderACellMergedDownOrOfAStreamTableStayWhole) {
  PlacedWords p;
  const std::vector<std::vector<const Word*>> body = {
      {p.At("1", 5, 25), p.At("2", 5, 45)},
      {p.At("Realizar", 35, 25), p.At("Revisar", 35, 45)},
      {p.At("SE", 235, 25), p.At("CG", 235, 45)}};
  Grid merged = ColumnsRuled(60, body);
  merged.ys = {0, 20, 40, 60};
  merged.cells[1].row_span = 2;
  SplitUnruledRows(&merged);
  EXPECT_EQ(merged.rows(), 3);
  Grid stream = ColumnsRuled(60, body);
  stream.ruled = false;
  SplitUnruledRows(&stream);
  EXPECT_EQ(stream.rows(), 2);
}

}  // namespace
}  // namespace oplex
