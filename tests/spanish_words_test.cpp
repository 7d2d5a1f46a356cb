// Spanish number words, ordinals, dates and periods (pipeline/normalize/number_words.h,
// pipeline/normalize/spanish_dates.h). The sentences quoted from data/samples are copied verbatim,
// and each expected date was read off the sentence by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/normalize/number_words.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::filesystem::path(OPLEX_SAMPLES_DIR) / name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The ISO dates of the mentions that name one, and "invalid"/"unknown year" for the others.
std::vector<std::string> Dates(const std::vector<DateMention>& mentions) {
  std::vector<std::string> dates;
  for (const DateMention& m : mentions) {
    dates.push_back(m.date ? m.date->Iso() : !m.error.empty() ? "invalid" : "unknown year");
  }
  return dates;
}

std::string Span(const DatePeriod& period) { return period.first.Iso() + ".." + period.last.Iso(); }

// ---------------------------------------------------------------------------------------------
// Cardinals

TEST(SpanishWords, UnitsTeensAndTwentiesInBothGenders) {
  EXPECT_EQ(ParseNumberWords("uno"), 1);
  EXPECT_EQ(ParseNumberWords("un"), 1);
  EXPECT_EQ(ParseNumberWords("una"), 1);
  EXPECT_EQ(ParseNumberWords("dos"), 2);
  EXPECT_EQ(ParseNumberWords("nueve"), 9);
  EXPECT_EQ(ParseNumberWords("diez"), 10);
  EXPECT_EQ(ParseNumberWords("quince"), 15);
  EXPECT_EQ(ParseNumberWords("dieciséis"), 16);
  EXPECT_EQ(ParseNumberWords("veinte"), 20);
  EXPECT_EQ(ParseNumberWords("veintiuno"), 21);
  EXPECT_EQ(ParseNumberWords("veintiún"), 21);
  EXPECT_EQ(ParseNumberWords("veintiuna"), 21);
  EXPECT_EQ(ParseNumberWords("veintidós"), 22);
  EXPECT_EQ(ParseNumberWords("veintitrés"), 23);
  EXPECT_EQ(ParseNumberWords("veintitres"), 23);
  EXPECT_EQ(ParseNumberWords("veintisiete"), 27);
  EXPECT_EQ(ParseNumberWords("cero"), 0);
}

TEST(SpanishWords, TensHundredsThousandsMillions) {
  EXPECT_EQ(ParseNumberWords("treinta"), 30);
  EXPECT_EQ(ParseNumberWords("treinta y uno"), 31);
  EXPECT_EQ(ParseNumberWords("noventa y nueve"), 99);
  EXPECT_EQ(ParseNumberWords("cien"), 100);
  EXPECT_EQ(ParseNumberWords("ciento uno"), 101);
  EXPECT_EQ(ParseNumberWords("ciento veintiuno"), 121);
  EXPECT_EQ(ParseNumberWords("doscientas"), 200);
  EXPECT_EQ(ParseNumberWords("quinientos"), 500);
  EXPECT_EQ(ParseNumberWords("setecientos treinta y dos"), 732);
  EXPECT_EQ(ParseNumberWords("mil"), 1000);
  EXPECT_EQ(ParseNumberWords("mil uno"), 1001);
  EXPECT_EQ(ParseNumberWords("dos mil veintitrés"), 2023);
  EXPECT_EQ(ParseNumberWords("dos mil veintidós"), 2022);
  EXPECT_EQ(ParseNumberWords("mil novecientos noventa y ocho"), 1998);
  EXPECT_EQ(ParseNumberWords("veintiún mil"), 21000);
  EXPECT_EQ(ParseNumberWords("cien mil"), 100000);
  EXPECT_EQ(ParseNumberWords("doscientas mil quinientas"), 200500);
  EXPECT_EQ(ParseNumberWords("novecientos noventa y nueve mil novecientos noventa y nueve"),
            999999);
  EXPECT_EQ(ParseNumberWords("un millón"), 1000000);
  EXPECT_EQ(ParseNumberWords("dos millones trescientos mil"), 2300000);
  EXPECT_EQ(ParseNumberWords("mil millones"), 1000000000);
}

TEST(SpanishWords, CaseAccentsAndSpacesDoNotMatter) {
  EXPECT_EQ(ParseNumberWords("VEINTITRÉS"), 23);
  EXPECT_EQ(ParseNumberWords("Dos Mil Veintitrés"), 2023);
  EXPECT_EQ(ParseNumberWords("  treinta \n y  uno "), 31);
  EXPECT_EQ(ParseNumberWords("UN MILLON"), 1000000);
}

