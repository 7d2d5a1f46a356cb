// Reads the data/ tables: UTF-8, TAB-separated, '#' comment lines, one header row.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "models/status.h"

namespace oplex {

struct TsvRow {
  int line = 0;  // 1-based line in the file, for error messages
  std::vector<std::string> fields;
};

// The data rows (header and comments skipped). Every row must have `min_fields` fields;
// otherwise the Status names the file and line.
Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path, size_t min_fields);

}  // namespace oplex
