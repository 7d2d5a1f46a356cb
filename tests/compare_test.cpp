// `oplex compare` over the seed documents, run as a user would: the real binary on a database
// ingested from data/samples. Every number it prints is checked against SQL over the base
// tables (document, activity, activity_month, indicator, category), not the views the command
// reads, so the views v_category_share, v_month_load and v_indicator_coverage are tested too.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "json_value.h"
#include "oplex_cli.h"
#include "raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::JsonValue;
using testing::Outcome;
using testing::ParseJson;
using testing::RawDb;

const std::string kAgsPlan = "ags-iee-plan-anual-2023.txt";
const std::string kIeemPlan = "mex-ieem-programa-anual-2024.txt";

// One CSV record per row, fields unquoted; every record must end in CR LF (RFC 4180).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_record = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    in_record = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "a lone CR at " << i;
      ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      in_record = false;
    } else {
      EXPECT_NE(c, '\n') << "a record ends without CR at " << i;
      field += c;
    }
  }
  EXPECT_FALSE(in_record) << "the last record does not end with CR LF";
  return rows;
}

// Characters on screen (UTF-8 continuation bytes take no column).
size_t Width(const std::string& line) {
  size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

// The words after `label` on the first line that starts with it.
std::vector<std::string> RowAfter(const std::string& text, const std::string& label) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(label, 0) != 0) continue;
    std::istringstream words(line.substr(label.size()));
    std::vector<std::string> out;
    for (std::string w; words >> w;) out.push_back(w);
    return out;
  }
  ADD_FAILURE() << "no line starts with " << label << " in\n" << text;
  return {};
}

// SQL for "is NULL or equals" a JSON value (a column's institute or year).
std::string Equals(const std::string& column, const JsonValue& v) {
  if (v.kind == JsonValue::Kind::kNull) return column + " IS NULL";
  if (v.kind == JsonValue::Kind::kNumber) {
    return column + " = " + std::to_string(static_cast<int64_t>(v.number));
  }
  return column + " = '" + v.string + "'";
}

std::optional<double> Number(const JsonValue& v) {
  if (v.kind == JsonValue::Kind::kNull) return std::nullopt;
  EXPECT_EQ(v.kind, JsonValue::Kind::kNumber);
  return v.number;
}

// A column as "IEEM 2024", for messages and sets.
std::string Name(const JsonValue& row) {
  const JsonValue& year = row["year"];
  return (row["institute"].kind == JsonValue::Kind::kNull ? "?" : row["institute"].string) + " " +
         (year.kind == JsonValue::Kind::kNull ? "?" : std::to_string(int(year.number)));
}

std::vector<std::string> Names(const JsonValue& rows) {
  std::vector<std::string> names;
  for (const JsonValue& row : rows.array) names.push_back(Name(row));
  return names;
}

class CompareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("oplex-compare-" + std::to_string(rd()));
    fs::create_directories(dir_);
    db_ = dir_ / "seeds.sqlite";
    Outcome ingest = testing::RunOplex(
        "ingest " + std::string(OPLEX_SAMPLES_DIR) + " --db " + db_.string(), dir_);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Compare(const std::string& args) {
    return testing::RunOplex("compare --db " + db_.string() + " " + args, dir_);
  }

  JsonValue CompareJson(const std::string& args) {
    Outcome r = Compare("--json " + args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseJson(r.out);
  }

  double Sql(RawDb& raw, const std::string& sql) { return std::stod(raw.One(sql)); }

  std::optional<double> OptionalSql(RawDb& raw, const std::string& sql) {
    const std::string v = raw.One(sql);
    if (v == "<null>") return std::nullopt;
    return std::stod(v);
  }

  // Checks every row of every part of `json` against the base tables, for documents that pass
  // `documents` (SQL over `d`, the document table).
  void ExpectAgreesWithBaseTables(const JsonValue& json, const std::string& documents) {
    RawDb raw(db_);
    const std::string from_activities =
        " FROM activity AS a JOIN document AS d ON d.id = a.document_id WHERE " + documents;

    // Columns: every institute and year some passing document has, each once.
    std::set<std::string> expected_columns;
    for (const std::string& row :
         raw.Rows("SELECT DISTINCT ifnull(institute, '?') || ' ' || ifnull(year, '?') FROM "
                  "document AS d WHERE " +
                  documents)) {
      expected_columns.insert(row);
    }
    const std::vector<std::string> names = Names(json["columns"]);
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), expected_columns);
    EXPECT_EQ(names.size(), expected_columns.size());

    std::map<std::string, int> category_rows;
    for (const JsonValue& row : json["categories"].array) {
      SCOPED_TRACE(
          Name(row) + " " +
          (row["category"].kind == JsonValue::Kind::kNull ? "NULL" : row["category"].string));
      const std::string column = Equals("d.institute", row["institute"]) + " AND " +
                                 Equals("d.year", row["year"]) + " AND ";
      const double total = Sql(raw, "SELECT count(*)" + from_activities + " AND " + column + "1");
      const double n = Sql(raw, "SELECT count(*)" + from_activities + " AND " + column +
                                    Equals("a.category", row["category"]));
      EXPECT_EQ(row["activities"].number, n);
      if (total == 0) {
        EXPECT_EQ(row["share"].kind, JsonValue::Kind::kNull);
      } else {
        EXPECT_NEAR(Number(row["share"]).value_or(-1), n / total, 1e-12);
      }
      if (row["category"].kind == JsonValue::Kind::kString) {
        EXPECT_EQ(row["label"].string + "|" + std::to_string(int(row["rank"].number)),
                  raw.One("SELECT label || '|' || rank FROM category WHERE slug = '" +
                          row["category"].string + "'"));
      }
      ++category_rows[Name(row)];
    }
    // Every category of table `category` in every column, and a NULL row when any activity
    // passing the filter has no category yet.
    const int categories =
        int(Sql(raw, "SELECT count(*) FROM category")) +
        int(Sql(raw, "SELECT count(*)" + from_activities + " AND a.category IS NULL") > 0);
    for (const std::string& name : names) EXPECT_EQ(category_rows[name], categories) << name;

    int month_rows = 0;
    for (const JsonValue& row : json["months"].array) {
      const int month = int(row["month"].number);
      SCOPED_TRACE(Name(row) + " month " + std::to_string(month));
      const std::string column = " AND " + Equals("d.institute", row["institute"]) + " AND " +
                                 Equals("d.year", row["year"]) + " AND a.months_mask IS NOT NULL";
      const double known = Sql(raw, "SELECT count(*)" + from_activities + column);
      EXPECT_EQ(row["activities_with_months"].number, known);
      const std::optional<double> scheduled = Number(row["activities_scheduled"]);
      if (known == 0) {
        EXPECT_FALSE(scheduled.has_value()) << "no month is known: unknown, not 0";
      } else {
        EXPECT_EQ(scheduled,
                  Sql(raw, "SELECT count(*)" + from_activities + column + " AND (a.months_mask & " +
                               std::to_string(1 << (month - 1)) + ") <> 0"));
      }
      const std::string planned =
          " FROM activity_month AS m JOIN activity AS a ON a.id = m.activity_id JOIN document AS "
          "d ON d.id = a.document_id WHERE " +
          documents + column + " AND m.month = " + std::to_string(month);
      EXPECT_EQ(row["activities_with_quantity"].number,
                Sql(raw, "SELECT count(m.planned_value)" + planned));
      const std::optional<double> sum = OptionalSql(raw, "SELECT sum(m.planned_value)" + planned);
      ASSERT_EQ(Number(row["planned_quantity"]).has_value(), sum.has_value());
      if (sum) {
        EXPECT_NEAR(*Number(row["planned_quantity"]), *sum, 1e-6);
      }
      ++month_rows;
    }
    EXPECT_EQ(month_rows, 12 * static_cast<int>(names.size()));

    ASSERT_EQ(json["indicators"].array.size(), names.size());
    for (const JsonValue& row : json["indicators"].array) {
      SCOPED_TRACE(Name(row));
      const std::string column = " AND " + Equals("d.institute", row["institute"]) + " AND " +
                                 Equals("d.year", row["year"]);
      const std::string docs = " FROM document AS d WHERE " + documents + column;
      const std::string indicators =
          " FROM indicator AS i JOIN document AS d ON d.id = i.document_id WHERE " + documents +
          column;
      EXPECT_EQ(row["documents"].number, Sql(raw, "SELECT count(*)" + docs));
      EXPECT_EQ(row["plans"].number,
                Sql(raw, "SELECT count(*)" + docs + " AND kind = 'work_plan'"));
      EXPECT_EQ(row["activities"].number, Sql(raw, "SELECT count(*)" + from_activities + column));
      EXPECT_EQ(row["indicators"].number, Sql(raw, "SELECT count(*)" + indicators));
      EXPECT_EQ(row["indicators_linked"].number,
                Sql(raw, "SELECT count(*)" + indicators + " AND i.activity_id IS NOT NULL"));
      EXPECT_EQ(row["activities_with_indicator"].number,
                Sql(raw, "SELECT count(DISTINCT i.activity_id)" + indicators));
      std::vector<std::string> paths;
      for (const JsonValue& p : row["plans_without_indicators_paths"].array) {
        paths.push_back(p.string);
      }
      EXPECT_EQ(paths, raw.Rows("SELECT path" + docs +
                                " AND kind = 'work_plan' AND NOT EXISTS (SELECT 1 FROM indicator "
                                "AS i WHERE i.document_id = d.id) ORDER BY path"));
      EXPECT_EQ(row["plans_without_indicators"].number, static_cast<double>(paths.size()));
    }
  }

  fs::path dir_;
  fs::path db_;
};

