// Month grids in text exports that kept their marks (data/fixtures/marked-grid-plan.md, a
// Markdown plan written by hand with X, ✓, ● and monthly numbers): marks become months, an
// unmarked row of a marked grid is "no months", a table with no month header leaves them
// unknown.
#include "extractors/month_grid.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extractors/activity_table.h"
#include "extractors/rules.h"
#include "pipeline/sha256.h"
#include "tools/run/document_pipeline.h"

namespace oplex {
namespace {

Extraction Fixture() {
  auto pipeline = DocumentPipeline::Load(OPLEX_DEFAULT_DATA_DIR);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  const std::string path = std::string(OPLEX_DEFAULT_DATA_DIR) + "/fixtures/marked-grid-plan.md";
  std::ifstream in(path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto e = pipeline->Process(path, bytes.str(), Sha256Hex(bytes.str()));
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return std::move(*e);
}

MonthMask Months(const Extraction& e, const std::string& code) {
  for (const Activity& a : e.activities) {
    if (a.code == code) return a.months;
  }
  ADD_FAILURE() << "no activity " << code;
  return MonthMask::Unknown();
}

uint16_t Bits(std::initializer_list<int> months) {
  uint16_t bits = 0;
  for (int m : months) bits |= 1u << (m - 1);
  return bits;
}

TEST(MonthGridText, MarksBecomeMonths) {
  const Extraction e = Fixture();
  ASSERT_EQ(e.activities.size(), 6u);
  EXPECT_EQ(Months(e, "1.1").bits(), Bits({1, 2}));      // X X
  EXPECT_EQ(Months(e, "1.2").bits(), Bits({3, 4, 12}));  // ✓ ✓ … ✓
  EXPECT_EQ(Months(e, "1.4").bits(), 0x0FFF);            // 1 in every month
  EXPECT_EQ(Months(e, "1.5").bits(), Bits({1, 12}));     // ● then zeros then ●
  for (const char* code : {"1.1", "1.2", "1.4", "1.5"}) EXPECT_TRUE(Months(e, code).known());
}

// Ticks and crosses of other fonts: the radical sign Word offers as a tick, a ticked box, a
// cross.
TEST(MonthMarks, TicksAndCrossesOfOtherFonts) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  for (const char* mark : {"√", "☑", "✅", "✗", "✘", "▪", "◆"}) {
    EXPECT_TRUE(rules->IsMark(mark)) << mark;
  }
}

// How OCR reads X marks on a photographed page (ags-2023-x-page9-photo.png, cells checked by
// hand): "MX", "XM", "MM", "M" and "y" are blurred X's.
TEST(MonthMarks, BlurredXsAsOcrReadsThem) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  for (const char* mark : {"x", "xx", "mx", "xm", "mm", "m", "y", "✓", "x x"}) {
    EXPECT_TRUE(rules->IsMark(mark)) << mark;
  }
  for (const char* text : {"e", "ene", "s/c", "-", "0"}) EXPECT_FALSE(rules->IsMark(text)) << text;
}

// Spreadsheets label month columns with their year, formatted as dates: "ene-23", "Ene 2023",
// "Enero/2023", "01/2023" (folded here), the year broken over a narrow cell's lines ("jul-2" over
// "5", as reportlab set 7-point bold in 30-point columns). Each names its month; a month written as
// a number takes a year of four digits and a separator, so a code or a count ("1-23", "012023") is
// none.
TEST(MonthTokens, AMonthWithItsYearNamesTheMonth) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const struct {
    const char* token;
    int month;
    int year;
  } dated[] = {{"ene-23", 1, 2023},  {"ene 2023", 1, 2023},   {"enero/2023", 1, 2023},
               {"01/2023", 1, 2023}, {"sept. 2024", 9, 2024}, {"dic.23", 12, 2023},
               {"ene2023", 1, 2023}, {"jul-2 5", 7, 2025},  // the year broken in a narrow cell
               {"may -25", 5, 2025}};
  for (const auto& d : dated) {
    EXPECT_EQ(rules->MonthsOf(d.token), std::vector<int>{d.month}) << d.token;
    EXPECT_EQ(rules->YearOfMonth(d.token), d.year) << d.token;
  }
  EXPECT_EQ(rules->MonthsOf("mayo"), std::vector<int>{5});
  EXPECT_EQ(rules->YearOfMonth("mayo"), std::nullopt);
  // OCR lost the year's figure on the cell's second line ("ene-2" for "ene-25" on the 200 dpi
  // scan of the layout): the month, its year unknown.
  EXPECT_EQ(rules->MonthsOf("ene-2"), std::vector<int>{1});
  EXPECT_EQ(rules->YearOfMonth("ene-2"), std::nullopt);
  for (const char* none :
       {"1-23", "012023", "1 23", "2023", "mayor 2023", "x 2023", "1-2", "x-2"}) {
    EXPECT_TRUE(rules->MonthsOf(none).empty()) << none;
    EXPECT_EQ(rules->YearOfMonth(none), std::nullopt) << none;
  }
}

