// Words OCR makes of what is no text, taken out (pipeline/decode/ocr_noise.h). The words and
// fills are those OCR and the raster found on p.10 of the BCS cronograma laid out by reportlab
// (dark header band 0x363636 with white labels, Gantt bars 0x676767) and scanned at 200 dpi.
#include "pipeline/decode/ocr_noise.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/placed_words.h"

namespace oplex {
namespace {

constexpr auto Read = &testing::OcrWordAt;

std::vector<std::string> Texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const Word& w : words) out.push_back(w.text);
  return out;
}

const Graphics kGraphics = {
    0xFFFFFF,
    {},
    {},
    {
        Fill{BBox{31, 37, 811, 49}, 0x363636},   // the header band
        Fill{BBox{728, 36, 784, 42}, 0x676767},  // a bar's shade where the band's edge is grainy
        Fill{BBox{510, 50, 588, 66}, 0x676767},  // F.1's bar, February to April
        Fill{BBox{503, 52, 509, 67}, 0xBDBDBD},  // a rule's blur beside it
        Fill{BBox{31, 107, 811, 127}, 0xE8E8E8}  // a section row, light
    }};

TEST(OcrNoise, MarksAndDoubtedLettersOnDarkFillsGo) {
  std::vector<Word> words = {
      Read("A", 728, 37, 784, 42, 0.16),     // the band's grain, on a bar's shade
      Read("|", 793, 36, 812, 42, 0.54),     // a rule's fragment
      Read("\u2014", 31, 49, 45, 50, 0.35),  // the band's lower edge
      Read("_\u2014_\u2014_", 60, 49, 120, 50, 0.2),
      Read("ec", 520, 52, 540, 60, 0.33),  // inside F.1's bar
  };
  DropOcrNoise(kGraphics, &words);
  EXPECT_TRUE(words.empty()) << ::testing::PrintToString(Texts(words));
}

TEST(OcrNoise, TextReadWithConfidenceOrOffDarkFillsStays) {
  std::vector<Word> words = {
      Read("Ene", 484, 40, 497, 46, 0.97),     // a white label on the dark band
      Read("l", 503, 52, 509, 67, 0.63),       // read with confidence, on a light shade
      Read("\u2014", 600, 80, 606, 86, 0.95),  // a dash printed for "none"
      Read("X", 620, 80, 626, 86, 0.4),        // a doubted mark in a white cell
      Read("X", 640, 110, 646, 120, 0.4),      // ... and in a light shaded row
      Read("7", 530, 55, 536, 62, 0.3),        // a digit, even doubted on a bar
      Read("Elaborar", 49, 48, 77, 63, 0.3),   // a word longer than noise
  };
  const std::vector<std::string> before = Texts(words);
  DropOcrNoise(kGraphics, &words);
  EXPECT_EQ(Texts(words), before);
}

// On the 200 dpi scan of data/pdf/layouts/months-filled-dark, the column rule between April and
// May runs beside dark fills, which binarize as bands along their borders: the rule was not
// erased before OCR, and the engine read it as "|" (with confidence) in the header row, where it
// glued itself to "Abr". A bar standing on a rule the page shows is that rule.
TEST(OcrNoise, ABarStandingOnAVerticalRuleIsTheRule) {
  Graphics g = kGraphics;
  g.v_rules = {BBox{504.4, 96.5, 505.4, 258.5}};
  std::vector<Word> words = {
      Read("|", 504.7, 99.0, 505.1, 112.7, 0.93),  // the rule, in the header row
      Read("Abr", 481.3, 103.0, 496.4, 110.5, 0.96),
      Read("|", 560.0, 99.0, 560.4, 112.7, 0.93),   // no rule there: stays
      Read("l", 504.7, 120.0, 505.1, 130.0, 0.93),  // a letter, not a bar: stays
  };
  DropOcrNoise(g, &words);
  EXPECT_EQ(Texts(words), (std::vector<std::string>{"Abr", "|", "l"}));
}

