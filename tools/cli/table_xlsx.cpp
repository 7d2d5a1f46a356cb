// The xlsx format of table_formats.h, written by libxlsxwriter: the module liboplex_xlsx.so,
// which WriteXlsx loads when a workbook is asked for (libxlsxwriter brings libcrypto, whose
// thousands of symbols every start of the program would bind otherwise).
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "pipeline/normalize/utf8.h"
#include "tools/cli/table_formats.h"
#include "tools/cli/utf8_escape.h"

namespace oplex::cli {
namespace {

// Excel's limits: a sheet name's characters, a cell's characters, a column's width.
constexpr size_t kSheetNameMax = LXW_SHEETNAME_MAX;
constexpr size_t kCellMax = 32767;
constexpr double kWidestColumn = 60;

// The first `n` characters (code points) of UTF-8 `text`.
std::string FirstChars(const std::string& text, size_t n) {
  size_t at = 0;
  for (size_t chars = 0; at < text.size() && chars < n; ++chars) {
    at += std::max<size_t>(Utf8SequenceLength(text, at), 1);
  }
  return text.substr(0, std::min(at, text.size()));
}

// A name Excel takes for the sheet of table `n` of `page`: the stem (with several files) cut to
// leave room for the page and number, characters Excel refuses as '_', unique in the workbook
// (Excel compares names without case: only ASCII letters are folded here, enough for stems).
std::string SheetName(const std::string& stem, int page, size_t n, bool with_stem,
                      std::set<std::string>* used) {
  const std::string tail = "p" + std::to_string(page) + "-t" + std::to_string(n);
  std::string base;
  if (with_stem) {
    for (char c : EscapeInvalidUtf8(stem)) {
      base += std::strchr("[]:*?/\\'", c) != nullptr ? '_' : c;
    }
  }
  for (int copy = 1;; ++copy) {
    const std::string suffix = copy == 1 ? tail : tail + "~" + std::to_string(copy);
    std::string name = suffix;
    if (!base.empty()) name = FirstChars(base, kSheetNameMax - 1 - suffix.size()) + "-" + suffix;
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (used->insert(key).second) return name;
  }
}

Status Failed(lxw_error error) {
  return Status::IoError(std::string("the workbook cannot be made: ") + lxw_strerror(error));
}

// One table on its worksheet: every cell as text, merged cells merged, columns as wide as their
// longest text (to a limit).
lxw_error WriteSheet(lxw_worksheet* sheet, lxw_format* merged, const Block& table) {
  std::vector<size_t> widths;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<Cell>& cells = table.rows[r].cells;
    widths.resize(std::max(widths.size(), cells.size()));
    for (size_t c = 0; c < cells.size(); ++c) {
      const Cell& cell = cells[c];
      if (cell.covered) continue;
      std::string text = EscapeInvalidUtf8(cell.text);
      std::replace(text.begin(), text.end(), '\n', ' ');
      text = FirstChars(text, kCellMax);
      widths[c] = std::max(widths[c], CodePoints(text) / std::max<size_t>(cell.col_span, 1));
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      const lxw_row_t last_row = std::min(r + std::max(cell.row_span, 1), table.rows.size()) - 1;
      const lxw_col_t last_col = static_cast<lxw_col_t>(c + std::max(cell.col_span, 1) - 1);
      lxw_error error = LXW_NO_ERROR;
      if (last_row > row || last_col > col) {
        error = worksheet_merge_range(sheet, row, col, last_row, last_col, text.c_str(), merged);
      } else if (!text.empty()) {
        error = worksheet_write_string(sheet, row, col, text.c_str(), nullptr);
      }
      if (error != LXW_NO_ERROR) return error;
    }
  }
  for (size_t c = 0; c < widths.size(); ++c) {
    const double width = std::clamp(static_cast<double>(widths[c]) + 2, 8.0, kWidestColumn);
    const auto col = static_cast<lxw_col_t>(c);
    if (lxw_error e = worksheet_set_column(sheet, col, col, width, nullptr); e != LXW_NO_ERROR) {
      return e;
    }
  }
  return LXW_NO_ERROR;
}

Status WriteWorkbook(std::ostream& out, Files files) {
  // libxlsxwriter writes to a file of its own; the caller's stream gets its bytes.
  std::string temp = (std::filesystem::temp_directory_path() / "oplex-xlsx-XXXXXX").string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    return Status::IoError(std::string("cannot make a temporary file: ") + std::strerror(errno));
  }
  close(fd);
  lxw_workbook* book = workbook_new(temp.c_str());
  if (book == nullptr) {
    unlink(temp.c_str());
    return Status::IoError("the workbook cannot be made: libxlsxwriter cannot start");
  }
  lxw_format* merged = workbook_add_format(book);
  format_set_align(merged, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(merged);
  std::set<std::string> used;
  lxw_error error = LXW_NO_ERROR;
  for (const FileTables& file : files) {
    for (const PageTables& p : file.pages) {
      for (size_t t = 0; t < p.tables.size() && error == LXW_NO_ERROR; ++t) {
        const std::string name = SheetName(file.stem, p.page, t + 1, files.size() > 1, &used);
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
        error = sheet == nullptr ? LXW_ERROR_MEMORY_MALLOC_FAILED
                                 : WriteSheet(sheet, merged, p.tables[t]);
      }
    }
  }
  // A workbook without a sheet is no xlsx a spreadsheet opens: an empty one stands in.
  if (error == LXW_NO_ERROR && used.empty() && workbook_add_worksheet(book, nullptr) == nullptr) {
    error = LXW_ERROR_MEMORY_MALLOC_FAILED;
  }
  const lxw_error closed = workbook_close(book);
  if (error == LXW_NO_ERROR) error = closed;
  Status status = Status::Ok();
  if (error != LXW_NO_ERROR) {
    status = Failed(error);
  } else {
    std::ifstream in(temp, std::ios::binary);
    out << in.rdbuf();
    if (!in || !out) status = Status::IoError("the workbook cannot be copied to its file");
  }
  unlink(temp.c_str());
  return status;
}

}  // namespace

// The module's entry point (see WriteWorkbookEntry).
extern "C" __attribute__((visibility("default"))) void oplex_write_workbook(std::ostream& out,
                                                                            Files files,
                                                                            Status* status) {
  *status = WriteWorkbook(out, files);
}

}  // namespace oplex::cli
