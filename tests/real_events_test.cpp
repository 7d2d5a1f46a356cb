// Events and references of published calendars, minutes and programmes (data/real, copied from
// the public documents they name), read end to end through the document pipeline and checked
// against what a person reads on the page (the values of /work/shared/realdocs/<stem>.truth.json,
// each read off the page):
//   - cpc_calendario_sesiones_2022_23: a born-digital Fecha | Hora list of eleven ordinary
//     sessions printed "03 NOVIEMBRE 2022", and the session that approved it, in a sentence;
//   - itse_gia_sesiones_2025: a scanned SESIÓN | FECHA | HORA | LUGAR table whose header OCR
//     garbles; its fourth session of fiscal 2025 falls in January 2026;
//   - icatech_ct_acta10_2018: scanned minutes: the meeting named by the title and dated by the
//     opening, and a circular cited by its code;
//   - itsch_capacitacion_2020: a scanned training programme whose courses with days are events.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "extractors/minutes_meeting.h"
#include "extractors/table_events.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

using testing::ReadReal;

using DateKind = std::pair<std::string, std::string>;

std::vector<DateKind> DatesAndKinds(const Extraction& e) {
  std::vector<DateKind> out;
  for (const Event& ev : e.events) out.emplace_back(ev.date.value_or("-"), ev.kind);
  return out;
}

TEST(RealEvents, CpcCalendarListAndTheSessionThatApprovedIt) {
  const Extraction& e = ReadReal("cpc_calendario_sesiones_2022_23");
  EXPECT_EQ(e.document.kind, DocumentKind::kCalendar);
  std::vector<DateKind> expected;
  for (const char* date :
       {"2022-11-03", "2022-12-01", "2023-01-05", "2023-02-02", "2023-03-02", "2023-04-06",
        "2023-05-04", "2023-06-01", "2023-07-06", "2023-08-03", "2023-09-07"}) {
    expected.emplace_back(date, "sesion_ordinaria");
  }
  // Printed 2023, after the sessions it schedules; kept as printed.
  expected.emplace_back("2023-10-24", "sesion_ordinaria");
  EXPECT_EQ(DatesAndKinds(e), expected);
  ASSERT_EQ(e.events.size(), 12u);
  EXPECT_EQ(e.events[0].date_raw, "03 NOVIEMBRE 2022");
  EXPECT_EQ(e.events[0].text, "03 NOVIEMBRE 2022 | 9:00 AM");
  EXPECT_EQ(e.events[0].time, "09:00");
  EXPECT_EQ(e.events[0].provenance.extractor, kTableEventsExtractor);
  EXPECT_EQ(e.events[0].provenance.page, 1);
  EXPECT_TRUE(e.events[0].provenance.bbox.has_value());
  EXPECT_TRUE(e.events[11].text.starts_with("Aprobado en la 1ra. Sesión ordinaria del Consejo"))
      << e.events[11].text;
  EXPECT_TRUE(e.references.empty());
}

TEST(RealEvents, ItseScannedCalendarRunsIntoJanuary) {
  const Extraction& e = ReadReal("itse_gia_sesiones_2025");
  EXPECT_EQ(e.document.kind, DocumentKind::kCalendar);
  EXPECT_EQ(DatesAndKinds(e), (std::vector<DateKind>{{"2025-04-04", "sesion"},
                                                     {"2025-07-11", "sesion"},
                                                     {"2025-10-10", "sesion"},
                                                     {"2026-01-16", "sesion"}}));
  ASSERT_EQ(e.events.size(), 4u);
  EXPECT_EQ(e.events[3].date_raw, "16 de enero de 2026");
  EXPECT_EQ(e.events[3].time, "12:00");               // printed "12:00 P.M."
  EXPECT_LT(e.events[3].provenance.confidence, 1.0);  // read by OCR
}

TEST(RealEvents, IcatechMinutesMeetingAndCircular) {
  const Extraction& e = ReadReal("icatech_ct_acta10_2018");
  EXPECT_EQ(e.document.kind, DocumentKind::kMinutes);
  EXPECT_EQ(DatesAndKinds(e), (std::vector<DateKind>{{"2018-10-05", "reunion_ordinaria"},
                                                     {"2018-10-18", "circular"}}));
  ASSERT_EQ(e.events.size(), 2u);
  EXPECT_EQ(e.events[0].provenance.extractor, kMinutesMeetingExtractor);
  EXPECT_EQ(e.events[0].date_raw, "05 DE OCTUBRE DEL 2018");
  EXPECT_TRUE(e.events[0].text.starts_with("Acta de la 10")) << e.events[0].text;
  // The antecedents' reforms (7 February 2014, 4 May 2015) are no events of the committee.
  ASSERT_EQ(e.references.size(), 1u);
  EXPECT_EQ(e.references[0].code, "IAIP/DCyPT/011/2018");
  EXPECT_EQ(e.references[0].kind, "circular");
  EXPECT_EQ(e.references[0].event, 1u);
  EXPECT_NE(e.references[0].context.find("de fecha 18 de octubre del 2018"), std::string::npos)
      << e.references[0].context;
  EXPECT_EQ(e.references[0].provenance.page, 2);
}

TEST(RealEvents, ItschCoursesWithDaysAreEvents) {
  const Extraction& e = ReadReal("itsch_capacitacion_2020");
  // Course 1 is printed 21/01/2019 in the 2020 programme; the others give months only.
  EXPECT_EQ(DatesAndKinds(e),
            (std::vector<DateKind>{
                {"2019-01-21", "curso"}, {"2020-01-23", "curso"}, {"2020-08-06", "curso"}}));
  ASSERT_EQ(e.events.size(), 3u);
  EXPECT_EQ(e.events[1].date_raw, "23 y 24 de enero de 2020");
  EXPECT_EQ(e.events[2].date_raw, "6 y 7 de agosto de 2020");
  EXPECT_EQ(e.events[2].provenance.page, 2);
}

}  // namespace
}  // namespace oplex
