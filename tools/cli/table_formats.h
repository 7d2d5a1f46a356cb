// What `oplex tables` writes: the tables read from input files, in the formats people take tables
// out of a PDF for (CSV, JSON, Markdown, HTML, a spreadsheet), and the part of a table inside an
// area of its page (--area).
//
// Every cell is written as text, as the page prints it (codes keep their leading zeros, "4,060"
// stays "4,060"); a cell's list items are joined with spaces. A merged cell's text stands at its
// top-left position: HTML and xlsx merge the cells it covers, the other formats leave them "".
// Bytes that are not UTF-8 are escaped as each format's other outputs do (utf8_escape.h).
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "models/records.h"
#include "models/status.h"
#include "pipeline/page_blocks.h"

namespace oplex::cli {

// The tables of one input file.
struct FileTables {
  std::string path;  // as named on the command line
  std::string stem;  // the file name without its extension: names its outputs
  std::vector<PageTables> pages;
};

// The input files whose tables go into one output.
using Files = std::span<const FileTables>;

// The rows and columns of `table` whose centres lie inside `area` (points, top-left origin, the
// coordinates of the page's words and of the table's bbox), on every page it covers; a merged
// cell cut by the area keeps its text at its first position inside. False when nothing of the
// table is inside.
bool CropToArea(const BBox& area, Block* table);

// One table as RFC 4180 CSV (CRLF line ends).
void WriteCsvTable(std::ostream& out, const Block& table);
// Every table of every file as CSV, one after another, an empty line between two.
void WriteCsv(std::ostream& out, Files files);
// One file's tables as one line of JSON: {"file", "pages": [{"page", "tables": [{"bbox",
// "rows"}]}]}.
void WriteJson(std::ostream& out, const FileTables& file);
// Every table as a Markdown (GitHub) pipe table under a heading naming its file, page and number;
// the table's first row is its header row.
void WriteMarkdown(std::ostream& out, Files files);
// One HTML page holding every table, merged cells spanning what they cover.
void WriteHtml(std::ostream& out, Files files);
// A workbook with one worksheet per table, named "p<page>-t<n>" (with one input file) or
// "<stem>-p<page>-t<n>" (several; the stem cut to fit Excel's 31 characters, made unique).
// What `out` receives is the workbook's bytes (libxlsxwriter writes a file of its own first).
// libxlsxwriter lives in a module (table_xlsx.cpp), loaded by the first call (pipeline/modules.h);
// kNotSupported when it cannot be.
Status WriteXlsx(std::ostream& out, Files files);

// The entry point of the xlsx module: the workbook of `files` into `out`, how it went in `status`.
using WriteWorkbookEntry = void (*)(std::ostream& out, Files files, Status* status);
inline constexpr char kWriteWorkbook[] = "oplex_write_workbook";

}  // namespace oplex::cli
