#include "models/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "models/migrations.h"
#include "models/queries.h"
#include "models/records.h"
#include "raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::RawDb;

Provenance Line(int line, std::optional<int> last_line = std::nullopt) {
  Provenance p;
  p.line = line;
  p.last_line = last_line;
  p.extractor = "activity_table";
  return p;
}

Quantity Number(double value, std::string raw) {
  Quantity q;
  q.value = value;
  q.raw = std::move(raw);
  return q;
}

Quantity NotQuantified() {
  Quantity q;
  q.not_quantified = true;
  q.raw = "S/C";
  return q;
}

// Twelve monthly quantities as the IEEM grid writes them, each month marked when above zero.
std::vector<MonthValue> Months(const std::vector<int>& values, int line) {
  std::vector<MonthValue> months;
  for (size_t i = 0; i < values.size(); ++i) {
    MonthValue m;
    m.month = static_cast<int>(i) + 1;
    m.planned = Number(values[i], std::to_string(values[i]));
    m.marked = values[i] > 0;
    m.provenance = Line(line);
    months.push_back(m);
  }
  return months;
}

MonthMask MaskOf(const std::vector<MonthValue>& months) {
  MonthMask mask = MonthMask::FromBits(0);
  for (const MonthValue& m : months) {
    if (m.marked) mask = mask.With(m.month);
  }
  return mask;
}

// A hand-built extraction of the start of the IEEM 2024 programme (see shared/seeds), with the
// cases the store must tell apart: months known with values, unknown, and known to be none.
Extraction IeemSample(const std::string& sha256) {
  Extraction e;
  e.document.sha256 = sha256;
  e.document.path = "data/samples/mex-ieem-programa-anual-2024.txt";
  e.document.source_format = "text";
  e.document.kind = DocumentKind::kWorkPlan;
  e.document.institute = "IEEM";
  e.document.year = 2024;
  e.document.period = "2024";
  e.document.title = "Programa Anual de Actividades 2024";

  Section subprogram;
  subprogram.kind = "subprograma";
  subprogram.code = "01";
  subprogram.title = "Secretaría Ejecutiva";
  subprogram.provenance = Line(200);
  subprogram.provenance.page = 12;
  subprogram.provenance.bbox = BBox{56.5, 100.25, 540, 118};
  Section requests;
  requests.kind = "proyecto";
  requests.code = "0101";
  requests.title = "Atención de solicitudes";
  requests.parent = 0;
  requests.provenance = Line(205);
  Section budget;
  budget.kind = "proyecto";
  budget.code = "0102";
  budget.title = "Integración de la programación y presupuestación de actividades";
  budget.parent = 0;
  budget.provenance = Line(214);
  e.sections = {subprogram, requests, budget};

  Activity attend;
  attend.code = "010101";
  attend.text =
      "Atender solicitudes de las áreas institucionales y de autoridades externas, para el "
      "adecuado desarrollo de las actividades institucionales.";
  attend.unit = "Solicitud";
  attend.annual = Number(4060, "4,060");
  attend.month_values = Months({260, 330, 580, 600, 600, 400, 180, 200, 250, 360, 180, 120}, 209);
  attend.months = MaskOf(attend.month_values);
  attend.month_values[0].weeks = "1001";  // as a grid with week sub-columns shows it
  attend.section = 1;
  Beneficiary areas;
  areas.kinds_text = "Áreas administrativas del IEEM, INE, Fiscalías, Tribunales.";
  areas.counts_text = "13,1,S/C, S/C";
  areas.counts = {Number(13, "13"), Number(1, "1"), NotQuantified(), NotQuantified()};
  areas.provenance = Line(209);
  attend.beneficiaries = {areas};
  attend.provenance = Line(208, 209);

  Activity analyze;
  analyze.code = "010102";
  analyze.text = "Analizar diversa documentación para asesorar en la toma de decisiones.";
  analyze.unit = "Reporte";
  analyze.annual = Number(12, "12");
  analyze.month_values = Months({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 211);
  analyze.months = MaskOf(analyze.month_values);
  analyze.section = 1;
  analyze.provenance = Line(210, 211);

  // A text export whose month shading was lost: the months are unknown, not empty.
  Activity integrate;
  integrate.code = "010201";
  integrate.text = "Integrar el Programa Anual de Actividades del Instituto 2025.";
  integrate.unit = "Acción";
  Quantity estimated = Number(300000, "300,000E");
  estimated.estimated = true;
  integrate.annual = estimated;
  integrate.section = 2;
  integrate.provenance = Line(215, 216);

  // A grid that was read and has no month marked.
  Activity validate;
  validate.code = "010202";
  validate.text = "Validar los trámites de pago con su documentación probatoria.";
  validate.months = MonthMask::FromBits(0);
  validate.section = 2;
  validate.provenance = Line(217, 218);
  e.activities = {attend, analyze, integrate, validate};

  Deliverable report;
  report.text = "Informe de solicitudes atendidas";
  report.section = 1;
  report.activity = 0;
  report.provenance = Line(209);
  Deliverable plan;
  plan.text = "Programa Anual de Actividades 2025";
  plan.section = 2;
  plan.provenance = Line(216);
  e.deliverables = {report, plan};

  StatedTotal whole;
  whole.what = StatedTotal::What::kActividades;
  whole.value = 318;
  whole.provenance = Line(40);
  StatedTotal project;
  project.what = StatedTotal::What::kActividades;
  project.scope = 1;
  project.scope_code = "0101";
  project.value = 3;
  project.provenance = Line(205);
  e.stated_totals = {whole, project};

  Finding mismatch;
  mismatch.severity = Severity::kWarning;
  mismatch.code = "months_sum_mismatch";
  mismatch.message = "the monthly quantities add up to 13, the annual quantity is 12";
  mismatch.raw_text = "12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1";
  mismatch.activity = 1;
  mismatch.provenance = Line(211);
  Finding total;
  total.severity = Severity::kError;
  total.code = "stated_total_mismatch";
  total.message = "the document states 318 activities; 4 were extracted";
  total.raw_text = "318 actividades";
  total.provenance = Line(40);
  Finding note;
  note.severity = Severity::kInfo;
  note.code = "code_separated_by_space";
  note.message = "an activity code was followed by a space instead of a tab";
  note.raw_text = "010202 Validar";
  note.activity = 3;
  note.provenance = Line(217);
  e.findings = {mismatch, total, note};
  return e;
}

std::string Sha(char c) { return std::string(64, c); }

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::temp_directory_path() /
           ("oplex_store_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(random()));
    fs::create_directories(dir_);
    db_path_ = dir_ / "oplex.db";
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::unique_ptr<Store> OpenStore() {
    Result<std::unique_ptr<Store>> store = Store::Open(db_path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  fs::path dir_;
  fs::path db_path_;
};

TEST(MigrationsTest, VersionsStartAtOneWithoutGaps) {
  int expected = 1;
  for (const Migration& m : Migrations()) EXPECT_EQ(m.version, expected++);
  EXPECT_EQ(LatestSchemaVersion(), expected - 1);
}

TEST_F(StoreTest, OpenCreatesEveryTableAsStrictAndSetsUserVersion) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), LatestSchemaVersion());

  RawDb raw(db_path_);
  EXPECT_EQ(raw.One("PRAGMA user_version"), std::to_string(LatestSchemaVersion()));
  const std::vector<std::string> expected = {"activity",
                                             "activity_attribute",
                                             "activity_calendar_month",
                                             "activity_deliverable",
                                             "activity_month",
                                             "beneficiary",
                                             "beneficiary_count",
                                             "category",
                                             "deliverable",
                                             "document",
                                             "document_metadata_set",
                                             "event",
                                             "finding",
                                             "indicator",
                                             "indicator_attribute",
                                             "institute",
                                             "reference",
                                             "section",
                                             "stated_total"};
  // Besides them, the full-text index (an FTS5 virtual table) and the tables FTS5 keeps it in.
  std::vector<std::string> all = expected;
  for (const char* fts : {"search_text", "search_text_config", "search_text_content",
                          "search_text_data", "search_text_docsize", "search_text_idx"}) {
    all.push_back(fts);
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(raw.Tables(), all);
  for (const std::string& table : expected) {
    EXPECT_EQ(raw.One("SELECT strict FROM pragma_table_list WHERE name = '" + table + "'"), "1")
        << table;
  }
  EXPECT_EQ(raw.Rows("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name"),
            (std::vector<std::string>{"v_activity", "v_category_share", "v_document_edition",
                                      "v_indicator_coverage", "v_month_load", "v_search_activity",
                                      "v_search_event", "v_search_indicator", "v_search_section",
                                      "v_section_path"}));
  EXPECT_EQ(raw.One("PRAGMA journal_mode"), "delete");  // the file stands alone
}

TEST_F(StoreTest, ConnectionEnforcesForeignKeys) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<Statement> pragma = store->Prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(pragma.ok()) << pragma.status().ToString();
  ASSERT_TRUE(pragma->Step().ok());
  EXPECT_EQ(pragma->Int64(0), 1);

  Status orphan = store->Exec(
      "INSERT INTO activity (document_id, code, text, extractor, confidence) "
      "VALUES (999, '010101', 'x', 'test', 1)");
  EXPECT_FALSE(orphan.ok());
  EXPECT_NE(orphan.message().find("FOREIGN KEY"), std::string::npos) << orphan.message();
  EXPECT_EQ(RawDb(db_path_).Count("activity"), 0);
}

