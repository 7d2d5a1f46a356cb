// Reads the data/ tables: UTF-8, TAB-separated, '#' comment lines, one header row naming the
// columns. Every error names the file and line. Pure functions.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"

namespace oplex {

struct TsvRow {
  int line = 0;  // 1-based line in the file
  std::vector<std::string> fields;
};

struct TsvTable {
  std::string name;  // the path, as error messages show it
  std::map<std::string, size_t> columns;
  std::vector<TsvRow> rows;

  // The field of `row` under `column`, which must be one ReadTsv required.
  const std::string& Get(const TsvRow& row, const std::string& column) const {
    return row.fields[columns.at(column)];
  }
  Status Error(int line, const std::string& what) const {
    return Status::InvalidInput(name + ":" + std::to_string(line) + ": " + what);
  }
};

// The table, with every `required` column present in its header and every row as wide as the
// header; fields are trimmed.
Result<TsvTable> ReadTsv(const std::filesystem::path& path,
                         const std::vector<std::string>& required);

// Non-empty "|"-separated alternatives of one field ("Enero|ENE|1").
std::vector<std::string> SplitVariants(std::string_view field);

}  // namespace oplex