// The "done when": the three institutes side by side, every number as SQL counts it,
// and under 15 % of each institute's activities unclassified.
TEST_F(CompareTest, SetsTheSeedInstitutesSideBySideAsTheBaseTablesCountThem) {
  const JsonValue json = CompareJson("");
  EXPECT_EQ(json["filters"]["institutes"].kind, JsonValue::Kind::kNull);
  // By institute code: IEE-AGS, IEEBCS, IEEM, and Durango, whose indicator report has no plan.
  EXPECT_EQ(Names(json["columns"]), (std::vector<std::string>{"IEE-AGS 2023", "IEEBCS 2024",
                                                              "IEEM 2024", "IEPC-DGO 2024"}));
  ExpectAgreesWithBaseTables(json, "1");

  RawDb raw(db_);
  for (const char* institute : {"IEEM", "IEE-AGS", "IEEBCS"}) {
    SCOPED_TRACE(institute);
    double unclassified = 0;
    for (const JsonValue& row : json["categories"].array) {
      if (row["institute"].string != institute) continue;
      if (row["category"].kind == JsonValue::Kind::kNull ||
          row["category"].string == "sin_clasificar") {
        unclassified += row["share"].number;
      }
    }
    EXPECT_LT(unclassified, 0.15);
    EXPECT_LT(Sql(raw,
                  "SELECT avg(ifnull(a.category, 'sin_clasificar') = 'sin_clasificar') FROM "
                  "activity AS a JOIN document AS d ON d.id = a.document_id WHERE d.institute = '" +
                      std::string(institute) + "'"),
              0.15);
  }
}

// Facts read in the seed documents themselves.
TEST_F(CompareTest, CountsWhatTheSeedsSay) {
  const JsonValue json = CompareJson("");
  auto category = [&](const std::string& column, const std::string& slug) {
    for (const JsonValue& row : json["categories"].array) {
      if (Name(row) == column && row["category"].kind == JsonValue::Kind::kString &&
          row["category"].string == slug) {
        return row["activities"].number;
      }
    }
    ADD_FAILURE() << "no row for " << column << " " << slug;
    return -1.0;
  };
  // IEE-AGS 2023 plan, lines 477-501: eleven activities name the PREP (2.28-2.32, 2.34, 2.35,
  // 2.37, 2.39, 2.40, 2.42) and 2.27 the contracts with the COTAPREP, its committee.
  RawDb raw(db_);
  EXPECT_EQ(raw.Rows("SELECT a.code FROM activity AS a JOIN document AS d ON d.id = a.document_id "
                     "WHERE d.path LIKE '%" +
                     kAgsPlan + "' AND a.category = 'prep_computos' ORDER BY a.id"),
            (std::vector<std::string>{"2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.34",
                                      "2.35", "2.37", "2.39", "2.40", "2.42"}));
  EXPECT_EQ(category("IEE-AGS 2023", "prep_computos"), 12);
  // IEEBCS 2024 plan: project 7, the rules for the district and municipal counts (lines
  // 296-309, activities 7.1-7.10), and 3.6 and 3.7, which follow the counting sessions.
  EXPECT_EQ(category("IEEBCS 2024", "prep_computos"), 12);
  // Only the IEEM plan has a subprogram of gender equality (the 12th of its contents); the AGS
  // and BCS plans speak of gender only in their front matter, in no activity.
  EXPECT_GT(category("IEEM 2024", "igualdad_genero"), 0);
  EXPECT_EQ(category("IEE-AGS 2023", "igualdad_genero"), 0);
  EXPECT_EQ(category("IEEBCS 2024", "igualdad_genero"), 0);

  for (const JsonValue& row : json["indicators"].array) {
    const std::string name = Name(row);
    std::vector<std::string> paths;
    for (const JsonValue& p : row["plans_without_indicators_paths"].array) {
      paths.push_back(fs::path(p.string).filename().string());
    }
    if (name == "IEEBCS 2024") {
      // Its MIR annex (lines 520-532): four indicators, each naming its line of action 12.1-12.4.
      EXPECT_EQ(row["indicators"].number, 4);
      EXPECT_EQ(row["indicators_linked"].number, 4);
      EXPECT_EQ(row["activities_with_indicator"].number, 4);
      EXPECT_TRUE(paths.empty());
    } else if (name == "IEE-AGS 2023") {
      // A plan with no indicator table and the COTAPREP activity report.
      EXPECT_EQ(row["documents"].number, 2);
      EXPECT_EQ(row["plans"].number, 1);
      EXPECT_EQ(paths, std::vector<std::string>{kAgsPlan});
    } else if (name == "IEEM 2024") {
      EXPECT_EQ(paths, std::vector<std::string>{kIeemPlan});
    } else {
      // Durango: an indicator report, no plan.
      EXPECT_EQ(name, "IEPC-DGO 2024");
      EXPECT_EQ(row["plans"].number, 0);
      EXPECT_EQ(row["activities"].number, 0);
      EXPECT_GT(row["indicators"].number, 0);
    }
  }

  // The text exports of the AGS and BCS plans lost their month shading (empty cells, e.g.
  // line 483 of the AGS plan): their months are unknown, not "none".
  for (const JsonValue& row : json["months"].array) {
    if (Name(row) == "IEE-AGS 2023" || Name(row) == "IEEBCS 2024") {
      EXPECT_EQ(row["activities_with_months"].number, 0);
      EXPECT_EQ(row["activities_scheduled"].kind, JsonValue::Kind::kNull);
      EXPECT_EQ(row["planned_quantity"].kind, JsonValue::Kind::kNull);
    }
  }
}

