// Tests of the text decoder. The sample expectations were read off the files by hand (grep -n,
// cat -A, awk -F'\t'), not copied from the decoder's output.
#include "pipeline/decode/text_decoder.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace oplex {
namespace {

using text_decode::CellText;
using text_decode::CleanCell;

const std::filesystem::path kSamples = OPLEX_SAMPLES_DIR;

const DecodedDocument& Ags() {
  static const Result<DecodedDocument> doc =
      DecodeTextFile(kSamples / "ags-iee-plan-anual-2023.txt");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.value();
}

const DecodedDocument& Ieem() {
  static const Result<DecodedDocument> doc =
      DecodeTextFile(kSamples / "mex-ieem-programa-anual-2024.txt");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.value();
}

// The decoded line with this physical number, or nullptr when the line produced none.
const SourceLine* FindLine(const DecodedDocument& doc, int number) {
  for (const SourceLine& line : doc.lines) {
    if (line.number == number) return &line;
  }
  return nullptr;
}

std::vector<std::string> Items(const std::string& cell) {
  std::vector<std::string> items;
  std::istringstream in(cell);
  for (std::string item; std::getline(in, item, '\n');) items.push_back(item);
  return items;
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Physical line `number` (1-based) of a file with "\n" line ends.
std::string RawLineOf(const std::filesystem::path& path, int number) {
  std::istringstream in(ReadBytes(path));
  std::string line;
  for (int i = 0; i < number; ++i) std::getline(in, line, '\n');
  return line;
}

// `utf8` re-encoded with ICU into `encoding`.
std::string Encode(const char* encoding, std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), int32_t(out.size()), utf8.data(),
                                 int32_t(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(U_SUCCESS(status) ? size_t(n) : 0);
  return out;
}

std::filesystem::path WriteTemp(const std::string& name, std::string_view bytes) {
  const std::filesystem::path path = std::filesystem::path(testing::TempDir()) / name;
  std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
  return path;
}

// --- The AGS plan: page marks, HTML cells, deliverable lists -------------------------------

TEST(TextDecoderAgsTest, CountsPagesFromBulletSeparators) {
  const DecodedDocument& doc = Ags();
  EXPECT_EQ(doc.source_format, "text");
  EXPECT_EQ(doc.detected_encoding, "UTF-8");
  // grep -c '^• • •$' gives 20 separators.
  EXPECT_EQ(doc.page_count, 21);
  // Lines 1-2 are blank and line 3 is the first separator: page 1 holds no text.
  EXPECT_EQ(FindLine(doc, 3), nullptr);
  ASSERT_NE(FindLine(doc, 5), nullptr);
  EXPECT_EQ(FindLine(doc, 5)->cells, std::vector<std::string>{"Plan Anual de Trabajo 2023"});
  EXPECT_EQ(FindLine(doc, 5)->page, 2);
  // Separators at lines 3 7 42 58 76 96 112 130 147 165 190 203 | 230 | ... 497.
  for (const auto& [number, page] : {std::pair{225, 13}, {242, 14}, {543, 21}}) {
    const SourceLine* line = FindLine(doc, number);
    ASSERT_NE(line, nullptr) << number;
    EXPECT_EQ(line->page, page) << number;
  }
  for (const SourceLine& line : doc.lines) EXPECT_TRUE(line.page.has_value()) << line.number;
}

TEST(TextDecoderAgsTest, SkipsBlankAndWhitespaceLines) {
  const DecodedDocument& doc = Ags();
  EXPECT_EQ(FindLine(doc, 1), nullptr);
  EXPECT_EQ(FindLine(doc, 509), nullptr);  // a single space
  EXPECT_EQ(FindLine(doc, 544), nullptr);
  const SourceLine* heading = FindLine(doc, 11);
  ASSERT_NE(heading, nullptr);
  EXPECT_FALSE(heading->tabular);
  EXPECT_FALSE(heading->list);
  EXPECT_EQ(heading->cells, std::vector<std::string>{"1. EL PLAN ANUAL DE TRABAJO (PAT)"});
}

TEST(TextDecoderAgsTest, MonthHeaderKeepsCellPositions) {
  const SourceLine* header = FindLine(Ags(), 224);
  ASSERT_NE(header, nullptr);
  EXPECT_TRUE(header->tabular);
  // "\tE\tF\tM\tA\tM\tJ\tJ\tA\tS\tO\tN\tD\t\t": the two trailing empty cells go.
  const std::vector<std::string> expected = {"",  "E", "F", "M", "A", "M", "J",
                                             "J", "A", "S", "O", "N", "D"};
  EXPECT_EQ(header->cells, expected);
}

TEST(TextDecoderAgsTest, HtmlRowBecomesPlainTextAndDeliverableItems) {
  const SourceLine* row = FindLine(Ags(), 245);
  ASSERT_NE(row, nullptr);
  EXPECT_TRUE(row->tabular);
  EXPECT_TRUE(row->list);
  ASSERT_EQ(row->cells.size(), 3u);
  EXPECT_EQ(row->cells[0],
            "1.12 Recibir y dar trámite a los recursos y denuncias que presenten los partidos "
            "políticos, así como atender los procedimientos jurídicos y contenciosos en los que el "
            "Instituto sea parte.");
  EXPECT_EQ(row->cells[1], "");
  EXPECT_EQ(row->cells[2],
            "Informe de la suscripción y/o ratificación de instrumentos jurídicos.\n"
            "Informe de la sustanciación de asuntos en donde el Instituto sea parte.");
}

TEST(TextDecoderAgsTest, BulletedDeliverablesSplitIntoItems) {
  const SourceLine* row = FindLine(Ags(), 225);
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->cells.size(), 15u);  // awk -F'\t': 15 fields, the 15th is the <ul>
  EXPECT_EQ(row->cells[0],
            "1.1 Dar trámite y atención a los requerimientos de las distintas áreas del Instituto "
            "que lo soliciten.");
  for (int i = 1; i < 14; ++i) EXPECT_EQ(row->cells[i], "") << i;
  const std::vector<std::string> items = Items(row->cells[14]);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0], "Informe de actividades sobre requerimientos a la presidencia.");
  EXPECT_EQ(items[3],
            "Folios de Actividad en el Sistema de Vinculación con los Organismos Públicos Locales "
            "Electorales.");

  // Line 322 has seven bullets; the second item has no final period in the source.
  const SourceLine* bullets = FindLine(Ags(), 322);
  ASSERT_NE(bullets, nullptr);
  const std::vector<std::string> seven = Items(bullets->cells.back());
  ASSERT_EQ(seven.size(), 7u);
  EXPECT_EQ(seven[1], "Informe de actividades en materia de educación cívica");
  EXPECT_EQ(seven[6], "Anteproyecto de Tik Tok.");
}

