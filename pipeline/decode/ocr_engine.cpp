#include "pipeline/decode/ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/renderer.h>
#include <tesseract/resultiterator.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// The height of a row's capitals and ascenders above its baseline; a font's size (its em) is
// about this many times larger in the common sans and serif faces.
constexpr double kEmPerRowHeight = 1.0 / 0.72;
// Leftover ink: pixels around a word's box that are its own; marks of one line closer than this
// (inches) read as one strip; strips shorter than a small glyph are specks, taller than a line
// are not text; the margin read around a strip.
constexpr int kWordMargin = 2;
constexpr double kStripJoinInches = 0.5;
constexpr double kMinGlyphInches = 0.03;
constexpr double kMaxLineInches = 0.3;
constexpr double kStripPadInches = 0.02;
// Vertical text (a month's name set up a narrow column of a grid's header): ink left outside the
// words found, its letters joined up and down across gaps up to a word space (inches) but not to
// the next row's marks, at least this tall (inches) and this many times taller than wide, read
// turned upright; a reading stands with at least kMinTurnedLetters letters read with at least
// kTurnedConfidence (0..1).
constexpr double kVerticalJoinInches = 0.06;
constexpr double kMinVerticalInches = 0.15;
constexpr int kVerticalAspect = 2;
constexpr size_t kMinTurnedLetters = 3;
constexpr double kTurnedConfidence = 0.6;
// The reading trial counts the letters of words at least this long read with at least this
// confidence (0..100): short words and low confidence are what text the wrong way up gives.
constexpr size_t kMinTrialLetters = 3;
constexpr float kTrialConfidence = 80;
// What a cell known to hold a number is read with.
constexpr char kNumberGlyphs[] = "0123456789.,$%-";
constexpr char kDigits[] = "0123456789";

// Whether most of box a lies within box b.
bool MostlyWithin(const BBox& a, const BBox& b) { return Area(Intersect(a, b)) > 0.5 * Area(a); }

std::string TakeText(char* text) {
  std::string out = text != nullptr ? text : "";
  delete[] text;
  return out;
}

// A document of one of Tesseract's renderers, fed by the engine's TessBaseAPI after each page's
// recognition.
class TesseractDocument final : public OcrDocument {
 public:
  TesseractDocument(tesseract::TessBaseAPI* api, std::unique_ptr<tesseract::TessResultRenderer> r,
                    std::string path)
      : api_(api), renderer_(std::move(r)), path_(std::move(path)) {}

  // Adds the page the engine recognised last, its image shown as `shown`; the engine's own image
  // is set back, so that what it reads next on the page is read from that image. A page that
  // cannot be added fails the document's End.
  void AddRecognized(PIX* shown) {
    // SetInputImage takes the image it is given: each call gets a reference of its own.
    PIX* read = api_->GetInputImage();
    PIX* kept = read != nullptr ? pixClone(read) : nullptr;
    api_->SetInputImage(pixClone(shown));
    failed_ = !renderer_->AddImage(api_) || failed_;
    api_->SetInputImage(kept);
  }

  Status AddUnreadPage(PIX* shown, int dpi) override {
    if (shown == nullptr) return Status::InvalidInput("no page image to add to " + path_);
    // The renderers walk the last recognition: a blank page's gives no words.
    api_->SetImage(shown);
    api_->SetSourceResolution(dpi);
    api_->SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
    const bool recognized = api_->Recognize(nullptr) == 0;
    if (recognized) AddRecognized(shown);
    api_->Clear();
    return recognized ? Status::Ok() : Status::IoError("cannot read a page for " + path_);
  }

  Status End() override {
    const bool ended = renderer_->EndDocument();
    if (ended && renderer_->happy() && !failed_) return Status::Ok();
    return Status::IoError("cannot write " + path_);
  }

 private:
  tesseract::TessBaseAPI* api_;
  std::unique_ptr<tesseract::TessResultRenderer> renderer_;
  std::string path_;
  bool failed_ = false;
};

// One Tesseract engine (not thread-safe).
class TesseractEngine final : public OcrEngine {
 public:
  explicit TesseractEngine(std::unique_ptr<tesseract::TessBaseAPI> api) : api_(std::move(api)) {}
  ~TesseractEngine() override { api_->End(); }

