// Full-text search: the index schema 5 keeps (filled on migration, kept in step by triggers when a
// document is replaced), the quoting of what a person types, and `oplex search` over the samples.
#include "models/search.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cli_fixture.h"
#include "json_value.h"
#include "models/migrations.h"
#include "models/store.h"
#include "pipeline/search_terms.h"
#include "raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::JsonValue;
using testing::Outcome;
using testing::RawDb;

class SearchTest : public testing::CliFixture {
 protected:
  // `oplex search ARGS --json --limit 1000`, parsed; fails the test on a bad exit code.
  JsonValue SearchJson(const std::string& args, int expected_exit = 0) {
    Outcome r = Oplex("search " + args + " --json --limit 1000");
    EXPECT_EQ(r.exit_code, expected_exit) << args << "\n" << r.err;
    return testing::ParseJson(r.out);
  }

  // "INSTITUTE CODE" of every activity among the hits.
  static std::set<std::string> Activities(const JsonValue& hits) {
    std::set<std::string> found;
    for (const JsonValue& hit : hits.array) {
      if (hit["kind"].string == "activity") {
        found.insert(hit["institute"].string + " " + hit["code"].string);
      }
    }
    return found;
  }

  // Every hit as "kind record-text", in order: two searches with equal results give equal lists.
  static std::vector<std::string> Hits(const JsonValue& hits) {
    std::vector<std::string> out;
    for (const JsonValue& hit : hits.array)
      out.push_back(hit["kind"].string + " " + hit["text"].string);
    return out;
  }

  // The highlighted stretches of a hit's snippet; its highlights are in characters.
  static std::vector<std::string> Highlighted(const JsonValue& hit) {
    const std::string& snippet = hit["snippet"].string;
    auto byte_at = [&](double characters) {
      size_t byte = 0;
      for (int seen = -1; byte < snippet.size(); ++byte) {
        if ((static_cast<unsigned char>(snippet[byte]) & 0xC0) != 0x80 && ++seen == characters) {
          break;
        }
      }
      return byte;
    };
    std::vector<std::string> out;
    for (const JsonValue& range : hit["highlights"].array) {
      const size_t begin = byte_at(range.array[0].number), end = byte_at(range.array[1].number);
      out.push_back(snippet.substr(begin, end - begin));
    }
    return out;
  }
};

// The index holds one row per activity, indicator, section and event, each with its record's
// text, and nothing else.
void ExpectIndexMatchesRecords(RawDb& raw) {
  for (const auto& [kind, table, text] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"activity", "activity", "text"},
           {"indicator", "indicator", "name"},
           {"section", "section", "title"},
           {"event", "event", "text"}}) {
    EXPECT_EQ(raw.One("SELECT count(*) FROM search_text WHERE kind = '" + kind + "'"),
              raw.One("SELECT count(*) FROM " + table))
        << kind;
    EXPECT_EQ(raw.One("SELECT count(*) FROM search_text AS s LEFT JOIN " + table +
                      " AS r ON r.id = s.record_id WHERE s.kind = '" + kind +
                      "' AND (r.id IS NULL OR r." + text +
                      " IS NOT s.text OR r.document_id IS NOT "
                      "s.document_id)"),
              "0")
        << kind;
  }
}

TEST(SearchQueryTest, UserTextIsQuotedAndNeverFts5Syntax) {
  EXPECT_EQ(MatchExpression({{{"cómputo"}, false}}), "\"cómputo\"");
  EXPECT_EQ(MatchExpression({{{"a\"b"}, false}}), "\"a\"\"b\"");
  EXPECT_EQ(MatchExpression({{{"AND"}, false}, {{"prep"}, false}}), "\"AND\" AND \"prep\"");
  EXPECT_EQ(MatchExpression({{{"INE/CG825/2022"}, false}}), "\"INE/CG825/2022\"");
  EXPECT_EQ(MatchExpression({{{"comput"}, true}}), "\"comput\" *");
  EXPECT_EQ(MatchExpression({{{"prep", "Programa de Resultados"}, false}}),
            "(\"prep\" OR \"Programa de Resultados\")");
  // Forms without a word would make FTS5 match nothing: they are left out.
  EXPECT_EQ(MatchExpression({{{"\""}, false}, {{"prep"}, false}, {{"—"}, false}}), "\"prep\"");
  EXPECT_EQ(MatchExpression({{{"\""}, false}, {{"*"}, true}}), std::nullopt);
  EXPECT_EQ(MatchExpression({}), std::nullopt);
  EXPECT_EQ(TrimToWord("«(PREP),»"), "PREP");
  EXPECT_EQ(TrimToWord("¿Año?"), "Año");
  EXPECT_EQ(TrimToWord("—/\""), "");
}