TEST(TextDecoderAgsTest, UlOfPlainSentencesSplitsAtSentenceEnds) {
  const SourceLine* row = FindLine(Ags(), 242);
  ASSERT_NE(row, nullptr);
  EXPECT_TRUE(row->list);
  ASSERT_EQ(row->cells.size(), 26u);
  EXPECT_EQ(row->cells[0],
            "1.10 Elaborar la documentación, declaración de quórum y acta correspondiente de las "
            "sesiones.");
  EXPECT_EQ(Items(row->cells[25]),
            (std::vector<std::string>{
                "Informe de la realización de sesiones del Consejo General.",
                "Informe de la realización de sesiones de la Junta Estatal Ejecutiva."}));

  const SourceLine* sentences = FindLine(Ags(), 437);
  ASSERT_NE(sentences, nullptr);
  const std::vector<std::string> five = Items(sentences->cells.back());
  ASSERT_EQ(five.size(), 5u);
  EXPECT_EQ(five[1],
            "Presentación mensual de informe sobre encuestas electorales al Consejo General.");
  EXPECT_EQ(five[4], "Acuerdos y Resoluciones.");
}

TEST(TextDecoderAgsTest, NoMarkupSurvives) {
  for (const SourceLine& line : Ags().lines) {
    for (const std::string& cell : line.cells) {
      EXPECT_EQ(cell.find("<p>"), std::string::npos) << line.number;
      EXPECT_EQ(cell.find("</p>"), std::string::npos) << line.number;
      EXPECT_EQ(cell.find("<ul"), std::string::npos) << line.number;
      EXPECT_EQ(cell.find("•"), std::string::npos) << line.number;
    }
  }
}

// --- The IEEM programme: activity rows with a month grid ------------------------------------

