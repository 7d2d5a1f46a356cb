// Events of calendars, lists and minutes written by hand as text exports, through the whole
// document pipeline: table rows and list items that give a day (extractors/table_events.h), the
// meeting minutes record (extractors/minutes_meeting.h), years resolved from the rows before,
// the document or "del mismo año", and codes of official letters.
#include "extractors/table_events.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "extractors/minutes_meeting.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

Extraction ProcessText(const std::string& text) {
  return testing::ProcessText(text, "documento.txt");
}

// (ISO date or "-", kind, extractor) per event.
using EventRow = std::tuple<std::string, std::string, std::string>;

std::vector<EventRow> Rows(const Extraction& e) {
  std::vector<EventRow> rows;
  for (const Event& ev : e.events) {
    rows.emplace_back(ev.date.value_or("-"), ev.kind, ev.provenance.extractor);
  }
  return rows;
}

std::vector<std::string> Findings(const Extraction& e) {
  std::vector<std::string> out;
  for (const Finding& f : e.findings) out.push_back(f.code + ": " + f.raw_text);
  return out;
}

TEST(TableEvents, ACalendarWithoutYearsRunsIntoTheNextYear) {
  const Extraction e = ProcessText(
      "Calendario de sesiones ordinarias del Comité de Archivos para el ejercicio 2025\n\n"
      "| Sesión | Fecha | Hora | Lugar |\n"
      "|---|---|---|---|\n"
      "| Primera | 4 de abril | 12:00 | Sala de juntas |\n"
      "| Segunda | 11 de julio | 12:00 | Sala de juntas |\n"
      "| Tercera | 10 de octubre | 12:00 | Sala de juntas |\n"
      "| Cuarta | 16 de enero | 12:00 | Sala de juntas |\n");
  EXPECT_EQ(e.document.kind, DocumentKind::kCalendar);
  EXPECT_EQ(e.document.year, 2025);
  // The column "Sesión" names the kind; the caption's "sesiones ordinarias" refines it.
  EXPECT_EQ(Rows(e), (std::vector<EventRow>{
                         {"2025-04-04", "sesion_ordinaria", kTableEventsExtractor},
                         {"2025-07-11", "sesion_ordinaria", kTableEventsExtractor},
                         {"2025-10-10", "sesion_ordinaria", kTableEventsExtractor},
                         {"2026-01-16", "sesion_ordinaria", kTableEventsExtractor},
                     }));
  ASSERT_EQ(e.events.size(), 4u);
  EXPECT_EQ(e.events[3].date_raw, "16 de enero");
  EXPECT_EQ(e.events[3].text, "Cuarta | 16 de enero | 12:00 | Sala de juntas");
  EXPECT_EQ(e.events[3].time, "12:00");
  EXPECT_EQ(e.events[3].place, "Sala de juntas");
  EXPECT_EQ(Findings(e),
            (std::vector<std::string>{
                "date_year_assumed: 4 de abril", "date_year_assumed: 11 de julio",
                "date_year_assumed: 10 de octubre", "date_year_assumed: 16 de enero"}));
  EXPECT_EQ(e.findings[0].message, "no year written: taken as 2025, the document's year");
  EXPECT_EQ(e.findings[3].message, "no year written: taken as 2026, from the rows before");
  EXPECT_EQ(e.findings[3].severity, Severity::kInfo);
}

TEST(TableEvents, TheYearOfTheCaptionWhenClassifyFindsNone) {
  // Classify reads the opening lines only; this calendar's year stands in its caption, further on.
  std::string text = "Calendario de sesiones del Comité de Archivos\n\n";
  for (int i = 0; i < 90; ++i) text += "Integrante del Comité.\n\n";
  text +=
      "Sesiones ordinarias del ejercicio fiscal 2025\n\n"
      "| Fecha | Hora |\n"
      "|---|---|\n"
      "| 10 de octubre | 12:00 |\n"
      "| 16 de enero | 12:00 |\n";
  const Extraction e = ProcessText(text);
  EXPECT_FALSE(e.document.year);
  EXPECT_EQ(Rows(e),
            (std::vector<EventRow>{{"2025-10-10", "sesion_ordinaria", kTableEventsExtractor},
                                   {"2026-01-16", "sesion_ordinaria", kTableEventsExtractor}}));
}

TEST(TableEvents, NoYearKnownIsNoDateAndAFinding) {
  const Extraction e = ProcessText(
      "Calendario de sesiones del Comité\n\n"
      "| Fecha | Hora |\n"
      "|---|---|\n"
      "| 4 de abril | 12:00 |\n");
  EXPECT_FALSE(e.document.year);
  EXPECT_EQ(Rows(e), (std::vector<EventRow>{{"-", "sesion", kTableEventsExtractor}}));
  ASSERT_EQ(e.events.size(), 1u);
  EXPECT_EQ(e.events[0].date_raw, "4 de abril");
  EXPECT_EQ(Findings(e), (std::vector<std::string>{"date_year_unknown: 4 de abril"}));
  EXPECT_EQ(e.findings[0].severity, Severity::kWarning);
}

