// `oplex ocr`: what an archivist keeps of a scan, checked in the readers people use. The
// searchable PDF is read back with poppler's pdftotext, the ALTO and hOCR with Python's XML
// parser (Debian ships no ALTO schema to validate against). The words are those a person reads
// on the scanned pages (data/scans/bcs-2024-x-300dpi.pdf: pages 10 and 12 of
// data/pdf/bcs-2024-x.pdf, the second fed sideways).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_fixture.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;
using testing::Shell;
using testing::Slurp;

const fs::path kScans = fs::path(OPLEX_DEFAULT_DATA_DIR) / "scans";
const std::string kBcs = (kScans / "bcs-2024-x-300dpi.pdf").string();

class OcrOutputTest : public testing::CliFixture {
 protected:
  Outcome Ocr(const std::string& args) { return testing::RunOplex("ocr " + args, dir_); }
};

TEST_F(OcrOutputTest, SearchablePdfHoldsThePagesWords) {
  const fs::path out = dir_ / "bcs.pdf";
  const Outcome r = Ocr(kBcs + " --pages 1,3 -o " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, out.string() + "\n");
  const Outcome info = Shell("pdfinfo " + out.string(), dir_);
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("Pages:           2"), std::string::npos) << info.out;
  // The first page: the heading and the sentence under it.
  const Outcome first = Shell("pdftotext -f 1 -l 1 " + out.string() + " -", dir_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("7. Cronograma"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("calendarización de las actividades de la DEOE"), std::string::npos);
  EXPECT_NE(first.out.find("Objetivos específicos sustanciales"), std::string::npos);
  // The page fed sideways is shown upright (landscape, as printed), its text read.
  const Outcome second = Shell("pdftotext -f 2 -l 2 " + out.string() + " -", dir_);
  EXPECT_NE(second.out.find("14.2"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("Minisitio"), std::string::npos) << second.out;
  const Outcome size = Shell("pdfinfo -f 2 -l 2 " + out.string(), dir_);
  EXPECT_NE(size.out.find("792 x 612 pts"), std::string::npos) << size.out;
}

// The words of an XML file (ALTO's String CONTENT, hOCR's ocrx_word text), one a line; fails when
// Python's parser finds it not well-formed.
constexpr char kAltoWords[] = R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.loc.gov/standards/alto/ns-v3#}"
assert root.tag == ns + "alto", root.tag
page = root.find("./%sLayout/%sPage" % (ns, ns))
print("page", page.get("WIDTH"), page.get("HEIGHT"))
for s in root.iter(ns + "String"):
    print(s.get("CONTENT"))
)";

constexpr char kHocrWords[] = R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for e in root.iter():
    if e.get("class") == "ocrx_word":
        print("".join(e.itertext()))
)";

TEST_F(OcrOutputTest, AltoAndHocrAreWellFormedAndHoldTheWords) {
  for (const auto& [format, file, script] :
       {std::tuple{"alto", "bcs.xml", kAltoWords}, std::tuple{"hocr", "bcs.hocr", kHocrWords}}) {
    const fs::path out = dir_ / file;
    const Outcome r = Ocr(kBcs + " --pages 1 --format " + format + " -o " + out.string());
    ASSERT_EQ(r.exit_code, 0) << format << r.err;
    const fs::path py = dir_ / "words.py";
    std::ofstream(py) << script;
    const Outcome words = Shell("python3 " + py.string() + " " + out.string(), dir_);
    ASSERT_EQ(words.exit_code, 0) << format << words.err;
    for (const char* word : {"Cronograma\n", "calendarización\n", "DEOE,\n", "sustanciales\n"}) {
      EXPECT_NE(words.out.find(word), std::string::npos) << format << ": " << word << words.out;
    }
    // ALTO measures in pixels of the page read: Letter landscape at 300 DPI.
    if (std::string(format) == "alto") {
      EXPECT_EQ(words.out.rfind("page 3300 2550\n", 0), 0u) << words.out;
    }
  }
}

TEST_F(OcrOutputTest, TextOfSeveralImagesIntoAFolder) {
  const fs::path out = dir_ / "text";
  const std::string photo = (kScans / "ags-2023-x-page9-photo.png").string();
  const std::string blank = (kScans / "blank.png").string();
  const Outcome r = Ocr(photo + " " + blank + " --format txt -o " + out.string() + "/");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The photographed page of the AGS plan: its calendar's header.
  const std::string text = Slurp(out / "ags-2023-x-page9-photo.txt");
  EXPECT_NE(text.find("CALENDARIO 2023"), std::string::npos) << text;
  EXPECT_NE(text.find("ENTREGABLES"), std::string::npos) << text;
  EXPECT_TRUE(fs::exists(out / "blank.txt"));
  // A blank page is still a page of the searchable PDF.
  const fs::path pdf = dir_ / "blank.pdf";
  ASSERT_EQ(Ocr(blank + " -o " + pdf.string()).exit_code, 0);
  EXPECT_NE(Shell("pdfinfo " + pdf.string(), dir_).out.find("Pages:           1"),
            std::string::npos);
}

TEST_F(OcrOutputTest, ErrorsNameTheFileAndExitAsTheReadmeSays) {
  const std::string corrupt =
      (fs::path(OPLEX_DEFAULT_DATA_DIR) / "pdf" / "bad" / "corrupt.pdf").string();
  const Outcome bad = Ocr(corrupt + " -o " + (dir_ / "x.pdf").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find(corrupt + ": not a readable PDF"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(dir_ / "x.pdf"));
  const Outcome none = Ocr(kBcs);
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("ocr needs -o OUT"), std::string::npos) << none.err;
  const Outcome two = Ocr(kBcs + " " + corrupt + " -o " + (dir_ / "one.pdf").string());
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_NE(two.err.find("-o names a folder"), std::string::npos) << two.err;
  std::ofstream(dir_ / "there.pdf") << "kept";
  const Outcome kept = Ocr(kBcs + " -o " + (dir_ / "there.pdf").string());
  EXPECT_EQ(kept.exit_code, 3);
  EXPECT_EQ(Slurp(dir_ / "there.pdf"), "kept");
}

}  // namespace
}  // namespace oplex
