// `oplex tables` as a tool for taking tables out of PDFs: several files, outputs into a file or a
// folder, every format, --area, --password. The spreadsheet is opened for real: Python's zipfile
// reads the sheet XML of the xlsx, and the values are those a person reads on the fixture's page
// (data/pdf/generic/merged.pdf: a plan's calendar with a PERIODO header over three columns, an
// ACTIVIDAD header over two rows and a deliverable beside four activities).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_fixture.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;
using testing::Slurp;

const fs::path kGeneric = fs::path(OPLEX_DEFAULT_DATA_DIR) / "pdf" / "generic";
const std::string kMerged = (kGeneric / "merged.pdf").string();
const std::string kRuled = (kGeneric / "ruled.pdf").string();

class TablesTest : public testing::CliFixture {
 protected:
  Outcome Tables(const std::string& args) { return testing::RunOplex("tables " + args, dir_); }

  // What Python prints for `script` (sys.argv[1] is `file`); fails the test when Python fails.
  std::string Python(const std::string& script, const fs::path& file) {
    const fs::path source = dir_ / "read.py";
    {
      std::ofstream out(source);
      out << script;
    }
    const Outcome r = testing::Shell("python3 " + source.string() + " " + file.string(), dir_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

// Every cell of every sheet, "SHEET!A1=value" a line, and the merged ranges, "SHEET merged A1:A2":
// read from the xlsx's XML as a spreadsheet program would, shared strings resolved.
constexpr char kReadXlsx[] = R"(import re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
book = ET.fromstring(z.read("xl/workbook.xml"))
rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
targets = {r.get("Id"): r.get("Target") for r in rels}
for sheet in book.find("m:sheets", ns):
    name = sheet.get("name")
    xml = ET.fromstring(z.read("xl/" + targets[sheet.get(rel)]))
    for c in xml.iter("{%s}c" % ns["m"]):
        v = c.find("m:v", ns)
        if v is None:
            continue
        value = shared[int(v.text)] if c.get("t") == "s" else v.text
        print("%s!%s=%s" % (name, c.get("r"), value))
    for m in xml.iter("{%s}mergeCell" % ns["m"]):
        print("%s merged %s" % (name, m.get("ref")))
)";

TEST_F(TablesTest, XlsxHoldsWhatThePageShowsOneSheetATable) {
  const fs::path book = dir_ / "plan.xlsx";
  const Outcome r = Tables(kMerged + " " + kRuled + " --format xlsx -o " + book.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string cells = Python(kReadXlsx, book);
  // Read off page 1 of merged.pdf: the header, and the row of activity 1.3.
  EXPECT_NE(cells.find("merged-p1-t1!A1=ACTIVIDAD\n"), std::string::npos) << cells;
  EXPECT_NE(cells.find("merged-p1-t1!C1=PERIODO\n"), std::string::npos) << cells;
  EXPECT_NE(cells.find("merged-p1-t1!D2=Término\n"), std::string::npos) << cells;
  EXPECT_NE(cells.find("merged-p1-t1!A5=1.3 Impartir los cursos de capacitación en las sedes "
                       "distritales.\n"),
            std::string::npos)
      << cells;
  EXPECT_NE(cells.find("merged-p1-t1!B5=Dirección de Organización\n"), std::string::npos);
  EXPECT_NE(cells.find("merged-p1-t1!C5=03/03/2025\n"), std::string::npos);
  EXPECT_NE(cells.find("merged-p1-t1!D5=30/04/2025\n"), std::string::npos);
  EXPECT_NE(cells.find("merged-p1-t1!E5=58\n"), std::string::npos);
  // PERIODO spans Inicio, Término and Días; ACTIVIDAD the two header rows; the first deliverable
  // stands beside activities 1.1 to 1.4.
  EXPECT_NE(cells.find("merged-p1-t1 merged C1:E1\n"), std::string::npos) << cells;
  EXPECT_NE(cells.find("merged-p1-t1 merged A1:A2\n"), std::string::npos) << cells;
  EXPECT_NE(cells.find("merged-p1-t1 merged F3:F6\n"), std::string::npos) << cells;
  // The second file's table on a sheet of its own; codes stay text with their zeros.
  EXPECT_NE(cells.find("ruled-p1-t1!A2=01\n"), std::string::npos) << cells;
  EXPECT_NE(cells.find("ruled-p1-t1!F2=1,250,000.00\n"), std::string::npos) << cells;
}

TEST_F(TablesTest, CsvIntoAFolderIsOneFileATable) {
  const fs::path out = dir_ / "csv";
  const Outcome r = Tables(kMerged + " " + kRuled + " --format csv -o " + out.string() + "/");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out / "merged-p1-t1.csv"));
  ASSERT_TRUE(fs::exists(out / "ruled-p1-t1.csv"));
  const std::string ruled = Slurp(out / "ruled-p1-t1.csv");
  EXPECT_EQ(ruled.rfind("Clave,Área responsable,Descripción de la meta,Unidad,Cantidad,"
                        "Presupuesto ($)\r\n01,Presidencia,Sesiones del Consejo General "
                        "celebradas,Sesión,24,\"1,250,000.00\"\r\n",
                        0),
            0u)
      << ruled;
  // Written again: the files are kept unless --force.
  const Outcome again = Tables(kRuled + " --format csv -o " + out.string());
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_NE(again.err.find("ruled-p1-t1.csv already exists"), std::string::npos) << again.err;
  EXPECT_EQ(Tables(kRuled + " --format csv --force -o " + out.string()).exit_code, 0);
}

TEST_F(TablesTest, OtherFormatsIntoAFolderAreOneFileAnInput) {
  for (const std::string format : {"json", "markdown", "html"}) {
    const fs::path out = dir_ / format;
    fs::create_directories(out);
    const Outcome r =
        Tables(kMerged + " " + kRuled + " --format " + format + " -o " + out.string());
    ASSERT_EQ(r.exit_code, 0) << format << r.err;
    const std::string extension = format == "markdown" ? "md" : format;
    EXPECT_TRUE(fs::exists(out / ("merged." + extension))) << format;
    EXPECT_TRUE(fs::exists(out / ("ruled." + extension))) << format;
  }
  const std::string markdown = Slurp(dir_ / "markdown" / "ruled.md");
  EXPECT_NE(markdown.find("| Clave | Área responsable | Descripción de la meta | Unidad | "
                          "Cantidad | Presupuesto ($) |\n| --- |"),
            std::string::npos)
      << markdown;
  const std::string html = Slurp(dir_ / "html" / "merged.html");
  EXPECT_NE(html.find("<td colspan=\"3\">PERIODO</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td rowspan=\"2\">ACTIVIDAD</td>"), std::string::npos) << html;
}

TEST_F(TablesTest, SeveralFilesOnStdoutAreOneJsonLineEach) {
  const Outcome r = Tables(kMerged + " " + kRuled);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::CountLines(r.out, "{\"file\":"), 2u) << r.out;
  EXPECT_EQ(r.out.rfind("{\"file\":\"" + kMerged + "\"", 0), 0u) << r.out;
}

