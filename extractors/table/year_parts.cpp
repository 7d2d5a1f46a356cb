#include "extractors/table/year_parts.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/normalize/join.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

constexpr int kMonths = 12;
// The share of a part column's body cells that may hold something else than a mark or a fill
// (a stray word OCR read into a cell).
constexpr double kOtherCells = 0.05;

// A part of the year a column's label names: how many months each part of its kind spans and
// which part it is (1 = the first).
struct Part {
  int months = 0;
  int number = 0;
};

// The words of a folded label part, without the periods and degree signs of abbreviations
// ("1er.", "trim.").
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (std::string_view w : SplitSpaces(text)) {
    std::string word(w);
    while (!word.empty() && word.back() == '.') word.pop_back();
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

// How many months the parts a label part names span, when one of its words names a kind of part
// ("trimestre", "trimestral", "trim").
std::optional<int> KindIn(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (std::optional<int> months = MonthsOfYearPart(w, true)) return months;
  }
  return std::nullopt;
}

// The part a column's folded label names: its last part is a number and a kind ("1er. trim.",
// "trimestre 2", "II semestre") or a number alone under a title naming the kind ("calendarizacion
// trimestral / i").
std::optional<Part> PartOf(const std::string& label) {
  const size_t cut = label.rfind(" / ");
  const std::vector<std::string> last =
      Words(cut == std::string::npos ? label : label.substr(cut + 3));
  if (last.empty() || last.size() > 2) return std::nullopt;
  std::optional<int> months = KindIn(last);
  std::optional<int> number;
  for (const std::string& w : last) {
    if (MonthsOfYearPart(w, true)) continue;
    number = YearPartNumber(w);
    if (!number) return std::nullopt;
  }
  if (!number) return std::nullopt;
  if (!months && last.size() == 1 && cut != std::string::npos) {
    months = KindIn(Words(label.substr(0, cut)));
  }
  if (!months) return std::nullopt;
  return Part{*months, *number};
}

// Whether a column's body holds only marks, fills and empty cells, and some mark or fill.
bool MarksOnly(const ColumnProfile& p) {
  if (p.share.empty()) return false;
  auto share = [&](CellKind k) { return p.share[static_cast<size_t>(k)]; };
  const double marks = share(CellKind::kMark) + share(CellKind::kFilled);
  return marks > 0 && 1 - marks - share(CellKind::kEmpty) <= kOtherCells;
}

// The top of a label: what its first header row says ("trimestre" of "trimestre / ii").
std::string TopOf(const std::string& label) { return label.substr(0, label.find(" / ")); }

// Each month on the column of its part, the parts `months` long from column `first` on.
MonthColumns OnParts(size_t first, int months) {
  MonthColumns out;
  for (int m = 0; m < kMonths; ++m) {
    const size_t c = first + static_cast<size_t>(m / months);
    out.emplace_back(c, c);
  }
  return out;
}

// The first column of a run of neighbouring columns whose labels name every part of one kind in
// order, holding marks only, and how long each part is.
std::optional<std::pair<size_t, int>> NamedParts(const std::vector<ColumnProfile>& profiles,
                                                 const HeaderBand& band, size_t columns) {
  for (size_t first = 0; first < columns; ++first) {
    const std::optional<Part> opening = PartOf(band.labels[first]);
    if (!opening || opening->number != 1) continue;
    const int parts = kMonths / opening->months;
    if (first + static_cast<size_t>(parts) > columns) continue;
    bool grid = true;
    for (int k = 0; k < parts && grid; ++k) {
      const size_t c = first + static_cast<size_t>(k);
      const std::optional<Part> part = PartOf(band.labels[c]);
      grid = part && part->months == opening->months && part->number == k + 1 &&
             MarksOnly(profiles[c]);
    }
    // A run that goes on numbering past the year's parts counts something else (weeks).
    const size_t after = first + static_cast<size_t>(parts);
    if (grid && after < columns) {
      const std::optional<Part> next = PartOf(band.labels[after]);
      grid = !next || next->number != parts + 1;
    }
    if (grid) return std::pair{first, opening->months};
  }
  return std::nullopt;
}

// The label under a column's top, when it is at most kMisreadNumeral characters: what OCR makes
// of a part's numeral ("ll", "mI" for II, III), not a word of its own ("Parcial").
constexpr size_t kMisreadNumeral = 3;
bool NumeralMisread(const std::string& label) {
  const size_t cut = label.find(" / ");
  return cut == std::string::npos || label.size() - cut - 3 <= kMisreadNumeral;
}

// The first column of a run of exactly as many columns as the year has parts of the kind their
// shared title names ("Trimestre" over four), holding marks only, whose own labels OCR could not
// read ("ll", "mI" for II, III); and how long each part is.
std::optional<std::pair<size_t, int>> PartsUnderTheirTitle(
    const std::vector<ColumnProfile>& profiles, const HeaderBand& band, size_t columns) {
  if (band.rows < 2) return std::nullopt;
  for (size_t first = 0; first < columns;) {
    const std::string top = TopOf(band.labels[first]);
    size_t end = first + 1;
    while (end < columns && TopOf(band.labels[end]) == top) ++end;
    const std::optional<int> months = top.empty() ? std::nullopt : KindIn(Words(top));
    const bool marks = std::all_of(profiles.begin() + static_cast<std::ptrdiff_t>(first),
                                   profiles.begin() + static_cast<std::ptrdiff_t>(end), MarksOnly);
    const bool numerals =
        std::all_of(band.labels.begin() + static_cast<std::ptrdiff_t>(first),
                    band.labels.begin() + static_cast<std::ptrdiff_t>(end), NumeralMisread);
    if (months && end - first == static_cast<size_t>(kMonths / *months) && marks && numerals) {
      return std::pair{first, *months};
    }
    first = end;
  }
  return std::nullopt;
}

}  // namespace

void LayMonthsByYearParts(const std::vector<ColumnProfile>& profiles, HeaderBand* band) {
  if (band->months || !band->half_year.empty() || band->months_by_position) return;
  const size_t columns = std::min(profiles.size(), band->labels.size());
  if (const std::optional<std::pair<size_t, int>> named = NamedParts(profiles, *band, columns)) {
    band->months = OnParts(named->first, named->second);
  } else if (const std::optional<std::pair<size_t, int>> placed =
                 PartsUnderTheirTitle(profiles, *band, columns)) {
    band->months = OnParts(placed->first, placed->second);
    band->months_by_position = placed->first;
  }
}

}  // namespace oplex
