// SHA-256 of a byte string, as 64 lowercase hex digits: a document's identity in the store, so
// that re-ingesting the same content is recognised whatever its file name. Pure function.
#pragma once

#include <string>
#include <string_view>

namespace oplex {

std::string Sha256Hex(std::string_view bytes);

}  // namespace oplex
