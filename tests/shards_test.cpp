// Shards and merge end to end through the oplex binary: the README's GNU parallel and Slurm
// recipes, run as written, give a database whose stable dump is byte for byte that of one run
// over the same files; merging again changes nothing; inputs of another schema, or not oplex
// databases, are refused by name; a table a later migration adds is merged without a word of
// merge code changing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "cli_fixture.h"
#include "raw_db.h"

namespace oplex {
namespace {

using testing::Outcome;
using testing::RawDb;
using testing::Shell;

const std::filesystem::path kSource = std::filesystem::path(OPLEX_DEFAULT_DATA_DIR).parent_path();

// The sample exports and a few PDFs that, together, give every table rows.
const char* const kArchive[] = {"data/real/icatech_poa_avance_2017_t1.pdf",
                                "data/pdf/generic/multipage.pdf", "data/pdf/ags-2023-x.pdf",
                                "data/pdf/dgo-2024q1-indicadores.pdf", "data/pdf/bcs-2024-x.pdf"};

// The shell commands of the README block after the line "<!-- tested: NAME -->".
std::string ReadmeRecipe(const std::string& name) {
  std::ifstream in(kSource / "README.md");
  std::string line, recipe;
  bool marked = false, inside = false;
  while (std::getline(in, line)) {
    if (line == "<!-- tested: " + name + " -->") {
      marked = true;
    } else if (marked && !inside && line == "```sh") {
      inside = true;
    } else if (inside && line == "```") {
      return recipe;
    } else if (inside) {
      recipe += line + "\n";
    }
  }
  ADD_FAILURE() << "README.md has no block marked " << name;
  return "";
}

class ShardsTest : public testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    // The folder the recipes run in: build/oplex and tools/ as in a checkout, and archive/.
    std::filesystem::create_directory_symlink(std::filesystem::path(OPLEX_BINARY).parent_path(),
                                              dir_ / "build");
    std::filesystem::create_directory_symlink(kSource / "tools", dir_ / "tools");
    std::filesystem::create_directories(dir_ / "archive");
    for (const auto& sample : std::filesystem::directory_iterator(OPLEX_SAMPLES_DIR)) {
      std::filesystem::copy_file(sample.path(), dir_ / "archive" / sample.path().filename());
    }
    for (const char* file : kArchive) {
      const std::filesystem::path path = kSource / file;
      std::filesystem::copy_file(path, dir_ / "archive" / path.filename());
    }
  }

  // Runs shell `commands` in the test's folder, with `path` before $PATH.
  Outcome Run(const std::string& commands, const std::string& path = "") {
    std::ofstream(dir_ / "commands.sh") << commands;
    return Shell(
        "cd " + dir_.string() + " && PATH=" + path + "$PATH bash -euo pipefail commands.sh", dir_);
  }

  std::string Dump(const std::string& db) {
    Outcome dump = Run("build/oplex dump --db " + db + "\n");
    EXPECT_EQ(dump.exit_code, 0) << dump.err;
    return dump.out;
  }

  // The dump of one run over the archive.
  std::string SingleRun() {
    Outcome one = Run("build/oplex ingest archive/ -q --db one.sqlite\n");
    EXPECT_EQ(one.exit_code, 0) << one.err;
    return Dump("one.sqlite");
  }

  // Sets a document's year by hand in one.sqlite and in the shard databases the recipe will
  // write (`shard_db`, its K as {}), so that document_metadata_set has rows to merge.
  void SetByHand(const std::string& shard_db) {
    std::string commands =
        "mkdir -p shards\nbuild/oplex ingest archive/ags-2023-x.pdf --year 2023 -q --db "
        "one.sqlite\n";
    for (const char* k : {"1", "2", "3", "4"}) {
      std::string db = shard_db;
      db.replace(db.find("{}"), 2, k);
      commands += "build/oplex ingest archive/ags-2023-x.pdf --year 2023 --shard " +
                  std::string(k) + "/4 -q --db " + db + "\n";
    }
    ASSERT_EQ(Run(commands).exit_code, 0);
  }