TEST(SpanishWords, DigitsAloneAreAcceptedNotMixedOrGrouped) {
  EXPECT_EQ(ParseNumberWords("27"), 27);
  EXPECT_EQ(ParseNumberWords(" 2023 "), 2023);
  EXPECT_FALSE(ParseNumberWords("1,000"));
  EXPECT_FALSE(ParseNumberWords("27 mil"));
  EXPECT_FALSE(ParseNumberWords("1234567890123456789"));
}

TEST(SpanishWords, MalformedSequencesAreRejected) {
  for (const char* text :
       {"", "veinte veinte", "y dos", "mil mil", "treinta y diez", "veinte y uno", "ciento",
        "cien uno", "un mil", "uno millón", "millón", "dos millón", "treinta y", "dos de",
        "veinte.", "primero", "dos millones tres millones"}) {
    EXPECT_FALSE(ParseNumberWords(text)) << text;
  }
}

TEST(SpanishWords, LongestCardinalAtTheStartOfAPhrase) {
  using Words = std::vector<std::string_view>;
  auto prefix = [](const Words& words) { return ParseNumberWordsPrefix(words); };
  auto thirty_one = prefix({"treinta", "y", "uno", "de", "agosto"});
  ASSERT_TRUE(thirty_one);
  EXPECT_EQ(thirty_one->value, 31);
  EXPECT_EQ(thirty_one->words, 3u);
  auto twenty = prefix({"veinte", "veinte"});
  ASSERT_TRUE(twenty);
  EXPECT_EQ(twenty->value, 20);
  EXPECT_EQ(twenty->words, 1u);
  auto thirty = prefix({"treinta", "y", "diez"});
  ASSERT_TRUE(thirty);
  EXPECT_EQ(thirty->value, 30);
  EXPECT_EQ(thirty->words, 1u);
  auto year = prefix({"dos", "mil", "veintitres", "el", "consejo"});
  ASSERT_TRUE(year);
  EXPECT_EQ(year->value, 2023);
  EXPECT_EQ(year->words, 3u);
  auto one = prefix({"un", "mil"});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->value, 1);
  EXPECT_EQ(one->words, 1u);
  EXPECT_FALSE(prefix({"de", "dos"}));
  EXPECT_FALSE(prefix({"y", "dos"}));
  EXPECT_FALSE(prefix({}));
}

// ---------------------------------------------------------------------------------------------
// Ordinals

TEST(SpanishWords, SimpleOrdinalsInBothGenders) {
  EXPECT_EQ(ParseOrdinalWord("primero"), 1);
  EXPECT_EQ(ParseOrdinalWord("primera"), 1);
  EXPECT_EQ(ParseOrdinalWord("primer"), 1);
  EXPECT_EQ(ParseOrdinalWord("Segundo"), 2);
  EXPECT_EQ(ParseOrdinalWord("segunda"), 2);
  EXPECT_EQ(ParseOrdinalWord("tercer"), 3);
  EXPECT_EQ(ParseOrdinalWord("tercera"), 3);
  EXPECT_EQ(ParseOrdinalWord("cuarto"), 4);
  EXPECT_EQ(ParseOrdinalWord("quinta"), 5);
  EXPECT_EQ(ParseOrdinalWord("sexto"), 6);
  EXPECT_EQ(ParseOrdinalWord("séptima"), 7);
  EXPECT_EQ(ParseOrdinalWord("sétimo"), 7);
  EXPECT_EQ(ParseOrdinalWord("octavo"), 8);
  EXPECT_EQ(ParseOrdinalWord("novena"), 9);
  EXPECT_EQ(ParseOrdinalWord("DÉCIMO"), 10);
  EXPECT_EQ(ParseOrdinalWord("undécima"), 11);
  EXPECT_EQ(ParseOrdinalWord("duodécimo"), 12);
  EXPECT_EQ(ParseOrdinalWord("vigésimo"), 20);
  EXPECT_EQ(ParseOrdinalWord("trigésima"), 30);
  EXPECT_EQ(ParseOrdinalWord("nonagésimo"), 90);
}

TEST(SpanishWords, CompoundOrdinals) {
  EXPECT_EQ(ParseOrdinalWord("vigésima primera"), 21);
  EXPECT_EQ(ParseOrdinalWord("Vigésimo Primero"), 21);
  EXPECT_EQ(ParseOrdinalWord("vigesimoprimera"), 21);
  EXPECT_EQ(ParseOrdinalWord("décima segunda"), 12);
  EXPECT_EQ(ParseOrdinalWord("decimosegunda"), 12);
  EXPECT_EQ(ParseOrdinalWord("decimotercer"), 13);
  EXPECT_EQ(ParseOrdinalWord("décimo primer"), 11);
  EXPECT_EQ(ParseOrdinalWord("trigésimo tercero"), 33);
  EXPECT_EQ(ParseOrdinalWord("nonagésima novena"), 99);
  // Genders that disagree, a feminine joint, units without tens, three words.
  for (const char* text : {"vigésimo primera", "vigésima primero", "vigesimaprimera",
                           "primero segundo", "vigésimo primero segundo", "décimo décimo"}) {
    EXPECT_FALSE(ParseOrdinalWord(text)) << text;
  }
}

