// Activity reports: sentences, the document's date, dated sessions and cited agreements, on the
// COTAPREP report (text export and PDF), the BCS work plan, and small hand-written reports.
// Expected events were read off data/samples/ags-iee-cotaprep-informe-2023.txt by hand.
#include "extractors/report_events.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "extractors/document_date.h"
#include "extractors/event_rules.h"
#include "extractors/sentences.h"
#include "tests/json_value.h"
#include "tests/process_file.h"
#include "tests/raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::MustProcess;

const std::string kCotaprepText =
    std::string(OPLEX_SAMPLES_DIR) + "/ags-iee-cotaprep-informe-2023.txt";
const std::string kCotaprepPdf = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/ags-2023-cotaprep.pdf";

Block Paragraph(const std::string& text, int line) {
  Cell cell;
  cell.text = text;
  Row row;
  row.cells.push_back(cell);
  row.first_line = row.last_line = line;
  Block block;
  block.rows.push_back(row);
  return block;
}

// An extraction of a report given as text, as `oplex ingest` would make it.
Extraction ProcessText(const std::string& text) {
  return testing::ProcessText(text, "informe.txt");
}

// (ISO date or "-", kind, body or "-") per event.
using EventRow = std::tuple<std::string, std::string, std::string>;

std::vector<EventRow> Rows(const std::vector<Event>& events) {
  std::vector<EventRow> rows;
  for (const Event& e : events)
    rows.emplace_back(e.date.value_or("-"), e.kind, e.body.value_or("-"));
  return rows;
}

// The thirteen events of the COTAPREP report: seven sessions of the "Antecedentes" (the INE's
// and the IEE's Consejo General approving the agreements that led to the committee), then the
// committee's six activities.
const std::vector<EventRow> kCotaprepEvents = {
    {"2022-11-29", "sesion_ordinaria", "Consejo General del INE"},
    {"2023-07-20", "sesion_extraordinaria", "Consejo General del INE"},
    {"2023-08-23", "sesion_ordinaria", "Consejo General del INE"},
    {"2023-08-31", "sesion_ordinaria", "Consejo General del IEE"},
    {"2023-09-14", "sesion", "Consejo General del IEE"},
    {"2023-10-04", "sesion_extraordinaria", "Consejo General del IEE"},
    {"2023-10-27", "sesion_ordinaria", "Consejo General del IEE"},
    {"2023-11-01", "sesion_instalacion", "COTAPREP"},
    {"2023-11-08", "reunion_interna", "COTAPREP"},
    {"2023-11-22", "reunion_trabajo", "COTAPREP"},
    {"2023-11-27", "sesion_ordinaria", "COTAPREP"},
    {"2023-12-13", "reunion_interna", "COTAPREP"},
    {"2023-12-18", "reunion_trabajo", "COTAPREP"},
};

// Each agreement code and the date of the session that issued it.
const std::vector<std::pair<std::string, std::string>> kCotaprepCodes = {
    {"INE/CG825/2022", "2022-11-29"}, {"INE/CG446/2023", "2023-07-20"},
    {"INE/CG492/2023", "2023-08-23"}, {"CG-A-27/23", "2023-08-31"},
    {"CG-A-28/23", "2023-09-14"},     {"CG-A-43/23", "2023-10-27"},
};

std::vector<std::pair<std::string, std::string>> CodesAndEventDates(const Extraction& e) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Reference& r : e.references) {
    out.emplace_back(r.code, r.event ? e.events.at(*r.event).date.value_or("?") : "-");
  }
  return out;
}

std::vector<std::string> FindingCodes(const Extraction& e, const std::string& prefix) {
  std::vector<std::string> out;
  for (const Finding& f : e.findings) {
    if (f.code.starts_with(prefix)) out.push_back(f.code + ": " + f.raw_text);
  }
  return out;
}

