#include "extractors/table/row_kinds.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "extractors/codes.h"
#include "extractors/table/header_band.h"
#include "extractors/table/lost_dots.h"
#include "extractors/table/misread_labels.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// A table is coded when at least this share of its rows with text print a code, or when its
// first row does and at least kMinCodedRows do.
constexpr double kCodedShare = 0.5;
constexpr size_t kMinCodedRows = 2;
// A code is at most this long.
constexpr size_t kMaxCodeLength = 16;
// A subtotal equals the sum of its records within this (figures printed rounded).
constexpr double kSumSlack = 0.5;
// A lone title row spans at least this many columns and has at most this many words.
constexpr int kTitleSpan = 2;
constexpr int kTitleWords = 6;

bool Empty(const TypedCell& c) { return c.kind == CellKind::kEmpty; }

size_t Filled(const TypedRow& row) {
  return static_cast<size_t>(std::count_if(row.cells.begin(), row.cells.end(),
                                           [](const TypedCell& c) { return !Empty(c); }));
}

// The cells of July to December that two rows read together, a label printed over two lines
// ("JU" over "L"); empty when they do not, or when the upper row reads them alone.
std::vector<size_t> StackedSecondHalf(const TypedRow& upper, const TypedRow& lower,
                                      const TableRules& rules) {
  if (!MonthRun(upper.cells, 7, 6, rules.base()).empty()) return {};
  std::vector<TypedCell> stacked = upper.cells;
  for (size_t c = 0; c < stacked.size() && c < lower.cells.size(); ++c)
    stacked[c].folded = upper.cells[c].folded + lower.cells[c].folded;
  return MonthRun(stacked, 7, 6, rules.base());
}

// The row with only the cells `keep` says to keep.
TypedRow Part(const TypedRow& row, const std::vector<size_t>& cells, bool keep) {
  TypedRow part = row;
  for (size_t c = 0; c < part.cells.size(); ++c) {
    const bool listed = std::find(cells.begin(), cells.end(), c) != cells.end();
    if (listed != keep) part.cells[c] = TypedCell{&EmptyCell(), CellKind::kEmpty, "", 0};
  }
  return part;
}

// In a grid printed as two rows of six without rules, each line is a row: the labels of July to
// December stand over two lines, and a record's text goes on beside them ("resueltos por el" |
// "o" | "JU" | "AG" …, then "Pleno en" | | "L" | "O" …). Each such row is cut in two: its text
// first, as lines of the record, then the two rows of labels, which read as one row of labels.
void SeparateStackedLabels(TypedTable* table, const TableRules& rules) {
  if (table->header.half_year.empty()) return;
  std::vector<TypedRow>& rows = table->rows;
  for (size_t r = table->header.rows; r + 1 < rows.size(); ++r) {
    const std::vector<size_t> labels = StackedSecondHalf(rows[r], rows[r + 1], rules);
    if (labels.empty()) continue;
    const TypedRow upper = rows[r], lower = rows[r + 1];
    const bool beside = Filled(Part(upper, labels, false)) + Filled(Part(lower, labels, false)) > 0;
    if (!beside) continue;
    std::vector<TypedRow> parts;
    for (const TypedRow* row : {&upper, &lower}) {
      if (Filled(Part(*row, labels, false)) > 0) parts.push_back(Part(*row, labels, false));
    }
    parts.push_back(Part(upper, labels, true));
    parts.push_back(Part(lower, labels, true));
    rows.erase(rows.begin() + static_cast<long>(r), rows.begin() + static_cast<long>(r) + 2);
    rows.insert(rows.begin() + static_cast<long>(r), parts.begin(), parts.end());
    r += parts.size() - 1;
  }
}

const TypedCell* FirstNonEmpty(const TypedRow& row) {
  for (const TypedCell& c : row.cells) {
    if (!Empty(c) && c.kind != CellKind::kFilled) return &c;
  }
  return nullptr;
}

