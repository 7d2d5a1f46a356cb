#include "pipeline/decode/ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

namespace oplex {
namespace {

// Tesseract's row height is the height of capitals and ascenders; a font's size (its em) is
// about this many times larger in the common sans and serif faces.
constexpr double kEmPerRowHeight = 1.0 / 0.72;

std::string TakeText(char* text) {
  std::string out = text != nullptr ? text : "";
  delete[] text;
  return out;
}

}  // namespace

OcrEngine::OcrEngine(std::unique_ptr<tesseract::TessBaseAPI> api) : api_(std::move(api)) {}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const std::string& language) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Tesseract writes its notes ("Estimating resolution…") to stderr unless told otherwise.
  api->SetVariable("debug_file", "/dev/null");
  if (api->Init(nullptr, language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::NotSupported("Tesseract has no trained data for language \"" + language +
                                "\" (on Debian: apt-get install tesseract-ocr-" + language + ")");
  }
  api->SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
  return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(api)));
}

std::vector<Word> OcrEngine::Read(PIX* binary, int dpi) {
  std::vector<Word> words;
  api_->SetImage(binary);
  api_->SetSourceResolution(dpi);
  if (api_->Recognize(nullptr) != 0) return words;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (!it) return words;
  const double ppp = dpi / 72.0;
  using tesseract::RIL_SYMBOL;
  using tesseract::RIL_WORD;
  do {
    if (it->Empty(RIL_SYMBOL)) continue;
    if (it->IsAtBeginningOf(RIL_WORD) || words.empty()) {
      Word w;
      w.text = TakeText(it->GetUTF8Text(RIL_WORD));
      int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      it->BoundingBox(RIL_WORD, &x0, &y0, &x1, &y1);
      w.bbox = BBox{x0 / ppp, y0 / ppp, x1 / ppp, y1 / ppp};
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      w.font_size = row_height > 0 ? row_height * kEmPerRowHeight / ppp : (y1 - y0) / ppp;
      w.confidence = std::clamp(it->Confidence(RIL_WORD) / 100.0, 0.0, 1.0);
      w.space_after = false;  // words are apart on the image; layout reads the gaps
      words.push_back(std::move(w));
    }
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    it->BoundingBox(RIL_SYMBOL, &x0, &y0, &x1, &y1);
    words.back().glyphs.push_back(Glyph{TakeText(it->GetUTF8Text(RIL_SYMBOL)), x0 / ppp, x1 / ppp});
  } while (it->Next(RIL_SYMBOL));
  api_->Clear();
  std::erase_if(words, [](const Word& w) { return w.text.empty(); });
  return words;
}

}  // namespace oplex