TEST_F(StoreTest, ReopeningAnExistingDatabaseKeepsItsDocuments) {
  {
    std::unique_ptr<Store> store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  }
  std::unique_ptr<Store> reopened = OpenStore();
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(reopened->schema_version(), LatestSchemaVersion());
  Result<std::optional<int64_t>> id = reopened->FindDocument(Sha('a'));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_TRUE(id->has_value());
  EXPECT_EQ(RawDb(db_path_).Count("activity"), 4);
}

// Migration 8 widens document.kind to calendars and minutes in place: the documents and their
// records stay, the new kinds are accepted and others are still refused; events get a time and
// a place.
TEST_F(StoreTest, DocumentKindsWidenWithoutLosingRecords) {
  {
    std::unique_ptr<Store> store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  }
  RawDb(db_path_).Exec(
      "PRAGMA writable_schema = ON;"
      "UPDATE sqlite_schema SET sql = replace(sql, ', ''calendar'', ''minutes'')', ')') "
      "WHERE type = 'table' AND name = 'document';"
      "PRAGMA writable_schema = RESET; DROP TABLE document_metadata_set;"
      "ALTER TABLE event DROP COLUMN time; ALTER TABLE event DROP COLUMN place;"
      // Schema 10's column goes once no view reads it; migration 9 replaces these three views,
      // so what they say until then does not matter.
      "DROP VIEW v_category_share; DROP VIEW v_month_load; DROP VIEW v_indicator_coverage;"
      "DROP VIEW v_document_edition; DROP INDEX document_plan_key;"
      "ALTER TABLE document DROP COLUMN plan_key; CREATE VIEW v_category_share AS SELECT 1;"
      "CREATE VIEW v_month_load AS SELECT 1; CREATE VIEW v_indicator_coverage AS SELECT 1;"
      "PRAGMA user_version = 7");
  EXPECT_EQ(RawDb(db_path_).One("SELECT instr(sql, 'minutes') FROM sqlite_schema WHERE name = "
                                "'document'"),
            "0");
  ASSERT_NE(OpenStore(), nullptr);
  RawDb raw(db_path_);
  EXPECT_EQ(raw.One("PRAGMA user_version"), std::to_string(LatestSchemaVersion()));
  EXPECT_EQ(raw.Count("activity"), 4);
  raw.Exec("UPDATE document SET kind = 'minutes'");
  EXPECT_EQ(raw.One("SELECT kind FROM document"), "minutes");
  EXPECT_EQ(raw.One("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw.One("SELECT count(*) FROM pragma_table_info('event') WHERE name IN ('time', "
                    "'place')"),
            "2");
  EXPECT_TRUE(raw.Rows("UPDATE document SET kind = 'letter' RETURNING kind").empty());
  EXPECT_EQ(raw.One("SELECT kind FROM document"), "minutes");
}

// A database written by the first release (schema 1) opens, migrates, and keeps its rows: the
// months it stored have no weeks, and each deliverable belongs to the activity it was stored with.
TEST_F(StoreTest, OpenMigratesADatabaseOfTheFirstSchema) {
  {
    RawDb raw(db_path_, /*create=*/true);
    raw.Exec(std::string(Migrations()[0].sql));
    raw.Exec("PRAGMA user_version = 1");
    raw.Exec(
        "INSERT INTO document (id, sha256, path, kind, title, source_format, pipeline_version, "
        "ingested_at) VALUES (1, 'aa', 'plan.txt', 'work_plan', 'Plan', 'text', '0', "
        "'2026-01-01T00:00:00Z')");
    raw.Exec(
        "INSERT INTO activity (id, document_id, code, text, extractor, confidence) "
        "VALUES (1, 1, '1.1', 'Instalar', 'test', 1)");
    raw.Exec(
        "INSERT INTO activity_month (activity_id, month, marked, extractor, confidence) "
        "VALUES (1, 3, 1, 'test', 1)");
    raw.Exec(
        "INSERT INTO deliverable (id, document_id, activity_id, text, extractor, confidence) "
        "VALUES (1, 1, 1, 'Acta de instalación', 'test', 1)");
  }
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), LatestSchemaVersion());
  RawDb raw(db_path_);
  EXPECT_EQ(raw.Count("activity_month"), 1);
  EXPECT_EQ(raw.One("SELECT weeks IS NULL FROM activity_month"), "1");
  // The deliverable stored on its activity's row belongs to that activity.
  EXPECT_EQ(raw.Rows("SELECT deliverable_id || ':' || activity_id FROM activity_deliverable"),
            std::vector<std::string>{"1:1"});
  EXPECT_EQ(raw.One("SELECT count(*) FROM pragma_table_info('activity_month') WHERE name = "
                    "'weeks'"),
            "1");
}