TEST(SpanishWords, OrdinalsInFiguresNeedAMark) {
  EXPECT_EQ(ParseOrdinalWord("1°"), 1);
  EXPECT_EQ(ParseOrdinalWord("1º"), 1);
  EXPECT_EQ(ParseOrdinalWord("1ª"), 1);
  EXPECT_EQ(ParseOrdinalWord("1.º"), 1);
  EXPECT_EQ(ParseOrdinalWord("1a"), 1);
  EXPECT_EQ(ParseOrdinalWord("1o"), 1);
  EXPECT_EQ(ParseOrdinalWord("1o."), 1);
  EXPECT_EQ(ParseOrdinalWord("1er"), 1);
  EXPECT_EQ(ParseOrdinalWord("1ro"), 1);
  EXPECT_EQ(ParseOrdinalWord("1era"), 1);
  EXPECT_EQ(ParseOrdinalWord("2do"), 2);
  EXPECT_EQ(ParseOrdinalWord("2da"), 2);
  EXPECT_EQ(ParseOrdinalWord("3er"), 3);
  EXPECT_EQ(ParseOrdinalWord("4to"), 4);
  EXPECT_EQ(ParseOrdinalWord("7mo"), 7);
  EXPECT_EQ(ParseOrdinalWord("8vo"), 8);
  EXPECT_EQ(ParseOrdinalWord("10mo"), 10);
  EXPECT_EQ(ParseOrdinalWord("21a"), 21);
  // Marks that belong to another ordinal, no mark, out of range, not a number.
  for (const char* text :
       {"1", "27", "1do", "2er", "4ro", "0°", "100°", "1.", "1x", "primeros", "", "un"}) {
    EXPECT_FALSE(ParseOrdinalWord(text)) << text;
  }
}

// ---------------------------------------------------------------------------------------------
// The calendar

TEST(SpanishDates, CivilDateIsoValidityAndOrder) {
  EXPECT_EQ((CivilDate{2023, 11, 27}.Iso()), "2023-11-27");
  EXPECT_EQ((CivilDate{2024, 1, 1}.Iso()), "2024-01-01");
  EXPECT_TRUE((CivilDate{2024, 2, 29}.IsValid()));
  EXPECT_FALSE((CivilDate{2023, 2, 29}.IsValid()));
  EXPECT_TRUE((CivilDate{2000, 2, 29}.IsValid()));
  EXPECT_FALSE((CivilDate{1900, 2, 29}.IsValid()));
  EXPECT_FALSE((CivilDate{2023, 4, 31}.IsValid()));
  EXPECT_FALSE((CivilDate{2023, 13, 1}.IsValid()));
  EXPECT_FALSE((CivilDate{2023, 1, 0}.IsValid()));
  EXPECT_FALSE((CivilDate{0, 1, 1}.IsValid()));
  EXPECT_TRUE((CivilDate{2023, 12, 31} < CivilDate{2024, 1, 1}));
  EXPECT_TRUE((CivilDate{2024, 3, 31} == CivilDate{2024, 3, 31}));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
}

// ---------------------------------------------------------------------------------------------
// Dates in running text

TEST(SpanishDates, DayMonthYearInFiguresAndWords) {
  struct Case {
    const char* text;
    const char* iso;
  };
  for (const Case& c : {
           Case{"27 de noviembre de 2023", "2023-11-27"},
           Case{"veintisiete de noviembre de dos mil veintitrés", "2023-11-27"},
           Case{"primero de diciembre del 2023", "2023-12-01"},
           Case{"1° de septiembre de 2023", "2023-09-01"},
           Case{"1o. de enero de 2024", "2024-01-01"},
           Case{"29 de noviembre de 2022", "2022-11-29"},
           Case{"31 de Marzo 2024", "2024-03-31"},
           Case{"4 de Septiembre de 2023", "2023-09-04"},
           Case{"4 de SETIEMBRE de 2023", "2023-09-04"},
           Case{"el 5 de mayo del año 2024", "2024-05-05"},
           Case{"a los treinta y un días del mes de agosto del año dos mil veintitrés",
                "2023-08-31"},
           Case{"el veintiún de marzo de mil novecientos noventa y ocho", "1998-03-21"},
           Case{"14/09/2023", "2023-09-14"},
           Case{"14-09-2023", "2023-09-14"},
           Case{"1/9/2023", "2023-09-01"},
           Case{"2023-09-14", "2023-09-14"},
           Case{"2023/09/14", "2023-09-14"},
       }) {
    std::vector<DateMention> found = FindDates(c.text, std::nullopt);
    ASSERT_EQ(found.size(), 1u) << c.text;
    ASSERT_TRUE(found[0].date) << c.text << ": " << found[0].error;
    EXPECT_EQ(found[0].date->Iso(), c.iso) << c.text;
    EXPECT_EQ(found[0].year_source, YearSource::kWritten) << c.text;
    EXPECT_TRUE(found[0].error.empty()) << c.text;
  }
}

