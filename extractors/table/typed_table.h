// A table understood once: what each cell holds, which rows are the header, what each column
// means and what each row is. Built from a layout Block by UnderstandTable (table_reader.h) in
// named steps, one file each, each narrowing what the step before left:
//
//   cell_kind ─▶ header_band ─▶ column_profile ─▶ column_roles ─▶ row_kinds
//
// and read by small mappers (activity_mapper.h) that turn it into records. Plain value types;
// a TypedTable points into the Block it was built from, which must outlive it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/codes.h"
#include "extractors/month_grid.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

// What one cell holds, decided once from its text and fill (cell_kind.h).
enum class CellKind {
  kEmpty,       // nothing (an unfilled empty cell)
  kFilled,      // no text, but a fill that differs from the row's unfilled cells
  kMark,        // a mark glyph: X, ✓, ●
  kCode,        // a code of any shape: 1, 1.1, 1.-, A.1, III.2, DEOE-01, 010101
  kNumber,      // a quantity: 12, 4,060, 0.08, 300,000E, S/C
  kPercent,     // 25%, 12.5 %
  kMoney,       // $65,018.00
  kDate,        // 21/01/2019, 24 de octubre de 2023
  kPeriod,      // months or days named as a stretch: "Febrero- junio de 2020", "6 y 7 de agosto"
  kMonth,       // a month token: E, Ene, Enero (only meaningful in a header)
  kShortLabel,  // one to three words
  kText,        // running text
};
const char* ToString(CellKind kind);

struct TypedCell {
  const Cell* cell = nullptr;  // in the Block; never null for cells of a TypedTable
  CellKind kind = CellKind::kEmpty;
  std::string folded;  // Fold(cell text)
  int words = 0;
};

// The cell that stands where a row laid anew (on another page's columns, or cut in parts) has
// nothing.
const Cell& EmptyCell();

// What a column means. Months are not a role of the scoring: the header band finds them.
enum class ColumnRole {
  kUnknown,  // headed, but no role fits: kept as an attribute of each record
  kCode,
  kText,
  kSection,
  kResponsible,
  kUnit,
  kAnnual,
  kMonth,
  kStartDate,
  kEndDate,
  kPeriod,
  kDuration,
  kDeliverables,
  kBeneficiaries,
  kBudget,
  kProgrammed,
  kAchieved,
  kPercent,
  kObjective,
  kPlace,
  kObservations,
  // The fields of an indicator sheet (a MIR, a table of indicators).
  kBaseline,
  kFrequency,
  kMethod,
  kDefinition,
  kDimension,
  kLevel,
  kSense,
};
inline constexpr int kColumnRoleCount = static_cast<int>(ColumnRole::kSense) + 1;
const char* ToString(ColumnRole role);
std::optional<ColumnRole> ColumnRoleFromString(std::string_view name);

// The header of a table: how many rows it has and each column's label.
struct HeaderBand {
  size_t rows = 0;                  // the first `rows` rows of the table are header
  std::vector<std::string> labels;  // per column, the folded labels top to bottom, " / " between
  std::vector<std::string> titles;  // the same as printed (not folded), for attributes
  // The month columns of a schedule (month_grid.h: each month's cells, weeks under a month).
  std::optional<MonthColumns> months;
  // Months after December that the grid runs on into (January…, of the following year), each
  // with its cells; empty when the grid ends with December.
  MonthColumns next_year;
  // A grid printed as two rows of six: the cells of January to June; a row of the body names
  // July to December over the same cells, and the rows below it hold the second half.
  std::vector<size_t> half_year;
  // The months are laid on twelve columns by their place under a calendar title, their own
  // labels unread (month_positions.h): the column whose label is that title.
  std::optional<size_t> months_by_position;
  std::optional<int> year;  // a year the header writes over its months ("CALENDARIO 2023")
};

// What a column's cells hold, below the header (column_profile.h).
struct ColumnProfile {
  int cells = 0;                 // non-empty body cells
  std::vector<double> share;     // per CellKind, of the body rows
  double mean_words = 0;         // of its non-empty cells
  bool increasing = false;       // its numbers or codes grow down the rows
  double leading_number = 0;     // share of its cells opening with a number ("12 (…)")
  double distinct = 0;           // share of its non-empty cells whose text no cell above repeats
  std::optional<BBox> bbox;      // its cells, merged ones too, and its header cells of one column
  std::optional<BBox> own_bbox;  // its body cells of one column
};

// A column's role with its score, its margin over the runner-up role and why.
struct RoleAssignment {
  ColumnRole role = ColumnRole::kUnknown;
  double score = 0;
  double margin = 0;
  std::string evidence;  // "header 'fecha inicio'; 100% dates"
};

enum class RowKind {
  kHeader,        // the header band, or the header repeated on a new page
  kMonthLabels,   // a row of the body naming the months of the columns below (2 × 6 grids)
  kSection,       // a row that opens a part of the table: a shallower code, a lone spanning title
  kRecord,        // a row that starts a record
  kContinuation,  // the next line of the record above (text broken over rows or pages)
  kTotal,         // a total row: its label says so ("TOTAL", "Totales")
  kSubtotal,      // a row without the code its siblings print, whose figures sum the records
                  // above it (a zone of a report): a record of its own, told apart
  kRealized,      // under a record's schedule, the row of what was done ("R", "Realizado")
  kSpacer,        // nothing to read
};
const char* ToString(RowKind kind);

struct TypedRow {
  const Row* row = nullptr;
  RowKind kind = RowKind::kSpacer;
  std::vector<TypedCell> cells;  // one per column of the table
  // The code the row prints (in the code column, or opening its text cell) as the table reads
  // it, set with its kind (row_kinds.h); and, when that code had a dot OCR lost, the code as OCR
  // read it ("1.13" for "1.1.3", lost_dots.h), or, when OCR read no code in the code column,
  // what it read there ("á." for "4.", no code).
  std::optional<CodedText> code;
  std::string code_as_read;
  // Of a realized row, the column of the cell that labels it ("R", "Realizado"), set with its
  // kind.
  std::optional<size_t> label;
};

struct TypedTable {
  const Block* block = nullptr;
  size_t columns = 0;
  HeaderBand header;
  std::vector<ColumnProfile> profiles;
  std::vector<RoleAssignment> roles;  // per column
  std::vector<TypedRow> rows;
  // How sure the reading is: the smallest margin among the roles the table needs (its text
  // column), 0..1.
  double confidence = 0;
  // The document's sections open where the table stands (from the headings above it),
  // outermost first: its records belong to the innermost.
  std::vector<Section> headings;

  // The first column with the role, if any.
  std::optional<size_t> ColumnOf(ColumnRole role) const;
  bool HasMonths() const;
  // A progress table: its header names what was achieved.
  bool ReportsProgress() const;
  // A table of indicators: it reports progress, or its text column is headed as an indicator's
  // name, or it has a column of a field only indicators have (method, definition, baseline,
  // dimension).
  // Its rows are indicators, not activities.
  bool HoldsIndicators() const;
  // The cell spanning down over column `c` of `row` (one of rows) from a body row above it (an
  // "Eje", a responsible or a period merged over several records): what `row` shows in that
  // column. Null when `row`'s own cell is no part of such a span.
  const TypedCell* SpannedDown(const TypedRow& row, size_t c) const;
};

}  // namespace oplex
