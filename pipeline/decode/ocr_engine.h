// Tesseract (LSTM) reading the words of a page image into the Word type the PDF decoder makes.
//
// One engine per worker thread, created once and reused: starting one costs about 60 ms, and an
// engine is not thread-safe. Pages are read with sparse-text segmentation (PSM 11), which suits
// tables: every cell's words are found wherever they stand, and layout rebuilds lines, cells and
// reading order from the boxes, as for a born-digital page. Each word keeps the engine's
// confidence (0..1) and its letters' extents, so that layout can split a word drawn across cells.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/status.h"
#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace tesseract {
class TessBaseAPI;
}

namespace oplex {

class OcrEngine {
 public:
  // `language`: Tesseract language codes ("spa", "spa+eng"). kNotSupported, naming the package
  // to install, when its trained data is missing.
  static Result<std::unique_ptr<OcrEngine>> Create(const std::string& language);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // The words of a 1-bpp page image scanned at `dpi`, boxes in points from the top-left corner.
  // `v_rules` (points): the vertical ruling lines of the page, taken out of the image already. A
  // word read across one (the letters "E F M A" of narrow month columns run together) is read
  // again column by column: text does not cross a table's rules.
  std::vector<Word> Read(PIX* binary, int dpi, const std::vector<BBox>& v_rules = {});

  // The letters of the words of at least kMinTrialLetters letters read with a confidence of at
  // least kTrialConfidence in `image` (any depth), as it is given: text the wrong way up reads
  // as a few letters of low confidence. For orientation.h's reading trial.
  int LegibleLetters(PIX* image, int dpi);

  // The numbers in `cells` (points) of a page image at `dpi`, each cell read as one line with the
  // engine restricted to digits and the signs of numbers ("0123456789.,$%-"): cells known to hold
  // numbers. Readings without a digit are dropped.
  std::vector<Word> ReadNumbers(PIX* image, int dpi, const std::vector<BBox>& cells);

  // The same with the engine restricted to digits alone: boxes whose signs were taken out of the
  // image (a code's dots, see code_dots.h). Readings without a digit are dropped.
  std::vector<Word> ReadDigits(PIX* image, int dpi, const std::vector<BBox>& boxes);

 private:
  // A rectangle of the page image, in pixels.
  struct Strip {
    int x = 0, y = 0, w = 0, h = 0;
  };
  explicit OcrEngine(std::unique_ptr<tesseract::TessBaseAPI> api);
  // Appends the words of the last recognition, boxes in points.
  void Collect(int dpi, std::vector<Word>* words);
  // Where ink is left outside the words found: strips along a line, to read again.
  static std::vector<Strip> Leftovers(PIX* binary, const std::vector<Word>& words, int dpi);
  // Each of `boxes` read as one line with the engine restricted to `glyphs`; readings without a
  // digit are dropped.
  std::vector<Word> ReadWith(const char* glyphs, PIX* image, int dpi,
                             const std::vector<BBox>& boxes);
  // Reads the strip as one line (PSM 7) and appends its words.
  void ReadStrip(const Strip& strip, int dpi, std::vector<Word>* words);
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace oplex