TEST(ReportSentences, JoinsWhatLayoutBrokeAndCutsAtSentenceEnds) {
  const std::vector<Block> blocks = {
      Paragraph("I. Marco Jurídico", 1),
      Paragraph("En sesión ordinaria de fecha 31 de agosto de 2023, el Consejo General emitió el "
                "*“ACUERDO POR EL QUE SE",
                2),
      Paragraph("DESIGNA AL RESPONSABLE. DEL PREP”*, identificado con la clave **CG-A-27/23**, "
                "el L.I. José Pérez. Después se aprobó el plan.",
                3),
      Paragraph("IV. Primera sesión ordinaria.", 4),
  };
  const std::vector<Sentence> sentences = SplitSentences(blocks);
  std::vector<std::string> texts;
  for (const Sentence& s : sentences) texts.push_back(s.text);
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "I. Marco Jurídico",
                       "En sesión ordinaria de fecha 31 de agosto de 2023, el Consejo General "
                       "emitió el “ACUERDO POR EL QUE SE DESIGNA AL RESPONSABLE. DEL PREP”, "
                       "identificado con la clave CG-A-27/23, el L.I. José Pérez.",
                       "Después se aprobó el plan.",
                       "IV. Primera sesión ordinaria.",
                   }));
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(sentences[1].provenance.line, 2);
  EXPECT_EQ(sentences[1].provenance.last_line, 3);
  EXPECT_EQ(sentences[2].provenance.line, 3);
  EXPECT_FALSE(sentences[2].provenance.last_line);
}

TEST(ReportSentences, QuotedRangesNestAndIgnoreUnclosedMarks) {
  // Bytes: “ and ” are 3 each, « and » 2 each.
  const std::string text = "a “b “c” d” e «f» \"g\" “h";
  EXPECT_EQ(QuotedRanges(text),
            (std::vector<std::pair<size_t, size_t>>{{2, 19}, {22, 27}, {28, 31}}));
  EXPECT_TRUE(InQuotes(QuotedRanges(text), 10));
  EXPECT_FALSE(InQuotes(QuotedRanges(text), 20));
}

TEST(ReportDocumentDate, ADateLineAtTheHeadOrTheFoot) {
  Extraction head;
  ExtractDocumentDate({Paragraph("27 de diciembre de 2023.", 1), Paragraph("INFORME", 2)}, &head);
  EXPECT_EQ(head.document.date, "2023-12-27");

  // A period line mentions two dates: it is no date line. The signed foot dates the report.
  const std::string running(kRunningTextBytes, 'x');
  Extraction foot;
  ExtractDocumentDate({Paragraph("Del 01 de Enero al 31 de Marzo 2024", 1), Paragraph(running, 2),
                       Paragraph("Aguascalientes, Ags., a 15 de abril de 2024.", 3),
                       Paragraph("Secretaría Ejecutiva", 4)},
                      &foot);
  EXPECT_EQ(foot.document.date, "2024-04-15");

  Extraction none;
  ExtractDocumentDate({Paragraph("Del 01 de Enero al 31 de Marzo 2024", 1)}, &none);
  EXPECT_FALSE(none.document.date);

  Extraction garbled;
  ExtractDocumentDate({Paragraph("30 de febrero de 2024.", 1)}, &garbled);
  EXPECT_FALSE(garbled.document.date);
  ASSERT_EQ(garbled.findings.size(), 1u);
  EXPECT_EQ(garbled.findings[0].code, "date_invalid");
  EXPECT_EQ(garbled.findings[0].raw_text, "30 de febrero de 2024");
}

TEST(ReportEventRules, ABadPatternNamesItsFileAndLine) {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("oplex-event-rules-" + std::to_string(rd()));
  fs::create_directories(dir);
  for (const char* name : {"event_kinds.tsv", "event_bodies.tsv", "reference_codes.tsv",
                           "reference_kinds.tsv", "event_places.tsv"}) {
    fs::copy_file(fs::path(OPLEX_DEFAULT_DATA_DIR) / name, dir / name);
  }
  ASSERT_TRUE(EventRules::Load(dir).ok());
  std::ofstream(dir / "event_kinds.tsv") << "kind\tevidence\tpattern\n"
                                         << "sesion\tnames\t\\bsesion\\b\n"
                                         << "reunion\tnames\t(reunion\n";
  auto bad = EventRules::Load(dir);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("event_kinds.tsv:3: bad pattern"), std::string::npos)
      << bad.status().ToString();
  std::ofstream(dir / "event_kinds.tsv") << "kind\tevidence\tpattern\n"
                                         << "sesion\tsays\t\\bsesion\\b\n";
  bad = EventRules::Load(dir);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("event_kinds.tsv:2: evidence must be names, act or list"),
            std::string::npos)
      << bad.status().ToString();
  fs::remove_all(dir);
}

