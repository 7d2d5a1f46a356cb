// The limits a worker process reading one document is held to (RunBatchInWorkers), and the page
// count they are scaled by, which is known before the document is read.
//
// By default a document may take kBaseSeconds plus kSecondsPerPage for each page, and hold
// kBaseMemoryMb plus kMemoryMbPerPage for each page; README.md ("Limits per document") gives the
// measurements behind the figures. A limit given by hand holds for every document whatever its
// pages; 0 lifts it.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/source_file.h"

namespace oplex {

// The value of BatchOptions::timeout_seconds and max_memory_mb that scales the limit by the
// document's pages (the default).
inline constexpr int kScaledLimit = -1;

// What the scaled limits allow: a base for the program, its data and the largest single page,
// and a share per page. A scanned page takes ~5 s of OCR on one core; pages are read one at a
// time, so memory grows only with what a document keeps of each page.
inline constexpr int kBaseSeconds = 60;
inline constexpr int kSecondsPerPage = 30;
inline constexpr int kBaseMemoryMb = 1024;
inline constexpr int kMemoryMbPerPage = 1;

// The limits for one document; 0: none.
struct DocumentLimits {
  int pages = 1;  // the page count they were scaled by
  int timeout_seconds = 0;
  int max_memory_mb = 0;
  bool scaled_time = false;  // the limits come from the page count, not from an option
  bool scaled_memory = false;
};

// The limits of a document of `pages` pages under the options' values (kScaledLimit, 0 or a
// figure).
DocumentLimits LimitsFor(int timeout_option, int memory_option, int pages);

// The pages of a document, cheaply, before it is read: a PDF's page count from its cross
// reference table, an image file's pages (a TIFF may hold several), 1 for text and for what
// cannot be opened.
int CountPages(const Source& source, const std::string& name);

}  // namespace oplex