  std::vector<Word> Read(PIX* binary, int dpi, const std::vector<BBox>& v_rules,
                         const DocumentPage& also) override;
  Result<std::unique_ptr<OcrDocument>> BeginDocument(OcrFormat format, const std::string& path,
                                                     const std::string& title,
                                                     const std::string& source) override;
  int LegibleLetters(PIX* image, int dpi) override;
  std::vector<BBox> LayOut(PIX* binary, int dpi) override;
  std::vector<Word> ReadNumbers(PIX* image, int dpi, const std::vector<BBox>& cells) override;
  std::vector<Word> ReadDigits(PIX* image, int dpi, const std::vector<BBox>& boxes) override;
  std::vector<Word> ReadCells(PIX* image, int dpi, const std::vector<BBox>& cells) override;

 private:
  // A rectangle of the page image, in pixels.
  struct Strip {
    int x = 0, y = 0, w = 0, h = 0;
  };
  // `box` (points) as pixels of `image` at `dpi`, inside the image; nullopt when nothing is left.
  static std::optional<Strip> InImage(const BBox& box, PIX* image, int dpi);
  // Appends the words of the last recognition, boxes in points.
  void Collect(int dpi, std::vector<Word>* words);
  // Where ink is left outside the words found: strips along a line, to read again.
  static std::vector<Strip> Leftovers(PIX* binary, const std::vector<Word>& words, int dpi);
  // Where ink outside the words found with confidence stands as a column of letters: vertical
  // text (the page pass reads it as noise, "= 4" for "Abril", or not at all).
  static std::vector<Strip> Columns(PIX* binary, const std::vector<Word>& words, int dpi);
  // A copy of `binary` without the words read with at least `confidence` (0..1).
  static PixPtr InkOutside(PIX* binary, const std::vector<Word>& words, int dpi, double confidence);
  // The pieces of `ink` once closed by a `wide` × `tall` brick (pixels).
  static std::vector<Strip> Pieces(PIX* ink, int wide, int tall);
  // `piece` with a margin of kStripPadInches, within `image`.
  static Strip Padded(const Strip& piece, PIX* image, int dpi);
  // Reads the strip of `binary` turned a quarter each way: the words of the way that reads
  // letters with confidence, if either does, as vertical words in place on the page.
  std::vector<Word> ReadTurned(PIX* binary, const Strip& strip, int dpi);
  // Each of `boxes` read as one line with the engine restricted to `glyphs`; readings without a
  // digit are dropped.
  std::vector<Word> ReadWith(const char* glyphs, PIX* image, int dpi,
                             const std::vector<BBox>& boxes);
  // Reads the strip as one line (PSM 7) and appends its words.
  void ReadStrip(const Strip& strip, int dpi, std::vector<Word>* words);
  // Gives the engine `image`, scanned at `dpi`, to be segmented by `mode`.
  void SetPage(PIX* image, int dpi, tesseract::PageSegMode mode) {
    api_->SetImage(image);
    api_->SetSourceResolution(dpi);
    api_->SetPageSegMode(mode);
  }
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace

// The module's entry point (see NewOcrEngine).
extern "C" __attribute__((visibility("default"))) OcrEngine* oplex_new_ocr_engine(
    const char* language, std::string* error) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Tesseract writes its notes ("Estimating resolution…") to stderr unless told otherwise.
  api->SetVariable("debug_file", "/dev/null");
  if (api->Init(nullptr, language, tesseract::OEM_LSTM_ONLY) != 0) {
    *error = std::string("Tesseract has no trained data for language \"") + language +
             "\" (on Debian: apt-get install tesseract-ocr-" + language + ")";
    return nullptr;
  }
  // Paragraphs found from the lines' shapes before recognition, not again from their text after
  // it: oplex reads words, and the paragraphs of the documents `oplex ocr` writes came out the
  // same on the scanned fixtures. The text pass cost about 1 % of a page's OCR.
  api->SetVariable("paragraph_text_based", "0");
  // A line whose least sure letter is below this confidence is read again inverted, and the
  // inverted reading kept when it is surer throughout (Tesseract's default: 0.7). Dark bands are
  // made light before OCR (image_prep.h): the retry is left for the white lines they missed,
  // which read far below it. On the scan fixtures (`oplex_ocr_accuracy`) months exact were
  // 93.8 % at 0.7 (marks of months lost: the BCS X scan 95.8 %), 94.8 % at 0.5 (the BCS X scan
  // 100 %), 95.1 % at 0.4 and 92.6 % at 0.3, where the white lines of the bars scan lost it; the
  // words' text and the realdocs table were the same from 0.7 to 0.4.
  api->SetVariable("invert_threshold", "0.5");
  return new TesseractEngine(std::move(api));
}