TEST(ReportEvents, CotaprepTextSample) {
  const Extraction e = MustProcess(kCotaprepText);
  EXPECT_EQ(e.document.kind, DocumentKind::kActivityReport);
  EXPECT_EQ(e.document.institute, "IEE-AGS");
  EXPECT_EQ(e.document.date, "2023-12-27");
  EXPECT_EQ(Rows(e.events), kCotaprepEvents);

  // Where each event is told, as lines of the export.
  std::vector<int> lines;
  for (const Event& ev : e.events) lines.push_back(ev.provenance.line.value_or(0));
  EXPECT_EQ(lines, (std::vector<int>{42, 44, 46, 48, 52, 54, 56, 73, 77, 81, 85, 89, 93}));

  ASSERT_EQ(e.events.size(), kCotaprepEvents.size());
  EXPECT_EQ(e.events[3].date_raw, "treinta y uno de agosto del año dos mil veintitrés");
  EXPECT_EQ(e.events[7].date_raw, "uno de noviembre de dos mil veintitrés");
  // 14 September: no phrase names the session; the Consejo General's approval shows it.
  EXPECT_EQ(e.events[4].text,
            "El día catorce de septiembre de dos mil veintitrés, mediante acuerdo identificado "
            "con la clave alfanumérica CG-A-28/23, el Consejo General aprobó el Reglamento "
            "Interior del Instituto Estatal Electoral de Aguascalientes.");
  EXPECT_DOUBLE_EQ(e.events[4].provenance.confidence, kActConfidence);
  EXPECT_DOUBLE_EQ(e.events[10].provenance.confidence, 1.0);
  EXPECT_EQ(e.events[10].provenance.extractor, kReportEventsExtractor);
  EXPECT_TRUE(FindingCodes(e, "date").empty());
}

TEST(ReportEvents, CotaprepReferences) {
  const Extraction e = MustProcess(kCotaprepText);
  EXPECT_EQ(CodesAndEventDates(e), kCotaprepCodes);
  for (const Reference& r : e.references) EXPECT_EQ(r.kind, "acuerdo") << r.code;
  // The export broke this sentence over two lines inside the agreement's title.
  ASSERT_EQ(e.references.size(), 6u);
  const std::string& context = e.references[3].context;
  EXPECT_TRUE(
      context.starts_with("En cumplimiento a lo anterior, en sesión ordinaria de fecha "
                          "treinta y uno de agosto"))
      << context;
  EXPECT_NE(context.find("ASÍ COMO RESPONSABLE DE COORDINAR"), std::string::npos) << context;
  EXPECT_TRUE(context.ends_with("el L.I. José de Jesús Jaime Carachure.")) << context;
  EXPECT_EQ(e.references[3].provenance.line, 48);
  EXPECT_EQ(e.references[3].provenance.last_line, 50);
}