TEST(TableEvents, AListOfDatesUnderItsTitle) {
  const Extraction e = ProcessText(
      "Calendario de reuniones ordinarias 2024\n\n"
      "03 FEBRERO 2024 10:00 horas\n\n"
      "05 ABRIL 2024 10:00 horas\n\n"
      "Aprobado por el Comité.\n");
  EXPECT_EQ(e.document.kind, DocumentKind::kCalendar);
  EXPECT_EQ(Rows(e), (std::vector<EventRow>{
                         {"2024-02-03", "reunion_ordinaria", kTableEventsExtractor},
                         {"2024-04-05", "reunion_ordinaria", kTableEventsExtractor},
                     }));
  EXPECT_TRUE(e.findings.empty()) << ::testing::PrintToString(Findings(e));
  ASSERT_EQ(e.events.size(), 2u);
  EXPECT_EQ(e.events[0].time, "10:00");
  EXPECT_FALSE(e.events[0].place);  // no column says where
}

TEST(TableEvents, TimesAsTablesPrintThem) {
  const Extraction e = ProcessText(
      "Calendario de sesiones 2024\n\n"
      "| Fecha | Hora | Sede |\n"
      "|---|---|---|\n"
      "| 5 de marzo de 2024 | 9:00 AM | Auditorio |\n"
      "| 6 de marzo de 2024 | 12:00 :00 P.M. | Auditorio |\n"
      "| 7 de marzo de 2024 | 4:30 p. m. | Auditorio |\n"
      "| 8 de marzo de 2024 | 10.30 hrs | Auditorio |\n"
      "| 9 de marzo de 2024 | 12:15 a.m. | Auditorio |\n"
      "| 10 de marzo de 2024 | 2.40 | |\n");
  std::vector<std::string> times, places;
  for (const Event& ev : e.events) {
    times.push_back(ev.time.value_or("-"));
    places.push_back(ev.place.value_or("-"));
  }
  EXPECT_EQ(times, (std::vector<std::string>{"09:00", "12:00", "16:30", "10:30", "00:15", "-"}));
  EXPECT_EQ(places, (std::vector<std::string>{"Auditorio", "Auditorio", "Auditorio", "Auditorio",
                                              "Auditorio", "-"}));
}

TEST(TableEvents, ALabelAndItsDate) {
  const Extraction e = ProcessText(
      "Segundo informe del proyecto de equipamiento 2025\n\n"
      "Fecha de entrega de los recursos: 24 de septiembre del 2025\n\n"
      "Fecha de elaboración: 30 de octubre del 2025\n");
  // The second label names no event.
  EXPECT_EQ(Rows(e),
            (std::vector<EventRow>{{"2025-09-24", "entrega_de_recursos", kTableEventsExtractor}}));
}

TEST(TableEvents, DatesThatNothingNamesAreNoEvents) {
  // A deadline column, and a sign-off, in a report whose tables name no event.
  const Extraction e = ProcessText(
      "Informe anual de actividades 2023\n\n"
      "| Acción | Fecha programada para conclusión |\n"
      "|---|---|\n"
      "| Compra de equipo de cómputo | 31/10/2023 |\n\n"
      "| Elaboró | Lic. Ana Pérez | 16 de diciembre de 2023 |\n");
  EXPECT_TRUE(e.events.empty()) << ::testing::PrintToString(Rows(e));
}

TEST(TableEvents, CoursesNamedByTheirColumn) {
  const Extraction e = ProcessText(
      "Programa de capacitación 2020\n\n"
      "| No | Nombre de los Cursos | Periodo de Realización |\n"
      "|---|---|---|\n"
      "| 1 | Manejo de las Emociones | 23 y 24 de enero de 2020 |\n"
      "| 2 | Formatos Administrativos | Abril-junio de 2020 |\n");
  // The course given as months has no day: no event.
  EXPECT_EQ(Rows(e), (std::vector<EventRow>{{"2020-01-23", "curso", kTableEventsExtractor}}));
  ASSERT_EQ(e.events.size(), 1u);
  EXPECT_EQ(e.events[0].date_raw, "23 y 24 de enero de 2020");
}

TEST(MinutesMeeting, TheTitleNamesItAndTheOpeningDatesIt) {
  const Extraction e = ProcessText(
      "Acta de la Primera Sesión Ordinaria del Comité de Transparencia\n\n"
      "En la ciudad de Toluca, Estado de México, siendo las 10:00 horas del día 15 de enero de "
      "2024, se reunieron los integrantes del Comité de Transparencia en la sala de juntas.\n\n"
      "Se acordó celebrar una sesión extraordinaria el 5 de febrero del mismo año.\n\n"
      "El 3 de marzo de 2024 se expuso la economía circular.\n\n"
      "Se dio lectura a la circular lEEM/SE/UT/45/2024 de fecha 20 de enero de 2024.\n");
  EXPECT_EQ(e.document.kind, DocumentKind::kMinutes);
  // The second event is read from its sentence; its year is the opening's (del mismo año). The
  // "economía circular" is no letter.
  EXPECT_EQ(Rows(e), (std::vector<EventRow>{
                         {"2024-01-15", "sesion_ordinaria", kMinutesMeetingExtractor},
                         {"2024-02-05", "sesion_extraordinaria", "report_events"},
                         {"2024-01-20", "circular", "report_events"},
                     }));
  ASSERT_EQ(e.references.size(), 1u);
  // OCR's "l" among capitals is the "I" of the code.
  EXPECT_EQ(e.references[0].code, "IEEM/SE/UT/45/2024");
  EXPECT_EQ(e.references[0].kind, "circular");
  EXPECT_EQ(e.references[0].context,
            "Se dio lectura a la circular lEEM/SE/UT/45/2024 de fecha 20 de enero de 2024.");
  EXPECT_EQ(e.references[0].event, 2u);
}

}  // namespace
}  // namespace oplex