Result<std::unique_ptr<OcrDocument>> TesseractEngine::BeginDocument(OcrFormat format,
                                                                    const std::string& path,
                                                                    const std::string& title,
                                                                    const std::string& source) {
  // A renderer writes to its base name and its own extension: the extension is taken off `path`
  // when it is the renderer's, and the caller names files with it (see ocr.cpp).
  const std::string base = path.substr(0, path.rfind('.'));
  std::unique_ptr<tesseract::TessResultRenderer> renderer;
  switch (format) {
    case OcrFormat::kPdf:
      renderer = std::make_unique<tesseract::TessPDFRenderer>(base.c_str(), api_->GetDatapath());
      break;
    case OcrFormat::kAlto:
      renderer = std::make_unique<tesseract::TessAltoRenderer>(base.c_str());
      break;
    case OcrFormat::kHocr:
      renderer = std::make_unique<tesseract::TessHOcrRenderer>(base.c_str());
      break;
    case OcrFormat::kText:
      renderer = std::make_unique<tesseract::TessTextRenderer>(base.c_str());
      break;
  }
  if (base + "." + renderer->file_extension() != path) {
    return Status::InvalidInput(path + " does not end in ." + renderer->file_extension());
  }
  // The PDF renderer embeds the file named as the page's image when it can read it: the page
  // it shows is the prepared one, so it is given no name.
  api_->SetInputName(format == OcrFormat::kPdf ? "" : source.c_str());
  if (!renderer->BeginDocument(title.c_str()) || !renderer->happy()) {
    return Status::IoError("cannot write " + path);
  }
  return std::unique_ptr<OcrDocument>(
      std::make_unique<TesseractDocument>(api_.get(), std::move(renderer), path));
}

std::vector<Word> TesseractEngine::Read(PIX* binary, int dpi, const std::vector<BBox>& v_rules,
                                        const DocumentPage& also) {
  std::vector<Word> words;
  // The engine still holds the image LayOut laid out, unchanged: its layout is read as it is.
  PixPtr held(api_->GetThresholdedImage());
  l_int32 same = 0;
  if (!held || pixEqual(held.get(), binary, &same) != 0 || same == 0) {
    SetPage(binary, dpi, tesseract::PSM_SPARSE_TEXT);
  }
  if (api_->Recognize(nullptr) == 0) {
    Collect(dpi, &words);
    if (also.document != nullptr) {
      static_cast<TesseractDocument*>(also.document)->AddRecognized(also.shown);
    }
  }
  const double ppp = dpi / 72.0;

  // Words across a vertical rule, read again between the rules.
  std::vector<Word> kept;
  std::vector<Strip> pieces;
  for (Word& w : words) {
    std::vector<double> cuts;
    for (const BBox& r : v_rules) {
      const double x = (r.x0 + r.x1) / 2;
      if (x > w.bbox.x0 && x < w.bbox.x1 && r.y0 <= w.bbox.y0 && r.y1 >= w.bbox.y1) {
        cuts.push_back(x);
      }
    }
    if (cuts.empty()) {
      kept.push_back(std::move(w));
      continue;
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.insert(cuts.begin(), w.bbox.x0);
    cuts.push_back(w.bbox.x1);
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
      const int x0 = static_cast<int>(cuts[i] * ppp) + kWordMargin;
      const int x1 = static_cast<int>(cuts[i + 1] * ppp) - kWordMargin;
      const int y0 = static_cast<int>(w.bbox.y0 * ppp) - kWordMargin;
      const int y1 = static_cast<int>(w.bbox.y1 * ppp) + kWordMargin;
      if (x1 > x0) pieces.push_back(Strip{x0, std::max(0, y0), x1 - x0, y1 - std::max(0, y0)});
    }
  }
  words = std::move(kept);
  for (const Strip& piece : pieces) ReadStrip(piece, dpi, &words);

  // Vertical text, in place of what the page pass read there; then the page again for what is
  // left.
  const std::vector<Strip> columns = Columns(binary, words, dpi);
  for (const Strip& column : columns) {
    std::vector<Word> turned = ReadTurned(binary, column, dpi);
    if (turned.empty()) continue;
    const BBox box{column.x / ppp, column.y / ppp, (column.x + column.w) / ppp,
                   (column.y + column.h) / ppp};
    std::erase_if(words, [&](const Word& w) { return MostlyWithin(w.bbox, box); });
    words.insert(words.end(), std::make_move_iterator(turned.begin()),
                 std::make_move_iterator(turned.end()));
  }
  if (!columns.empty()) {
    api_->SetImage(binary);
    api_->SetSourceResolution(dpi);
  }

  // What the page pass left: sparse-text segmentation drops small lone marks (an "X" in a month
  // cell) and short numbers far from other text. The ink outside every word found, gathered
  // into strips along its line, is read again as single lines.
  const size_t found = words.size();
  for (const Strip& strip : Leftovers(binary, words, dpi)) ReadStrip(strip, dpi, &words);
  // A strip's edge may take in a word read already: the first reading stays.
  std::vector<Word> strips(std::make_move_iterator(words.begin() + static_cast<ptrdiff_t>(found)),
                           std::make_move_iterator(words.end()));
  words.resize(found);
  for (Word& w : strips) {
    const bool known = std::any_of(words.begin(), words.begin() + static_cast<ptrdiff_t>(found),
                                   [&](const Word& k) { return MostlyWithin(w.bbox, k.bbox); });
    if (!known) words.push_back(std::move(w));
  }
  api_->Clear();
  // A letter or digit is never flatter than the smallest glyph: such a word is what the engine
  // made of a fragment of a ruling line. (A dash may be that flat.)
  const double min_glyph = kMinGlyphInches * 72.0;
  std::erase_if(words, [&](const Word& w) {
    const bool letters = std::any_of(w.text.begin(), w.text.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0;
    });
    return w.text.empty() || (letters && w.bbox.y1 - w.bbox.y0 < min_glyph);
  });
  return words;
}

