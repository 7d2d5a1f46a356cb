// CSV output (RFC 4180) for the subcommands that print tables for spreadsheets and scripts.
#pragma once

#include <string>
#include <string_view>

namespace oplex::cli {

// `text` as one CSV field: as it is, or in double quotes (inner quotes doubled) when it holds a
// comma, a quote or a line break; bytes that are not UTF-8 written "\xHH" (EscapeInvalidUtf8).
std::string CsvField(std::string_view text);

}  // namespace oplex::cli
