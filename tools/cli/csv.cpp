#include "tools/cli/csv.h"

#include "tools/cli/utf8_escape.h"

namespace oplex::cli {

std::string CsvField(std::string_view raw) {
  const std::string text = EscapeInvalidUtf8(raw);
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace oplex::cli