// The column of the first cell of a row that labels it: not empty, not a mark or a fill of its
// schedule, and not its text, which a record broken over a page carries on beside the label;
// its text cell when it has no other.
std::optional<size_t> RowLabel(const TypedRow& row, std::optional<size_t> text) {
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const TypedCell& cell = row.cells[c];
    if (Empty(cell) || cell.kind == CellKind::kFilled || cell.kind == CellKind::kMark ||
        c == text) {
      continue;
    }
    return c;
  }
  if (text && *text < row.cells.size() && !Empty(row.cells[*text])) return text;
  return std::nullopt;
}

// The word in the row's code column when it is no code but what OCR reads for one ("á." for
// "4.", "S." for "5."): one short token with a letter. A specks' mark ("'", "|") has none.
std::optional<std::string> UnreadCode(const TypedRow& row, const TypedTable& table) {
  const std::optional<size_t> code = table.ColumnOf(ColumnRole::kCode);
  if (!code || *code >= row.cells.size() || Empty(row.cells[*code])) return std::nullopt;
  const std::string token = PlainText(row.cells[*code].cell->text);
  const bool one_token = token.size() <= kMaxCodeLength && token.find(' ') == std::string::npos;
  if (!one_token || Letters(token) == 0) return std::nullopt;
  return token;
}

bool StartsLowercase(const std::string& text) {
  for (unsigned char c : text) {
    if (c == ' ' || c == '\n' || c == '"' || c == '(') continue;
    return std::islower(c) != 0;
  }
  return false;
}

// Whether the row repeats the header's labels (the header printed again on a new page). Right
// under such a row, one label is enough (a group title alone in its row: "CURSOS").
bool RepeatsHeader(const TypedRow& row, const TypedTable& table, bool under_header,
                   const TableRules& rules) {
  if (table.header.rows == 0) return false;
  // Whether `cell` is one of the label's parts ("calendario 2023 / e").
  auto is_part = [](const std::string& label, const std::string& cell) {
    for (size_t at = label.find(cell); at != std::string::npos; at = label.find(cell, at + 1)) {
      const bool starts = at == 0 || (at >= 3 && label.compare(at - 3, 3, " / ") == 0);
      const size_t end = at + cell.size();
      if (starts && (end == label.size() || label.compare(end, 3, " / ") == 0)) return true;
    }
    return false;
  };
  size_t same = 0, filled = 0;
  for (size_t c = 0; c < row.cells.size() && c < table.header.labels.size(); ++c) {
    const TypedCell& cell = row.cells[c];
    if (cell.folded.empty()) continue;
    ++filled;
    // A label OCR doubted is tried again with its misread words mended as the header's were
    // (misread_labels.h); running text is no label.
    const std::string& label = table.header.labels[c];
    const bool doubted = cell.cell->confidence < 1.0 && cell.kind == CellKind::kShortLabel;
    if (is_part(label, cell.folded) ||
        (doubted && is_part(label, MendLabelWords(cell.folded, rules)))) {
      ++same;
    }
  }
  return filled >= (under_header ? 1u : 2u) && same * 2 > filled;
}

// Whether the row fills none of the columns besides the text that a record fills (code,
// section, figures, months: a row with a schedule of its own is a record).
bool OtherFieldsEmpty(const TypedRow& row, const TypedTable& table, size_t text) {
  for (size_t c = 0; c < row.cells.size(); ++c) {
    if (c == text || Empty(row.cells[c])) continue;
    const ColumnRole role = table.roles[c].role;
    if (role == ColumnRole::kDeliverables || role == ColumnRole::kUnknown) continue;
    return false;  // a figure, a date, a mark or a fill of its own: a record
  }
  return true;
}

bool HasFigures(const TypedRow& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const TypedCell& c) {
    return c.kind == CellKind::kNumber || c.kind == CellKind::kPercent ||
           c.kind == CellKind::kMoney || c.kind == CellKind::kMark || c.kind == CellKind::kFilled;
  });
}