// Month names set in 6-point bold in 36-point columns (a reportlab layout): the header cells
// read "Septiem bre", "Noviem bre", "Diciemb re" as the lines broke them (checked on the page).
// Each names its month; letters that spell only an abbreviation or a letter together do not.
TEST(MonthTokens, AMonthsNameBrokenAcrossTheLinesOfItsCell) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->MonthsOf("septiem bre"), std::vector<int>{9});
  EXPECT_EQ(rules->MonthsOf("noviem bre"), std::vector<int>{11});
  EXPECT_EQ(rules->MonthsOf("diciemb re"), std::vector<int>{12});
  for (const char* none : {"e ne", "m a", "meta anual", "d e"}) {
    EXPECT_TRUE(rules->MonthsOf(none).empty()) << none;
  }
}

// A header row as OCR read it on a page: `texts` in cells `width` points wide, side by side.
Row HeaderAsRead(const std::vector<std::string>& texts, double width) {
  Row row;
  double x = 30;
  for (const std::string& text : texts) {
    Cell c{text};
    c.bbox = BBox{x, 100, x + width, 112};
    x += width;
    row.cells.push_back(std::move(c));
  }
  return row;
}

// The month header of a reportlab plan (ENE … DIC, bold 8 points in 22-point columns) scanned
// at 200 dpi, as OCR read it: nine initials in place, "y" for JUL, "E" for SEP, "[0]" for OCT.
// Before, more than one misread cell made it no header, and its one-letter "marks" ("y", "M")
// ended the header band: the table's six activities were not read.
TEST(MonthTokens, NineInitialsInPlaceNameTheMonthsWhateverOcrMadeOfTheOthers) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const std::vector<std::string> read = {"NO.",     "ACTIVIDADES", "AREA RESPONSABLE",
                                         "PERIODO", "E",           "F",
                                         "M",       "A",           "M",
                                         "J A",     "y",           "A",
                                         "E",       "[0]",         "N",
                                         "DI"};
  Row row = HeaderAsRead(read, 22);
  const std::optional<MonthColumns> months = FindMonthColumns(row, *rules);
  ASSERT_TRUE(months.has_value());
  EXPECT_EQ(months->front(), (std::pair<size_t, size_t>{4, 4}));
  EXPECT_EQ(months->back(), (std::pair<size_t, size_t>{15, 15}));
  // Eight in place are not enough.
  row.cells[15].text = "0";
  EXPECT_FALSE(FindMonthColumns(row, *rules).has_value());
  // Months numbered 1 to 12, as OCR read them on a reportlab plan scanned at 200 dpi: "3" for 8.
  // Before, the header read as two rows of six (1 to 6), and July to December were lost.
  const std::vector<std::string> numbered = {"Núm.", "Actividad", "Unidad de medida",
                                             "Meta", "1",         "2",
                                             "3",    "4",         "5",
                                             "6",    "7",         "3",
                                             "9",    "10",        "11",
                                             "12"};
  for (size_t c = 0; c < numbered.size(); ++c) row.cells[c].text = numbered[c];
  const std::optional<MonthColumns> by_number = FindMonthColumns(row, *rules);
  ASSERT_TRUE(by_number.has_value());
  EXPECT_EQ(by_number->front(), (std::pair<size_t, size_t>{4, 4}));
  EXPECT_EQ(by_number->back(), (std::pair<size_t, size_t>{15, 15}));
  // Month names in 6-point bold, broken over two lines in their cells, the same plan scanned:
  // OCR lost the "bre" of "Septiem" and split the others.
  const std::vector<std::string> names = {
      "",     "",      "",      "Actividades", "Enero",   "Febrero", "Marzo",       "Abril",
      "Mayo", "Junio", "Julio", "Agosto",      "Septiem", "Octubre", "Noviem br e", "Diciemb re"};
  for (size_t c = 0; c < names.size(); ++c) row.cells[c].text = names[c];
  const std::optional<MonthColumns> by_name = FindMonthColumns(row, *rules);
  ASSERT_TRUE(by_name.has_value());
  EXPECT_EQ(by_name->front(), (std::pair<size_t, size_t>{4, 4}));
}