// Spreadsheets print dates with the month's first letters, and often two-digit years.
TEST(SpanishDates, DatesAsSpreadsheetsPrintThem) {
  struct Case {
    const char* text;
    const char* iso;
  };
  for (const Case& c : {
           Case{"01-sep-2023", "2023-09-01"},
           Case{"1-sept-23", "2023-09-01"},
           Case{"15/Ene/2024", "2024-01-15"},
           Case{"30-NOV-98", "1998-11-30"},
           Case{"14/09/23", "2023-09-14"},
           Case{"1/9/24", "2024-09-01"},
       }) {
    std::vector<DateMention> found = FindDates(c.text, std::nullopt);
    ASSERT_EQ(found.size(), 1u) << c.text;
    ASSERT_TRUE(found[0].date) << c.text << ": " << found[0].error;
    EXPECT_EQ(found[0].date->Iso(), c.iso) << c.text;
    EXPECT_EQ(found[0].raw, c.text);
  }
  // Two-digit years only between slashes and after a real day and month; a code stays a code.
  for (const char* text : {"1-2-10", "14/13/23", "IEE/CG/14/09/23", "01-xyz-2023"}) {
    EXPECT_TRUE(FindDates(text, std::nullopt).empty()) << text;
  }
}

TEST(SpanishDates, MentionKeepsTheOriginalBytes) {
  const std::string text =
      "Aguascalientes, Ags., a  VEINTISIETE de Noviembre\nde dos mil veintitrés. Después, "
      "el día 14/09/2023.";
  std::vector<DateMention> found = FindDates(text, std::nullopt);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].raw, "VEINTISIETE de Noviembre\nde dos mil veintitrés");
  EXPECT_EQ(found[0].begin, text.find("VEINTISIETE"));
  EXPECT_EQ(found[0].end, text.find(". Después"));
  EXPECT_EQ(found[1].raw, "14/09/2023");
  EXPECT_EQ(found[1].begin, text.find("14/09"));
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), found[1].raw);
}

TEST(SpanishDates, DayMonthYearWithoutDeAsListsPrintThem) {
  // The session calendar of the CPC Coahuila prints its dates this way.
  std::vector<DateMention> found = FindDates("03 NOVIEMBRE 2022 9:00 AM", std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].raw, "03 NOVIEMBRE 2022");
  ASSERT_TRUE(found[0].date);
  EXPECT_EQ(found[0].date->Iso(), "2022-11-03");
  // Without a year after it, a day and a month without "de" are no date ("3 noviembre").
  EXPECT_TRUE(FindDates("el punto 3 noviembre", std::nullopt).empty());
}

TEST(SpanishDates, TheSameYearAsTheDateBefore) {
  std::vector<DateMention> found =
      FindDates("se instaló el 3 de marzo de 2023 y sesionó el 5 de abril del mismo año", 2020);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].raw, "5 de abril del mismo año");
  EXPECT_EQ(found[1].year_source, YearSource::kEarlier);
  ASSERT_TRUE(found[1].date);
  EXPECT_EQ(found[1].date->Iso(), "2023-04-05");
  // The date before it lies outside the text: the year is left to the caller, not defaulted.
  std::vector<DateMention> alone = FindDates("el 5 de abril de ese mismo año", 2020);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].year_source, YearSource::kEarlier);
  EXPECT_FALSE(alone[0].year);
  EXPECT_FALSE(alone[0].date);
}

TEST(SpanishDates, YearFromTheCallerOrUnknown) {
  std::vector<DateMention> unknown = FindDates("Se celebró el uno de noviembre.", std::nullopt);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].raw, "uno de noviembre");
  EXPECT_EQ(unknown[0].day, 1);
  EXPECT_EQ(unknown[0].month, 11);
  EXPECT_FALSE(unknown[0].year);
  EXPECT_EQ(unknown[0].year_source, YearSource::kUnknown);
  EXPECT_FALSE(unknown[0].date);
  EXPECT_TRUE(unknown[0].error.empty());

  std::vector<DateMention> assumed = FindDates("Se celebró el uno de noviembre.", 2023);
  ASSERT_EQ(assumed.size(), 1u);
  EXPECT_EQ(assumed[0].year, 2023);
  EXPECT_EQ(assumed[0].year_source, YearSource::kDefault);
  ASSERT_TRUE(assumed[0].date);
  EXPECT_EQ(assumed[0].date->Iso(), "2023-11-01");

  // A written year wins over the default.
  std::vector<DateMention> written = FindDates("el 14 de septiembre de 2022", 2023);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].date->Iso(), "2022-09-14");
  EXPECT_EQ(written[0].year_source, YearSource::kWritten);
}

