// SHA-256 of a byte string, as 64 lowercase hex digits: a document's identity in the store, so
// that re-ingesting the same content is recognised whatever its file name. Pure function.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace oplex {

std::string Sha256Hex(std::string_view bytes);

// The same over bytes that come in parts (a file read through in chunks).
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  std::string HexDigest();  // of what was given so far

 private:
  std::array<uint32_t, 8> h_;
  std::array<unsigned char, 64> block_{};  // a block begun, held_ bytes of it
  size_t held_ = 0;
  uint64_t length_ = 0;
};

}  // namespace oplex