// Whether the text stops mid-sentence: it ends in a letter, a digit or a comma, not in a full
// stop, a colon or a closing mark.
bool StopsMidSentence(const std::string& text) {
  const size_t last = text.find_last_not_of(" \n");
  if (last == std::string::npos) return false;
  const auto c = static_cast<unsigned char>(text[last]);
  return std::isalnum(c) != 0 || c >= 0x80 || c == ',';
}

// The month cells a row fills, marks or plans a quantity above zero in, by column.
std::vector<bool> Scheduled(const TypedTable& table, const TypedRow& row) {
  std::vector<bool> out(row.cells.size(), false);
  for (size_t c = 0; c < row.cells.size(); ++c) {
    if (table.roles[c].role != ColumnRole::kMonth) continue;
    const TypedCell& cell = row.cells[c];
    if (cell.kind == CellKind::kNumber) {
      const std::optional<Quantity> q = ParseQuantity(cell.cell->text);
      out[c] = q && q->value && *q->value > 0;
    } else {
      out[c] = cell.kind == CellKind::kFilled || cell.kind == CellKind::kMark;
    }
  }
  return out;
}

// Whether `row` schedules months in cells of its own.
bool OwnSchedule(const TypedTable& table, const TypedRow& row) {
  const std::vector<bool> scheduled = Scheduled(table, row);
  return std::find(scheduled.begin(), scheduled.end(), true) != scheduled.end();
}

// Whether row r, printing no code, is the rest of the record above, broken over a page break:
// it is the first row of its page after the header printed again, the record's text stops
// mid-sentence on the page before, and r repeats that record's schedule (a browser or a word
// processor paints a split row's fills on both pages, so the part below looks like a record).
bool RestOfRecordOverPage(const TypedTable& table, size_t r, size_t text) {
  const TypedRow& row = table.rows[r];
  size_t up = r;
  while (up-- > table.header.rows && table.rows[up].kind != RowKind::kRecord &&
         table.rows[up].kind != RowKind::kContinuation) {
  }
  if (up < table.header.rows || up >= r) return false;
  const TypedRow& above = table.rows[up];
  if (!above.row->page || !row.row->page || *row.row->page != *above.row->page + 1) return false;
  if (text >= above.cells.size() || !StopsMidSentence(above.cells[text].cell->text)) return false;
  // The record's schedule: its rows from the record row down to `up`.
  std::vector<bool> record(row.cells.size(), false);
  for (size_t k = up + 1; k-- > table.header.rows;) {
    const std::vector<bool> marks = Scheduled(table, table.rows[k]);
    for (size_t c = 0; c < record.size() && c < marks.size(); ++c)
      record[c] = record[c] || marks[c];
    if (table.rows[k].kind == RowKind::kRecord) break;
  }
  const std::vector<bool> own = Scheduled(table, row);
  return std::find(own.begin(), own.end(), true) != own.end() && own == record;
}

// Whether the row writes a figure in the table's achieved column.
bool ReportsAchievement(const TypedTable& table, const TypedRow& row) {
  const std::optional<size_t> achieved = table.ColumnOf(ColumnRole::kAchieved);
  if (!achieved || *achieved >= row.cells.size()) return false;
  const CellKind kind = row.cells[*achieved].kind;
  return kind == CellKind::kNumber || kind == CellKind::kPercent || kind == CellKind::kMoney;
}

std::optional<double> NumberIn(const TypedCell& cell) {
  if (cell.kind != CellKind::kNumber) return std::nullopt;
  const std::string_view text = cell.folded;
  const bool negative = text.size() > 1 && text.front() == '-';
  auto q = ParseQuantity(negative ? text.substr(1) : text);
  if (!q || !q->value) return std::nullopt;
  return negative ? -*q->value : *q->value;
}