std::vector<BBox> TesseractEngine::LayOut(PIX* binary, int dpi) {
  std::vector<BBox> boxes;
  SetPage(binary, dpi, tesseract::PSM_SPARSE_TEXT);
  const std::unique_ptr<tesseract::PageIterator> it(api_->AnalyseLayout());
  if (!it) return boxes;
  const double ppp = dpi / 72.0;
  do {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) {
      boxes.push_back(BBox{x0 / ppp, y0 / ppp, x1 / ppp, y1 / ppp});
    }
  } while (it->Next(tesseract::RIL_WORD));
  return boxes;
}

int TesseractEngine::LegibleLetters(PIX* image, int dpi) {
  SetPage(image, dpi, tesseract::PSM_SPARSE_TEXT);
  int legible = 0;
  if (api_->Recognize(nullptr) == 0) {
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (it) {
      do {
        const std::string text = TakeText(it->GetUTF8Text(tesseract::RIL_WORD));
        const size_t letters = Letters(text);
        if (letters >= kMinTrialLetters &&
            it->Confidence(tesseract::RIL_WORD) >= kTrialConfidence) {
          legible += static_cast<int>(letters);
        }
      } while (it->Next(tesseract::RIL_WORD));
    }
  }
  api_->Clear();
  return legible;
}

std::vector<Word> TesseractEngine::ReadNumbers(PIX* image, int dpi,
                                               const std::vector<BBox>& cells) {
  return ReadWith(kNumberGlyphs, image, dpi, cells);
}

std::vector<Word> TesseractEngine::ReadDigits(PIX* image, int dpi, const std::vector<BBox>& boxes) {
  return ReadWith(kDigits, image, dpi, boxes);
}

std::vector<Word> TesseractEngine::ReadCells(PIX* image, int dpi, const std::vector<BBox>& cells) {
  std::vector<Word> words;
  if (cells.empty()) return words;
  SetPage(image, dpi, tesseract::PSM_SINGLE_BLOCK);
  for (const BBox& cell : cells) {
    const std::optional<Strip> strip = InImage(cell, image, dpi);
    if (!strip) continue;
    api_->SetRectangle(strip->x, strip->y, strip->w, strip->h);
    if (api_->Recognize(nullptr) == 0) Collect(dpi, &words);
  }
  api_->Clear();
  std::erase_if(words, [](const Word& w) { return w.text.empty(); });
  return words;
}

