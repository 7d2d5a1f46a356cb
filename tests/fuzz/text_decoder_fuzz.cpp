// libFuzzer target: the text decoder (encodings, lines, cells) and the text layout over any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/decode/text_decoder.h"
#include "pipeline/layout/text_layout.h"
#include "pipeline/normalize/fold.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto utf8 = oplex::text_decode::ToUtf8(bytes, "fuzz.txt");
  if (utf8.ok()) {
    for (const auto& line : oplex::text_decode::SplitLines(utf8->text)) {
      oplex::text_decode::SplitCells(line.text);
      oplex::text_decode::CleanCell(line.text);
      oplex::FoldWithOffsets(line.text);
    }
  }
  auto doc = oplex::DecodeText(bytes, "fuzz.txt");
  if (doc.ok()) oplex::LayoutText(*doc);
  return 0;
}