// Whether the table's month columns write only ones, two at least: its ones are marks ("1" under
// each month scheduled), no quantities a row could add up.
bool OnesMarkMonths(const TypedTable& table) {
  size_t ones = 0;
  for (size_t r = table.header.rows; r < table.rows.size(); ++r) {
    const TypedRow& row = table.rows[r];
    for (size_t c = 0; c < row.cells.size() && c < table.roles.size(); ++c) {
      if (table.roles[c].role != ColumnRole::kMonth) continue;
      const std::optional<double> n = NumberIn(row.cells[c]);
      if (n && *n != 1) return false;
      ones += n ? 1 : 0;
    }
  }
  return ones >= 2;
}

// The sums of each column's figures over the records since the last section, total or
// subtotal, kept as rows are classified top to bottom (so a table is read in linear time).
class RecordSums {
 public:
  // Takes a row whose kind is known into the sums.
  void Take(const TypedRow& row) {
    const RowKind kind = row.kind;
    if (kind == RowKind::kSection || kind == RowKind::kTotal || kind == RowKind::kSubtotal) {
      sums_.clear();
      return;
    }
    if (kind != RowKind::kRecord) return;
    if (sums_.size() < row.cells.size()) sums_.resize(row.cells.size());
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (auto n = NumberIn(row.cells[c])) {
        sums_[c].first += *n;
        ++sums_[c].second;
      }
    }
  }

  // Whether every figure of `row` is the sum of its column over those records: a zone's
  // subtotal.
  bool Sums(const TypedRow& row) const {
    int summed = 0;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const std::optional<double> value = NumberIn(row.cells[c]);
      if (!value) continue;
      if (c >= sums_.size() || sums_[c].second == 0 ||
          std::abs(sums_[c].first - *value) > kSumSlack) {
        return false;
      }
      ++summed;
    }
    return summed > 0;
  }

 private:
  std::vector<std::pair<double, int>> sums_;  // per column: the sum and how many figures
};

size_t Depth(const std::string& code) { return CodeSegments(code).size(); }

// For each row, whether its code is the parent of a code in a later row ("1" over "1.1", "A" over
// "A-2", "0101" over "010101": the child's segments go on from the parent's, or the child goes on
// from the parent's text after a point or a dash), in one pass from the bottom: each code leaves
// the keys of every parent it may have, so a table of any length is read in linear time.
std::vector<bool> ParentsOfLaterCodes(const std::vector<std::optional<std::string>>& codes) {
  std::vector<bool> parents(codes.size(), false);
  std::unordered_set<std::string>
      keys;  // "s" + segments of a parent, "p" + a prefix before a . or -
  bool any_later = false;
  auto segment_key = [](const std::vector<std::string>& segments, size_t n) {
    std::string key = "s";
    for (size_t i = 0; i < n; ++i) key += segments[i] + '\x1f';
    return key;
  };
  for (size_t r = codes.size(); r-- > 0;) {
    if (!codes[r]) continue;
    const std::string& code = *codes[r];
    const std::vector<std::string> segments = CodeSegments(code);
    parents[r] = segments.empty() ? any_later
                                  : keys.count(segment_key(segments, segments.size())) > 0 ||
                                        keys.count("p" + code) > 0;
    for (size_t n = 1; n < segments.size(); ++n) keys.insert(segment_key(segments, n));
    for (size_t i = 1; i + 1 < code.size(); ++i) {
      if (code[i] != '.' && code[i] != '-') continue;
      std::string key = "p";
      key.append(code, 0, i);
      keys.insert(std::move(key));
    }
    any_later = true;
  }
  return parents;
}