// A database of schema 9 keyed plans by their exact titles: opened, it is migrated to plan keys
// computed for the documents it already holds, so that the text and PDF of Durango's report
// (titled apart) become one plan and a document without a year stays a plan of its own.
TEST_F(StoreTest, OpenKeysThePlansOfADatabaseOfSchemaNine) {
  {
    RawDb raw(db_path_, /*create=*/true);
    for (const Migration& m : Migrations()) {
      if (m.version <= 9) raw.Exec(std::string(m.sql));
    }
    raw.Exec("PRAGMA user_version = 9");
    raw.Exec(
        "INSERT INTO document (id, sha256, path, kind, institute, year, period, title, "
        "source_format, pipeline_version, ingested_at) VALUES "
        "(1, 'aa', 'dgo.txt', 'indicator_report', 'IEPC-DGO', 2024, '2024-Q1', 'INSTITUTO "
        "ELECTORAL Y DE PARTICIPACIÓN CIUDADANA DEL ESTADO DE DURANGO Indicadores de Resultados "
        "Del 01 de Enero al 31 de Marzo 2024', 'text', '0', '2026-01-01T00:00:00Z'), "
        "(2, 'bb', 'dgo.pdf', 'indicator_report', 'IEPC-DGO', 2024, '2024-Q1', 'Indicadores de "
        "Resultados', 'pdf', '0', '2026-01-01T00:00:00Z'), "
        "(3, 'cc', 'sin-año.txt', 'work_plan', 'IEPC-DGO', NULL, NULL, 'Indicadores de "
        "Resultados', 'text', '0', '2026-01-01T00:00:00Z')");
    EXPECT_EQ(raw.One("SELECT count(DISTINCT plan) FROM v_document_edition"), "3");
  }
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), LatestSchemaVersion());
  RawDb raw(db_path_);
  EXPECT_EQ(raw.Rows("SELECT id, plan_key IS NULL FROM document ORDER BY id"),
            (std::vector<std::string>{"1|0", "2|0", "3|1"}));
  EXPECT_EQ(raw.Rows("SELECT document_id, edition_rank, editions FROM v_document_edition "
                     "ORDER BY document_id"),
            (std::vector<std::string>{"1|2|2", "2|1|2", "3|1|1"}));
  EXPECT_EQ(raw.One("SELECT plan FROM v_document_edition WHERE document_id = 3"), "document 3");
}

// A database of schema 10 keyed an untitled edition (a partial scan) as a plan apart: opened, its
// keys are computed again, and it is its group's one plan's.
TEST_F(StoreTest, OpenKeysAgainTheUntitledEditionsOfADatabaseOfSchemaTen) {
  {
    RawDb raw(db_path_, /*create=*/true);
    for (const Migration& m : Migrations()) {
      if (m.version <= 10) raw.Exec(std::string(m.sql));
    }
    raw.Exec("PRAGMA user_version = 10");
    raw.Exec(
        "INSERT INTO document (id, sha256, path, kind, institute, year, title, source_format, "
        "pipeline_version, ingested_at, plan_key) VALUES "
        "(1, 'aa', 'plan.pdf', 'work_plan', 'IEEM', 2024, 'Programa Anual 2024', 'pdf', '0', "
        "'2026-01-01T00:00:00Z', 'IEEM 2024 work_plan programa anual 2024'), "
        "(2, 'bb', 'scan.pdf', 'work_plan', 'IEEM', 2024, '', 'pdf+ocr', '0', "
        "'2026-01-01T00:00:00Z', 'IEEM 2024 work_plan')");
  }
  ASSERT_NE(OpenStore(), nullptr);
  EXPECT_EQ(RawDb(db_path_).Rows("SELECT DISTINCT plan_key FROM document"),
            std::vector<std::string>{"IEEM 2024 work_plan programa anual 2024"});
}