TEST(SpanishDates, DaysThatDoNotExistAreReportedNotMoved) {
  std::vector<DateMention> thirty_two =
      FindDates("la sesión del treinta y dos de febrero de 2023", std::nullopt);
  ASSERT_EQ(thirty_two.size(), 1u);
  EXPECT_EQ(thirty_two[0].raw, "treinta y dos de febrero de 2023");
  EXPECT_EQ(thirty_two[0].day, 32);
  EXPECT_EQ(thirty_two[0].month, 2);
  EXPECT_FALSE(thirty_two[0].date);
  EXPECT_EQ(thirty_two[0].error, "February 2023 has no day 32");

  std::vector<DateMention> leap = FindDates("29 de febrero de 2024", std::nullopt);
  ASSERT_EQ(leap.size(), 1u);
  ASSERT_TRUE(leap[0].date);
  EXPECT_EQ(leap[0].date->Iso(), "2024-02-29");

  std::vector<DateMention> common = FindDates("29 de febrero de 2023", std::nullopt);
  ASSERT_EQ(common.size(), 1u);
  EXPECT_FALSE(common[0].date);
  EXPECT_EQ(common[0].error, "February 2023 has no day 29 (2023 is not a leap year)");

  // Without a year, 31 April is still impossible, and 29 February still possible.
  std::vector<DateMention> april = FindDates("31 de abril", std::nullopt);
  ASSERT_EQ(april.size(), 1u);
  EXPECT_EQ(april[0].error, "April has no day 31");
  std::vector<DateMention> february = FindDates("29 de febrero", std::nullopt);
  ASSERT_EQ(february.size(), 1u);
  EXPECT_TRUE(february[0].error.empty());
  EXPECT_FALSE(february[0].date);

  // The default year decides 29 February, but never rescues 30 February.
  EXPECT_EQ(Dates(FindDates("29 de febrero y 30 de febrero", 2023)),
            (std::vector<std::string>{"invalid", "invalid"}));
  EXPECT_EQ(Dates(FindDates("29 de febrero", 2024)), (std::vector<std::string>{"2024-02-29"}));

  // Figures: day and month are never swapped.
  std::vector<DateMention> american = FindDates("09/14/2023", std::nullopt);
  ASSERT_EQ(american.size(), 1u);
  EXPECT_EQ(american[0].error, "there is no month 14");
  EXPECT_EQ(FindDates("31/04/2023", std::nullopt)[0].error, "April 2023 has no day 31");
  EXPECT_EQ(FindDates("00 de enero de 2024", std::nullopt)[0].error, "there is no day 0");
}

TEST(SpanishDates, ListsShareTheYearWrittenAtTheirEnd) {
  std::vector<DateMention> list =
      FindDates("31 de agosto, 14 de septiembre y 4 de octubre de 2023", std::nullopt);
  EXPECT_EQ(Dates(list), (std::vector<std::string>{"2023-08-31", "2023-09-14", "2023-10-04"}));
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].year_source, YearSource::kShared);
  EXPECT_EQ(list[1].year_source, YearSource::kShared);
  EXPECT_EQ(list[2].year_source, YearSource::kWritten);
  EXPECT_EQ(list[0].raw, "31 de agosto");

  EXPECT_EQ(Dates(FindDates("el 31 de agosto, el 14 de septiembre y el 4 de octubre de 2023",
                            std::nullopt)),
            (std::vector<std::string>{"2023-08-31", "2023-09-14", "2023-10-04"}));
  // A range shares its year too, but not when that would put its start after its end.
  EXPECT_EQ(Dates(FindDates("del 1 de enero al 31 de marzo de 2024", std::nullopt)),
            (std::vector<std::string>{"2024-01-01", "2024-03-31"}));
  std::vector<DateMention> across =
      FindDates("del 15 de diciembre al 10 de enero de 2024", std::nullopt);
  EXPECT_EQ(Dates(across), (std::vector<std::string>{"unknown year", "2024-01-10"}));
  // Dates in separate sentences share nothing.
  EXPECT_EQ(
      Dates(FindDates("Fue el 31 de agosto. El 4 de octubre de 2023 se instaló.", std::nullopt)),
      (std::vector<std::string>{"unknown year", "2023-10-04"}));
}

