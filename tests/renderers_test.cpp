// The seed work plans laid out by renderers other than the office suite, committed with the
// schedules their tools gave them: reportlab (data/pdf/reportlab, tools/fixtures/
// render_reportlab.py: built-in Times, Helvetica and Courier; Legal, A4 and landscape pages;
// other header words and code styles) and Chromium printing a web page (data/pdf/chromium,
// tools/fixtures/render_chromium.py: DejaVu Sans and Liberation Serif, a table head repeated on
// each page, rows split over page breaks, month names written upwards or labelled as dates,
// tables without borders, a cronograma by week), and small plans reportlab lays out the way other
// publishers print their tables (data/pdf/layouts, tools/fixtures/render_layouts.py). Each
// fixture goes through the document
// pipeline as `oplex ingest` runs it; the test reports how many of the expected activities it
// finds (by the start of their text), how many carry the printed code, the scheduled months and,
// for quantities, the printed monthly values, and holds each figure at what the pipeline reads
// today.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/normalize/join.h"
#include "tests/expected_rows.h"
#include "tests/process_file.h"
#include "tools/eval/scan_accuracy.h"

namespace oplex {
namespace {

using testing::ExpectedRow;
using testing::ExpectedTsv;
using testing::MonthlyText;

const std::string kReportlab = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/reportlab/";
const std::string kChromium = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/chromium/";
const std::string kLayouts = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/layouts/";

// What the pipeline reads of one fixture, counted against its expected rows.
struct Reading {
  size_t expected = 0;
  size_t activities = 0;  // activities the pipeline made
  size_t found = 0;       // expected rows matched by an activity whose text starts the same
  size_t codes = 0;       // found with the printed code (or, for an uncoded table, none printed)
  size_t months = 0;      // found with exactly the scheduled months
  size_t monthly = 0;     // found with exactly the printed monthly values (quantity grids)
  size_t sectioned = 0;   // found and placed in a section (the plan's headings, eje, área…)
  std::string misses;     // the first differences, for the failure message
};

Reading Read(const std::string& name, const std::string& dir = kReportlab,
             const std::string& file = "") {
  const Extraction e = testing::MustProcess(dir + (file.empty() ? name + ".pdf" : file));
  const std::vector<ExpectedRow> expected = ExpectedTsv(dir + name + ".expected.tsv");
  Reading r;
  r.expected = expected.size();
  r.activities = e.activities.size();
  std::vector<bool> used(e.activities.size(), false);
  std::vector<std::string> texts;
  for (const Activity& a : e.activities) texts.push_back(PlainText(a.text));
  size_t cursor = 0;
  int shown = 0;
  auto note = [&](const std::string& what) {
    if (shown++ < 12) r.misses += "  " + what + "\n";
  };
  for (const ExpectedRow& want : expected) {
    // In document order from the last match, then anywhere: a skipped row does not shift the rest.
    std::optional<size_t> hit;
    for (size_t k = 0; k < texts.size() && !hit; ++k) {
      const size_t i = (cursor + k) % texts.size();
      if (!used[i] && texts[i].rfind(want.text_start, 0) == 0) hit = i;
    }
    if (!hit) {
      note("missing " + want.code + " \"" + want.text_start + "\"");
      continue;
    }
    used[*hit] = true;
    cursor = *hit + 1;
    ++r.found;
    const Activity& a = e.activities[*hit];
    const bool code_ok =
        want.code.empty() ? !a.code_printed : a.code_printed && a.code == want.code;
    if (code_ok) {
      ++r.codes;
    } else {
      note("code of \"" + want.text_start + "\": read " + a.code +
           (a.code_printed ? "" : " (not printed)") + ", want " + want.code);
    }
    if (a.section) ++r.sectioned;
    const std::string months = eval::MaskText(a.months);
    if (months == want.months) {
      ++r.months;
    } else {
      note("months of " + want.code + " \"" + want.text_start + "\": read " + months + ", want " +
           want.months);
    }
    if (!want.monthly.empty()) {
      if (MonthlyText(a) == want.monthly) {
        ++r.monthly;
      } else {
        note("monthly of " + want.code + ": read " + MonthlyText(a) + ", want " + want.monthly);
      }
    }
  }
  std::cout << "[ renderers ] " << name << ": activities " << r.activities << ", found " << r.found
            << "/" << r.expected << ", codes " << r.codes << ", months exact " << r.months
            << (r.monthly ? ", monthly exact " + std::to_string(r.monthly) : "")
            << ", in a section " << r.sectioned << "\n";
  return r;
}

// Every expected row read once, with its code (or none where none is printed) and its months.
void ExpectEveryRowRead(const Reading& r) {
  EXPECT_EQ(r.activities, r.expected);
  EXPECT_EQ(r.found, r.expected) << r.misses;
  EXPECT_EQ(r.codes, r.expected) << r.misses;
  EXPECT_EQ(r.months, r.expected) << r.misses;
}

// A layout of data/pdf/layouts read with every expected row (ExpectEveryRowRead), and what it
// gave, for the test to look closer.
Extraction ReadLayoutWhole(const std::string& name) {
  ExpectEveryRowRead(Read(name, kLayouts));
  return testing::MustProcess(kLayouts + name + ".pdf");
}

// The AGS plan read whole: its 192 activities as ExpectEveryRowRead, each in its área.
void ExpectTheWholeAgsPlan(const Reading& r) {
  EXPECT_EQ(r.expected, 192u);
  ExpectEveryRowRead(r);
  EXPECT_EQ(r.sectioned, r.expected);
}

// The AGS plan as each renderer lays it out. Every layout reads whole (ExpectTheWholeAgsPlan).
struct AgsLayout {
  const char* fixture;  // in data/pdf/reportlab or data/pdf/chromium
  bool chromium;
  const char* name;  // the test's name
};

class AgsLayouts : public ::testing::TestWithParam<AgsLayout> {};

TEST_P(AgsLayouts, ReadWhole) {
  const AgsLayout& layout = GetParam();
  ExpectTheWholeAgsPlan(Read(layout.fixture, layout.chromium ? kChromium : kReportlab));
}

INSTANTIATE_TEST_SUITE_P(
    SeedPlans, AgsLayouts,
    ::testing::Values(
        // Times on Legal; the code in a `No.` column of its own, the month letters E F M… under
        // CALENDARIO 2023, scheduled months marked X. Every activity, code and month is read (3.1
        // too, alone in its table), each under the heading of its área.
        AgsLayout{"ags-2023-times-legal-x", false, "AguascalientesNumberColumnAndXMarks"},
        // Helvetica on A4; rows without codes, scheduled months filled in two shades alternating
        // row by row. Every row is read as uncoded, with its months: the tables shaded
        // #D9D9D9/#7F7F7F, whose darker fill is the colour of the rules (#808080), are read from
        // the vectors the page draws, where a fill is a fill.
        AgsLayout{"ags-2023-helvetica-a4-uncoded", false, "AguascalientesUncodedRowsTwoShadeFills"},
        // Chromium's print of a web page: Clave | Descripción de la actividad | Programación 2023
        // over Ene…Dic, months filled green. A row that does not fit at a page's foot goes on under
        // the head repeated on the next page, its cells' fills painted on both pages (1.36 "…del
        // Estado de" / "Aguascalientes u otras autoridades…"): the part below is the rest of 1.36,
        // not a record of its own. Every activity is read once, with its code, its months and its
        // section.
        AgsLayout{"ags-2023-chromium-fills", true,
                  "AguascalientesRowsSplitOverPagesWithTheirFills"},
        // The same plan with one header row whose month columns are labelled as a spreadsheet
        // formats dates: "ene-23" … "dic-23", in lower case, the head printed again on every page,
        // months marked X. Every month is read (the labels name their months with the year), and
        // the head at the top of a page goes on no cell of the row above it.
        AgsLayout{"ags-2023-chromium-dated", true, "AguascalientesMonthsLabelledAsDates"},
        // The same plan on Letter with its tables drawn without borders, as a word processor sets
        // them: cells padded 5.4 pt, columns as wide as their content (the month labels evenly
        // apart, their centres not), a bold header over Clave | Descripción de la actividad |
        // Ene…Dic, months marked X; rows whose text wraps over up to seven lines, and parts of the
        // plan with one activity.
        AgsLayout{"ags-2023-chromium-unruled", true, "AguascalientesTablesWithoutBorders"},
        // The fills version shown sideways: each page's /Rotate turned a quarter (odd pages) or
        // three quarters (even pages) clockwise, the content as printed. Read turned upright, it
        // reads whole.
        AgsLayout{"ags-2023-chromium-sideways", true, "AguascalientesPagesShownSideways"},
        // The same plan as a web system prints a plain <table border=1>: each cell framed on its
        // own, 1.5 pt from its neighbours' frames and the table's, so every rule is drawn twice
        // (months marked X). The two lines of a rule bound one row or column, not an empty sliver
        // between them (the slivers' first row read as no header: 38 of 192 activities were
        // read, none with its months).
        AgsLayout{"ags-2023-chromium-separate", true, "AguascalientesEveryCellFramedOnItsOwn"},
        // The same plan with the month names (Enero…Diciembre) written upwards in their header
        // cells and the scheduled months marked X.
        AgsLayout{"ags-2023-chromium-rotated", true, "AguascalientesUpwardMonthNamesAndXMarks"}),
    [](const ::testing::TestParamInfo<AgsLayout>& info) { return std::string(info.param.name); });

// Pages 1 and 10 of the fills print with every font's map to Unicode blanked out, as producers
// that embed fonts without one write them: the pages draw as before, but their text layer gives
// the glyphs' numbers ("3URJUDPD\x03$QXDO" for "Programa Anual"), from which nothing was read (a
// no_records finding, no reason given). Each page is read by OCR and says why: page 10's 23
// activities, with their codes and months, and the plan's institute and year from page 1.
TEST(ChromiumPrints, FontsWithoutAMapToUnicodeAreReadByOcr) {
  ExpectEveryRowRead(Read("ags-2023-chromium-glyph-numbers", kChromium));
  const Extraction e = testing::MustProcess(kChromium + "ags-2023-chromium-glyph-numbers.pdf");
  EXPECT_EQ(e.document.source_format, "pdf+ocr");
  EXPECT_EQ(e.document.institute, "IEE-AGS");
  EXPECT_EQ(e.document.year, 2023);
  std::vector<int> pages;
  for (const Finding& f : e.findings) {
    if (f.code == "text_unreadable") pages.push_back(f.provenance.page.value_or(0));
  }
  EXPECT_EQ(pages, (std::vector<int>{1, 2}));
}

// Helvetica on A4, the cronograma on A4 landscape as Acciones | Responsable | Ene…Dic with the
// code at the start of the Acciones cell (`A.1`), objective rows spanning Acciones and
// Responsable, months filled. Every line of action is read with its code and its months: the
// navy header shows no rule between Acciones and Responsable, so its one cell over both is read
// as the two labels it runs together.
TEST(ReportlabSeedPlans, BajaCaliforniaSurLetteredCodesAndFilledCronograma) {
  const Reading r = Read("bcs-2024-helvetica-a4-fills");
  ExpectEveryRowRead(r);
}

// Courier; quantity tables on Legal landscape headed Clave | Descripción de la actividad |
// Unidad de medida | Meta anual | Ene…Dic, tight ruled rows. Every activity, its months and its
// printed monthly values are read, each in a section; the project rows (1001, shallower codes
// than the activities' 100101) are sections, not activities.
TEST(ReportlabSeedPlans, IeemClaveColumnAndMonthlyQuantities) {
  const Reading r = Read("ieem-2024-courier-legal-quantities");
  ExpectEveryRowRead(r);
  EXPECT_EQ(r.monthly, r.expected) << r.misses;
  EXPECT_EQ(r.sectioned, r.expected);
}

// The BCS plan printed by Chromium on A4 landscape, its cronograma by week: Clave | Objetivo /
// línea de acción | Enero…Diciembre, each month over its four weeks numbered 1–48, the weeks of
// a scheduled month (one to four of them) filled orange, objective rows shaded across the table;
// the lines of action listed first in Clave | LÍNEA DE ACCIÓN tables. Every line of action is
// read once, with its code and the months its weeks fall in.
TEST(ChromiumSeedPlans, BajaCaliforniaSurCronogramaByWeek) {
  const Reading r = Read("bcs-2024-chromium-weeks", kChromium);
  ExpectEveryRowRead(r);
  // B.3 ("Realizar la evaluación del desempeño…", p.8) fills weeks 33–35, 38–39, 41 and 46–48:
  // each month keeps which of its weeks.
  const Extraction e = testing::MustProcess(kChromium + "bcs-2024-chromium-weeks.pdf");
  std::vector<std::string> weeks;
  for (const Activity& a : e.activities) {
    if (a.code != "B.3") continue;
    for (const MonthValue& m : a.month_values) weeks.push_back(m.weeks);
  }
  EXPECT_EQ(weeks, (std::vector<std::string>{"0000", "0000", "0000", "0000", "0000", "0000", "0000",
                                             "0000", "1110", "0110", "1000", "0111"}));
}

// A progress report's schedule: each activity on two rows, its code and text on the first, an
// unheaded column labelling them P (programmed) and R (realized), months marked X. Every
// activity is read once with the months of its P row, never with those its R row adds; what its
// R row marks is kept as the report prints it, under its label. 1.1 (p.6) programs March to
// August and marks March to July and September done. 1.8 closes p.6 and its R row opens p.7,
// under the head printed again: October to December programmed, October and November done.
TEST(ChromiumSeedPlans, AguascalientesProgrammedAndRealizedRows) {
  const Reading r = Read("ags-2023-chromium-progress", kChromium);
  ExpectTheWholeAgsPlan(r);
  const Extraction e = testing::MustProcess(kChromium + "ags-2023-chromium-progress.pdf");
  auto realized = [&](const std::string& code) {
    for (const Activity& a : e.activities) {
      if (a.code != code) continue;
      for (const Attribute& at : a.attributes) {
        if (at.header == "R") return at.value;
      }
    }
    return std::string("(none)");
  };
  EXPECT_EQ(realized("1.1"), "Mar, Abr, May, Jun, Jul, Sep");
  EXPECT_EQ(realized("1.8"), "Oct, Nov");
}

// The uncoded plan's rows are read by its tables' mapping (activity_mapper.h): no code opens
// them, so the activity walk (activity_table.h), which reads coded tables, reads none of them.
// Its findings on those rows went out all the same: 192 `row_without_activity` warnings, one per
// activity the mapping read (AguascalientesUncodedRowsTwoShadeFills reads all 192).
TEST(ReportlabSeedPlans, UncodedRowsTheMappingReadsAreNoRowsWithoutAnActivity) {
  const Extraction e = testing::MustProcess(kReportlab + "ags-2023-helvetica-a4-uncoded.pdf");
  EXPECT_EQ(e.activities.size(), 192u);
  EXPECT_EQ(std::count_if(e.findings.begin(), e.findings.end(),
                          [](const Finding& f) { return f.code == "row_without_activity"; }),
            0);
}

// The IEEM plan printed by Chromium on Legal landscape in Liberation Serif: quantity tables
// headed Clave | Descripción de la actividad | Unidad de medida | Meta anual | Ene…Dic, each
// project a shaded row across the table. Every activity is read with its code, its months, its
// printed monthly figures and its section.
TEST(ChromiumSeedPlans, IeemQuantityTablesOnLegalLandscape) {
  const Reading r = Read("ieem-2024-chromium-legal", kChromium);
  EXPECT_EQ(r.expected, 318u);
  ExpectEveryRowRead(r);
  EXPECT_EQ(r.monthly, r.expected) << r.misses;
  EXPECT_EQ(r.sectioned, r.expected);
}

// Two programs on one page, each a table whose first row, spanning it, titles the program
// ("Programa 1: Promoción de la cultura cívica", seven words) over its own No. | Actividad | E…D
// header. The first program's three activities went unread, without a finding, while its title
// was taken for no header at all.
TEST(ReportlabLayouts, ProgramsTitledOverTheirOwnHeaders) {
  ExpectEveryRowRead(Read("programs-titled-over-headers", kLayouts));
}

// The months of an activity in the year after the plan's, as `<name>.next-year.tsv` writes them.
std::string NextYearMask(const Activity& a, int year) {
  std::string mask(12, '0');
  for (const MonthValue& v : a.month_values) {
    if (v.year == year && v.marked) mask[static_cast<size_t>(v.month - 1)] = '1';
  }
  return mask;
}

// Each expected activity of `activities` (by code) with its months of 2025 and of 2026, as the
// generator shaded them; the codes that differ.
std::string GridIntoNextYearMisses(const std::vector<Activity>& activities) {
  const std::vector<ExpectedRow> expected =
      ExpectedTsv(kLayouts + "grid-into-next-year.expected.tsv");
  std::map<std::string, std::string> next;
  std::istringstream in(testing::ReadBytes(kLayouts + "grid-into-next-year.next-year.tsv"));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line))
    next[line.substr(0, line.find('\t'))] = line.substr(line.find('\t') + 1);
  std::string misses;
  for (const ExpectedRow& want : expected) {
    const auto a = std::find_if(activities.begin(), activities.end(),
                                [&](const Activity& x) { return x.code == want.code; });
    if (a == activities.end()) {
      misses += " " + want.code + " missing;";
    } else if (eval::MaskText(a->months) != want.months ||
               NextYearMask(*a, 2026) != next[want.code]) {
      misses += " " + want.code + " " + eval::MaskText(a->months) + "+" + NextYearMask(*a, 2026) +
                " for " + want.months + "+" + next[want.code] + ";";
    }
  }
  return misses;
}

