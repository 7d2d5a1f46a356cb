// What `oplex ingest` says while it runs: each file's result as it completes (a JSON line each
// with --json, then the summary), each page of a PDF as it is laid out (a "reading" line with
// --json, told by the worker process reading it or by the reading thread), and on a terminal a bar
// at the bottom of stderr with the log lines written above it, never onto it (run under script(1),
// which gives the program a terminal).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "json_value.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::JsonValue;
using testing::Outcome;
using testing::ParseJson;

class ProgressTest : public testing::CliFixture {
 protected:
  static std::string Pdf() {
    return (fs::path(OPLEX_SAMPLES_DIR).parent_path() / "pdf" / "bcs-2024-x.pdf").string();
  }
  static std::string Text() {
    return std::string(OPLEX_SAMPLES_DIR) + "/ags-iee-plan-anual-2023.txt";
  }
};

// The "reading" lines of `ingest --json`, all of `paged` (the one paged document read), in order,
// each "READ/PAGES", before its result line; the other lines (results and summary) in `results`.
std::vector<std::string> ReadingLines(const std::string& out, const std::string& paged,
                                      std::vector<JsonValue>* results) {
  std::vector<std::string> reading;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    JsonValue json = ParseJson(line);
    if (!json.Has("status") || json["status"].string != "reading") {
      results->push_back(std::move(json));
      continue;
    }
    EXPECT_EQ(json["path"].string, paged);
    EXPECT_TRUE(results->empty()) << "a page read after the document was settled";
    reading.push_back(std::to_string(static_cast<int>(json["pages_read"].number)) + "/" +
                      std::to_string(static_cast<int>(json["pages"].number)));
  }
  return reading;
}

// "0/N" (begun) to "N/N".
std::vector<std::string> PagesOf(int n) {
  std::vector<std::string> pages;
  for (int page = 0; page <= n; ++page) {
    pages.push_back(std::to_string(page) + "/" + std::to_string(n));
  }
  return pages;
}

TEST_F(ProgressTest, WithJsonEachFileIsALineAndTheSummaryTheLast) {
  std::ofstream(dir_ / "empty.txt").close();
  Outcome r =
      Oplex("ingest --json --jobs 1 " + Pdf() + " " + Text() + " " + (dir_ / "empty.txt").string());
  ASSERT_EQ(r.exit_code, 1) << r.err;
  std::vector<JsonValue> lines;
  // The worker process reading the PDF tells each page as it is laid out (the text has none).
  EXPECT_EQ(ReadingLines(r.out, Pdf(), &lines), PagesOf(17));
  ASSERT_EQ(lines.size(), 4u) << r.out;
  EXPECT_EQ(lines[0]["path"].string, Pdf());
  EXPECT_EQ(lines[0]["status"].string, "stored");
  EXPECT_EQ(lines[0]["pages"].number, 17);  // pdfinfo: Pages: 17
  EXPECT_EQ(lines[0]["activities"].number, 84);
  EXPECT_EQ(lines[1]["activities"].number, 192);
  EXPECT_EQ(lines[2]["status"].string, "failed");
  EXPECT_NE(lines[2]["error"].string.find("empty"), std::string::npos);
  EXPECT_EQ(lines[3]["stored"].number, 2);
  EXPECT_EQ(lines[3]["failed"].number, 1);
}

// The pages OCR reads are told as they are laid out too: a two-page TIFF scan, read in a worker.
TEST_F(ProgressTest, EachPageOcrReadsIsTold) {
  const std::string tiff =
      (fs::path(OPLEX_SAMPLES_DIR).parent_path() / "scans" / "ags-2023-x-pages7-8.tif").string();
  Outcome r = Oplex("ingest --json --jobs 1 " + tiff);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<JsonValue> lines;
  EXPECT_EQ(ReadingLines(r.out, tiff, &lines), PagesOf(2));
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0]["pages"].number, 2);
}

TEST_F(ProgressTest, ReadingInThreadsTellsThePagesToo) {
  Outcome r = Oplex("ingest --json --timeout 0 --max-memory 0 " + Pdf());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<JsonValue> lines;
  EXPECT_EQ(ReadingLines(r.out, Pdf(), &lines), PagesOf(17));
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0]["status"].string, "stored");
}

TEST_F(ProgressTest, OnATerminalLogLinesGoAboveTheBar) {
  std::ofstream(dir_ / "empty.txt").close();
  // script(1) runs the command on a terminal and copies what it writes to stdout.
  Outcome r = testing::Shell("script -qec '" + std::string(OPLEX_BINARY) + " ingest --jobs 1 " +
                                 Pdf() + " " + (dir_ / "empty.txt").string() + " " + Text() +
                                 " --db " + db_.string() + "' /dev/null",
                             dir_);
  ASSERT_EQ(r.exit_code, 1) << r.err;  // oplex's, through script -e: one file failed
  const std::string& screen = r.out;
  // The bar: files, pages, the rate and the time left.
  EXPECT_NE(screen.find("] 1/3 files, 17 pages, "), std::string::npos) << screen;
  EXPECT_NE(screen.find(" pages/s, ~"), std::string::npos) << screen;
  EXPECT_NE(screen.find(" left  bcs-2024-x.pdf"), std::string::npos) << screen;
  // Before the PDF is settled the bar has its pages, and the document with its last page.
  EXPECT_NE(screen.find("] 0/3 files, 17 pages, "), std::string::npos) << screen;
  EXPECT_NE(screen.find(" left  bcs-2024-x.pdf 17/17"), std::string::npos) << screen;
  // Every line written while the bar is up starts on a cleared line: the log's error (in colour
  // on a terminal), each file's result as it completes, the summary.
  const size_t error = screen.find((dir_ / "empty.txt").string() + ": empty file");
  ASSERT_NE(error, std::string::npos) << screen;
  const size_t log_line = screen.rfind("oplex: ", error);
  EXPECT_EQ(screen.substr(log_line - 4, 4), "\r\x1b[K");
  for (const std::string& line : {"stored  " + Pdf(), "stored  " + Text(),
                                  std::string("2 stored, 0 replaced, 0 unchanged, 1 failed")}) {
    const size_t at = screen.find(line);
    ASSERT_NE(at, std::string::npos) << line << "\n" << screen;
    EXPECT_EQ(screen.substr(at - 4, 4), "\r\x1b[K") << line;
  }
  EXPECT_LT(screen.find("stored  " + Pdf()), log_line)
      << "a file's result is written as it completes";
}

}  // namespace
}  // namespace oplex
