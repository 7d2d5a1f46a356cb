#include "pipeline/decode/scanned_page.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "pipeline/decode/code_dots.h"
#include "pipeline/decode/font_sizes.h"
#include "pipeline/decode/image_prep.h"
#include "pipeline/decode/missed_rules.h"
#include "pipeline/decode/numeric_cells.h"
#include "pipeline/decode/ocr_noise.h"
#include "pipeline/decode/raster.h"
#include "pipeline/decode/solid_marks.h"
#include "pipeline/decode/text_cells.h"

namespace oplex {
namespace {

// Rules and fills are looked for at about this resolution: a scan at 300 DPI is halved, which
// also averages away the grain of the paper and of JPEG compression.
constexpr int kAnalysisDpi = 150;
// Grey levels of one shade on a scan: wider than on a rendering, for the grain left over.
constexpr int kScanShadeTolerance = 8;
// Pixels around a ruling line erased with it from the OCR image: the blur of the scan.
constexpr int kRuleMargin = 2;
// A rule between two filled cells one above the other runs up to the fill within this many
// points on each side (the fill search's brick rounds a fill's corners off by about a point).
constexpr double kRowRuleGap = 2.0;
// The borders of a low row (month letters) are looked for down to this height (points).
constexpr double kShortRulePoints = 5.0;
// A word the engine lays out is at most this many times as tall as the middle one (ocr_noise.h's
// kMaxWordHeight for words read, 3, gave 93.2 % of the scan fixtures' months exact against
// 93.8 %), and at least this wide (points): a narrower one is a stroke of a rule (OCR reads it
// as "|").
constexpr double kMaxLaidOutLines = 4.0;
constexpr double kMinLaidOutWidth = 1.0;

// The most common grey level of the page: its paper.
int PaperShade(PIX* gray) {
  NumaPtr histogram(pixGetGrayHistogram(gray, 4));
  l_float32 max_value = 0;
  l_int32 level = 255;
  if (histogram) numaGetMax(histogram.get(), &max_value, &level);
  return level;
}

// The median grey level of the edge of `box` (pixels) in `gray`: the shade around a word.
int ShadeAround(PIX* gray, const PixelRect& box) {
  std::vector<int> edge;
  l_uint32 v = 0;
  for (int x = box.x0; x < box.x1; ++x) {
    pixGetPixel(gray, x, box.y0, &v), edge.push_back(static_cast<int>(v));
    pixGetPixel(gray, x, box.y1 - 1, &v), edge.push_back(static_cast<int>(v));
  }
  for (int y = box.y0 + 1; y + 1 < box.y1; ++y) {
    pixGetPixel(gray, box.x0, y, &v), edge.push_back(static_cast<int>(v));
    pixGetPixel(gray, box.x1 - 1, y, &v), edge.push_back(static_cast<int>(v));
  }
  std::nth_element(edge.begin(), edge.begin() + edge.size() / 2, edge.end());
  return edge[edge.size() / 2];
}

// Paints each word out with the shade around it: text on a filled cell leaves the cell one solid
// area. On a scan, letters blurred by the scanner break a small cell's fill into pieces too small
// to tell from the grain of the paper. Where a word on paper is set close to a ruling line, OCR's
// box may cover part of the line: that part is kept. A word OCR boxed as no text is boxed
// (ocr_noise.h: Misshapen) is painted out only on a dark fill, as the noise of its grain: on
// paper or a light fill, its box may cover the rules and fills of a grid.
void PaintOutText(PIX* gray, const std::vector<Word>& words, double ppp) {
  const int w = pixGetWidth(gray), h = pixGetHeight(gray);
  const int paper = PaperShade(gray);
  const std::vector<bool> misshapen = Misshapen(words);
  std::vector<std::pair<PixelRect, int>> painted;  // each word's box (and a pixel more), its shade
  std::vector<PixelRect> on_paper;
  for (size_t i = 0; i < words.size(); ++i) {
    const BBox& b = words[i].bbox;
    const PixelRect box{std::max(0, static_cast<int>(b.x0 * ppp) - 1),
                        std::max(0, static_cast<int>(b.y0 * ppp) - 1),
                        std::min(w, static_cast<int>(b.x1 * ppp) + 2),
                        std::min(h, static_cast<int>(b.y1 * ppp) + 2)};
    if (box.x1 - box.x0 < 3 || box.y1 - box.y0 < 3) continue;
    const int shade = ShadeAround(gray, box);
    if (misshapen[i] && shade >= kDarkFill) continue;
    painted.emplace_back(box, shade);
    if (std::abs(shade - paper) <= kScanShadeTolerance) on_paper.push_back(box);
  }
  const PixPtr ink(pixThresholdToBinary(gray, paper - kScanShadeTolerance));
  const PixPtr rules = ink ? RulesThroughBoxes(ink.get(), on_paper, ppp) : nullptr;
  const PixPtr original(rules ? pixCopy(nullptr, gray) : nullptr);
  for (const auto& [box, shade] : painted) {
    const BoxPtr inside(
        boxCreate(box.x0 + 1, box.y0 + 1, box.x1 - box.x0 - 2, box.y1 - box.y0 - 2));
    pixSetInRectArbitrary(gray, inside.get(), static_cast<l_uint32>(shade));
  }
  if (original) pixCombineMasked(gray, original.get(), rules.get());
}

// The grey page at the resolution rules and fills are looked for at.
struct AnalysisImage {
  PixPtr gray;
  double ppp = 1;  // pixels per point
};

AnalysisImage ForAnalysis(PIX* gray, int dpi) {
  const bool halve = dpi >= 2 * kAnalysisDpi;
  return AnalysisImage{PixPtr(halve ? pixScaleAreaMap2(gray) : pixCopy(nullptr, gray)),
                       (halve ? dpi / 2.0 : dpi) / 72.0};
}

// Rules and fills of the analysis image, with `all_words` (bars aside) as the text to leave out.
Graphics FindGraphics(const AnalysisImage& image, const std::vector<Word>& all_words) {
  PixPtr copy(pixCopy(nullptr, image.gray.get()));
  if (!copy) return Graphics{};
  // A bar ("|") is a rule OCR read as a word, where the binary page did not show it as one (a
  // dark fill beside it binarizes as a band that thickens it): it is no text to leave out.
  std::vector<Word> words;
  std::copy_if(all_words.begin(), all_words.end(), std::back_inserter(words),
               [](const Word& w) { return !BarsAlone(w.text); });
  PaintOutText(copy.get(), words, image.ppp);
  // Leptonica keeps 8-bit pixels in 32-bit words, byte-swapped on little-endian machines; the
  // raster analysis reads plain rows of bytes.
  pixEndianByteSwap(copy.get());
  GrayView view;
  view.data = reinterpret_cast<const uint8_t*>(pixGetData(copy.get()));
  view.width = pixGetWidth(copy.get());
  view.height = pixGetHeight(copy.get());
  view.stride = pixGetWpl(copy.get()) * 4;
  view.pixels_per_point = image.ppp;
  std::vector<BBox> text;
  for (const Word& w : words) text.push_back(w.bbox);
  RasterOptions options;
  options.color_tolerance = kScanShadeTolerance;
  options.fill_smoothing = 1;  // a 3 × 3 mean takes the grain out of a fill
  options.fill_margin_points = 0;
  options.thin_line_contrast = kScanShadeTolerance;
  options.fill_edges_are_rules = true;
  return AnalyzeRaster(view, text, options);
}

// Takes the ruling lines out of the image the OCR engine reads: left in, a table's rules are
// read as "|" and "_" and glue the words of neighbouring cells into one. They are found on the
// binary image itself, where the grey halo of blurred letters (which a search on the grey image
// would take for lines along the text) is gone.
Graphics EraseRules(PIX* binary, double ppp) {
  Graphics rules;
  RasterOptions options;
  options.short_v_rule_points = kShortRulePoints;
  FindRuleLines(binary, ppp, options, &rules.h_rules, &rules.v_rules);
  for (const auto* lines : {&rules.h_rules, &rules.v_rules}) {
    for (const BBox& r : *lines) pixClearInRect(binary, PixelBox(r, ppp, kRuleMargin).get());
  }
  return rules;
}

// Words the engine laid out before reading them, as the text to leave out of the search on the
// grey page. A box many lines tall is no word but what is left of a grid (its erased rules' ends,
// the dashes of a light one) taken in with the words beside it, and a box narrower than any letter
// is a stroke of a rule (as FindGraphics leaves out the words read as bars): kept, they would hide
// the grid.
std::vector<Word> LaidOutWords(const std::vector<BBox>& boxes) {
  std::vector<Word> words;
  for (const BBox& b : boxes) {
    Word w;
    w.bbox = b;
    w.confidence = 1;  // unread: not the engine's noise (ocr_noise.h Misshapen)
    words.push_back(std::move(w));
  }
  const double tallest = kMaxLaidOutLines * MiddleHeight(words);
  std::erase_if(words, [&](const Word& w) {
    return w.bbox.y1 - w.bbox.y0 > tallest || w.bbox.x1 - w.bbox.x0 < kMinLaidOutWidth;
  });
  return words;
}

// Erases `missed` (missed_rules.h) from the binary page and adds them to `rules`; false when
// there are none.
bool EraseMissedRules(const Graphics& missed, PIX* binary, double ppp, Graphics* rules) {
  if (missed.h_rules.empty() && missed.v_rules.empty()) return false;
  for (const auto& [lines, into] :
       {std::pair{&missed.h_rules, &rules->h_rules}, std::pair{&missed.v_rules, &rules->v_rules}}) {
    for (const BBox& r : *lines) {
      pixClearInRect(binary, PixelBox(r, ppp, kRuleMargin).get());
      into->push_back(r);
    }
  }
  return true;
}

}  // namespace

Page ReadScannedPage(const PIX* image, int dpi, int number, OcrEngine& engine,
                     OcrDocument* document) {
  Page page;
  page.number = number;
  page.ocr = true;
  PreparedImage prepared = PrepareImage(
      image, dpi, [&engine](PIX* sample, int at) { return engine.LegibleLetters(sample, at); });
  const double ppp = dpi / 72.0;
  if (prepared.gray) {
    page.width = pixGetWidth(prepared.gray.get()) / ppp;
    page.height = pixGetHeight(prepared.gray.get()) / ppp;
  }
  if (document != nullptr && (prepared.content != ImageContent::kText || !prepared.binary)) {
    if (Status s = document->AddUnreadPage(prepared.gray.get(), dpi); !s.ok()) {
      page.notes.push_back(PageNote{number, "page_unread", "ocr", s.message()});
    }
  }
  switch (prepared.content) {
    case ImageContent::kBlank:
      page.notes.push_back(PageNote{number, "page_unread", "ocr", "the page is blank"});
      return page;
    case ImageContent::kSolid:
      page.notes.push_back(PageNote{number, "page_unread", "ocr", "the page is solid black"});
      return page;
    case ImageContent::kText:
      break;
  }
  if (!prepared.binary) {
    page.notes.push_back(
        PageNote{number, "page_unread", "ocr", "the image could not be prepared for OCR"});
    return page;
  }
  // The rules come out first, so that the engine reads the text alone.
  const AnalysisImage analysis = ForAnalysis(prepared.gray.get(), dpi);
  if (!analysis.gray) {
    page.notes.push_back(
        PageNote{number, "page_unread", "ocr", "the image could not be prepared for OCR"});
    return page;
  }
  Graphics rules = EraseRules(prepared.binary.get(), ppp);
  // Rules the binary page showed as dashes, which the words laid out stand on (missed_rules.h):
  // erased before the page is read. Left alone, the engine reads the page as it laid it out.
  const std::vector<Word> laid_out = LaidOutWords(engine.LayOut(prepared.binary.get(), dpi));
  EraseMissedRules(RulesMissedUnderWords(FindGraphics(analysis, laid_out), rules, laid_out,
                                         prepared.binary.get(), ppp),
                   prepared.binary.get(), ppp, &rules);
  page.words =
      engine.Read(prepared.binary.get(), dpi, rules.v_rules, {document, prepared.gray.get()});
  if (!page.words.empty()) {
    // Rules and fills from the grey page with the words left out, as on a born-digital page
    // (light grey rules show only there), and the rules of the binary page, which words cannot
    // hide.
    page.graphics = FindGraphics(analysis, page.words);
    // Such rules that the words read stand on, where the layout did not show them: the page is
    // read again without them (a document being written keeps the first reading).
    if (EraseMissedRules(
            RulesMissedUnderWords(*page.graphics, rules, page.words, prepared.binary.get(), ppp),
            prepared.binary.get(), ppp, &rules)) {
      page.words = engine.Read(prepared.binary.get(), dpi, rules.v_rules, {});
      page.graphics = FindGraphics(analysis, page.words);
    }
  }
  if (page.words.empty()) {
    page.notes.push_back(PageNote{number, "page_unread", "ocr", "OCR found no words"});
    return page;
  }
  Graphics& g = *page.graphics;
  g.h_rules.insert(g.h_rules.end(), rules.h_rules.begin(), rules.h_rules.end());
  g.v_rules.insert(g.v_rules.end(), rules.v_rules.begin(), rules.v_rules.end());
  SplitFillsAtRowRules(&g, kRowRuleGap);
  DropOcrNoise(g, &page.words);
  ReadSolidMarks(g, prepared.binary.get(), ppp, &page.words);
  // Doubted cells of text read again, each alone, from the grey page.
  const std::vector<TextCell> doubted = TextCellsToRead(g, page.words);
  std::vector<BBox> doubted_boxes;
  for (const TextCell& c : doubted) doubted_boxes.push_back(c.box);
  PutTexts(doubted, engine.ReadCells(prepared.gray.get(), dpi, doubted_boxes), &page.words);
  // Cells of columns of numbers read again digits-only, from the grey page (their rules still in
  // it, but outside the cells read), where no erased rule has cut into a number.
  std::vector<NumericCell> cells = NumericCellsToRead(g, page.words, prepared.binary.get(), ppp);
  std::vector<BBox> boxes;
  for (const NumericCell& c : cells) boxes.push_back(c.box);
  std::vector<Word> numbers = engine.ReadNumbers(prepared.gray.get(), dpi, boxes);
  // A misread cell read to nothing around its words is read again across its width.
  std::vector<BBox> lines;
  for (size_t i : UnreadWordCells(cells, numbers)) {
    cells[i].box = cells[i].line;
    lines.push_back(cells[i].line);
  }
  std::vector<Word> across = engine.ReadNumbers(prepared.gray.get(), dpi, lines);
  numbers.insert(numbers.end(), std::make_move_iterator(across.begin()),
                 std::make_move_iterator(across.end()));
  PutNumbers(cells, std::move(numbers), &page.words);
  // Codes whose dots OCR dropped: their digits read again without the dots.
  const std::vector<CodeWord> codes = CodesToRead(g, page.words, prepared.gray.get(), ppp);
  if (!codes.empty()) {
    const PixPtr undotted = WithoutDots(prepared.gray.get(), codes, ppp);
    std::vector<BBox> code_boxes;
    for (const CodeWord& c : codes) {
      if (c.misread) code_boxes.push_back(c.box);
    }
    PutCodes(codes,
             undotted ? engine.ReadDigits(undotted.get(), dpi, code_boxes) : std::vector<Word>{},
             &page.words);
  }
  GroupFontSizes(&page.words);
  return page;
}

}  // namespace oplex