  // Checks that `recipe` (run in the test's folder) makes plans.sqlite the same as one run.
  void ExpectSameAsOneRun(const std::string& recipe, const std::string& shard_db,
                          const std::string& path = "") {
    SetByHand(shard_db);
    const std::string one = SingleRun();
    Outcome sharded = Run(recipe, path);
    ASSERT_EQ(sharded.exit_code, 0) << sharded.err;
    const std::string merged = Dump("plans.sqlite");
    EXPECT_TRUE(one == merged) << FirstDifference(one, merged);

    // Every table of the schema is in the dump, and the archive gives each rows: a table the
    // merge left out would show.
    RawDb raw(dir_ / "plans.sqlite");
    std::set<std::string> tables;
    for (const std::string& name : raw.Rows("SELECT name FROM pragma_table_list WHERE schema = "
                                            "'main' AND type = 'table' AND name NOT LIKE "
                                            "'sqlite%'")) {
      tables.insert(name);
    }
    tables.insert("search_text");
    const std::regex heading(R"(^\[(\w+)\] (\d+) rows:)");
    std::istringstream lines(merged);
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, heading)) continue;
      EXPECT_GT(std::stoi(m[2]), 0) << m[1] << " has no rows: the test would not see it merged";
      tables.erase(m[1]);
    }
    EXPECT_TRUE(tables.empty()) << "not in the dump: " << *tables.begin();
    raw.Exec("INSERT INTO search_text (search_text) VALUES ('integrity-check')");
    EXPECT_TRUE(raw.Rows("PRAGMA foreign_key_check").empty());

    // Merging again is a no-op.
    Outcome again = Run("build/oplex merge plans.sqlite shards/*.sqlite --json\n", path);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("\"documents\":0,\"present\":10,\"failed\":0"), std::string::npos)
        << again.out;
    EXPECT_TRUE(Dump("plans.sqlite") == merged);
  }

  static std::string FirstDifference(const std::string& a, const std::string& b) {
    std::istringstream la(a), lb(b);
    std::string x, y;
    for (int n = 1;; ++n) {
      const bool more_a = static_cast<bool>(std::getline(la, x));
      const bool more_b = static_cast<bool>(std::getline(lb, y));
      if (!more_a && !more_b) return "same";
      if (x != y || more_a != more_b) {
        return "line " + std::to_string(n) + ":\n  one run: " + x + "\n  merged:  " + y;
      }
    }
  }
};

TEST_F(ShardsTest, GnuParallelRecipeOfTheReadmeGivesTheSameDatabaseAsOneRun) {
  if (Run("command -v parallel\n").exit_code != 0) {
    GTEST_SKIP() << "GNU parallel is not installed (Debian package parallel; tools/setup.sh "
                    "installs it)";
  }
  ExpectSameAsOneRun(ReadmeRecipe("shards-parallel"), "shards/{}.sqlite");
}

TEST_F(ShardsTest, SlurmRecipeOfTheReadmeGivesTheSameDatabaseAsOneRun) {
  Outcome syntax = Run("bash -n tools/slurm/oplex-shards.sbatch\n");
  ASSERT_EQ(syntax.exit_code, 0) << syntax.err;
  // tests/slurm/sbatch runs the job array's tasks here, one after the other, as Slurm would.
  ExpectSameAsOneRun(ReadmeRecipe("shards-slurm"), "shards/shard-{}.sqlite",
                     (kSource / "tests/slurm").string() + ":");
}

TEST_F(ShardsTest, EachFileIsReadByExactlyOneShard) {
  size_t stored = 0;
  for (int k = 1; k <= 3; ++k) {
    Outcome shard = Run("build/oplex ingest archive/ --shard " + std::to_string(k) +
                        "/3 --json --db s.sqlite\n");
    ASSERT_EQ(shard.exit_code, 0) << shard.err;
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(shard.out, m, std::regex(R"("stored":(\d+).*"other_shard":(\d+))")))
        << shard.out;
    stored += std::stoul(m[1]);
    EXPECT_EQ(std::stoul(m[1]) + std::stoul(m[2]), 10u);
  }
  EXPECT_EQ(stored, 10u);
  for (const char* bad : {"0/4", "5/4", "1/0", "1", "a/b", "1/1000001"}) {
    EXPECT_EQ(Run(std::string("build/oplex ingest archive/ --shard ") + bad + "\n").exit_code, 2)
        << bad;
  }
}

