#include "extractors/activity_table.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "extractors/codes.h"
#include "extractors/month_grid.h"
#include "extractors/provenance.h"
#include "extractors/quantity_row.h"
#include "extractors/section_tracker.h"
#include "extractors/table/month_positions.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// Two texts of one code are the same activity when this share of their words agree.
constexpr double kSameActivityOverlap = 0.6;

bool HasAlnum(const std::string& s) {
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

std::string RawText(const Row& row) {
  std::string raw;
  for (const Cell& c : row.cells) {
    if (!raw.empty()) raw += '\t';
    raw += c.text;
  }
  return raw;
}

// What the header of the current table announced.
struct TableContext {
  bool active = false;
  std::string header_key;
  bool quantities = false;
  bool deliverables = false;
  std::optional<MonthColumns> month_columns;
  bool saw_marks = false;             // some row of the table marks a month
  std::vector<size_t> without_marks;  // activities of the table whose rows mark none
};

// The rows of one activity, collected until the next code.
struct Draft {
  std::string code;
  std::vector<std::string> text;
  size_t text_cell = 0;           // the cell of the row that holds the text
  std::vector<std::string> tail;  // cells after the text, in order
  std::vector<std::pair<std::string, bool>> deliverable_cells;  // (text, holds a list)
  std::optional<MonthMarks> marks;
  // Monthly quantities read by position (a source with cell boxes); nullopt when not.
  std::optional<std::array<std::optional<Quantity>, 12>> monthly;
  std::vector<const Row*> rows;
  std::string responsible;  // from a responsible column, where the table has one
  std::optional<std::string> start_date, end_date;
  std::vector<Attribute> attributes;  // headed columns without a field
  bool opens_span = false;            // its deliverables cell spans the rows of later activities
  bool in_span = false;               // it starts on a row that an earlier deliverables cell spans
};

// A deliverables cell spanning the rows of several activities (the deliverables of an area).
struct DeliverableSpan {
  size_t rows_left = 0;              // rows below the current one that the cell still covers
  std::vector<size_t> deliverables;  // the deliverables read from the cell
};

class Walker {
 public:
  // `out` may hold activities already (the pages before, read earlier): a schedule may name them.
  Walker(const ExtractionRules& rules, const Vocabulary& vocab, Extraction* out)
      : rules_(rules), vocab_(vocab), out_(out), sections_(&out->sections, rules) {
    for (size_t i = out->settled.size(); i < out->activity_count(); ++i)
      by_code_[std::string(out->ActivityCode(i))].push_back(i);
  }

  WalkedBlocks Run(const std::vector<Block>& blocks, const std::vector<const TypedTable*>& typed,
                   const std::vector<bool>& running_heads) {
    WalkedBlocks walked{std::vector<bool>(blocks.size(), false),
                        std::vector<std::vector<Section>>(blocks.size())};
    for (size_t b = 0; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      if (block.kind == BlockKind::kTable) walked.headings[b] = sections_.Chain();
      if (block.kind == BlockKind::kParagraph) {
        OnParagraph(block.rows.front(), b < running_heads.size() && running_heads[b]);
      } else {
        started_ = false;
        typed_ = b < typed.size() ? typed[b] : nullptr;
        const size_t findings_before = out_->findings.size();
        // A table the walk takes by a header printed again further down (on the page it goes on
        // to) is read from its own header on: the rows above are its first page's, whose header
        // the reading found and the walk did not ("Objetivo" and "línea de acción" apart on a
        // scan, run together where printed again).
        const size_t own_header = HeaderReadAbove(block);
        for (size_t i = 0; i < block.rows.size(); ++i) {
          OnRow(block.rows[i], i == 0, own_header > 0 && i + 1 == own_header);
        }
        walked.claimed[b] = started_;
        // A table the walk reads no activity from is the mappers' to read and report on: the
        // walk's findings on its rows are withdrawn (those of activities it read before stay).
        if (!started_) {
          std::vector<Finding>& findings = out_->findings;
          const auto added = findings.begin() + static_cast<std::ptrdiff_t>(findings_before);
          findings.erase(
              std::remove_if(added, findings.end(), [](const Finding& f) { return !f.activity; }),
              findings.end());
        }
      }
    }
    FinishTable();
    return walked;
  }

 private:
  void OnParagraph(const Row& row, bool furniture) {
    const std::string& text = row.cells.front().text;
    if (auto heading = rules_.MatchHeading(text)) {
      FinishTable();
      OpenSection(*heading, row);
      context_ = TableContext{};
      title_ = nullptr;
      return;
    }
    // A table without rules can put its header on a line of its own ("LÍNEA DE ACCIÓN" centred
    // over code and text); it heads the coded rows below like a header row does.
    if (IsActivityHeader(row)) {
      StartTable(row);
      return;
    }
    if (furniture) return;
    if (context_.active && StartsActivity(row)) return;
    title_ = &row;
  }

  // The typed table's header rows, when the walk's own test finds no activity header among them
  // but finds one further down the block; 0 otherwise.
  size_t HeaderReadAbove(const Block& block) const {
    if (typed_ == nullptr) return 0;
    const size_t rows = std::min(typed_->header.rows, block.rows.size());
    if (rows == 0) return 0;
    for (size_t i = 0; i < rows; ++i) {
      if (IsActivityHeader(block.rows[i])) return 0;
    }
    for (size_t i = rows; i < block.rows.size(); ++i) {
      if (IsActivityHeader(block.rows[i])) return rows;
    }
    return 0;
  }

  // `header`: the row is the table's header as its reading found it (HeaderReadAbove).
  void OnRow(const Row& row, bool first_of_block, bool header = false) {
    row_in_span_ = span_.rows_left > 0;
    if (row_in_span_) --span_.rows_left;
    if (header || IsActivityHeader(row)) {
      StartTable(row);
      return;
    }
    // The months under the header, or under the header repeated on a new page: never marks of
    // the activity the last page ended with, though a one-letter month may read as a mark ("M").
    if (context_.active) {
      if (auto columns = FindMonthColumns(row, rules_)) {
        context_.month_columns = columns;
        return;
      }
    }
    if (!context_.active) return;
    // A row of week numbers or other labels under the months, before any activity.
    if (!draft_ && context_.month_columns && OnlyInMonthColumns(row, *context_.month_columns) &&
        !ReadMonthMarks(row, *context_.month_columns, rules_)) {
      return;
    }
    if (StartsActivity(row)) return;
    if (first_of_block && !draft_) {
      FinishTable();  // a different table follows the activity table
      context_ = TableContext{};
      return;
    }
    Continue(row);
  }

  bool IsActivityHeader(const Row& row) const {
    auto cells = row.NonEmpty();
    return !cells.empty() && rules_.HasRole(Fold(cells.front()), HeaderRole::kActivity);
  }

  void StartTable(const Row& header) {
    std::string key;
    TableContext next;
    next.active = true;
    for (const Cell& c : header.cells) {
      const std::string folded = Fold(c.text);
      key += folded + "\t";
      next.quantities |= rules_.HasRole(folded, HeaderRole::kQuantities);
      next.deliverables |= rules_.HasRole(folded, HeaderRole::kDeliverables);
    }
    next.header_key = key;
    next.month_columns = FindMonthColumns(header, rules_);
    // Twelve month columns the table's reading laid by their place, their labels unread.
    const bool by_position =
        !next.month_columns && typed_ != nullptr && typed_->header.months_by_position;
    if (by_position) next.month_columns = typed_->header.months;
    // The header repeated on a new page with no new title: the same table goes on.
    if (title_ == nullptr && context_.active && context_.header_key == key) return;
    if (by_position) {
      out_->findings.push_back(MonthsByPositionFinding(
          typed_->header, RawText(header), RowProvenance(header, kActivityTableExtractor)));
    }
    FinishTable();
    if (title_ != nullptr) {
      if (auto title = rules_.MatchTableTitle(title_->cells.front().text)) {
        OpenSection(*title, *title_);
      }
    }
    title_ = nullptr;
    context_ = std::move(next);
  }

  void OpenSection(const SectionMatch& m, const Row& row) {
    Section s;
    s.kind = m.kind;
    s.code = m.code;
    s.title = m.title;
    s.provenance = RowProvenance(row, kActivityTableExtractor);
    sections_.Open(std::move(s));
  }

  // A row whose first cell opens with a code and whose title is text starts an activity or
  // opens a section. Returns false when the row is not such a row.
  bool StartsActivity(const Row& row) {
    size_t first = 0;
    while (first < row.cells.size() && row.cells[first].text.empty()) ++first;
    if (first == row.cells.size()) return false;
    auto coded = LeadingCode(row.cells[first].text);
    if (!coded) return false;
    size_t next = first + 1;
    size_t text_cell = first;
    std::string title = coded->text;
    if (title.empty()) {
      while (next < row.cells.size() && row.cells[next].text.empty()) ++next;
      if (next == row.cells.size()) return false;
      text_cell = next;
      title = row.cells[next].text;
      ++next;
    }
    if (ParseQuantity(title) || ParseQuantityList(title) || !HasAlnum(title)) return false;
    auto level = rules_.MatchCode(coded->code);
    if (!level) return false;
    Flush();
    if (level->role == CodeRole::kSection) {
      Section s;
      s.kind = level->kind;
      s.code = coded->code;
      s.title = title;
      s.provenance = RowProvenance(row, kActivityTableExtractor);
      sections_.Open(std::move(s));
      return true;
    }
    started_ = true;
    draft_ = Draft{};
    draft_->code = coded->code;
    draft_->text.push_back(title);
    draft_->text_cell = text_cell;
    draft_->in_span = row_in_span_;
    draft_->rows.push_back(&row);
    AddCells(row, next);
    return true;
  }

  void Continue(const Row& row) {
    if (!draft_) {
      if (HasAlnum(row.Joined())) {
        Finding f;
        f.code = "row_without_activity";
        f.message = "a row of an activity table has no activity code and follows none";
        f.raw_text = RawText(row);
        f.provenance = RowProvenance(row, kActivityTableExtractor);
        out_->findings.push_back(std::move(f));
      }
      return;
    }
    if (!HasAlnum(row.Joined())) return;
    draft_->rows.push_back(&row);
    size_t first = 0;
    while (first < row.cells.size() && row.cells[first].text.empty()) ++first;
    // The text's next line in its own cell (a table without rules gives each line a row).
    if (first == draft_->text_cell && first < row.cells.size()) {
      const std::string& lead = row.cells[first].text;
      if (!ParseQuantity(lead) && !ParseQuantityList(lead)) {
        draft_->text.push_back(lead);
        AddCells(row, first + 1, /*continuation=*/true);
        return;
      }
    }
    AddCells(row, first, /*continuation=*/true);
  }

  // Whether the month columns are real positions in this row: cells with boxes (PDF, OCR).
  // Text exports collapse empty cells, so there a month column is only a hint.
  bool Positional(const Row& row) const {
    return context_.month_columns && !row.cells.empty() && row.cells.front().bbox.has_value() &&
           context_.month_columns->back().second < row.cells.size();
  }

  void AddCells(const Row& row, size_t from, bool continuation = false) {
    if (context_.month_columns && !context_.quantities) {
      if (auto marks = ReadMonthMarks(row, *context_.month_columns, rules_)) {
        if (draft_->marks) {
          AddMarks(*marks, &*draft_->marks);
        } else {
          draft_->marks = *marks;
        }
      }
    }
    const bool positional = context_.quantities && Positional(row);
    if (positional && !draft_->monthly) draft_->monthly.emplace();
    // Text exports collapse empty month cells, so a deliverable can sit at a month column's
    // position: any cell that is neither a mark nor a number is text, whatever its position.
    bool first_deliverable = true;
    for (size_t i = from; i < row.cells.size(); ++i) {
      const std::string& text = row.cells[i].text;
      if (text.empty()) continue;
      if (positional) {
        if (auto month = MonthOfCell(i, *context_.month_columns)) {
          if (auto q = ParseQuantity(text)) (*draft_->monthly)[*month] = *q;
          continue;
        }
      }
      if (context_.quantities) {
        std::string flat = text;  // the lines of one cell, read as one
        std::replace(flat.begin(), flat.end(), '\n', ' ');
        draft_->tail.push_back(std::move(flat));
      } else if (OtherColumn(row, i)) {
        continue;
      } else if (context_.deliverables && !rules_.IsMark(Fold(text)) && !ParseQuantity(text)) {
        const bool is_list = row.list;
        // A plain cell continuing a row broken across pages continues the last deliverable.
        draft_->deliverable_cells.emplace_back(text,
                                               is_list || !(continuation && first_deliverable));
        first_deliverable = false;
        if (row.cells[i].row_span > 1) {
          span_ = DeliverableSpan{static_cast<size_t>(row.cells[i].row_span) - 1, {}};
          draft_->opens_span = true;
        }
      }
    }
  }

  // A cell of a column the table's typed reading gives another role than deliverables (a
  // responsible area, a date, a headed column without a role): read as that field or kept as an
  // attribute. Only where cells stand in their columns (a page, not a text export).
  bool OtherColumn(const Row& row, size_t i) {
    if (typed_ == nullptr || !row.cells[i].bbox || i >= typed_->roles.size()) return false;
    if (!typed_->ColumnOf(ColumnRole::kDeliverables)) return false;
    const ColumnRole role = typed_->roles[i].role;
    if (role == ColumnRole::kDeliverables || role == ColumnRole::kText ||
        role == ColumnRole::kCode || role == ColumnRole::kMonth) {
      return false;
    }
    const std::string value = PlainText(row.cells[i].text);
    if (role == ColumnRole::kResponsible) {
      AppendLine(value, &draft_->responsible);
    } else {
      std::optional<std::string> date;
      for (const DateMention& d : FindDates(value, std::nullopt)) {
        if (d.date && !date) date = d.date->Iso();
      }
      if (role == ColumnRole::kStartDate && date) {
        draft_->start_date = date;
      } else if (role == ColumnRole::kEndDate && date) {
        draft_->end_date = date;
      } else {
        const std::string& header = typed_->header.titles[i];
        draft_->attributes.push_back(Attribute{header, value, row.cells[i].bbox});
      }
    }
    return true;
  }

  // Ends the current table: in a grid that shows marks, a row that marks no month shows an
  // empty schedule ("no months"); in a grid that shows none, the schedule stays unknown.
  void FinishTable() {
    Flush();
    if (context_.saw_marks) {
      for (size_t index : context_.without_marks) {
        out_->WholeActivity(index)->months = MonthMask::FromBits(0);
      }
    }
    context_.without_marks.clear();
    span_ = DeliverableSpan{};
  }

  void Flush() {
    if (!draft_) return;
    Draft d = std::move(*draft_);
    draft_.reset();

    Activity a;
    a.code = d.code;
    for (const std::string& part : d.text) AppendLine(part, &a.text);
    std::replace(a.text.begin(), a.text.end(), '\n', ' ');  // lines of one cell
    const Row& first = *d.rows.front();
    const Row& last = *d.rows.back();
    a.provenance = RowProvenance(first, kActivityTableExtractor, TextConfidence(d));
    if (last.last_line != first.first_line) a.provenance.last_line = last.last_line;
    std::string raw;
    for (const Row* r : d.rows) raw += (raw.empty() ? "" : "\n") + RawText(*r);

    if (context_.quantities) ReadQuantities(d, &a);
    if (!d.responsible.empty()) a.responsible = d.responsible;
    a.start_date = d.start_date;
    a.end_date = d.end_date;
    a.attributes = d.attributes;
    if (d.marks) {
      a.months = d.marks->mask;
      if (d.marks->boxes.front()) {
        for (int m = 0; m < 12; ++m) {
          MonthValue v;
          v.month = m + 1;
          v.marked = a.months.has(m + 1);
          v.weeks = d.marks->weeks[static_cast<size_t>(m)];
          v.provenance = a.provenance;
          v.provenance.bbox = d.marks->boxes[static_cast<size_t>(m)];
          a.month_values.push_back(std::move(v));
        }
      }
    }

    if (auto existing = FindSame(a)) {
      // Only its digest is kept of an activity settled with its months.
      Activity* e = out_->WholeActivity(*existing);
      if (e && !e->months.known() && a.months.known()) {
        e->months = a.months;
        e->month_values = a.month_values;
      }
      return;
    }
    a.section = sections_.Current();
    out_->activities.push_back(std::move(a));
    const size_t index = out_->activity_count() - 1;
    if (context_.month_columns && !context_.quantities) {
      if (d.marks) {
        context_.saw_marks = true;
      } else {
        context_.without_marks.push_back(index);
      }
    }
    by_code_[d.code].push_back(index);
    const size_t before = out_->deliverables.size();
    for (auto& [text, starts_new] : d.deliverable_cells)
      AddDeliverables(text, starts_new, index, last);
    if (d.opens_span) {
      for (size_t i = before; i < out_->deliverables.size(); ++i) span_.deliverables.push_back(i);
    } else if (d.in_span) {
      for (size_t i : span_.deliverables) out_->deliverables[i].spanned.push_back(index);
    }
    for (Finding& f : pending_findings_) {
      f.activity = index;
      f.raw_text = raw;
      out_->findings.push_back(std::move(f));
    }
    pending_findings_.clear();
  }

  void ReadQuantities(const Draft& d, Activity* a) {
    QuantityRow q = ParseQuantityRow(d.tail, vocab_, /*months_apart=*/d.monthly.has_value());
    a->unit = q.unit;
    a->annual = q.annual;
    if (d.monthly) {
      // Read by position: a blank month cell plans nothing that month, and has no quantity.
      MonthMask mask = MonthMask::FromBits(0);
      for (int m = 0; m < 12; ++m) {
        MonthValue v;
        v.month = m + 1;
        v.planned = (*d.monthly)[static_cast<size_t>(m)];
        v.marked = v.planned && v.planned->value && *v.planned->value > 0;
        v.provenance = a->provenance;
        if (!d.rows.empty()) {
          if (const Cell* cell = MonthCell(*d.rows.back(), m)) {
            v.provenance.bbox = cell->bbox;
            v.provenance.confidence = cell->confidence;
            v.provenance.ocr_confidence = cell->confidence;
          }
        }
        if (v.marked) mask = mask.With(m + 1);
        a->month_values.push_back(std::move(v));
      }
      a->months = mask;
    } else if (q.months) {
      MonthMask mask = MonthMask::FromBits(0);
      for (int m = 0; m < 12; ++m) {
        MonthValue v;
        v.month = m + 1;
        v.planned = (*q.months)[m];
        v.marked = v.planned->value && *v.planned->value > 0;
        v.provenance = a->provenance;
        if (v.marked) mask = mask.With(m + 1);
        a->month_values.push_back(std::move(v));
      }
      a->months = mask;
    }
    if (q.beneficiary) {
      q.beneficiary->provenance = a->provenance;
      a->beneficiaries.push_back(std::move(*q.beneficiary));
    }
    if (!q.unit) {
      Finding f;
      f.severity = Severity::kInfo;
      f.code = "unit_missing";
      f.message = "activity " + d.code + " shows no unit of measure";
      f.provenance = a->provenance;
      pending_findings_.push_back(std::move(f));
    }
    for (const std::string& problem : q.problems) {
      Finding f;
      f.code = "months_unplaced";
      f.message = "activity " + d.code + ": " + problem;
      f.provenance = a->provenance;
      pending_findings_.push_back(std::move(f));
    }
  }

  // Month m's cell in the row.
  const Cell* MonthCell(const Row& row, int m) const {
    const size_t cell = (*context_.month_columns)[static_cast<size_t>(m)].first;
    return cell < row.cells.size() ? &row.cells[cell] : nullptr;
  }

  // How sure OCR was of the activity's code and text: the least sure of their cells (1 for a
  // born-digital or text source).
  static double TextConfidence(const Draft& d) {
    double confidence = 1.0;
    for (const Row* row : d.rows) {
      for (size_t i = 0; i <= d.text_cell && i < row->cells.size(); ++i) {
        if (!row->cells[i].text.empty())
          confidence = std::min(confidence, row->cells[i].confidence);
      }
    }
    return confidence;
  }

  // An activity already extracted with the same code and text (the same line of action listed
  // again in a schedule table).
  std::optional<size_t> FindSame(const Activity& a) const {
    for (size_t index : out_->settled.WithCode(a.code)) {
      if (SameWording(out_->ActivityWritten(index).text, a.text, kSameActivityOverlap)) {
        return index;
      }
    }
    auto it = by_code_.find(a.code);
    if (it == by_code_.end()) return std::nullopt;
    for (size_t index : it->second) {
      if (SameWording(out_->activities[index - out_->settled.size()].text, a.text,
                      kSameActivityOverlap)) {
        return index;
      }
    }
    return std::nullopt;
  }

  void AddDeliverables(const std::string& cell, bool starts_new, size_t activity, const Row& row) {
    std::istringstream items(cell);
    bool first = true;
    for (std::string item; std::getline(items, item);) {
      if (!HasAlnum(item)) continue;
      if (first && !starts_new && !out_->deliverables.empty()) {
        out_->deliverables.back().text += " " + item;
      } else {
        Deliverable d;
        d.text = item;
        d.section = out_->ActivitySection(activity);
        d.activity = activity;
        d.provenance = RowProvenance(row, kActivityTableExtractor);
        out_->deliverables.push_back(std::move(d));
      }
      first = false;
    }
  }

  const ExtractionRules& rules_;
  const Vocabulary& vocab_;
  Extraction* out_;
  SectionTracker sections_;
  TableContext context_;
  std::optional<Draft> draft_;
  DeliverableSpan span_;
  bool row_in_span_ = false;           // the current row lies under a spanning deliverables cell
  const TypedTable* typed_ = nullptr;  // the current table read once, when it was
  bool started_ = false;               // some row of the current block opened an activity
  const Row* title_ = nullptr;
  // The activities held in `out_` by code (those settled: SettledActivities::WithCode).
  std::map<std::string, std::vector<size_t>> by_code_;
  std::vector<Finding> pending_findings_;
};

}  // namespace

WalkedBlocks WalkActivityTables(const std::vector<Block>& blocks,
                                const std::vector<const TypedTable*>& typed,
                                const std::vector<bool>& running_heads,
                                const ExtractionRules& rules, const Vocabulary& vocab,
                                Extraction* out) {
  return Walker(rules, vocab, out).Run(blocks, typed, running_heads);
}

}  // namespace oplex