// A database of schema 11 listed the six kinds of section in a CHECK: opened, the list is gone
// (kinds come from data/section_kinds.tsv), its sections and the activities under them stay, a
// section of a kind declared later is stored, and a kind left empty is still refused.
TEST_F(StoreTest, OpenLetsADatabaseOfSchemaElevenStoreSectionsOfNewKinds) {
  {
    RawDb raw(db_path_, /*create=*/true);
    for (const Migration& m : Migrations()) {
      if (m.version <= 11) raw.Exec(std::string(m.sql));
    }
    raw.Exec("PRAGMA user_version = 11");
    raw.Exec(
        "INSERT INTO document (id, sha256, path, kind, title, source_format, pipeline_version, "
        "ingested_at) VALUES (1, 'aa', 'plan.pdf', 'work_plan', 'Plan', 'pdf', '0', "
        "'2026-01-01T00:00:00Z')");
    raw.Exec(
        "INSERT INTO section (id, document_id, kind, code, title, extractor, confidence) "
        "VALUES (1, 1, 'eje', '1', 'Fortalecimiento', 'test', 1)");
    raw.Exec(
        "INSERT INTO activity (id, document_id, section_id, code, text, extractor, confidence) "
        "VALUES (1, 1, 1, '1.1', 'Instalar', 'test', 1)");
    EXPECT_TRUE(raw.Rows("INSERT INTO section (document_id, kind, code, title, extractor, "
                         "confidence) VALUES (1, 'componente', '2', 'Difusión', 'test', 1) "
                         "RETURNING id")
                    .empty());
  }
  ASSERT_NE(OpenStore(), nullptr);
  RawDb raw(db_path_);
  EXPECT_EQ(raw.One("PRAGMA user_version"), std::to_string(LatestSchemaVersion()));
  EXPECT_EQ(raw.One("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw.One("SELECT section_id FROM activity WHERE id = 1"), "1");
  EXPECT_EQ(raw.Rows("INSERT INTO section (document_id, parent_id, kind, code, title, extractor, "
                     "confidence) VALUES (1, 1, 'componente', '2', 'Difusión', 'test', 1) "
                     "RETURNING kind"),
            std::vector<std::string>{"componente"});
  EXPECT_TRUE(raw.Rows("INSERT INTO section (document_id, kind, code, title, extractor, "
                       "confidence) VALUES (1, '', '3', 'Sin nivel', 'test', 1) RETURNING id")
                  .empty());
  EXPECT_EQ(raw.One("SELECT count(*) FROM section"), "2");
}

// Editions are ranked by what was extracted from them before their format and date (schema 11):
// one plan as a text export (10 activities, months unknown), a newer born-digital excerpt of it
// (3 activities with their months), a scan that lost one activity (9 of 10 with months: within a
// tenth) and the newest born-digital PDF, which lost its 2 indicators.
TEST_F(StoreTest, TheEditionCountedIsTheMostCompleteThenTheRichestFormat) {
  ASSERT_NE(OpenStore(), nullptr);
  RawDb raw(db_path_);
  raw.Exec(
      "INSERT INTO document (id, sha256, path, kind, institute, year, title, source_format, "
      "pipeline_version, ingested_at, plan_key) VALUES "
      "(1, 'aa', 'plan.txt', 'work_plan', 'IEEM', 2024, 'Plan', 'text', '0', "
      "'2026-01-01T00:00:00Z', 'IEEM 2024 work_plan plan'), "
      "(2, 'bb', 'pages-9-11.pdf', 'work_plan', 'IEEM', 2024, '', 'pdf', '0', "
      "'2026-01-04T00:00:00Z', 'IEEM 2024 work_plan plan'), "
      "(3, 'cc', 'scan.pdf', 'work_plan', 'IEEM', 2024, 'Plan', 'pdf+ocr', '0', "
      "'2026-01-02T00:00:00Z', 'IEEM 2024 work_plan plan'), "
      "(4, 'dd', 'plan.pdf', 'work_plan', 'IEEM', 2024, 'Plan', 'pdf', '0', "
      "'2026-01-03T00:00:00Z', 'IEEM 2024 work_plan plan')");
  raw.Exec(
      "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) "
      "INSERT INTO activity (document_id, code, text, months_mask, extractor, confidence) "
      "SELECT 1, 'c' || i, 'a', NULL, 't', 1 FROM n UNION ALL "
      "SELECT 2, 'c' || i, 'a', 1, 't', 1 FROM n WHERE i <= 3 UNION ALL "
      "SELECT 3, 'c' || i, 'a', 1, 't', 1 FROM n WHERE i <= 9 UNION ALL "
      "SELECT 4, 'c' || i, 'a', 1, 't', 1 FROM n");
  raw.Exec(
      "INSERT INTO indicator (document_id, name, extractor, confidence) VALUES "
      "(1, 'i1', 't', 1), (1, 'i2', 't', 1), (3, 'i1', 't', 1), (3, 'i2', 't', 1)");
  // Shortfalls: the text lacks months (0 of 10), the excerpt activities, months and indicators,
  // the newest PDF indicators; the scan none (9 is nine tenths of 10).
  EXPECT_EQ(
      raw.Rows("SELECT document_id, activities, scheduled, indicators, shortfalls, "
               "edition_rank FROM v_document_edition ORDER BY edition_rank"),
      (std::vector<std::string>{"3|9|9|2|0|1", "4|10|10|0|1|2", "1|10|0|2|1|3", "2|3|3|0|3|4"}));
  EXPECT_EQ(raw.One("SELECT DISTINCT counted_document_id FROM v_document_edition"), "3");
}

TEST_F(StoreTest, OpenRejectsADatabaseFromANewerSchema) {
  { ASSERT_NE(OpenStore(), nullptr); }
  const int newer = LatestSchemaVersion() + 1;
  RawDb(db_path_).Exec("PRAGMA user_version = " + std::to_string(newer));

  Result<std::unique_ptr<Store>> store = Store::Open(db_path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kNotSupported);
  const std::string& message = store.status().message();
  EXPECT_NE(message.find(db_path_.string()), std::string::npos) << message;
  EXPECT_NE(message.find("schema version is " + std::to_string(newer)), std::string::npos)
      << message;
  EXPECT_NE(message.find("newer"), std::string::npos) << message;
  EXPECT_EQ(RawDb(db_path_).One("PRAGMA user_version"), std::to_string(newer));
}

TEST_F(StoreTest, OpenRejectsAFileThatIsNotSqliteAndLeavesItAlone) {
  const fs::path text = dir_ / "programa-anual-2024.txt";
  std::string content;
  for (int i = 0; i < 40; ++i) {
    content += "010101\tAtender solicitudes de las áreas institucionales\tSolicitud\n";
  }
  std::ofstream(text, std::ios::binary) << content;

  Result<std::unique_ptr<Store>> store = Store::Open(text);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(store.status().message().find(text.string()), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find("not an SQLite database"), std::string::npos)
      << store.status().message();
  std::stringstream after;
  after << std::ifstream(text, std::ios::binary).rdbuf();
  EXPECT_EQ(after.str(), content);
}

TEST_F(StoreTest, OpenRejectsAnotherProgramsSqliteDatabaseAndLeavesItAlone) {
  {
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(db_path_.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "CREATE TABLE bookmarks (url TEXT)", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(other);
  }
  Result<std::unique_ptr<Store>> store = Store::Open(db_path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(store.status().message().find("not one oplex created"), std::string::npos)
      << store.status().message();
  RawDb raw(db_path_);
  EXPECT_EQ(raw.Tables(), std::vector<std::string>{"bookmarks"});
  EXPECT_EQ(raw.One("PRAGMA journal_mode"), "delete");
}

TEST_F(StoreTest, OpenInAMissingDirectoryIsAnIoError) {
  Result<std::unique_ptr<Store>> store = Store::Open(dir_ / "missing" / "oplex.db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIoError) << store.status().ToString();
}

TEST_F(StoreTest, PutMapsRecordIndexesToRowIds) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<Store::PutOutcome> put = store->Put(IeemSample(Sha('a')), false);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(*put, Store::PutOutcome::kInserted);

  RawDb raw(db_path_);
  EXPECT_EQ(raw.Rows("SELECT s.code, p.code FROM section AS s "
                     "LEFT JOIN section AS p ON p.id = s.parent_id ORDER BY s.id"),
            (std::vector<std::string>{"01|<null>", "0101|01", "0102|01"}));
  EXPECT_EQ(raw.Rows("SELECT a.code, s.code FROM activity AS a "
                     "JOIN section AS s ON s.id = a.section_id ORDER BY a.id"),
            (std::vector<std::string>{"010101|0101", "010102|0101", "010201|0102", "010202|0102"}));
  EXPECT_EQ(raw.Rows("SELECT d.text, s.code, coalesce(a.code, '-') FROM deliverable AS d "
                     "JOIN section AS s ON s.id = d.section_id "
                     "LEFT JOIN activity AS a ON a.id = d.activity_id ORDER BY d.id"),
            (std::vector<std::string>{"Informe de solicitudes atendidas|0101|010101",
                                      "Programa Anual de Actividades 2025|0102|-"}));
  EXPECT_EQ(raw.Rows("SELECT f.code, coalesce(a.code, '-') FROM finding AS f "
                     "LEFT JOIN activity AS a ON a.id = f.activity_id ORDER BY f.id"),
            (std::vector<std::string>{"months_sum_mismatch|010102", "stated_total_mismatch|-",
                                      "code_separated_by_space|010202"}));
  EXPECT_EQ(raw.Rows("SELECT t.what, coalesce(s.code, '-'), t.scope_code, t.value "
                     "FROM stated_total AS t LEFT JOIN section AS s ON s.id = t.section_id "
                     "ORDER BY t.id"),
            (std::vector<std::string>{"actividades|-||318", "actividades|0101|0101|3"}));
  EXPECT_EQ(
      raw.Rows("SELECT position, raw, coalesce(value, '-'), estimated, not_quantified "
               "FROM beneficiary_count ORDER BY position"),
      (std::vector<std::string>{"1|13|13.0|0|0", "2|1|1.0|0|0", "3|S/C|-|0|1", "4|S/C|-|0|1"}));

  const std::string document =
      raw.One("SELECT institute, year, kind, source_format, pipeline_version FROM document");
  EXPECT_EQ(document, std::string("IEEM|2024|work_plan|text|") + OPLEX_VERSION);
  EXPECT_TRUE(std::regex_match(raw.One("SELECT ingested_at FROM document"),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  EXPECT_EQ(raw.One("SELECT code, state, name FROM institute"), "IEEM|<null>|<null>");
  EXPECT_EQ(raw.One("SELECT page, bbox_x0, bbox_y1, extractor FROM section WHERE code = '01'"),
            "12|56.5|118.0|activity_table");
  EXPECT_EQ(raw.One("SELECT section_path FROM v_activity WHERE code = '010101'"),
            "Secretaría Ejecutiva > Atención de solicitudes");
}

// A line of the BCS MIR (seed, Anexo 1) beside its activity, and a session of the COTAPREP
// report with the agreement it approved: the report's own date, figures kept as written with
// their numbers, "Sin referencia" unknown, and the links as row ids.
TEST_F(StoreTest, IndicatorsEventsAndReferencesKeepTheirLinks) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Extraction e = IeemSample(Sha('r'));
  e.document.date = "2023-12-27";
  Indicator mir;
  mir.name = "Trabajos realizados para destruir la DE (%)";
  mir.dimension = "eficacia";
  mir.frequency = "bimestral";
  mir.baseline = Figure{"Sin referencia", std::nullopt, false};
  mir.target = Figure{"100", 100.0, false};
  mir.progress = Figure{"25%", 25.0, true};
  mir.budget = Figure{"$65,018", 65018.0, false};
  mir.start_month = 10;
  mir.end_month = 12;
  mir.activity_code = "12.3";
  mir.activity = 1;
  mir.section = 2;
  mir.provenance = Line(527);
  e.indicators.push_back(mir);
  Event session;
  session.kind = "sesion_ordinaria";
  session.body = "Consejo General del INE";
  session.date = "2022-11-29";
  session.date_raw = "29 de noviembre de 2022";
  session.text = "En sesión ordinaria del 29 de noviembre de 2022, el Consejo General del INE…";
  session.provenance = Line(20);
  e.events.push_back(session);
  Reference agreement;
  agreement.code = "INE/CG825/2022";
  agreement.kind = "acuerdo";
  agreement.context = session.text;
  agreement.event = 0;
  agreement.provenance = Line(20);
  e.references.push_back(agreement);
  Reference cited = agreement;
  cited.code = "INE/CG446/2023";
  cited.event.reset();
  e.references.push_back(cited);
  Result<Store::PutOutcome> put = store->Put(e, false);
  ASSERT_TRUE(put.ok()) << put.status().ToString();

  RawDb raw(db_path_);
  EXPECT_EQ(raw.One("SELECT date FROM document"), "2023-12-27");
  EXPECT_EQ(raw.One("SELECT i.activity_code, a.code, s.code, i.baseline_raw, "
                    "coalesce(i.baseline_value, '-'), i.target_value, i.progress_raw, "
                    "i.progress_value, i.progress_percent, i.budget_raw, i.budget_value, "
                    "i.start_month, i.end_month, i.line FROM indicator AS i "
                    "JOIN activity AS a ON a.id = i.activity_id "
                    "JOIN section AS s ON s.id = i.section_id"),
            "12.3|010102|0102|Sin referencia|-|100.0|25%|25.0|1|$65,018|65018.0|10|12|527");
  EXPECT_EQ(raw.One("SELECT kind, body, date, date_raw FROM event"),
            "sesion_ordinaria|Consejo General del INE|2022-11-29|29 de noviembre de 2022");
  EXPECT_EQ(raw.Rows("SELECT r.code, coalesce(e.date, '-') FROM reference AS r "
                     "LEFT JOIN event AS e ON e.id = r.event_id ORDER BY r.id"),
            (std::vector<std::string>{"INE/CG825/2022|2022-11-29", "INE/CG446/2023|-"}));
}

TEST_F(StoreTest, FindActivitiesReturnsWhatPutStored) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());

  Result<std::vector<ActivityMatch>> found = FindActivities(*store, "010101");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), 1u);
  const ActivityMatch& m = found->front();
  EXPECT_EQ(m.document_path, "data/samples/mex-ieem-programa-anual-2024.txt");
  EXPECT_EQ(m.institute, "IEEM");
  EXPECT_EQ(m.year, 2024);
  EXPECT_EQ(m.section_path, "Secretaría Ejecutiva > Atención de solicitudes");
  EXPECT_EQ(m.code, "010101");
  EXPECT_EQ(m.unit, "Solicitud");
  ASSERT_TRUE(m.annual.has_value());
  EXPECT_EQ(m.annual->raw, "4,060");
  EXPECT_EQ(m.annual->value, 4060);
  EXPECT_FALSE(m.annual->estimated);
  EXPECT_TRUE(m.months.known());
  EXPECT_EQ(m.months.bits(), 0x0FFF);

  const std::vector<int> planned = {260, 330, 580, 600, 600, 400, 180, 200, 250, 360, 180, 120};
  ASSERT_EQ(m.month_values.size(), 12u);
  for (size_t i = 0; i < planned.size(); ++i) {
    const MonthValue& v = m.month_values[i];
    EXPECT_EQ(v.month, static_cast<int>(i) + 1);
    ASSERT_TRUE(v.planned.has_value());
    EXPECT_EQ(v.planned->value, planned[i]);
    EXPECT_EQ(v.planned->raw, std::to_string(planned[i]));
    EXPECT_TRUE(v.marked);
    EXPECT_EQ(v.weeks, i == 0 ? "1001" : "");  // no weeks is NULL, read back as empty
  }

  ASSERT_EQ(m.beneficiaries.size(), 1u);
  const Beneficiary& b = m.beneficiaries.front();
  EXPECT_EQ(b.kinds_text, "Áreas administrativas del IEEM, INE, Fiscalías, Tribunales.");
  EXPECT_EQ(b.counts_text, "13,1,S/C, S/C");
  ASSERT_EQ(b.counts.size(), 4u);
  EXPECT_EQ(b.counts[0].value, 13);
  EXPECT_EQ(b.counts[1].value, 1);
  for (size_t i : {2u, 3u}) {
    EXPECT_TRUE(b.counts[i].not_quantified);
    EXPECT_FALSE(b.counts[i].value.has_value());
    EXPECT_EQ(b.counts[i].raw, "S/C");
  }
  EXPECT_EQ(m.deliverables, std::vector<std::string>{"Informe de solicitudes atendidas"});
  EXPECT_EQ(m.provenance.line, 208);
  EXPECT_EQ(m.provenance.last_line, 209);
  EXPECT_FALSE(m.provenance.page.has_value());
  EXPECT_FALSE(m.provenance.bbox.has_value());
  EXPECT_EQ(m.provenance.extractor, "activity_table");
  EXPECT_EQ(m.provenance.confidence, 1.0);

  Result<std::vector<ActivityMatch>> estimated = FindActivities(*store, "010201");
  ASSERT_TRUE(estimated.ok()) << estimated.status().ToString();
  ASSERT_EQ(estimated->size(), 1u);
  ASSERT_TRUE(estimated->front().annual.has_value());
  EXPECT_TRUE(estimated->front().annual->estimated);
  EXPECT_EQ(estimated->front().annual->value, 300000);

  Result<std::vector<ActivityMatch>> none = FindActivities(*store, "999999");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(StoreTest, UnknownMonthsAreNullWhileKnownEmptyMonthsAreZero) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());

  RawDb raw(db_path_);
  EXPECT_EQ(raw.One("SELECT months_mask FROM activity WHERE code = '010201'"), "<null>");
  EXPECT_EQ(raw.One("SELECT months_mask FROM activity WHERE code = '010202'"), "0");
  EXPECT_EQ(raw.One("SELECT months_mask FROM activity WHERE code = '010101'"), "4095");
  EXPECT_EQ(raw.One("SELECT annual_raw, annual_value FROM activity WHERE code = '010202'"),
            "<null>|<null>");

  Result<std::vector<ActivityMatch>> unknown = FindActivities(*store, "010201");
  ASSERT_TRUE(unknown.ok());
  ASSERT_EQ(unknown->size(), 1u);
  EXPECT_FALSE(unknown->front().months.known());
  EXPECT_TRUE(unknown->front().month_values.empty());
  Result<std::vector<ActivityMatch>> empty = FindActivities(*store, "010202");
  ASSERT_TRUE(empty.ok());
  ASSERT_EQ(empty->size(), 1u);
  EXPECT_TRUE(empty->front().months.known());
  EXPECT_EQ(empty->front().months.bits(), 0);
  EXPECT_FALSE(empty->front().annual.has_value());
}

