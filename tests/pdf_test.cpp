// The PDF path on real PDFs made by LibreOffice (tools/fixtures/make_pdf_fixtures.py, committed
// in data/pdf with the values the generator put in them):
//   - the three seed work plans as PDFs give the same activities, codes, texts, sections,
//     quantities and deliverables as their text exports, plus the months the generator
//     scheduled, for each marking style (fill, X, monthly numbers), with page and boxes;
//   - generic tables come back with the cell texts the generator wrote;
//   - bad PDFs give a clear error naming the file.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "pipeline/page_blocks.h"
#include "tests/expected_rows.h"
#include "tests/json_value.h"
#include "tests/process_file.h"
#include "tools/eval/scan_accuracy.h"
#include "tools/run/document_pipeline.h"

namespace oplex {
namespace {

const std::string kPdfDir = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/";

using testing::ExpectedRow;
using testing::ExpectedTsv;
using testing::MonthlyText;
using testing::ReadBytes;

using testing::MustProcess;

Result<Extraction> Process(const std::string& path) { return testing::ProcessFile(path); }

using eval::MaskText;

// The section path of an activity: "kind code title > …", outermost first.
std::string SectionPath(const Extraction& e, std::optional<size_t> index) {
  std::string path;
  while (index) {
    const Section& s = e.sections[*index];
    path = s.kind + " " + s.code + " " + s.title + (path.empty() ? "" : " > ") + path;
    index = s.parent;
  }
  return path;
}

// The PDF of a seed plan against its text export and the schedule its generator wrote.
// `pdf_out`, when given, receives the PDF's extraction for further checks.
void CheckSeedPlan(const std::string& pdf_name, const std::string& text_name,
                   Extraction* pdf_out = nullptr) {
  Extraction pdf = MustProcess(kPdfDir + pdf_name + ".pdf");
  if (pdf_out != nullptr) *pdf_out = pdf;
  const Extraction text = MustProcess(std::string(OPLEX_SAMPLES_DIR) + "/" + text_name);
  EXPECT_EQ(pdf.document.source_format, "pdf");
  EXPECT_EQ(pdf.document.institute, text.document.institute);
  EXPECT_EQ(pdf.document.year, text.document.year);
  ASSERT_EQ(pdf.activities.size(), text.activities.size());
  for (size_t i = 0; i < pdf.activities.size(); ++i) {
    const Activity& p = pdf.activities[i];
    const Activity& t = text.activities[i];
    SCOPED_TRACE("activity " + t.code + " " + t.text.substr(0, 40));
    EXPECT_EQ(p.code, t.code);
    EXPECT_EQ(p.text, t.text);
    EXPECT_EQ(SectionPath(pdf, p.section), SectionPath(text, t.section));
    EXPECT_EQ(p.unit, t.unit);
    EXPECT_EQ(p.annual.has_value(), t.annual.has_value());
    if (p.annual && t.annual) {
      EXPECT_EQ(p.annual->raw, t.annual->raw);
    }
    ASSERT_EQ(p.beneficiaries.size(), t.beneficiaries.size());
    for (size_t b = 0; b < p.beneficiaries.size(); ++b) {
      EXPECT_EQ(p.beneficiaries[b].kinds_text, t.beneficiaries[b].kinds_text);
      EXPECT_EQ(p.beneficiaries[b].counts_text, t.beneficiaries[b].counts_text);
    }
    EXPECT_TRUE(p.provenance.page.has_value());
    EXPECT_TRUE(p.provenance.bbox.has_value());
  }
  ASSERT_EQ(pdf.deliverables.size(), text.deliverables.size());
  for (size_t i = 0; i < pdf.deliverables.size(); ++i) {
    EXPECT_EQ(pdf.deliverables[i].text, text.deliverables[i].text);
  }

  // Months: as the generator scheduled them, each month cell with its box.
  const std::vector<ExpectedRow> expected = ExpectedTsv(kPdfDir + pdf_name + ".expected.tsv");
  std::map<std::string, std::vector<const ExpectedRow*>> by_code;
  for (const ExpectedRow& r : expected) by_code[r.code].push_back(&r);
  std::map<std::string, size_t> seen;
  size_t checked = 0;
  for (const Activity& a : pdf.activities) {
    auto it = by_code.find(a.code);
    ASSERT_NE(it, by_code.end()) << "activity " << a.code << " is not in the fixture";
    const ExpectedRow& want = *it->second[std::min(seen[a.code]++, it->second.size() - 1)];
    EXPECT_EQ(MaskText(a.months), want.months) << "activity " << a.code;
    ASSERT_EQ(a.month_values.size(), 12u) << "activity " << a.code;
    // The month cells of one activity: one row of one page (the schedule's page, which is not
    // the activity's when a plan lists its lines of action before the schedule), left to right.
    for (const MonthValue& v : a.month_values) {
      ASSERT_TRUE(v.provenance.bbox.has_value()) << a.code << " month " << v.month;
      EXPECT_EQ(v.provenance.page, a.month_values.front().provenance.page);
      if (v.month > 1) {
        const BBox& before = *a.month_values[static_cast<size_t>(v.month) - 2].provenance.bbox;
        EXPECT_LT(before.x1, v.provenance.bbox->x1) << a.code << " month " << v.month;
      }
    }
    ++checked;
  }
  EXPECT_EQ(checked, text.activities.size());
}

TEST(PdfSeedPlans, AguascalientesShadedMonths) {
  Extraction pdf;
  CheckSeedPlan("ags-2023-shaded", "ags-iee-plan-anual-2023.txt", &pdf);

  // A deliverables cell spanning the rows of an area's activities belongs to each of them (page
  // 7: Presidencia's cell spans 1.1–1.6, the Secretaría Ejecutiva's first cell 1.10–1.11); a cell
  // on one row belongs to that row's activity only.
  auto spanned = [&](const std::string& text_start) {
    for (const Deliverable& d : pdf.deliverables) {
      if (d.text.rfind(text_start, 0) != 0) continue;
      std::string codes = pdf.activities[*d.activity].code;
      for (size_t a : d.spanned) codes += "," + pdf.activities[a].code;
      return codes;
    }
    return std::string("(no deliverable)");
  };
  EXPECT_EQ(spanned("Informe de actividades sobre requerimientos"), "1.1,1.2,1.3,1.4,1.5,1.6");
  EXPECT_EQ(spanned("Informe de trabajo del Comité de Transparencia"), "1.1,1.2,1.3,1.4,1.5,1.6");
  EXPECT_EQ(spanned("Informe de la realización de sesiones del Consejo"), "1.10,1.11");
  EXPECT_EQ(spanned("Informe de la suscripción"), "1.12");
}

TEST(PdfSeedPlans, AguascalientesXMarkedMonths) {
  CheckSeedPlan("ags-2023-x", "ags-iee-plan-anual-2023.txt");
}

// BCS lists its lines of action under "LÍNEA DE ACCIÓN" headings set on a line of their own,
// in tables without rules, and schedules them in an X-marked cronograma pages later.
TEST(PdfSeedPlans, BajaCaliforniaSurXMarkedCronograma) {
  CheckSeedPlan("bcs-2024-x", "bcs-ieebcs-deoe-pat-2024.txt");
}

// IEEM: monthly quantities read by the column they stand in; a blank month cell is no
// quantity. Text set flush against a column's rule (120103, 120204) keeps the rule.
TEST(PdfSeedPlans, IeemMonthlyQuantitiesByPosition) {
  Extraction pdf;
  CheckSeedPlan("ieem-2024-numeric", "mex-ieem-programa-anual-2024.txt", &pdf);
  const std::vector<ExpectedRow> expected = ExpectedTsv(kPdfDir + "ieem-2024-numeric.expected.tsv");
  ASSERT_EQ(expected.size(), pdf.activities.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const Activity& a = pdf.activities[i];
    EXPECT_EQ(MonthlyText(a), expected[i].monthly) << "activity " << a.code;
  }
}

// Generic tables: the rows the generator wrote, table by table.
void CheckTables(const std::string& name) {
  const std::string path = kPdfDir + "generic/" + name + ".pdf";
  const testing::JsonValue want =
      testing::ParseJson(ReadBytes(kPdfDir + "generic/" + name + ".expected.json"));
  auto got = ReadTables(ReadBytes(path), path, /*ocr=*/nullptr, {});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  std::vector<const Block*> tables;
  std::vector<int> pages;
  for (const PageTables& p : *got) {
    for (const Block& t : p.tables) tables.push_back(&t), pages.push_back(p.page);
  }
  const auto& want_tables = want["tables"].array;
  ASSERT_EQ(tables.size(), want_tables.size()) << name;
  for (size_t t = 0; t < tables.size(); ++t) {
    SCOPED_TRACE(name + " table " + std::to_string(t));
    EXPECT_EQ(pages[t], static_cast<int>(want_tables[t]["page"].number));
    const auto& rows = want_tables[t]["rows"].array;
    ASSERT_EQ(tables[t]->rows.size(), rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      std::vector<std::string> got_row, want_row;
      for (const Cell& c : tables[t]->rows[r].cells) {
        std::string text = c.text;  // items of a cell read as one line, as `oplex tables` prints
        std::replace(text.begin(), text.end(), '\n', ' ');
        got_row.push_back(text);
      }
      for (const auto& c : rows[r].array) want_row.push_back(c.string);
      EXPECT_EQ(got_row, want_row) << "row " << r;
    }
  }
}

TEST(PdfTables, Ruled) { CheckTables("ruled"); }
TEST(PdfTables, Unruled) { CheckTables("unruled"); }
TEST(PdfTables, ContinuedOverPagesIsOneTable) { CheckTables("multipage"); }
TEST(PdfTables, MergedCells) { CheckTables("merged"); }

// Month grids of the generic fixtures: months per activity as the generator drew them, and
// the weeks where the grid has week sub-columns.
void CheckMonths(const std::string& name) {
  const std::string path = kPdfDir + "generic/" + name + ".pdf";
  const testing::JsonValue want =
      testing::ParseJson(ReadBytes(kPdfDir + "generic/" + name + ".expected.json"));
  const Extraction e = MustProcess(path);
  std::map<std::string, std::string> got, got_weeks;
  for (const Activity& a : e.activities) {
    got[a.code] = MaskText(a.months);
    for (const MonthValue& v : a.month_values) got_weeks[a.code] += v.weeks;
  }
  ASSERT_TRUE(want.Has("activities")) << name;
  for (const auto& a : want["activities"].array) {
    const std::string code = a["code"].string;
    ASSERT_TRUE(got.count(code)) << name << ": no activity " << code;
    EXPECT_EQ(got[code], a["months"].string) << name << ": activity " << code;
    const std::string weeks = a.Has("weeks") ? a["weeks"].string : "";
    EXPECT_EQ(got_weeks[code], weeks) << name << ": weeks of activity " << code;
  }
}

TEST(PdfMonthGrids, RotatedMonthHeader) { CheckMonths("rotated-months"); }
TEST(PdfMonthGrids, WeeksRollUpToMonths) { CheckMonths("weeks"); }
TEST(PdfMonthGrids, PaleFillsZebraRowsEmptyGridAndNoHeader) { CheckMonths("pale-fills"); }
TEST(PdfMonthGrids, WriterDocument) { CheckMonths("writer-table"); }

// Bad PDFs: one clear error each, naming the file and the reason.
void ExpectError(const std::string& name, const std::string& reason) {
  const std::string path = kPdfDir + "bad/" + name;
  auto e = Process(path);
  ASSERT_FALSE(e.ok()) << name << " was read";
  EXPECT_NE(e.status().message().find(path), std::string::npos) << e.status().message();
  EXPECT_NE(e.status().message().find(reason), std::string::npos) << e.status().message();
}

TEST(PdfBadInput, Truncated) { ExpectError("truncated.pdf", "truncated"); }
TEST(PdfBadInput, Corrupt) { ExpectError("corrupt.pdf", "not a readable PDF"); }
TEST(PdfBadInput, EncryptedWithUserPassword) {
  ExpectError("encrypted-user.pdf", "encrypted and needs a password");
}
TEST(PdfBadInput, ZeroPages) { ExpectError("zero-pages.pdf", "no pages"); }
TEST(PdfBadInput, EncryptedWithOwnerPasswordOnlyIsRead) {
  const Extraction e = MustProcess(kPdfDir + "bad/encrypted-owner.pdf");
  EXPECT_EQ(e.document.source_format, "pdf");
  EXPECT_GT(e.document.pages.value_or(0), 0);
}

}  // namespace
}  // namespace oplex