TEST(SearchQueryTest, TextBecomesWordsPhrasesPrefixesAndAcronyms) {
  Result<SearchAcronyms> acronyms = SearchAcronyms::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(acronyms.ok()) << acronyms.status().ToString();
  std::vector<SearchTerm> terms =
      ParseSearchText("elector*  \"resultados electorales\" AND (prep), opl \"", *acronyms);
  ASSERT_EQ(terms.size(), 5u);
  EXPECT_EQ(terms[0].forms, std::vector<std::string>{"elector"});
  EXPECT_TRUE(terms[0].prefix);
  EXPECT_EQ(terms[1].forms, std::vector<std::string>{"resultados electorales"});
  EXPECT_FALSE(terms[1].prefix);
  EXPECT_EQ(terms[2].forms, std::vector<std::string>{"AND"});
  // data/search_acronyms.tsv: PREP, and OPL as one spelling of OPLE.
  EXPECT_EQ(terms[3].forms, (std::vector<std::string>{
                                "(prep),", "Programa de Resultados Electorales Preliminares"}));
  ASSERT_GE(terms[4].forms.size(), 3u);
  EXPECT_EQ(terms[4].forms[0], "opl");
  EXPECT_EQ(terms[4].forms[1], "OPLE");
  EXPECT_EQ(terms[4].forms[2], "OPLES");
}

TEST_F(SearchTest, AcronymFileErrorsNameTheLine) {
  std::ofstream(dir_ / "search_acronyms.tsv")
      << "spellings\tlong_forms\nPREP\tPrograma\nPREP|X\tOtra\n";
  Result<SearchAcronyms> twice = SearchAcronyms::Load(dir_);
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("search_acronyms.tsv:3"), std::string::npos)
      << twice.status().message();
  std::ofstream(dir_ / "search_acronyms.tsv") << "spellings\tlong_forms\nDOS PALABRAS\tAlgo\n";
  EXPECT_FALSE(SearchAcronyms::Load(dir_).ok());
  fs::remove(dir_ / "search_acronyms.tsv");
  EXPECT_EQ(SearchAcronyms::Load(dir_).status().code(), Status::Code::kIoError);
}