TEST(TextDecoderIeemTest, ActivityRowSplitsIntoCells) {
  const DecodedDocument& doc = Ieem();
  EXPECT_FALSE(doc.page_count.has_value());
  for (const SourceLine& line : doc.lines) EXPECT_FALSE(line.page.has_value());

  const SourceLine* activity = FindLine(doc, 208);
  ASSERT_NE(activity, nullptr);
  EXPECT_TRUE(activity->tabular);
  EXPECT_FALSE(activity->list);
  // cat -A: "010101^I<text>^I" + 11 x "^I" + "Solicitud^I$".
  ASSERT_EQ(activity->cells.size(), 14u);
  EXPECT_EQ(activity->cells[0], "010101");
  EXPECT_EQ(activity->cells[1],
            "Atender solicitudes de las áreas institucionales y de autoridades externas, para el "
            "adecuado desarrollo de las actividades institucionales.");
  for (int i = 2; i <= 12; ++i) EXPECT_EQ(activity->cells[i], "") << i;
  EXPECT_EQ(activity->cells[13], "Solicitud");

  const SourceLine* months = FindLine(doc, 209);
  ASSERT_NE(months, nullptr);
  const std::vector<std::string> expected = {
      "",
      "4,060",
      "260",
      "330",
      "580",
      "600",
      "600",
      "400",
      "180",
      "200",
      "250",
      "360",
      "180",
      "120 Áreas administrativas del IEEM, INE, Fiscalías, Tribunales.",
      "13,1,S/C, S/C"};
  EXPECT_EQ(months->cells, expected);
}

// --- Encodings --------------------------------------------------------------------------------

TEST(TextDecoderEncodingTest, StripsUtf8ByteOrderMark) {
  Result<DecodedDocument> doc =
      DecodeText("\xEF\xBB\xBFPrograma Anual de Actividades 2024\n", "bom");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->detected_encoding, "UTF-8");
  ASSERT_EQ(doc->lines.size(), 1u);
  EXPECT_EQ(doc->lines[0].number, 1);
  EXPECT_EQ(doc->lines[0].cells, std::vector<std::string>{"Programa Anual de Actividades 2024"});
}

