// Paged sources (PDFs and image files) through decode and layout, page by page: each page is
// read, laid out and let go before long, so memory does not grow with the page count.
//
// A PDF page with a text layer is read from it; a page without one, or with one too thin for the
// page (a scan with a stamped page number), is rendered and read by OCR, as is every page of an
// image file. OCR pages are handed to the OcrPool's workers a few at a time and laid out in page
// order as they come back, so one scanned document keeps every worker busy.
//
// The document pipeline takes the blocks on to classify and extract; `oplex tables` keeps only
// the tables (what people use Tabula or Camelot for), with every asked page rendered.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"
#include "pipeline/decode/ocr_pool.h"
#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

struct PageBlocks {
  int page_count = 0;
  int ocr_pages = 0;  // pages read by OCR
  std::vector<Block> blocks;
  std::vector<PageNote> notes;
};

// Called as each page is laid out, in page order, with how many pages are laid out so far: the
// progress of a long document (an hour of OCR) while it is read.
using PageLaidOut = std::function<void(int pages_laid_out)>;

// Called with the blocks that have settled (pdf_layout.h: no later page can change them), in
// reading order, as the pages are laid out, and with the rest at the end: a long document is
// handed on a few pages at a time instead of whole. When set, PageBlocks::blocks stays empty.
using BlocksSettled = std::function<void(std::vector<Block> settled)>;

// `ocr`: the workers for pages that need OCR; null reads text layers only (as OcrMode::kNever).
// `pages`: 1-based page numbers to read; empty reads all. Pages past the end are an error.
Result<PageBlocks> ReadPdfBlocks(std::string_view bytes, const std::string& name,
                                 PdfOptions options, OcrPool* ocr, const std::set<int>& pages = {},
                                 const PageLaidOut& on_page = {},
                                 const BlocksSettled& on_blocks = {});

// The same for a PDF opened already (PdfDocument::OpenFile: read from its file as needed).
Result<PageBlocks> ReadPdfBlocks(PdfDocument& pdf, const std::string& name, OcrPool* ocr,
                                 const std::set<int>& pages = {}, const PageLaidOut& on_page = {},
                                 const BlocksSettled& on_blocks = {});

// An image file (PNG, JPEG, TIFF…), every page read by OCR. kNotSupported when `ocr` is null or
// its mode is kNever.
Result<PageBlocks> ReadImageBlocks(std::string_view bytes, const std::string& name, OcrPool* ocr,
                                   const std::set<int>& pages = {}, const PageLaidOut& on_page = {},
                                   const BlocksSettled& on_blocks = {});

struct PageTables {
  int page = 0;
  std::vector<Block> tables;
};

// The tables of the asked pages of a PDF or image file; a table continued over the next page
// comes back once, on the page where it starts. `password` opens an encrypted PDF.
Result<std::vector<PageTables>> ReadTables(std::string_view bytes, const std::string& name,
                                           OcrPool* ocr, const std::set<int>& pages,
                                           const std::string& password = {});

}  // namespace oplex
