// The steps of table understanding (extractors/table/), each alone on small blocks built by hand:
// cell kinds, the header band, column profiles, column roles, row kinds and continued tables.
// Every expectation is what a person reading the table would say.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extractors/rules.h"
#include "extractors/table/cell_kind.h"
#include "extractors/table/column_profile.h"
#include "extractors/table/column_roles.h"
#include "extractors/table/header_band.h"
#include "extractors/table/lost_dots.h"
#include "extractors/table/row_kinds.h"
#include "extractors/table/table_join.h"
#include "extractors/table/table_reader.h"
#include "extractors/table/table_rules.h"
#include "tests/table_blocks.h"

namespace oplex {
namespace {

using testing::Boxed;
using testing::Filled;
using testing::kGrey;
using testing::kRowHeight;
using testing::kWhite;
using testing::RowOf;
using testing::Rules;
using testing::SpannedAcross;
using testing::TableOf;

std::vector<std::vector<TypedCell>> Typed(const Block& block) {
  std::vector<std::vector<TypedCell>> rows;
  for (const Row& row : block.rows) rows.push_back(TypeCells(row, Rules()));
  return rows;
}

CellKind KindOf(const std::string& text) {
  const Row row = RowOf({text});
  return KindOfCell(row.cells.front(), row, Rules());
}

std::vector<RowKind> KindsOf(const TypedTable& table) {
  std::vector<RowKind> kinds;
  for (const TypedRow& row : table.rows) kinds.push_back(row.kind);
  return kinds;
}

// The roles of a block's columns, from its own header band and profiles.
std::vector<RoleAssignment> RolesOf(const Block& block) {
  const auto rows = Typed(block);
  const HeaderBand band = FindHeaderBand(block, rows, Rules());
  return AssignRoles(band, ProfileColumns(rows, band.rows, block.rows.front().cells.size()),
                     Rules());
}

// A plan's usual header over two activities.
Block FiveColumnPlan() {
  return TableOf({
      RowOf({"No.", "Actividad", "Responsable", "Fecha de inicio", "Fecha de término"}),
      RowOf({"1", "Elaborar el programa anual de trabajo", "Dirección de Organización",
             "21/01/2019", "15/02/2019"}),
      RowOf({"2", "Integrar los consejos distritales electorales", "Secretaría Ejecutiva",
             "01/03/2019", "30/04/2019"}),
  });
}

TEST(TableCellKind, AListOfMonthsHoweverLongIsAPeriod) {
  // Longer than a period's usual few words, but every word a month in full, a year, a dash or a
  // word that joins them.
  EXPECT_EQ(KindOf("enero, febrero, abril, mayo, julio, agosto, octubre y noviembre de 2023"),
            CellKind::kPeriod);
  EXPECT_EQ(KindOf("enero; febrero; marzo; abril; mayo; junio; julio; agosto o septiembre"),
            CellKind::kPeriod);
  // A word of something else makes it text, whatever the months around it.
  EXPECT_EQ(KindOf("enero, febrero, marzo, abril, mayo, junio, julio y agosto informes"),
            CellKind::kText);
}

TEST(TableCellKind, CodesOfAnyShapeAreCodes) {
  for (const char* code : {"1.1.2", "A.1", "III.2", "DEOE-01", "1.-"}) {
    EXPECT_EQ(KindOf(code), CellKind::kCode) << code;
  }
}

TEST(TableCellKind, WholeNumberIsANumberEvenWhenItCouldBeACode) {
  EXPECT_EQ(KindOf("4,060"), CellKind::kNumber);
  EXPECT_EQ(KindOf("12"), CellKind::kNumber);
  EXPECT_EQ(KindOf("300,000E"), CellKind::kNumber);
  EXPECT_EQ(KindOf("0.08"), CellKind::kNumber);
  EXPECT_EQ(KindOf("S/C"), CellKind::kNumber);
}

TEST(TableCellKind, PercentMoneyAndMark) {
  EXPECT_EQ(KindOf("25%"), CellKind::kPercent);
  EXPECT_EQ(KindOf("12.5 %"), CellKind::kPercent);
  EXPECT_EQ(KindOf("$65,018.00"), CellKind::kMoney);
  EXPECT_EQ(KindOf("X"), CellKind::kMark);
  EXPECT_EQ(KindOf("✓"), CellKind::kMark);
}

TEST(TableCellKind, WrittenPeriodAndDates) {
  EXPECT_EQ(KindOf("Febrero- junio de 2020"), CellKind::kPeriod);
  EXPECT_EQ(KindOf("23 y 24 de enero de 2020"), CellKind::kPeriod);
  EXPECT_EQ(KindOf("21/01/2019"), CellKind::kDate);
  EXPECT_EQ(KindOf("24 de octubre de 2023"), CellKind::kDate);
  EXPECT_EQ(KindOf("6 y 7 de agosto"), CellKind::kPeriod);
  EXPECT_EQ(KindOf("01-sep-23"), CellKind::kDate);
  EXPECT_EQ(KindOf("Todo el año"), CellKind::kPeriod);
  EXPECT_EQ(KindOf("Informe del año"), CellKind::kShortLabel);
}

TEST(TableCellKind, WordsAreShortLabelsOrRunningText) {
  EXPECT_EQ(KindOf("Ene"), CellKind::kMonth);
  EXPECT_EQ(KindOf("Dirección de Organización"), CellKind::kShortLabel);
  EXPECT_EQ(KindOf("Elaborar el programa anual de trabajo"), CellKind::kText);
  EXPECT_EQ(KindOf(""), CellKind::kEmpty);
}

TEST(TableCellKind, EmptyCellShadedUnlikeItsRowIsFilled) {
  const Row row = Filled(RowOf({"Capacitar al personal", "", "", ""}), {kWhite, kGrey, kWhite});
  EXPECT_EQ(KindOfCell(row.cells[1], row, Rules()), CellKind::kFilled);
  EXPECT_EQ(KindOfCell(row.cells[2], row, Rules()), CellKind::kEmpty);
  // A cell the source shows no colour for is only empty.
  EXPECT_EQ(KindOfCell(row.cells[3], row, Rules()), CellKind::kEmpty);
}

TEST(TableTypeCells, FoldsCountsWordsAndEmptiesCoveredPositions) {
  const Row row = SpannedAcross(RowOf({"Programa Anual", "", "X"}), 0, 2);
  const std::vector<TypedCell> cells = TypeCells(row, Rules());
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[0].folded, "programa anual");
  EXPECT_EQ(cells[0].words, 2);
  EXPECT_EQ(cells[0].cell, &row.cells[0]);
  EXPECT_EQ(cells[1].kind, CellKind::kEmpty);
  EXPECT_EQ(cells[2].kind, CellKind::kMark);
}

TEST(TableHeaderBand, OneRowNamingRolesOverBody) {
  const Block block = FiveColumnPlan();
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 1u);
  EXPECT_EQ(band.labels, (std::vector<std::string>{"no.", "actividad", "responsable",
                                                   "fecha de inicio", "fecha de termino"}));
  EXPECT_EQ(band.titles[4], "Fecha de término");
  EXPECT_FALSE(band.months.has_value());
  EXPECT_FALSE(band.year.has_value());
}