// The IEEM sample with categories, as the taxonomy would give them, on three activities; the
// fourth was stored before activities were classified.
Extraction ClassifiedIeemSample(const std::string& sha256) {
  Extraction e = IeemSample(sha256);
  const ActivityCategory legal{"juridico_contencioso", "Jurídico y contencioso", 6,
                               "juridico.asesoria", "text"};
  e.activities[0].category = legal;
  e.activities[1].category = legal;
  e.activities[2].category = ActivityCategory{"planeacion_evaluacion", "Planeación y evaluación",
                                              15, "planeacion.programa", "section"};
  return e;
}

TEST_F(StoreTest, ActivitiesKeepTheirCategoryAndTheViewsCompareThem) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(ClassifiedIeemSample(Sha('a')), false).ok());

  RawDb raw(db_path_);
  EXPECT_EQ(raw.One("SELECT category, category_rule, category_evidence FROM activity WHERE code = "
                    "'010201'"),
            "planeacion_evaluacion|planeacion.programa|section");
  EXPECT_EQ(raw.One("SELECT category, category_rule, category_evidence FROM activity WHERE code = "
                    "'010202'"),
            "<null>|<null>|<null>");
  EXPECT_EQ(raw.Rows("SELECT slug || '|' || label || '|' || rank FROM category ORDER BY rank"),
            (std::vector<std::string>{"juridico_contencioso|Jurídico y contencioso|6",
                                      "planeacion_evaluacion|Planeación y evaluación|15"}));
  EXPECT_EQ(raw.One("SELECT category_label FROM v_activity WHERE code = '010101'"),
            "Jurídico y contencioso");

  // Two legal activities, one of planning, one not classified, of four.
  EXPECT_EQ(raw.Rows("SELECT ifnull(category, '-') || ' ' || activities || ' ' || share FROM "
                     "v_category_share WHERE institute = 'IEEM' AND year = 2024 ORDER BY "
                     "category_rank"),
            (std::vector<std::string>{"- 1 0.25", "juridico_contencioso 2 0.5",
                                      "planeacion_evaluacion 1 0.25"}));
  // Months are known for 010101, 010102 (every month) and 010202 (none); 010201's are unknown.
  EXPECT_EQ(raw.One("SELECT activities_with_months, activities_scheduled, "
                    "activities_with_quantity, planned_quantity FROM v_month_load WHERE month = 1"),
            "3|2|2|261.0");
  EXPECT_EQ(raw.One("SELECT planned_quantity FROM v_month_load WHERE month = 4"), "601.0");
  EXPECT_EQ(raw.One("SELECT count(*) FROM v_month_load"), "12");
  EXPECT_EQ(raw.One("SELECT activities, indicators, indicators_linked, activities_with_indicator "
                    "FROM v_indicator_coverage"),
            "4|0|0|0");

  // A later taxonomy renames a category: the label follows it.
  Extraction renamed = ClassifiedIeemSample(Sha('b'));
  renamed.document.path = "data/samples/otro.txt";
  renamed.activities[0].category->label = "Jurídico";
  renamed.activities[1].category->label = "Jurídico";
  ASSERT_TRUE(store->Put(renamed, false).ok());
  EXPECT_EQ(raw.One("SELECT label FROM category WHERE slug = 'juridico_contencioso'"), "Jurídico");
}