// 1 for codes of digit pairs ("0101"), 2 for dotted or dashed ones ("1.1", "A-2"), for a lone
// letter (the root of lettered ones: "F" over "F.1") and for a lone Roman numeral ("II" over
// "II.1", or a part over activities numbered "2.1"), 0 otherwise.
int Family(const std::string& code) {
  if (code.find_first_of(".-") != std::string::npos) return 2;
  if (code.size() == 1 && std::isupper(static_cast<unsigned char>(code[0])) != 0) return 2;
  if (!code.empty() && code.find_first_not_of("IVX") == std::string::npos) return 2;
  const bool digits = !code.empty() && std::all_of(code.begin(), code.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  });
  return digits && code.size() % 2 == 0 && code.size() >= 4 ? 1 : 0;
}

// The codes of rows OCR doubted that lost a dot, as the table's other codes show them
// (lost_dots.h): in each row and in `codes`.
void MendLostDots(TypedTable* table, std::vector<std::optional<std::string>>* codes) {
  std::vector<bool> doubted(codes->size(), false);
  for (const ColumnRole role : {ColumnRole::kCode, ColumnRole::kText}) {
    const std::optional<size_t> column = table->ColumnOf(role);
    if (!column) continue;
    for (size_t r = 0; r < codes->size(); ++r) {
      const std::vector<TypedCell>& cells = table->rows[r].cells;
      if (*column < cells.size() && !Empty(cells[*column]) && cells[*column].cell->confidence < 1) {
        doubted[r] = true;
      }
    }
  }
  const std::vector<std::optional<std::string>> mended = CodesWithLostDots(*codes, doubted);
  for (size_t r = 0; r < mended.size(); ++r) {
    if (!mended[r]) continue;
    TypedRow& row = table->rows[r];
    row.code_as_read = row.code->code;
    row.code->code = *mended[r];
    (*codes)[r] = *mended[r];
  }
}

}  // namespace

bool HalvesStacked(const TypedTable& table, size_t r) {
  for (size_t up = table.header.rows; up < r && up < table.rows.size(); ++up) {
    if (table.rows[up].kind == RowKind::kRecord) return false;
    if (table.rows[up].kind == RowKind::kMonthLabels) return true;
  }
  return false;
}

std::optional<CodedText> RowCode(const TypedRow& row, const TypedTable& table,
                                 const TableRules& rules) {
  if (auto code = table.ColumnOf(ColumnRole::kCode); code && *code < row.cells.size()) {
    const TypedCell& cell = row.cells[*code];
    if (!Empty(cell)) {
      if (auto coded = rules.SplitCode(cell.cell->text)) return coded;
      // In a column of codes, any one short token with a digit is the row's code ("1001",
      // "100101": shapes the vocabulary does not list).
      const std::string token = PlainText(cell.cell->text);
      const bool one_token =
          !token.empty() && token.size() <= kMaxCodeLength && token.find(' ') == std::string::npos;
      if (one_token && std::any_of(token.begin(), token.end(), ::isdigit)) {
        return CodedText{token, ""};
      }
    }
  }
  if (auto text = table.ColumnOf(ColumnRole::kText); text && *text < row.cells.size()) {
    const TypedCell& cell = row.cells[*text];
    if (!Empty(cell)) {
      if (auto coded = rules.SplitCode(cell.cell->text); coded && !coded->text.empty()) {
        return coded;
      }
    }
  }
  return std::nullopt;
}

