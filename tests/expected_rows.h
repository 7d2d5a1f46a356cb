// The values a PDF fixture's generator wrote beside it (`<name>.expected.tsv`: code, the start
// of the text, the months as twelve 0/1, the monthly values joined by '|'), and the same form
// read from an extraction, for the tests that compare the two.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "models/records.h"
#include "tests/process_file.h"

namespace oplex::testing {

struct ExpectedRow {
  std::string code, text_start, months, monthly;
};

inline std::vector<ExpectedRow> ExpectedTsv(const std::string& path) {
  std::istringstream in(ReadBytes(path));
  std::vector<ExpectedRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string field; std::getline(ls, field, '\t');) f.push_back(field);
    f.resize(4);
    rows.push_back(ExpectedRow{f[0], f[1], f[2], f[3]});
  }
  return rows;
}

// An activity's monthly values as the expected files write them: twelve raw texts joined by
// '|', empty where the month has none.
inline std::string MonthlyText(const Activity& a) {
  std::string monthly;
  for (const MonthValue& v : a.month_values) {
    if (v.month > 1) monthly += '|';
    if (v.planned) monthly += v.planned->raw;
  }
  return monthly.empty() ? std::string(11, '|') : monthly;
}

}  // namespace oplex::testing