TEST_F(TablesTest, AnAreaKeepsTheRowsAndColumnsInsideIt) {
  // On ruled.pdf, the three columns left of "Unidad" (x 374) and the rows above "03" (y 105).
  const Outcome r = Tables(kRuled + " --format csv --area 40,40,370,100");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Clave,Área responsable,Descripción de la meta\r\n"
            "01,Presidencia,Sesiones del Consejo General celebradas\r\n"
            "02,Secretaría Ejecutiva,Acuerdos publicados en el Periódico Oficial\r\n");
  // On merged.pdf, Término and Días only: PERIODO, cut on its left, starts over Término.
  const Outcome cut = Tables(kMerged + " --format html --area 370,40,470,100");
  ASSERT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_NE(
      cut.out.find("<tr><td colspan=\"2\">PERIODO</td></tr>\n<tr><td>Término</td><td>Días</td>"),
      std::string::npos)
      << cut.out;
  // Nothing there.
  const Outcome none = Tables(kRuled + " --format csv --area 0,700,100,790");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "");
  const Outcome bad = Tables(kRuled + " --area 10,10,5,20");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--area takes x0,y0,x1,y1"), std::string::npos) << bad.err;
}

TEST_F(TablesTest, APasswordOpensAnEncryptedPdf) {
  const std::string locked =
      (fs::path(OPLEX_DEFAULT_DATA_DIR) / "pdf" / "bad" / "encrypted-user.pdf").string();
  const Outcome without = Tables(locked + " " + kRuled + " --format csv");
  EXPECT_EQ(without.exit_code, 1);  // the other file is written
  EXPECT_NE(without.err.find(locked + ": the PDF is encrypted and needs a password"),
            std::string::npos)
      << without.err;
  EXPECT_NE(without.out.find("01,Presidencia"), std::string::npos);
  const Outcome wrong = Tables(locked + " --password otra");
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find(locked + ": the password does not open the PDF"), std::string::npos)
      << wrong.err;
  // The fixture's user password (tools/fixtures/bad.py); its page, read with pdftotext -upw.
  const Outcome right = Tables(locked + " --password secreto --format csv");
  ASSERT_EQ(right.exit_code, 0) << right.err;
  EXPECT_NE(right.out.find("1.2 Capacitar al personal de los consejos."), std::string::npos)
      << right.out;
}

TEST_F(TablesTest, BadCommandLines) {
  const Outcome xlsx = Tables(kRuled + " --format xlsx");
  EXPECT_EQ(xlsx.exit_code, 2);
  EXPECT_NE(xlsx.err.find("--format xlsx needs -o FILE or -o DIR"), std::string::npos);
  const Outcome same = Tables(kRuled + " " + kRuled + " -o " + dir_.string());
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(same.err.find("would write files of the same names"), std::string::npos) << same.err;
}

}  // namespace
}  // namespace oplex