// 40 activities of 2025 over two Legal pages, the grid going on to March 2026: "2025" spans its
// twelve months and "2026" three in the header's first row, the header printed again on the
// second page, months shaded grey #808080 in unpainted cells. Every activity is read with its
// months in both years; December was lost wherever the shades went on into January, taken for
// the colour of an unfilled cell, and with "2025" in the header's first row taken for a figure no
// header holds, no activity was read at all.
TEST(ReportlabLayouts, AGridRunningIntoTheNextYear) {
  const Reading r = Read("grid-into-next-year", kLayouts);
  ExpectEveryRowRead(r);
  const Extraction e = testing::MustProcess(kLayouts + "grid-into-next-year.pdf");
  EXPECT_EQ(GridIntoNextYearMisses(e.activities), "");
}

// The same pages rendered as a 200 dpi grey scan: every activity is read with its code; the
// months of 21 of the 40 are exact in both years, the figure held here. The others lose or gain
// a month where OCR reads the rules beside the grey cells as "|", "]" or ")" and a bar's edge as
// a letter: painted out as text, those take the column rules and the fills with them (NEXT.md).
TEST(ReportlabLayouts, AGridRunningIntoTheNextYearScannedAt200Dpi) {
  std::vector<Activity> activities;
  for (const char* page : {"grid-into-next-year-scan-1.png", "grid-into-next-year-scan-2.png"}) {
    Extraction e = testing::MustProcess(kLayouts + page);
    for (Activity& a : e.activities) activities.push_back(std::move(a));
  }
  ASSERT_EQ(activities.size(), 40u);
  const std::string misses = GridIntoNextYearMisses(activities);
  EXPECT_EQ(misses.find("missing"), std::string::npos) << misses;
  EXPECT_LE(std::count(misses.begin(), misses.end(), ';'), 19) << misses;
}

