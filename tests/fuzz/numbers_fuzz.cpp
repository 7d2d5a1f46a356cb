// libFuzzer target: the quantity and number parsers (figures, bounded integers and decimals,
// number words and ordinals) over any text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/normalize/bounded_number.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/number_words.h"
#include "pipeline/normalize/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  oplex::ParseQuantity(text);
  oplex::ParseQuantityList(text);
  oplex::ParseInteger(text);
  oplex::ParseDecimal(text);
  oplex::ParseNumberWords(text);
  oplex::ParseOrdinalWord(text);
  // The folded words of the text, as the extractors give them to the prefix parser.
  const std::string folded = oplex::Fold(text);
  std::vector<std::string_view> words;
  for (size_t at = 0; at < folded.size();) {
    const size_t space = folded.find(' ', at);
    const size_t end = space == std::string::npos ? folded.size() : space;
    if (end > at) words.push_back(std::string_view(folded).substr(at, end - at));
    at = end + 1;
  }
  oplex::ParseNumberWordsPrefix(words);
  return 0;
}