// "CALENDARIO 2023" merged over twelve month columns, "No." and "Actividad" merged down both
// header rows, and one activity marked in January and February.
Block CalendarOver(const std::vector<std::string>& months) {
  std::vector<std::string> top = {"No.", "Actividad", "CALENDARIO 2023"};
  top.resize(14);
  std::vector<std::string> under = {"", ""};
  under.insert(under.end(), months.begin(), months.end());
  std::vector<std::string> body = {"1", "Elaborar el programa anual de trabajo", "X", "X"};
  body.resize(14);
  Row header = SpannedAcross(RowOf(top), 2, 12);
  header.cells[0].row_span = 2;
  header.cells[1].row_span = 2;
  Row month_row = RowOf(under);
  month_row.cells[0].covered = true;
  month_row.cells[1].covered = true;
  return TableOf({header, month_row, RowOf(body)});
}

void ExpectCalendar2023(const Block& block, const std::string& january,
                        const std::string& december) {
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 2u);
  ASSERT_TRUE(band.months.has_value());
  ASSERT_EQ(band.months->size(), 12u);
  EXPECT_EQ(band.months->front(), (std::pair<size_t, size_t>{2, 2}));
  EXPECT_EQ(band.months->back(), (std::pair<size_t, size_t>{13, 13}));
  EXPECT_EQ(band.year, 2023);
  EXPECT_EQ(band.labels[1], "actividad");
  EXPECT_EQ(band.labels[2], "calendario 2023 / " + january);
  EXPECT_EQ(band.labels[13], "calendario 2023 / " + december);
}

TEST(TableHeaderBand, CalendarYearSpanningTwelveMonthNames) {
  ExpectCalendar2023(CalendarOver({"Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep",
                                   "Oct", "Nov", "Dic"}),
                     "ene", "dic");
}

// "M" is also a mark glyph (data/month_marks.tsv: a blurred X as OCR reads it); in a row of
// month letters it is a month.
TEST(TableHeaderBand, CalendarYearSpanningTwelveMonthLetters) {
  ExpectCalendar2023(CalendarOver({"E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"}),
                     "e", "d");
}