// The header of a reportlab plan (light grey rules) scanned at 200 dpi 0.6 degrees askew and
// blurred, as OCR read it: the rules' dashes read as "Ú" and "|" beside the months' names, and
// "pie" for "Dic". Before, four cells too long for an initial made it no header, and the eight
// activities' X marks were read as no months.
TEST(MonthTokens, MonthNamesBesideStrokesOcrReadAsWordsNameTheirMonths) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const std::vector<std::string> read = {"P No.", "Actividad", "Ene",     "Feb Ú", "Mar Ú",
                                         "Abr",   "May",       "Jun",     "Jul",   "Ago",
                                         "Sep",   "Oct",       "Ú Nov Ú", "pie |"};
  Row row = HeaderAsRead(read, 30);
  const std::optional<MonthColumns> months = FindMonthColumns(row, *rules);
  ASSERT_TRUE(months.has_value());
  EXPECT_EQ(months->front(), (std::pair<size_t, size_t>{2, 2}));
  EXPECT_EQ(months->back(), (std::pair<size_t, size_t>{13, 13}));
  // A stroke beside a word that names no month is no name: "Ú Meta" over January.
  row.cells[2].text = "Ú Meta";
  EXPECT_FALSE(FindMonthColumns(row, *rules).has_value());
}

Row CellsOf(std::vector<std::string> texts, int page) {
  Row row;
  for (std::string& t : texts) row.cells.push_back(Cell{std::move(t)});
  row.page = page;
  return row;
}

// A table going on over a page: the header and its month letters repeated at the top of the
// next page, under the activity the last page ended with (as on ags-2023-x-pages7-8.tif). The
// month letters, "M" among them, are a header, not marks of that activity.
TEST(MonthMarks, MonthLettersRepeatedOnANewPageAreNoMarks) {
  auto rules = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
  auto vocab = Vocabulary::Load(OPLEX_DEFAULT_DATA_DIR);
  ASSERT_TRUE(rules.ok() && vocab.ok());
  const auto page = [](int number, const std::string& activity) {
    Block table;
    table.kind = BlockKind::kTable;
    table.rows.push_back(CellsOf(
        {"ACTIVIDAD", "CALENDARIO 2023", "", "", "", "", "", "", "", "", "", "", "", "ENTREGABLES"},
        number));
    table.rows.push_back(
        CellsOf({"", "E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D", ""}, number));
    table.rows.push_back(CellsOf(
        {activity, "", "", "", "", "", "", "", "", "", "X", "X", "", "Proyectos."}, number));
    return table;
  };
  Extraction e;
  WalkActivityTables({page(1, "1.15 Elaborar los proyectos de resoluciones."),
                      page(2, "1.16 Realizar las notificaciones.")},
                     {}, {}, *rules, *vocab, &e);
  EXPECT_EQ(Months(e, "1.15").bits(), Bits({10, 11}));
  EXPECT_EQ(Months(e, "1.16").bits(), Bits({10, 11}));
}

TEST(MonthGridText, UnmarkedRowOfAMarkedGridHasNoMonths) {
  const MonthMask m = Months(Fixture(), "1.3");
  EXPECT_TRUE(m.known());
  EXPECT_EQ(m.bits(), 0);
}

TEST(MonthGridText, TableWithoutMonthHeaderLeavesMonthsUnknown) {
  EXPECT_FALSE(Months(Fixture(), "1.6").known());
}

TEST(MonthGridText, DeliverablesAndSectionsOfAPipeTable) {
  const Extraction e = Fixture();
  ASSERT_EQ(e.deliverables.size(), 3u);
  EXPECT_EQ(e.deliverables[0].text, "Actas de instalación.");
  EXPECT_EQ(e.activities[*e.deliverables[0].activity].code, "1.1");
  EXPECT_EQ(e.sections[*e.activities[5].section].title, "UNIDAD DE INFORMÁTICA");
  EXPECT_EQ(e.document.year, 2025);
}

}  // namespace
}  // namespace oplex
