#include "extractors/table/header_band.h"

#include <re2/re2.h>

#include <algorithm>
#include <sstream>

#include "extractors/table/misread_labels.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

// A header label names a role when its weight reaches this.
constexpr double kNamesRole = 0.5;
// A header label has at most this many words.
constexpr int kLabelWords = 12;
// A row of week numbers has at least this many increasing small numbers.
constexpr int kMinWeekNumbers = 8;

bool BodyOnly(CellKind k) {
  return k == CellKind::kFilled || k == CellKind::kMark || k == CellKind::kMoney ||
         k == CellKind::kPercent || k == CellKind::kDate || k == CellKind::kPeriod;
}

std::optional<int> YearIn(const std::string& folded) {
  static const RE2 kYear(R"((?:^|\D)((?:19|20)\d\d)(?:\D|$))");
  int year = 0;
  if (RE2::PartialMatch(folded, kYear, &year)) return year;
  return std::nullopt;
}

bool IsDated(CellKind k) { return k == CellKind::kDate || k == CellKind::kPeriod; }

// The year every month of the grid writes after it ("ene-23" … "dic-23"), if they all write one.
std::optional<int> YearOfMonths(const Row& row, const MonthColumns& months,
                                const ExtractionRules& rules) {
  std::optional<int> year;
  for (const auto& [first, last] : months) {
    const std::optional<int> own = rules.YearOfMonth(Fold(row.cells[first].text));
    if (!own || (year && *own != *year)) return std::nullopt;
    year = own;
  }
  return year;
}

// Whether most filled cells of column `c` below row `r` write dates or periods.
bool DatesBelow(const std::vector<std::vector<TypedCell>>& rows, size_t r, size_t c) {
  int filled = 0, dated = 0;
  for (size_t below = r + 1; below < rows.size(); ++below) {
    if (c >= rows[below].size() || rows[below][c].folded.empty()) continue;
    ++filled;
    dated += IsDated(rows[below][c].kind) ? 1 : 0;
  }
  return filled > 0 && dated * 2 >= filled;
}

// Whether a cell of column `c` below row `r` holds a year.
bool YearsBelow(const std::vector<std::vector<TypedCell>>& rows, size_t r, size_t c) {
  for (size_t below = r + 1; below < rows.size(); ++below) {
    if (c < rows[below].size() && YearIn(rows[below][c].folded)) return true;
  }
  return false;
}

// Whether row `r` holds a cell only a table's body holds. A date or a period over a column of
// figures is a header naming the time its figures cover ("ACUMULADO ENE-MAR 2017",
// "PROGRAMADO ENE-MAR"); over a column of dates it is the first record's.
bool HoldsBody(const std::vector<std::vector<TypedCell>>& rows, size_t r) {
  for (size_t c = 0; c < rows[r].size(); ++c) {
    const TypedCell& cell = rows[r][c];
    if (!BodyOnly(cell.kind)) continue;
    if (!IsDated(cell.kind) || DatesBelow(rows, r, c)) return true;
  }
  return false;
}

size_t NonEmpty(const std::vector<TypedCell>& row) {
  return static_cast<size_t>(std::count_if(row.begin(), row.end(), [](const TypedCell& c) {
    return c.kind != CellKind::kEmpty && c.kind != CellKind::kFilled;
  }));
}

bool NamesRoles(const std::vector<TypedCell>& row, const TableRules& rules) {
  for (const TypedCell& c : row) {
    // A label is a few words; a sentence that happens to hold one ("…y del cumplimiento de las
    // actividades…") is body.
    // Dates reach here only as labels of the time a column covers (HoldsBody).
    const bool words =
        c.kind == CellKind::kShortLabel || c.kind == CellKind::kText || IsDated(c.kind);
    if (!words || c.words > kLabelWords) continue;
    const auto scores = rules.ScoreLabel(c.folded);
    for (const auto& s : scores) {
      if (s.weight >= kNamesRole) return true;
    }
  }
  return false;
}

bool WeekNumbers(const std::vector<TypedCell>& row) {
  int count = 0;
  double last = 0;
  for (const TypedCell& c : row) {
    if (c.kind != CellKind::kNumber) continue;
    const double v = std::atof(c.folded.c_str());
    if (v <= last || v > 60) return false;
    last = v;
    ++count;
  }
  return count >= kMinWeekNumbers;
}

// A lone title over the table ("METAS COMPLEMENTARIAS", "Programa 1: Promoción de la cultura
// cívica"): one cell of text spanning most columns, no longer than a label.
bool LoneTitle(const std::vector<TypedCell>& row) {
  if (NonEmpty(row) != 1) return false;
  for (const TypedCell& c : row) {
    if (c.kind == CellKind::kEmpty) continue;
    return c.cell->col_span * 2 >= static_cast<int>(row.size()) && c.words <= kLabelWords;
  }
  return false;
}