TEST(ReportEvents, CotaprepPdfGivesWhatTheTextGives) {
  const Extraction text = MustProcess(kCotaprepText);
  const Extraction pdf = MustProcess(kCotaprepPdf);
  const testing::JsonValue expected = testing::ParseJson(testing::ReadBytes(
      std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/ags-2023-cotaprep.expected.json"));
  std::vector<std::string> expected_codes, codes;
  for (const testing::JsonValue& c : expected["codes"].array) expected_codes.push_back(c.string);
  for (const Reference& r : pdf.references) codes.push_back(r.code);
  EXPECT_EQ(codes, expected_codes);
  EXPECT_EQ(expected["date_line"].string, "27 de diciembre de 2023.");
  EXPECT_EQ(pdf.document.date, "2023-12-27");
  EXPECT_EQ(pdf.document.kind, DocumentKind::kActivityReport);
  EXPECT_EQ(pdf.document.institute, "IEE-AGS");

  EXPECT_EQ(Rows(pdf.events), kCotaprepEvents);
  EXPECT_EQ(CodesAndEventDates(pdf), kCotaprepCodes);
  ASSERT_EQ(pdf.events.size(), text.events.size());
  for (size_t i = 0; i < pdf.events.size(); ++i) {
    EXPECT_EQ(pdf.events[i].date_raw, text.events[i].date_raw);
    EXPECT_EQ(pdf.events[i].text, text.events[i].text);
  }
  ASSERT_EQ(pdf.references.size(), text.references.size());
  for (size_t i = 0; i < pdf.references.size(); ++i) {
    EXPECT_EQ(pdf.references[i].kind, text.references[i].kind);
    EXPECT_EQ(pdf.references[i].context, text.references[i].context);
    EXPECT_EQ(pdf.references[i].event, text.references[i].event);
  }
  // "Antecedentes" start on page 3; the last meeting is told on page 5.
  EXPECT_EQ(pdf.events.front().provenance.page, 3);
  EXPECT_EQ(pdf.events.back().provenance.page, 5);
  EXPECT_TRUE(pdf.events.front().provenance.bbox.has_value());
}

TEST(ReportEvents, AWorkPlanCitesAgreementsButTellsOfNoEvents) {
  const Extraction e =
      MustProcess(std::string(OPLEX_SAMPLES_DIR) + "/bcs-ieebcs-deoe-pat-2024.txt");
  EXPECT_EQ(e.document.kind, DocumentKind::kWorkPlan);
  EXPECT_TRUE(e.events.empty());
  EXPECT_FALSE(e.document.date);
  EXPECT_EQ(CodesAndEventDates(e),
            (std::vector<std::pair<std::string, std::string>>{{"IEEBCS-JEE020-ENERO-2022", "-"},
                                                              {"IEEBCS-CG004-ENERO-2022", "-"}}));
  for (const Reference& r : e.references) {
    EXPECT_EQ(r.kind, "acuerdo");
    EXPECT_EQ(r.provenance.line, 74);
    EXPECT_TRUE(r.context.starts_with("¹ Con base en lo dispuesto")) << r.context;
  }
}

TEST(ReportEvents, AGarbledDateIsAFindingNeverAWrongDate) {
  const Extraction e = ProcessText(
      "30 de febrero de 2023.\n"
      "Informe de actividades del Consejo General 2023\n\n"
      "En sesión extraordinaria celebrada el treinta y dos de febrero de dos mil veintitrés, el "
      "Consejo General del Instituto Electoral del Estado de México aprobó el acuerdo "
      "IEEM/CG/12/2023.\n\n"
      "En sesión ordinaria celebrada el quince de marzo, el Consejo General aprobó la resolución "
      "IEEM/CG/20/2023.\n\n"
      "Conforme a lo aprobado en la sesión ordinaria del 15 de marzo de 2023, el Consejo General "
      "publicó el acuerdo IEEM/CG/21/2023.\n");
  EXPECT_EQ(e.document.kind, DocumentKind::kActivityReport);
  EXPECT_EQ(e.document.institute, "IEEM");
  EXPECT_EQ(Rows(e.events), (std::vector<EventRow>{
                                {"-", "sesion_extraordinaria", "Consejo General del IEEM"},
                                {"2023-03-15", "sesion_ordinaria", "Consejo General del IEEM"}}));
  ASSERT_EQ(e.events.size(), 2u);
  EXPECT_EQ(e.events[0].date_raw, "treinta y dos de febrero de dos mil veintitrés");
  EXPECT_EQ(
      FindingCodes(e, "date"),
      (std::vector<std::string>{"date_invalid: 30 de febrero de 2023",
                                "date_invalid: treinta y dos de febrero de dos mil veintitrés",
                                "date_year_assumed: quince de marzo"}));
  // Each garbled date once, with the reason and where it is; the guessed year is only info.
  ASSERT_EQ(e.findings.size(), 3u);
  EXPECT_EQ(e.findings[0].message,
            "the document's date line names no real day: February 2023 has no day 30");
  EXPECT_EQ(e.findings[0].provenance.line, 1);
  EXPECT_EQ(e.findings[1].message, "no such day: February 2023 has no day 32");
  EXPECT_EQ(e.findings[1].severity, Severity::kWarning);
  EXPECT_EQ(e.findings[1].provenance.line, 4);
  EXPECT_EQ(e.findings[2].message, "no year written: taken as 2023, the report's year");
  EXPECT_EQ(e.findings[2].severity, Severity::kInfo);
  EXPECT_EQ(e.findings[2].provenance.line, 6);
  EXPECT_FALSE(e.document.date);
  // The session of 15 March, told of twice, is one event.
  EXPECT_EQ(CodesAndEventDates(e),
            (std::vector<std::pair<std::string, std::string>>{{"IEEM/CG/12/2023", "?"},
                                                              {"IEEM/CG/20/2023", "2023-03-15"},
                                                              {"IEEM/CG/21/2023", "2023-03-15"}}));
  ASSERT_EQ(e.references.size(), 3u);
  EXPECT_EQ(e.references[2].event, 1u);
  EXPECT_EQ(e.references[0].kind, "acuerdo");
  EXPECT_EQ(e.references[1].kind, "resolución");
}

TEST(ReportEvents, CodeShapesAndWhatIsNoCode) {
  const Extraction e = ProcessText(
      "Informe anual de actividades 2023\n\n"
      "Se citan los acuerdos INE/CG825/2022, INE/JGE12/2023, IEEM/CG/52/2016, "
      "IECM/ACU-CG-001/2023, CG-A-27/23, CG-R-05/2023 e IEEBCS-CG004-ENERO-2022, el Proceso "
      "Electoral 2023-2024, el Anexo 18.5, la tabla NOMBRE/INSTITUCIÓN y el folio ABC-123.\n");
  std::vector<std::string> codes;
  for (const Reference& r : e.references) codes.push_back(r.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"INE/CG825/2022", "INE/JGE12/2023", "IEEM/CG/52/2016",
                                             "IECM/ACU-CG-001/2023", "CG-A-27/23", "CG-R-05/2023",
                                             "IEEBCS-CG004-ENERO-2022"}));
  EXPECT_TRUE(e.events.empty());
}