TEST(SpanishDates, BareDaysOfAListTakeItsMonth) {
  std::vector<DateMention> days = FindDates("los días 14, 15 y 16 de septiembre de 2023", 2020);
  EXPECT_EQ(Dates(days), (std::vector<std::string>{"2023-09-14", "2023-09-15", "2023-09-16"}));
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].raw, "14");
  EXPECT_EQ(days[0].year_source, YearSource::kShared);
  EXPECT_EQ(days[2].raw, "16 de septiembre de 2023");

  EXPECT_EQ(Dates(FindDates("del 1 al 5 de marzo de 2024", std::nullopt)),
            (std::vector<std::string>{"2024-03-01", "2024-03-05"}));
  EXPECT_EQ(Dates(FindDates("los días veinte y veintiuno de mayo de 2024", std::nullopt)),
            (std::vector<std::string>{"2024-05-20", "2024-05-21"}));
  // A number before a comma is not a day of the date after it; nor is one that comes after it.
  EXPECT_EQ(Dates(FindDates("Calle Zaragoza No. 12, 3 de marzo de 2023", std::nullopt)),
            (std::vector<std::string>{"2023-03-03"}));
  EXPECT_EQ(Dates(FindDates("del 28 al 3 de marzo de 2024", std::nullopt)),
            (std::vector<std::string>{"2024-03-03"}));
}

TEST(SpanishDates, TextThatIsNoDate) {
  for (const char* text :
       {"Proceso Electoral Local 2023-2024", "clave alfanumérica CG-A-28/23", "INE/CG825/2022",
        "cada uno de los partidos", "primer bimestre de noviembre-diciembre", "30 días de mayo",
        "en mil novecientos noventa y ocho de enero", "1/2/2023/4", "14 de sep. de 2023",
        "Anexo 18.5", "el 12 y el 14",
        // Days in words with no month and no figures.
        "los días veinte y veintiuno del mes", "del primero al quince"}) {
    EXPECT_EQ(Dates(FindDates(text, 2023)), std::vector<std::string>{}) << text;
  }
}

// Antecedentes and Actividades of the COTAPREP report (ags-iee-cotaprep-informe-2023.txt).
TEST(SpanishDates, CotaprepReportSentences) {
  const std::string first_session =
      "Derivado de los trabajos realizados en la reunión formal inmediata anterior, en la "
      "**primera sesión ordinaria** celebrada el veintisiete de noviembre de dos mil veintitrés "
      "se determinó el Proceso Técnico Operativo del Programa de Resultados Electorales "
      "Preliminares para el Proceso Electoral Local 2023-2024, en Aguascalientes, mismo que fue "
      "enviado a la Unidad Técnica de Servicios de Informática del INE para sus observaciones.";
  std::vector<DateMention> found = FindDates(first_session, std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].raw, "veintisiete de noviembre de dos mil veintitrés");
  EXPECT_EQ(found[0].date->Iso(), "2023-11-27");

  struct Case {
    const char* sentence;
    const char* raw;
    const char* iso;
  };
  for (const Case& c : {
           Case{"En sesión ordinaria de fecha veintinueve de noviembre de dos mil veintidós, el "
                "Consejo General del Instituto Nacional Electoral emitió el",
                "veintinueve de noviembre de dos mil veintidós", "2022-11-29"},
           Case{"En cumplimiento a lo anterior, en sesión ordinaria de fecha treinta y uno de "
                "agosto del año dos mil veintitrés, el Consejo General del Instituto Estatal "
                "electoral de Aguascalientes, emitió el",
                "treinta y uno de agosto del año dos mil veintitrés", "2023-08-31"},
           Case{"El día catorce de septiembre de dos mil veintitrés, mediante acuerdo "
                "identificado con la clave alfanumérica **CG-A-28/23**, el Consejo General "
                "aprobó el Reglamento Interior del Instituto Estatal Electoral de "
                "Aguascalientes.",
                "catorce de septiembre de dos mil veintitrés", "2023-09-14"},
           Case{"En sesión extraordinaria del Consejo General del Instituto Estatal Electoral de "
                "Aguascalientes, celebrada en fecha cuatro de octubre de dos mil veintitrés, fue "
                "declarado el inicio del Proceso Electoral Concurrente 2023-2024 en "
                "Aguascalientes, para la renovación de los once Ayuntamientos y Diputaciones "
                "locales.",
                "cuatro de octubre de dos mil veintitrés", "2023-10-04"},
           Case{"En fecha uno de noviembre de dos mil veintitrés, el COTAPREP, celebró su "
                "**Sesión de Instalación**, en la cual fue aprobado el Plan de Trabajo y "
                "Calendario de sesiones ordinarias y reuniones formales de trabajo, para el "
                "Proceso Electoral Local 2023-2024 en Aguascalientes.",
                "uno de noviembre de dos mil veintitrés", "2023-11-01"},
       }) {
    std::vector<DateMention> dates = FindDates(c.sentence, std::nullopt);
    ASSERT_EQ(dates.size(), 1u) << c.sentence;
    EXPECT_EQ(dates[0].raw, c.raw);
    ASSERT_TRUE(dates[0].date) << c.sentence;
    EXPECT_EQ(dates[0].date->Iso(), c.iso);
  }

  const std::string bimester =
      "De conformidad con lo establecido en el numeral 342 inciso i) del Reglamento de "
      "Elecciones del Instituto Nacional Electoral, este Comité Técnico Asesor, emite el primer "
      "informe de actividades que comprende el primer bimestre de noviembre-diciembre de dos mil "
      "veintitrés, que se realiza en los términos siguientes:";
  EXPECT_TRUE(FindDates(bimester, std::nullopt).empty());
  std::vector<PeriodMention> periods = FindPeriods(bimester);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].raw, "noviembre-diciembre de dos mil veintitrés");
  ASSERT_TRUE(periods[0].period.ok());
  EXPECT_EQ(Span(periods[0].period), "2023-11-01..2023-12-31");
}

