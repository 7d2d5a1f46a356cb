#include "extractors/table/schedule_text.h"

#include <algorithm>
#include <array>
#include <vector>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// A month named in full or by three letters; "mar" alone is too often the sea to count.
std::optional<int> MonthOfToken(std::string_view word) {
  if (word == "mar") return std::nullopt;
  return MonthOfWord(word, true);
}

bool IsRangeWord(std::string_view word) {
  return word == "-" || word == "a" || word == "al" || word == "hasta";
}

}  // namespace

std::vector<ScheduleToken> ScheduleTokens(const std::string& folded) {
  std::vector<ScheduleToken> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ScheduleToken t;
    t.text = word;
    t.month = MonthOfToken(word);
    if (word.size() == 4 && std::all_of(word.begin(), word.end(), ::isdigit)) {
      const int y = std::stoi(word);
      if (y >= 1900 && y <= 2200) t.year = y;
    }
    out.push_back(std::move(t));
    word.clear();
  };
  for (char c : folded) {
    if (c == '-' || c == '/' || c == ',' || c == ';' || c == ' ' || c == '.') {
      flush();
      if (c == '-') out.push_back(ScheduleToken{"-", std::nullopt, std::nullopt});
    } else {
      word += c;
    }
  }
  flush();
  // A narrow cell may break a long month's name across lines where it has no room
  // ("septiembre-diciembr" over "e"): two words that name nothing and spell a month in full
  // together are that month.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    ScheduleToken& a = out[i];
    const ScheduleToken& b = out[i + 1];
    if (a.month || a.year || b.month || b.year || b.text == "-") continue;
    if (const std::optional<int> month = MonthOfWord(a.text + b.text, false)) {
      a.text += b.text;
      a.month = month;
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
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
  if (const std::optional<DatePeriod> part = ParseYearPart(text, *year)) {
    MarkRange(part->first.year, part->first.month, part->last.year, part->last.month, &out);
    return out;
  }
  std::optional<int> previous;  // the last month named, waiting for a possible range end
  bool ranging = false;
  for (const ScheduleToken& t : tokens) {
    if (t.month) {
      if (ranging && previous) {
        const int end_year = *t.month < *previous ? *year + 1 : *year;
        MarkRange(*year, *previous, end_year, *t.month, &out);
      } else {
        Mark(*year, *t.month, &out);
      }
      previous = t.month;
      ranging = false;
    } else if (IsRangeWord(t.text) && previous) {
      ranging = true;
    } else if (t.text != "de" && t.text != "del") {
      ranging = false;
    }
  }
  if (out.months.empty()) return std::nullopt;
  return out;
}

}  // namespace oplex