// Whether row `r` labels the parts of header cells above it that span columns ("1er. Trimestre"
// over "Prog." and "Real."): every cell with words in it a short label, and two or more under a
// cell of the row above spanning columns.
bool SubLabels(const std::vector<std::vector<TypedCell>>& rows, size_t r) {
  if (r == 0) return false;
  size_t under_span = 0;
  for (size_t c = 0; c < rows[r].size(); ++c) {
    const TypedCell& cell = rows[r][c];
    if (cell.cell->covered || cell.folded.empty()) continue;
    if (cell.kind != CellKind::kShortLabel) return false;
    const TypedCell* above = CellAt(rows, r - 1, c);
    if (above != nullptr && above->cell->col_span > 1) ++under_span;
  }
  return under_span >= 2;
}

// The row's cells with the header rows above stacked onto them, spaces squeezed out: a narrow
// column prints "EN" over "E", which is "ene".
std::vector<TypedCell> Stacked(const std::vector<std::vector<TypedCell>>& rows, size_t r) {
  std::vector<TypedCell> out = rows[r];
  for (size_t c = 0; c < out.size(); ++c) {
    std::string joined;
    for (size_t up = 0; up <= r; ++up) {
      if (c < rows[up].size()) joined += rows[up][c].folded;
    }
    out[c].folded = joined;
  }
  return out;
}

// The month tokens that follow December's cells in a header row, from January on (a grid running
// into the next year), each with the cells it spans.
MonthColumns MonthsAfter(const Row& row, size_t december, const TableRules& rules) {
  MonthColumns out;
  int month = 1;
  for (size_t i = december + 1; i < row.cells.size() && month <= 12; ++i) {
    const Cell& cell = row.cells[i];
    if (cell.covered || cell.text.empty()) continue;
    const std::vector<int> months = rules.base().MonthsOf(Fold(cell.text));
    if (std::find(months.begin(), months.end(), month) == months.end()) break;
    out.emplace_back(i, i + static_cast<size_t>(std::max(1, cell.col_span)) - 1);
    ++month;
  }
  return out;
}

// Whether column `c` holds anything under the header band's `band_rows` rows.
bool HoldsContent(const std::vector<std::vector<TypedCell>>& rows, size_t band_rows, size_t c) {
  for (size_t r = band_rows; r < rows.size(); ++r) {
    if (c < rows[r].size() && !rows[r][c].cell->covered && !rows[r][c].folded.empty()) return true;
  }
  return false;
}

// A header cell's words folded, misread ones mended where OCR had doubts (misread_labels.h).
std::string FoldLabel(const std::string& words, const TypedCell& cell, const TableRules& rules) {
  return cell.cell->confidence < 1.0 ? MendLabelWords(Fold(words), rules) : Fold(words);
}

// How strongly a run of a header cell's words names a role: its best weight, or 0 when it names
// none or is unfinished ("Acciones Sustantivas del").
double RunWeight(const std::string& run, const TypedCell& cell, const TableRules& rules) {
  const std::string folded = FoldLabel(run, cell, rules);
  if (rules.UnfinishedLabel(folded)) return 0;
  double best = 0;
  for (const auto& score : rules.ScoreLabel(folded)) best = std::max(best, score.weight);
  return best >= kNamesRole ? best : 0;
}

// The cut of `words` into `parts` runs, each naming a role, whose runs name their roles most
// strongly; nullopt when there is none, or two are as strong ("PROGRAMADA ALCANZADA % AVANCE"
// over three columns: "% AVANCE" names the percent more strongly than "AVANCE" the achieved).
std::optional<std::vector<std::string>> RoleCut(const std::vector<std::string>& words, size_t parts,
                                                const TypedCell& cell, const TableRules& rules) {
  const size_t n = words.size();
  if (parts < 2 || n < parts || n > kLabelWords) return std::nullopt;
  // The weight of each run of words [from, end), scored once.
  std::vector<std::vector<double>> run_weight(n, std::vector<double>(n + 1, -1));
  auto weight_of = [&](size_t from, size_t end) {
    double& w = run_weight[from][end];
    if (w < 0) {
      std::string run;
      for (size_t i = from; i < end; ++i) AppendLine(words[i], &run);
      w = RunWeight(run, cell, rules);
    }
    return w;
  };
  // The best cut of the words from `from` on into `left` runs: its weight (0 when there is
  // none), whether another is as good, and where its first run ends.
  struct Best {
    double weight = 0;
    bool tie = false;
    size_t end = 0;
  };
  std::vector<std::vector<std::optional<Best>>> memo(n + 1,
                                                     std::vector<std::optional<Best>>(parts + 1));
  auto best = [&](auto&& self, size_t from, size_t left) -> Best {
    if (memo[from][left]) return *memo[from][left];
    Best out;
    if (left == 1) {
      out = Best{weight_of(from, n), false, n};
    } else {
      for (size_t end = from + 1; end + left - 1 <= n; ++end) {
        const double first = weight_of(from, end);
        if (first == 0) continue;
        const Best rest = self(self, end, left - 1);
        if (rest.weight == 0) continue;
        const double total = first + rest.weight;
        if (total > out.weight + 1e-9) {
          out = Best{total, rest.tie, end};
        } else if (total > out.weight - 1e-9) {
          out.tie = true;
        }
      }
    }
    memo[from][left] = out;
    return out;
  };
  const Best whole = best(best, 0, parts);
  if (whole.weight == 0 || whole.tie) return std::nullopt;
  std::vector<std::string> runs;
  for (size_t from = 0, left = parts; left > 0; --left) {
    const size_t end = best(best, from, left).end;
    std::string run;
    for (size_t i = from; i < end; ++i) AppendLine(words[i], &run);
    runs.push_back(std::move(run));
    from = end;
  }
  return runs;
}