TEST_F(CompareTest, TerminalTablesFitInAHundredColumns) {
  Outcome r = Compare("");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) EXPECT_LE(Width(line), 100u) << line;
  // Side by side: one header line names the institutes, in order.
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\n +IEE-AGS +IEEBCS +IEEM +IEPC-DGO\n")))
      << r.out;
  // count, share per institute (12 of 192 is 6.25 %, 12 of 84 14.29 %, 7 of 318 2.20 %);
  // Durango has no activity, so no share.
  EXPECT_EQ(RowAfter(r.out, "PREP y cómputos"),
            (std::vector<std::string>{"12", "6.3%", "12", "14.3%", "7", "2.2%", "0", "—"}));
  // AGS and BCS: unknown months and quantities; IEEM: known.
  const std::vector<std::string> january = RowAfter(r.out, "January");
  ASSERT_EQ(january.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(january.begin(), january.begin() + 4),
            (std::vector<std::string>{"—", "—", "—", "—"}));
  EXPECT_NE(january[4], "—");
  EXPECT_NE(r.out.find("no indicators: " + std::string(OPLEX_SAMPLES_DIR) + "/" + kAgsPlan),
            std::string::npos)
      << r.out;
}

TEST_F(CompareTest, FiltersByInstituteYearAndKind) {
  const JsonValue all = CompareJson("");
  // Rows of `part` in `json`, as text, for the columns named.
  auto rows = [](const JsonValue& json, const std::string& part, std::set<std::string> columns) {
    std::vector<std::string> out;
    for (const JsonValue& row : json[part].array) {
      if (!columns.count(Name(row))) continue;
      std::string text;
      for (const auto& [key, value] : row.object) {
        text += key + "=" +
                (value.kind == JsonValue::Kind::kString   ? value.string
                 : value.kind == JsonValue::Kind::kNumber ? std::to_string(value.number)
                                                          : "null") +
                " ";
      }
      out.push_back(text);
    }
    return out;
  };

  // In the order asked, any case; the numbers are those of the unfiltered run.
  const JsonValue two = CompareJson("--institute IEEM,ieebcs");
  EXPECT_EQ(Names(two["columns"]), (std::vector<std::string>{"IEEM 2024", "IEEBCS 2024"}));
  ExpectAgreesWithBaseTables(two, "d.institute IN ('IEEM', 'IEEBCS')");
  for (const char* part : {"categories", "months", "indicators"}) {
    std::vector<std::string> filtered = rows(two, part, {"IEEM 2024", "IEEBCS 2024"});
    std::vector<std::string> unfiltered = rows(all, part, {"IEEM 2024", "IEEBCS 2024"});
    std::sort(filtered.begin(), filtered.end());
    std::sort(unfiltered.begin(), unfiltered.end());
    EXPECT_EQ(filtered, unfiltered) << part;
  }
  EXPECT_EQ(Names(CompareJson("--institute IEEBCS --institute IEEM")["columns"]),
            (std::vector<std::string>{"IEEBCS 2024", "IEEM 2024"}));

  const JsonValue y2023 = CompareJson("--year 2023");
  EXPECT_EQ(Names(y2023["columns"]), std::vector<std::string>{"IEE-AGS 2023"});
  ExpectAgreesWithBaseTables(y2023, "d.year = 2023");

  const JsonValue plans = CompareJson("--kind work_plan");
  EXPECT_EQ(Names(plans["columns"]),
            (std::vector<std::string>{"IEE-AGS 2023", "IEEBCS 2024", "IEEM 2024"}));
  ExpectAgreesWithBaseTables(plans, "d.kind = 'work_plan'");

  const JsonValue indicators = CompareJson("--kind indicator_report");
  EXPECT_EQ(Names(indicators["columns"]), std::vector<std::string>{"IEPC-DGO 2024"});
  ExpectAgreesWithBaseTables(indicators, "d.kind = 'indicator_report'");

  // The COTAPREP report: a document of IEE-AGS with no activities, so no shares.
  const JsonValue reports = CompareJson("--kind activity_report --year 2023 --institute IEE-AGS");
  EXPECT_EQ(Names(reports["columns"]), std::vector<std::string>{"IEE-AGS 2023"});
  ExpectAgreesWithBaseTables(reports, "d.kind = 'activity_report' AND d.year = 2023");
  for (const JsonValue& row : reports["categories"].array) {
    EXPECT_EQ(row["share"].kind, JsonValue::Kind::kNull);
  }
}

