// Words → lines, and the text of a group of words in reading order.
//
// A line is the words of one page that share a baseline band (horizontal text: where its words
// stand on average, so that one tall OCR box does not reach over the next line), left to right;
// a vertical word (a rotated header) is a line of its own. Lines are split into segments at
// gaps wider than a column gap, which is what stream tables are built from.
#pragma once

#include <string>
#include <vector>

#include "pipeline/decode/source.h"

namespace oplex {

// A gap between words wider than this many font sizes separates two columns.
inline constexpr double kColumnGapEm = 0.8;

struct TextLine {
  std::vector<const Word*> words;  // in reading order: left to right, or up or down a vertical line
  BBox bbox;
  double font_size = 0;  // the largest on the line
  bool bold = false;     // every word is bold
  // The size most of its letters are set in: one word read larger by OCR ("4" at 12.9 points in
  // a row of 11.1) or set larger does not make the line another size.
  double body_size = 0;
};

std::vector<TextLine> BuildLines(const std::vector<const Word*>& words);

// A word's font size, or its height where the source gives none.
double Em(const Word& w);

// The middle of a word across the page, and down it.
inline double CentreX(const Word& w) { return (w.bbox.x0 + w.bbox.x1) / 2; }
inline double CentreY(const Word& w) { return (w.bbox.y0 + w.bbox.y1) / 2; }

// The middle height of `words` (not empty): a line's height, whatever a stray mark or a box OCR
// drew too tall.
double LineHeight(const std::vector<const Word*>& words);

// The middle size of `words` (not empty; Em: their font sizes, or heights where none): the body
// of their lines. OCR boxes a word by its letters alone, a third lower than its size, so that the
// lead between two lines of a paragraph is larger beside the boxes than beside the size.
double LineSize(const std::vector<const Word*>& words);

// Words stand apart, further than a word space (a quarter to a third of a font size), when this
// many font sizes lie between them.
inline constexpr double kApartEm = 0.4;

// Whether words [first, last) of a line are a ladder: short labels at an even step, each apart
// from the next by more than a word space ("EN FE MA AB MA JU", month or week letters over their
// columns). Such a row is a header set closer than a column gap; each label heads a column.
bool Ladder(const TextLine& line, size_t first, size_t last);

// The ladders of labels a line holds, as [first, last) of its words: short words in a row,
// evenly spaced, each a cell of its own or run together by gaps too narrow to part cells.
std::vector<std::pair<size_t, size_t>> Ladders(const TextLine& line);

// Runs of words separated by column gaps (indices into line.words, [first, last)).
std::vector<std::pair<size_t, size_t>> Segments(const TextLine& line);

// The words of a cell as text: lines top to bottom, words left to right (vertical words by x).
// Wrapped lines are joined with a space; a line that opens with a bullet starts a new item
// ('\n', bullet dropped, `list` set), and so does a line after one that ended short of the
// cell's right edge (`cell.x1`) although the next word would have fit (a hard line break), or
// one that ended a sentence before a line that opens with a capital (an item of its own). In a
// cell whose lines share their middle (centred, or each filling the cell) a line that opens with
// a capital starts an item unless the line before leads into a name (see WordsText in lines.cpp).
// In a cell drawn between rules (`ruled`), a line broken inside a word goes on without a space
// (see JoinsWithoutSpace in lines.cpp).
std::string WordsText(const std::vector<const Word*>& words, const BBox& cell, bool ruled,
                      bool* list);

// Text of the words [first, last) of one line.
std::string LineText(const TextLine& line, size_t first, size_t last);

}  // namespace oplex
