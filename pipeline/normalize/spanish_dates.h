// Dates and reporting periods as Spanish documents write them, found in running text and checked
// against the calendar.
//
// Reports date their sessions in words ("veintisiete de noviembre de dos mil veintitrés"), in
// figures ("27 de noviembre de 2023", "14/09/2023", "2023-09-14") and state what they cover as a
// period ("Del 01 de Enero al 31 de Marzo 2024", "primer trimestre 2024"). Every mention is
// reported with its byte range in the text as given, so it can be shown as the document wrote
// it. Words that name a day which does not exist ("treinta y dos de febrero", "31 de abril",
// "29 de febrero de 2023") are reported as invalid with the reason, never moved to a nearby real
// day; a year the text does not give is left unknown unless the caller supplies one.
//
// Matching is on folded text (pipeline/normalize/fold.h): case and accents do not matter
// ("Septiembre", "SEPTIEMBRE", "setiembre"). Month names are the full Spanish names (and
// "setiembre"), kept in a constant table in the .cpp: the calendar is grammar, not document
// vocabulary, and data/months.tsv holds the one-letter and numeric forms of table headers, which
// would turn running text into false dates. Abbreviations ("14 de sep. de 2023") are not read.
//
// Pure functions on value types; safe to call from any number of threads at once.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oplex {

// The month (1..12) a folded word names in full ("enero", "setiembre"), or, when `abbreviated`,
// by the first three or more letters of its name ("ene", "sep", "sept", "septiem"); nullopt for
// any other word.
std::optional<int> MonthOfWord(std::string_view folded, bool abbreviated);

// Whether `year` has a 29 February (Gregorian rules: every fourth year, but not centuries unless
// divisible by 400).
bool IsLeapYear(int year);

// The number of days of `month` (1..12) in `year`: 28 to 31; 0 when the month does not exist.
int DaysInMonth(int year, int month);

// A day of the Gregorian calendar. A plain value that can hold what a document wrote even when
// that is no real day; IsValid() tells. Ordered by year, then month, then day.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Whether this is a real day: year 1 to 9999, month 1 to 12, day within the month (29
  // February only in leap years).
  bool IsValid() const;
  // "2023-11-27" (four-digit year, two-digit month and day).
  std::string Iso() const;

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Where a date mention's year came from.
enum class YearSource {
  kWritten,  // the mention writes it: "27 de noviembre de 2023"
  kShared,   // a later date of the same list or range writes it: "31 de agosto" in "31 de agosto,
             // 14 de septiembre y 4 de octubre de 2023"
  kDefault,  // the sentence gives none, so it is the caller's default year
  kUnknown,  // the sentence gives none and the caller has no default: the year is not known
  kEarlier,  // the sentence says it is the year of a date before it ("5 de marzo del mismo
             // año"): that date's year when the text gives one, else unknown, for the caller to
             // take from what it read before the text
};

// One date as running text mentions it.
struct DateMention {
  size_t begin = 0;  // byte range [begin, end) in the text given to FindDates
  size_t end = 0;
  std::string raw;  // the text in that range, exactly as written
  int day = 0;      // as written: may be no real day (32, or 31 in April) when `error` says so
  int month = 0;    // 1..12 when named; as written for figures ("14/13/2023" gives 13)
  // nullopt when year_source is kUnknown, or kEarlier with no earlier year in the text
  std::optional<int> year;
  YearSource year_source = YearSource::kWritten;
  // The day meant, when the year is known and the day exists.
  std::optional<CivilDate> date;
  // Why the words name no day ("February 2023 has no day 29 (2023 is not a leap year)", "April
  // has no day 31"); empty when they do. A mention with an empty error and no date is a real
  // day and month whose year is unknown ("29 de febrero" without a year is not an error).
  std::string error;
};

