// libFuzzer target: the first page of a PDF (the input's bytes) through the whole pipeline, as
// `oplex ingest --ocr never` reads it: decoding, layout, classification and every extractor.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/fuzz_data.h"
#include "tools/run/document_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const oplex::DocumentPipeline pipeline = oplex::fuzz::Loaded(oplex::DocumentPipeline::Load(
      OPLEX_DEFAULT_DATA_DIR, oplex::OcrOptions{.mode = oplex::OcrMode::kNever, .workers = 1}));
  pipeline.Process("fuzz.pdf", std::string(reinterpret_cast<const char*>(data), size),
                   std::string(64, '0'), {1});
  return 0;
}
