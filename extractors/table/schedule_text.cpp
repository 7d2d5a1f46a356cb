#include "extractors/table/schedule_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// "mar" alone is too often the sea to count as March: it does beside other months ("ene-mar")
// or its year ("mar-24").
constexpr std::string_view kMarch = "mar";

// A month named in full or by its first letters.
std::optional<int> MonthOfToken(std::string_view word) {
  if (word == kMarch) return std::nullopt;
  return MonthOfWord(word, true);
}

bool IsRangeWord(std::string_view word) {
  return word == "-" || word == "a" || word == "al" || word == "hasta";
}

}  // namespace

std::vector<ScheduleToken> ScheduleTokens(const std::string& folded) {
  std::vector<ScheduleToken> out;
  std::string word;
  char joined_by = 0;  // the one dash or slash between the last word and this one, if no space
  auto flush = [&] {
    if (word.empty()) return;
    ScheduleToken t;
    t.text = word;
    t.month = MonthOfToken(word);
    const bool digits =
        std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (digits && word.size() == 4) {
      const int y = std::stoi(word);
      if (y >= 1900 && y <= 2200) t.year = y;
    }
    // "sep-23", "ENE/24": a month and the last two figures of its year, as spreadsheets print
    // them (the years 1970 to 2069, as dates in figures read them).
    const size_t before = joined_by == '-' ? 2 : 1;  // a dash is a token of its own
    if (digits && word.size() == 2 && joined_by != 0 && out.size() >= before) {
      ScheduleToken& month = out[out.size() - before];
      if (month.text == kMarch) month.month = 3;
      if (month.month) {
        const int yy = std::stoi(word);
        t.year = yy < 70 ? 2000 + yy : 1900 + yy;
        if (joined_by == '-') out.pop_back();
      }
    }
    out.push_back(std::move(t));
    word.clear();
  };
  char last = ' ';
  for (char c : folded) {
    if (c == '-' || c == '/' || c == ',' || c == ';' || c == ' ' || c == '.') {
      const bool after_word = !word.empty();
      flush();
      joined_by = after_word && (c == '-' || c == '/') ? c : 0;
      if (c == '-') out.push_back(ScheduleToken{"-", std::nullopt, std::nullopt});
    } else {
      if (word.empty() && last != joined_by) joined_by = 0;  // a space came after the mark
      word += c;
    }
    last = c;
  }
  flush();
  // A narrow cell may break a long month's name across lines where it has no room
  // ("septiembre-diciembr" over "e", "novi" over "embre"): two words that spell a month in full
  // together, neither of them a month in full nor the second any month, are that month.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    ScheduleToken& a = out[i];
    const ScheduleToken& b = out[i + 1];
    if (MonthOfWord(a.text, false) || a.year || b.month || b.year || b.text == "-") continue;
    if (const std::optional<int> month = MonthOfWord(a.text + b.text, false)) {
      a.text += b.text;
      a.month = month;
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }
  if (std::any_of(out.begin(), out.end(), [](const ScheduleToken& t) { return t.month; })) {
    for (ScheduleToken& t : out) {
      if (t.text == kMarch) t.month = 3;
    }
  }
  return out;
}

