#include "pipeline/normalize/spanish_dates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <span>
#include <utility>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/number_words.h"

namespace oplex {
namespace {

struct MonthName {
  std::string_view folded;
  int month;
};

constexpr MonthName kMonthNames[] = {
    {"enero", 1},    {"febrero", 2},    {"marzo", 3},      {"abril", 4},      {"mayo", 5},
    {"junio", 6},    {"julio", 7},      {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
};

// Error messages are in the language of the rest of oplex's messages.
constexpr std::string_view kEnglishMonths[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

// Parts of a year a period can name, with how many months each spans.
struct YearPart {
  std::string_view folded;
  int months;
};

constexpr YearPart kYearParts[] = {
    {"bimestre", 2}, {"trimestre", 3}, {"cuatrimestre", 4}, {"semestre", 6}};

// A word (letters, digits, and the degree sign of "1°") or a single other mark of the folded
// text; spaces only separate tokens.
struct Token {
  std::string_view text;
  size_t begin = 0;  // byte range in the folded text
  size_t end = 0;
  bool word = false;
};

bool IsWordChar(UChar32 c) { return u_isalnum(c) || c == 0x00B0; }

// Folded text cut into tokens, with what the scanners ask of it.
class Tokens {
 public:
  explicit Tokens(std::string_view folded) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
    const auto length = static_cast<int32_t>(folded.size());
    for (int32_t i = 0; i < length;) {
      const int32_t start = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, length, c);
      if (c == ' ') continue;
      int32_t end = i;
      const bool word = IsWordChar(c);
      while (word && end < length) {
        int32_t next = end;
        U8_NEXT(bytes, next, length, c);
        if (!IsWordChar(c)) break;
        end = next;
      }
      const auto b = static_cast<size_t>(start);
      const auto e = static_cast<size_t>(end);
      tokens_.push_back(Token{folded.substr(b, e - b), b, e, word});
      texts_.push_back(folded.substr(b, e - b));
      i = end;
    }
    // Where each token's run of words ends, found once: asking it at every token of a long line
    // without marks would cost the square of the line's length.
    run_end_.resize(tokens_.size());
    for (size_t k = tokens_.size(); k-- > 0;) {
      run_end_[k] = !tokens_[k].word ? k : k + 1 < tokens_.size() ? run_end_[k + 1] : k + 1;
    }
  }

  size_t size() const { return tokens_.size(); }
  const Token& operator[](size_t i) const { return tokens_[i]; }

  bool Is(size_t i, std::string_view text) const { return i < size() && tokens_[i].text == text; }

  // Whether token i is immediately followed by token i + 1, with no space between.
  bool Touches(size_t i) const { return i + 1 < size() && tokens_[i].end == tokens_[i + 1].begin; }

  // Token i and the words after it up to the next mark: the words a number may span.
  std::span<const std::string_view> WordRun(size_t i) const {
    if (i >= size()) return {};
    return std::span<const std::string_view>(texts_).subspan(i, run_end_[i] - i);
  }

 private:
  std::vector<Token> tokens_;
  std::vector<std::string_view> texts_;
  std::vector<size_t> run_end_;  // run_end_[i]: the first token from i on that is not a word
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The number the digits write; one past int's range reads as int's largest (no day, month or
// year: a run of figures is no date).
int ToInt(std::string_view digits) {
  constexpr int kLargest = std::numeric_limits<int>::max();
  int value = 0;
  for (char c : digits) {
    if (value > (kLargest - 9) / 10) return kLargest;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<int> MonthAt(const Tokens& t, size_t i) {
  if (i >= t.size()) return std::nullopt;
  return MonthOfWord(t[i].text, false);
}

// A value and the token after the words that gave it.
struct Read {
  int value = 0;
  size_t next = 0;
};

// An ordinal word at i ("primero", "1°", "1er"), with the period that may close its abbreviation
// ("1o. de enero", "1er. trimestre").
std::optional<Read> OrdinalAt(const Tokens& t, size_t i) {
  if (i >= t.size() || !t[i].word) return std::nullopt;
  std::optional<int> value = ParseOrdinalWord(t[i].text);
  if (!value) return std::nullopt;
  size_t next = i + 1;
  const bool abbreviated = t[i].text[0] >= '0' && t[i].text[0] <= '9';
  if (abbreviated && t.Touches(i) && t.Is(i + 1, ".")) ++next;
  return Read{*value, next};
}

// How many tokens the cardinal in words at i spans; 0 when there is none.
size_t NumberWordsAt(const Tokens& t, size_t i) {
  if (i >= t.size() || !t[i].word) return 0;
  std::optional<NumberWordsPrefix> number = ParseNumberWordsPrefix(t.WordRun(i));
  return number ? number->words : 0;
}

// A day of the month as written at i: one or two digits, a cardinal in words up to 99, or the
// ordinal first.
std::optional<Read> DayAt(const Tokens& t, size_t i) {
  if (i >= t.size() || !t[i].word) return std::nullopt;
  if (AllDigits(t[i].text)) {
    if (t[i].text.size() > 2) return std::nullopt;
    return Read{ToInt(t[i].text), i + 1};
  }
  if (std::optional<Read> ordinal = OrdinalAt(t, i); ordinal && ordinal->value == 1) {
    return ordinal;
  }
  std::optional<NumberWordsPrefix> number = ParseNumberWordsPrefix(t.WordRun(i));
  if (!number || number->value < 1 || number->value > 99) return std::nullopt;
  return Read{static_cast<int>(number->value), i + number->words};
}

// A year after a month: "de 2023", "del 2023", "del año dos mil veintitrés", or "2023" directly.
std::optional<Read> YearAt(const Tokens& t, size_t i) {
  size_t k = i;
  const bool preposition = t.Is(k, "de") || t.Is(k, "del");
  if (preposition) {
    ++k;
    if (t.Is(k, "año")) ++k;
  }
  if (k >= t.size() || !t[k].word) return std::nullopt;
  const std::string_view text = t[k].text;
  if (AllDigits(text)) {
    if (text.size() != 4 || text[0] == '0') return std::nullopt;
    return Read{ToInt(text), k + 1};
  }
  if (!preposition) return std::nullopt;
  std::optional<NumberWordsPrefix> number = ParseNumberWordsPrefix(t.WordRun(k));
  if (!number || number->value < 1000 || number->value > 9999) return std::nullopt;
  return Read{static_cast<int>(number->value), k + number->words};
}

// A date as the words give it, before lists share months and years.
struct Item {
  size_t first = 0;  // token range [first, last)
  size_t last = 0;
  int day = 0;
  int month = 0;
  std::optional<int> year;
  bool bare = false;  // a day alone, which a list may give a month: "14" in "14 y 15 de septiembre"
  bool same_year = false;  // "del mismo año": the year of the date before it
};

// The tokens after i that say a date falls in the year of the one before it ("del mismo año",
// "de ese mismo año", "de ese año"); 0 when there are none.
size_t SameYearAt(const Tokens& t, size_t i) {
  if (t.Is(i, "del") && t.Is(i + 1, "mismo") && t.Is(i + 2, "año")) return 3;
  if (!t.Is(i, "de") || !t.Is(i + 1, "ese")) return 0;
  if (t.Is(i + 2, "año")) return 3;
  return t.Is(i + 2, "mismo") && t.Is(i + 3, "año") ? 4 : 0;
}

// The year a date's figures write: four digits as they are; two as the years 1970 to 2069 (the
// pivot of POSIX strptime's %y), "23" being 2023 and "98" 1998.
int YearOfFigures(std::string_view digits) {
  const int value = ToInt(digits);
  if (digits.size() != 2) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

// The separator of three words at i joined by one slash or one dash each, with no space
// ("14/09/2023", "01-sep-23"); nullopt for any other tokens, and for a longer run of the same
// separator ("1/2/2023/4"), which is some code, not a date.
std::optional<std::string_view> ThreePartsAt(const Tokens& t, size_t i) {
  if (i + 4 >= t.size()) return std::nullopt;
  const std::string_view separator = t[i + 1].text;
  if (separator != "/" && separator != "-") return std::nullopt;
  for (size_t k = i; k < i + 4; ++k) {
    if (!t.Touches(k)) return std::nullopt;
  }
  if (!t.Is(i + 3, separator) || !t[i].word || !t[i + 2].word || !t[i + 4].word) {
    return std::nullopt;
  }
  if (i > 0 && t.Touches(i - 1) && t.Is(i - 1, separator)) return std::nullopt;
  if (t.Touches(i + 4) && t.Is(i + 5, separator)) return std::nullopt;
  return separator;
}

// "14/09/2023", "14-09-2023", "2023-09-14", "14/09/23".
std::optional<Item> FiguresAt(const Tokens& t, size_t i) {
  const std::optional<std::string_view> separator = ThreePartsAt(t, i);
  if (!separator) return std::nullopt;
  const std::string_view a = t[i].text;
  const std::string_view b = t[i + 2].text;
  const std::string_view c = t[i + 4].text;
  if (!AllDigits(a) || !AllDigits(b) || !AllDigits(c)) return std::nullopt;
  auto short_part = [](std::string_view s) { return s.size() <= 2; };
  auto year_part = [](std::string_view s) { return s.size() == 4 && s[0] != '0'; };
  if (year_part(a) && short_part(b) && short_part(c)) {
    return Item{i, i + 5, ToInt(c), ToInt(b), ToInt(a)};
  }
  if (short_part(a) && short_part(b) && year_part(c)) {
    return Item{i, i + 5, ToInt(a), ToInt(b), ToInt(c)};
  }
  // A two-digit year only between slashes and after a real day and month: "1-2-10" may be a
  // code, "14/13/23" some other figures.
  const int day = ToInt(a), month = ToInt(b);
  if (short_part(a) && short_part(b) && c.size() == 2 && *separator == "/" && day >= 1 &&
      day <= 31 && month >= 1 && month <= 12) {
    return Item{i, i + 5, day, month, YearOfFigures(c)};
  }
  return std::nullopt;
}

// "01-sep-2023", "1/sept/23", "15-Ene-2024": a day, a month in letters and a year, joined by the
// same dash or slash, as spreadsheets print dates.
std::optional<Item> LetteredAt(const Tokens& t, size_t i) {
  if (!ThreePartsAt(t, i)) return std::nullopt;
  const std::string_view day = t[i].text;
  const std::string_view year = t[i + 4].text;
  if (!AllDigits(day) || day.size() > 2 || !AllDigits(year)) return std::nullopt;
  if (year.size() != 2 && (year.size() != 4 || year[0] == '0')) return std::nullopt;
  if (t.Touches(i + 4) && t[i + 5].word) return std::nullopt;
  const std::optional<int> month = MonthOfWord(t[i + 2].text, true);
  if (!month) return std::nullopt;
  return Item{i, i + 5, ToInt(day), *month, YearOfFigures(year)};
}

// A date at token i: in figures, or a day with "de" and a month, or a bare day that a list may
// give a month to.
std::optional<Item> ItemAt(const Tokens& t, size_t i) {
  if (std::optional<Item> figures = FiguresAt(t, i)) return figures;
  if (std::optional<Item> lettered = LetteredAt(t, i)) return lettered;
  std::optional<Read> day = DayAt(t, i);
  if (!day) return std::nullopt;
  size_t k = day->next;
  const bool days_of = t.Is(k, "dia") || t.Is(k, "dias");  // "a los treinta y un días del mes"
  if (days_of) ++k;
  size_t month_at = 0;
  if (t.Is(k, "del") && t.Is(k + 1, "mes") && t.Is(k + 2, "de")) {
    month_at = k + 3;
  } else if (!days_of && t.Is(k, "de")) {
    month_at = k + 1;
  } else if (!days_of && MonthAt(t, k) && YearAt(t, k + 1)) {
    month_at = k;  // "03 NOVIEMBRE 2022": lists and tables print the year without "de"
  }
  std::optional<int> month = month_at != 0 ? MonthAt(t, month_at) : std::nullopt;
  if (!month) {
    if (days_of || day->value < 1 || day->value > 31) return std::nullopt;
    return Item{i, day->next, day->value, 0, std::nullopt, true};
  }
  Item item{i, month_at + 1, day->value, *month, std::nullopt};
  if (std::optional<Read> year = YearAt(t, item.last)) {
    item.year = year->value;
    item.last = year->next;
  } else if (const size_t same = SameYearAt(t, item.last); same > 0) {
    item.same_year = true;
    item.last += same;
  }
  return item;
}

bool IsRangeWord(const Tokens& t, size_t i) {
  return t.Is(i, "al") || t.Is(i, "a") || t.Is(i, "-") || t.Is(i, "\xE2\x80\x93") ||
         t.Is(i, "hasta");
}

// How the tokens between two dates join them.
enum class Link {
  kNone,   // they do not: each date stands alone
  kComma,  // a comma alone, which may also end a clause
  kWord,   // "y", ", y", "al", "a", "hasta", a dash
};

Link LinkBetween(const Tokens& t, size_t begin, size_t end) {
  if (end > begin + 1 && t.Is(end - 1, "el")) --end;  // "y el 4 de octubre"
  if (end == begin + 1) {
    if (t.Is(begin, ",")) return Link::kComma;
    if (t.Is(begin, "y") || IsRangeWord(t, begin)) return Link::kWord;
  }
  if (end == begin + 2 && t.Is(begin, ",") && t.Is(begin + 1, "y")) return Link::kWord;
  return Link::kNone;
}

bool Before(const Item& a, const Item& b) {
  return a.month < b.month || (a.month == b.month && a.day <= b.day);
}

// Why day/month/year names no day; empty when it names one. An unknown year allows 29 February.
std::string DayError(int day, int month, std::optional<int> year) {
  if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
  if (day < 1) return "there is no day " + std::to_string(day);
  const int most = year ? DaysInMonth(*year, month) : month == 2 ? 29 : kDaysInMonth[month - 1];
  if (day <= most) return "";
  std::string name(kEnglishMonths[month - 1]);
  if (year) name.append(" ").append(std::to_string(*year));
  std::string error = name + " has no day " + std::to_string(day);
  if (year && month == 2 && day == 29)
    error += " (" + std::to_string(*year) + " is not a leap year)";
  return error;
}

// The source range of the token range [first, last), without the white space (or invisible
// format characters) folding dropped after its last token.
std::pair<size_t, size_t> SourceRange(const FoldedText& folded, std::string_view source,
                                      const Tokens& t, size_t first, size_t last) {
  const size_t begin = folded.offsets[t[first].begin];
  size_t end = folded.offsets[t[last - 1].end];
  while (end > begin) {
    auto previous = static_cast<int32_t>(end);
    UChar32 c = 0;
    U8_PREV(reinterpret_cast<const uint8_t*>(source.data()), static_cast<int32_t>(begin), previous,
            c);
    if (c >= 0 && !u_isUWhiteSpace(c) && u_charType(c) != U_CONTROL_CHAR &&
        u_charType(c) != U_FORMAT_CHAR) {
      break;
    }
    end = static_cast<size_t>(previous);
  }
  return {begin, end};
}

// A period found at some token: its token range and what it states.
struct PeriodMatch {
  size_t first = 0;
  size_t last = 0;
  DatePeriod period;
};

// The value of a folded Roman numeral from I to VI ("ii", "iv"): the most parts a year has.
std::optional<int> RomanPart(std::string_view word) {
  static constexpr std::string_view kRoman[] = {"i", "ii", "iii", "iv", "v", "vi"};
  for (size_t n = 0; n < std::size(kRoman); ++n) {
    if (word == kRoman[n]) return static_cast<int>(n) + 1;
  }
  return std::nullopt;
}

std::optional<Read> RomanAt(const Tokens& t, size_t i) {
  if (i >= t.size()) return std::nullopt;
  const std::optional<int> value = RomanPart(t[i].text);
  if (!value) return std::nullopt;
  return Read{*value, i + 1};
}

// The number of a part of the year written after its name ("trimestre 3", "trimestre III").
std::optional<Read> NumberAfterPartAt(const Tokens& t, size_t i) {
  if (i >= t.size()) return std::nullopt;
  const std::optional<int> value = YearPartNumber(t[i].text);
  if (!value) return std::nullopt;
  return Read{*value, i + 1};
}

// "primer trimestre 2024", "1er. trimestre de 2024", "II trimestre 2024", "trimestre 3 de 2024";
// "primer trimestre" when a `default_year` is given.
std::optional<PeriodMatch> YearPartAt(const Tokens& t, size_t i,
                                      std::optional<int> default_year = std::nullopt) {
  std::optional<Read> ordinal = OrdinalAt(t, i);
  if (!ordinal) ordinal = RomanAt(t, i);
  size_t k = ordinal ? ordinal->next : i;
  const YearPart* named = nullptr;
  for (const YearPart& part : kYearParts) {
    if (t.Is(k, part.folded)) named = &part;
  }
  if (named == nullptr) return std::nullopt;
  ++k;
  if (!ordinal) {
    ordinal = NumberAfterPartAt(t, k);
    if (!ordinal) return std::nullopt;
    k = ordinal->next;
  }
  std::optional<Read> year = YearAt(t, k);
  if (!year && default_year) year = Read{*default_year, k};
  if (!year) return std::nullopt;
  PeriodMatch match{i, year->next, {}};
  const int parts = 12 / named->months;
  if (ordinal->value < 1 || ordinal->value > parts) {
    match.period.error = "a year has " + std::to_string(parts) + " " + std::string(named->folded) +
                         "s, not " + std::to_string(ordinal->value);
    return match;
  }
  const int last_month = ordinal->value * named->months;
  match.period.first = CivilDate{year->value, last_month - named->months + 1, 1};
  match.period.last = CivilDate{year->value, last_month, DaysInMonth(year->value, last_month)};
  return match;
}

// The token after the range word at i (and after the article of "hasta el"), when that word
// pairs with `opener` ("" when the period has none).
std::optional<size_t> RangeWordAt(const Tokens& t, size_t i, std::string_view opener) {
  if (!IsRangeWord(t, i)) return std::nullopt;
  const std::string_view word = t[i].text;
  const bool pairs = opener.empty() || (opener == "del" && word == "al") ||
                     (opener == "de" && word == "a") ||
                     (opener == "desde" && (word == "hasta" || word == "al" || word == "a"));
  if (!pairs) return std::nullopt;
  return word == "hasta" && t.Is(i + 1, "el") ? i + 2 : i + 1;
}

void CheckOrder(DatePeriod* period) {
  if (period->error.empty() && period->last < period->first) {
    period->error = "the period ends (" + period->last.Iso() + ") before it begins (" +
                    period->first.Iso() + ")";
  }
}

// "01 de enero al 31 de marzo 2024", "1 al 31 de marzo de 2024", from token j.
std::optional<PeriodMatch> DayRangeAt(const Tokens& t, size_t i, size_t j,
                                      std::string_view opener) {
  std::optional<Item> from = ItemAt(t, j);
  if (!from) return std::nullopt;
  std::optional<size_t> k = RangeWordAt(t, from->last, opener);
  if (!k) return std::nullopt;
  std::optional<Item> to = ItemAt(t, *k);
  if (!to || to->bare || !to->year) return std::nullopt;
  if (from->bare) from->month = to->month;
  if (!from->year) from->year = to->year;
  PeriodMatch match{i, to->last, {}};
  match.period.first = CivilDate{*from->year, from->month, from->day};
  match.period.last = CivilDate{*to->year, to->month, to->day};
  match.period.error = DayError(from->day, from->month, from->year);
  if (match.period.error.empty()) match.period.error = DayError(to->day, to->month, to->year);
  CheckOrder(&match.period);
  return match;
}

// "Enero - Marzo 2024", "septiembre 2022 a agosto 2023", "ENE-MAR 2017", from token j. Months
// may be abbreviated here: a range of two months closed by a year is no other word.
std::optional<PeriodMatch> MonthRangeAt(const Tokens& t, size_t i, size_t j,
                                        std::string_view opener) {
  auto month_at = [&t](size_t at) -> std::optional<int> {
    if (at >= t.size()) return std::nullopt;
    return MonthOfWord(t[at].text, true);
  };
  std::optional<int> from_month = month_at(j);
  if (!from_month) return std::nullopt;
  size_t k = j + 1;
  std::optional<Read> from_year = YearAt(t, k);
  if (from_year) k = from_year->next;
  std::optional<size_t> to_at = RangeWordAt(t, k, opener);
  if (!to_at) return std::nullopt;
  std::optional<int> to_month = month_at(*to_at);
  if (!to_month) return std::nullopt;
  std::optional<Read> to_year = YearAt(t, *to_at + 1);
  if (!to_year) return std::nullopt;
  PeriodMatch match{i, to_year->next, {}};
  const int first_year = from_year ? from_year->value : to_year->value;
  match.period.first = CivilDate{first_year, *from_month, 1};
  match.period.last = CivilDate{to_year->value, *to_month, DaysInMonth(to_year->value, *to_month)};
  CheckOrder(&match.period);
  return match;
}

std::optional<PeriodMatch> PeriodAt(const Tokens& t, size_t i) {
  if (std::optional<PeriodMatch> part = YearPartAt(t, i)) return part;
  if (t.Is(i, "del") || t.Is(i, "de") || t.Is(i, "desde")) {
    const std::string_view opener = t[i].text;
    const size_t j = opener == "desde" && t.Is(i + 1, "el") ? i + 2 : i + 1;
    if (std::optional<PeriodMatch> days = DayRangeAt(t, i, j, opener)) return days;
    if (std::optional<PeriodMatch> months = MonthRangeAt(t, i, j, opener)) return months;
    return std::nullopt;
  }
  if (std::optional<PeriodMatch> days = DayRangeAt(t, i, i, "")) return days;
  return MonthRangeAt(t, i, i, "");
}

// The period `at` (PeriodAt, YearPartAt) finds when it spans the whole of `text`, final stops
// aside.
template <typename At>
std::optional<DatePeriod> WholeText(std::string_view text, At at) {
  const std::string folded = Fold(text);
  const Tokens t(folded);
  size_t end = t.size();
  while (end > 0 && t.Is(end - 1, ".")) --end;
  if (end == 0) return std::nullopt;
  std::optional<PeriodMatch> match = at(t);
  if (!match || match->last != end) return std::nullopt;
  return match->period;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDaysInMonth[month - 1];
}

bool CivilDate::IsValid() const {
  return year >= 1 && year <= 9999 && day >= 1 && day <= DaysInMonth(year, month);
}

std::string CivilDate::Iso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::vector<DateMention> FindDates(std::string_view text, std::optional<int> default_year) {
  const FoldedText folded = FoldWithOffsets(text);
  const Tokens t(folded.text);
  // A date has figures or a month's name (a day alone counts only before a date with a month):
  // a text with neither has none, and its words need not be read as days.
  bool figures_or_month = false;
  for (size_t i = 0; i < t.size() && !figures_or_month; ++i) {
    figures_or_month = AllDigits(t[i].text) || MonthAt(t, i).has_value();
  }
  if (!figures_or_month) return {};
  std::vector<Item> items;
  for (size_t i = 0; i < t.size();) {
    if (std::optional<Item> item = ItemAt(t, i)) {
      items.push_back(*item);
      i = item->last;
    } else {
      // A number too large for a day is skipped whole, so that the "noventa y ocho" of "mil
      // novecientos noventa y ocho" is not read as a day.
      i += std::max<size_t>(1, NumberWordsAt(t, i));
    }
  }

  // Lists and ranges, read from their last date back to their first: a bare day takes the month
  // of the date after it, a date without a year takes the year written after it.
  std::vector<bool> kept(items.size(), true);
  std::vector<YearSource> sources(items.size(), YearSource::kWritten);
  for (size_t k = items.size(); k-- > 0;) {
    Item& item = items[k];
    const Item* next = k + 1 < items.size() && kept[k + 1] ? &items[k + 1] : nullptr;
    const Link link = next != nullptr ? LinkBetween(t, item.last, next->first) : Link::kNone;
    if (item.bare) {
      // A comma alone only continues a list of bare days; the last one needs "y", "al", "-".
      if (link == Link::kNone || (link == Link::kComma && !next->bare) || item.day >= next->day) {
        kept[k] = false;
        continue;
      }
      item.month = next->month;
    }
    if (item.year) continue;
    if (item.same_year) {
      sources[k] = YearSource::kEarlier;
      continue;
    }
    const bool next_states_year =
        link != Link::kNone && next->year &&
        (sources[k + 1] == YearSource::kWritten || sources[k + 1] == YearSource::kShared);
    if (next_states_year && Before(item, *next)) {
      item.year = next->year;
      sources[k] = YearSource::kShared;
    } else if (default_year) {
      item.year = default_year;
      sources[k] = YearSource::kDefault;
    } else {
      sources[k] = YearSource::kUnknown;
    }
  }

  // "del mismo año" takes the year of the nearest date before it that has one.
  std::optional<int> earlier;
  for (size_t k = 0; k < items.size(); ++k) {
    if (!kept[k]) continue;
    if (items[k].same_year) items[k].year = earlier;
    if (items[k].year) earlier = items[k].year;
  }

  std::vector<DateMention> mentions;
  for (size_t k = 0; k < items.size(); ++k) {
    if (!kept[k]) continue;
    const Item& item = items[k];
    const auto [begin, end] = SourceRange(folded, text, t, item.first, item.last);
    DateMention mention;
    mention.begin = begin;
    mention.end = end;
    mention.raw = std::string(text.substr(begin, end - begin));
    mention.day = item.day;
    mention.month = item.month;
    mention.year = item.year;
    mention.year_source = sources[k];
    mention.error = DayError(item.day, item.month, item.year);
    if (mention.error.empty() && item.year) {
      mention.date = CivilDate{*item.year, item.month, item.day};
    }
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

std::optional<DatePeriod> ParsePeriod(std::string_view text) {
  return WholeText(text, [](const Tokens& t) { return PeriodAt(t, 0); });
}

std::optional<DatePeriod> ParseYearPart(std::string_view text, int default_year) {
  std::optional<DatePeriod> part =
      WholeText(text, [&](const Tokens& t) { return YearPartAt(t, 0, default_year); });
  if (part && !part->ok()) return std::nullopt;
  return part;
}

std::vector<PeriodMention> FindPeriods(std::string_view text) {
  const FoldedText folded = FoldWithOffsets(text);
  const Tokens t(folded.text);
  std::vector<PeriodMention> mentions;
  for (size_t i = 0; i < t.size();) {
    std::optional<PeriodMatch> match = PeriodAt(t, i);
    if (!match) {
      ++i;
      continue;
    }
    const auto [begin, end] = SourceRange(folded, text, t, match->first, match->last);
    mentions.push_back(
        PeriodMention{begin, end, std::string(text.substr(begin, end - begin)), match->period});
    i = match->last;
  }
  return mentions;
}

std::optional<int> YearPartNumber(std::string_view folded) {
  if (std::optional<int> ordinal = ParseOrdinalWord(folded)) return ordinal;
  if (std::optional<int> roman = RomanPart(folded)) return roman;
  if (folded.size() <= 2 && AllDigits(folded)) return ToInt(folded);
  return std::nullopt;
}

std::optional<int> MonthsOfYearPart(std::string_view folded, bool abbreviated) {
  constexpr size_t kShortest = 4;
  for (const YearPart& part : kYearParts) {
    const std::string_view stem = part.folded.substr(0, part.folded.size() - 1);  // "trimestr"
    if (folded == part.folded || folded == std::string(stem) + "al") return part.months;
    if (abbreviated && folded.size() >= kShortest && folded.size() < part.folded.size() &&
        part.folded.substr(0, folded.size()) == folded) {
      return part.months;
    }
  }
  return std::nullopt;
}

std::optional<int> MonthOfWord(std::string_view folded, bool abbreviated) {
  for (const MonthName& name : kMonthNames) {
    if (folded == name.folded) return name.month;
    if (abbreviated && folded.size() >= 3 && folded.size() < name.folded.size() &&
        name.folded.substr(0, folded.size()) == folded) {
      return name.month;
    }
  }
  return std::nullopt;
}

}  // namespace oplex