TEST(TextDecoderEncodingTest, Latin1CopyOfSampleLineDecodesToTheSameText) {
  const std::filesystem::path ieem = kSamples / "mex-ieem-programa-anual-2024.txt";
  const std::string utf8 = RawLineOf(ieem, 157);
  ASSERT_EQ(utf8.rfind("02\tDirección Jurídico Consultiva\t", 0), 0u);  // the expected line
  const std::string latin1 = Encode("ISO-8859-1", utf8);
  ASSERT_NE(latin1, utf8);

  Result<DecodedDocument> doc = DecodeText(latin1, "latin1.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(doc->detected_encoding == "ISO-8859-1" || doc->detected_encoding == "windows-1252")
      << doc->detected_encoding;
  ASSERT_EQ(doc->lines.size(), 1u);
  const SourceLine* original = FindLine(Ieem(), 157);
  ASSERT_NE(original, nullptr);
  EXPECT_EQ(doc->lines[0].cells, original->cells);
  EXPECT_EQ(doc->lines[0].cells[1], "Dirección Jurídico Consultiva");
}

TEST(TextDecoderEncodingTest, ShortLatin1AndWindows1252Text) {
  Result<DecodedDocument> latin1 = DecodeText(
      "Direcci\xF3n Jur\xED"
      "dico Consultiva",
      "short");
  ASSERT_TRUE(latin1.ok()) << latin1.status().ToString();
  EXPECT_EQ(latin1->lines[0].cells[0], "Dirección Jurídico Consultiva");

  // 0x93/0x94 are curly quotes only in windows-1252.
  Result<DecodedDocument> cp1252 = DecodeText(
      "Peri\xF3"
      "dico Oficial \x93Gaceta del Gobierno\x94",
      "quotes");
  ASSERT_TRUE(cp1252.ok()) << cp1252.status().ToString();
  EXPECT_EQ(cp1252->detected_encoding, "windows-1252");
  EXPECT_EQ(cp1252->lines[0].cells[0], "Periódico Oficial “Gaceta del Gobierno”");
}

TEST(TextDecoderEncodingTest, OtherEncodingsAreRejectedNotGarbled) {
  const std::pair<const char*, const char*> cases[] = {
      {"Shift_JIS", "選挙管理委員会は年間の活動計画を承認しました。"},
      {"windows-1251", "Центральная избирательная комиссия утвердила план работы на год."},
  };
  for (const auto& [encoding, text] : cases) {
    Result<DecodedDocument> doc = DecodeText(Encode(encoding, text), "foreign.txt");
    EXPECT_EQ(doc.status().code(), Status::Code::kInvalidInput) << encoding;
    EXPECT_NE(doc.status().message().find(encoding), std::string::npos) << doc.status().message();
    EXPECT_NE(doc.status().message().find("foreign.txt"), std::string::npos);
  }
}

TEST(TextDecoderEncodingTest, Utf16WithByteOrderMark) {
  using namespace std::string_view_literals;
  Result<DecodedDocument> le = DecodeText(
      "\xFF\xFE"
      "A\0\xF1\0o\0\n\0"sv,
      "le");
  ASSERT_TRUE(le.ok()) << le.status().ToString();
  EXPECT_EQ(le->detected_encoding, "UTF-16LE");
  EXPECT_EQ(le->lines[0].cells[0], "Año");

  Result<DecodedDocument> odd = DecodeText("\xFE\xFF\0A\0"sv, "odd");
  EXPECT_EQ(odd.status().code(), Status::Code::kCorruption);
}

TEST(TextDecoderEncodingTest, ByteOrderMarkContradictedByBytesIsCorruption) {
  Result<DecodedDocument> doc = DecodeText(
      "\xEF\xBB\xBF"
      "Direcci\xF3n",
      "mixed.txt");
  EXPECT_EQ(doc.status().code(), Status::Code::kCorruption);
  EXPECT_NE(doc.status().message().find("mixed.txt"), std::string::npos);
}

TEST(TextDecoderEncodingTest, Utf8WithStrayBytesKeepsItsReadingAndSaysWhere) {
  Result<DecodedDocument> doc = DecodeText(
      "Direcci\xC3\xB3n Jur\xC3\xAD"
      "dica\r\nOrganizaci\xC3\xB3n \xFF\xFE Electoral\nA\xC3\xB1o \xED\xA0\x80 fin\n",
      "stray.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->detected_encoding, "UTF-8");
  ASSERT_EQ(doc->lines.size(), 3u);
  EXPECT_EQ(doc->lines[0].cells[0], "Dirección Jurídica");
  EXPECT_EQ(doc->lines[1].cells[0], "Organización \uFFFD\uFFFD Electoral");
  EXPECT_EQ(doc->lines[2].cells[0], "Año \uFFFD fin");
  ASSERT_EQ(doc->replaced.size(), 2u);
  EXPECT_EQ(doc->replaced[0].line, 2);
  EXPECT_EQ(doc->replaced[0].offset, 36u);
  EXPECT_EQ(doc->replaced[0].what, "bytes 0xFF 0xFE are not UTF-8");
  EXPECT_EQ(doc->replaced[1].line, 3);
  EXPECT_EQ(doc->replaced[1].what,
            "bytes 0xED 0xA0 0x80 encode the UTF-16 surrogate U+D800 (CESU-8), which is not UTF-8");
}

TEST(TextDecoderEncodingTest, ALongRunOfStrayBytesIsOneNote) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Organizaci\xC3\xB3n ";
  text += "\n" + std::string(10000, '\xFF') + "\n";
  Result<DecodedDocument> doc = DecodeText(text, "run.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->replaced.size(), 1u);
  EXPECT_EQ(doc->replaced[0].line, 2);
  EXPECT_EQ(doc->replaced[0].what,
            "bytes 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF ... (10000 bytes) are not UTF-8");
}

TEST(TextDecoderEncodingTest, Latin1IsNotMistakenForUtf8WithStrayBytes) {
  // One well-formed pair by chance ("\xC3\xB3" is "Ã³" in Latin-1) among many lone accents.
  Result<DecodedDocument> doc = DecodeText(
      "Direcci\xF3n Jur\xED"
      "dica y Organizaci\xF3n \xC3\xB3 Electoral\n",
      "latin1.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->detected_encoding, "UTF-8");
  EXPECT_TRUE(doc->replaced.empty());
  EXPECT_EQ(doc->lines[0].cells[0].rfind("Dirección Jurídica y Organización", 0), 0u);
}

TEST(TextDecoderEncodingTest, NormalizesToNfc) {
  Result<DecodedDocument> doc = DecodeText("Informacio\xCC\x81n\n", "nfd");  // o + U+0301
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->lines[0].cells[0], "Información");
}

// --- Rejections ---------------------------------------------------------------------------

struct Rejection {
  const char* file;
  std::string bytes;
  const char* reason;
};

TEST(TextDecoderRejectTest, BadFilesGiveInvalidInputNamingTheFile) {
  using namespace std::string_literals;
  const Rejection cases[] = {
      {"empty.txt", "", "empty file"},
      {"blank.txt", " \n\t\t\n  \r\n\xC2\xA0\n", "only whitespace"},
      {"nul.bin", "ab\0\x01\x02\xFF\xFE\x00zz"s, "NUL bytes"},
      {"image.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"s, "PNG image"},
      {"signature.png", "\x89PNG\r\n\x1a\n", "PNG image"},
      {"plan.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF document"},
      {"controls.bin", "\x01\x02\x03\x04\x05\x06\x07\x08 abc", "control characters"},
      {"marks.txt", "• • •\n\n• • •\n|---|---|\n<p></p>\n", "contains no text"},
  };
  for (const Rejection& c : cases) {
    const std::filesystem::path path = WriteTemp(c.file, c.bytes);
    Result<DecodedDocument> doc = DecodeTextFile(path);
    EXPECT_EQ(doc.status().code(), Status::Code::kInvalidInput) << c.file;
    EXPECT_NE(doc.status().message().find(path.string()), std::string::npos)
        << doc.status().message();
    EXPECT_NE(doc.status().message().find(c.reason), std::string::npos) << doc.status().message();
  }
}

TEST(TextDecoderRejectTest, MissingFileAndDirectoryAreIoErrors) {
  const std::filesystem::path missing = kSamples / "no-such-plan.txt";
  Result<DecodedDocument> doc = DecodeTextFile(missing);
  EXPECT_EQ(doc.status().code(), Status::Code::kIoError);
  EXPECT_NE(doc.status().message().find(missing.string()), std::string::npos);
  EXPECT_NE(doc.status().message().find("No such file or directory"), std::string::npos)
      << doc.status().message();

  Result<DecodedDocument> dir = DecodeTextFile(kSamples);
  EXPECT_EQ(dir.status().code(), Status::Code::kIoError);
  EXPECT_NE(dir.status().message().find("directory"), std::string::npos);
}

// --- Lines and cells ----------------------------------------------------------------------

TEST(TextDecoderLinesTest, CrLfAndLoneCrEndLines) {
  Result<DecodedDocument> doc = DecodeText("uno\r\ndos\tx\r\n\r\ntres\rcuatro", "crlf");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->lines.size(), 4u);
  EXPECT_EQ(doc->lines[0].number, 1);
  EXPECT_EQ(doc->lines[1].number, 2);
  EXPECT_EQ(doc->lines[1].cells, (std::vector<std::string>{"dos", "x"}));
  EXPECT_EQ(doc->lines[2].number, 4);
  EXPECT_EQ(doc->lines[2].cells[0], "tres");
  EXPECT_EQ(doc->lines[3].number, 5);
  EXPECT_EQ(doc->lines[3].cells[0], "cuatro");
}

TEST(TextDecoderLinesTest, PipeTableWithRuleRow) {
  Result<DecodedDocument> doc = DecodeText(
      "| Clave | Actividad |\n|---|:--:|\n| 010101 | Atender \\| solicitudes |\n|  | **S/C** |\n",
      "pipes");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->lines.size(), 3u);
  EXPECT_EQ(doc->lines[0].number, 1);
  EXPECT_TRUE(doc->lines[0].tabular);
  EXPECT_EQ(doc->lines[0].cells, (std::vector<std::string>{"Clave", "Actividad"}));
  EXPECT_EQ(doc->lines[1].number, 3);
  EXPECT_EQ(doc->lines[1].cells, (std::vector<std::string>{"010101", "Atender | solicitudes"}));
  EXPECT_EQ(doc->lines[2].cells, (std::vector<std::string>{"", "S/C"}));
}

