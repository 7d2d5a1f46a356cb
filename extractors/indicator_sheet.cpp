#include "extractors/indicator_sheet.h"

#include <algorithm>
#include <optional>
#include <string>

#include "extractors/figure.h"
#include "extractors/provenance.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

// A label is at most this many words and names its field with at least this weight.
constexpr int kLabelWords = 6;
constexpr double kLabelWeight = 0.8;
// A row of a sheet holds at most this many cells.
constexpr size_t kSheetRowCells = 4;
// A sheet is an indicator when it gives this many fields besides the name.
constexpr int kMinSheetFields = 2;
// The same indicator in the matrix: this share of the words of the names agree.
constexpr double kSameName = 0.8;

int Words(const std::string& folded) { return static_cast<int>(SplitSpaces(folded).size()); }

// The field a label names, if any: kText for the indicator's name.
std::optional<ColumnRole> FieldOf(const std::string& label, const TableRules& rules) {
  std::string folded = Fold(PlainText(label));
  while (!folded.empty() && (folded.back() == ':' || folded.back() == '.')) folded.pop_back();
  if (folded.empty() || Words(folded) > kLabelWords) return std::nullopt;
  const auto scores = rules.ScoreLabel(folded);
  std::optional<ColumnRole> best;
  double weight = kLabelWeight;
  for (ColumnRole role :
       {ColumnRole::kText, ColumnRole::kDefinition, ColumnRole::kMethod, ColumnRole::kUnit,
        ColumnRole::kFrequency, ColumnRole::kDimension, ColumnRole::kSense, ColumnRole::kBaseline,
        ColumnRole::kAnnual, ColumnRole::kLevel, ColumnRole::kObjective}) {
    const double w = scores[static_cast<size_t>(role)].weight;
    if (w < weight) continue;
    // A text label names an indicator only when it says so ("Nombre del indicador").
    if (role == ColumnRole::kText && folded.find("indicador") == std::string::npos) continue;
    weight = w;
    best = role;
  }
  return best;
}

struct Pair {
  ColumnRole field;
  std::string value;
  const Row* row;
};

// The label/value pairs of one row: cells side by side, or "Label: value" in one cell. A sheet's
// row holds a few cells (a label and its value, or two such pairs); a wider row is a table's.
std::vector<Pair> PairsOf(const Row& row, const TableRules& rules) {
  std::vector<Pair> pairs;
  std::vector<const Cell*> cells;
  for (const Cell& c : row.cells) {
    if (c.covered || c.text.find_first_not_of(" \n\t") == std::string::npos) continue;
    if (cells.size() == kSheetRowCells) return pairs;
    cells.push_back(&c);
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string text = PlainText(cells[i]->text);
    // A label next to another label is a header row of a matrix, not a pair.
    if (i + 1 < cells.size() && !FieldOf(cells[i + 1]->text, rules)) {
      if (auto field = FieldOf(text, rules)) {
        pairs.push_back({*field, PlainText(cells[i + 1]->text), &row});
        ++i;
        continue;
      }
    }
    const size_t colon = text.find(':');
    if (colon == std::string::npos || colon + 1 >= text.size()) continue;
    if (auto field = FieldOf(text.substr(0, colon), rules)) {
      const std::string value = PlainText(text.substr(colon + 1));
      if (!value.empty()) pairs.push_back({*field, value, &row});
    }
  }
  return pairs;
}

class Reader {
 public:
  Reader(const TableRules& rules, const IndicatorRules& indicator_rules, const Vocabulary& vocab,
         Extraction* out)
      : rules_(rules),
        indicator_rules_(indicator_rules),
        vocab_(vocab),
        out_(*out),
        matrix_(out->indicators.size()) {}

  void Run(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
      for (const Row& row : block.rows) {
        for (Pair& pair : PairsOf(row, rules_)) Take(std::move(pair));
      }
    }
    Close();
  }

 private:
  void Take(Pair pair) {
    if (pair.field == ColumnRole::kText) {
      Close();
      sheet_ = Indicator{};
      sheet_->name = pair.value;
      rows_ = {pair.row};
      fields_ = 0;
      return;
    }
    if (!sheet_) return;
    Indicator& ind = *sheet_;
    const std::string& v = pair.value;
    switch (pair.field) {
      case ColumnRole::kDefinition:
        ind.definition = v;
        break;
      case ColumnRole::kMethod:
        ind.method = v;
        break;
      case ColumnRole::kUnit:
        ind.unit = v;
        break;
      case ColumnRole::kFrequency:
        ind.frequency = vocab_.CanonicalFrequency(v).value_or(v);
        break;
      case ColumnRole::kDimension:
        ind.dimension = indicator_rules_.Dimension(v).value_or(v);
        break;
      case ColumnRole::kSense:
        ind.sense = indicator_rules_.Sense(v).value_or(v);
        break;
      case ColumnRole::kBaseline:
        ind.baseline = ParseFigure(v);
        break;
      case ColumnRole::kAnnual:
        ind.target = ParseFigure(v);
        break;
      case ColumnRole::kLevel:
        ind.level = v;
        break;
      case ColumnRole::kObjective:
        ind.objective = v;
        break;
      default:
        return;
    }
    ++fields_;
    rows_.push_back(pair.row);
  }

  void Close() {
    if (!sheet_ || fields_ < kMinSheetFields) {
      sheet_.reset();
      return;
    }
    Indicator ind = std::move(*sheet_);
    sheet_.reset();
    ind.provenance = RowsProvenance(rows_, kIndicatorSheetExtractor);
    for (size_t i = 0; i < matrix_; ++i) {
      Indicator& same = out_.indicators[i];
      if (!SameWording(same.name, ind.name, kSameName)) continue;
      Fill(&same.definition, ind.definition);
      Fill(&same.method, ind.method);
      Fill(&same.unit, ind.unit);
      Fill(&same.frequency, ind.frequency);
      Fill(&same.dimension, ind.dimension);
      Fill(&same.sense, ind.sense);
      Fill(&same.baseline, ind.baseline);
      Fill(&same.target, ind.target);
      Fill(&same.level, ind.level);
      Fill(&same.objective, ind.objective);
      return;
    }
    out_.indicators.push_back(std::move(ind));
  }

  template <typename T>
  static void Fill(std::optional<T>* field, const std::optional<T>& from) {
    if (!*field && from) *field = from;
  }

  const TableRules& rules_;
  const IndicatorRules& indicator_rules_;
  const Vocabulary& vocab_;
  Extraction& out_;
  size_t matrix_;  // indicators before this index came from tables
  std::optional<Indicator> sheet_;
  std::vector<const Row*> rows_;
  int fields_ = 0;
};

}  // namespace

void ReadIndicatorSheets(const std::vector<Block>& blocks, const TableRules& rules,
                         const IndicatorRules& indicator_rules, const Vocabulary& vocab,
                         Extraction* out) {
  Reader(rules, indicator_rules, vocab, out).Run(blocks);
}

}  // namespace oplex