std::vector<Word> TesseractEngine::ReadWith(const char* glyphs, PIX* image, int dpi,
                                            const std::vector<BBox>& boxes) {
  std::vector<Word> words;
  if (boxes.empty()) return words;
  api_->SetImage(image);
  api_->SetSourceResolution(dpi);
  api_->SetVariable("tessedit_char_whitelist", glyphs);
  for (const BBox& cell : boxes) {
    if (const std::optional<Strip> strip = InImage(cell, image, dpi))
      ReadStrip(*strip, dpi, &words);
  }
  api_->SetVariable("tessedit_char_whitelist", "");
  api_->Clear();
  std::erase_if(words, [](const Word& w) {
    return std::none_of(w.text.begin(), w.text.end(),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  });
  return words;
}

std::optional<TesseractEngine::Strip> TesseractEngine::InImage(const BBox& box, PIX* image,
                                                               int dpi) {
  const double ppp = dpi / 72.0;
  const int x0 = std::max(0, static_cast<int>(box.x0 * ppp));
  const int y0 = std::max(0, static_cast<int>(box.y0 * ppp));
  const int x1 = std::min(pixGetWidth(image), static_cast<int>(box.x1 * ppp));
  const int y1 = std::min(pixGetHeight(image), static_cast<int>(box.y1 * ppp));
  if (x1 <= x0 || y1 <= y0) return std::nullopt;
  return Strip{x0, y0, x1 - x0, y1 - y0};
}

void TesseractEngine::ReadStrip(const Strip& strip, int dpi, std::vector<Word>* words) {
  api_->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  api_->SetRectangle(strip.x, strip.y, strip.w, strip.h);
  if (api_->Recognize(nullptr) == 0) Collect(dpi, words);
}

void TesseractEngine::Collect(int dpi, std::vector<Word>* out) {
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (!it) return;
  std::vector<Word>& words = *out;
  const size_t first = words.size();
  const double ppp = dpi / 72.0;
  using tesseract::RIL_SYMBOL;
  using tesseract::RIL_WORD;
  do {
    if (it->Empty(RIL_SYMBOL)) continue;
    if (it->IsAtBeginningOf(RIL_WORD) || words.size() == first) {
      Word w;
      w.text = TakeText(it->GetUTF8Text(RIL_WORD));
      int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      it->BoundingBox(RIL_WORD, &x0, &y0, &x1, &y1);
      w.bbox = BBox{x0 / ppp, y0 / ppp, x1 / ppp, y1 / ppp};
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      // The row's height takes in its descenders (as many as the engine estimates for the row: a
      // line without "p" or "g" is estimated shorter); without them it is the same on every line
      // of a size.
      const float above_baseline = row_height + descenders;
      w.font_size = above_baseline > 0 ? above_baseline * kEmPerRowHeight / ppp : (y1 - y0) / ppp;
      w.confidence = std::clamp(it->Confidence(RIL_WORD) / 100.0, 0.0, 1.0);
      w.space_after = true;  // the engine's words are words: a space between any two
      words.push_back(std::move(w));
    }
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    it->BoundingBox(RIL_SYMBOL, &x0, &y0, &x1, &y1);
    words.back().glyphs.push_back(Glyph{TakeText(it->GetUTF8Text(RIL_SYMBOL)), x0 / ppp, x1 / ppp});
  } while (it->Next(RIL_SYMBOL));
}

std::vector<TesseractEngine::Strip> TesseractEngine::Columns(PIX* binary,
                                                             const std::vector<Word>& words,
                                                             int dpi) {
  const PixPtr left = InkOutside(binary, words, dpi, kTurnedConfidence);
  const int join = std::max(1, static_cast<int>(kVerticalJoinInches * dpi));
  const int min_w = static_cast<int>(kMinGlyphInches * dpi);
  const int max_w = static_cast<int>(kMaxLineInches * dpi);
  const int min_h = static_cast<int>(kMinVerticalInches * dpi);
  std::vector<Strip> out;
  for (const Strip& s : Pieces(left.get(), 1, join)) {
    if (s.w < min_w || s.w > max_w || s.h < min_h || s.h < kVerticalAspect * s.w) continue;
    out.push_back(Padded(s, binary, dpi));
  }
  return out;
}

std::vector<Word> TesseractEngine::ReadTurned(PIX* binary, const Strip& strip, int dpi) {
  const BoxPtr box(boxCreate(strip.x, strip.y, strip.w, strip.h));
  const PixPtr crop(pixClipRectangle(binary, box.get(), nullptr));
  if (!crop) return {};
  const double ppp = dpi / 72.0;
  const double w = strip.w / ppp, h = strip.h / ppp;  // the strip, in points
  std::vector<Word> best;
  double best_score = 0;
  // Turned a quarter clockwise, text set upwards stands upright (rotation 3); turned three
  // quarters, text set downwards (rotation 1).
  for (const int turns : {1, 3}) {
    const PixPtr turned(pixRotateOrth(crop.get(), turns));
    if (!turned) continue;
    SetPage(turned.get(), dpi, tesseract::PSM_SINGLE_LINE);
    std::vector<Word> read;
    if (api_->Recognize(nullptr) == 0) Collect(dpi, &read);
    double score = 0;
    for (Word& word : read) {
      if (word.confidence >= kTurnedConfidence) {
        score += word.confidence * static_cast<double>(Letters(word.text));
      }
      // Back to the page: the turned strip's x runs up the strip (down it, turned three
      // quarters), its y across it.
      const BBox& b = word.bbox;
      word.bbox =
          turns == 1 ? BBox{b.y0, h - b.x1, b.y1, h - b.x0} : BBox{w - b.y1, b.x0, w - b.y0, b.x1};
      word.bbox = BBox{word.bbox.x0 + strip.x / ppp, word.bbox.y0 + strip.y / ppp,
                       word.bbox.x1 + strip.x / ppp, word.bbox.y1 + strip.y / ppp};
      word.rotation = turns == 1 ? 3 : 1;
      word.glyphs.clear();
    }
    if (score > best_score) best_score = score, best = std::move(read);
  }
  if (best_score < kMinTurnedLetters * kTurnedConfidence) return {};
  return best;
}

std::vector<TesseractEngine::Strip> TesseractEngine::Leftovers(PIX* binary,
                                                               const std::vector<Word>& words,
                                                               int dpi) {
  const PixPtr left = InkOutside(binary, words, dpi, 0.0);
  // Marks of one line of a table are a cell apart: joined along the line, never across lines.
  const int join = std::max(1, static_cast<int>(kStripJoinInches * dpi));
  const int min_h = static_cast<int>(kMinGlyphInches * dpi);
  const int max_h = static_cast<int>(kMaxLineInches * dpi);
  std::vector<Strip> out;
  for (const Strip& s : Pieces(left.get(), join, 1)) {
    if (s.h < min_h || s.h > max_h || s.w < min_h) continue;  // specks, and pictures or bars
    out.push_back(Padded(s, binary, dpi));
  }
  return out;
}

PixPtr TesseractEngine::InkOutside(PIX* binary, const std::vector<Word>& words, int dpi,
                                   double confidence) {
  PixPtr left(pixCopy(nullptr, binary));
  if (!left) return left;
  const double ppp = dpi / 72.0;
  for (const Word& w : words) {
    if (w.confidence >= confidence) {
      pixClearInRect(left.get(), PixelBox(w.bbox, ppp, kWordMargin).get());
    }
  }
  return left;
}

std::vector<TesseractEngine::Strip> TesseractEngine::Pieces(PIX* ink, int wide, int tall) {
  if (ink == nullptr) return {};
  // A composite brick: about the same size in a few dozen rasterops instead of one per pixel.
  const PixPtr closed(pixCloseCompBrick(nullptr, ink, wide, tall));
  if (!closed) return {};
  const BoxaPtr boxes(pixConnCompBB(closed.get(), 8));
  if (!boxes) return {};
  std::vector<Strip> out;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    Strip s;
    boxaGetBoxGeometry(boxes.get(), i, &s.x, &s.y, &s.w, &s.h);
    out.push_back(s);
  }
  return out;
}

TesseractEngine::Strip TesseractEngine::Padded(const Strip& piece, PIX* image, int dpi) {
  const int pad = static_cast<int>(kStripPadInches * dpi);
  const int x0 = std::max(0, piece.x - pad), y0 = std::max(0, piece.y - pad);
  return Strip{x0, y0, std::min(pixGetWidth(image), piece.x + piece.w + pad) - x0,
               std::min(pixGetHeight(image), piece.y + piece.h + pad) - y0};
}

}  // namespace oplex