TEST_F(StoreTest, PuttingTheSameDocumentTwiceChangesNothing) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  const std::string before = RawDb(db_path_).Dump();

  Extraction again = IeemSample(Sha('a'));
  again.activities.pop_back();
  Result<Store::PutOutcome> put = store->Put(again, false);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(*put, Store::PutOutcome::kUnchanged);
  EXPECT_EQ(RawDb(db_path_).Dump(), before);
}

TEST_F(StoreTest, ReplaceDeletesEveryOldRowAndWritesTheNewOnes) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  ASSERT_TRUE(store->Put(IeemSample(Sha('b')), false).ok());
  Result<std::optional<int64_t>> old_id = store->FindDocument(Sha('a'));
  ASSERT_TRUE(old_id.ok() && old_id->has_value());

  Extraction replacement = IeemSample(Sha('a'));
  replacement.document.title = "Programa Anual de Actividades 2024 (corregido)";
  replacement.activities[0].text = "Atender solicitudes (texto corregido).";
  replacement.activities[0].beneficiaries[0].counts.pop_back();
  replacement.activities.pop_back();
  replacement.findings.pop_back();  // it pointed at the removed activity
  Result<Store::PutOutcome> put = store->Put(replacement, true);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(*put, Store::PutOutcome::kReplaced);

  RawDb raw(db_path_);
  const std::string old = std::to_string(**old_id);
  for (std::string_view table : {"section", "activity", "deliverable", "stated_total", "indicator",
                                 "event", "reference", "finding"}) {
    EXPECT_EQ(raw.One("SELECT count(*) FROM " + std::string(table) + " WHERE document_id = " + old),
              "0")
        << table;
  }
  EXPECT_TRUE(raw.Rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(raw.Count("document"), 2);
  EXPECT_EQ(raw.Count("institute"), 1);
  // The untouched document 'b' plus the replacement.
  EXPECT_EQ(raw.Count("activity"), 4 + 3);
  EXPECT_EQ(raw.Count("activity_month"), 24 + 24);
  EXPECT_EQ(raw.Count("beneficiary_count"), 4 + 3);
  EXPECT_EQ(raw.Count("finding"), 3 + 2);
  EXPECT_EQ(raw.One("SELECT title FROM document WHERE sha256 = '" + Sha('a') + "'"),
            "Programa Anual de Actividades 2024 (corregido)");
  EXPECT_EQ(raw.Rows("SELECT a.text FROM activity AS a JOIN document AS d ON d.id = a.document_id"
                     " WHERE a.code = '010101' ORDER BY d.sha256"),
            (std::vector<std::string>{"Atender solicitudes (texto corregido).",
                                      IeemSample(Sha('b')).activities[0].text}));
}

