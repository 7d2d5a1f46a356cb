// Tesseract is loaded only when a page needs OCR (pipeline/decode/ocr_engine.h): the oplex
// program run on a born-digital page never loads it nor restarts itself, and a scan loads it
// with the OpenMP thread limit set. What the dynamic loader does is read from its own log
// (glibc's LD_DEBUG=libs, on stderr).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/oplex_cli.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::CountLines;
using testing::Outcome;

const std::string kData = OPLEX_DEFAULT_DATA_DIR;

Outcome TablesLoggingLibraries(const std::string& file, const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("oplex-ocr-loader-" + name);
  fs::create_directories(dir);
  // Without OMP_THREAD_LIMIT, which the program once set by starting itself again.
  return testing::Shell("env -u OMP_THREAD_LIMIT LD_DEBUG=libs " + std::string(OPLEX_BINARY) +
                            " tables " + file + " --pages 1 --format csv",
                        dir);
}

TEST(OcrLoader, ABornDigitalPageLoadsNoTesseract) {
  const Outcome r = TablesLoggingLibraries(kData + "/pdf/generic/pale-fills.pdf", "born-digital");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_EQ(CountLines(r.err, "libtesseract"), 0u);
  EXPECT_EQ(CountLines(r.err, "libgomp"), 0u);
  // One program start: the loader initializes libc once.
  EXPECT_EQ(CountLines(r.err, "calling init: /lib/x86_64-linux-gnu/libc.so.6"), 1u) << r.err;
}

TEST(OcrLoader, AScanLoadsTesseractOnce) {
  const Outcome r = TablesLoggingLibraries(kData + "/scans/ags-2023-shaded-200dpi.pdf", "scan");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_GE(CountLines(r.err, "liboplex_tesseract.so"), 1u);
  EXPECT_EQ(CountLines(r.err, "calling init: /lib/x86_64-linux-gnu/libtesseract.so.5"), 1u);
  EXPECT_EQ(CountLines(r.err, "warning"), 0u) << r.err;  // the thread limit was set
}

}  // namespace
}  // namespace oplex
