// The oplex command line, run as a user would: the real binary, real files, real SQLite
// databases in a fresh temporary folder per test.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "oplex_cli.h"

namespace fs = std::filesystem;

namespace {

using oplex::testing::CountLines;
using oplex::testing::Outcome;
using oplex::testing::Slurp;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("oplex-cli-" + std::to_string(rd()));
    fs::create_directories(dir_);
    db_ = dir_ / "test.sqlite";
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Oplex(const std::string& args) { return oplex::testing::RunOplex(args, dir_); }

  static fs::path Sample(const std::string& name) { return fs::path(OPLEX_SAMPLES_DIR) / name; }

  // The first column of the first row, or nullopt when the query cannot run (yet).
  std::optional<int64_t> TryQuery(const std::string& sql) {
    sqlite3* db = nullptr;
    std::optional<int64_t> value;
    if (sqlite3_open_v2(db_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_busy_timeout(db, 5000);
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
          sqlite3_step(stmt) == SQLITE_ROW) {
        value = sqlite3_column_int64(stmt, 0);
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return value;
  }

  int64_t Query(const std::string& sql) {
    auto value = TryQuery(sql);
    EXPECT_TRUE(value.has_value()) << sql;
    return value.value_or(-1);
  }

  // Rows of every record table, as one comparable string.
  std::string Counts() {
    std::string out;
    for (const char* table :
         {"document", "section", "activity", "activity_month", "deliverable",
          "activity_deliverable", "beneficiary", "beneficiary_count", "stated_total", "finding"}) {
      out += std::string(table) + "=" +
             std::to_string(Query(std::string("SELECT count(*) FROM ") + table)) + " ";
    }
    return out;
  }

  fs::path dir_;
  fs::path db_;
};

TEST_F(CliTest, IngestsTheSamplesAndReingestingChangesNothing) {
  Outcome first = Oplex("ingest " + std::string(OPLEX_SAMPLES_DIR) + " --db " + db_.string());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("5 stored"), std::string::npos) << first.out;
  EXPECT_EQ(Query("SELECT count(*) FROM activity WHERE code = '010101'"), 1);
  const std::string before = Counts();
  const int64_t max_id = Query("SELECT max(id) FROM document");

  Outcome second = Oplex("ingest " + std::string(OPLEX_SAMPLES_DIR) + " --db " + db_.string());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("0 stored, 0 replaced, 5 unchanged, 0 failed"), std::string::npos)
      << second.out;
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(Query("SELECT max(id) FROM document"), max_id);
}

TEST_F(CliTest, ForceReplacesADocumentCleanly) {
  const std::string file = Sample("bcs-ieebcs-deoe-pat-2024.txt").string();
  ASSERT_EQ(Oplex("ingest " + file + " --db " + db_.string()).exit_code, 0);
  const std::string before = Counts();

  Outcome forced = Oplex("ingest --force " + file + " --db " + db_.string());
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("1 replaced"), std::string::npos) << forced.out;
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(Query("SELECT count(*) FROM activity WHERE document_id NOT IN (SELECT id FROM "
                  "document)"),
            0);
}

TEST_F(CliTest, BadFilesGetOneClearErrorEachAndTheGoodOnesAreStored) {
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  fs::copy_file(Sample("bcs-ieebcs-deoe-pat-2024.txt"), in / "good.txt");
  std::ofstream(in / "empty.txt").close();
  {
    std::ofstream garbage(in / "garbage.bin", std::ios::binary);
    std::mt19937 rng(7);
    for (int i = 0; i < 4096; ++i) garbage.put(static_cast<char>(rng() & 0xFF));
  }
  {
    // "Dirección de Organización" in Latin-1: converted, not rejected.
    std::ofstream latin1(in / "latin1.txt", std::ios::binary);
    latin1 << "Programa Anual de Trabajo 2024\nDirecci\xF3n de Organizaci\xF3n Electoral\n";
  }
  fs::create_symlink(dir_ / "does-not-exist.txt", in / "unreadable.txt");

  Outcome r = Oplex("ingest " + in.string() + " --db " + db_.string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  for (const char* bad : {"empty.txt", "garbage.bin", "unreadable.txt"}) {
    EXPECT_EQ(CountLines(r.err, bad), 1u) << bad << "\n" << r.err;
  }
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
  EXPECT_EQ(CountLines(r.err, "error"), 3u) << r.err;
  EXPECT_EQ(Query("SELECT count(*) FROM document"), 2);
  EXPECT_EQ(Query("SELECT count(*) FROM activity"), 84);
  EXPECT_NE(r.out.find("2 stored, 0 replaced, 0 unchanged, 3 failed"), std::string::npos) << r.out;
}

TEST_F(CliTest, KillingAnIngestMidwayLeavesOnlyWholeDocuments) {
  // Thirty distinct copies of the IEEM plan (318 activities each): long enough to kill mid-run.
  const fs::path in = dir_ / "many";
  fs::create_directories(in);
  const std::string plan = Slurp(Sample("mex-ieem-programa-anual-2024.txt"));
  constexpr int kCopies = 30;
  for (int i = 0; i < kCopies; ++i) {
    std::ofstream(in / ("copy" + std::to_string(i) + ".txt")) << plan << "\nCopia " << i << "\n";
  }
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(OPLEX_BINARY, "oplex", "ingest", in.c_str(), "--db", db_.c_str(), "--jobs", "1",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill once some documents are stored but not all.
  for (int i = 0; i < 400; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (TryQuery("SELECT count(*) FROM document").value_or(0) >= 3) break;
  }
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);

  const int64_t stored = Query("SELECT count(*) FROM document");
  EXPECT_GE(stored, 3);
  EXPECT_LT(stored, kCopies) << "the ingest finished before it could be killed";
  EXPECT_EQ(Query("SELECT count(*) FROM activity"), stored * 318);

  Outcome resumed = Oplex("ingest " + in.string() + " --db " + db_.string());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find(std::to_string(kCopies - stored) + " stored"), std::string::npos)
      << resumed.out;
  EXPECT_EQ(Query("SELECT count(*) FROM document"), kCopies);
  EXPECT_EQ(Query("SELECT count(*) FROM activity"), kCopies * 318);
}