// Every date of the COTAPREP report, in order: the date line, the Antecedentes and the
// Actividades.
TEST(SpanishDates, WholeCotaprepReport) {
  const std::string text = ReadSample("ags-iee-cotaprep-informe-2023.txt");
  ASSERT_FALSE(text.empty());
  std::vector<DateMention> found = FindDates(text, std::nullopt);
  EXPECT_EQ(Dates(found), (std::vector<std::string>{
                              "2023-12-27", "2022-11-29", "2023-07-20", "2023-08-23", "2023-08-31",
                              "2023-09-14", "2023-10-04", "2023-10-27", "2023-11-01", "2023-11-08",
                              "2023-11-22", "2023-11-27", "2023-12-13", "2023-12-18"}));
  for (const DateMention& m : found) {
    EXPECT_EQ(m.year_source, YearSource::kWritten) << m.raw;
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.raw);
  }
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().raw, "27 de diciembre de 2023");
  EXPECT_EQ(found.back().raw, "dieciocho de diciembre de dos mil veintitrés");
}

// ---------------------------------------------------------------------------------------------
// Reporting periods

TEST(SpanishDates, PeriodsOfDaysMonthsAndPartsOfTheYear) {
  struct Case {
    const char* text;
    const char* span;
  };
  for (const Case& c : {
           Case{"Del 01 de Enero al 31 de Marzo 2024", "2024-01-01..2024-03-31"},
           Case{"del 1 de enero al 31 de diciembre de 2024", "2024-01-01..2024-12-31"},
           Case{"del 1 al 31 de marzo de 2024", "2024-03-01..2024-03-31"},
           Case{"desde el 1 de enero hasta el 31 de marzo de 2024", "2024-01-01..2024-03-31"},
           Case{"del 1 de diciembre de 2023 al 29 de febrero de 2024", "2023-12-01..2024-02-29"},
           Case{"01/01/2024 al 31/03/2024", "2024-01-01..2024-03-31"},
           Case{"Enero - Marzo 2024", "2024-01-01..2024-03-31"},
           Case{"enero a marzo de 2024", "2024-01-01..2024-03-31"},
           Case{"de enero a febrero de 2024.", "2024-01-01..2024-02-29"},
           Case{"septiembre 2023 a agosto 2024", "2023-09-01..2024-08-31"},
           Case{"ENERO–JUNIO DEL 2023", "2023-01-01..2023-06-30"},
           Case{"ENE-MAR 2017", "2017-01-01..2017-03-31"},  // ICATECH's report, abbreviated
           Case{"sep - dic de 2024", "2024-09-01..2024-12-31"},
           Case{"primer trimestre 2024", "2024-01-01..2024-03-31"},
           Case{"1er trimestre de 2024", "2024-01-01..2024-03-31"},
           Case{"1er. Trimestre del año 2024", "2024-01-01..2024-03-31"},
           Case{"Cuarto Trimestre 2023", "2023-10-01..2023-12-31"},
           Case{"segundo semestre del 2024", "2024-07-01..2024-12-31"},
           Case{"sexto bimestre de 2024", "2024-11-01..2024-12-31"},
           Case{"tercer cuatrimestre de 2024", "2024-09-01..2024-12-31"},
       }) {
    std::optional<DatePeriod> period = ParsePeriod(c.text);
    ASSERT_TRUE(period) << c.text;
    EXPECT_TRUE(period->ok()) << c.text << ": " << period->error;
    EXPECT_EQ(Span(*period), c.span) << c.text;
  }
}

