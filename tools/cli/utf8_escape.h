// Text that may hold bytes that are not UTF-8 (a Latin-1 file name on an institute's share, stored
// as it was), made valid UTF-8 for the outputs that promise it, each such byte escaped so that the
// raw text can be told back.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace oplex::cli {

// `text` with each byte that is not part of well-formed UTF-8 written as "\xHH" (upper-case hex):
// for CSV and HTML, where a reader sees the name with its odd bytes spelled out. (JSON writes such
// a byte as "\udcHH", which Python's json and os.fsencode turn back into the byte:
// tools/cli/json.h.)
std::string EscapeInvalidUtf8(std::string_view text);

}  // namespace oplex::cli