TEST(TextDecoderLinesTest, PageSeparatorTolerance) {
  EXPECT_TRUE(text_decode::IsPageSeparator("• • •"));
  EXPECT_TRUE(text_decode::IsPageSeparator("  •  •\xC2\xA0• \t"));
  EXPECT_FALSE(text_decode::IsPageSeparator("• •"));
  EXPECT_FALSE(text_decode::IsPageSeparator("• • • Informe"));
  EXPECT_TRUE(text_decode::IsMarkdownRuleRow("| --- | :---: | ---: |"));
  EXPECT_FALSE(text_decode::IsMarkdownRuleRow("-----\t--"));
  EXPECT_FALSE(text_decode::IsMarkdownRuleRow("| - | a |"));
}

TEST(TextDecoderCellTest, HtmlListsEntitiesAndWhitespace) {
  CellText li = CleanCell("<ul><li>Uno &amp; dos</li>\n<li>Tres&nbsp;&nbsp;cuatro</li></ul>");
  EXPECT_TRUE(li.list);
  EXPECT_EQ(li.text, "Uno & dos\nTres cuatro");

  // <li> items are not cut again at bullets or sentences; a leading bullet goes.
  CellText kept = CleanCell("<ol><li>• Actas. Minutas</li><li>a&#10;b</li></ol>");
  EXPECT_EQ(kept.text, "Actas. Minutas\na b");

  EXPECT_EQ(CleanCell("<p>Texto</p><p>otro</p><br/>fin").text, "Texto otro fin");
  EXPECT_EQ(CleanCell("Informe <b>anual</b>.").text, "Informe anual.");
  EXPECT_EQ(CleanCell("a < b y c > d, <5%").text, "a < b y c > d, <5%");
  EXPECT_EQ(CleanCell("&#243;&#xF3; &unknown; AT&T").text, "óó &unknown; AT&T");
  EXPECT_EQ(CleanCell("  a \xC2\xA0  b\x1a ").text, "a b");
  EXPECT_EQ(CleanCell("<!-- nota --> x").text, "x");
}