TEST_F(StoreTest, FailedPutRollsBackEverythingItWrote) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  const std::string before = RawDb(db_path_).Dump();

  // Sections and the first activities are written before the dangling index is met.
  Extraction broken = IeemSample(Sha('c'));
  broken.activities[3].section = 9;
  Result<Store::PutOutcome> put = store->Put(broken, false);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), Status::Code::kInternal);
  EXPECT_NE(put.status().message().find("activities[3] (010202)"), std::string::npos)
      << put.status().message();
  EXPECT_NE(put.status().message().find("sections[9]"), std::string::npos)
      << put.status().message();
  EXPECT_EQ(RawDb(db_path_).Dump(), before);

  Result<std::optional<int64_t>> id = store->FindDocument(Sha('c'));
  ASSERT_TRUE(id.ok());
  EXPECT_FALSE(id->has_value());
  // The connection is usable afterwards: no transaction was left open.
  EXPECT_TRUE(store->Put(IeemSample(Sha('c')), false).ok());
}

TEST_F(StoreTest, FailedReplaceKeepsTheStoredDocument) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  const std::string before = RawDb(db_path_).Dump();

  Extraction broken = IeemSample(Sha('a'));
  broken.findings[0].activity = 42;
  Result<Store::PutOutcome> put = store->Put(broken, true);
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.status().message().find("findings[0]"), std::string::npos)
      << put.status().message();
  EXPECT_EQ(RawDb(db_path_).Dump(), before);
}

TEST_F(StoreTest, EveryKindOfDanglingIndexIsRejected) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const std::string before = RawDb(db_path_).Dump();
  const std::vector<std::pair<std::string, std::function<void(Extraction&)>>> breakages = {
      {"parent after its child", [](Extraction& e) { e.sections[1].parent = 2; }},
      {"parent is itself", [](Extraction& e) { e.sections[0].parent = 0; }},
      {"activity section", [](Extraction& e) { e.activities[0].section = 3; }},
      {"deliverable section", [](Extraction& e) { e.deliverables[1].section = 7; }},
      {"deliverable activity", [](Extraction& e) { e.deliverables[0].activity = 4; }},
      {"finding activity", [](Extraction& e) { e.findings[2].activity = 4; }},
      {"stated total scope", [](Extraction& e) { e.stated_totals[1].scope = 3; }},
      {"indicator activity",
       [](Extraction& e) {
         e.indicators.emplace_back().name = "x";
         e.indicators.back().activity = 9;
       }},
      {"reference event",
       [](Extraction& e) {
         e.references.emplace_back().code = "INE/CG1/2023";
         e.references.back().event = 0;
       }},
  };
  for (const auto& [name, breakage] : breakages) {
    Extraction e = IeemSample(Sha('d'));
    breakage(e);
    Result<Store::PutOutcome> put = store->Put(e, false);
    EXPECT_FALSE(put.ok()) << name;
    EXPECT_EQ(put.status().code(), Status::Code::kInternal) << name;
    EXPECT_EQ(RawDb(db_path_).Dump(), before) << name;
  }
}

