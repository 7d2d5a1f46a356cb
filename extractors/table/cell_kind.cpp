#include "extractors/table/cell_kind.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <sstream>

#include "extractors/month_grid.h"
#include "extractors/table/schedule_text.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// A short label has at most this many words; longer text is running text.
constexpr int kShortLabelWords = 3;
// A date fills its cell when at most this many bytes of the cell are not the date ("el ", ".").
constexpr size_t kDateSlack = 4;
// A period is short ("Febrero- junio de 2020"), or a list of months however long; a longer text
// naming a month is running text.
constexpr int kPeriodWords = 8;
constexpr int kAnyYear = 2000;

int CountWords(const std::string& folded) {
  std::istringstream in(folded);
  int n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

// The colour most of the row's empty cells have: what "not filled" looks like in this row.
std::optional<Rgb> UnfilledColour(const Row& row) {
  std::map<Rgb, int> counts;
  for (const Cell& c : row.cells) {
    if (c.fill && !c.covered) ++counts[*c.fill];
  }
  if (row.background) counts[*row.background] += 1;
  std::optional<Rgb> best;
  int most = 0;
  for (const auto& [colour, n] : counts) {
    if (n > most) {
      most = n;
      best = colour;
    }
  }
  return best;
}

// Whether a folded text may write a date or a period: it has a figure, a month's name, a part
// of the year ("primer trimestre") or the whole of it ("todo el año", "todo el ejercicio").
bool MayNameADate(const std::string& folded) {
  static constexpr std::array<std::string_view, 16> kStems = {
      "ene", "feb", "mar", "abr", "may", "jun",    "jul", "ago",
      "sep", "set", "oct", "nov", "dic", "mestre", "año", "ejercicio"};
  if (std::any_of(folded.begin(), folded.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return true;
  }
  return std::any_of(kStems.begin(), kStems.end(),
                     [&](std::string_view stem) { return folded.find(stem) != std::string::npos; });
}

// A list of months however long ("enero, abril, julio y octubre de 2023"): every word a month
// named in full, a year, a dash, or a word that joins them (data/label_words.tsv).
bool MonthList(const std::string& folded, const TableRules& rules) {
  int months = 0;
  for (const ScheduleToken& t : ScheduleTokens(folded)) {
    if (t.year || t.text == "-" || rules.UnfinishedLabel(t.text)) continue;
    if (!MonthOfWord(t.text, false)) return false;  // a month named in full
    ++months;
  }
  return months > 0;
}

bool IsMonthToken(const std::string& folded, const ExtractionRules& rules) {
  std::string joined;  // "en e" as a squeezed column prints "ene"
  for (char c : folded) {
    if (c != ' ') joined += c;
  }
  return !joined.empty() && !rules.MonthsOf(joined).empty() &&
         !std::all_of(joined.begin(), joined.end(),
                      [](unsigned char c) { return std::isdigit(c); });
}

// The kind of a cell whose folded text is `folded`, in a row whose unfilled cells have the
// colour `unfilled`.
CellKind KindOf(const Cell& cell, const std::string& folded, const std::optional<Rgb>& unfilled,
                const TableRules& rules) {
  if (folded.empty()) {
    if (!cell.fill) return CellKind::kEmpty;
    return unfilled && !SameColor(*cell.fill, *unfilled) ? CellKind::kFilled : CellKind::kEmpty;
  }
  if (rules.base().IsMark(folded)) return CellKind::kMark;
  static const RE2 kPercent(R"(^\(?-?\)?\s*\d[\d,]*(?:\.\d+)?\s*%$)");
  static const RE2 kMoney(R"(^-?\$\s*\d[\d,]*(?:\.\d+)?$)");
  if (RE2::FullMatch(folded, kPercent)) return CellKind::kPercent;
  if (RE2::FullMatch(folded, kMoney)) return CellKind::kMoney;
  // A number written with a leading zero ("01", "0101") is a code: quantities are not padded.
  static const RE2 kPadded(R"(^0\d+$)");
  if (RE2::FullMatch(folded, kPadded)) return CellKind::kCode;
  // A difference is signed ("-28"); a quantity never is.
  const std::string_view unsigned_part =
      folded.size() > 1 && folded.front() == '-' ? std::string_view(folded).substr(1) : folded;
  if (ParseQuantity(unsigned_part)) {
    // "1.1.2" or "3.-" would not parse; "1.1" does, and stays a number here.
    return CellKind::kNumber;
  }
  if (auto coded = rules.SplitCode(cell.text); coded && coded->text.empty()) return CellKind::kCode;
  if (IsMonthToken(folded, rules.base())) return CellKind::kMonth;
  const int words = CountWords(folded);
  // Dates and periods are short and write a figure or a month: nothing else is searched.
  if (MayNameADate(folded) && (words <= kPeriodWords || MonthList(folded, rules))) {
    const std::vector<DateMention> dates = FindDates(cell.text, std::nullopt);
    if (dates.size() == 1 && dates.front().raw.size() + kDateSlack >= PlainText(cell.text).size()) {
      return CellKind::kDate;
    }
    // Any year will do to tell whether the text names months at all.
    if (ReadScheduleText(cell.text, kAnyYear)) return CellKind::kPeriod;
  }
  return words <= kShortLabelWords ? CellKind::kShortLabel : CellKind::kText;
}

}  // namespace

CellKind KindOfCell(const Cell& cell, const Row& row, const TableRules& rules) {
  return KindOf(cell, Fold(cell.text), UnfilledColour(row), rules);
}

std::vector<TypedCell> TypeCells(const Row& row, const TableRules& rules) {
  std::vector<TypedCell> out;
  out.reserve(row.cells.size());
  const std::optional<Rgb> unfilled = UnfilledColour(row);
  for (const Cell& c : row.cells) {
    TypedCell t;
    t.cell = &c;
    t.folded = Fold(c.text);
    t.words = CountWords(t.folded);
    t.kind = c.covered ? CellKind::kEmpty : KindOf(c, t.folded, unfilled, rules);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace oplex
