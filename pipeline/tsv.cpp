#include "pipeline/tsv.h"

#include <fstream>

namespace oplex {

Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path, size_t min_fields) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path.string() + ": cannot open data file");
  std::vector<TsvRow> rows;
  std::string line;
  int number = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    TsvRow row;
    row.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields) {
      return Status::InvalidInput(path.string() + ":" + std::to_string(number) + ": expected " +
                                  std::to_string(min_fields) + " tab-separated fields");
    }
    rows.push_back(std::move(row));
  }
  if (!header_seen) return Status::InvalidInput(path.string() + ": no header row");
  return rows;
}

}  // namespace oplex