// Every date mentioned in `text`, in order. `default_year` is the year to assume when the
// sentence gives none (a document's own year, say); nullopt leaves such years unknown.
//
// Read:
//   - day, "de", month, and optionally the year: "27 de noviembre de 2023", "01 de Enero",
//     "31 de Marzo 2024", "primero de diciembre del 2023", "1° de septiembre de 2023",
//     "1o. de enero", "treinta y uno de agosto del año dos mil veintitrés". The day is one or two
//     digits, a cardinal in words up to 99 ("veintisiete", "treinta y uno", "veintiún") or the
//     ordinal first ("primero", "1°", "1o", "1ª"); values that cannot be a day of the month
//     (0, 32 .. 99) are reported as invalid mentions. The year follows "de", "del", "de(l) año"
//     in four digits or in words ("dos mil veintitrés"), or follows the month directly in four
//     digits; "del mismo año" or "de ese (mismo) año" after the month gives the year of the
//     nearest date before it (YearSource::kEarlier). Lists and tables print "03 NOVIEMBRE 2022":
//     a day and a month without "de" are read when a year follows. The notarial "a los treinta
//     y un días del mes de agosto" is read too;
//   - figures: day/month/year and day-month-year ("14/09/2023", "14-09-2023", "1/9/2023"),
//     year-month-day ("2023-09-14", "2023/09/14"), and day/month/year with a two-digit year
//     between slashes, the year one of 1970 to 2069 ("14/09/23"; not "1-2-10", which may be a
//     code, nor a day or month that is none, "14/13/23"). Day and month are taken in that order,
//     never swapped, so "09/14/2023" is an invalid mention (no month 14). Dotted dates
//     ("14.09.2023") are not read;
//   - a day, a month in letters and a year joined by one dash or slash, as spreadsheets print
//     them: "01-sep-2023", "1/sept/23", "15-Ene-2024";
//   - lists and ranges: dates joined by ",", "y", ", y", "al", "a", "hasta", "-" or "–" (each
//     optionally followed by "el") form a chain. A date without a year takes the year of the next
//     date in its chain (YearSource::kShared) when that keeps the chain in calendar order: "31 de
//     agosto, 14 de septiembre y 4 de octubre de 2023" gives three dates in 2023, but in "15 de
//     diciembre al 10 de enero de 2024" the first date keeps no year from the second. Bare days
//     before a date share its month too, as their own mentions ("14" and "15" in "14, 15 y 16 de
//     septiembre", "1" in "del 1 al 5 de marzo"), when they increase towards it and the last
//     one is joined by a word or a dash, not a comma alone (so "No. 12, 3 de marzo" gives only
//     the 3rd).
std::vector<DateMention> FindDates(std::string_view text, std::optional<int> default_year);

// A stretch of days from `first` to `last`, both included.
struct DatePeriod {
  // When !ok(), what the words say, which may be no real day (zeros for a part of the year that
  // does not exist).
  CivilDate first;
  CivilDate last;
  // Why the words name no period: a day that does not exist ("February 2024 has no day 30"), an
  // end before the beginning, a fifth trimestre. Empty when the period is real.
  std::string error;
  bool ok() const { return error.empty(); }
};

// A period as running text mentions it.
struct PeriodMention {
  size_t begin = 0;  // byte range [begin, end) in the text given to FindPeriods
  size_t end = 0;
  std::string raw;  // the text in that range, exactly as written
  DatePeriod period;
};

// The period `text` states, when the whole of it (case, accents, surrounding spaces and final
// periods aside) is one of:
//   - a range of days: "Del 01 de Enero al 31 de Marzo 2024", "del 1 de enero al 31 de diciembre
//     de 2024", "del 1 al 31 de marzo de 2024", "desde el 1 de enero hasta el 31 de marzo de
//     2024", "01/01/2024 al 31/03/2024". The first date takes the month and year of the second
//     when it omits them;
//   - a range of months: "Enero - Marzo 2024", "enero a marzo de 2024", "de septiembre 2022 a
//     agosto 2023", "noviembre-diciembre de dos mil veintitrés", "ENE-MAR 2017" (abbreviated):
//     from the first day of the first month to the last day of the last;
//   - a numbered part of a year: "primer trimestre 2024", "1er trimestre de 2024", "segundo
//     semestre del 2024", and likewise "bimestre" (six a year) and "cuatrimestre" (three).
// An opening "del", "de" or "desde (el)" is optional; when present it pairs with its range word
// ("del ... al", "de ... a", "desde ... hasta (el)", "al" or "a"); without one, the range word
// is "al", "a", "hasta (el)", "-" or "–". The last date or month must give the year.
//
// A text that states a period the calendar does not have gives a DatePeriod with an error; any
// other text, a period without a year included ("de enero a marzo"), gives nullopt.
std::optional<DatePeriod> ParsePeriod(std::string_view text);

// The days of the numbered part of a year the whole of `text` names, in the year it writes or,
// when it writes none, in `default_year`: "Primer trimestre" (January to March), "2o. semestre
// de 2024" (July to December 2024). nullopt for any other text, and for a part the year does not
// have (a fifth trimestre).
std::optional<DatePeriod> ParseYearPart(std::string_view text, int default_year);

// The number of a part of the year a folded word writes: an ordinal ("1er", "segundo"), a Roman
// numeral from I to VI ("ii") or one or two figures; nullopt for any other word.
std::optional<int> YearPartNumber(std::string_view folded);

// How many months the part of the year a folded word names spans: "bimestre" 2, "trimestre" 3,
// "cuatrimestre" 4, "semestre" 6; also by its adjective ("trimestral") and, when `abbreviated`,
// by its first four or more letters ("trim", "cuatrim"; not "sem", which may be a week).
// nullopt for any other word.
std::optional<int> MonthsOfYearPart(std::string_view folded, bool abbreviated);

// Every period, in the forms ParsePeriod reads, that `text` mentions, in order; each is reported
// once, with its opening preposition when it has one.
std::vector<PeriodMention> FindPeriods(std::string_view text);

}  // namespace oplex