// "Clave" over codes of a letter and digits run together (A01 … A10), and each quarter's
// programmed and realized figures under the quarter's label spanning "Prog." and "Real.". The
// codes are printed codes; the figures are kept under both labels ("1er. Trimestre / Prog."),
// and the row of "Prog." and "Real." is the header's, no line of the first activity's text.
TEST(ReportlabLayouts, QuartersOfProgrammedAndRealizedFigures) {
  ExpectEveryRowRead(Read("quarters-programmed-realized", kLayouts));
  const Extraction e = testing::MustProcess(kLayouts + "quarters-programmed-realized.pdf");
  ASSERT_FALSE(e.activities.empty());
  std::vector<std::string> headers;
  for (const Attribute& at : e.activities[0].attributes) headers.push_back(at.header);
  EXPECT_EQ(headers, (std::vector<std::string>{"1er. Trimestre / Prog.", "1er. Trimestre / Real.",
                                               "2o. Trimestre / Prog.", "2o. Trimestre / Real.",
                                               "3er. Trimestre / Prog.", "3er. Trimestre / Real.",
                                               "4o. Trimestre / Prog.", "4o. Trimestre / Real."}));
}

// The activities headed "Qué se hará", words no vocabulary lists, beside Responsable and
// start and end dates: the running text beside a schedule the header names is the activities'.
// It gave no activity and a table_unmapped finding.
TEST(ReportlabLayouts, ActivitiesUnderWordsNoVocabularyListsBesideTheirDates) {
  const Extraction e = ReadLayoutWhole("words-no-vocabulary-lists");
  ASSERT_EQ(e.activities.size(), 5u);
  EXPECT_EQ(e.activities[0].start_date, "2025-02-01");
  EXPECT_EQ(e.activities[0].end_date, "2025-03-20");
  EXPECT_EQ(e.activities[0].responsible, "Secretaría Ejecutiva");
}