TEST_F(StoreTest, RecordRejectedBySchemaFailsThePutWithoutPartialRows) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const std::string before = RawDb(db_path_).Dump();

  Extraction e = IeemSample(Sha('e'));
  e.activities[1].month_values[5].month = 5;  // two cells for May
  Result<Store::PutOutcome> put = store->Put(e, false);
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.status().message().find("activities[1] (010102)"), std::string::npos)
      << put.status().message();
  // The activity's months go in one statement; the row refused is named all the same.
  EXPECT_NE(put.status().message().find("month 5:"), std::string::npos) << put.status().message();
  EXPECT_NE(put.status().message().find("UNIQUE"), std::string::npos) << put.status().message();
  EXPECT_EQ(RawDb(db_path_).Dump(), before);
}

TEST_F(StoreTest, InstituteIsRecordedOncePerCodeAndOnlyWhenNamed) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  ASSERT_TRUE(store->Put(IeemSample(Sha('b')), false).ok());
  Extraction anonymous = IeemSample(Sha('c'));
  anonymous.document.institute.reset();
  anonymous.document.year.reset();
  ASSERT_TRUE(store->Put(anonymous, false).ok());

  RawDb raw(db_path_);
  EXPECT_EQ(raw.Rows("SELECT code FROM institute"), std::vector<std::string>{"IEEM"});
  EXPECT_EQ(raw.One("SELECT institute, year FROM document WHERE sha256 = '" + Sha('c') + "'"),
            "<null>|<null>");
}

TEST_F(StoreTest, StatsCountDocumentsAndTheirRecords) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  Extraction other = IeemSample(Sha('b'));
  other.document.path = "data/samples/ags-iee-plan-anual-2023.txt";
  other.document.institute = "IEE-AGS";
  other.document.year = 2023;
  other.findings.clear();
  Indicator indicator;
  indicator.name = "Porcentaje de solicitudes atendidas";
  indicator.provenance = Line(300);
  other.indicators = {indicator, indicator};
  ASSERT_TRUE(store->Put(other, false).ok());

  Result<Stats> stats = GetStats(*store);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->documents, 2);
  EXPECT_EQ(stats->sections, 6);
  EXPECT_EQ(stats->activities, 8);
  EXPECT_EQ(stats->findings, 3);
  EXPECT_EQ(stats->indicators, 2);
  ASSERT_EQ(stats->per_document.size(), 2u);
  const DocumentStats& ags = stats->per_document[0];
  EXPECT_EQ(ags.path, "data/samples/ags-iee-plan-anual-2023.txt");
  EXPECT_EQ(ags.institute, "IEE-AGS");
  EXPECT_EQ(ags.year, 2023);
  EXPECT_EQ(ags.kind, DocumentKind::kWorkPlan);
  EXPECT_EQ(ags.activities, 4);
  EXPECT_EQ(ags.activities_with_months, 3);  // 010201's months are unknown
  EXPECT_EQ(ags.findings, 0);
  EXPECT_EQ(ags.indicators, 2);
  EXPECT_EQ(stats->per_document[1].institute, "IEEM");
  EXPECT_EQ(stats->per_document[1].indicators, 0);
  EXPECT_EQ(stats->per_document[1].findings, 3);
}

TEST_F(StoreTest, ListFindingsFiltersByPathAndSeverity) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(IeemSample(Sha('a')), false).ok());
  Extraction other = IeemSample(Sha('b'));
  other.document.path = "data/samples/ags_iee_plan_2023.txt";
  ASSERT_TRUE(store->Put(other, false).ok());

  Result<std::vector<FindingRow>> all = ListFindings(*store);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 6u);

  FindingFilter ieem_warnings;
  ieem_warnings.path_contains = "mex-ieem";
  ieem_warnings.min_severity = Severity::kWarning;
  Result<std::vector<FindingRow>> rows = ListFindings(*store, ieem_warnings);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  // Ordered by line: the stated total (line 40) before the month sums (line 211).
  EXPECT_EQ((*rows)[0].code, "stated_total_mismatch");
  EXPECT_EQ((*rows)[0].severity, Severity::kError);
  EXPECT_FALSE((*rows)[0].activity_code.has_value());
  EXPECT_EQ((*rows)[1].code, "months_sum_mismatch");
  EXPECT_EQ((*rows)[1].activity_code, "010102");
  EXPECT_EQ((*rows)[1].raw_text, "12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1");
  EXPECT_EQ((*rows)[1].provenance.line, 211);
  EXPECT_EQ((*rows)[1].document_path, "data/samples/mex-ieem-programa-anual-2024.txt");

  // An underscore is matched literally, not as a LIKE wildcard.
  FindingFilter underscore;
  underscore.path_contains = "ags_iee";
  underscore.min_severity = Severity::kError;
  rows = ListFindings(*store, underscore);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].document_path, "data/samples/ags_iee_plan_2023.txt");
  underscore.path_contains = "ags-iee";
  rows = ListFindings(*store, underscore);
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->empty());
}

TEST_F(StoreTest, StoresOnOneNewFileInSeveralThreadsAllWrite) {
  // The file does not exist yet: the workers also race to create and migrate it.
  constexpr int kThreads = 4;
  constexpr int kDocumentsEach = 10;
  std::atomic<int> failures = 0;
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      Result<std::unique_ptr<Store>> store = Store::Open(db_path_);
      if (!store.ok()) {
        ADD_FAILURE() << store.status().ToString();
        ++failures;
        return;
      }
      for (int d = 0; d < kDocumentsEach; ++d) {
        std::string sha = Sha('0');
        sha.replace(0, 8, std::to_string(10'000'000 + t * 1000 + d));
        if (auto put = (*store)->Put(IeemSample(sha), false); !put.ok()) {
          ADD_FAILURE() << put.status().ToString();
          ++failures;
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(RawDb(db_path_).Count("document"), kThreads * kDocumentsEach);
}

}  // namespace
}  // namespace oplex