TEST_F(CliTest, HelpAndVersionExitZero) {
  Outcome version = Oplex("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("oplex ", 0), 0u);
  Outcome help = Oplex("--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"ingest", "stats", "show", "findings", "tables", "compare", "search",
                              "export", "report", "merge", "dump"}) {
    EXPECT_NE(help.out.find(std::string("\n  ") + command + " "), std::string::npos) << command;
    Outcome own = Oplex(std::string(command) + " --help");
    EXPECT_EQ(own.exit_code, 0) << command;
    EXPECT_NE(own.out.find(std::string("usage: oplex ") + command), std::string::npos) << command;
    EXPECT_EQ(own.err, "") << command;
  }
  EXPECT_NE(help.out.find("exit codes:"), std::string::npos);
}

// `text` with its runs of white space as one space, and without Markdown's backticks.
std::string Plain(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '`') continue;
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

// `oplex --help` lists the exit codes as the README's table has them, word for word.
TEST_F(CliTest, HelpListsTheExitCodesOfTheReadme) {
  const std::string readme = Slurp(fs::path(OPLEX_DEFAULT_DATA_DIR).parent_path() / "README.md");
  const std::string help = Plain(Oplex("--help").out);
  std::istringstream lines(readme);
  int codes = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| `", 0) != 0 || line.size() < 8 || line.compare(4, 4, "` | ") != 0) continue;
    const std::string code = line.substr(3, 1);
    const std::string meaning = line.substr(8, line.rfind(" |") - 8);
    EXPECT_NE(help.find(" " + code + " " + Plain(meaning)), std::string::npos)
        << "exit code " << code << ": " << meaning << "\nnot in: " << help;
    ++codes;
  }
  EXPECT_EQ(codes, 4);
}

// Exit code 2: one message style ("oplex: MESSAGE", then where the help is), and a suggestion
// when an unknown command or option is near a known one.
TEST_F(CliTest, UsageErrorsExitTwoWithOneMessageAndASuggestion) {
  const std::string db = " --db " + db_.string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ingset data/",
       "oplex: unknown command 'ingset' (did you mean ingest?)\n"
       "run `oplex --help` for the commands\n"},
      {"ingest --jbos 2 x" + db,
       "oplex: unknown option '--jbos' (did you mean --jobs?)\n"
       "run `oplex ingest --help` for its options\n"},
      {"search prep --limt=3" + db,
       "oplex: unknown option '--limt=3' (did you mean --limit?)\n"
       "run `oplex search --help` for its options\n"},
      {"stats --jsno" + db,
       "oplex: unknown option '--jsno' (did you mean --json?)\n"
       "run `oplex stats --help` for its options\n"},
      {"stats --colour" + db,
       "oplex: unknown option '--colour'\n"
       "run `oplex stats --help` for its options\n"},
      {"stats IEEM" + db,
       "oplex: unexpected argument 'IEEM'\n"
       "run `oplex stats --help` for its options\n"},
      {"ingest" + db,
       "oplex: ingest needs at least one file or folder\n"
       "run `oplex ingest --help` for its options\n"},
      {"ingest -j 0 x" + db,
       "oplex: --jobs is a number from 1 to 256, not '0'\n"
       "run `oplex ingest --help` for its options\n"},
      {"ingest --jobs=zero x" + db,
       "oplex: --jobs is a number from 1 to 256, not 'zero'\n"
       "run `oplex ingest --help` for its options\n"},
      {"ingest x" + db + " --ocr-dpi",
       "oplex: --ocr-dpi needs a value\n"
       "run `oplex ingest --help` for its options\n"},
      {"findings --severity loud" + db,
       "oplex: --severity is info, warning or error, not 'loud'\n"
       "run `oplex findings --help` for its options\n"},
      {"tables x.pdf --format csv --json",
       "oplex: --format csv and --json: choose one\n"
       "run `oplex tables --help` for its options\n"},
      {"export -o out --format=xml" + db,
       "oplex: --format is csv or jsonl, not 'xml'\n"
       "run `oplex export --help` for its options\n"},
  };
  for (const auto& [args, message] : cases) {
    Outcome r = Oplex(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, message) << args;
    EXPECT_EQ(r.out, "") << args;
  }
  EXPECT_FALSE(fs::exists(db_)) << "a usage error creates no database";
  Outcome none = Oplex("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err.rfind("oplex: no command given\nusage: oplex", 0), 0u) << none.err;
}

