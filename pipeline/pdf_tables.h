// The tables of any PDF, on their own (what people use Tabula or Camelot for): decode every
// asked page with rendering on, lay it out, and keep the tables. A table continued over the
// next page comes back once, on the page where it starts.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

struct PageTables {
  int page = 0;
  std::vector<Block> tables;
};

// `pages`: 1-based page numbers to read; empty reads all. Pages past the end are an error.
Result<std::vector<PageTables>> ReadPdfTables(std::string_view bytes, const std::string& name,
                                              const std::set<int>& pages);

}  // namespace oplex
