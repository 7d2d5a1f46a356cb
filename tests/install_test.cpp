// `cmake --install`: the tree it makes works wherever it is moved, and the program in it reads the
// data and the modules (OCR, xlsx) it carries, never the source or build tree it came from.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/oplex_cli.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;
using testing::Shell;

class InstallTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Of this process: ctest runs each test in a process of its own, several at once.
    dir_ = fs::temp_directory_path() / ("oplex-install-test-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const fs::path first = dir_ / "first";
    const Outcome installed = Shell(
        std::string(OPLEX_CMAKE) + " --install " + OPLEX_BUILD_DIR + " --prefix " + first.string(),
        dir_);
    ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
    // Moved whole, as an archive unpacked elsewhere would be: nothing may point at `first`.
    fs::create_directories(Prefix().parent_path());
    fs::rename(first, Prefix());
  }

  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static fs::path Prefix() { return dir_ / "moved" / "opt"; }

  // The installed program with `args`, run from the test's folder, without OPLEX_DATA_DIR.
  static Outcome Installed(const std::string& args, const std::string& env = "") {
    return Shell(
        "env -u OPLEX_DATA_DIR " + env + " " + (Prefix() / "bin" / "oplex").string() + " " + args,
        dir_);
  }

  static fs::path dir_;
};

fs::path InstallTest::dir_;

TEST_F(InstallTest, LaysOutProgramModuleAndData) {
  EXPECT_TRUE(fs::exists(Prefix() / "bin" / "oplex"));
  EXPECT_TRUE(fs::exists(Prefix() / "share" / "oplex" / "institutes.tsv"));
  EXPECT_TRUE(
      fs::exists(Prefix() / "share" / "oplex" / "samples" / "bcs-ieebcs-deoe-pat-2024.txt"));
  int modules = 0;
  for (const auto& entry : fs::recursive_directory_iterator(Prefix())) {
    const fs::path name = entry.path().filename();
    if (name == "liboplex_tesseract.so" || name == "liboplex_xlsx.so") {
      ++modules;
      EXPECT_EQ(entry.path().parent_path().filename(), "oplex") << entry.path();
    }
  }
  EXPECT_EQ(modules, 2);
  // The test fixtures are not installed.
  EXPECT_FALSE(fs::exists(Prefix() / "share" / "oplex" / "scans"));
}

TEST_F(InstallTest, TheMovedProgramIngestsASample) {
  const fs::path sample = Prefix() / "share" / "oplex" / "samples" / "bcs-ieebcs-deoe-pat-2024.txt";
  const fs::path db = dir_ / "sample.sqlite";
  fs::remove(db);
  const Outcome r = Installed("ingest " + sample.string() + " --json --db " + db.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The BCS DEOE plan of 2024: 84 activities, as the seed's table lists them.
  EXPECT_NE(r.out.find("\"institute\":\"IEEBCS\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"year\":2024"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"activities\":84"), std::string::npos) << r.out;
}

TEST_F(InstallTest, TheMovedProgramLoadsItsOwnOcrModule) {
  const Outcome r = Installed("tables " + std::string(OPLEX_DEFAULT_DATA_DIR) +
                                  "/scans/ags-2023-shaded-200dpi.pdf --pages 1 --format csv",
                              "LD_DEBUG=libs");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_NE(r.err.find((Prefix() / "lib").string()), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(OPLEX_BUILD_DIR + std::string("/liboplex_tesseract.so")), std::string::npos);
}

TEST_F(InstallTest, TheMovedProgramLoadsItsOwnXlsxModule) {
  const fs::path book = dir_ / "tables.xlsx";
  const Outcome r =
      Installed("tables " + std::string(OPLEX_DEFAULT_DATA_DIR) +
                    "/pdf/generic/pale-fills.pdf --pages 1 --format xlsx -o " + book.string(),
                "LD_DEBUG=libs");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(fs::file_size(book), 0u);
  EXPECT_NE(r.err.find((Prefix() / "lib").string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("liboplex_xlsx.so"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(OPLEX_BUILD_DIR + std::string("/liboplex_xlsx.so")), std::string::npos);
}

TEST_F(InstallTest, ReadsTheDataOfItsPrefixAndNoOther) {
  // A copy of the installed tree whose data lacks the gazetteer: the program says so, naming the
  // copy's data folder, and does not fall back on the source tree's.
  const fs::path copy = dir_ / "copy";
  fs::remove_all(copy);
  fs::copy(Prefix(), copy, fs::copy_options::recursive);
  fs::remove(copy / "share" / "oplex" / "institutes.tsv");
  const std::string program = (copy / "bin" / "oplex").string();
  const std::string sample = std::string(OPLEX_SAMPLES_DIR) + "/bcs-ieebcs-deoe-pat-2024.txt";
  const fs::path db = dir_ / "copy.sqlite";
  fs::remove(db);
  const std::string ingest = program + " ingest " + sample + " --db " + db.string();
  const Outcome missing = Shell("env -u OPLEX_DATA_DIR " + ingest, dir_);
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find((copy / "share" / "oplex").string()), std::string::npos)
      << missing.err;
  EXPECT_NE(missing.err.find("institutes.tsv"), std::string::npos) << missing.err;
  // OPLEX_DATA_DIR and --data-dir still name another folder.
  EXPECT_EQ(
      Shell("OPLEX_DATA_DIR=" + std::string(OPLEX_DEFAULT_DATA_DIR) + " " + ingest, dir_).exit_code,
      0);
  EXPECT_EQ(Shell("env -u OPLEX_DATA_DIR " + ingest + " --data-dir " +
                      (Prefix() / "share" / "oplex").string(),
                  dir_)
                .exit_code,
            0);
}

}  // namespace
}  // namespace oplex
