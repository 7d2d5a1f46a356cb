// `oplex export` over the ingested samples, checked with the tools a researcher loads the files
// with: the sqlite3 shell's .import and Python's csv and json modules, run from the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "json_value.h"
#include "raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::JsonValue;
using testing::Outcome;
using testing::RawDb;

// Each export table and the database table that has one record per row of it.
const std::vector<std::pair<std::string, std::string>> kTables = {
    {"activities", "activity"}, {"months", "activity_month"}, {"indicators", "indicator"},
    {"events", "event"},        {"references", "reference"},  {"findings", "finding"},
    {"sections", "section"},    {"documents", "document"},    {"categories", "category"}};

// A text with everything CSV must quote: a comma, quotes and a line break (and accents).
constexpr char kAwkward[] = "Revisar, con \"comillas\"\ny acentos: cómputo";

class ExportTest : public testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    out_ = dir_ / "out";
    IngestSamples();
    // IEE-AGS 2.35 "Atender el proceso técnico operativo del PREP." has no unit in the plan
    // (NULL); IEEM 010101 gets the awkward text and an empty (not unknown) unit.
    RawDb raw(db_);
    raw.Exec("UPDATE activity SET text = '" + Sql(kAwkward) + "', unit = '' WHERE code = '010101'");
    awkward_id_ = raw.One("SELECT id FROM activity WHERE code = '010101'");
  }

  // A shell command's stdout (stderr joins it, for the failure message).
  std::string Shell(const std::string& command) {
    const fs::path out = dir_ / "shell.out";
    const int status = std::system((command + " >" + out.string() + " 2>&1").c_str());
    EXPECT_EQ(status, 0) << command << "\n" << testing::Slurp(out);
    return testing::Slurp(out);
  }

  static std::string Sql(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out;
  }

  static std::string Hex(const std::string& text) {
    static const char* kDigits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
      out += kDigits[c >> 4];
      out += kDigits[c & 15];
    }
    return out;
  }

  fs::path out_;
  std::string awkward_id_;
};

TEST_F(ExportTest, CsvLoadsInSqliteAndPythonWithTheDatabasesRowCounts) {
  Outcome exported = Oplex("export -o " + out_.string());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  RawDb raw(db_);
  for (const auto& [name, table] : kTables) {
    const fs::path file = out_ / (name + ".csv");
    ASSERT_TRUE(fs::exists(file)) << file;
    const std::string count = std::to_string(raw.Count(table));
    EXPECT_NE(exported.out.find(file.string() + "  " + count + " rows"), std::string::npos)
        << exported.out;
    // The sqlite3 shell makes a table from the header row and loads the rest.
    EXPECT_EQ(
        Shell("sqlite3 :memory: '.import --csv " + file.string() + " t' 'SELECT count(*) FROM t'"),
        count + "\n")
        << name;
    EXPECT_EQ(Shell("python3 -c 'import csv, sys; rows = list(csv.reader(open(sys.argv[1], "
                    "newline=\"\", encoding=\"utf-8\"))); print(len(rows) - 1); "
                    "assert all(len(r) == len(rows[0]) for r in rows)' " +
                    file.string()),
              count + "\n")
        << name;
  }
  // The 5 samples, and the 17 functions of data/taxonomy_categories.tsv.
  EXPECT_EQ(raw.Count("document"), 5);
  EXPECT_EQ(raw.Count("category"), 17);
}

TEST_F(ExportTest, AwkwardTextNullAndEmptyRoundTrip) {
  ASSERT_EQ(Oplex("export -o " + out_.string() + " --tables activities").exit_code, 0);
  const fs::path file = out_ / "activities.csv";
  const std::string csv = testing::Slurp(file);
  // RFC 4180: quoted, quotes doubled, the line break kept inside the quotes; CRLF after each
  // record. Text then unit: the empty unit is "", the unknown one nothing.
  EXPECT_NE(csv.find(",\"Revisar, con \"\"comillas\"\"\ny acentos: cómputo\",\"\","),
            std::string::npos);
  EXPECT_NE(csv.find(",Atender el proceso técnico operativo del PREP.,,"), std::string::npos);
  EXPECT_EQ(csv.find("\r\n"), csv.find('\n') - 1);  // the header ends with CRLF
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");

  // Both readers give the text back byte for byte.
  EXPECT_EQ(Shell("sqlite3 :memory: '.import --csv " + file.string() +
                  " t' \"SELECT hex(text) FROM t WHERE id = '" + awkward_id_ + "'\""),
            Hex(kAwkward) + "\n");
  EXPECT_EQ(Shell("python3 -c 'import csv, sys; print([r[\"text\"] for r in csv.DictReader(open("
                  "sys.argv[1], newline=\"\", encoding=\"utf-8\")) if r[\"id\"] == sys.argv[2]][0]"
                  ".encode().hex().upper())' " +
                  file.string() + " " + awkward_id_),
            Hex(kAwkward) + "\n");
}