// The CLI stores what the extractor found: sessions with their dates and bodies, and each code
// linked to the session that issued it.
TEST(ReportStore, IngestedEventsAndReferencesRoundTrip) {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("oplex-report-" + std::to_string(rd()));
  fs::create_directories(dir);
  const fs::path db = dir / "reports.sqlite";
  const std::string cmd = std::string(OPLEX_BINARY) + " ingest -q " + kCotaprepText + " --db " +
                          db.string() + " >/dev/null 2>&1 </dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;

  std::vector<std::string> expected_events;
  for (const auto& [date, kind, body] : kCotaprepEvents) {
    expected_events.push_back(date + "|" + kind + "|" + body);
  }
  {
    testing::RawDb raw(db);
    EXPECT_EQ(raw.Rows("SELECT date, kind FROM document"),
              (std::vector<std::string>{"2023-12-27|activity_report"}));
    EXPECT_EQ(raw.Rows("SELECT date, kind, body FROM event ORDER BY id"), expected_events);
    EXPECT_EQ(raw.Rows("SELECT r.code, r.kind, e.date, e.kind FROM reference AS r "
                       "LEFT JOIN event AS e ON e.id = r.event_id ORDER BY r.id"),
              (std::vector<std::string>{
                  "INE/CG825/2022|acuerdo|2022-11-29|sesion_ordinaria",
                  "INE/CG446/2023|acuerdo|2023-07-20|sesion_extraordinaria",
                  "INE/CG492/2023|acuerdo|2023-08-23|sesion_ordinaria",
                  "CG-A-27/23|acuerdo|2023-08-31|sesion_ordinaria",
                  "CG-A-28/23|acuerdo|2023-09-14|sesion",
                  "CG-A-43/23|acuerdo|2023-10-27|sesion_ordinaria",
              }));
    EXPECT_EQ(raw.Rows("SELECT count(*) FROM reference WHERE context LIKE '%' || code || '%' AND "
                       "extractor = 'report_events' AND line >= 42"),
              (std::vector<std::string>{"6"}));
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace oplex