// An axis and its objective merged over the three and the two activities they cover, and each
// responsible merged over the activities it leads one after the other: each activity has them
// (only the first of each span had; 2 and 5 had no responsible).
TEST(ReportlabLayouts, CellsMergedOverSeveralActivities) {
  ExpectEveryRowRead(Read("spans-over-several-activities", kLayouts));
  const Extraction e = testing::MustProcess(kLayouts + "spans-over-several-activities.pdf");
  ASSERT_EQ(e.activities.size(), 5u);
  auto attribute = [](const Activity& a, const std::string& header) {
    for (const Attribute& at : a.attributes) {
      if (at.header == header) return at.value;
    }
    return std::string();
  };
  EXPECT_EQ(attribute(e.activities[2], "Eje estratégico"), "Promoción de la cultura cívica");
  EXPECT_EQ(attribute(e.activities[4], "Objetivo"), "Garantizar la instalación de casillas");
  EXPECT_EQ(e.activities[1].responsible, "Dirección de Educación Cívica");
  EXPECT_EQ(e.activities[4].responsible, "Dirección de Organización Electoral");
}

// Periods written as parts of the year: "Primer trimestre" is January to March, "Segundo
// semestre" July to December; "Anual" names no months, which stay unknown.
TEST(ReportlabLayouts, PeriodsWrittenAsPartsOfTheYear) {
  ExpectEveryRowRead(Read("periods-as-parts-of-the-year", kLayouts));
}

// Schedules marked by parts of the year: X under "I" to "IV" spanned by "Trimestre" and shaded
// cells under "Primer semestre" | "Segundo semestre" mark every month of their part (they were
// kept as attributes, the months unknown); X under "I" to "IV" that no title names tell no
// months: those stay unknown, the marks kept as attributes.
TEST(ReportlabLayouts, QuartersAndHalvesMarkedMarkTheirMonths) {
  const Extraction e = ReadLayoutWhole("quarters-and-halves-marked");
  ASSERT_EQ(e.activities.size(), 15u);
  EXPECT_EQ(e.activities[0].months_source, MonthsSource::kGrid);
  ASSERT_EQ(e.activities[10].attributes.size(), 1u);
  EXPECT_EQ(e.activities[10].attributes[0].header, "I");
  EXPECT_EQ(e.activities[10].attributes[0].value, "X");
}

