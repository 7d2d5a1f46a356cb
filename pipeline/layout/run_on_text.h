// Text a spreadsheet lets run on over the empty cells to its right.
//
// A spreadsheet prints a cell's text that does not fit and is not wrapped on over the empty
// cells to its right, through their borders ("Elaborar el programa anual de trabajo de la
// dirección y presen|tarlo al con|sejo" over a schedule's month cells). Cut at the rules, its
// pieces read as the text of those cells, and the cell it belongs to loses its end. The pieces
// go back to their cell when
//   - the cell's text is one line that goes on through the rule at its right edge into the next
//     cell (over the same rows), which holds nothing but that line going on: its words on the
//     line, in its size, the first no further from the line's end than a word space
//     (kRunOnGapEm), the rule through one of the two words or the space between them; and so
//     on, cell after cell;
//   - and a rule on the line's way cuts a word (its letters go on, with no space, in the next
//     cell). The text of a cell of its own may stand as close as a word space to the text
//     before it (a code that fills its narrow cell, the next cell's text after it), but no
//     rule runs through its words.
// A word the rule cut in two is whole again. On a born-digital page only: on a scan, OCR reads
// across the rules it was given the page without, so a word through a rule says nothing there.
#pragma once

#include "pipeline/layout/grid.h"

namespace oplex {

inline constexpr double kRunOnGapEm = 0.35;

// Gives the pieces of run-on text in `grid`'s cells back to the cells they run on from.
void TakeBackRunOnText(Grid* grid);

}  // namespace oplex