// A database of schema 4 with records in it gets its index on opening, and finds them.
TEST_F(SearchTest, MigratingAnOlderDatabaseIndexesWhatItHolds) {
  {
    RawDb raw(db_, /*create=*/true);
    for (const Migration& m : Migrations()) {
      if (m.version <= 4) raw.Exec(std::string(m.sql));
    }
    raw.Exec("PRAGMA user_version = 4");
    raw.Exec(
        "INSERT INTO document (id, sha256, path, kind, institute, year, title, source_format, "
        "pipeline_version, ingested_at) VALUES (7, 'aa', 'plan.txt', 'work_plan', NULL, 2023, "
        "'Plan', 'text', '0', '2026-01-01T00:00:00Z')");
    raw.Exec(
        "INSERT INTO section (id, document_id, kind, code, title, extractor, confidence) "
        "VALUES (3, 7, 'area', '', 'Coordinación de Informática', 'test', 1)");
    raw.Exec(
        "INSERT INTO activity (id, document_id, section_id, code, text, page, extractor, "
        "confidence) VALUES (5, 7, 3, '2.35', 'Atender el proceso técnico operativo del PREP.', "
        "20, 'test', 1)");
    raw.Exec(
        "INSERT INTO indicator (id, document_id, name, method, extractor, confidence) VALUES "
        "(2, 7, 'Sesiones realizadas', 'Número de sesiones de cómputo', 'test', 1)");
    raw.Exec(
        "INSERT INTO event (id, document_id, kind, text, body, line, extractor, confidence) VALUES "
        "(9, 7, 'sesion', 'Sesión de instalación', 'COTAPREP', 73, 'test', 1)");
  }
  Result<std::unique_ptr<Store>> store = Store::Open(db_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  RawDb raw(db_);
  EXPECT_EQ(
      raw.Rows("SELECT rowid, kind, record_id, document_id, page, line, code, text, detail "
               "FROM search_text ORDER BY rowid"),
      (std::vector<std::string>{
          "9|indicator|2|7|<null>|<null>|<null>|Sesiones realizadas|Número de sesiones de cómputo",
          "14|section|3|7|<null>|<null>|<null>|Coordinación de Informática|<null>",
          "20|activity|5|7|20|<null>|2.35|Atender el proceso técnico operativo del PREP.|<null>",
          "39|event|9|7|<null>|73|<null>|Sesión de instalación|COTAPREP"}));
  ExpectIndexMatchesRecords(raw);

  auto search = [&](std::vector<SearchTerm> terms) {
    SearchQuery query;
    query.terms = std::move(terms);
    Result<std::vector<SearchHit>> hits = Search(**store, query);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<std::string> found;
    for (const SearchHit& hit : hits.ok() ? *hits : std::vector<SearchHit>{}) {
      found.push_back(hit.kind + " " + std::to_string(hit.record_id));
    }
    return found;
  };
  EXPECT_EQ(search({{{"informatica"}, false}}), std::vector<std::string>{"section 3"});
  EXPECT_EQ(search({{{"COMPUTO"}, false}}), std::vector<std::string>{"indicator 2"});
  EXPECT_EQ(search({{{"cotaprep"}, false}}), std::vector<std::string>{"event 9"});
  EXPECT_EQ(search({{{"2.35"}, false}}), std::vector<std::string>{"activity 5"});
  EXPECT_EQ(search({{{"operativo"}, false}, {{"nada"}, false}}), std::vector<std::string>{});
}

// `ingest --force` replaces a document by deleting it, which cascades to its records: their
// rows leave the index with them, and the new records come in.
TEST_F(SearchTest, ReplacingOrDeletingADocumentKeepsTheIndexInStep) {
  IngestSamples();
  const std::string plan = std::string(OPLEX_SAMPLES_DIR) + "/ags-iee-plan-anual-2023.txt";
  {
    RawDb raw(db_);
    ExpectIndexMatchesRecords(raw);
    EXPECT_EQ(raw.One("SELECT count(*) FROM search_text"), "799");  // 594 + 35 + 157 + 13
  }
  const std::set<std::string> before = Activities(SearchJson("prep"));

  Outcome forced = Oplex("ingest --force " + plan);
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  ASSERT_NE(forced.out.find("1 replaced"), std::string::npos) << forced.out;
  {
    RawDb raw(db_);
    ExpectIndexMatchesRecords(raw);
    EXPECT_EQ(raw.One("SELECT count(*) FROM search_text"), "799");
  }
  EXPECT_EQ(Activities(SearchJson("prep")), before);

  RawDb raw(db_);
  raw.Exec("PRAGMA foreign_keys = ON");
  const std::string id =
      raw.One("SELECT id FROM document WHERE path LIKE '%ags-iee-plan-anual-2023.txt'");
  raw.Exec("DELETE FROM document WHERE id = " + id);
  EXPECT_EQ(raw.One("SELECT count(*) FROM search_text WHERE document_id = " + id), "0");
  ExpectIndexMatchesRecords(raw);
  // The plan held 192 activities and 17 sections.
  EXPECT_EQ(raw.One("SELECT count(*) FROM search_text"), std::to_string(799 - 192 - 17));
}

// The check: the PREP activities of Aguascalientes and of the IEEM. Read in the seeds:
// IEE-AGS 2023 names the PREP in 2.28-2.32, 2.34, 2.35, 2.37 and 2.42, and writes it out in full
// in 2.28, 2.39 and 2.40 (2.27 names only the COTAPREP); the IEEM 2024 plan has one, 090402
// "Implementar el Programa de Resultados Electorales Preliminares"; IEEBCS none.
TEST_F(SearchTest, PrepFindsThePrepActivitiesOfAguascalientesAndIeem) {
  IngestSamples();
  const JsonValue hits = SearchJson("prep");
  EXPECT_EQ(Activities(hits),
            (std::set<std::string>{"IEE-AGS 2.28", "IEE-AGS 2.29", "IEE-AGS 2.30", "IEE-AGS 2.31",
                                   "IEE-AGS 2.32", "IEE-AGS 2.34", "IEE-AGS 2.35", "IEE-AGS 2.37",
                                   "IEE-AGS 2.39", "IEE-AGS 2.40", "IEE-AGS 2.42", "IEEM 090402"}));
  // The COTAPREP report's events that name the PREP, by their lines in the seed.
  std::set<int> event_lines;
  for (const JsonValue& hit : hits.array) {
    if (hit["kind"].string == "event") event_lines.insert(static_cast<int>(hit["line"].number));
  }
  EXPECT_EQ(event_lines, (std::set<int>{42, 48, 56, 77, 81, 85, 89, 93}));

  // Each hit says where it is; 2.28, which has both the acronym and the name, ranks first, with
  // both highlighted in its snippet.
  const JsonValue& first = hits.array.front();
  EXPECT_EQ(first["code"].string, "2.28");
  EXPECT_EQ(first["institute"].string, "IEE-AGS");
  EXPECT_EQ(first["year"].number, 2023);
  EXPECT_EQ(first["page"].number, 20);
  EXPECT_EQ(first["document"].string,
            std::string(OPLEX_SAMPLES_DIR) + "/ags-iee-plan-anual-2023.txt");
  EXPECT_EQ(Highlighted(first),
            (std::vector<std::string>{"Programa de Resultados Electorales Preliminares", "PREP"}));

  EXPECT_EQ(Activities(SearchJson("prep --institute ieem")), std::set<std::string>{"IEEM 090402"});
  const JsonValue of_2024 = SearchJson("prep --year 2024");
  ASSERT_EQ(of_2024.array.size(), 1u);  // the COTAPREP report and its events are of 2023
  EXPECT_EQ(of_2024.array[0]["code"].string, "090402");
}

// Accents and case are ignored on both sides. The activities whose text has the word, read in the
// seeds: IEE-AGS 1.132 "equipo de cómputo"; IEEBCS 3.5, 3.7 and 7.10; IEEM 090101, 090102 and
// 090201 "equipo de cómputo", 030110, 030111 and 030405 "Cómputo" (capital, in names).
TEST_F(SearchTest, AccentsAndCaseAreIgnored) {
  IngestSamples();
  const JsonValue accented = SearchJson("cómputo");
  EXPECT_EQ(Hits(SearchJson("computo")), Hits(accented));
  EXPECT_EQ(Hits(SearchJson("CÓMPUTO")), Hits(accented));
  EXPECT_EQ(Activities(accented),
            (std::set<std::string>{"IEE-AGS 1.132", "IEEBCS 3.5", "IEEBCS 3.7", "IEEBCS 7.10",
                                   "IEEM 030110", "IEEM 030111", "IEEM 030405", "IEEM 090101",
                                   "IEEM 090102", "IEEM 090201"}));
  // IEEM 090403 writes "Cómputos", another word, which a prefix finds.
  EXPECT_TRUE(Activities(SearchJson("comput*")).count("IEEM 090403"));
}

// Quotes, operators, parentheses, colons and slashes are text: never an FTS5 syntax error.
TEST_F(SearchTest, QuotesAndOperatorsAreText) {
  IngestSamples();
  const std::set<std::string> prep = Activities(SearchJson("prep"));
  for (const char* query : {"'prep \"'", "'\"prep'", "'(prep)'", "'^prep'"}) {
    EXPECT_EQ(Activities(SearchJson(query)), prep) << query;
  }
  for (const char* query : {"'AND prep OR'", "NOT", "'NEAR(prep'", "'text:prep'", "'prep -'"}) {
    Outcome r = Oplex(std::string("search ") + query);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << query << ": " << r.err;
    EXPECT_EQ(r.err.find("fts5"), std::string::npos) << query << ": " << r.err;
  }
  // A prefix: IEEM 010701 "para la preparación y realización de la Elección".
  EXPECT_TRUE(Activities(SearchJson("'prep*'")).count("IEEM 010701"));
  // "AND" and "OR" are words that must be there, and no document writes them.
  EXPECT_EQ(SearchJson("'AND prep OR'", 1).array.size(), 0u);
  // The agreement code is cited in the event of line 42 of the COTAPREP report.
  const JsonValue code = SearchJson("INE/CG825/2022");
  ASSERT_EQ(code.array.size(), 1u);
  EXPECT_EQ(code.array[0]["kind"].string, "event");
  EXPECT_EQ(code.array[0]["line"].number, 42);
  // A phrase: its words side by side.
  EXPECT_EQ(Activities(SearchJson("'\"implementación del PREP\"'")),
            (std::set<std::string>{"IEE-AGS 2.29", "IEE-AGS 2.30", "IEE-AGS 2.32"}));

  Outcome nothing = Oplex("search '\"'");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.err.find("nothing to search for"), std::string::npos) << nothing.err;
}

TEST_F(SearchTest, TextOutputAndUsage) {
  IngestSamples();
  Outcome r = Oplex("search prep --limit 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("IEE-AGS 2023  activity 2.28  page 20  ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("3 results shown; there are more (raise --limit)"), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);  // no colours when stdout is not a terminal

  Outcome none = Oplex("search zzzzqq");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.out.find("0 results"), std::string::npos);
  EXPECT_EQ(Oplex("search").exit_code, 2);
  EXPECT_EQ(Oplex("search prep --limit 0").exit_code, 2);
  EXPECT_EQ(Oplex("search prep --year two").exit_code, 2);
  EXPECT_EQ(Oplex("search prep --bogus").exit_code, 2);
  Outcome help = Oplex("search --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Every word of TEXT must be found"), std::string::npos);
  Outcome missing = testing::RunOplex("search prep --db " + (dir_ / "none.sqlite").string(), dir_);
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("none.sqlite"), std::string::npos);
}

}  // namespace
}  // namespace oplex