// Start and end dates as "01-feb-25", periods as "oct-25 a feb-26", "Ene-Mar" and "sep-25": each
// month in the year the cell writes (the months of 2026 aside), derived from the dates.
TEST(ReportlabLayouts, DatesAndPeriodsAsSpreadsheetsPrintThem) {
  const Extraction e = ReadLayoutWhole("dates-as-spreadsheets-print-them");
  ASSERT_EQ(e.activities.size(), 5u);
  EXPECT_EQ(e.activities[0].start_date, "2025-02-01");
  EXPECT_EQ(e.activities[0].end_date, "2025-04-20");
  EXPECT_EQ(e.activities[0].months_source, MonthsSource::kDates);
  int marked_2026 = 0;
  for (const MonthValue& v : e.activities[2].month_values) {
    if (v.year == 2026 && v.marked) ++marked_2026;
  }
  EXPECT_EQ(marked_2026, 2);  // January and February of "oct-25 a feb-26"
}

// Monthly figures under months dated "ene-25" … "dic-25" in columns so narrow that "jul-25"
// breaks into "jul-2" over "5" (checked on the page): every month is read with its figure, "-"
// plans nothing and "0" plans zero. The break had cut the grid at June: July to December were
// kept as attributes and the fifth activity, planned in December only, had no month.
TEST(ReportlabLayouts, MonthlyFiguresUnderDatedMonthsOneBrokenInItsCell) {
  const Reading r = Read("monthly-figures-under-dated-months", kLayouts);
  ExpectEveryRowRead(r);
  EXPECT_EQ(r.monthly, r.expected) << r.misses;
}

// The same page as a 200 dpi grey scan: OCR read "ene-2" for "ene-25" (the "5" under it lost),
// "may -25", "jul-2 5"; every month is still read with its figure.
TEST(ReportlabLayouts, MonthlyFiguresUnderDatedMonthsScannedAt200Dpi) {
  const Reading r = Read("monthly-figures-under-dated-months", kLayouts,
                         "monthly-figures-under-dated-months-scan-1.png");
  ExpectEveryRowRead(r);
  EXPECT_EQ(r.monthly, r.expected) << r.misses;
}

// The quarters and halves as a 200 dpi grey scan: OCR read the quarters' numerals under
// "Trimestre" as "", "ll", "mI", "Iv"; the four columns under the title are the quarters by their
// place (finding months_by_position), and each activity's months are exact.
TEST(ReportlabLayouts, QuartersAndHalvesMarkedScannedAt200Dpi) {
  const Extraction e = testing::MustProcess(kLayouts + "quarters-and-halves-marked-scan-1.png");
  const std::vector<ExpectedRow> expected =
      ExpectedTsv(kLayouts + "quarters-and-halves-marked.expected.tsv");
  ASSERT_EQ(e.activities.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(e.activities[i].code, expected[i].code) << i;
    EXPECT_EQ(eval::MaskText(e.activities[i].months), expected[i].months) << expected[i].code;
  }
  EXPECT_EQ(std::count_if(e.findings.begin(), e.findings.end(),
                          [](const Finding& f) { return f.code == "months_by_position"; }),
            1);
}

// Each activity a ficha of its own, its fields' labels down the first column (Número, Actividad,
// Periodo de ejecución, Responsable, Entregable): each is read turned, one activity with its
// code, months, responsible and deliverable. It gave no activity and a no_records finding.
TEST(ReportlabLayouts, OneFichaPerActivityReadTurned) {
  const Extraction e = ReadLayoutWhole("one-ficha-per-activity");
  ASSERT_EQ(e.activities.size(), 5u);
  EXPECT_EQ(e.activities[0].responsible, "Secretaría Ejecutiva");
  ASSERT_EQ(e.deliverables.size(), 5u);
  EXPECT_EQ(e.deliverables[0].text, "Informe");
  EXPECT_EQ(e.deliverables[0].activity, 0u);
}

// A plan set as running text over two pages: each activity a bold line "Actividad 1. …" and its
// fields a line each (Responsable, Periodo, Entregable), under an opening paragraph and an
// "Objetivo: …" line of no activity's. Each activity is read as the ficha it is, with its code,
// months from its period, responsible and deliverable; the objective is none of the first
// activity's. It gave no activity and a no_records finding.
TEST(ReportlabLayouts, ActivitiesSetAsParagraphsAFieldToALine) {
  const Extraction e = ReadLayoutWhole("activities-as-paragraphs");
  ASSERT_EQ(e.activities.size(), 17u);
  EXPECT_EQ(e.activities[0].responsible, "Secretaría Ejecutiva");
  EXPECT_EQ(e.activities[0].months_source, MonthsSource::kDates);
  for (const Attribute& a : e.activities[0].attributes) EXPECT_NE(a.header, "Objetivo");
  ASSERT_EQ(e.deliverables.size(), 17u);
  EXPECT_EQ(e.deliverables[4].text, "Informe");
  EXPECT_EQ(e.deliverables[4].activity, 4u);
  EXPECT_TRUE(std::none_of(e.findings.begin(), e.findings.end(),
                           [](const Finding& f) { return f.code == "no_records"; }));
}

