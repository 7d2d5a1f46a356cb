// libFuzzer target: the figure parser of indicator cells ("25%", "$65,018", "Sin referencia").
#include <cstddef>
#include <cstdint>
#include <string>

#include "extractors/figure.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  oplex::ParseFigure(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
