// libFuzzer target: the stated-totals parser over the blocks of any text ("Total: 12
// actividades", a `Total` row of a table), as the pipeline lays a text file out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/rules.h"
#include "extractors/stated_totals.h"
#include "pipeline/decode/text_decoder.h"
#include "pipeline/layout/text_layout.h"
#include "tests/fuzz/fuzz_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const oplex::ExtractionRules rules =
      oplex::fuzz::Loaded(oplex::ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR));
  auto doc =
      oplex::DecodeText(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  if (!doc.ok()) return 0;
  oplex::Extraction out;
  oplex::ExtractStatedTotals(oplex::LayoutText(*doc), rules, &out);
  return 0;
}