// A plan set as a numbered list, in Times on A4: each item ("1. Elaborar …", no label before
// it) with its fields on lines under it (Área responsable, Fecha de realización, Producto), under
// a heading numbered as the items are ("1. Actividades") and over another with prose. Each item
// is a record: its number, text, responsible, months from its date and its product. It gave no
// activity and a no_records finding.
TEST(ReportlabLayouts, NumberedItemsWithTheirFieldsOnLinesUnderThem) {
  const Extraction e = ReadLayoutWhole("numbered-items-with-field-lines");
  ASSERT_EQ(e.activities.size(), 7u);
  EXPECT_EQ(e.activities[1].code, "2");
  EXPECT_TRUE(e.activities[1].code_printed);
  EXPECT_EQ(e.activities[1].responsible, "Dirección de Participación Ciudadana");
  EXPECT_EQ(e.activities[1].start_date, "2025-08-06");
  EXPECT_EQ(e.activities[1].months_source, MonthsSource::kDates);
  ASSERT_EQ(e.deliverables.size(), 7u);
  EXPECT_EQ(e.deliverables[6].text, "Informe");
  EXPECT_EQ(e.deliverables[6].activity, 6u);
  EXPECT_TRUE(std::none_of(e.findings.begin(), e.findings.end(),
                           [](const Finding& f) { return f.code == "no_records"; }));
}

// Two tables ruled down their columns only, the header ruled off and no rule between the
// records (some wrapped over two lines): each record a row, its months marked with X in the
// first, shaded by one bar from its first month to its last in the second. Each table had read
// as one record holding every code, text and responsible, all twelve months marked.
TEST(ReportlabLayouts, TablesRuledDownTheirColumnsOnly) {
  const Extraction e = ReadLayoutWhole("columns-ruled-rows-not");
  ASSERT_EQ(e.activities.size(), 8u);
  EXPECT_EQ(e.activities[1].responsible, "Secretaría Ejecutiva");
  EXPECT_EQ(PlainText(e.activities[1].text),
            "Difundir materiales de cultura democrática en escuelas");
}

// A table ruled down its columns only whose records are set tight (8-point lines 9.2 points
// apart, no padding): no whitespace parts them, the numbers down the first column do. The table
// had read as one record.
TEST(ReportlabLayouts, TablesRuledDownTheirColumnsOnlyTheirRecordsSetTight) {
  const Extraction e = ReadLayoutWhole("columns-ruled-rows-set-tight");
  ASSERT_EQ(e.activities.size(), 5u);
  EXPECT_EQ(PlainText(e.activities[2].text),
            "Organizar el concurso estatal de debate universitario y de bachillerato");
}

// The same page as a 200 dpi grey scan: the column rules found on the image, the rows by the
// whitespace between the records, each read whole.
TEST(ReportlabLayouts, TablesRuledDownTheirColumnsOnlyScannedAt200Dpi) {
  ExpectEveryRowRead(Read("columns-ruled-rows-not", kLayouts, "columns-ruled-rows-not-scan-1.png"));
}

// A Gantt chart as a spreadsheet prints it without borders: tall rows (22 points for 8-point
// type) and each activity's months one coloured bar. The rows had been read as paragraphs (no
// activity), and with them as a table January's fill covered too little of its column.
TEST(ReportlabLayouts, ABarChartWithoutRulesInTallRows) {
  const Extraction e = ReadLayoutWhole("bars-without-rules");
  ASSERT_EQ(e.activities.size(), 8u);
  EXPECT_EQ(e.activities[0].months_source, MonthsSource::kGrid);
}

// A Gantt chart ruled across its rows and down its number and text columns, its timeline not:
// the twelve month names in one ruled column over coloured bars. The column is cut into the
// months its names stand over, and each bar marks its months; every month had run into one cell
// and no schedule was read.
TEST(ReportlabLayouts, ATimelineUnruledInARuledTable) {
  const Extraction e = ReadLayoutWhole("timeline-unruled-in-a-ruled-table");
  ASSERT_EQ(e.activities.size(), 6u);
  for (const Finding& f : e.findings) EXPECT_NE(f.code, "column_unmapped") << f.message;
}

// A ruled table whose months are typed in one cell, a title over their letters ("Calendario 2025"
// over "E  F  M …") and an X typed under each letter of a row's months: each month its column
// under the title. The column had stayed whole: no month read, and a `column_unmapped` finding.
TEST(ReportlabLayouts, MonthsTypedInOneCellUnderItsTitle) {
  const Extraction e = ReadLayoutWhole("months-typed-in-one-titled-cell");
  ASSERT_EQ(e.activities.size(), 6u);
  for (const Finding& f : e.findings) EXPECT_NE(f.code, "column_unmapped") << f.message;
}

// The layout `name` read whole born digital, and each activity's code and months exact on its
// 200 dpi grey scan (the text is OCR's).
// `scan`: the scan's file name after the layout's.
void ExpectTheScanMonthsExact(const std::string& name, const std::string& scan = "-scan-1.png") {
  ReadLayoutWhole(name);
  const Extraction e = testing::MustProcess(kLayouts + name + scan);
  const std::vector<ExpectedRow> expected = ExpectedTsv(kLayouts + name + ".expected.tsv");
  ASSERT_EQ(e.activities.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(e.activities[i].code, expected[i].code) << i;
    EXPECT_EQ(eval::MaskText(e.activities[i].months), expected[i].months) << i;
  }
}

// Months marked with solid squares (■), dots (●) and bullets (•). On the scan OCR has no letter
// for them: it read "n", "|" or "|]" for ■, "o" for ● (and nothing for one dot), "." or "EJ" for
// •, so that no month was marked; read from their ink (solid_marks.h).
TEST(ReportlabLayouts, MonthsMarkedWithSolidSquaresAndDots) {
  ExpectTheScanMonthsExact("marks-drawn-as-squares-and-dots");
}

// Months filled dark: blue (a spreadsheet's accent colour) over rows striped light grey, and
// dark grey. On the 200 dpi scan, 1 of 12 schedules was read: a dark fill binarizes as a band
// along its border, which thickened the column rule beside it so that it was not erased and OCR
// read it as "|" ("| Abr", no month column named); the dark grey cells that touch were binarized
// as one band of white letters whose box held white cells, which came out black. Now 12 of 12.
TEST(ReportlabLayouts, MonthsFilledDarkScannedAt200Dpi) {
  ExpectTheScanMonthsExact("months-filled-dark");
}

