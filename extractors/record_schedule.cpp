#include "extractors/record_schedule.h"

#include <array>
#include <map>

#include "extractors/month_grid.h"
#include "extractors/table/schedule_text.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"

namespace oplex {
namespace {

class ScheduleReader {
 public:
  ScheduleReader(const TypedTable& table, const TableRules& rules, std::optional<int> year)
      : table_(table), rules_(rules), year_(year) {}

  void Read(const RecordRows& d, Activity* a) const {
    if (table_.header.months) {
      ReadGrid(d, a);
    } else if (!table_.header.half_year.empty()) {
      ReadHalfYears(d, a);
    } else {
      ReadDates(d, a);
    }
  }

 private:
  // The text of column `c` over the record's rows, lines joined.
  std::string ColumnText(const RecordRows& d, size_t c) const {
    std::string text;
    for (const TypedRow* row : d.rows) {
      if (c >= row->cells.size() || row->cells[c].cell->covered) continue;
      const std::string part = PlainText(row->cells[c].cell->text);
      if (!part.empty()) AppendLine(part, &text);
    }
    return text;
  }

  void ReadGrid(const RecordRows& d, Activity* a) const {
    std::optional<MonthMarks> marks;
    std::array<std::optional<Quantity>, 12> planned;
    for (size_t i = 0; i < d.rows.size(); ++i) {
      const Row& row = *d.rows[i]->row;
      for (int m = 0; m < 12; ++m) {
        const auto [first, last] = (*table_.header.months)[static_cast<size_t>(m)];
        if (first == last && first < row.cells.size()) {
          if (auto q = ParseQuantity(row.cells[first].text); q && q->value) planned[m] = q;
        }
      }
      if (auto more =
              ReadMonthMarks(row, *table_.header.months, rules_.base(), table_.header.next_year)) {
        if (marks) {
          AddMarks(*more, &*marks);
        } else {
          marks = *more;
        }
      }
    }
    // A rendered grid shows its empty cells: a row without marks marks no month.
    const bool rendered = d.rows.front()->row->background.has_value();
    if (!marks && !rendered) return;
    if (!marks) marks = MonthMarks{};
    const std::optional<int> year = table_.header.year ? table_.header.year : year_;
    a->months = marks->mask;
    a->months_source = MonthsSource::kGrid;
    // Sized once: a plan holds thousands of activities, each with its months, until it is stored.
    a->month_values.reserve(a->month_values.size() + 12 +
                            (year ? table_.header.next_year.size() : 0));
    for (int m = 0; m < 12; ++m) {
      MonthValue v;
      v.month = m + 1;
      v.year = year;
      v.marked = a->months.has(m + 1);
      v.planned = planned[static_cast<size_t>(m)];
      v.weeks = marks->weeks[static_cast<size_t>(m)];
      v.provenance = a->provenance;
      v.provenance.bbox = marks->boxes[static_cast<size_t>(m)];
      a->month_values.push_back(std::move(v));
    }
    if (year) ReadNextYear(d, *year + 1, a);
  }

  // The months a grid runs on into after December, in the following year.
  void ReadNextYear(const RecordRows& d, int year, Activity* a) const {
    const MonthColumns& grid = table_.header.next_year;
    if (grid.empty()) return;
    std::optional<MonthMarks> marks;
    for (const TypedRow* row : d.rows) {
      if (auto more = ReadMonthMarks(*row->row, grid, rules_.base(), *table_.header.months)) {
        if (marks) {
          AddMarks(*more, &*marks);
        } else {
          marks = *more;
        }
      }
    }
    if (!marks) return;
    for (size_t m = 0; m < grid.size(); ++m) {
      MonthValue v;
      v.month = static_cast<int>(m) + 1;
      v.year = year;
      v.marked = marks->mask.has(v.month);
      v.weeks = marks->weeks[m];
      v.provenance = a->provenance;
      v.provenance.bbox = marks->boxes[m];
      a->month_values.push_back(std::move(v));
    }
  }