std::vector<std::string> WordsOf(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The words of a spanning header cell that stand over column `c`, when they can be split into
// one role-naming label per spanned column that holds anything (RoleCut); nullopt
// otherwise (a title over a group of columns, "PERIODO" over "Inicio | Término", names one
// thing). A cell of several lines may be a title over the labels ("ACUMULADA AL PERIODO" over
// "PROGRAMADA ALCANZADA % AVANCE"): its last line is split, and each part keeps the title.
std::optional<std::string> SplitLabel(const TypedCell& cell,
                                      const std::vector<std::vector<TypedCell>>& rows, size_t r,
                                      size_t c, size_t band_rows, const TableRules& rules) {
  // The cell's first column: the cell stands there in its row.
  size_t first = c;
  while (first > 0 && CellAt(rows, r, first - 1) == &cell) --first;
  const size_t span = static_cast<size_t>(cell.cell->col_span);
  std::vector<size_t> filled;
  for (size_t k = first; k < first + span; ++k) {
    if (HoldsContent(rows, band_rows, k)) filled.push_back(k);
  }
  const size_t last_line = cell.cell->text.rfind('\n');
  std::string title;
  std::optional<std::vector<std::string>> cut;
  if (last_line != std::string::npos) {
    title = PlainText(cell.cell->text.substr(0, last_line));
    cut = RoleCut(WordsOf(PlainText(cell.cell->text.substr(last_line + 1))), filled.size(), cell,
                  rules);
  }
  if (!cut) {
    title.clear();
    cut = RoleCut(WordsOf(PlainText(cell.cell->text)), filled.size(), cell, rules);
  }
  if (!cut) return std::nullopt;
  const auto at = std::find(filled.begin(), filled.end(), c);
  if (at == filled.end()) return std::string();  // an empty sliver of the span
  const std::string& part = (*cut)[static_cast<size_t>(at - filled.begin())];
  return title.empty() ? part : title + " / " + part;
}

}  // namespace

const TypedCell* CellAt(const std::vector<std::vector<TypedCell>>& rows, size_t r, size_t column) {
  if (r >= rows.size() || column >= rows[r].size()) return nullptr;
  if (!rows[r][column].cell->covered) return &rows[r][column];
  for (size_t c = column; c-- > 0;) {
    const Cell& left = *rows[r][c].cell;
    if (!left.covered && c + static_cast<size_t>(std::max(1, left.col_span)) > column) {
      return &rows[r][c];
    }
  }
  for (size_t up = r; up-- > 0;) {
    if (column >= rows[up].size()) break;
    const Cell& above = *rows[up][column].cell;
    if (!above.covered && up + static_cast<size_t>(std::max(1, above.row_span)) > r) {
      return &rows[up][column];
    }
  }
  return nullptr;
}

std::vector<size_t> MonthRun(const std::vector<TypedCell>& row, int first, int count,
                             const ExtractionRules& rules) {
  std::vector<size_t> cells;
  int month = first;
  for (size_t i = 0; i < row.size() && month < first + count; ++i) {
    if (row[i].folded.empty()) continue;
    std::string joined;
    for (char c : row[i].folded) {
      if (c != ' ') joined += c;
    }
    const std::vector<int> months = rules.MonthsOf(joined);
    if (std::find(months.begin(), months.end(), month) != months.end()) {
      cells.push_back(i);
      ++month;
    } else if (!cells.empty()) {
      break;
    }
  }
  if (month != first + count) return {};
  return cells;
}