// --opt=value, short aliases and global options before or after the command.
TEST_F(CliTest, OptionsTakeTheirValueAfterAnEqualsSignAndHaveShortAliases) {
  Outcome r = Oplex("--db=" + db_.string() + " ingest -j 1 --ocr=never " +
                    Sample("bcs-ieebcs-deoe-pat-2024.txt").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Query("SELECT count(*) FROM activity"), 84);
  Outcome stats = Oplex("stats --json --db=" + db_.string());
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("\"activities\":84"), std::string::npos) << stats.out;
  const fs::path out = dir_ / "out";
  Outcome exported =
      Oplex("export -o " + out.string() + " --tables=documents --db " + db_.string());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(fs::exists(out / "documents.csv"));
}

// Exit codes 1 and 3 as the README says: 1 when some inputs failed and others were stored, or
// show/search found nothing; 3 when nothing could be done.
TEST_F(CliTest, SomeFailedIsOneNothingDoneIsThree) {
  const std::string db = " --db " + db_.string();
  Outcome missing = Oplex("ingest " + (dir_ / "nonexistent").string() + db);
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
  EXPECT_EQ(CountLines(missing.err, "nonexistent: no such file or folder"), 1u) << missing.err;
  EXPECT_FALSE(fs::exists(db_)) << "no database is created when no file is read";

  const std::string good = Sample("bcs-ieebcs-deoe-pat-2024.txt").string();
  Outcome some = Oplex("ingest " + good + " " + (dir_ / "nonexistent").string() + db);
  EXPECT_EQ(some.exit_code, 1) << some.err;
  EXPECT_EQ(Query("SELECT count(*) FROM document"), 1);

  std::ofstream(dir_ / "empty.txt").close();
  Outcome all_bad = Oplex("ingest " + (dir_ / "empty.txt").string() + db);
  EXPECT_EQ(all_bad.exit_code, 3) << all_bad.err;

  EXPECT_EQ(Oplex("show 99.99.99" + db).exit_code, 1);
  EXPECT_EQ(Oplex("search zzzzqq" + db).exit_code, 1);
  EXPECT_EQ(Oplex("show 2.1" + db).exit_code, 0);

  Outcome no_db = Oplex("stats --db " + (dir_ / "missing.sqlite").string());
  EXPECT_EQ(no_db.exit_code, 3);
  EXPECT_NE(no_db.err.find("missing.sqlite"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "missing.sqlite"));
}

TEST_F(CliTest, ShowAndFindingsAsJson) {
  ASSERT_EQ(Oplex("ingest " + Sample("mex-ieem-programa-anual-2024.txt").string() + " --db " +
                  db_.string())
                .exit_code,
            0);
  Outcome show = Oplex("show 010101 --json --db " + db_.string());
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find(R"("unit":"Solicitud")"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find(R"("raw":"4,060","value":4060)"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find(R"("months":[1,2,3,4,5,6,7,8,9,10,11,12])"), std::string::npos);
  EXPECT_NE(show.out.find(R"("counts_text":"13,1,S/C, S/C")"), std::string::npos);

  Outcome unknown = Oplex("show 020101 --json --db " + db_.string());
  EXPECT_NE(unknown.out.find(R"("months":null)"), std::string::npos) << unknown.out;

  Outcome findings = Oplex("findings --json --severity warning --db " + db_.string());
  ASSERT_EQ(findings.exit_code, 0);
  EXPECT_NE(findings.out.find(R"("activity":"100303")"), std::string::npos);
  EXPECT_EQ(findings.out.find(R"("severity":"info")"), std::string::npos);
}

// A month grid with week sub-columns: the weeks reach the file and come back from it.
TEST_F(CliTest, ShowsTheWeeksOfAWeekGrid) {
  const fs::path pdf = fs::path(OPLEX_DEFAULT_DATA_DIR) / "pdf" / "generic" / "weeks.pdf";
  ASSERT_EQ(Oplex("ingest " + pdf.string() + " --db " + db_.string()).exit_code, 0);
  Outcome show = Oplex("show 2.2 --db " + db_.string());
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("months:   ..........ND\n"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("weeks:    11:0111 12:1111\n"), std::string::npos) << show.out;
  Outcome json = Oplex("show 2.2 --json --db " + db_.string());
  EXPECT_NE(json.out.find(R"("month":11,"planned":null,"marked":true,"weeks":"0111")"),
            std::string::npos)
      << json.out;
}

}  // namespace
