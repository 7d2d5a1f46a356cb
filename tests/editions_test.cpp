// Metadata set by hand (ingest --institute/--year/--kind, --manifest, oplex set) and editions of
// one plan (oplex documents, compare and report counting one edition, oplex remove), on the seed
// plans as text exports and as the born-digital PDFs of data/pdf.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
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
using testing::ParseJson;
using testing::RawDb;

class EditionsTest : public testing::CliFixture {
 protected:
  static std::string Samples() { return OPLEX_SAMPLES_DIR; }
  static std::string Pdf(const std::string& name) {
    return (fs::path(OPLEX_SAMPLES_DIR).parent_path() / "pdf" / name).string();
  }

  // The AGS 2023 plan three times (text, shaded PDF, PDF with X marks) and the IEEM 2024 plan
  // twice (text, PDF): each plan of 192 and 318 activities.
  void IngestEditions() {
    Outcome r = Oplex("ingest " + Samples() + "/ags-iee-plan-anual-2023.txt " + Samples() +
                      "/mex-ieem-programa-anual-2024.txt " + Pdf("ags-2023-shaded.pdf") + " " +
                      Pdf("ieem-2024-numeric.pdf") + " " + Pdf("ags-2023-x.pdf"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // The value of `key` in the indicators row of `institute` of `compare --json`.
  double Coverage(const std::string& institute, const std::string& key) {
    Outcome r = Oplex("compare --json --part indicators --institute " + institute);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const JsonValue json = ParseJson(r.out);
    EXPECT_EQ(json["indicators"].array.size(), 1u) << r.out;
    return json["indicators"].array.empty() ? -1 : json["indicators"].array[0][key].number;
  }

  // The paths of the editions counted for `institute` in `compare --json`.
  std::vector<std::string> Counted(const std::string& institute) {
    Outcome r = Oplex("compare --json --part indicators --institute " + institute);
    const JsonValue json = ParseJson(r.out);
    std::vector<std::string> paths;
    for (const JsonValue& row : json["indicators"].array) {
      for (const JsonValue& path : row["counted_editions_paths"].array)
        paths.push_back(path.string);
    }
    return paths;
  }
};

TEST_F(EditionsTest, APlanStoredAsTextAndPdfsCountsOnceAndSaysWhich) {
  IngestEditions();
  EXPECT_EQ(RawDb(db_).One("SELECT count(*) FROM activity"), std::to_string(3 * 192 + 2 * 318));
  EXPECT_EQ(Coverage("IEE-AGS", "activities"), 192);
  EXPECT_EQ(Coverage("IEE-AGS", "documents"), 1);
  EXPECT_EQ(Coverage("IEE-AGS", "editions_not_counted"), 2);
  EXPECT_EQ(Coverage("IEEM", "activities"), 318);
  // The counted edition: a born-digital PDF over the text, the newest of two PDFs.
  EXPECT_EQ(Counted("IEE-AGS"), std::vector<std::string>{Pdf("ags-2023-x.pdf")});
  Outcome text = Oplex("compare --part indicators");
  EXPECT_NE(text.out.find("  counted: " + Pdf("ags-2023-x.pdf") + " (one plan of 3 editions"),
            std::string::npos)
      << text.out;
  // The views count it once as well.
  RawDb raw(db_);
  EXPECT_EQ(raw.One("SELECT sum(activities) FROM v_category_share WHERE institute = 'IEE-AGS'"),
            "192");
  EXPECT_EQ(raw.One("SELECT count(*) FROM v_indicator_coverage WHERE institute = 'IEE-AGS'"), "1");

  // `oplex documents`: the plan, its three editions, the counted one first.
  Outcome listed = Oplex("documents --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::vector<std::string> ags;
  for (const JsonValue& d : ParseJson(listed.out).array) {
    if (d["institute"].string != "IEE-AGS") continue;
    ags.push_back(d["path"].string + (d["counted"].boolean ? " counted" : ""));
    EXPECT_EQ(d["editions"].number, 3);
    EXPECT_EQ(d["title"].string, "Plan Anual de Trabajo 2023");
  }
  EXPECT_EQ(
      ags, (std::vector<std::string>{Pdf("ags-2023-x.pdf") + " counted", Pdf("ags-2023-shaded.pdf"),
                                     Samples() + "/ags-iee-plan-anual-2023.txt"}));
  Outcome people = Oplex("documents");
  EXPECT_NE(people.out.find("IEE-AGS 2023 work_plan  Plan Anual de Trabajo 2023  (3 editions)\n"
                            "  plan IEE-AGS 2023 work_plan plan anual de trabajo 2023\n"
                            "  counted "),
            std::string::npos)
      << people.out;
  EXPECT_NE(people.out.find("5 documents, 2 plans"), std::string::npos) << people.out;

  // The report holds the counted edition and names the others.
  const fs::path html = dir_ / "report.html";
  ASSERT_EQ(Oplex("report -o " + html.string()).exit_code, 0);
  const std::string page = testing::Slurp(html);
  EXPECT_NE(page.find("también guardadas, no contadas: " + Pdf("ags-2023-shaded.pdf") + ", " +
                      Samples() + "/ags-iee-plan-anual-2023.txt"),
            std::string::npos);
}

TEST_F(EditionsTest, RemovingADocumentTakesEverythingReadFromItInOneGo) {
  IngestEditions();
  RawDb raw(db_);
  const std::string id =
      raw.One("SELECT id FROM document WHERE path = '" + Pdf("ags-2023-x.pdf") + "'");
  const std::string shaded =
      raw.One("SELECT sha256 FROM document WHERE path = '" + Pdf("ags-2023-shaded.pdf") + "'");
  // By id and by the beginning of a hash; a DOC not held removes nothing.
  Outcome bad = Oplex("remove " + id + " 999999");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("no document '999999' in the database"), std::string::npos) << bad.err;
  EXPECT_EQ(raw.One("SELECT count(*) FROM document"), "5");

  Outcome removed = Oplex("remove " + id + " " + shaded.substr(0, 12));
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(removed.out, "removed 2 documents\n");
  EXPECT_EQ(raw.One("SELECT count(*) FROM document"), "3");
  EXPECT_EQ(raw.One("SELECT count(*) FROM activity"), std::to_string(192 + 2 * 318));
  EXPECT_EQ(raw.One("SELECT count(*) FROM activity_month WHERE activity_id NOT IN "
                    "(SELECT id FROM activity)"),
            "0");
  for (const char* table : {"section", "finding", "stated_total"}) {
    EXPECT_EQ(raw.One(std::string("SELECT count(*) FROM ") + table +
                      " WHERE document_id NOT IN (SELECT id FROM document)"),
              "0")
        << table;
  }
  EXPECT_EQ(raw.One("SELECT count(*) FROM search_text WHERE rowid % 4 = 0 AND rowid / 4 NOT IN "
                    "(SELECT id FROM activity)"),
            "0");
  // The text is now the counted edition.
  EXPECT_EQ(Coverage("IEE-AGS", "activities"), 192);
  EXPECT_EQ(Coverage("IEE-AGS", "editions_not_counted"), 0);
}

TEST_F(EditionsTest, MetadataSetByHandIsTakenAndRecordedAsSuch) {
  const std::string bcs = Samples() + "/bcs-ieebcs-deoe-pat-2024.txt";
  Outcome r = Oplex("ingest --institute ieem --year 2023 " + bcs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[IEEM 2023 work_plan] 84 activities"), std::string::npos) << r.out;
  RawDb raw(db_);
  EXPECT_EQ(raw.One("SELECT institute, year, kind FROM document"), "IEEM|2023|work_plan");
  EXPECT_EQ(raw.Rows("SELECT field, value, read_value, source FROM document_metadata_set "
                     "ORDER BY field"),
            (std::vector<std::string>{"institute|IEEM|IEEBCS|ingest", "year|2023|2024|ingest"}));

  // `oplex set` by path: the year again (what oplex read stays 2024) and the kind.
  Outcome set = Oplex("set " + bcs + " --year 2024 --kind indicator_report");
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(raw.One("SELECT institute, year, kind FROM document"), "IEEM|2024|indicator_report");
  EXPECT_EQ(
      raw.Rows("SELECT field, value, read_value, source FROM document_metadata_set "
               "ORDER BY field"),
      (std::vector<std::string>{"institute|IEEM|IEEBCS|ingest",
                                "kind|indicator_report|work_plan|set", "year|2024|2024|set"}));
  // Read again with --force, the document keeps what was set on it.
  Outcome forced = Oplex("ingest --force " + bcs);
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("[IEEM 2024 indicator_report] 84 activities"), std::string::npos)
      << forced.out;
  EXPECT_EQ(raw.One("SELECT institute, year, kind FROM document"), "IEEM|2024|indicator_report");
  EXPECT_EQ(raw.One("SELECT count(*) FROM document_metadata_set"), "3");
  Outcome listed = Oplex("documents");
  EXPECT_NE(listed.out.find("      kind set by hand (set): indicator_report, read work_plan"),
            std::string::npos)
      << listed.out;

  for (const auto& [args, says] : std::vector<std::pair<std::string, std::string>>{
           {"set " + bcs + " --institute XYZ", "institute 'XYZ' is not in the gazetteer"},
           {"set " + bcs + " --kind plan", "kind is work_plan"},
           {"set " + bcs + " --year 24", "--year needs a year like 2024, not '24'"},
           {"set " + bcs, "set needs what to set"},
           {"set nothing.txt --year 2024", "no document 'nothing.txt' in the database"},
           {"ingest --institute XYZ " + bcs, "institute 'XYZ' is not in the gazetteer"}}) {
    Outcome bad = Oplex(args);
    EXPECT_EQ(bad.exit_code, 2) << args;
    EXPECT_NE(bad.err.find(says), std::string::npos) << args << "\n" << bad.err;
  }
  EXPECT_EQ(raw.One("SELECT year FROM document"), "2024");
}

TEST_F(EditionsTest, AManifestSetsEachFilesOwn) {
  const fs::path manifest = dir_ / "archive.csv";
  std::ofstream(manifest) << "path,institute,year,kind,title\r\n"
                          << Samples() << "/bcs-ieebcs-deoe-pat-2024.txt,,2025,,\r\n"
                          << Samples()
                          << "/dgo-iepc-indicadores-2024q1.txt,IEPC-DGO,,,\"Indicadores, "
                             "primer trimestre\"\r\n";
  Outcome r = Oplex("ingest --manifest " + manifest.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RawDb raw(db_);
  EXPECT_EQ(raw.Rows("SELECT institute, year, title FROM document ORDER BY path"),
            (std::vector<std::string>{
                "IEEBCS|2025|PROGRAMA ANUAL DE TRABAJO DE LA DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN "
                "ELECTORAL PARA EL EJERCICIO 2024",
                "IEPC-DGO|2024|Indicadores, primer trimestre"}));
  EXPECT_EQ(raw.Rows("SELECT field, source FROM document_metadata_set ORDER BY field"),
            (std::vector<std::string>{"institute|manifest", "title|manifest", "year|manifest"}));

  std::ofstream(dir_ / "bad.csv") << "path,year\nplan.pdf,20x4\n";
  Outcome bad = Oplex("ingest --manifest " + (dir_ / "bad.csv").string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.csv:2: year is a year like 2024, not '20x4'"), std::string::npos)
      << bad.err;
}

// The seed plans as text (data/samples), born-digital PDF (data/pdf) and scan (data/scans): each
// plan counts once in compare and in the report, though the titles the text, the PDF and the scan
// give read differently (see tests/plan_key_test.cpp), and though the scans are three pages from
// the middle of their plans: the IEEM scan's running head names its institute and title; the BCS
// scan names no title (its "Programa Anual de Trabajo 2025" is an activity) but its institute in a
// table ("INE-IEEBCS"); the Aguascalientes scan names neither (the INE only in a deliverable), so
// it is an excerpt, its activities those of the plan. Durango's report has 31 indicators
// (dgo-iepc-indicadores-2024q1.txt, counted by hand), the plans 192, 84 and 318 activities.
TEST_F(EditionsTest, TheSeedsAsTextPdfAndScanCountEachPlanOnce) {
  IngestSamples();
  const fs::path scans = fs::path(OPLEX_SAMPLES_DIR).parent_path() / "scans";
  Outcome r =
      Oplex("ingest " + Pdf("dgo-2024q1-indicadores.pdf") + " " + Pdf("ags-2023-cotaprep.pdf") +
            " " + Pdf("ieem-2024-numeric.pdf") + " " + Pdf("ags-2023-shaded.pdf") + " " +
            Pdf("bcs-2024-x.pdf") + " " + (scans / "ieem-2024-numeric-300dpi.pdf").string() + " " +
            (scans / "ags-2023-shaded-200dpi.pdf").string() + " " +
            (scans / "bcs-2024-x-300dpi.pdf").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ags-2023-shaded-200dpi.pdf  [? 2023 work_plan]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("bcs-2024-x-300dpi.pdf  [IEEBCS 2024 work_plan]"), std::string::npos)
      << r.out;
  EXPECT_EQ(Coverage("IEPC-DGO", "indicators"), 31);
  EXPECT_EQ(Coverage("IEPC-DGO", "documents"), 1);
  EXPECT_EQ(Coverage("IEPC-DGO", "editions_not_counted"), 1);
  EXPECT_EQ(Coverage("IEEM", "activities"), 318);
  EXPECT_EQ(Coverage("IEEM", "editions_not_counted"), 2);
  EXPECT_EQ(Coverage("IEEBCS", "activities"), 84);
  EXPECT_EQ(Coverage("IEEBCS", "editions_not_counted"), 2);
  EXPECT_EQ(Coverage("IEE-AGS", "activities"), 192);
  // The plan's text and scan, the COTAPREP report's text.
  EXPECT_EQ(Coverage("IEE-AGS", "editions_not_counted"), 3);
  // Nothing else is counted: every activity counted is one of the three plans'.
  Outcome all = Oplex("compare --json --part indicators");
  const JsonValue compared = ParseJson(all.out);
  double counted = 0;
  for (const JsonValue& column : compared["columns"].array) {
    counted += column["activities"].number;
  }
  EXPECT_EQ(counted, 192 + 84 + 318) << all.out;

  // One plan per institute, year and kind here; the COTAPREP report's text and PDF are one.
  Outcome listed = Oplex("documents --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::map<std::string, std::set<std::string>> plans;  // institute → plan keys
  for (const JsonValue& d : ParseJson(listed.out).array) {
    plans[d["institute"].string + " " + d["kind"].string].insert(d["plan"].string);
  }
  for (const auto& [group, keys] : plans) EXPECT_EQ(keys.size(), 1u) << group;
  EXPECT_EQ(plans[" work_plan"],  // the excerpt, without an institute
            (std::set<std::string>{"IEE-AGS 2023 work_plan plan anual de trabajo 2023"}));
  EXPECT_EQ(plans["IEPC-DGO indicator_report"],
            (std::set<std::string>{"IEPC-DGO 2024 indicator_report instituto electoral y de "
                                   "participacion ciudadana del estado de durango indicadores de "
                                   "resultados del 01 de enero al 31 de marzo 2024"}));
  Outcome people = Oplex("documents");
  EXPECT_NE(people.out.find("(2 editions)\n  plan IEPC-DGO 2024 indicator_report instituto "),
            std::string::npos)
      << people.out;

  const fs::path html = dir_ / "report.html";
  ASSERT_EQ(Oplex("report -o " + html.string()).exit_code, 0);
  const std::string page = testing::Slurp(html);
  const size_t indicators = page.find("<table class=\"indicators\"");
  ASSERT_NE(indicators, std::string::npos);
  size_t durango = 0;
  for (size_t at = page.find("<tr data-institute=\"IEPC-DGO\"", indicators);
       at != std::string::npos; at = page.find("<tr data-institute=\"IEPC-DGO\"", at + 1)) {
    ++durango;
  }
  EXPECT_EQ(durango, 31u);
}

// Pages cut from the middle of the Aguascalientes plan's text (its "PRESIDENCIA" and "SECRETARÍA
// EJECUTIVA" tables, 11 activities, no title, the INE named in a deliverable) are an excerpt: a
// plan of its own while no plan holds its activities, then the plan's edition once the plan is
// stored (whichever comes first), and a plan of its own again when the plan is removed.
TEST_F(EditionsTest, AnExcerptJoinsThePlanHoldingItsActivities) {
  std::istringstream text(testing::Slurp(Samples() + "/ags-iee-plan-anual-2023.txt"));
  std::string excerpt;
  bool in = false;
  for (std::string line; std::getline(text, line);) {
    if (line == "PRESIDENCIA") in = true;
    if (in) excerpt += line + "\n";
    if (line.starts_with("1.11 ")) break;
  }
  const fs::path file = dir_ / "ags-pages-7-8.txt";
  std::ofstream(file) << excerpt;
  Outcome r = Oplex("ingest " + file.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[? 2023 unknown] 11 activities"), std::string::npos) << r.out;
  RawDb raw(db_);
  const std::string key =
      "SELECT coalesce(plan_key, 'own') FROM document WHERE path = '" + file.string() + "'";
  EXPECT_EQ(raw.One(key), "own");
  EXPECT_EQ(raw.One("SELECT code FROM finding WHERE code = 'institute_unknown'"),
            "institute_unknown");

  const std::string plan = Samples() + "/ags-iee-plan-anual-2023.txt";
  ASSERT_EQ(Oplex("ingest " + plan).exit_code, 0);
  EXPECT_EQ(raw.One(key), "IEE-AGS 2023 work_plan plan anual de trabajo 2023");
  EXPECT_EQ(Coverage("IEE-AGS", "activities"), 192);
  EXPECT_EQ(Coverage("IEE-AGS", "editions_not_counted"), 1);

  ASSERT_EQ(Oplex("remove " + plan).exit_code, 0);
  EXPECT_EQ(raw.One(key), "own");
}

// The BCS plan as its office PDF (84 activities, the 4 indicators of its MIR page), as text (the
// same, months unknown) and, ingested last, as a reportlab rendering whose indicator table is not
// read (84 activities, no indicator): the office PDF counts though it is older, and compare says
// the 4 indicators are the plan's.
TEST_F(EditionsTest, ThePoorerEditionIsNotCountedThoughItIsTheNewest) {
  const std::string office = Pdf("bcs-2024-x.pdf");
  const std::string reportlab = Pdf("reportlab/bcs-2024-helvetica-a4-fills.pdf");
  ASSERT_EQ(Oplex("ingest " + office + " " + Samples() + "/bcs-ieebcs-deoe-pat-2024.txt").exit_code,
            0);
  ASSERT_EQ(Oplex("ingest " + reportlab).exit_code, 0);
  EXPECT_EQ(Coverage("IEEBCS", "plans"), 1);
  EXPECT_EQ(Coverage("IEEBCS", "indicators"), 4);
  EXPECT_EQ(Coverage("IEEBCS", "editions_not_counted"), 2);
  EXPECT_EQ(Counted("IEEBCS"), std::vector<std::string>{office});
  // Next the reportlab PDF (short of indicators, as the text is of months, but a PDF), the text.
  EXPECT_EQ(RawDb(db_).Rows("SELECT document_path, shortfalls FROM v_document_edition "
                            "ORDER BY edition_rank"),
            (std::vector<std::string>{office + "|0", reportlab + "|1",
                                      Samples() + "/bcs-ieebcs-deoe-pat-2024.txt|1"}));
}

// Two plans of one institute and year (the BCS directorate's plan, and the same text titled as
// another unit's) stay two; `oplex set --title` joins them by hand, and they part again when the
// title is set back.
TEST_F(EditionsTest, TwoPlansOfOneInstituteAndYearStayTwoUntilJoinedByHand) {
  const std::string bcs = Samples() + "/bcs-ieebcs-deoe-pat-2024.txt";
  std::string text = testing::Slurp(bcs);
  const std::string directorate = "DE LA DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL";
  ASSERT_NE(text.find(directorate), std::string::npos);
  text.replace(text.find(directorate), directorate.size(), "DE LA UNIDAD TÉCNICA DE TRANSPARENCIA");
  const fs::path other = dir_ / "bcs-utt-pat-2024.txt";
  std::ofstream(other) << text;
  Outcome r = Oplex("ingest " + bcs + " " + Pdf("bcs-2024-x.pdf") + " " + other.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Coverage("IEEBCS", "plans"), 2);
  EXPECT_EQ(Coverage("IEEBCS", "activities"), 2 * 84);
  EXPECT_EQ(Coverage("IEEBCS", "editions_not_counted"), 1);  // the text of the PDF's plan

  Outcome set = Oplex("set " + other.string() +
                      " --title \"PROGRAMA ANUAL DE TRABAJO DE LA DIRECCIÓN EJECUTIVA DE "
                      "ORGANIZACIÓN ELECTORAL PARA EL EJERCICIO 2024\"");
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(Coverage("IEEBCS", "plans"), 1);
  EXPECT_EQ(Coverage("IEEBCS", "activities"), 84);
  EXPECT_EQ(Coverage("IEEBCS", "editions_not_counted"), 2);

  ASSERT_EQ(Oplex("set " + other.string() + " --title \"Programa de la Unidad de Transparencia\"")
                .exit_code,
            0);
  EXPECT_EQ(Coverage("IEEBCS", "plans"), 2);
}

}  // namespace
}  // namespace oplex