// Narrow columns print each month over two rows: "EN" over "E" is January.
TEST(TableHeaderBand, NarrowMonthColumnsStackedAreAHalfYear) {
  const Block block = TableOf({
      RowOf({"Actividad", "EN", "FE", "MA", "AB", "MA", "JU"}),
      RowOf({"", "E", "B", "R", "R", "YO", "N"}),
      RowOf({"Impartir cursos de capacitación electoral", "2", "", "1", "", "", "3"}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 2u);
  EXPECT_FALSE(band.months.has_value());
  EXPECT_EQ(band.half_year, (std::vector<size_t>{1, 2, 3, 4, 5, 6}));
}

TEST(TableHeaderBand, SixMonthNamesInOneRowAreAHalfYear) {
  const Block block = TableOf({
      RowOf({"Actividad", "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio"}),
      RowOf({"Impartir cursos de capacitación electoral", "2", "", "1", "", "", "3"}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 1u);
  EXPECT_EQ(band.half_year, (std::vector<size_t>{1, 2, 3, 4, 5, 6}));
}

TEST(TableHeaderBand, TitleOverTheHeaderIsPartOfEveryLabel) {
  const Block block = TableOf({
      SpannedAcross(RowOf({"METAS COMPLEMENTARIAS", ""}), 0, 2),
      RowOf({"Actividad", "Responsable"}),
      RowOf({"Elaborar el programa anual de trabajo", "Secretaría Ejecutiva"}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 2u);
  EXPECT_EQ(band.labels[0], "metas complementarias / actividad");
  EXPECT_EQ(band.labels[1], "metas complementarias / responsable");
}

// One of several programs a page prints, each over its own header (a reportlab layout): the
// title is as long as a label can be, longer than a heading word or two.
TEST(TableHeaderBand, AProgramsTitleOverItsHeaderIsPartOfEveryLabel) {
  const Block block = TableOf({
      SpannedAcross(RowOf({"Programa 1: Promoción de la cultura cívica", "", ""}), 0, 3),
      RowOf({"No.", "Actividad", "Responsable"}),
      RowOf({"1.1", "Realizar foros de participación juvenil en los municipios", "Dirección"}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 2u);
  EXPECT_EQ(band.labels[1], "programa 1: promocion de la cultura civica / actividad");
}

// A reportlab plan prints its year over the months it runs into the next year; the year stands in
// the first row of the header, beside its labels.
TEST(TableHeaderBand, AYearOverTheMonthsInTheFirstRowIsPartOfTheHeader) {
  std::vector<std::string> top = {"Núm.", "Actividad", "2025"}, months = {"", ""};
  top.resize(2 + 12, "");
  top.push_back("2026");
  top.resize(2 + 15, "");
  for (const char* m : {"Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov",
                        "Dic", "Ene", "Feb", "Mar"}) {
    months.push_back(m);
  }
  std::vector<std::string> body = {"1", "Elaborar el informe trimestral de actividades"};
  body.resize(2 + 15, "");
  const Block block =
      TableOf({SpannedAcross(SpannedAcross(RowOf(top), 2, 12), 14, 3), RowOf(months), RowOf(body)});
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 2u);
  EXPECT_EQ(band.year, 2025);
  ASSERT_TRUE(band.months.has_value());
  EXPECT_EQ(band.next_year.size(), 3u);
}

// "1er. Trimestre" spanning "Prog." and "Real." (a progress report laid out by reportlab): the
// short labels under the spanning ones are the header's second row, not a line of text.
TEST(TableHeaderBand, ShortLabelsUnderLabelsSpanningThemAreTheHeadersSecondRow) {
  const Block block = TableOf({
      SpannedAcross(
          SpannedAcross(RowOf({"Clave", "Actividad", "1er. Trimestre", "", "2o. Trimestre", ""}), 2,
                        2),
          4, 2),
      RowOf({"", "", "Prog.", "Real.", "Prog.", "Real."}),
      RowOf({"A01", "Elaborar el informe trimestral de actividades", "2", "2", "3", "2"}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  EXPECT_EQ(band.rows, 2u);
  EXPECT_EQ(band.titles[2], "1er. Trimestre / Prog.");
  EXPECT_EQ(band.titles[5], "2o. Trimestre / Real.");
}

TEST(TableHeaderBand, LoneTitleOverBodyIsNoHeader) {
  const Block block = TableOf({
      SpannedAcross(RowOf({"METAS COMPLEMENTARIAS", ""}), 0, 2),
      RowOf({"Elaborar el programa anual de trabajo", "12"}),
  });
  EXPECT_EQ(FindHeaderBand(block, Typed(block), Rules()).rows, 0u);
}

TEST(TableCellAt, CoveredPositionReadsTheMergedCell) {
  Row top = SpannedAcross(RowOf({"Actividad", "PERIODO", ""}), 1, 2);
  top.cells[0].row_span = 2;
  Row under = RowOf({"", "Inicio", "Fin"});
  under.cells[0].covered = true;
  const Block block = TableOf({top, under});
  const auto rows = Typed(block);
  EXPECT_EQ(CellAt(rows, 0, 2), &rows[0][1]);  // from the left
  EXPECT_EQ(CellAt(rows, 1, 0), &rows[0][0]);  // from above
  EXPECT_EQ(CellAt(rows, 1, 2), &rows[1][2]);  // itself
  EXPECT_EQ(CellAt(rows, 2, 0), nullptr);
}

TEST(TableMonthRun, MonthsInOrderWithSpacesSqueezedOut) {
  const Block block = TableOf({
      RowOf({"Actividad", "EN E", "FEB", "MAR", "ABR", "MAY", "JUN"}),
      RowOf({"Actividad", "FEB", "ENE", "MAR", "ABR", "MAY", "JUN"}),
      RowOf({"Julio", "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre"}),
  });
  const auto rows = Typed(block);
  EXPECT_EQ(MonthRun(rows[0], 1, 6, Rules().base()), (std::vector<size_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_TRUE(MonthRun(rows[1], 1, 6, Rules().base()).empty());
  EXPECT_EQ(MonthRun(rows[2], 7, 6, Rules().base()), (std::vector<size_t>{0, 1, 2, 3, 4, 5}));
}

TEST(TableColumnProfile, SharesWordsLeadingNumbersAndNumbering) {
  const std::vector<double> edges = {50, 80, 400, 500};
  const Block block = TableOf({
      Boxed(RowOf({"No.", "Actividad", "Meta"}), edges, 100),
      Boxed(RowOf({"1", "Elaborar el programa anual de trabajo", "12 (Por lo menos una al mes)"}),
            edges, 120),
      Boxed(RowOf({"2", "Integrar los consejos", ""}), edges, 140),
      Boxed(RowOf({"3", "Capacitar al personal de casilla", "4"}), edges, 160),
  });
  const std::vector<ColumnProfile> p = ProfileColumns(Typed(block), 1, 3);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].cells, 3);
  EXPECT_DOUBLE_EQ(p[0].share[static_cast<size_t>(CellKind::kNumber)], 1.0);
  EXPECT_TRUE(p[0].increasing);
  EXPECT_DOUBLE_EQ(p[1].mean_words, 14.0 / 3);
  EXPECT_DOUBLE_EQ(p[1].share[static_cast<size_t>(CellKind::kText)], 2.0 / 3);
  EXPECT_DOUBLE_EQ(p[1].share[static_cast<size_t>(CellKind::kShortLabel)], 1.0 / 3);
  EXPECT_FALSE(p[1].increasing);
  EXPECT_EQ(p[2].cells, 2);
  EXPECT_DOUBLE_EQ(p[2].share[static_cast<size_t>(CellKind::kEmpty)], 1.0 / 3);
  EXPECT_DOUBLE_EQ(p[2].leading_number, 1.0);
  ASSERT_TRUE(p[1].bbox.has_value());  // the header cell places the column too
  EXPECT_DOUBLE_EQ(p[1].bbox->x0, 80);
  EXPECT_DOUBLE_EQ(p[1].bbox->x1, 400);
  EXPECT_DOUBLE_EQ(p[1].bbox->y0, 100);
  EXPECT_DOUBLE_EQ(p[1].bbox->y1, 160 + kRowHeight);
}

TEST(TableColumnProfile, NumbersThatDoNotGrowAreNoNumbering) {
  const Block block = TableOf({RowOf({"Cantidad"}), RowOf({"3"}), RowOf({"1"}), RowOf({"2"})});
  EXPECT_FALSE(ProfileColumns(Typed(block), 1, 1).front().increasing);
}

TEST(TableColumnRoles, HeaderWordsNameEachColumn) {
  const std::vector<RoleAssignment> roles = RolesOf(FiveColumnPlan());
  ASSERT_EQ(roles.size(), 5u);
  EXPECT_EQ(roles[0].role, ColumnRole::kCode);
  EXPECT_EQ(roles[1].role, ColumnRole::kText);
  EXPECT_EQ(roles[2].role, ColumnRole::kResponsible);
  EXPECT_EQ(roles[3].role, ColumnRole::kStartDate);
  EXPECT_EQ(roles[4].role, ColumnRole::kEndDate);
  EXPECT_NE(roles[1].evidence.find("'actividad'"), std::string::npos) << roles[1].evidence;
  EXPECT_GE(roles[1].score, kHeaderEvidence);
  EXPECT_GT(roles[1].margin, 0);
  EXPECT_DOUBLE_EQ(MappingConfidence(roles), std::min(1.0, roles[1].margin));
}

TEST(TableColumnRoles, LabelsOcrReadWithAStopOrTheirCellsBordersNameTheirRoles) {
  // The AGS plans laid out by reportlab and scanned at 200 dpi: OCR read the header "ACTIVIDAD"
  // with a speck after it, and with the borders of its cell as marks.
  for (const std::string label :
       {"ACTIVIDAD.", "ACTIVIDAD | |", "| Actividad:", "ACTIVIDAD \u2014"}) {
    const std::vector<RoleAssignment> roles = RolesOf(TableOf({
        RowOf({label, "Responsable"}),
        RowOf({"Elaborar el programa anual de trabajo", "Secretaría Ejecutiva"}),
        RowOf({"Presentar el informe de actividades", "Dirección de Organización"}),
    }));
    ASSERT_EQ(roles.size(), 2u);
    EXPECT_EQ(roles[0].role, ColumnRole::kText) << label;
    EXPECT_GE(roles[0].score, kHeaderEvidence) << label;
  }
}

TEST(TableColumnRoles, ActivitiesOverACountIsNoTextColumn) {
  const std::vector<RoleAssignment> roles = RolesOf(TableOf({
      RowOf({"Área", "Actividades"}),
      RowOf({"Dirección de Organización", "12"}),
      RowOf({"Secretaría Ejecutiva", "4"}),
  }));
  EXPECT_NE(roles[1].role, ColumnRole::kText);
  EXPECT_NE(roles[0].role, ColumnRole::kText);
  EXPECT_DOUBLE_EQ(MappingConfidence(roles), 0);
}

TEST(TableColumnRoles, LeftmostLongTextIsTextByContentWithALowerScore) {
  const std::vector<RoleAssignment> roles = RolesOf(TableOf({
      RowOf({"Asunto", "Planteamiento", "Responsable"}),
      RowOf({"Revisión de los expedientes de aspirantes", "Se propone revisar cada expediente",
             "Secretaría Ejecutiva"}),
      RowOf({"Difusión de la convocatoria pública estatal", "Se publicará en los diarios locales",
             "Comunicación Social"}),
  }));
  EXPECT_EQ(roles[0].role, ColumnRole::kText);
  EXPECT_LT(roles[0].score, kHeaderEvidence);
  EXPECT_EQ(roles[0].evidence.rfind("no header names it", 0), 0u) << roles[0].evidence;
  EXPECT_EQ(roles[1].role, ColumnRole::kUnknown);
  EXPECT_EQ(roles[2].role, ColumnRole::kResponsible);
}

// A plan laid out by reportlab heads its activities "Qué se hará", words no role names;
// the header names their schedule, so the running text beside it is theirs, at a header's
// strength.
TEST(TableColumnRoles, LongTextBesideAScheduleTheHeaderNamesIsTheRecordsText) {
  const std::vector<RoleAssignment> roles = RolesOf(TableOf({
      RowOf({"Qué se hará", "Responsable", "Fecha de inicio", "Fecha de término"}),
      RowOf({"Elaborar el informe trimestral de actividades", "Secretaría Ejecutiva", "01/02/2025",
             "20/03/2025"}),
      RowOf({"Revisar la instalación de los consejos municipales", "Secretaría Ejecutiva",
             "02/02/2025", "21/04/2025"}),
  }));
  EXPECT_EQ(roles[0].role, ColumnRole::kText);
  EXPECT_EQ(roles[0].score, kHeaderEvidence);
  EXPECT_NE(roles[0].evidence.find("beside a schedule the header names"), std::string::npos)
      << roles[0].evidence;
  EXPECT_EQ(roles[2].role, ColumnRole::kStartDate);
}

TEST(TableColumnRoles, UnheadedNumberingLeftOfTheTextIsItsCode) {
  const std::vector<RoleAssignment> roles = RolesOf(TableOf({
      RowOf({"", "Actividad", "Responsable"}),
      RowOf({"1", "Elaborar el programa anual de trabajo", "Secretaría Ejecutiva"}),
      RowOf({"2", "Integrar los consejos distritales electorales", "Dirección de Organización"}),
      RowOf({"3", "Capacitar al personal de las casillas", "Dirección de Capacitación"}),
  }));
  EXPECT_EQ(roles[0].role, ColumnRole::kCode);
  EXPECT_LT(roles[0].score, kHeaderEvidence);
  EXPECT_EQ(roles[0].evidence.rfind("left of the text", 0), 0u) << roles[0].evidence;
  EXPECT_EQ(roles[1].role, ColumnRole::kText);
}

TEST(TableColumnRoles, OneFieldTakesOneColumnAndACodeStandsLeftOfItsText) {
  const std::vector<RoleAssignment> roles = RolesOf(TableOf({
      RowOf({"Actividad", "Responsable", "Área responsable", "No."}),
      RowOf({"Elaborar el programa anual de trabajo", "Secretaría Ejecutiva", "Presidencia", "1"}),
      RowOf({"Integrar los consejos distritales electorales", "Dirección de Organización",
             "Presidencia", "2"}),
  }));
  EXPECT_EQ(roles[0].role, ColumnRole::kText);
  EXPECT_EQ(roles[1].role, ColumnRole::kResponsible);
  EXPECT_EQ(roles[2].role, ColumnRole::kUnknown);
  EXPECT_NE(roles[3].role, ColumnRole::kCode);
}

TEST(TableColumnRoles, MonthColumnsOfTheHeaderAreMonths) {
  const Block block = TableOf({
      RowOf({"Actividad", "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio"}),
      RowOf({"Impartir cursos de capacitación electoral", "2", "", "1", "", "", "3"}),
  });
  const std::vector<RoleAssignment> roles = RolesOf(block);
  EXPECT_EQ(roles[0].role, ColumnRole::kText);
  for (size_t c = 1; c < 7; ++c) EXPECT_EQ(roles[c].role, ColumnRole::kMonth) << c;
}

TEST(TableRowKinds, ParentCodeOpensASection) {
  const Block block = TableOf({
      RowOf({"No.", "Actividad", "Responsable"}),
      RowOf({"1", "Organización electoral", ""}),
      RowOf({"1.1", "Integrar los consejos distritales", "Dirección de Organización"}),
      RowOf({"1.2", "Capacitar a los funcionarios de casilla", "Dirección de Capacitación"}),
      RowOf({"", "y a los supervisores electorales", ""}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(KindsOf(table),
            (std::vector<RowKind>{RowKind::kHeader, RowKind::kSection, RowKind::kRecord,
                                  RowKind::kRecord, RowKind::kContinuation}));
}

TEST(TableRowKinds, CodesAllAtOneDepthAreAllRecords) {
  const Block block = TableOf({
      RowOf({"No.", "Actividad"}),
      RowOf({"1", "Integrar los consejos distritales"}),
      RowOf({"2", "Capacitar a los funcionarios de casilla"}),
      RowOf({"3", "Instalar las mesas directivas"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(KindsOf(table), (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord,
                                                  RowKind::kRecord, RowKind::kRecord}));
}

TEST(TableRowKinds, LoneTitleSpanningTheRowOpensASection) {
  const Block block = TableOf({
      RowOf({"Actividad", "Responsable", "Meta"}),
      SpannedAcross(RowOf({"PROCESO ELECTORAL LOCAL", "", ""}), 0, 3),
      RowOf({"Integrar los consejos distritales", "Dirección de Organización", "22"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(KindsOf(table),
            (std::vector<RowKind>{RowKind::kHeader, RowKind::kSection, RowKind::kRecord}));
}

TEST(TableRowKinds, LowerCaseLineUnderARecordContinuesIt) {
  const Block block = TableOf({
      RowOf({"Actividad", "Responsable"}),
      RowOf({"Elaborar el programa anual de trabajo", "Secretaría Ejecutiva"}),
      RowOf({"del instituto para el año 2024", ""}),
      RowOf({"Presentar el informe de actividades", "Secretaría Ejecutiva"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(KindsOf(table), (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord,
                                                  RowKind::kContinuation, RowKind::kRecord}));
}

TEST(TableRowKinds, TotalRowAndEmptyRow) {
  const Block block = TableOf({
      RowOf({"Actividad", "Meta anual"}),
      RowOf({"Elaborar informes mensuales de avance", "12"}),
      RowOf({"Realizar las sesiones ordinarias del consejo", "12"}),
      RowOf({"", ""}),
      RowOf({"TOTAL", "24"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(KindsOf(table),
            (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord, RowKind::kRecord,
                                  RowKind::kSpacer, RowKind::kTotal}));
}

TEST(TableRowKinds, HeaderRepeatedMidTableIsHeader) {
  const Block block = TableOf({
      RowOf({"No.", "Actividad", "Responsable"}),
      RowOf({"1", "Integrar los consejos distritales", "Dirección de Organización"}),
      RowOf({"2", "Capacitar a los funcionarios de casilla", "Dirección de Capacitación"}),
      RowOf({"No.", "Actividad", "Responsable"}),
      RowOf({"3", "Instalar las mesas directivas", "Dirección de Organización"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(KindsOf(table),
            (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord, RowKind::kRecord,
                                  RowKind::kHeader, RowKind::kRecord}));
}

using Codes = std::vector<std::optional<std::string>>;

TEST(TableLostDots, ACodeOcrDoubtedTakesTheShapeOfTheTablesCodes) {
  const Codes codes = {"1.1.1", "1.1.2", std::nullopt, "1.13", "1.1.4"};
  EXPECT_EQ(CodesWithLostDots(codes, {true, true, false, true, true}),
            (Codes{std::nullopt, std::nullopt, std::nullopt, "1.1.3", std::nullopt}));
  // Digits run together take the dots too.
  EXPECT_EQ(CodesWithLostDots({"112", "1.1.1", "1.1.3"}, {true, true, true}),
            (Codes{"1.1.2", std::nullopt, std::nullopt}));
}

TEST(TableLostDots, ACommaReadForADotTakesTheDotTheTablesCodesShow) {
  // The AGS plan set in Times and scanned at 200 dpi: "1.19" read again digits-only as "1,19".
  EXPECT_EQ(CodesWithLostDots({"1.18", "1,19", "1.21"}, {true, true, true}),
            (Codes{std::nullopt, "1.19", std::nullopt}));
  // Without two codes of its shape written with dots, or read without doubt, it stands.
  EXPECT_EQ(CodesWithLostDots({"1.18", "1,19", "1.1.1"}, {true, true, true}), Codes(3));
  EXPECT_EQ(CodesWithLostDots({"1.18", "1,19", "1.21"}, {true, false, true}), Codes(3));
}

TEST(TableLostDots, CodesStandAsReadWithoutEvidence) {
  // A born-digital code is as printed.
  EXPECT_EQ(CodesWithLostDots({"1.1.1", "1.1.2", "1.13"}, {false, false, false}), Codes(3));
  // Two codes of one shape are codes of their own: "1.12" and "1.13" under "1".
  EXPECT_EQ(CodesWithLostDots({"1.1.1", "1.1.2", "1.12", "1.13"}, {true, true, true, true}),
            Codes(4));
  // One other code of the deeper shape is not enough.
  EXPECT_EQ(CodesWithLostDots({"1.1.2", "1.13"}, {true, true}), Codes(2));
  // Two deeper shapes as common as each other: no telling which.
  EXPECT_EQ(CodesWithLostDots({"1.2.34", "1.2.35", "1.23.4", "1.23.5", "1.234"},
                              {true, true, true, true, true}),
            Codes(5));
  // Codes of other writings are no shape.
  EXPECT_EQ(CodesWithLostDots({"A-1.1", "A-1.2", "A-13"}, {true, true, true}), Codes(3));
}

TEST(TableLostDots, LetteredCodesTakeTheirTablesShapeAndCapitals) {
  // The BCS cronograma by week scanned at 200 dpi: "J.1" read "J1", "C.1" read "c.1".
  EXPECT_EQ(CodesWithLostDots({"J1", "J.2", "I.1", "c.1", "C.2", "C.3"},
                              {true, true, true, true, true, true}),
            (Codes{"J.1", std::nullopt, std::nullopt, "C.1", std::nullopt, std::nullopt}));
  EXPECT_EQ(CodesWithLostDots({"A.1.1", "A.1.2", "A.13"}, {true, true, true}),
            (Codes{std::nullopt, std::nullopt, "A.1.3"}));
  // Lettered and numbered codes are shapes apart: "1.1" and "1.2" give "J1" no dot.
  EXPECT_EQ(CodesWithLostDots({"J1", "1.1", "1.2"}, {true, true, true}), Codes(3));
}

TEST(TableRowCode, CodeOpeningTheTextCell) {
  const Block block = TableOf({
      RowOf({"Actividad", "Responsable"}),
      RowOf({"1.1 Integrar los consejos distritales", "Dirección de Organización"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  const auto code = RowCode(table.rows[1], table, Rules());
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->code, "1.1");
  EXPECT_EQ(code->text, "Integrar los consejos distritales");
  EXPECT_FALSE(RowCode(table.rows[0], table, Rules()).has_value());
}

// An uncoded plan whose second activity breaks over the page: its last line opens page 2, with
// the columns a little shifted, and no header repeated.
std::vector<Block> PlanOverTwoPages(int second_page,
                                    const std::vector<double>& second = {55, 345, 498}) {
  const std::vector<double> first = {50, 350, 500};
  const auto on = [](Row row, int page) {
    row.page = page;
    return row;
  };
  return {
      TableOf({
          Boxed(RowOf({"Actividad", "Responsable"}), first, 100),
          Boxed(RowOf({"Elaborar el programa anual de trabajo", "Secretaría Ejecutiva"}), first,
                120),
          Boxed(RowOf({"Integrar los expedientes de los aspirantes", "Dirección de Organización"}),
                first, 140),
      }),
      TableOf({
          on(Boxed(RowOf({"a consejeros distritales", ""}), second, 50), second_page),
          on(Boxed(RowOf({"Capacitar al personal de casilla", "Secretaría Ejecutiva"}), second, 70),
             second_page),
      }),
  };
}

std::vector<TypedTable> Understood(const std::vector<Block>& blocks) {
  std::vector<TypedTable> tables;
  for (const Block& block : blocks) tables.push_back(UnderstandTable(block, Rules()));
  return tables;
}

TEST(TableJoin, HeadlessTableOpeningTheNextPageIsAppended) {
  const std::vector<Block> blocks = PlanOverTwoPages(2);
  std::vector<TypedTable> tables = Understood(blocks);
  EXPECT_EQ(tables[1].header.rows, 0u);
  JoinContinuedTables(&tables, Rules());
  ASSERT_EQ(tables.size(), 1u);
  const TypedTable& joined = tables.front();
  EXPECT_EQ(KindsOf(joined),
            (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord, RowKind::kRecord,
                                  RowKind::kContinuation, RowKind::kRecord}));
  EXPECT_EQ(joined.rows[3].cells[0].folded, "a consejeros distritales");
  EXPECT_EQ(joined.rows[4].cells[1].folded, "secretaria ejecutiva");
  EXPECT_EQ(joined.rows[3].row, &blocks[1].rows[0]);
}

TEST(TableJoin, TableTwoPagesLaterStaysApart) {
  const std::vector<Block> blocks = PlanOverTwoPages(3);
  std::vector<TypedTable> tables = Understood(blocks);
  JoinContinuedTables(&tables, Rules());
  EXPECT_EQ(tables.size(), 2u);
}

TEST(TableJoin, TableWithAColumnOutsideThePreviousOneStaysApart) {
  const std::vector<Block> blocks = PlanOverTwoPages(2, {55, 450, 700});
  std::vector<TypedTable> tables = Understood(blocks);
  JoinContinuedTables(&tables, Rules());
  EXPECT_EQ(tables.size(), 2u);
}

// A progress table whose header page 2 prints again as OCR read it there: a letter or two
// misread in some labels, the page lying 7 points right of page 1.
std::vector<Block> ProgressOverTwoPages(const std::vector<std::string>& second_header) {
  const std::vector<double> first = {50, 90, 350, 420, 500};
  const std::vector<double> second = {57, 97, 357, 427, 507};
  Row header = Boxed(RowOf(second_header, 2), second, 40);
  return {
      TableOf({
          Boxed(RowOf({"No.", "Indicador", "Programada", "Alcanzada"}), first, 100),
          Boxed(RowOf({"1", "Porcentaje de cursos impartidos", "80%", "75%"}), first, 120),
      }),
      TableOf({
          header,
          Boxed(RowOf({"2", "Número de docentes capacitados", "40", "52"}, 2), second, 60),
      }),
  };
}

TEST(TableJoin, HeaderPrintedAgainAsOcrMisreadItIsJoinedAndKeptAsHeader) {
  const std::vector<Block> blocks =
      ProgressOverTwoPages({"No.", "Indicador", "Programsda", "Alcanzsda"});
  std::vector<TypedTable> tables = Understood(blocks);
  ASSERT_EQ(tables[1].header.rows, 1u);
  JoinContinuedTables(&tables, Rules());
  ASSERT_EQ(tables.size(), 1u);
  const TypedTable& joined = tables.front();
  EXPECT_EQ(KindsOf(joined), (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord,
                                                   RowKind::kHeader, RowKind::kRecord}));
  EXPECT_EQ(joined.rows[3].cells[1].folded, "numero de docentes capacitados");
  EXPECT_EQ(joined.rows[3].cells[3].folded, "52");
}

TEST(TableJoin, AnotherHeaderOnTheNextPageStaysApart) {
  const std::vector<Block> blocks =
      ProgressOverTwoPages({"Clave", "Curso", "Fecha de inicio", "Responsable"});
  std::vector<TypedTable> tables = Understood(blocks);
  JoinContinuedTables(&tables, Rules());
  EXPECT_EQ(tables.size(), 2u);
}

TEST(TableJoin, APageWhoseOwnHeaderReadsMoreRolesKeepsIt) {
  // OCR read page 1's "Alcanzada" as noise; page 2's header names all four columns.
  std::vector<Block> blocks = ProgressOverTwoPages({"No.", "Indicador", "Programada", "Alcanzada"});
  blocks[0].rows[0].cells[3].text = "A1c@nz";
  std::vector<TypedTable> tables = Understood(blocks);
  JoinContinuedTables(&tables, Rules());
  EXPECT_EQ(tables.size(), 2u);
}

TEST(TableHeaderBand, OneCellOverTwoColumnsReadsAsTheirTwoLabels) {
  // A dark header whose rule between Acciones and Responsable the page does not show.
  const Block block = TableOf({
      SpannedAcross(RowOf({"Acciones Responsable", "", "Ene", "Feb", "Mar", "Abr", "May", "Jun",
                           "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"}),
                    0, 2),
      RowOf({"A.1 Presentar a la Junta los informes de avance", "DEOE", "X", "", "", "", "", "", "",
             "", "", "", "", ""}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  ASSERT_EQ(band.rows, 1u);
  EXPECT_EQ(band.labels[0], "acciones");
  EXPECT_EQ(band.labels[1], "responsable");
}

TEST(TableHeaderBand, AGroupTitleOverTwoColumnsStaysWhole) {
  // "PERIODO" names one thing over Inicio | Término: it cannot be split into two role labels.
  const Block block = TableOf({
      SpannedAcross(RowOf({"Actividad", "PERIODO", ""}), 1, 2),
      RowOf({"", "Inicio", "Término"}),
      RowOf({"Elaborar el diagnóstico de necesidades", "06/01/2025", "31/01/2025"}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  ASSERT_EQ(band.rows, 2u);
  EXPECT_EQ(band.labels[1], "periodo / inicio");
  EXPECT_EQ(band.labels[2], "periodo / termino");
}

TEST(TableHeaderBand, TitleOverThreeLabelsInOneCellGivesEachColumnItsLabel) {
  // A scan's dark header: "ACUMULADA AL PERIODO" printed over "PROGRAMADA | ALCANZADA | % AVANCE"
  // with no rule between them, over four grid columns one of which (a sliver) holds nothing.
  const Block block = TableOf({
      SpannedAcross(
          RowOf({"Indicador", "ACUMULADA AL PERIODO\nPROGRAMADA ALCANZADA % AVANCE", "", "", ""}),
          1, 4),
      RowOf({"Tasa de variación de la matrícula", "986", "", "1220", "124%"}),
      RowOf({"Índice de eficiencia terminal", "34%", "", "38%", "112%"}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  ASSERT_EQ(band.rows, 1u);
  EXPECT_EQ(band.labels[1], "acumulada al periodo / programada");
  EXPECT_EQ(band.labels[2], "");
  EXPECT_EQ(band.labels[3], "acumulada al periodo / alcanzada");
  EXPECT_EQ(band.labels[4], "acumulada al periodo / % avance");
}

TEST(TableHeaderBand, ATitleOverTheWholeTableIsNotCutAtAJoiningWord) {
  // "Acciones Sustantivas del | Proyecto" would name two roles, but a label does not end in "del".
  // (TECDMX's project sheets: the title under the sheet's "Contenido y Temporalidad del Proyecto".)
  const Block block = TableOf({
      SpannedAcross(RowOf({"Contenido y Temporalidad del Proyecto", "", ""}), 0, 2),
      SpannedAcross(RowOf({"Acciones Sustantivas del Proyecto", "", ""}), 0, 3),
      RowOf({"1", "Garantizar la autonomía del Tribunal", ""}),
      RowOf({"2", "Ejercer la función jurisdiccional", ""}),
  });
  const HeaderBand band = FindHeaderBand(block, Typed(block), Rules());
  ASSERT_EQ(band.rows, 2u);
  EXPECT_EQ(band.labels[0],
            "contenido y temporalidad del proyecto / acciones sustantivas del proyecto");
  EXPECT_EQ(band.labels[1],
            "contenido y temporalidad del proyecto / acciones sustantivas del proyecto");
}

TEST(TableHeaderBand, ALabelBrokenOverTwoHeaderRowsNamesItsRole) {
  // TECDMX's indicator sheets: narrow columns break "Unidad de medida" and "Meta del Indicador"
  // over the header's two rows ("Unid ad de m" over "edid a").
  EXPECT_GE(
      Rules()
          .ScoreLabel("indicadores / unid ad de m / edid a")[static_cast<size_t>(ColumnRole::kUnit)]
          .weight,
      0.5);
  EXPECT_GE(Rules()
                .ScoreLabel(
                    "indicadores / met a del / indicador")[static_cast<size_t>(ColumnRole::kAnnual)]
                .weight,
            0.5);
  // The run of parts is tried only squeezed together: the title alone names no unit.
  EXPECT_EQ(
      Rules()
          .ScoreLabel("indicadores / nombre del indicador")[static_cast<size_t>(ColumnRole::kUnit)]
          .weight,
      0);
}

// Words plans head their columns with, read on the layouts of data/pdf/layouts and in plans of
// the same kind: "Tarea", "Tareas a desarrollar", "Acciones a ejecutar", "Acciones estratégicas"
// name the records' text, "U. de medida" their unit, "Mes de ejecución" their schedule.
TEST(TableColumnRoles, TasksAndTheMonthOfExecutionAreNamed) {
  auto weight = [](std::string_view label, ColumnRole role) {
    return Rules().ScoreLabel(label)[static_cast<size_t>(role)].weight;
  };
  for (std::string_view label : {"tarea", "tareas a desarrollar", "acciones a ejecutar"}) {
    EXPECT_GE(weight(label, ColumnRole::kText), 1.0) << label;
  }
  // Strategic actions head the text where no activity column stands beside them, else they are
  // kept as attributes: they weigh less than "actividad".
  EXPECT_GE(weight("acciones estrategicas", ColumnRole::kText), 0.8);
  EXPECT_LT(weight("accion estrategica", ColumnRole::kText),
            weight("actividad", ColumnRole::kText));
  EXPECT_GE(weight("u. de medida", ColumnRole::kUnit), 1.0);
  EXPECT_GE(weight("mes de ejecucion", ColumnRole::kPeriod), 0.8);
  EXPECT_GE(weight("meses", ColumnRole::kPeriod), 0.8);
  EXPECT_EQ(weight("mesa directiva", ColumnRole::kPeriod), 0);
}

TEST(TableHeaderBand, ASentenceHoldingARoleWordIsNoHeader) {
  const Block block = TableOf({
      RowOf({"Acciones", "Responsable"}),
      RowOf({"A. Informar a la comisión acerca de la realización y del cumplimiento de las "
             "actividades de la dirección.",
             ""}),
      RowOf({"A.1 Presentar los informes", "DEOE"}),
  });
  EXPECT_EQ(FindHeaderBand(block, Typed(block), Rules()).rows, 1u);
}

// The BCS cronograma laid out by reportlab and scanned at 200 dpi (data/scans/
// bcs-2024-bars-200dpi.pdf, page 2): sections print a lone letter ("K."), their activities
// "K.1", "K.2"; OCR read K.2 as "k 2" and section J as "mm m7", and a section's row is shaded
// grey from its text to December.
TEST(TableRowKinds, LetterSectionsAndARecordWhoseCodeOcrLostButWhoseMonthsAreItsOwn) {
  const std::vector<std::string> months = {"Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                           "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"};
  // A row of the cronograma: its text, its responsible and its twelve month cells, the months
  // of `bar` filled dark grey; a section's row is grey throughout.
  const auto row = [&](const std::string& text, const std::string& area, std::vector<int> bar) {
    std::vector<std::string> texts = {text, area};
    texts.resize(14);
    std::vector<Rgb> fills(14, kWhite);
    for (int m : bar) fills[static_cast<size_t>(m) + 1] = 0x666666;
    return Filled(RowOf(texts), fills);
  };
  const auto band = [&](const std::string& text) {
    std::vector<std::string> texts = {text};
    texts.resize(14);
    return Filled(RowOf(texts), std::vector<Rgb>(14, kGrey));
  };
  std::vector<std::string> header = {"Acciones", "Responsable"};
  header.insert(header.end(), months.begin(), months.end());
  const Block block = TableOf({
      RowOf(header),
      band("K. Elaborar contenidos para la difusión de las actividades"),
      row("K.1 Proporcionar contenidos para elaborar materiales", "DEOE", {1, 2, 3}),
      row("k 2 Remitir la información relativa a las actividades", "DEOE", {4}),
      row("de manera oportuna para su difusión", "", {}),
      band("mm m7 Elaborar el proyecto de programa operativo anual"),
      row("L.1 Elaborar los manuales de los procesos", "DEOE", {5}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(
      KindsOf(table),
      (std::vector<RowKind>{RowKind::kHeader, RowKind::kSection, RowKind::kRecord, RowKind::kRecord,
                            RowKind::kContinuation, RowKind::kContinuation, RowKind::kRecord}));
}

// The same cronograma where OCR read a "1" on the edge of K.2's bar (data/scans/
// bcs-2024-bars-200dpi.pdf, page 2): the cell holds a figure above zero, which schedules its month
// as a fill or a mark would. K.2's months are still its own: a record, not a line of K.1.
TEST(TableRowKinds, AFigureInAMonthCellSchedulesItsMonth) {
  const std::vector<std::string> months = {"Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                           "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"};
  const auto row = [&](const std::string& text, std::vector<int> bar, int figure) {
    std::vector<std::string> texts = {text, "DEOE"};
    texts.resize(14);
    std::vector<Rgb> fills(14, kWhite);
    for (int m : bar) fills[static_cast<size_t>(m) + 1] = 0x666666;
    if (figure > 0) texts[static_cast<size_t>(figure) + 1] = "1";
    return Filled(RowOf(texts), fills);
  };
  std::vector<std::string> header = {"Acciones", "Responsable"};
  header.insert(header.end(), months.begin(), months.end());
  const Block block = TableOf({
      RowOf(header),
      row("K.1 Proporcionar contenidos para elaborar materiales", {1, 2, 3}, 0),
      row("k 2 Remitir la información relativa a las actividades", {}, 8),
      row("L.1 Elaborar los manuales de los procesos", {5}, 0),
  });
  EXPECT_EQ(KindsOf(UnderstandTable(block, Rules())),
            (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord, RowKind::kRecord,
                                  RowKind::kRecord}));
}

// A grid marked with "1" under each month scheduled, scanned: OCR lost the code of the last
// record, whose marks (July, August) repeat the one record above marking those months. Its ones
// are marks, not figures it adds up: a record, not a subtotal of the rows above.
TEST(TableRowKinds, ARecordWhoseCodeOcrLostIsNoSubtotalOfAGridMarkedWithOnes) {
  std::vector<std::string> header = {"No.", "Actividad"};
  for (int m = 1; m <= 12; ++m) header.push_back(std::to_string(m));
  const auto row = [](const std::string& code, const std::string& text, std::vector<int> marked,
                      const std::string& mark = "1") {
    std::vector<std::string> texts = {code, text};
    texts.resize(14);
    for (int m : marked) texts[static_cast<size_t>(m) + 1] = mark;
    return RowOf(texts);
  };
  const Block ones = TableOf({RowOf(header), row("1", "Elaborar el informe trimestral", {1, 2}),
                              row("2", "Difundir las convocatorias", {6, 7, 8, 9}),
                              row("", "Supervisar la instalación de los consejos", {7, 8})});
  EXPECT_EQ(KindsOf(UnderstandTable(ones, Rules())),
            (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord, RowKind::kRecord,
                                  RowKind::kRecord}));
  // Where the grid holds quantities, the same row adds up what the rows above plan.
  const Block quantities = TableOf(
      {RowOf(header), row("1", "Elaborar el informe trimestral", {1, 2}, "3"),
       row("2", "Difundir las convocatorias", {7, 8}, "4"), row("", "Zona norte", {7, 8}, "4")});
  EXPECT_EQ(KindsOf(UnderstandTable(quantities, Rules())).back(), RowKind::kSubtotal);
}

// A plan numbered in a column of its own, scanned: OCR read the fourth row's "4." as "á.". The
// row, with its own text and period, is a record whose code is unknown (what OCR read is kept
// for a finding), not a line of the third; a continuation line's code cell is empty, and a
// speck read there ("'") holds no letter.
TEST(TableRowKinds, ARowWhoseCodeOcrReadAsNoCodeIsARecordOfItsOwn) {
  const Block block = TableOf({
      RowOf({"No.", "Actividad", "Periodo de ejecución"}),
      RowOf({"1.", "Realizar foros de participación juvenil", "Enero a marzo"}),
      RowOf({"2.", "Difundir materiales de cultura democrática", "Abril - junio"}),
      RowOf({"3.", "Organizar el concurso estatal de debate", "Julio"}),
      RowOf({"á.", "Aprobar la ubicación de las casillas", "Septiembre a diciembre"}),
      RowOf({"'", "en los municipios", ""}),
      RowOf({"5.", "Capacitar a los funcionarios de mesa directiva", "Mayo a julio"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(
      KindsOf(table),
      (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord, RowKind::kRecord, RowKind::kRecord,
                            RowKind::kRecord, RowKind::kContinuation, RowKind::kRecord}));
  EXPECT_FALSE(table.rows[4].code.has_value());
  EXPECT_EQ(table.rows[4].code_as_read, "á.");
}

TEST(TableRowKinds, ALoneLetterIsTheRootOfItsTablesLetteredCodes) {
  // Page 1 of the same cronograma ends with section F, whose activities open page 2.
  const Block block = TableOf({
      RowOf({"Acciones", "Responsable"}),
      RowOf({"E.1 Atender los acuerdos y solicitudes de información", "DEOE"}),
      RowOf({"E.2 Informar a la CECCOE y/o COE el avance de las actividades", "DEOE / CME"}),
      RowOf({"F. Integrar la información de las actividades evaluadas", ""}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  EXPECT_EQ(KindsOf(table), (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord,
                                                  RowKind::kRecord, RowKind::kSection}));
}

TEST(TableRowKinds, ACodeShallowerThanItsFamilysDeepestIsASection) {
  // Project 1002's activities are not in this table, but its code is shallower than 100101.
  const Block block = TableOf({
      RowOf({"Clave", "Descripción de la actividad"}),
      RowOf({"1001", "Juntas integradas."}),
      RowOf({"100101", "Desarrollar el curso."}),
      RowOf({"1002", "Servicio profesional."}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[1].kind, RowKind::kSection);
  EXPECT_EQ(table.rows[2].kind, RowKind::kRecord);
  EXPECT_EQ(table.rows[3].kind, RowKind::kSection);
  const std::optional<CodedText> code = RowCode(table.rows[2], table, Rules());
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->code, "100101");
}

TEST(TableRowKinds, AGoalReportingWhatItAchievedIsARecordWhateverItsCodesDepth) {
  // The fisfin evaluation's scan: OCR read project 1.1.3 as "1.13", shallower than its
  // neighbours, but the row reports what it achieved: it is a goal, not a project heading.
  const Block block = TableOf({
      RowOf({"No", "Indicador", "Meta", "Alcanzada", "% Avance"}),
      RowOf({"1.1.1", "Modelo Educativo del TecNM implementado", "1", "1", "100%"}),
      RowOf({"1.13", "Porcentaje de programas acreditados", "43%", "43%", "100%"}),
      RowOf({"1.2.1", "Número de académicos con plaza", "38", "58", "153%"}),
  });
  const TypedTable table = UnderstandTable(block, Rules());
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(KindsOf(table), (std::vector<RowKind>{RowKind::kHeader, RowKind::kRecord,
                                                  RowKind::kRecord, RowKind::kRecord}));
}

}  // namespace
}  // namespace oplex