// The activities file stands alone: institute, year, document, category and months beside each
// activity. IEEM 090402's grid plans it in June only (seed line 1094); IEE-AGS 2.35's text export
// shows no months, so they are unknown.
TEST_F(ExportTest, ActivitiesCarryTheirContextAndMonths) {
  ASSERT_EQ(Oplex("export -o " + out_.string() + " --tables activities").exit_code, 0);
  const std::string query =
      "SELECT institute, year, document_path LIKE '%mex-ieem-programa-anual-2024.txt', "
      "category_label IS NOT NULL, month_01, month_05, month_06, month_07, month_12 FROM t WHERE "
      "code = ";
  const std::string file = (out_ / "activities.csv").string();
  EXPECT_EQ(Shell("sqlite3 :memory: '.import --csv " + file + " t' \"" + query + "'090402'\""),
            "IEEM|2024|1|1|0|0|1|0|0\n");
  EXPECT_EQ(Shell("sqlite3 :memory: '.import --csv " + file + " t' \"" + query + "'2.35'\""),
            "IEE-AGS|2023|0|1|||||\n");
}

TEST_F(ExportTest, JsonLinesParseWithNullsAndNumbers) {
  Outcome exported = Oplex("export -o " + out_.string() + " --format jsonl");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  RawDb raw(db_);
  for (const auto& [name, table] : kTables) {
    std::ifstream in(out_ / (name + ".jsonl"), std::ios::binary);
    int64_t lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
      JsonValue row;
      ASSERT_NO_THROW(row = testing::ParseJson(line)) << name << ": " << line;
      ASSERT_EQ(row.kind, JsonValue::Kind::kObject) << line;
      if (name != "activities") continue;
      if (row["code"].string == "010101") {
        EXPECT_EQ(row["text"].string, kAwkward);
        EXPECT_EQ(row["unit"].kind, JsonValue::Kind::kString);  // empty, not unknown
        EXPECT_EQ(row["unit"].string, "");
        EXPECT_EQ(row["annual_value"].kind, JsonValue::Kind::kNumber);
        EXPECT_EQ(row["annual_value"].number, 4060);  // "4,060" in the seed
        EXPECT_EQ(row["year"].number, 2024);
      } else if (row["code"].string == "2.35") {
        EXPECT_EQ(row["unit"].kind, JsonValue::Kind::kNull);
        EXPECT_EQ(row["months_mask"].kind, JsonValue::Kind::kNull);
        EXPECT_EQ(row["month_06"].kind, JsonValue::Kind::kNull);
      }
    }
    EXPECT_EQ(lines, raw.Count(table)) << name;
  }
  EXPECT_EQ(Shell("python3 -c 'import json, sys; print(sum(1 for l in open(sys.argv[1], "
                  "encoding=\"utf-8\") if json.loads(l)[\"text\"]))' " +
                  (out_ / "activities.jsonl").string()),
            std::to_string(raw.Count("activity")) + "\n");
}

TEST_F(ExportTest, RefusesToOverwriteWithoutForceAndRejectsUnknownTables) {
  ASSERT_EQ(Oplex("export -o " + out_.string() + " --tables months,events").exit_code, 0);
  EXPECT_TRUE(fs::exists(out_ / "months.csv"));
  EXPECT_TRUE(fs::exists(out_ / "events.csv"));
  EXPECT_FALSE(fs::exists(out_ / "activities.csv"));
  std::ofstream(out_ / "events.csv", std::ios::trunc) << "mine\n";

  Outcome again = Oplex("export -o " + out_.string());
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_NE(again.err.find("events.csv"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(testing::Slurp(out_ / "events.csv"), "mine\n");
  EXPECT_FALSE(fs::exists(out_ / "activities.csv"));  // nothing was written

  EXPECT_EQ(Oplex("export -o " + out_.string() + " --force").exit_code, 0);
  EXPECT_NE(testing::Slurp(out_ / "events.csv"), "mine\n");
  for (const auto& entry : fs::directory_iterator(out_)) {
    EXPECT_EQ(entry.path().extension(), ".csv") << entry.path();  // no partial file left
  }

  Outcome unknown = Oplex("export -o " + out_.string() + " --tables activities,budgets");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown table 'budgets'"), std::string::npos) << unknown.err;
  EXPECT_EQ(Oplex("export").exit_code, 2);
  EXPECT_EQ(Oplex("export -o " + out_.string() + " --format xml").exit_code, 2);
  Outcome help = Oplex("export --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: oplex export"), std::string::npos);
}

}  // namespace
}  // namespace oplex