TEST(TextDecoderCellTest, BulletsEmphasisAndVerbatimText) {
  CellText bullets = CleanCell("• Expedientes. ● Acuerdos y Resoluciones. ▪ - Convenios.");
  EXPECT_TRUE(bullets.list);
  EXPECT_EQ(bullets.text, "Expedientes.\nAcuerdos y Resoluciones.\nConvenios.");

  CellText dash = CleanCell("- I. Contribuir al desarrollo de la vida democrática;");
  EXPECT_FALSE(dash.list);
  EXPECT_EQ(dash.text, "- I. Contribuir al desarrollo de la vida democrática;");

  EXPECT_EQ(CleanCell("**Secretario Técnico**").text, "Secretario Técnico");
  EXPECT_EQ(CleanCell("**CG-A-27/23** y **CG-A-28/23**").text, "**CG-A-27/23** y **CG-A-28/23**");
  EXPECT_FALSE(CleanCell("<ul></ul>").list);
}

// --- Robustness ---------------------------------------------------------------------------

TEST(TextDecoderRobustnessTest, ArbitraryBytesNeverCrash) {
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    Result<DecodedDocument> doc = DecodeText(one, "byte");
    if (doc.ok()) {
      EXPECT_FALSE(doc->lines.empty());
    } else {
      EXPECT_NE(doc.status().message().find("byte"), std::string::npos);
    }
  }
  std::mt19937 random(20240319);
  for (int round = 0; round < 300; ++round) {
    std::string bytes(random() % 5000, '\0');
    const bool no_nul = round % 2 == 0;
    for (char& c : bytes) {
      c = static_cast<char>(random() % 256);
      if (no_nul && c == '\0') c = 'x';
    }
    Result<DecodedDocument> doc = DecodeText(bytes, "random");
    if (!doc.ok()) {
      EXPECT_NE(doc.status().code(), Status::Code::kInternal) << doc.status().ToString();
    }
  }
}

TEST(TextDecoderRobustnessTest, HugeSingleLineIsLinear) {
  std::string line;
  while (line.size() < 50'000'000) line += "Informe <b>anual &amp; a < b • ";
  const auto start = std::chrono::steady_clock::now();
  Result<DecodedDocument> doc = DecodeText(line, "huge");
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->lines.size(), 1u);
  EXPECT_FALSE(doc->lines[0].tabular);
  EXPECT_LT(seconds, 30.0);
}

}  // namespace
}  // namespace oplex