// One policy with `oplex report`: an institute or year the database does not hold is a typo, a
// usage error naming what it holds; filters that each hold but match nothing together give an
// empty result and a warning.
TEST_F(CompareTest, AnInstituteOrYearNotHeldIsAUsageErrorAnEmptyCombinationIsNot) {
  Outcome typo = Compare("--institute IEMM");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.out, "");
  EXPECT_NE(typo.err.find("no document of institute 'IEMM' in the database (institutes stored: "
                          "IEE-AGS, IEEBCS, IEEM, IEPC-DGO)"),
            std::string::npos)
      << typo.err;

  Outcome year = Compare("--json --year 2019");
  EXPECT_EQ(year.exit_code, 2);
  EXPECT_EQ(year.out, "");
  EXPECT_NE(year.err.find("no document of year 2019 in the database (years stored: 2023, 2024)"),
            std::string::npos)
      << year.err;

  // One institute of two is not held: an error all the same, naming it.
  Outcome partly = Compare("--institute IEEM,XYZ --part indicators");
  EXPECT_EQ(partly.exit_code, 2);
  EXPECT_NE(partly.err.find("'XYZ'"), std::string::npos) << partly.err;

  Outcome json = Compare("--json --kind activity_report --year 2024");
  EXPECT_EQ(json.exit_code, 0);
  const JsonValue empty = ParseJson(json.out);
  for (const char* part : {"columns", "categories", "months", "indicators"}) {
    EXPECT_TRUE(empty[part].array.empty()) << part;
  }
  EXPECT_NE(json.err.find("no documents match --year 2024 --kind activity_report"),
            std::string::npos)
      << json.err;

  Outcome csv = Compare("--format csv --part months --kind activity_report --year 2024");
  EXPECT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out,
            "institute,year,month,activities_with_months,activities_scheduled,"
            "activities_with_quantity,planned_quantity\r\n");
}