  // A grid printed as two rows of six: the record row holds January to June, the rows under
  // the month-label row July to December.
  void ReadHalfYears(const RecordRows& d, Activity* a) const {
    const std::vector<size_t>& cells = table_.header.half_year;
    // Marks and fills are read as in a grid of twelve (month_grid.h), a fill against the row's
    // own unfilled colour outside the grid: a row whose months are mostly filled has more
    // filled cells than white ones.
    MonthColumns six;
    for (size_t k = 0; k < cells.size() && k < 6; ++k) six.emplace_back(cells[k], cells[k]);
    std::array<std::optional<Quantity>, 12> planned;
    std::array<std::optional<BBox>, 12> boxes;
    std::array<bool, 12> marked{};
    bool any = false;
    for (size_t i = 0; i < d.rows.size(); ++i) {
      const TypedRow& row = *d.rows[i];
      const int offset = d.second_half[i] ? 6 : 0;
      const std::optional<MonthMarks> seen = ReadMonthMarks(*row.row, six, rules_.base());
      for (size_t k = 0; k < six.size(); ++k) {
        if (cells[k] >= row.cells.size()) continue;
        const TypedCell& cell = row.cells[cells[k]];
        const size_t m = k + static_cast<size_t>(offset);
        if (cell.kind == CellKind::kNumber) {
          planned[m] = ParseQuantity(cell.folded);
          marked[m] = planned[m] && planned[m]->value && *planned[m]->value > 0;
          boxes[m] = cell.cell->bbox;
          any = true;
        } else if (seen && seen->mask.has(static_cast<int>(k) + 1)) {
          marked[m] = true;
          boxes[m] = cell.cell->bbox;
          any = true;
        }
      }
    }
    if (!any) return;
    MonthMask mask = MonthMask::FromBits(0);
    for (int m = 0; m < 12; ++m) {
      MonthValue v;
      v.month = m + 1;
      v.year = table_.header.year ? table_.header.year : year_;
      v.marked = marked[static_cast<size_t>(m)];
      v.planned = planned[static_cast<size_t>(m)];
      v.provenance = a->provenance;
      v.provenance.bbox = boxes[static_cast<size_t>(m)];
      if (v.marked) mask = mask.With(m + 1);
      a->month_values.push_back(std::move(v));
    }
    a->months = mask;
    a->months_source = MonthsSource::kGrid;
  }

  // Months from the dates or period the row writes (a period column, or start and end dates).
  void ReadDates(const RecordRows& d, Activity* a) const {
    std::string written;
    for (ColumnRole role : {ColumnRole::kPeriod, ColumnRole::kStartDate, ColumnRole::kEndDate}) {
      if (auto c = table_.ColumnOf(role)) {
        std::string part = ColumnText(d, *c);
        const TypedCell* over = part.empty() ? table_.SpannedDown(*d.rows.front(), *c) : nullptr;
        if (over != nullptr) part = PlainText(over->cell->text);
        if (!part.empty()) written += (written.empty() ? "" : " al ") + part;
      }
    }
    if (written.empty()) return;
    const std::optional<TextSchedule> schedule = ReadScheduleText(written, year_);
    if (!schedule) return;
    if (!a->start_date) a->start_date = schedule->start;
    if (!a->end_date) a->end_date = schedule->end;
    // The plan's own year, or the one year the text names.
    std::optional<int> year = year_;
    if (!year && schedule->months.size() == 1) year = schedule->months.begin()->first;
    if (!year) return;
    const auto in_year = schedule->months.find(*year);
    a->months = MonthMask::FromBits(in_year == schedule->months.end() ? 0 : in_year->second);
    a->months_source = MonthsSource::kDates;
    // The plan's year first, all twelve months (activity_month holds the first year's); then
    // the marked months of other years.
    auto add = [&](int y, uint16_t bits, bool all) {
      for (int m = 1; m <= 12; ++m) {
        const bool marked = (bits >> (m - 1)) & 1;
        if (!all && !marked) continue;
        MonthValue v;
        v.month = m;
        v.year = y;
        v.marked = marked;
        v.provenance = a->provenance;
        a->month_values.push_back(std::move(v));
      }
    };
    add(*year, a->months.bits(), true);
    for (const auto& [y, bits] : schedule->months) {
      if (y != *year) add(y, bits, false);
    }
  }

  const TypedTable& table_;
  const TableRules& rules_;
  std::optional<int> year_;
};

}  // namespace

void ReadSchedule(const TypedTable& table, const RecordRows& record, const TableRules& rules,
                  std::optional<int> year, Activity* a) {
  ScheduleReader(table, rules, year).Read(record, a);
}

// The year most of the table's written schedules fall in, for a document whose own year is
// not known: the fiscal year of a calendar.
std::optional<int> ScheduleYear(const TypedTable& table) {
  std::map<int, int> votes;
  for (ColumnRole role : {ColumnRole::kPeriod, ColumnRole::kStartDate, ColumnRole::kEndDate}) {
    const auto c = table.ColumnOf(role);
    if (!c) continue;
    for (const TypedRow& row : table.rows) {
      if (row.kind != RowKind::kRecord || *c >= row.cells.size()) continue;
      if (auto s = ReadScheduleText(row.cells[*c].cell->text, std::nullopt)) {
        for (const auto& [y, bits] : s->months) ++votes[y];
      }
    }
  }
  std::optional<int> best;
  int most = 0;
  for (const auto& [y, n] : votes) {
    if (n > most) {
      most = n;
      best = y;
    }
  }
  return best;
}

}  // namespace oplex