TEST_F(ShardsTest, InputsOfAnotherSchemaOrNotOplexAreRefusedByNameAndTheOthersMerged) {
  ASSERT_EQ(Run("build/oplex ingest archive/bcs-2024-x.pdf -q --db old.sqlite\n"
                "build/oplex ingest archive/ags-2023-x.pdf -q --db good.sqlite\n"
                "echo 'not a database' > text.sqlite\n")
                .exit_code,
            0);
  RawDb(dir_ / "old.sqlite").Exec("PRAGMA user_version = 6");
  Outcome merge =
      Run("build/oplex merge out.sqlite old.sqlite text.sqlite missing.sqlite good.sqlite\n");
  EXPECT_EQ(merge.exit_code, 1) << merge.err;
  EXPECT_NE(merge.err.find("cannot merge old.sqlite: its schema version is 6, this oplex writes"),
            std::string::npos)
      << merge.err;
  EXPECT_NE(merge.err.find("cannot merge text.sqlite: the file is not an SQLite database"),
            std::string::npos)
      << merge.err;
  EXPECT_NE(merge.err.find("cannot merge missing.sqlite"), std::string::npos) << merge.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "missing.sqlite"));
  EXPECT_EQ(RawDb(dir_ / "out.sqlite").One("SELECT path FROM document"), "archive/ags-2023-x.pdf");

  EXPECT_EQ(Run("build/oplex merge out.sqlite out.sqlite\n").exit_code, 1);
  EXPECT_EQ(Run("build/oplex merge text.sqlite good.sqlite\n").exit_code, 3);
  EXPECT_EQ(Run("build/oplex merge out.sqlite\n").exit_code, 2);
}

TEST_F(ShardsTest, ATableALaterMigrationAddsIsMergedAndOneItCannotPlaceIsRefused) {
  ASSERT_EQ(Run("build/oplex ingest archive/bcs-2024-x.pdf -q --db in.sqlite\n"
                "build/oplex ingest archive/ags-2023-x.pdf -q --db out.sqlite\n")
                .exit_code,
            0);
  const std::string note =
      "CREATE TABLE note (id INTEGER PRIMARY KEY, activity_id INTEGER NOT NULL REFERENCES "
      "activity (id) ON DELETE CASCADE, text TEXT NOT NULL) STRICT";
  RawDb(dir_ / "in.sqlite")
      .Exec(note +
            "; INSERT INTO note (activity_id, text) SELECT id, "
            "code FROM activity");
  RawDb(dir_ / "out.sqlite").Exec(note);
  Outcome merge = Run("build/oplex merge out.sqlite in.sqlite\n");
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  RawDb out(dir_ / "out.sqlite");
  EXPECT_EQ(out.One("SELECT count(*) FROM note"), out.One("SELECT count(*) FROM activity a JOIN "
                                                          "document d ON d.id = a.document_id "
                                                          "WHERE d.path LIKE '%bcs%'"));
  EXPECT_EQ(out.One("SELECT count(*) FROM note n JOIN activity a ON a.id = n.activity_id WHERE "
                    "a.code <> n.text"),
            "0");

  const std::string loose =
      "CREATE TABLE loose (activity_id INTEGER REFERENCES activity (id), text TEXT) STRICT";
  RawDb(dir_ / "in.sqlite").Exec(loose);
  out.Exec(loose);
  merge = Run("build/oplex merge out.sqlite in.sqlite\n");
  EXPECT_EQ(merge.exit_code, 1);
  EXPECT_NE(merge.err.find("table loose refers to documents' records only through columns"),
            std::string::npos)
      << merge.err;
}

}  // namespace
}  // namespace oplex