HeaderBand FindHeaderBand(const Block& block, const std::vector<std::vector<TypedCell>>& rows,
                          const TableRules& rules) {
  HeaderBand band;
  const size_t limit = std::min(kMaxHeaderRows, rows.size() > 0 ? rows.size() - 1 : 0);
  bool months_above = false;  // a row above already names the months
  for (size_t r = 0; r < limit; ++r) {
    const std::vector<TypedCell>& row = rows[r];
    // A row of month tokens is a header even where a one-letter month reads as a mark ("M").
    const bool months =
        FindMonthColumns(block.rows[r], rules.base()).has_value() ||
        !MonthRun(row, 1, 6, rules.base()).empty() ||
        (r > 0 && !months_above && !MonthRun(Stacked(rows, r), 1, 6, rules.base()).empty());
    months_above |= months;
    if (!months && HoldsBody(rows, r)) break;
    const bool weeks = band.rows > 0 && WeekNumbers(row);
    // Figures belong to the body, but for month numbers, week numbers and the year a label is
    // for ("META" over "2025", "2025" over the months) where no year stands below it.
    bool figures = false;
    for (size_t c = 0; c < row.size(); ++c) {
      const TypedCell& cell = row[c];
      if (cell.kind != CellKind::kNumber && cell.kind != CellKind::kCode) continue;
      if (YearIn(cell.folded) && cell.words == 1 && !YearsBelow(rows, r, c)) {
        continue;
      }
      figures = true;
    }
    if (figures && !months && !weeks) break;
    const bool header = NamesRoles(row, rules) || months || weeks ||
                        (band.rows == 0 && LoneTitle(row)) || SubLabels(rows, r);
    if (!header) break;
    band.rows = r + 1;
  }
  // A lone title with nothing under it that reads as a header is no header.
  if (band.rows == 1 && LoneTitle(rows[0])) band.rows = 0;

  size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.size());
  band.labels.assign(width, "");
  band.titles.assign(width, "");
  for (size_t r = 0; r < band.rows; ++r) {
    for (size_t c = 0; c < width; ++c) {
      const TypedCell* cell = CellAt(rows, r, c);
      if (cell == nullptr || cell->folded.empty()) continue;
      // A cell spanning rows labels its columns once.
      if (r > 0 && CellAt(rows, r - 1, c) == cell) continue;
      std::string& label = band.labels[c];
      std::string& title = band.titles[c];
      if (!label.empty()) {
        label += " / ";
        title += " / ";
      }
      std::string folded = cell->folded, plain = PlainText(cell->cell->text);
      // The lowest label of columns a cell spans may be several columns' labels run together
      // (a rule the page does not show, white on a dark header): "Acciones Responsable".
      if (r + static_cast<size_t>(std::max(1, cell->cell->row_span)) == band.rows &&
          cell->cell->col_span > 1) {
        if (auto part = SplitLabel(*cell, rows, r, c, band.rows, rules)) {
          folded = FoldLabel(*part, *cell, rules);
          plain = *part;
        }
      }
      label += folded;
      title += plain;
      if (!band.year) band.year = YearIn(cell->folded);
    }
    if (!band.months) {
      band.months = FindMonthColumns(block.rows[r], rules.base());
      if (band.months) {
        band.next_year = MonthsAfter(block.rows[r], band.months->back().second, rules);
        if (!band.year) band.year = YearOfMonths(block.rows[r], *band.months, rules.base());
      }
    }
    if (!band.months && band.half_year.empty()) {
      band.half_year = MonthRun(rows[r], 1, 6, rules.base());
      // Narrow columns print a month over two rows ("EN" over "E").
      if (band.half_year.empty() && r + 1 == band.rows) {
        band.half_year = MonthRun(Stacked(rows, r), 1, 6, rules.base());
      }
    }
  }
  if (band.months) band.half_year.clear();
  return band;
}

void AlignLabelsToContent(const std::vector<ColumnProfile>& profiles, HeaderBand* band) {
  auto month = [&](size_t c) {
    if (std::find(band->half_year.begin(), band->half_year.end(), c) != band->half_year.end()) {
      return true;
    }
    for (const MonthColumns* grid : {band->months ? &*band->months : nullptr, &band->next_year}) {
      if (grid == nullptr) continue;
      for (const auto& [first, last] : *grid) {
        if (c >= first && c <= last) return true;
      }
    }
    return false;
  };
  const size_t n = std::min(profiles.size(), band->labels.size());
  for (size_t c = 0; c < n; ++c) {
    if (band->labels[c].empty() || profiles[c].cells > 0 || month(c)) continue;
    for (size_t d = 1; d <= kLabelDrift; ++d) {
      std::optional<size_t> target;
      for (size_t to : {c - d, c + d}) {
        if (to < n && band->labels[to].empty() && profiles[to].cells > 0 && !month(to)) {
          target = to;
          break;
        }
      }
      if (!target) continue;
      band->labels[*target] = std::move(band->labels[c]);
      band->titles[*target] = std::move(band->titles[c]);
      band->labels[c].clear();
      band->titles[c].clear();
      break;
    }
  }
}

}  // namespace oplex
