// libFuzzer target: Spanish dates and periods over any text, with and without a default year.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "pipeline/normalize/spanish_dates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the caller's default year; the rest is the text.
  const std::optional<int> year =
      data[0] % 2 == 0 ? std::nullopt : std::optional<int>(1990 + data[0] % 64);
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  oplex::FindDates(text, year);
  oplex::FindPeriods(text);
  oplex::ParsePeriod(text);
  return 0;
}