// Two grids ruled in light grey (#999999, 0.5 points), scanned at 200 dpi 0.6 degrees askew: a
// rule a pixel or so wide lies on one column of pixels in places and shares itself between two
// in others, and binarizes as dashes, too short to be found as rules and erased before OCR. OCR
// read them as "[", "1", "—" in the cells and glued them to the header's labels ("[sep"): no
// month was named, 0 of 12 activities (no_records). Now the page is read again with the rules
// the grey page shows erased too (missed_rules.h), and the dashes left on rules are dropped
// (ocr_noise.h). The grid filled grey reads whole; the grid marked with X under a dark header
// band, its rows striped light grey, does not yet: the stripe's fill runs across the light row
// rule into the row above, so that one row's text falls into the code column (NEXT.md).
TEST(ReportlabLayouts, GridRuledLightScannedAskewReadsItsMonths) {
  ReadLayoutWhole("grids-ruled-light");
  const Extraction e = testing::MustProcess(kLayouts + "grids-ruled-light-askew-1.png");
  const std::vector<ExpectedRow> expected =
      ExpectedTsv(kLayouts + "grids-ruled-light.expected.tsv");
  ASSERT_EQ(expected.size(), 12u);
  ASSERT_GE(e.activities.size(), 6u);
  // The filled grid: the page's last six activities.
  const size_t first = e.activities.size() - 6;
  for (size_t i = 0; i < 6; ++i) {
    const Activity& a = e.activities[first + i];
    EXPECT_EQ(a.code, expected[6 + i].code) << i;
    EXPECT_EQ(eval::MaskText(a.months), expected[6 + i].months) << i;
  }
}

// Start and end dates under a header whose labels wrap over two lines ("Fecha de" over "inicio")
// beside labels of one line. On the 200 dpi scan OCR boxes words by their letters alone: the
// lead between the header's lines looked like whitespace parting two records, the header was cut
// in two and no column named (table_unmapped, 0 of 6). The lead is measured against the words'
// size now (lines.h LineSize): 6 of 6, the months derived from the dates.
TEST(ReportlabLayouts, DatesUnderAHeaderOnTwoLinesScannedAt200Dpi) {
  ExpectTheScanMonthsExact("dates-under-a-header-on-two-lines");
}

// Grids set without rules but one under the header, marked with X and with dots. On the scan
// OCR read "May", "Ago" and a row's "4" at 12.9 points, the rest at 11.1: the rows stood in two
// sizes, each table was cut to three rows without their header (table_unmapped, no_records).
// A line's size is now the one most of its letters are read in; the dots outside ruled columns
// are read from their ink, clear of other ink on every side.
TEST(ReportlabLayouts, GridsWithoutRulesScannedAt200Dpi) {
  ExpectTheScanMonthsExact("grids-without-rules");
}

// The same grids scanned at 150 dpi, where 8-point type is 8 pixels high: read as scanned, OCR
// gave 4 of 12 activities (3 with their months). An image scanned below 200 dpi is read at the
// resolution PDF pages are rendered at for OCR, as a PDF page holding it would be.
TEST(ReportlabLayouts, GridsWithoutRulesScannedAt150Dpi) {
  ExpectTheScanMonthsExact("grids-without-rules", "-scan150-1.png");
}

// The same 150 dpi scan as a scanner writes it, an image alone in a PDF, rendered at 300 dpi for
// OCR. Every body line is set in 8-point Helvetica, with descenders ("Aprobar el programa") or
// without ("Revisar los lineamientos"); Tesseract's row height takes in the descenders it
// estimates for each row, so that the first two rows were read at 10.45 points and the rest at
// 11.33: the table parted under its second row, headerless pieces (table_unmapped, 2 of 12
// activities). A word's size is now measured above the baseline. One ● of the second grid
// (August, row 4) is lost to the scan; the X grid reads exact.
TEST(ReportlabLayouts, GridsWithoutRulesScannedAt150DpiInAPdf) {
  const Extraction e = testing::MustProcess(kLayouts + "grids-without-rules-scan150.pdf");
  const std::vector<ExpectedRow> expected =
      ExpectedTsv(kLayouts + "grids-without-rules.expected.tsv");
  ASSERT_EQ(e.activities.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(e.activities[i].code, expected[i].code) << i;
    if (i < 6) {
      EXPECT_EQ(eval::MaskText(e.activities[i].months), expected[i].months) << i;
    }
  }
}

// Grids set without rules but one under the header, numbered "1.1" to "2.6". On the scan the dot
// of five codes binarized away ("13", "15", "26"): numbering gaps, and codes that are not
// printed. The codes that open their lines at one left edge are a column of codes, their dots
// looked for on the grey page as in a ruled column (code_dots.h).
TEST(ReportlabLayouts, DottedCodesOfAGridWithoutRulesScannedAt200Dpi) {
  ExpectTheScanMonthsExact("dotted-codes-without-rules");
}

// Two ruled grids whose month columns are headed by the months' names set upwards. On the scan
// the page pass of OCR read the names as noise or not at all: no month column was named, every
// schedule unknown (column_unmapped). Vertical text is read turned upright (ocr_engine.h).
TEST(ReportlabLayouts, MonthNamesSetUpwardsScannedAt200Dpi) {
  ExpectTheScanMonthsExact("month-names-set-upwards");
}

