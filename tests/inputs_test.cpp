// What `oplex ingest` reads: a folder yields the published documents in it and names what it
// skips; a file named is always read; --include / --exclude; "-" is standard input.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "cli_fixture.h"
#include "json_value.h"
#include "raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::JsonValue;
using testing::Outcome;
using testing::ParseJson;
using testing::RawDb;

class InputsTest : public testing::CliFixture {
 protected:
  static fs::path Data() { return fs::path(OPLEX_SAMPLES_DIR).parent_path(); }

  std::set<std::string> StoredPaths() {
    std::set<std::string> paths;
    for (const std::string& p : RawDb(db_).Rows("SELECT path FROM document")) paths.insert(p);
    return paths;
  }
};

// data/ holds 133 documents (PDFs, text exports, scans) beside its vocabularies (TSV, JSON),
// READMEs and expected values (*.expected.json): only the documents are stored.
TEST_F(InputsTest, IngestingTheDataFolderWholeStoresOnlyTheDocuments) {
  std::set<std::string> documents, others;
  for (const auto& entry : fs::recursive_directory_iterator(Data())) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    const bool document = ext == ".pdf" || ext == ".txt" || ext == ".png" || ext == ".tif";
    (document ? documents : others).insert(entry.path().string());
  }
  ASSERT_EQ(documents.size(), 133u);
  ASSERT_GT(others.size(), 40u);

  Outcome r = Oplex("ingest --json --ocr never " + Data().string());
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  // One line per file, then the summary.
  std::set<std::string> read, skipped;
  std::istringstream lines(r.out);
  JsonValue json;
  for (std::string line; std::getline(lines, line);) {
    json = ParseJson(line);
    if (line.find("\"database\":") == std::string::npos) read.insert(json["path"].string);
  }
  for (const JsonValue& s : json["skipped"].array) {
    skipped.insert(s["path"].string);
    const std::string& reason = s["reason"].string;
    EXPECT_TRUE(reason.rfind("not a document (", 0) == 0) << s["path"].string << ": " << reason;
  }
  EXPECT_EQ(read, documents);
  EXPECT_EQ(skipped, others);
  for (const std::string& path : StoredPaths()) {
    EXPECT_TRUE(documents.count(path)) << path;
  }
  Outcome text = Oplex("ingest --ocr never " + Data().string());
  EXPECT_NE(text.out.find(", " + std::to_string(others.size()) + " skipped"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("skipped  " + (Data() / "pdf" / "README.md").string() +
                          "  (not a document (README))"),
            std::string::npos)
      << text.out;
}

TEST_F(InputsTest, AFileNamedIsAlwaysRead) {
  const fs::path readme = Data() / "pdf" / "README.md";
  Outcome r = Oplex("ingest " + readme.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(StoredPaths(), std::set<std::string>{readme.string()});
}

TEST_F(InputsTest, IncludeAndExcludeChooseTheFilesOfAFolder) {
  const std::string samples = OPLEX_SAMPLES_DIR;
  Outcome only = Oplex("ingest --include 'bcs-*' --include=dgo-* " + samples);
  ASSERT_EQ(only.exit_code, 0) << only.err;
  EXPECT_EQ(StoredPaths(), (std::set<std::string>{samples + "/bcs-ieebcs-deoe-pat-2024.txt",
                                                  samples + "/dgo-iepc-indicadores-2024q1.txt"}));
  EXPECT_NE(only.out.find("samples/ags-iee-plan-anual-2023.txt  (not matched by --include)"),
            std::string::npos)
      << only.out;

  Outcome but = Oplex("ingest --exclude '*-2023.txt' " + samples);
  ASSERT_EQ(but.exit_code, 0) << but.err;
  EXPECT_NE(but.out.find("1 stored, 0 replaced, 2 unchanged, 0 failed, 2 skipped"),
            std::string::npos)
      << but.out;
  EXPECT_NE(but.out.find("ags-iee-cotaprep-informe-2023.txt  (matched by --exclude)"),
            std::string::npos)
      << but.out;
  // A path under the folder named.
  Outcome under = Oplex("ingest --include 'pdf/*.pdf' --ocr never " + Data().string());
  ASSERT_EQ(under.exit_code, 0) << under.err;
  for (const std::string& path : StoredPaths()) {
    EXPECT_TRUE(path.find("/samples/") != std::string::npos ||
                fs::path(path).parent_path() == Data() / "pdf")
        << path;
  }
}

TEST_F(InputsTest, ADashReadsStandardInput) {
  const std::string plan = std::string(OPLEX_SAMPLES_DIR) + "/bcs-ieebcs-deoe-pat-2024.txt";
  Outcome r = testing::Shell(
      "sh -c '" + std::string(OPLEX_BINARY) + " ingest - --db " + db_.string() + " < " + plan + "'",
      dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("stored  -  [IEEBCS 2024 work_plan] 84 activities"), std::string::npos)
      << r.out;
  EXPECT_EQ(RawDb(db_).One("SELECT count(*) FROM activity"), "84");
  // The same content named as a file is the same document.
  Outcome again = Oplex("ingest " + plan);
  EXPECT_NE(again.out.find("1 unchanged"), std::string::npos) << again.out;
  EXPECT_EQ(Oplex("ingest - -").exit_code, 2);
}

}  // namespace
}  // namespace oplex