namespace {

void Mark(int year, int month, TextSchedule* out) {
  out->months[year] |= static_cast<uint16_t>(1u << (month - 1));
}

// Every month from (y0, m0) to (y1, m1), both included.
void MarkRange(int y0, int m0, int y1, int m1, TextSchedule* out) {
  for (int y = y0, m = m0; y < y1 || (y == y1 && m <= m1); ++m) {
    if (m > 12) {
      m = 1;
      ++y;
    }
    if (y > y1 || (y == y1 && m > m1)) break;
    Mark(y, m, out);
  }
}

std::optional<TextSchedule> FromDates(std::string_view text, std::optional<int> default_year) {
  const std::vector<DateMention> dates = FindDates(text, default_year);
  std::vector<CivilDate> days;
  for (const DateMention& d : dates) {
    if (d.date) days.push_back(*d.date);
  }
  if (days.empty()) return std::nullopt;
  TextSchedule out;
  const CivilDate first = *std::min_element(days.begin(), days.end());
  const CivilDate last = *std::max_element(days.begin(), days.end());
  // Days joined by a range word ("del 6 al 7 de agosto") cover what lies between them; a list
  // ("6 y 20 de agosto") only its own days, which for months is the same unless the months differ.
  const std::string folded = Fold(text);
  const bool range =
      folded.find(" al ") != std::string::npos || folded.find(" a ") != std::string::npos ||
      folded.find('-') != std::string::npos || folded.find(" hasta ") != std::string::npos;
  if (range) {
    MarkRange(first.year, first.month, last.year, last.month, &out);
  } else {
    for (const CivilDate& d : days) Mark(d.year, d.month, &out);
  }
  out.start = first.Iso();
  out.end = last.Iso();
  return out;
}

// Whether the text says the whole year, its year aside: "todo el año", "durante todo el
// ejercicio 2025" ("permanente" and "anual" may say how often as well as when: not read).
bool WholeYear(const std::vector<ScheduleToken>& tokens) {
  std::vector<std::string_view> words;
  for (const ScheduleToken& t : tokens) {
    if (!t.year) words.push_back(t.text);
  }
  if (!words.empty() && words.front() == "durante") words.erase(words.begin());
  if (words.size() == 4 && words.back() == "fiscal") words.pop_back();
  return words.size() == 3 && (words[0] == "todo" || words[0] == "toda") && words[1] == "el" &&
         (words[2] == "año" || words[2] == "ejercicio");
}

// A month the text names, in its year.
struct MonthYear {
  int month = 0;
  int year = 0;
  bool written = false;  // the year follows the month ("octubre 2023", "mayo de 2024", "sep-23")
};

// The year of each month `tokens` name, in order: the year written right after it; else the next
// year the text writes ("enero a marzo de 2024"); else the last it wrote before ("noviembre 2020
// - febrero"); else `default_year`, which the caller has checked is there when no year is written.
std::vector<MonthYear> YearsOfMonths(const std::vector<ScheduleToken>& tokens,
                                     std::optional<int> default_year) {
  // The next year written after each token, found once from the end (a list of months however
  // long is read in one pass).
  std::vector<std::optional<int>> after(tokens.size() + 1);
  for (size_t i = tokens.size(); i-- > 0;)
    after[i] = tokens[i].year ? tokens[i].year : after[i + 1];
  std::vector<MonthYear> out;
  std::optional<int> before;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].year) before = tokens[i].year;
    if (!tokens[i].month) continue;
    MonthYear m{*tokens[i].month, 0, false};
    size_t at = i + 1;
    if (at < tokens.size() && (tokens[at].text == "de" || tokens[at].text == "del")) ++at;
    if (at < tokens.size() && tokens[at].year) {
      m.year = *tokens[at].year;
      m.written = true;
    } else {
      m.year = after[i + 1] ? *after[i + 1] : before ? *before : *default_year;
    }
    out.push_back(m);
  }
  return out;
}

}  // namespace

std::optional<TextSchedule> ReadScheduleText(std::string_view text,
                                             std::optional<int> default_year) {
  if (auto dated = FromDates(text, default_year)) return dated;
  const std::vector<ScheduleToken> tokens = ScheduleTokens(Fold(text));
  std::optional<int> year = default_year;
  for (const ScheduleToken& t : tokens) {
    if (t.year) year = t.year;  // the year the text writes (the last one, as in "enero de 2020")
  }
  if (!year) return std::nullopt;
  TextSchedule out;
  if (WholeYear(tokens)) {
    MarkRange(*year, 1, *year, 12, &out);
    return out;
  }
  if (const std::optional<DatePeriod> part = ParseYearPart(text, *year)) {
    MarkRange(part->first.year, part->first.month, part->last.year, part->last.month, &out);
    return out;
  }
  std::vector<MonthYear> months = YearsOfMonths(tokens, default_year);
  // Which months end a range from the month before them ("enero a marzo").
  std::vector<bool> ends_range;
  bool ranging = false;
  for (const ScheduleToken& t : tokens) {
    if (t.month) {
      ends_range.push_back(ranging && !ends_range.empty());
      ranging = false;
    } else if (IsRangeWord(t.text)) {
      ranging = true;
    } else if (t.text != "de" && t.text != "del") {
      ranging = false;
    }
  }
  for (size_t i = 1; i < months.size(); ++i) {
    MonthYear& from = months[i - 1];
    MonthYear& to = months[i];
    if (!ends_range[i] || to.month >= from.month || to.year != from.year) continue;
    // Over the year's end: the written year belongs to the end of the range ("octubre a junio
    // de 2024") unless the start writes its own ("noviembre 2020 - febrero").
    if (to.written && !from.written) {
      --from.year;
    } else {
      ++to.year;
    }
  }
  for (size_t i = 0; i < months.size(); ++i) {
    if (ends_range[i]) {
      MarkRange(months[i - 1].year, months[i - 1].month, months[i].year, months[i].month, &out);
    } else {
      Mark(months[i].year, months[i].month, &out);
    }
  }
  if (out.months.empty()) return std::nullopt;
  return out;
}

}  // namespace oplex