// Words OCR read on data/pdf/layouts/grids-ruled-light-askew-1.png (light grey rules scanned
// 0.6 degrees askew), read with confidence: the pieces of the row rule under the header that the
// binary page showed as dashes.
TEST(OcrNoise, DashesLyingOnAHorizontalRuleAreTheRule) {
  Graphics g = kGraphics;
  g.h_rules = {BBox{70.6, 113.0, 721.8, 114.1}};
  std::vector<Word> words = {
      Read("\u2014", 110.5, 113.4, 118.8, 113.8, 0.91),  // the rule, under "No."
      Read("Actividad", 213.1, 101.5, 254.9, 112.7, 0.93),
      Read("\u2014", 214.9, 113.4, 221.0, 113.8, 0.91),  // the rule, under "Actividad"
      Read("-", 445.0, 124.0, 448.0, 125.0, 0.93),       // a dash in its cell, for "none": stays
      Read("\u2014", 742.0, 113.4, 750.0, 113.8, 0.91),  // 20 points beyond the rule's end: stays
  };
  DropOcrNoise(g, &words);
  EXPECT_EQ(Texts(words), (std::vector<std::string>{"Actividad", "-", "\u2014"}));
}

// Page 1 of data/scans/ags-2023-uncoded-200dpi.pdf: the row rule over "Informar al Consejo"
// across the table's narrow first column, too short for the search for rules, read as a dash
// that opened the activity's text ("- Informar al Consejo").
TEST(OcrNoise, ADashOnTheLineOfARuleShortOfItsEndIsThePieceTheSearchLeftOut) {
  Graphics g = kGraphics;
  g.h_rules = {BBox{63.7, 719.6, 549.0, 720.7}};
  g.v_rules = {BBox{47.5, 510.5, 48.6, 788.4}};
  std::vector<Word> words = {
      Read("-", 49.3, 720.0, 51.1, 720.4, 0.90),
      Read("Informar", 54.7, 724.0, 82.1, 729.7, 0.96),
  };
  DropOcrNoise(g, &words);
  EXPECT_EQ(Texts(words), (std::vector<std::string>{"Informar"}));
}

// The same scan: where a row rule crosses the column rules of the grid, OCR read the crossing's
// dashes and bars as words.
TEST(OcrNoise, BarsAndDashesWhereTwoRulesCrossAreTheRules) {
  Graphics g = kGraphics;
  g.h_rules = {BBox{70.6, 130.9, 721.8, 131.8}};
  g.v_rules = {BBox{420.1, 97.6, 421.1, 222.1}, BBox{690.5, 97.6, 691.6, 222.1}};
  std::vector<Word> words = {
      Read("Il\u2014", 420.8, 122.4, 438.8, 139.0, 0.62),       // the crossing at x 420.6
      Read("\u2014|\u2014", 666.7, 127.1, 716.4, 138.6, 0.71),  // at x 691
      Read("Il\u2014", 560.0, 122.4, 578.0, 139.0, 0.62),       // no rule crosses there: stays
      Read("I-", 420.8, 140.0, 438.8, 150.0, 0.62),             // below the row rule: stays
      Read("Xl", 420.8, 122.4, 438.8, 139.0, 0.62),             // a letter of its own: stays
  };
  DropOcrNoise(g, &words);
  EXPECT_EQ(Texts(words), (std::vector<std::string>{"Il\u2014", "I-", "Xl"}));
}

// Words OCR read on the reportlab AGS uncoded plan scanned at 200 dpi (page 1, data/scans/
// ags-2023-uncoded-200dpi.pdf), boxes in points as the engine gave them.
TEST(OcrNoise, DoubtedLettersInBoxesNoLettersFillAreMisshapen) {
  const std::vector<Word> words = {
      Read("Dar", 47.8, 247.2, 62.0, 253.9, 0.96),  // text, for the page's middle height
      Read("trámite", 64.6, 246.7, 94.9, 253.9, 0.96),
      Read("requerimientos", 140.0, 247.2, 199.0, 255.6, 0.93),
      Read("A", 336.0, 246.7, 547.4, 258.2, 0.20),       // across eight month cells of the grid
      Read("T", 334.8, 437.3, 360.5, 481.7, 0.55),       // read with some confidence: stays
      Read("LL", 440.4, 719.8, 489.8, 741.8, 0.06),      // down three rows
      Read("SON", 485.5, 422.6, 541.2, 428.6, 0.26),     // three month letters as one word
      Read("PA", 426.7, 588.5, 447.4, 591.8, 0.28),      // boxed low, but two letters of the page
      Read("\u2014", 252.2, 225.8, 258.0, 226.3, 0.40),  // a rule's fragment: DropOcrNoise's
  };
  EXPECT_EQ(Misshapen(words),
            (std::vector<bool>{false, false, false, true, false, true, true, false, false}));
}

}  // namespace
}  // namespace oplex
