#include "extractors/indicator_mapper.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "extractors/codes.h"
#include "extractors/figure.h"
#include "extractors/misread_unit.h"
#include "extractors/provenance.h"
#include "extractors/table/column_roles.h"
#include "extractors/table/row_kinds.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

// A group title names what its figures count when no role reaches this weight in it.
constexpr double kGroupRoleWeight = 0.6;

std::vector<std::string> Parts(const std::string& label) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t at = label.find(" / ", start);
    parts.push_back(label.substr(start, at - start));
    if (at == std::string::npos) break;
    start = at + 3;
  }
  return parts;
}

// The key a name opens with, when it has no column of its own: "0709 Porcentaje de …" (a
// catalogue's number; the name stays as printed). A year is no key ("2024 Programa …").
std::optional<std::string> KeyInName(const std::string& name) {
  static const RE2 kKey(R"(^(\d{2,6}) +\p{Lu})");
  static const RE2 kYear(R"([12]\d{3})");
  std::string key;
  if (!RE2::PartialMatch(name, kKey, &key) || RE2::FullMatch(key, kYear)) return std::nullopt;
  return key;
}

bool HasDigit(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

class Mapper {
 public:
  Mapper(const TypedTable& table, const std::optional<DatePeriod>& period, const TableRules& rules,
         const IndicatorRules& indicator_rules, const Vocabulary& vocab, Extraction* out)
      : table_(table),
        period_(period),
        rules_(rules),
        indicator_rules_(indicator_rules),
        vocab_(vocab),
        out_(*out) {}

  // Whether the table holds indicators and was mapped.
  bool Run() {
    const auto text = table_.ColumnOf(ColumnRole::kText);
    if (!text || !table_.HoldsIndicators()) return false;
    text_ = *text;
    goal_ = table_.ColumnOf(ColumnRole::kAnnual);
    programmed_ = table_.ColumnOf(ColumnRole::kProgrammed);
    achieved_ = table_.ColumnOf(ColumnRole::kAchieved);
    percent_ = table_.ColumnOf(ColumnRole::kPercent);
    budget_ = table_.ColumnOf(ColumnRole::kBudget);
    unit_ = table_.ColumnOf(ColumnRole::kUnit);
    code_ = table_.ColumnOf(ColumnRole::kCode);
    section_column_ = table_.ColumnOf(ColumnRole::kSection);
    for (ColumnRole role : {ColumnRole::kBaseline, ColumnRole::kFrequency, ColumnRole::kMethod,
                            ColumnRole::kDefinition, ColumnRole::kDimension, ColumnRole::kLevel,
                            ColumnRole::kSense, ColumnRole::kObjective}) {
      if (auto c = table_.ColumnOf(role)) sheet_[*c] = role;
    }
    group_unit_ = GroupUnit();
    std::vector<const TypedRow*> draft;
    bool subtotal = false;
    auto flush = [&] {
      if (!draft.empty()) Flush(draft, subtotal);
      draft.clear();
    };
    for (const TypedRow& row : table_.rows) {
      switch (row.kind) {
        case RowKind::kRecord:
        case RowKind::kSubtotal:
          flush();
          draft.push_back(&row);
          subtotal = row.kind == RowKind::kSubtotal;
          break;
        case RowKind::kContinuation:
        case RowKind::kRealized:
          if (!draft.empty() && GoesOn(*draft.back(), row)) draft.push_back(&row);
          break;
        case RowKind::kSection:
          flush();
          OpenSection(row);
          break;
        case RowKind::kTotal:
          flush();
          break;
        case RowKind::kHeader:
        case RowKind::kMonthLabels:
        case RowKind::kSpacer:
          break;
      }
    }
    flush();
    return true;
  }

 private:
  // The title of the group both the programmed (or goal) and the achieved columns stand under,
  // as printed, when it names what they count: no role, no time.
  std::optional<std::string> GroupUnit() const {
    const std::optional<size_t> planned = programmed_ ? programmed_ : goal_;
    if (!planned || !achieved_ || *planned >= table_.header.titles.size() ||
        *achieved_ >= table_.header.titles.size()) {
      return std::nullopt;
    }
    const std::vector<std::string> a = Parts(table_.header.titles[*planned]);
    const std::vector<std::string> b = Parts(table_.header.titles[*achieved_]);
    for (size_t i = 0; i + 1 < a.size() && i + 1 < b.size(); ++i) {
      if (a[i] != b[i] || a[i].empty() || HasDigit(a[i])) continue;
      const auto scores = rules_.ScoreLabel(Fold(a[i]));
      const bool names_role = std::any_of(
          scores.begin(), scores.end(), [](const auto& s) { return s.weight >= kGroupRoleWeight; });
      if (!names_role) return a[i];
    }
    return std::nullopt;
  }

  // Whether a continuation row goes on with the indicator above: it goes on with its name, or
  // it opens the next page (a row broken by the page break). A fragment with no name in a
  // ruled row of its own (a lone "T") is none.
  bool GoesOn(const TypedRow& above, const TypedRow& row) const {
    if (text_ < row.cells.size() && !row.cells[text_].folded.empty()) return true;
    return above.row->page && row.row->page && *above.row->page != *row.row->page;
  }

  std::string ColumnText(const std::vector<const TypedRow*>& rows, size_t c) const {
    std::string text;
    for (const TypedRow* row : rows) {
      if (c >= row->cells.size() || row->cells[c].cell->covered) continue;
      const std::string part = PlainText(row->cells[c].cell->text);
      if (!part.empty()) AppendLine(part, &text);
    }
    return text;
  }

  std::optional<BBox> ColumnBox(const std::vector<const TypedRow*>& rows, size_t c) const {
    std::optional<BBox> box;
    for (const TypedRow* row : rows) {
      if (c < row->cells.size() && row->cells[c].cell->bbox && !row->cells[c].folded.empty()) {
        box = box ? Union(*box, *row->cells[c].cell->bbox) : *row->cells[c].cell->bbox;
      }
    }
    return box;
  }

  std::optional<Figure> FigureOf(const std::vector<const TypedRow*>& rows,
                                 std::optional<size_t> c) const {
    if (!c) return std::nullopt;
    return ParseFigure(ColumnText(rows, *c));
  }

  // A section titled `value` (its leading code apart), opened at `row`.
  void Open(const std::string& value, const TypedRow& row) {
    Section s;
    s.kind = section_kind::kProyecto;
    s.title = value;
    if (auto coded = LeadingCode(value)) {
      s.code = coded->code;
      s.title = coded->text;
    }
    s.provenance = RowsProvenance({row.row}, kIndicatorMapperExtractor);
    out_.sections.push_back(std::move(s));
    section_ = out_.sections.size() - 1;
  }

  // A section row of the table ("Eje 1. Fortalecimiento institucional" across the columns): the
  // indicators under it belong to it.
  void OpenSection(const TypedRow& row) {
    std::string title;
    for (const TypedCell& c : row.cells) {
      if (!c.folded.empty()) AppendLine(PlainText(c.cell->text), &title);
    }
    if (!title.empty()) Open(title, row);
  }

  // The section of this row: the one a section column names (the one the rows above opened when
  // the value is the same, a merged cell read once per page), else the last one opened.
  std::optional<size_t> SectionOf(const std::vector<const TypedRow*>& rows) {
    if (!section_column_) return section_;
    const std::string value = ColumnText(rows, *section_column_);
    if (value.empty()) return section_;  // under a merged cell: the project above
    if (section_ && out_.sections[*section_].title == value) return section_;
    Open(value, *rows.front());
    return section_;
  }

  void Flush(const std::vector<const TypedRow*>& rows, bool subtotal) {
    Indicator ind;
    ind.name = ColumnText(rows, text_);
    if (ind.name.empty()) return;
    ind.subtotal = subtotal;
    if (code_) {
      const std::string key = ColumnText(rows, *code_);
      if (!key.empty()) ind.key = key;
    }
    if (!ind.key) ind.key = KeyInName(ind.name);
    ind.target = FigureOf(rows, goal_ ? goal_ : programmed_);
    if (goal_) ind.programmed = FigureOf(rows, programmed_);
    ind.progress = FigureOf(rows, achieved_);
    ind.percent = FigureOf(rows, percent_);
    ind.budget = FigureOf(rows, budget_);
    std::optional<MendedUnit> misread_unit;
    if (unit_) {
      const std::string unit = ColumnText(rows, *unit_);
      if (!unit.empty()) {
        misread_unit = MendMisreadUnit(rows, *unit_, unit, vocab_, "indicator '" + ind.name + "'");
        ind.unit = misread_unit ? misread_unit->unit : unit;
      }
    } else {
      ind.unit = group_unit_;
    }
    ind.section = SectionOf(rows);
    for (size_t c = 0; c < table_.columns; ++c) {
      const bool used = c == text_ || c == code_ || c == goal_ || c == programmed_ ||
                        c == achieved_ || c == percent_ || c == budget_ || c == unit_ ||
                        c == section_column_;
      if (used) continue;
      const std::string value = ColumnText(rows, c);
      if (value.empty()) continue;
      if (auto field = sheet_.find(c); field != sheet_.end()) {
        SheetField(field->second, rows, c, value, &ind);
        continue;
      }
      const std::string header = c < table_.header.titles.size() ? table_.header.titles[c] : "";
      ind.attributes.push_back(Attribute{header, value, ColumnBox(rows, c)});
    }
    // Written once for the rows below it, in a merged cell.
    if (previous_) {
      if (!ind.level) ind.level = previous_->level;
      if (!ind.objective) ind.objective = previous_->objective;
    }
    if (period_) {
      ind.period_start = period_->first.Iso();
      ind.period_end = period_->last.Iso();
    }
    std::vector<const Row*> layout;
    for (const TypedRow* r : rows) layout.push_back(r->row);
    double confidence = 1;
    for (const Row* r : layout) confidence = std::min(confidence, LowestConfidence(*r));
    ind.provenance = RowsProvenance(layout, kIndicatorMapperExtractor, confidence);
    previous_ = Carried{ind.level, ind.objective};
    if (misread_unit) {
      misread_unit->finding.provenance = ind.provenance;
      out_.findings.push_back(std::move(misread_unit->finding));
    }
    out_.indicators.push_back(std::move(ind));
  }

  void SheetField(ColumnRole role, const std::vector<const TypedRow*>& rows, size_t c,
                  const std::string& value, Indicator* ind) const {
    switch (role) {
      case ColumnRole::kBaseline:
        ind->baseline = FigureOf(rows, c);
        break;
      case ColumnRole::kFrequency:
        ind->frequency = vocab_.CanonicalFrequency(value).value_or(value);
        break;
      case ColumnRole::kDimension:
        ind->dimension = indicator_rules_.Dimension(value).value_or(value);
        break;
      case ColumnRole::kMethod:
        ind->method = value;
        break;
      case ColumnRole::kDefinition:
        ind->definition = value;
        break;
      case ColumnRole::kLevel:
        ind->level = value;
        break;
      case ColumnRole::kObjective:
        ind->objective = value;
        break;
      case ColumnRole::kSense:
        ind->sense = indicator_rules_.Sense(value).value_or(value);
        break;
      default:
        break;
    }
  }

  // What a merged cell gives the rows under it.
  struct Carried {
    std::optional<std::string> level, objective;
  };

  const TypedTable& table_;
  const std::optional<DatePeriod>& period_;
  const TableRules& rules_;
  const IndicatorRules& indicator_rules_;
  const Vocabulary& vocab_;
  Extraction& out_;
  std::map<size_t, ColumnRole> sheet_;  // columns of an indicator sheet's fields
  size_t text_ = 0;
  std::optional<size_t> goal_, programmed_, achieved_, percent_, budget_, unit_, code_,
      section_column_;
  std::optional<std::string> group_unit_;
  std::optional<size_t> section_;
  std::optional<Carried> previous_;
};

}  // namespace

std::vector<const Row*> MapIndicators(const std::vector<TypedTable>& tables,
                                      std::optional<DatePeriod> period, const TableRules& rules,
                                      const IndicatorRules& indicator_rules,
                                      const Vocabulary& vocab, Extraction* out) {
  std::vector<const Row*> read;
  for (const TypedTable& table : tables) {
    if (!Mapper(table, period, rules, indicator_rules, vocab, out).Run()) continue;
    for (const TypedRow& row : table.rows) read.push_back(row.row);
  }
  std::sort(read.begin(), read.end());
  return read;
}

}  // namespace oplex
