// Schedules written as words or dates in a cell instead of a grid: "Febrero- junio de 2020",
// "Enero de 2020", "6 y 7 de agosto de 2020", "21/01/2019", "enero-marzo", "del 6 al 7 de agosto",
// "Primer trimestre", "Todo el año".
// Each month the text covers is marked in its own year; a range of months or days marks every
// month between its ends. Pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oplex {

struct TextSchedule {
  // Per calendar year, the months covered (bit 0 = January). A text that names no year puts its
  // months in the default year; with no default year, nothing is read.
  std::map<int, uint16_t> months;
  std::optional<std::string> start;  // ISO date, when the text gives days
  std::optional<std::string> end;
};

// A word of a folded schedule text: text cut at spaces, commas, semicolons, periods, slashes and
// dashes (a dash kept as a word of its own), with the month it names (in full, or by its first
// three or more letters; "mar" only beside another month or its year) and the year it is
// (1900–2200, or two figures joined to a month: "sep-23", "ene/24", a dash then not kept).
struct ScheduleToken {
  std::string text;
  std::optional<int> month;
  std::optional<int> year;
};
std::vector<ScheduleToken> ScheduleTokens(const std::string& folded);

// The months `text` covers, or nullopt when it names no month (and no date). `default_year`
// is the year of a text that writes none (the plan's year).
std::optional<TextSchedule> ReadScheduleText(std::string_view text,
                                             std::optional<int> default_year);

}  // namespace oplex
