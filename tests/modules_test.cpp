// oplex's modules (pipeline/modules.h) are loaded only when a run needs them: the program run on
// a born-digital page loads neither Tesseract (pipeline/decode/ocr_engine.h) nor libxlsxwriter
// and never restarts itself; a scan loads Tesseract with the OpenMP thread limit set, and a
// workbook loads the xlsx module. What the dynamic loader does is read from its own log (glibc's
// LD_DEBUG=libs, on stderr).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/oplex_cli.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::CountLines;
using testing::Outcome;

const std::string kData = OPLEX_DEFAULT_DATA_DIR;

fs::path Folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("oplex-modules-" + name);
  fs::create_directories(dir);
  return dir;
}

Outcome TablesLoggingLibraries(const std::string& file, const std::string& name,
                               const std::string& format = "csv") {
  const fs::path dir = Folder(name);
  fs::remove(dir / ("tables." + format));
  // Without OMP_THREAD_LIMIT, which the program once set by starting itself again.
  return testing::Shell("env -u OMP_THREAD_LIMIT LD_DEBUG=libs " + std::string(OPLEX_BINARY) +
                            " tables " + file + " --pages 1 --format " + format + " -o " +
                            (dir / ("tables." + format)).string(),
                        dir);
}

TEST(OcrLoader, ABornDigitalPageLoadsNoTesseract) {
  const Outcome r = TablesLoggingLibraries(kData + "/pdf/generic/pale-fills.pdf", "born-digital");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(fs::file_size(Folder("born-digital") / "tables.csv"), 0u);
  EXPECT_EQ(CountLines(r.err, "libtesseract"), 0u);
  EXPECT_EQ(CountLines(r.err, "libgomp"), 0u);
  EXPECT_EQ(CountLines(r.err, "libxlsxwriter"), 0u);
  EXPECT_EQ(CountLines(r.err, "libcrypto"), 0u);
  // One program start: the loader initializes libc once.
  EXPECT_EQ(CountLines(r.err, "calling init: /lib/x86_64-linux-gnu/libc.so.6"), 1u) << r.err;
}

TEST(OcrLoader, AScanLoadsTesseractOnce) {
  const Outcome r = TablesLoggingLibraries(kData + "/scans/ags-2023-shaded-200dpi.pdf", "scan");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(fs::file_size(Folder("scan") / "tables.csv"), 0u);
  EXPECT_GE(CountLines(r.err, "liboplex_tesseract.so"), 1u);
  EXPECT_EQ(CountLines(r.err, "calling init: /lib/x86_64-linux-gnu/libtesseract.so.5"), 1u);
  EXPECT_EQ(CountLines(r.err, "warning"), 0u) << r.err;  // the thread limit was set
}

TEST(XlsxModule, AWorkbookLoadsTheXlsxModuleAndNoTesseract) {
  const Outcome r =
      TablesLoggingLibraries(kData + "/pdf/generic/pale-fills.pdf", "workbook", "xlsx");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(CountLines(r.err, "liboplex_xlsx.so"), 1u);
  EXPECT_EQ(CountLines(r.err, "calling init: /lib/x86_64-linux-gnu/libxlsxwriter.so.4"), 1u);
  EXPECT_EQ(CountLines(r.err, "libtesseract"), 0u);
  // A zip archive, as xlsx files are: tables_test.cpp reads its sheets.
  std::ifstream book(Folder("workbook") / "tables.xlsx", std::ios::binary);
  std::string magic(2, '\0');
  book.read(magic.data(), 2);
  EXPECT_EQ(magic, "PK");
}

}  // namespace
}  // namespace oplex
