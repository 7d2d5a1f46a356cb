// The codes of a scanned table ("1.1.1") whose dots OCR dropped, put back from the grey page.
//
// On a small scan a code's dots are a few pale pixels: binarized, they fall below the threshold
// or the speck size, and the engine reads the digits run together ("111"), or takes a dot and
// the "1" after it for a "4" ("142" for "1.1.2"); read again enlarged, it brings some dots back
// and not others. The grey page still shows most dots as marks of their own, much smaller than
// a digit, on the digits' baseline between two of them. So, in the short words of digits of a
// ruled column, or, in a table without rules, of the words that open their lines at one left
// edge (three at least: a number that opens a line of a paragraph is no code):
//   1. the dots are looked for on the grey page (CodesToRead);
//   2. the digits of a word that lacks a dot found are read again with the dots taken out of the
//      image and the engine restricted to digits (WithoutDots, OcrEngine::ReadDigits): alone, a
//      "1" reads as a "1" (a word read with all its dots is left as read: a dot that touches a
//      digit, not taken out, may be read into it);
//   3. the dots go back between the digits read (PutCodes); a dot that touches the next digit
//      shows no mark of its own, so a misread code takes the shape (the dots) that several codes
//      of its column with as many digits show, when its own is part of it: "112", a dot found
//      after its first digit, among "1.1.1" and "1.1.3" is "1.1.2".
// A column is taken for codes only when at least half of its words of digits show dots (read or
// found): a column of quantities ("19", "75") keeps its numbers when a speck falls between two
// digits of one of them.
#pragma once

#include <utility>
#include <vector>

#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

// The most digits of a code looked at: deeper codes than "1.2.3.4.5.6" are not printed.
constexpr int kMaxCodeDigits = 6;

// A word of a column of codes, to read again.
struct CodeWord {
  size_t word = 0;               // its index among the page's words
  std::pair<long, long> column;  // its column's rules, rounded to whole points
  std::vector<bool> dot_after;   // per digit: a dot follows it, read or found
  std::vector<BBox> dots;        // the marks of the dots found (points), to take out
  int paper = 255;               // the grey of the paper around it
  bool misread = false;          // a dot found that its text lacks: its digits are doubtful
  BBox box;                      // where its digits are read again, when misread (points)
};

// The words of the columns of codes of a page (`graphics`: its rules; `words`: what OCR read;
// `gray`: the page as OCR read it, 8 bpp, at `ppp` pixels per point), with the dots found.
std::vector<CodeWord> CodesToRead(const Graphics& graphics, const std::vector<Word>& words,
                                  PIX* gray, double ppp);

// A copy of `gray` with the dots of `codes` painted over with the paper around them.
PixPtr WithoutDots(PIX* gray, const std::vector<CodeWord>& codes, double ppp);

// Puts the codes back among the page's `words`: the digits of `digits` (what the engine read in
// the box of each misread code, with the dots taken out) where a reading has as many digits as
// the word, the digits first read otherwise, and the dots read, found, or shown by the column's
// other codes.
void PutCodes(const std::vector<CodeWord>& codes, const std::vector<Word>& digits,
              std::vector<Word>* words);

}  // namespace oplex