TEST(SpanishDates, PeriodsTheCalendarDoesNotHave) {
  std::optional<DatePeriod> backwards = ParsePeriod("del 31 de marzo al 1 de enero de 2024");
  ASSERT_TRUE(backwards);
  EXPECT_FALSE(backwards->ok());
  EXPECT_EQ(backwards->error, "the period ends (2024-01-01) before it begins (2024-03-31)");
  std::optional<DatePeriod> months = ParsePeriod("noviembre a febrero de 2024");
  ASSERT_TRUE(months);
  EXPECT_FALSE(months->ok());
  std::optional<DatePeriod> no_day = ParsePeriod("del 1 de febrero al 30 de febrero de 2024");
  ASSERT_TRUE(no_day);
  EXPECT_EQ(no_day->error, "February 2024 has no day 30");
  std::optional<DatePeriod> common = ParsePeriod("del 29 de febrero al 31 de marzo de 2023");
  ASSERT_TRUE(common);
  EXPECT_EQ(common->error, "February 2023 has no day 29 (2023 is not a leap year)");
  std::optional<DatePeriod> fifth = ParsePeriod("quinto trimestre 2024");
  ASSERT_TRUE(fifth);
  EXPECT_EQ(fifth->error, "a year has 4 trimestres, not 5");
}

TEST(SpanishDates, APartOfTheYearWithoutItsYearTakesTheDefault) {
  const std::optional<DatePeriod> first = ParseYearPart("Primer trimestre", 2025);
  ASSERT_TRUE(first);
  EXPECT_EQ(Span(*first), "2025-01-01..2025-03-31");
  const std::optional<DatePeriod> written = ParseYearPart("2o. semestre de 2024", 2025);
  ASSERT_TRUE(written);
  EXPECT_EQ(Span(*written), "2024-07-01..2024-12-31");
  EXPECT_FALSE(ParseYearPart("Trimestral", 2025));  // how often, not when
  EXPECT_FALSE(ParseYearPart("quinto trimestre", 2025));
  EXPECT_FALSE(ParseYearPart("primer trimestre y segundo", 2025));
}

// Tables number their quarters in Roman numerals or after the word as often as by ordinals.
TEST(SpanishDates, APartOfTheYearNumberedInRomanOrAfterItsName) {
  struct Case {
    const char* text;
    const char* span;
  };
  for (const Case& c : {Case{"II Trimestre", "2025-04-01..2025-06-30"},
                        Case{"IV trimestre de 2024", "2024-10-01..2024-12-31"},
                        Case{"Trimestre 3", "2025-07-01..2025-09-30"},
                        Case{"Semestre II 2024", "2024-07-01..2024-12-31"}}) {
    const std::optional<DatePeriod> part = ParseYearPart(c.text, 2025);
    ASSERT_TRUE(part) << c.text;
    EXPECT_EQ(Span(*part), c.span) << c.text;
  }
  EXPECT_FALSE(ParseYearPart("Trimestre 5", 2025));
  EXPECT_FALSE(ParseYearPart("V trimestre", 2025));
  EXPECT_FALSE(ParseYearPart("Trimestre", 2025));
}

TEST(SpanishDates, TextThatIsNoPeriod) {
  for (const char* text :
       {"", "Enero", "marzo 2024", "de enero a marzo", "del 1 de enero al 31 de marzo",
        "primer trimestre", "Trimestral", "27 de noviembre de 2023",
        "Del 01 de Enero al 31 de Marzo 2024 Objetivo institucional",
        "del 1 de enero - 31 de marzo de 2024", "primera sesión 2024"}) {
    EXPECT_FALSE(ParsePeriod(text)) << text;
  }
}

// The Durango indicators report (dgo-iepc-indicadores-2024q1.txt) states its period on its first
// line, and mentions evaluation periods and a deadline further on.
TEST(SpanishDates, DurangoIndicatorsReport) {
  std::optional<DatePeriod> stated = ParsePeriod("Del 01 de Enero al 31 de Marzo 2024");
  ASSERT_TRUE(stated);
  EXPECT_EQ(Span(*stated), "2024-01-01..2024-03-31");

  const std::string text = ReadSample("dgo-iepc-indicadores-2024q1.txt");
  ASSERT_FALSE(text.empty());
  std::vector<PeriodMention> periods = FindPeriods(text);
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_EQ(periods[0].raw, "Del 01 de Enero al 31 de Marzo 2024");
  EXPECT_EQ(Span(periods[0].period), "2024-01-01..2024-03-31");
  EXPECT_EQ(periods[1].raw, "septiembre 2023 a agosto 2024");
  EXPECT_EQ(Span(periods[1].period), "2023-09-01..2024-08-31");
  EXPECT_EQ(periods[2].raw, "de septiembre 2024 a agosto 2025");
  EXPECT_EQ(Span(periods[2].period), "2024-09-01..2025-08-31");
  for (const PeriodMention& p : periods) {
    EXPECT_EQ(text.substr(p.begin, p.end - p.begin), p.raw);
  }

  std::vector<DateMention> dates = FindDates(text, std::nullopt);
  EXPECT_EQ(Dates(dates), (std::vector<std::string>{"2024-01-01", "2024-03-31", "2024-04-19"}));
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].raw, "01 de Enero");
  EXPECT_EQ(dates[0].year_source, YearSource::kShared);
  EXPECT_EQ(dates[2].raw, "19 de abril de 2024");
}

}  // namespace
}  // namespace oplex
