#include "pipeline/tsv.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <fstream>

namespace oplex {
namespace {

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const size_t begin = text.find_first_not_of(kBlank);
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(kBlank);
  return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    parts.push_back(Trim(text.substr(start, at == std::string_view::npos ? at : at - start)));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

}  // namespace

Result<TsvTable> ReadTsv(const std::filesystem::path& path,
                         const std::vector<std::string>& required) {
  TsvTable table;
  table.name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(table.name + ": cannot open the file");
  std::string text;
  int line_number = 0;
  bool have_header = false;
  while (std::getline(in, text)) {
    ++line_number;
    if (line_number == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (!IsValidUtf8(text)) return table.Error(line_number, "not valid UTF-8");
    if (Trim(text).empty() || text.starts_with('#')) continue;
    std::vector<std::string> fields = Split(text, '\t');
    if (!have_header) {
      for (size_t i = 0; i < fields.size(); ++i) {
        if (!table.columns.emplace(fields[i], i).second) {
          return table.Error(line_number, "column '" + fields[i] + "' appears twice");
        }
      }
      for (const std::string& column : required) {
        if (!table.columns.contains(column)) {
          return table.Error(line_number, "the header lacks the column '" + column + "'");
        }
      }
      have_header = true;
      continue;
    }
    if (fields.size() != table.columns.size()) {
      return table.Error(line_number, "expected " + std::to_string(table.columns.size()) +
                                          " tab-separated fields, found " +
                                          std::to_string(fields.size()));
    }
    table.rows.push_back({line_number, std::move(fields)});
  }
  if (in.bad()) return Status::IoError(table.name + ": reading failed");
  if (!have_header) return table.Error(line_number, "the file has no header row");
  return table;
}

std::vector<std::string> SplitVariants(std::string_view cell) {
  std::vector<std::string> variants;
  for (std::string& part : Split(cell, '|')) {
    if (!part.empty()) variants.push_back(std::move(part));
  }
  return variants;
}

}  // namespace oplex
