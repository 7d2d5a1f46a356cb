// Tesseract (LSTM) reading the words of a page image into the Word type the PDF decoder makes.
//
// One engine per worker thread, created once and reused: starting one costs about 60 ms, and an
// engine is not thread-safe. Pages are read with sparse-text segmentation (PSM 11), which suits
// tables: every cell's words are found wherever they stand, and layout rebuilds lines, cells and
// reading order from the boxes, as for a born-digital page. Each word keeps the engine's
// confidence (0..1) and its letters' extents, so that layout can split a word drawn across cells.
//
// Tesseract lives in a module of its own (liboplex_tesseract.so, built from ocr_engine.cpp), which
// Create loads on first use (ocr_loader.cpp): a run that reads no scan never loads Tesseract and
// the libraries it pulls in, and OpenMP reads the thread limit set just before.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/status.h"
#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

// The formats of Tesseract's own renderers (tesseract/renderer.h): a searchable PDF (each page's
// image under an invisible text layer), ALTO XML, hOCR, plain text.
enum class OcrFormat { kPdf, kAlto, kHocr, kText };

// A document Tesseract's renderers write, page after page, into one file (OcrEngine::
// BeginDocument). Pages are added by OcrEngine::Read; the engine must outlive the document.
class OcrDocument {
 public:
  virtual ~OcrDocument() = default;
  OcrDocument(const OcrDocument&) = delete;
  OcrDocument& operator=(const OcrDocument&) = delete;

  // Adds a page no words are read on (blank, solid black): its image alone.
  virtual Status AddUnreadPage(PIX* shown, int dpi) = 0;
  // Writes the end of the document and closes its file.
  virtual Status End() = 0;

 protected:
  OcrDocument() = default;
};

// What Read adds to a document besides returning the words: the reading of its page pass (before
// the words it reads again) over `shown`, the page image the document keeps (the size of the
// image read).
struct DocumentPage {
  OcrDocument* document = nullptr;
  PIX* shown = nullptr;
};

class OcrEngine {
 public:
  // `language`: Tesseract language codes ("spa", "spa+eng"). kNotSupported, naming the package
  // to install, when its trained data is missing, or when the engine's module cannot be loaded.
  // The first call loads the module, once OMP_THREAD_LIMIT=1 is set (a limit the user set is
  // kept): OpenMP reads it as it loads, with Tesseract.
  static Result<std::unique_ptr<OcrEngine>> Create(const std::string& language);
  virtual ~OcrEngine() = default;
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // The words of a 1-bpp page image scanned at `dpi`, boxes in points from the top-left corner.
  // `v_rules` (points): the vertical ruling lines of the page, taken out of the image already. A
  // word read across one (the letters "E F M A" of narrow month columns run together) is read
  // again column by column: text does not cross a table's rules. Text set vertically (a month's
  // name up a narrow column of a grid's header), which the page pass reads as noise or not at
  // all, is read turned upright, its words vertical (Word::rotation 1 or 3).
  // `also`: the document the page pass's reading is added to, if any.
  virtual std::vector<Word> Read(PIX* binary, int dpi, const std::vector<BBox>& v_rules,
                                 const DocumentPage& also) = 0;
  std::vector<Word> Read(PIX* binary, int dpi) { return Read(binary, dpi, {}, {}); }

  // The boxes (points) of the words the page pass of Read finds in `binary`, laid out but not
  // read. The next Read of the same image, its pixels unchanged, reads them without laying the
  // page out again.
  virtual std::vector<BBox> LayOut(PIX* binary, int dpi) = 0;

  // Begins a document in `format` written to `path` (the whole file name), titled `title`, of
  // the pages `source` (a file name, for ALTO's and hOCR's source image) holds. kIoError naming
  // `path` when it cannot be written.
  virtual Result<std::unique_ptr<OcrDocument>> BeginDocument(OcrFormat format,
                                                             const std::string& path,
                                                             const std::string& title,
                                                             const std::string& source) = 0;

  // The letters of the words of at least kMinTrialLetters letters read with a confidence of at
  // least kTrialConfidence in `image` (any depth), as it is given: text the wrong way up reads
  // as a few letters of low confidence. For orientation.h's reading trial.
  virtual int LegibleLetters(PIX* image, int dpi) = 0;

  // The numbers in `cells` (points) of a page image at `dpi`, each cell read as one line with the
  // engine restricted to digits and the signs of numbers ("0123456789.,$%-"): cells known to hold
  // numbers. Readings without a digit are dropped.
  virtual std::vector<Word> ReadNumbers(PIX* image, int dpi, const std::vector<BBox>& cells) = 0;

  // The same with the engine restricted to digits alone: boxes whose signs were taken out of the
  // image (a code's dots, see code_dots.h). Readings without a digit are dropped.
  virtual std::vector<Word> ReadDigits(PIX* image, int dpi, const std::vector<BBox>& boxes) = 0;

  // The words in `cells` (points) of a grey page image at `dpi`, each cell read alone as a block
  // of lines: the cells of a scanned table whose words the page pass doubted (text_cells.h).
  virtual std::vector<Word> ReadCells(PIX* image, int dpi, const std::vector<BBox>& cells) = 0;

 protected:
  OcrEngine() = default;
};

// The entry point of the engine's module (ocr_engine.cpp): a new engine for `language`, or null
// with what went wrong in `error`.
using NewOcrEngine = OcrEngine* (*)(const char* language, std::string* error);
inline constexpr char kNewOcrEngine[] = "oplex_new_ocr_engine";

}  // namespace oplex
