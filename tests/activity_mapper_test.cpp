// The activity mapper (extractors/activity_mapper.h) on small tables built by hand: which rows
// become activities and what each field holds, as a person reading the table would fill them in.
#include "extractors/activity_mapper.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "extractors/activities.h"
#include "extractors/rules.h"
#include "extractors/table/table_join.h"
#include "extractors/table/table_reader.h"
#include "extractors/table/table_rules.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::Boxed;
using testing::Filled;
using testing::kGrey;
using testing::kWhite;
using testing::RowOf;
using testing::Rules;
using testing::SpannedAcross;
using testing::TableOf;

// The blocks read as tables, joined across pages and mapped; `year` is the document's.
Extraction Map(const std::vector<Block>& blocks, std::optional<int> year) {
  std::vector<TypedTable> tables;
  for (const Block& block : blocks) tables.push_back(UnderstandTable(block, Rules()));
  JoinContinuedTables(&tables, Rules());
  Extraction e;
  MapActivities(tables, Rules(), testing::VocabularyOf(), year, &e);
  return e;
}

uint16_t Bits(std::initializer_list<int> months) {
  uint16_t bits = 0;
  for (int m : months) bits |= static_cast<uint16_t>(1u << (m - 1));
  return bits;
}

const Finding* FindingOf(const Extraction& e, const std::string& code) {
  for (const Finding& f : e.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

TEST(ActivityMapper, PrintedCodesResponsibleAndTheSectionAbove) {
  const Extraction e = Map(
      {TableOf({
          RowOf({"No.", "Actividad", "Responsable"}),
          RowOf({"1", "Organización electoral", ""}),
          RowOf({"1.1", "Integrar los consejos distritales", "Dirección de Organización"}),
          RowOf({"1.2", "Capacitar a los funcionarios de casilla", "Dirección de Capacitación"}),
      })},
      2023);
  ASSERT_EQ(e.activities.size(), 2u);
  const Activity& a = e.activities[0];
  EXPECT_EQ(a.code, "1.1");
  EXPECT_TRUE(a.code_printed);
  EXPECT_EQ(a.text, "Integrar los consejos distritales");
  EXPECT_EQ(a.responsible, "Dirección de Organización");
  EXPECT_EQ(e.activities[1].code, "1.2");
  EXPECT_EQ(e.activities[1].responsible, "Dirección de Capacitación");
  // The table shows no schedule: months unknown, not empty.
  EXPECT_FALSE(a.months.known());
  EXPECT_FALSE(a.months_source.has_value());
  EXPECT_TRUE(a.month_values.empty());
  ASSERT_EQ(e.sections.size(), 1u);
  EXPECT_EQ(e.sections[0].code, "1");
  EXPECT_NE(e.sections[0].title.find("Organización electoral"), std::string::npos);
  EXPECT_EQ(a.section, 0u);
  EXPECT_EQ(e.activities[1].section, 0u);
  EXPECT_EQ(a.provenance.extractor, kActivityMapperExtractor);
}

// Parts numbered in Roman numerals over activities numbered 1.1, 2.1 (a reportlab layout of a
// plan): "I." is read as a letter, but "II." and "IV." were no code at all, and their titles ran
// into the last activity of the part above ("… participación ciudadana CAPACITACIÓN").
TEST(ActivityMapper, PartsNumberedInRomanNumeralsOpenSections) {
  const Extraction e =
      Map({TableOf({
              RowOf({"Núm.", "Actividad", "Meta"}),
              RowOf({"I.", "ORGANIZACIÓN ELECTORAL", ""}),
              RowOf({"1.1", "Integrar los consejos distritales", "4"}),
              RowOf({"II.", "CAPACITACIÓN", ""}),
              RowOf({"2.1", "Capacitar a los funcionarios de casilla", "8"}),
              RowOf({"IV.", "COMUNICACIÓN", ""}),
              RowOf({"4.1", "Difundir las actividades del proceso electoral", "2"}),
          })},
          2024);
  ASSERT_EQ(e.activities.size(), 3u);
  EXPECT_EQ(e.activities[0].text, "Integrar los consejos distritales");
  EXPECT_EQ(e.activities[1].text, "Capacitar a los funcionarios de casilla");
  ASSERT_EQ(e.sections.size(), 3u);
  EXPECT_EQ(e.sections[1].code, "II");
  EXPECT_EQ(e.sections[2].code, "IV");
  EXPECT_EQ(e.activities[1].section, 1u);
  EXPECT_EQ(e.activities[2].section, 2u);
}

TEST(ActivityMapper, UncodedRowsAreNumberedByPositionWithTheirContinuations) {
  const Extraction e = Map({TableOf({
                               RowOf({"Actividad", "Responsable"}),
                               RowOf({"Elaborar el programa anual de trabajo", "Presidencia"}),
                               RowOf({"del instituto para el año 2024", ""}),
                               RowOf({"Presentar el informe de actividades", "Presidencia"}),
                           })},
                           2024);
  ASSERT_EQ(e.activities.size(), 2u);
  EXPECT_EQ(e.activities[0].code, "1");
  EXPECT_FALSE(e.activities[0].code_printed);
  EXPECT_EQ(e.activities[0].text,
            "Elaborar el programa anual de trabajo del instituto para el año 2024");
  EXPECT_EQ(e.activities[1].code, "2");
  EXPECT_FALSE(e.activities[1].code_printed);
  EXPECT_EQ(e.activities[1].text, "Presentar el informe de actividades");
}

TEST(ActivityMapper, UnitAndAnnualQuantityKeptAsPrinted) {
  const Extraction e =
      Map({TableOf({
              RowOf({"Actividad", "Unidad de medida", "Meta anual"}),
              RowOf({"Celebrar las sesiones del consejo general", "Sesión",
                     "12 (Por lo menos una al mes)"}),
              RowOf({"Elaborar los informes trimestrales de avance", "Informe", "4,060"}),
          })},
          2023);
  ASSERT_EQ(e.activities.size(), 2u);
  const Activity& sessions = e.activities[0];
  EXPECT_EQ(sessions.unit, "Sesión");
  ASSERT_TRUE(sessions.annual && sessions.annual->value);
  EXPECT_DOUBLE_EQ(*sessions.annual->value, 12);
  EXPECT_EQ(sessions.annual->raw, "12 (Por lo menos una al mes)");
  const Activity& reports = e.activities[1];
  EXPECT_EQ(reports.unit, "Informe");
  ASSERT_TRUE(reports.annual && reports.annual->value);
  EXPECT_DOUBLE_EQ(*reports.annual->value, 4060);
  EXPECT_TRUE(reports.attributes.empty());
}

TEST(ActivityMapper, MonthsFromAGridOfFills) {
  const std::vector<std::string> header = {"Actividad", "Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                           "Jul",       "Ago", "Sep", "Oct", "Nov", "Dic"};
  std::vector<Rgb> spring(13, kWhite);
  spring[3] = spring[4] = kGrey;
  std::vector<std::string> blank(13);
  blank[0] = "Organizar el foro estatal de participación";
  std::vector<std::string> unmarked(13);
  unmarked[0] = "Difundir los resultados del foro estatal";
  const Extraction e = Map({TableOf({
                               RowOf(header),
                               Filled(RowOf(blank), spring),
                               Filled(RowOf(unmarked), std::vector<Rgb>(13, kWhite)),
                           })},
                           2023);
  ASSERT_EQ(e.activities.size(), 2u);
  const Activity& forum = e.activities[0];
  EXPECT_EQ(forum.months.bits(), Bits({3, 4}));
  EXPECT_EQ(forum.months_source, MonthsSource::kGrid);
  ASSERT_EQ(forum.month_values.size(), 12u);
  EXPECT_TRUE(forum.month_values[2].marked);
  EXPECT_FALSE(forum.month_values[4].marked);
  EXPECT_EQ(forum.month_values[2].year, 2023);
  // A rendered grid shows its empty cells: a row with no fill is scheduled in no month.
  EXPECT_TRUE(e.activities[1].months.known());
  EXPECT_EQ(e.activities[1].months.bits(), 0);
}

TEST(ActivityMapper, ActivityListedAgainInAScheduleGetsItsMonthsOnce) {
  const std::vector<std::string> header = {"Actividad", "Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                           "Jul",       "Ago", "Sep", "Oct", "Nov", "Dic"};
  std::vector<std::string> marked(13);
  marked[0] = "Organizar el foro estatal de participación";
  marked[6] = "X";
  const Extraction e =
      Map({TableOf({
               RowOf({"Actividad", "Responsable"}),
               RowOf({"Organizar el foro estatal de participación", "Comunicación Social"}),
           }),
           TableOf({RowOf(header), RowOf(marked)})},
          2023);
  ASSERT_EQ(e.activities.size(), 1u);
  EXPECT_EQ(e.activities[0].responsible, "Comunicación Social");
  EXPECT_EQ(e.activities[0].months.bits(), Bits({6}));
  EXPECT_EQ(e.activities[0].months_source, MonthsSource::kGrid);
}

// A progress report prints each activity's schedule on two rows, what was programmed (P) and
// what was done (R): the months are the programmed row's, and the done months are kept beside
// them as the report prints them, never added to the schedule.
TEST(ActivityMapper, ProgrammedAndRealizedRowsGiveTheProgrammedMonths) {
  const std::vector<std::string> header = {"No.", "Actividad", "",    "Ene", "Feb",
                                           "Mar", "Abr",       "May", "Jun", "Jul",
                                           "Ago", "Sep",       "Oct", "Nov", "Dic"};
  auto row = [](std::string code, std::string text, std::string label, std::vector<int> months) {
    std::vector<std::string> cells = {std::move(code), std::move(text), std::move(label)};
    cells.resize(15);
    for (int m : months) cells[static_cast<size_t>(m) + 2] = "X";
    return RowOf(cells);
  };
  const Extraction e = Map({TableOf({
                               RowOf(header),
                               row("1", "Organizar el foro estatal de participación", "P", {3, 4}),
                               row("", "", "R", {4, 5}),
                               row("2", "Difundir los resultados del foro", "P", {6}),
                               row("", "", "Realizado", {}),
                           })},
                           2023);
  ASSERT_EQ(e.activities.size(), 2u);
  const Activity& forum = e.activities[0];
  EXPECT_EQ(forum.text, "Organizar el foro estatal de participación");
  EXPECT_EQ(forum.months.bits(), Bits({3, 4}));
  const auto realized = [](const Activity& a) -> const Attribute* {
    for (const Attribute& at : a.attributes) {
      if (at.header == "R" || at.header == "Realizado") return &at;
    }
    return nullptr;
  };
  ASSERT_NE(realized(forum), nullptr);
  EXPECT_EQ(realized(forum)->value, "Abr, May");
  EXPECT_EQ(e.activities[1].months.bits(), Bits({6}));
  ASSERT_NE(realized(e.activities[1]), nullptr);
  EXPECT_EQ(realized(e.activities[1])->header, "Realizado");
  EXPECT_EQ(realized(e.activities[1])->value, "");
}

// The pair labelled in the text column itself: the activity's text on the programmed row, the
// word "Realizado" on the row under it.
TEST(ActivityMapper, RealizedRowLabelledInTheTextColumn) {
  const std::vector<std::string> header = {"Actividad", "Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                           "Jul",       "Ago", "Sep", "Oct", "Nov", "Dic"};
  std::vector<std::string> programmed(13), done(13);
  programmed[0] = "Organizar el foro estatal de participación";
  programmed[3] = programmed[4] = "X";
  done[0] = "Realizado";
  done[4] = done[5] = "X";
  const Extraction e = Map({TableOf({RowOf(header), RowOf(programmed), RowOf(done)})}, 2023);
  ASSERT_EQ(e.activities.size(), 1u);
  EXPECT_EQ(e.activities[0].text, "Organizar el foro estatal de participación");
  EXPECT_EQ(e.activities[0].months.bits(), Bits({3, 4}));
  ASSERT_EQ(e.activities[0].attributes.size(), 1u);
  EXPECT_EQ(e.activities[0].attributes[0].header, "Realizado");
  EXPECT_EQ(e.activities[0].attributes[0].value, "Abr, May");
}

// BCS lists its activities, then schedules them by code. On a scan OCR may read a code one way
// in the list and another in the schedule ("I.1" and "1.1"): worded the same, the schedule's row
// is still the listed activity, with a finding. Printed so (no OCR), two codes are two
// activities.
TEST(ActivityMapper, AScheduleRowWhoseCodeOcrMisreadJoinsTheListedActivityWordedTheSame) {
  const std::vector<std::string> header = {"Clave", "Actividad", "Ene", "Feb", "Mar", "Abr", "May",
                                           "Jun",   "Jul",       "Ago", "Sep", "Oct", "Nov", "Dic"};
  std::vector<std::string> marked(14);
  marked[0] = "1.1";
  marked[1] = "Presentar el proyecto de Programa Anual de Trabajo de la DEOE a la COE";
  marked[4] = marked[5] = "X";
  const auto tables = [&](double confidence) {
    std::vector<Block> out = {
        TableOf(
            {RowOf({"Clave", "Línea de acción"}),
             RowOf({"I.1",
                    "Presentar el proyecto de Programa Anual de Trabajo de la DEOE a la COE"})}),
        TableOf({RowOf(header), RowOf(marked)})};
    for (Block& b : out) {
      for (Row& r : b.rows) {
        for (Cell& c : r.cells) c.confidence = confidence;
      }
    }
    return out;
  };
  const Extraction scanned = Map(tables(0.9), 2024);
  ASSERT_EQ(scanned.activities.size(), 1u);
  EXPECT_EQ(scanned.activities[0].code, "I.1");
  EXPECT_EQ(scanned.activities[0].months.bits(), Bits({3, 4}));
  EXPECT_TRUE(std::any_of(scanned.findings.begin(), scanned.findings.end(), [](const Finding& f) {
    return f.code == "code_misread" && f.raw_text == "1.1";
  }));
  EXPECT_EQ(Map(tables(1.0), 2024).activities.size(), 2u);
}

TEST(ActivityMapper, MonthsFromAPeriodColumnInTheYearItNames) {
  const Extraction e =
      Map({TableOf({
              RowOf({"Actividad", "Periodo"}),
              RowOf({"Organizar el foro de participación ciudadana", "Agosto-noviembre de 2020"}),
          })},
          std::nullopt);
  ASSERT_EQ(e.activities.size(), 1u);
  const Activity& a = e.activities[0];
  EXPECT_EQ(a.months.bits(), Bits({8, 9, 10, 11}));
  EXPECT_EQ(a.months_source, MonthsSource::kDates);
  ASSERT_EQ(a.month_values.size(), 12u);
  for (const MonthValue& v : a.month_values) {
    EXPECT_EQ(v.year, 2020);
    EXPECT_EQ(v.marked, v.month >= 8 && v.month <= 11) << v.month;
  }
}

// A program's row whose activities cell lists several, each on its line with its number ("1.
// Realizar foros…", "2. Difundir…"), in a table with no column of codes: one activity each, the
// row's responsible, period and deliverable theirs too (the deliverable on the first, spanning
// the others). A cell whose lines do not each open with a number is one activity.
TEST(ActivityMapper, ACellListingNumberedActivitiesGivesOneActivityEach) {
  const Extraction e = Map(
      {TableOf({
          RowOf({"Programa", "Actividades", "Responsable", "Periodo", "Entregable"}),
          RowOf({"Educación cívica",
                 "1. Realizar foros de participación juvenil\n2. Difundir materiales de cultura "
                 "democrática",
                 "Dirección de Educación Cívica", "Marzo a junio de 2025", "Informe"}),
          RowOf({"Organización electoral", "3. Instalar los consejos distritales",
                 "Dirección de Organización", "Agosto de 2025", "Acta"}),
      })},
      2025);
  ASSERT_EQ(e.activities.size(), 3u);
  EXPECT_EQ(e.activities[0].code, "1");
  EXPECT_TRUE(e.activities[0].code_printed);
  EXPECT_EQ(e.activities[1].code, "2");
  EXPECT_EQ(e.activities[1].text, "Difundir materiales de cultura democrática");
  EXPECT_EQ(e.activities[1].responsible, "Dirección de Educación Cívica");
  EXPECT_EQ(e.activities[1].months.bits(), Bits({3, 4, 5, 6}));
  EXPECT_EQ(e.activities[2].code, "3");
  ASSERT_EQ(e.deliverables.size(), 2u);
  EXPECT_EQ(e.deliverables[0].activity, 0u);
  EXPECT_EQ(e.deliverables[0].spanned, (std::vector<size_t>{1}));
  EXPECT_TRUE(e.deliverables[1].spanned.empty());
  const Extraction places = Map(
      {TableOf({
          RowOf({"Actividad", "Responsable"}),
          RowOf({"Instalar los consejos en:\n1. Campeche\n2. Carmen", "Dirección de Organización"}),
          RowOf({"Revisar los expedientes", "Secretaría Ejecutiva"}),
      })},
      2025);
  ASSERT_EQ(places.activities.size(), 2u);
  EXPECT_EQ(places.activities[0].text, "Instalar los consejos en: 1. Campeche 2. Carmen");
}

// A column whose header names no role ("Meses de ejecución") but whose every cell lists months
// is the schedule, however many months a cell lists: the months are stored as derived from
// what the row writes.
TEST(ActivityMapper, AnUnheadedColumnListingMonthsIsTheSchedule) {
  const Extraction e = Map(
      {TableOf({
          RowOf({"Clave", "Actividad", "Meses de ejecución"}),
          RowOf({"1.1", "Dar trámite a los requerimientos de las áreas", "Marzo, Abril y Agosto"}),
          RowOf({"1.2", "Tramitar las solicitudes de información",
                 "Enero, Febrero, Marzo, Abril, Mayo, Junio, Julio, Agosto, Septiembre, Octubre, "
                 "Noviembre y Diciembre"}),
          RowOf({"1.3", "Publicar las obligaciones de transparencia", "Abril"}),
      })},
      2023);
  ASSERT_EQ(e.activities.size(), 3u);
  EXPECT_EQ(e.activities[0].months.bits(), Bits({3, 4, 8}));
  EXPECT_EQ(e.activities[0].months_source, MonthsSource::kDates);
  EXPECT_EQ(e.activities[1].months.bits(), 0x0FFF);
  EXPECT_EQ(e.activities[2].months.bits(), Bits({4}));
}

// Under a header naming nothing, a column of words that happen to hold a month is no schedule.
TEST(ActivityMapper, AnUnheadedColumnOfOtherWordsIsNoSchedule) {
  const Extraction e =
      Map({TableOf({
              RowOf({"Clave", "Actividad", "Observaciones"}),
              RowOf({"1.1", "Dar trámite a los requerimientos", "Se reprogramó para marzo"}),
              RowOf({"1.2", "Tramitar las solicitudes", "Sin cambios"}),
          })},
          2023);
  ASSERT_EQ(e.activities.size(), 2u);
  EXPECT_FALSE(e.activities[0].months.known());
  EXPECT_FALSE(e.activities[1].months.known());
}

TEST(ActivityMapper, StartAndEndDatesGiveIsoDatesAndTheMonthsBetween) {
  const Extraction e =
      Map({TableOf({
              RowOf({"Actividad", "Fecha de inicio", "Fecha de término"}),
              RowOf({"Integrar los consejos distritales", "21/01/2019", "15/03/2019"}),
          })},
          std::nullopt);
  ASSERT_EQ(e.activities.size(), 1u);
  const Activity& a = e.activities[0];
  EXPECT_EQ(a.start_date, "2019-01-21");
  EXPECT_EQ(a.end_date, "2019-03-15");
  EXPECT_EQ(a.months.bits(), Bits({1, 2, 3}));
  EXPECT_EQ(a.months_source, MonthsSource::kDates);
}

// A grid printed as two rows of six: January to June on the activity's row, the month-label row
// naming July to December, the second half under it, and a total row.
Block HalfYearGrid(const std::string& total) {
  return TableOf({
      RowOf({"Actividad", "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio"}),
      RowOf({"Impartir cursos de capacitación electoral", "2", "2", "0", "1", "0", "1"}),
      RowOf({"", "Julio", "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre"}),
      RowOf({"", "1", "0", "2", "0", "1", "2"}),
      RowOf({"TOTAL ANUAL", "", "", "", "", "", total}),
  });
}

TEST(ActivityMapper, TwoRowsOfSixGridWithItsTotalAsTheAnnualQuantity) {
  const Extraction e = Map({HalfYearGrid("12")}, 2023);
  ASSERT_EQ(e.activities.size(), 1u);
  const Activity& a = e.activities[0];
  EXPECT_EQ(a.text, "Impartir cursos de capacitación electoral");
  EXPECT_EQ(a.months.bits(), Bits({1, 2, 4, 6, 7, 9, 11, 12}));
  EXPECT_EQ(a.months_source, MonthsSource::kGrid);
  ASSERT_EQ(a.month_values.size(), 12u);
  ASSERT_TRUE(a.month_values[8].planned && a.month_values[8].planned->value);
  EXPECT_DOUBLE_EQ(*a.month_values[8].planned->value, 2);  // September, in the second half
  EXPECT_EQ(a.month_values[8].year, 2023);
  ASSERT_TRUE(a.annual && a.annual->value);
  EXPECT_DOUBLE_EQ(*a.annual->value, 12);
}

// The two rows of six printed one over the other in the header, each activity given two rows:
// January to June on its first, July to December on its second (a reportlab layout, months
// filled). Before, the second row's marks were read as January to June again, and a row with
// more filled cells than white ones was read the other way round (its white cells as marked).
TEST(ActivityMapper, TwoRowsOfSixLabelledInTheHeaderGiveEachActivityTwoRows) {
  // Filled, the text's cell over both rows: four of the six cells of July to December, more
  // than the white ones.
  Row filled = Filled(RowOf({"Realizar foros de participación ciudadana", "", "", "", "", "", ""}),
                      std::vector<Rgb>(7, kWhite));
  filled.cells[0].row_span = 2;
  Row second_half = Filled(RowOf({"", "", "", "", "", "", ""}),
                           {kWhite, kGrey, kGrey, kGrey, kGrey, kWhite, kWhite});
  second_half.cells[0].covered = true;
  const Extraction e =
      Map({TableOf({
              RowOf({"Actividad", "Ene", "Feb", "Mar", "Abr", "May", "Jun"}),
              RowOf({"", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"}),
              RowOf({"Integrar la estadística de la elección local", "", "", "", "", "", ""}),
              RowOf({"", "X", "X", "X", "X", "", ""}),
              RowOf({"Diseñar los materiales didácticos", "", "X", "", "", "", ""}),
              RowOf({"", "", "", "", "", "X", "X"}),
              filled,
              second_half,
          })},
          2024);
  ASSERT_EQ(e.activities.size(), 3u);
  EXPECT_EQ(e.activities[0].months.bits(), Bits({7, 8, 9, 10}));
  EXPECT_EQ(e.activities[1].months.bits(), Bits({2, 11, 12}));
  EXPECT_EQ(e.activities[2].months.bits(), Bits({7, 8, 9, 10}));
}

TEST(ActivityMapper, TotalThatIsNotTheSumOfTheMonthsIsNoAnnualQuantity) {
  const Extraction e = Map({HalfYearGrid("13")}, 2023);
  ASSERT_EQ(e.activities.size(), 1u);
  EXPECT_FALSE(e.activities[0].annual.has_value());
}

TEST(ActivityMapper, AFrequencyColumnKeepsAPlansRowsActivities) {
  // A frequency is a field of indicators, but plans schedule activities by one too.
  const Block block = TableOf({
      RowOf({"Actividad", "Frecuencia", "Responsable"}),
      RowOf({"Sesionar de manera ordinaria", "Mensual", "Secretaría Técnica"}),
      RowOf({"Rendir el informe de labores", "Anual", "Presidencia"}),
  });
  const Extraction e = Map({block}, 2024);
  ASSERT_EQ(e.activities.size(), 2u);
  EXPECT_EQ(e.activities[1].responsible, "Presidencia");
}

TEST(ActivityMapper, HeaderNamingNoTextColumnGivesNoActivityButAFinding) {
  const Extraction e =
      Map({TableOf({
              RowOf({"Responsable", "Asunto"}),
              RowOf({"Secretaría Ejecutiva", "Revisión de los expedientes de los aspirantes"}),
              RowOf({"Comunicación Social", "Difusión de la convocatoria pública estatal"}),
              RowOf({"Dirección de Organización", "Instalación de los consejos distritales"}),
          })},
          2023);
  EXPECT_TRUE(e.activities.empty());
  const Finding* f = FindingOf(e, "table_unmapped");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->raw_text, "Responsable | Asunto");
}

// Codes of letters and digits run together ("A01"), as a progress report laid out by reportlab
// prints them under "Clave": the printed code, not the row's position.
TEST(ActivityMapper, LettersAndDigitsRunTogetherAreAPrintedCode) {
  const Extraction e = Map({TableOf({
                               RowOf({"Clave", "Actividad", "Meta anual"}),
                               RowOf({"A01", "Elaborar el informe trimestral de actividades", "4"}),
                               RowOf({"A02", "Revisar la instalación de los consejos", "33"}),
                           })},
                           2025);
  ASSERT_EQ(e.activities.size(), 2u);
  EXPECT_EQ(e.activities[0].code, "A01");
  EXPECT_TRUE(e.activities[0].code_printed);
  EXPECT_EQ(e.activities[1].code, "A02");
}

// Items lettered in lower case under "Inciso", as plans letter the parts of an activity.
TEST(ActivityMapper, ItemsLetteredInLowerCaseAreAPrintedCode) {
  const Extraction e = Map({TableOf({
                               RowOf({"Inciso", "Actividad", "Meta anual"}),
                               RowOf({"a)", "Elaborar el informe trimestral de actividades", "4"}),
                               RowOf({"b)", "Revisar la instalación de los consejos", "33"}),
                           })},
                           2025);
  ASSERT_EQ(e.activities.size(), 2u);
  EXPECT_EQ(e.activities[0].code, "a");
  EXPECT_TRUE(e.activities[0].code_printed);
  EXPECT_EQ(e.activities[1].code, "b");
  EXPECT_TRUE(e.activities[0].attributes.empty());
}

// A grid of 2025 running into March 2026, its months shaded grey on a white page and the other
// cells left unpainted. The shades after December are the schedule's, not the colour of an
// unfilled cell: December 2025 is marked too (it was lost while they were taken for one).
TEST(ActivityMapper, ShadesRunningIntoTheNextYearMarkTheMonthsOnBothSides) {
  std::vector<std::string> top = {"Núm.", "Actividad", "2025"}, months = {"", ""};
  top.resize(14, "");
  top.push_back("2026");
  top.resize(17, "");
  for (const char* m : {"Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov",
                        "Dic", "Ene", "Feb", "Mar"}) {
    months.push_back(m);
  }
  std::vector<std::string> texts = {"39", "Aprobar los juicios y recursos interpuestos"};
  texts.resize(17, "");
  Row body = RowOf(texts);
  body.background = kWhite;
  for (size_t c = 13; c < 17; ++c) body.cells[c].fill = kGrey;  // Dic 2025 to Mar 2026
  const Extraction e =
      Map({TableOf({SpannedAcross(SpannedAcross(RowOf(top), 2, 12), 14, 3), RowOf(months), body})},
          std::nullopt);
  ASSERT_EQ(e.activities.size(), 1u);
  const Activity& a = e.activities[0];
  EXPECT_EQ(a.months.bits(), Bits({12}));
  std::vector<std::pair<int, int>> marked;
  for (const MonthValue& v : a.month_values) {
    if (v.marked) marked.emplace_back(v.year.value_or(0), v.month);
  }
  EXPECT_EQ(marked,
            (std::vector<std::pair<int, int>>{{2025, 12}, {2026, 1}, {2026, 2}, {2026, 3}}));
}

// The BCS plan scanned (data/scans/bcs-2024-x-300dpi.pdf) with the rule under its header read
// as no text: its first page's header came out as two labels, "Objetivo" and "línea de acción",
// the walk's test for an activity header failed there and passed on the header printed again
// over the second page, whose block it took whole. The first page's rows went to neither the
// walk nor the mapping, without a word; they are the walk's, read from the header above them.
TEST(Activities, AWalkTakingATableByItsHeaderPrintedAgainReadsTheRowsAboveIt) {
  std::vector<std::string> months = {"Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                     "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"};
  auto row = [&](std::vector<std::string> first, const std::vector<std::string>& rest) {
    first.insert(first.end(), rest.begin(), rest.end());
    return RowOf(first);
  };
  const std::vector<std::string> none(12, ""),
      march = {"", "", "X", "", "", "", "", "", "", "", "", ""};
  const Block block = TableOf({
      row({"Objetivo", "línea de acción"}, months),
      row({"1.1", "Presentar a la JEE los informes sobre el avance de las actividades"}, march),
      row({"1.2", "Elaborar los documentos relativos a las sesiones ordinarias"}, march),
      SpannedAcross(row({"Objetivo / línea de acción", ""}, months), 0, 2),
      row({"2.1", "Verificar que se dé cumplimiento de las metas individuales"}, march),
  });
  Extraction e;
  ExtractActivities({block}, Rules().base(), Rules(), testing::VocabularyOf(), 2024, &e);
  std::vector<std::string> codes;
  for (const Activity& a : e.activities) codes.push_back(a.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"1.1", "1.2", "2.1"}));
  for (const Activity& a : e.activities) EXPECT_EQ(a.months.bits(), Bits({3})) << a.code;
}

// An "Eje" and a responsible merged over the activities they cover (a cell spanning rows, as
// reportlab and office suites draw them): every activity under the span has their values, not
// only the first.
TEST(ActivityMapper, ACellSpanningSeveralRecordsGivesEachItsValue) {
  std::vector<Row> rows = {
      RowOf({"Eje", "Actividad", "Responsable"}),
      RowOf({"Cultura cívica", "Realizar foros de participación juvenil", "Educación Cívica"}),
      RowOf({"", "Difundir materiales de cultura democrática", ""}),
      RowOf({"", "Organizar el concurso estatal de debate", "Comunicación Social"}),
  };
  rows[1].cells[0].row_span = 3;
  rows[1].cells[2].row_span = 2;
  rows[2].cells[0].covered = rows[3].cells[0].covered = rows[2].cells[2].covered = true;
  const Extraction e = Map({TableOf(rows)}, 2024);
  ASSERT_EQ(e.activities.size(), 3u);
  for (const Activity& a : e.activities) {
    ASSERT_EQ(a.attributes.size(), 1u) << a.text;
    EXPECT_EQ(a.attributes[0].value, "Cultura cívica") << a.text;
  }
  EXPECT_EQ(e.activities[1].responsible, "Educación Cívica");
  EXPECT_EQ(e.activities[2].responsible, "Comunicación Social");
}

// A period merged over the two activities it schedules: both are scheduled in it.
TEST(ActivityMapper, APeriodSpanningTwoRecordsSchedulesBoth) {
  std::vector<Row> rows = {
      RowOf({"Actividad", "Periodo"}),
      RowOf({"Realizar foros de participación juvenil", "Enero a marzo"}),
      RowOf({"Difundir materiales de cultura democrática", ""}),
  };
  rows[1].cells[1].row_span = 2;
  rows[2].cells[1].covered = true;
  const Extraction e = Map({TableOf(rows)}, 2024);
  ASSERT_EQ(e.activities.size(), 2u);
  for (const Activity& a : e.activities) {
    EXPECT_EQ(a.months.bits(), Bits({1, 2, 3})) << a.text;
    EXPECT_EQ(a.months_source, MonthsSource::kDates) << a.text;
  }
}

// A reportlab plan printed a program's title over its header; while that title hid the header,
// its three numbered activities went without a word.
TEST(ActivityMapper, NumberedRowsUnderNoHeaderGiveAFindingANumberedListInProseNone) {
  const Extraction table = Map(
      {TableOf({
          RowOf({"1.1", "Realizar foros de participación juvenil en los municipios",
                 "Educación Cívica", "X"}),
          RowOf({"1.2", "Difundir materiales de cultura democrática en escuelas",
                 "Educación Cívica", ""}),
          RowOf({"1.3", "Organizar el concurso estatal de debate juvenil", "Comunicación", "X"}),
      })},
      2024);
  EXPECT_TRUE(table.activities.empty());
  const Finding* f = FindingOf(table, "table_unmapped");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("3 numbered rows"), std::string::npos) << f->message;

  const Extraction prose = Map(
      {TableOf({
          RowOf({"1.", "Impulso a la implementación de la Política Estatal Anticorrupción"}),
          RowOf({"2.", "Fortalecimiento de la participación de la ciudadanía en el combate"}),
          RowOf({"3.", "El empoderamiento de la ciudadanía, dando continuidad a los programas"}),
      })},
      2024);
  EXPECT_EQ(FindingOf(prose, "table_unmapped"), nullptr);
}

TEST(ActivityMapper, UnknownHeadedColumnBecomesAnAttribute) {
  const std::vector<double> edges = {50, 300, 450, 550};
  const Extraction e = Map({TableOf({
                               Boxed(RowOf({"Actividad", "Responsable", "Ámbito"}), edges, 100),
                               Boxed(RowOf({"Capacitar a los funcionarios de casilla",
                                            "Dirección de Capacitación", "Estatal"}),
                                     edges, 120),
                           })},
                           2023);
  ASSERT_EQ(e.activities.size(), 1u);
  const Activity& a = e.activities[0];
  EXPECT_EQ(a.responsible, "Dirección de Capacitación");
  ASSERT_EQ(a.attributes.size(), 1u);
  EXPECT_EQ(a.attributes[0].header, "Ámbito");
  EXPECT_EQ(a.attributes[0].value, "Estatal");
  ASSERT_TRUE(a.attributes[0].bbox.has_value());
  EXPECT_DOUBLE_EQ(a.attributes[0].bbox->x0, 450);
  const Finding* f = FindingOf(e, "column_unmapped");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kInfo);
  EXPECT_NE(f->message.find("Ámbito"), std::string::npos) << f->message;
}

TEST(ActivityMapper, DeliverablesOnePerLineOfTheirCell) {
  const Extraction e = Map(
      {TableOf({
          RowOf({"Actividad", "Entregables"}),
          RowOf({"Elaborar el programa anual de trabajo", "Programa anual\nActa de aprobación"}),
      })},
      2023);
  ASSERT_EQ(e.activities.size(), 1u);
  ASSERT_EQ(e.deliverables.size(), 2u);
  EXPECT_EQ(e.deliverables[0].text, "Programa anual");
  EXPECT_EQ(e.deliverables[1].text, "Acta de aprobación");
  EXPECT_EQ(e.deliverables[0].activity, 0u);
  EXPECT_TRUE(e.activities[0].attributes.empty());
}

TEST(ActivityMapper, RecordBrokenOverAPageReadsAsOneActivity) {
  const std::vector<double> first = {50, 350, 500};
  const std::vector<double> second = {55, 345, 498};
  const Extraction e = Map(
      {
          TableOf({
              Boxed(RowOf({"Actividad", "Responsable"}), first, 100),
              Boxed(RowOf({"Integrar los expedientes de los aspirantes", "Presidencia"}), first,
                    120),
          }),
          TableOf({
              Boxed(RowOf({"a consejeros distritales", ""}, 2), second, 50),
              Boxed(RowOf({"Capacitar al personal de casilla", "Presidencia"}, 2), second, 70),
          }),
      },
      2023);
  ASSERT_EQ(e.activities.size(), 2u);
  EXPECT_EQ(e.activities[0].text,
            "Integrar los expedientes de los aspirantes a consejeros distritales");
  EXPECT_EQ(e.activities[0].provenance.page, 1);
  EXPECT_EQ(e.activities[1].code, "2");
  EXPECT_EQ(e.activities[1].provenance.page, 2);
}

// A coded table with a month grid over two pages, as a browser prints it (Chromium, data/pdf/
// chromium): the row 1.2 does not fit at page 1's foot; its rest goes on page 2 under the head
// printed again, with no code and the row's fills painted again (Mar, Apr).
std::vector<Block> SplitRowOverTwoPages(const std::string& first_part,
                                        const std::vector<int>& rest_months) {
  std::vector<double> edges = {40, 70, 330};
  for (int m = 1; m <= 12; ++m) edges.push_back(330 + 18 * m);
  const std::vector<std::string> head = {"Clave", "Actividad", "Ene", "Feb", "Mar", "Abr", "May",
                                         "Jun",   "Jul",       "Ago", "Sep", "Oct", "Nov", "Dic"};
  const auto row = [&](const std::string& code, const std::string& text,
                       const std::vector<int>& months, int page, double top) {
    std::vector<std::string> texts(14);
    texts[0] = code;
    texts[1] = text;
    std::vector<Rgb> fills(14, kWhite);
    for (int m : months) fills[static_cast<size_t>(m) + 1] = kGrey;
    return Filled(Boxed(RowOf(texts, page), edges, top), fills);
  };
  return {
      TableOf({
          Boxed(RowOf(head), edges, 100),
          row("1.1", "Generar el informe trimestral de actividades.", {1, 4, 7, 10}, 1, 120),
          row("1.2", first_part, {3, 4}, 1, 140),
      }),
      TableOf({
          Boxed(RowOf(head, 2), edges, 40),
          row("", "Aguascalientes u otras autoridades jurisdiccionales competentes.", rest_months,
              2, 60),
          row("1.3", "Recibir las solicitudes de registro de partidos políticos locales.", {6}, 2,
              80),
      }),
  };
}

TEST(ActivityMapper, RowSplitOverAPageWithItsFillsPaintedAgainIsOneActivity) {
  const Extraction e = Map(SplitRowOverTwoPages("Informar al Consejo de las resoluciones "
                                                "dictadas por el Tribunal Electoral del Estado de",
                                                {3, 4}),
                           2023);
  ASSERT_EQ(e.activities.size(), 3u);
  EXPECT_EQ(e.activities[1].code, "1.2");
  EXPECT_EQ(e.activities[1].text,
            "Informar al Consejo de las resoluciones dictadas por el Tribunal Electoral del "
            "Estado de Aguascalientes u otras autoridades jurisdiccionales competentes.");
  EXPECT_EQ(e.activities[1].months.bits(), Bits({3, 4}));
  EXPECT_EQ(e.activities[2].code, "1.3");
}

// The same rows where 1.2 ends its sentence on page 1, or where the row on page 2 fills other
// months: a record whose code is missing, not the rest of 1.2.
TEST(ActivityMapper, UncodedRowOpeningAPageWithASentenceOrAScheduleOfItsOwnIsARecord) {
  const Extraction ended =
      Map(SplitRowOverTwoPages("Informar al Consejo de las resoluciones del Tribunal Electoral.",
                               {3, 4}),
          2023);
  EXPECT_EQ(ended.activities.size(), 4u);
  const Extraction other = Map(
      SplitRowOverTwoPages("Informar al Consejo de las resoluciones dictadas por el Tribunal", {9}),
      2023);
  ASSERT_EQ(other.activities.size(), 4u);
  EXPECT_FALSE(other.activities[2].code_printed);
  EXPECT_EQ(other.activities[2].months.bits(), Bits({9}));
}

}  // namespace
}  // namespace oplex