// Each axis named once in a cell merged over its activities, set upwards ("Educación cívica"
// reads up the page): every activity keeps the axis as an attribute, its words in reading order,
// born-digital and on the 200 dpi scan. The words of a vertical line had been lines of their own,
// top to bottom: "cívica Educación".
TEST(ReportlabLayouts, AxesSetUpwardsInCellsMergedOverTheirActivities) {
  ExpectTheScanMonthsExact("axes-set-upwards-in-merged-cells");
  for (const std::string file :
       {"axes-set-upwards-in-merged-cells.pdf", "axes-set-upwards-in-merged-cells-scan-1.png"}) {
    const Extraction e = testing::MustProcess(kLayouts + file);
    ASSERT_EQ(e.activities.size(), 6u) << file;
    for (size_t i = 0; i < 6; ++i) {
      ASSERT_EQ(e.activities[i].attributes.size(), 1u) << file << " " << i;
      EXPECT_EQ(e.activities[i].attributes[0].header, "Eje") << file << " " << i;
      EXPECT_EQ(e.activities[i].attributes[0].value,
                i < 3 ? "Educación cívica" : "Organización electoral")
          << file << " " << i;
    }
  }
}

// A table of programs whose activities cell lists several, a numbered line each, beside the
// row's responsible and period: one activity each, with the row's responsible and months. Each
// row had been one activity holding every listed text.
TEST(ReportlabLayouts, ActivitiesListedInOneCellOfTheirProgram) {
  const Extraction e = ReadLayoutWhole("activities-listed-in-a-cell");
  ASSERT_EQ(e.activities.size(), 5u);
  EXPECT_EQ(e.activities[4].responsible, "Dirección de Organización");
}

// Each month spanning what was programmed and what was realized ("P" | "R"): the schedule and
// the monthly figures are the programmed columns' (the third activity, realized in February with
// nothing programmed there, had February marked), what was realized kept as attributes.
TEST(ReportlabLayouts, MonthsOfProgrammedBesideRealizedFigures) {
  const Reading r = Read("programmed-beside-realized-months", kLayouts);
  ExpectEveryRowRead(r);
  EXPECT_EQ(r.monthly, r.expected) << r.misses;
  const Extraction e = testing::MustProcess(kLayouts + "programmed-beside-realized-months.pdf");
  ASSERT_EQ(e.activities.size(), 5u);
  ASSERT_EQ(e.activities[2].attributes.size(), 1u);
  EXPECT_EQ(e.activities[2].attributes[0].header, "Feb / R");
  EXPECT_EQ(e.activities[2].attributes[0].value, "1");
}

// A schedule as a spreadsheet prints texts not wrapped: the longer ones run on over the month
// cells to their right, through their rules (over a filled month too). Cut at the rules, their
// ends were read as the months' text ("Elaborar el programa anual de trabajo y pre" |
// "sentarlo" | "al Cons" | …). Each text is whole, in its cell, the months as filled.
TEST(ReportlabLayouts, TextsRunOnOverTheEmptyCellsToTheirRight) {
  const Extraction e = ReadLayoutWhole("text-running-on-over-empty-cells");
  ASSERT_EQ(e.activities.size(), 6u);
  EXPECT_EQ(e.activities[0].text,
            "Elaborar el programa anual de trabajo y presentarlo al Consejo General");
  EXPECT_EQ(e.activities[2].text,
            "Capacitar al personal de los consejos distritales en el uso del sistema de cómputos");
  EXPECT_EQ(e.activities[4].text,
            "Integrar la memoria del proceso electoral local y difundirla entre la ciudadanía");
  for (const Activity& a : e.activities) {
    EXPECT_EQ(a.responsible, "Dirección de Organización") << a.text;
    EXPECT_TRUE(a.attributes.empty()) << a.text;
  }
}

// Months marked by shapes drawn over a ruled grid, neither text nor filled cells: bars with round
// ends, discs and diamonds. A bar is a fill of its box; a disc or a diamond, the size of a glyph,
// is a mark ("●", "◆"). Every row is read with its months (no row marked any month before).
TEST(ReportlabLayouts, MonthsMarkedByShapesDrawnOverTheGrid) {
  ExpectEveryRowRead(Read("marks-drawn-as-shapes", kLayouts));
}

// Months marked by a small picture pasted in each: nothing the page says tells which months are
// marked, and a grid in which no record marks any month is no schedule of no months (it read as
// one before, every activity "scheduled" in none). The months are unknown, and a
// schedule_unread finding says why.
TEST(ReportlabLayouts, MonthsMarkedByPicturesAreUnknownWithAFinding) {
  const Extraction e = ReadLayoutWhole("marks-pasted-as-pictures");
  EXPECT_EQ(std::count_if(e.findings.begin(), e.findings.end(),
                          [](const Finding& f) { return f.code == "schedule_unread"; }),
            1);
}

// The header row ruled as a table of its own, an empty line above the records' table, as a word
// processor keeps two tables apart: read alone, the header was one ruled row (no table) and the
// records had no header (table_unmapped, no activity). The two are one table.
TEST(ReportlabLayouts, AHeaderRuledAsATableOfItsOwn) {
  ExpectEveryRowRead(Read("header-as-a-table-of-its-own", kLayouts));
}

// The header and each record framed on its own, 2 points apart, as report writers print their
// bands: one table.
TEST(ReportlabLayouts, RecordsFramedApart) {
  ExpectEveryRowRead(Read("records-framed-apart", kLayouts));
}

// Rules above and below the header and under the last row only, the header in 8-point bold over
// rows whose numbers are set in 10 points: the header heads its rows (it was left out of the
// table, and with it every activity).
TEST(ReportlabLayouts, ABoldHeaderInASizeOfItsOwn) {
  ExpectEveryRowRead(Read("bold-header-in-its-own-size", kLayouts));
}

// The same plan scanned at 200 dpi: OCR read the fourth row's "4." as "á.", no code, and the
// row (its own text, period and deliverable) was taken for a line of the third: the third
// activity held both texts and both periods, the fourth was lost. A row whose cell in the column
// of codes holds a word that is no code is a record of its own.
TEST(ReportlabLayouts, ABoldHeaderInASizeOfItsOwnScannedAt200Dpi) {
  ExpectTheScanMonthsExact("bold-header-in-its-own-size");
}

}  // namespace
}  // namespace oplex
