// A PDF through decode and layout, page by page: each page is read, laid out and let go
// before the next, so memory does not grow with the page count. The document pipeline takes
// the blocks on to classify and extract; `oplex tables` keeps only the tables (what people use
// Tabula or Camelot for), with every asked page rendered.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"
#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

struct PdfBlocks {
  int page_count = 0;
  std::vector<Block> blocks;
};

// `pages`: 1-based page numbers to read; empty reads all. Pages past the end are an error.
Result<PdfBlocks> ReadPdfBlocks(std::string_view bytes, const std::string& name, PdfOptions options,
                                const std::set<int>& pages = {});

struct PageTables {
  int page = 0;
  std::vector<Block> tables;
};

// The tables of the asked pages; a table continued over the next page comes back once, on the
// page where it starts.
Result<std::vector<PageTables>> ReadPdfTables(std::string_view bytes, const std::string& name,
                                              const std::set<int>& pages);

}  // namespace oplex