void ClassifyRows(TypedTable* table, const TableRules& rules) {
  SeparateStackedLabels(table, rules);
  const std::optional<size_t> text = table->ColumnOf(ColumnRole::kText);
  std::vector<std::optional<std::string>> codes(table->rows.size());
  size_t with_text = 0, coded = 0;
  bool first_coded = false;  // the first row with text prints a code
  for (size_t r = table->header.rows; r < table->rows.size(); ++r) {
    TypedRow& row = table->rows[r];
    row.code = RowCode(row, *table, rules);
    row.code_as_read.clear();
    if (row.code) codes[r] = row.code->code;
    if (text && *text < row.cells.size() && !Empty(row.cells[*text])) {
      if (with_text++ == 0) first_coded = codes[r].has_value();
      coded += codes[r] ? 1 : 0;
    }
  }
  MendLostDots(table, &codes);
  // Coded: most rows print a code, or (a table without rules, one row per line of text) the
  // first row does and others do too.
  // The deepest code of the table, and its family (how its segments are written: all-digit
  // pairs "010101", or dotted "1.1.2"): only codes of one family are compared by depth.
  size_t deepest = 0;
  int deepest_family = 0;
  for (const auto& code : codes) {
    if (code && Depth(*code) > deepest) {
      deepest = Depth(*code);
      deepest_family = Family(*code);
    }
  }
  const std::vector<bool> parents = ParentsOfLaterCodes(codes);
  const bool is_coded = with_text > 0 && (coded >= kCodedShare * static_cast<double>(with_text) ||
                                          (first_coded && coded >= kMinCodedRows));

  RecordSums sums;
  const bool ones_mark = OnesMarkMonths(*table);
  for (size_t r = 0; r < table->rows.size(); ++r) {
    if (r > table->header.rows) sums.Take(table->rows[r - 1]);
    TypedRow& row = table->rows[r];
    row.label.reset();
    if (r < table->header.rows) {
      row.kind = RowKind::kHeader;
      continue;
    }
    if (Filled(row) == 0) {
      row.kind = RowKind::kSpacer;
      continue;
    }
    // Only a grid printed as two rows of six has labels of July to December in its body.
    const auto stacked_labels = [&] {
      return (r + 1 < table->rows.size() &&
              !StackedSecondHalf(row, table->rows[r + 1], rules).empty()) ||
             (r > table->header.rows && table->rows[r - 1].kind == RowKind::kMonthLabels &&
              !StackedSecondHalf(table->rows[r - 1], row, rules).empty());
    };
    if (!table->header.half_year.empty() &&
        (!MonthRun(row.cells, 7, 6, rules.base()).empty() || stacked_labels())) {
      row.kind = RowKind::kMonthLabels;
      continue;
    }
    const bool under_header = r > 0 && table->rows[r - 1].kind == RowKind::kHeader;
    if (RepeatsHeader(row, *table, under_header, rules)) {
      row.kind = RowKind::kHeader;
      continue;
    }
    const TypedCell* first = FirstNonEmpty(row);
    if (first != nullptr && rules.IsTotalLabel(first->folded)) {
      row.kind = RowKind::kTotal;
      continue;
    }
    // Under a record of a schedule (the header printed again between them on a new page), a row
    // labelled as what was done: the record's second row.
    const std::optional<size_t> label = RowLabel(row, text);
    size_t body_above = r;
    while (body_above > 0 && (table->rows[body_above - 1].kind == RowKind::kHeader ||
                              table->rows[body_above - 1].kind == RowKind::kSpacer)) {
      --body_above;
    }
    if (label && !codes[r] && table->HasMonths() &&
        rules.IsRealizedLabel(row.cells[*label].folded) && body_above > 0 &&
        (table->rows[body_above - 1].kind == RowKind::kRecord ||
         table->rows[body_above - 1].kind == RowKind::kContinuation)) {
      row.kind = RowKind::kRealized;
      row.label = label;
      continue;
    }
    if (codes[r]) {
      // A section by depth relative to the table's own codes: the parent of a later code, or
      // shallower than the deepest code of its family (a project row whose activities the
      // table holds elsewhere, or on the next page); but in a progress table, a row reporting
      // what it achieved is a goal whatever its depth (a code OCR read without a dot, "1.13"
      // among "1.1.1" and "1.2.1", is no project).
      const bool parent = parents[r];
      const bool shallower = Depth(*codes[r]) < deepest && Family(*codes[r]) == deepest_family &&
                             !ReportsAchievement(*table, row);
      row.kind = parent || shallower ? RowKind::kSection : RowKind::kRecord;
      continue;
    }
    const bool has_text = text && *text < row.cells.size() && !Empty(row.cells[*text]);
    // A lone cell spanning columns: a title over the rows below. In a coded table, where a
    // record's line goes on in its own text cell, a title may be a whole sentence (an objective
    // over its lines of action).
    if (Filled(row) == 1 && first != nullptr && first->cell->col_span >= kTitleSpan &&
        (is_coded || first->words <= kTitleWords)) {
      row.kind = RowKind::kSection;
      continue;
    }
    // In a column of codes, a row whose code OCR read as no code, its text opening as a record's
    // does: a record of its own, its code unknown, not a line of the record above.
    if (is_coded && has_text && StartsUppercase(PlainText(row.cells[*text].cell->text))) {
      if (std::optional<std::string> unread = UnreadCode(row, *table)) {
        row.kind = RowKind::kRecord;
        row.code_as_read = std::move(*unread);
        continue;
      }
    }
    // In a coded table, a row with no code but figures of its own that sum the records above (in
    // a grid whose ones are marks, a record whose code OCR lost may repeat the marks above).
    if (is_coded && has_text && !ones_mark && sums.Sums(row)) {
      row.kind = RowKind::kSubtotal;
      continue;
    }
    if (is_coded && has_text && RestOfRecordOverPage(*table, r, *text)) {
      row.kind = RowKind::kContinuation;
      continue;
    }
    // One that does not sum them is a record whose code is missing (or, like a year, no code
    // shape): its figures are its own, no line of the record above. So are months it schedules in
    // cells of its own, even where its text opens in lower case (OCR reads a lost "K.2" as "k 2").
    if (is_coded && has_text && HasFigures(row) &&
        (OwnSchedule(*table, row) || !StartsLowercase(row.cells[*text].cell->text))) {
      row.kind = RowKind::kRecord;
      continue;
    }
    if (is_coded || !has_text) {
      row.kind = RowKind::kContinuation;
      continue;
    }
    const TypedRow *above = nullptr, *record = nullptr;
    bool labels_since_record = false;
    for (size_t up = r; up-- > table->header.rows;) {
      const RowKind kind = table->rows[up].kind;
      if (above == nullptr && (kind == RowKind::kRecord || kind == RowKind::kContinuation))
        above = &table->rows[up];
      labels_since_record |= kind == RowKind::kMonthLabels;
      if (kind == RowKind::kRecord) {
        record = &table->rows[up];
        break;
      }
    }
    const bool new_page = above != nullptr && above->row->page && row.row->page &&
                          *above->row->page != *row.row->page;
    const std::string& lead = row.cells[*text].cell->text;
    // Under the header, before any record, a row going on in lower case is the header's next
    // line ("Denominación" over "de la Meta"), carried over a page break.
    if (above == nullptr && StartsLowercase(lead) && !HasFigures(row)) {
      row.kind = RowKind::kHeader;
      continue;
    }
    // In a grid printed as two rows of six, a record runs on to the labels of July to December
    // printed under its first half: a line of text before them is the record's (its text
    // wrapping in a table without rules, a row per line). Where those labels stand under January
    // to June before any record, no record runs on to them.
    const bool before_labels = !table->header.half_year.empty() && record != nullptr &&
                               !labels_since_record && !HalvesStacked(*table, r) &&
                               OtherFieldsEmpty(row, *table, *text);
    // Under the labels of July to December: the second half of the record above them.
    const bool second_half = r > 0 && table->rows[r - 1].kind == RowKind::kMonthLabels;
    if (above != nullptr && (StartsLowercase(lead) || before_labels || second_half ||
                             (new_page && OtherFieldsEmpty(row, *table, *text)))) {
      row.kind = RowKind::kContinuation;
      continue;
    }
    row.kind = RowKind::kRecord;
  }
}

}  // namespace oplex