TEST_F(CompareTest, CsvHoldsTheRowsOfTheJson) {
  const JsonValue json = CompareJson("");
  for (const char* part : {"categories", "months", "indicators"}) {
    SCOPED_TRACE(part);
    Outcome r = Compare(std::string("--format csv --part ") + part);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<std::vector<std::string>> csv = ParseCsv(r.out);
    const JsonValue& rows = json[part];
    ASSERT_EQ(csv.size(), rows.array.size() + 1);
    const std::vector<std::string>& header = csv.front();
    for (size_t i = 0; i < rows.array.size(); ++i) {
      ASSERT_EQ(csv[i + 1].size(), header.size());
      for (size_t k = 0; k < header.size(); ++k) {
        const JsonValue& value = rows.array[i][header[k]];
        const std::string& field = csv[i + 1][k];
        if (value.kind == JsonValue::Kind::kNull) {
          EXPECT_EQ(field, "") << header[k];
        } else if (value.kind == JsonValue::Kind::kNumber) {
          EXPECT_NEAR(std::stod(field), value.number, 1e-9) << header[k];
        } else {
          EXPECT_EQ(field, value.string) << header[k];
        }
      }
    }
    // The same keys as the JSON rows, but for the paths the CSV leaves to the JSON.
    std::vector<std::string> keys;
    for (const auto& [key, value] : rows.array.front().object) {
      if (key != "plans_without_indicators_paths" && key != "counted_editions_paths") {
        keys.push_back(key);
      }
    }
    std::vector<std::string> sorted = header;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, keys);
  }
}

// A database with what the seeds do not have: activities stored before classification (NULL
// category), a document of no known institute, a label that needs quoting.
TEST_F(CompareTest, ShowsUnclassifiedYetUnknownInstitutesAndQuotesLabels) {
  {
    RawDb raw(db_);
    raw.Exec(
        "UPDATE activity SET category = NULL WHERE code LIKE '01%' AND document_id = (SELECT "
        "id FROM document WHERE path LIKE '%" +
        kIeemPlan + "')");
    raw.Exec("UPDATE document SET institute = NULL WHERE kind = 'indicator_report'");
    raw.Exec(
        "UPDATE category SET label = 'Jurídico, \"contencioso\"' WHERE slug = "
        "'juridico_contencioso'");
  }
  const JsonValue json = CompareJson("");
  EXPECT_EQ(Names(json["columns"]),
            (std::vector<std::string>{"IEE-AGS 2023", "IEEBCS 2024", "IEEM 2024", "? 2024"}));
  ExpectAgreesWithBaseTables(json, "1");
  // IEEM's 01 codes (Secretaría Ejecutiva, subprogram 01): a NULL row, counted apart from
  // sin_clasificar; the other institutes have a NULL row of 0.
  for (const JsonValue& row : json["categories"].array) {
    if (row["category"].kind != JsonValue::Kind::kNull) continue;
    EXPECT_EQ(row["label"].kind, JsonValue::Kind::kNull);
    if (Name(row) == "IEEM 2024") {
      EXPECT_GT(row["activities"].number, 0);
    } else {
      EXPECT_EQ(row["activities"].number, 0);
    }
  }

  Outcome text = Compare("--part categories");
  EXPECT_NE(text.out.find("Not yet classified"), std::string::npos) << text.out;
  EXPECT_TRUE(std::regex_search(text.out, std::regex("\n +IEE-AGS +IEEBCS +IEEM +\\?\n")))
      << text.out;

  Outcome csv = Compare("--format=csv --part=categories");
  EXPECT_NE(csv.out.find(",\"Jurídico, \"\"contencioso\"\"\","), std::string::npos) << csv.out;
  bool found = false;
  for (const std::vector<std::string>& row : ParseCsv(csv.out)) {
    found |= row.size() == 7 && row[3] == "Jurídico, \"contencioso\"";
  }
  EXPECT_TRUE(found);
}

TEST_F(CompareTest, BadCommandLinesAreUsageErrors) {
  Outcome help = Compare("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: oplex compare"), std::string::npos);

  for (const auto& [args, says] : std::vector<std::pair<std::string, std::string>>{
           {"--kind plan", "'plan'"},
           {"--kind", "--kind needs a value"},
           {"--year 24", "'24'"},
           {"--year 2024x", "'2024x'"},
           {"--part all", "'all'"},
           {"--institute IEEM,", "'IEEM,'"},
           {"--format csv", "--part"},
           {"--format csv --part months --json", "--format csv and --json"},
           {"--format xml", "'xml'"},
           {"--csv", "--csv is now --format csv"},
           {"--fromat", "did you mean --format?"},
           {"--frobnicate", "'--frobnicate'"},
           {"IEEM", "'IEEM'"}}) {
    Outcome r = Compare(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(says), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(r.out, "") << args;
  }

  const fs::path missing = dir_ / "missing.sqlite";
  Outcome no_db = testing::RunOplex("compare --db " + missing.string(), dir_);
  EXPECT_EQ(no_db.exit_code, 3);
  EXPECT_NE(no_db.err.find("missing.sqlite"), std::string::npos) << no_db.err;
  EXPECT_FALSE(fs::exists(missing));
}

}  // namespace
}  // namespace oplex
