// A database one can hand on: after an ingest the file stands alone (no -wal, -shm or journal
// beside it), and a copy of it in a read-only folder answers the reading commands, the sqlite3
// shell and Python's sqlite3. Run as root, the readers run as the user nobody, for whom the
// folder's permissions hold.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_fixture.h"
#include "raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;
using testing::RawDb;
using testing::Shell;

class PortableDbTest : public testing::CliFixture {
 protected:
  // `command` as a user the folder's permissions apply to (root passes them all).
  Outcome AsReader(const std::string& command) {
    const std::string prefix =
        geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    return Shell(prefix + command, output_);
  }

  // A copy of the test's database in a folder no one may write to; its path.
  fs::path ReadOnlyCopy() {
    const fs::path folder = dir_ / "archive";
    fs::create_directories(folder);
    const fs::path copy = folder / "plans.sqlite";
    fs::copy_file(db_, copy);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    return copy;
  }

  void SetUp() override {
    CliFixture::SetUp();
    output_ = dir_ / "out";  // where the readers' output and what they write go
    fs::create_directories(output_);
    fs::permissions(output_, fs::perms::all);
  }

  // The files in `folder`, by name.
  static std::vector<std::string> Names(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path output_;
};

TEST_F(PortableDbTest, AfterAnIngestTheFileStandsAlone) {
  IngestSamples();
  EXPECT_EQ(Names(dir_), (std::vector<std::string>{"out", "stderr", "stdout", "test.sqlite"}));
  // Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for WAL.
  const std::string header = testing::Slurp(db_).substr(0, 20);
  EXPECT_EQ(header[18], 1);
  EXPECT_EQ(header[19], 1);
  RawDb raw(db_);
  EXPECT_EQ(raw.One("PRAGMA journal_mode"), "delete");
}

TEST_F(PortableDbTest, ACopyInAReadOnlyFolderAnswersEveryReader) {
  IngestSamples();
  const Outcome stats = Oplex("stats --json");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const fs::path copy = ReadOnlyCopy();
  const std::string oplex = std::string(OPLEX_BINARY) + " --db " + copy.string() + " ";

  const Outcome copied_stats = AsReader(oplex + "stats --json");
  EXPECT_EQ(copied_stats.exit_code, 0) << copied_stats.err;
  EXPECT_EQ(copied_stats.out, stats.out);
  const Outcome search = AsReader(oplex + "search prep --limit 1");
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("IEE-AGS 2023  activity 2.28"), std::string::npos) << search.out;
  const Outcome compare = AsReader(oplex + "compare --part indicators");
  EXPECT_EQ(compare.exit_code, 0) << compare.err;
  EXPECT_NE(compare.out.find("Activities                          192       84    318"),
            std::string::npos)
      << compare.out;
  for (const std::string& command :
       {std::string("show 010101"), std::string("findings --severity error"),
        "export -o " + (output_ / "tables").string(),
        "report -o " + (output_ / "report.html").string(), std::string("dump")}) {
    const Outcome r = AsReader(oplex + command);
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
  }
  EXPECT_TRUE(fs::exists(output_ / "tables" / "activities.csv"));
  EXPECT_TRUE(fs::exists(output_ / "report.html"));

  const Outcome shell =
      AsReader("sqlite3 -readonly " + copy.string() + " 'SELECT count(*) FROM activity'");
  EXPECT_EQ(shell.exit_code, 0) << shell.err;
  EXPECT_EQ(shell.out, "594\n");
  // Debian's python3 (tools/setup.sh installs it): a user's shim in root's home is not for nobody.
  const Outcome python = AsReader(
      "/usr/bin/python3 -c 'import sqlite3, sys; con = sqlite3.connect(sys.argv[1]); "
      "print(con.execute(\"SELECT count(*) FROM v_activity\").fetchone()[0])' " +
      copy.string());
  EXPECT_EQ(python.exit_code, 0) << python.err;
  EXPECT_EQ(python.out, "594\n");
  EXPECT_EQ(Names(copy.parent_path()), std::vector<std::string>{"plans.sqlite"});
}

// A file an older oplex left in WAL mode: read in place from a read-only folder (immutable), and
// turned back to a rollback journal by the next write.
TEST_F(PortableDbTest, AFileLeftInWalModeIsReadInPlaceAndTurnedBackByTheNextWrite) {
  IngestSamples();
  {
    RawDb raw(db_);
    EXPECT_EQ(raw.One("PRAGMA journal_mode = WAL"), "wal");
  }
  const fs::path copy = ReadOnlyCopy();
  const Outcome stats = AsReader(std::string(OPLEX_BINARY) + " stats --db " + copy.string());
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("total: 5 documents"), std::string::npos) << stats.out;
  EXPECT_EQ(Names(copy.parent_path()), std::vector<std::string>{"plans.sqlite"});

  const Outcome again = Oplex("ingest " + std::string(OPLEX_SAMPLES_DIR));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  RawDb raw(db_);
  EXPECT_EQ(raw.One("PRAGMA journal_mode"), "delete");
}

TEST_F(PortableDbTest, ReadingNeverCreatesADatabase) {
  const Outcome r = Oplex("search prep");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no such database"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db_));
}

}  // namespace
}  // namespace oplex
