#include "extractors/indicator_table.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "extractors/codes.h"
#include "extractors/figure.h"
#include "extractors/provenance.h"
#include "extractors/reporting_period.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// A header maps a table when it has the name column and at least this many others.
constexpr size_t kMinOtherColumns = 2;

using ColumnMap = std::map<size_t, IndicatorField>;  // cell index → field

bool HasLetter(const std::string& s) {
  return std::any_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
}

bool Maps(const std::vector<IndicatorField>& fields) {
  const bool named = std::count(fields.begin(), fields.end(), IndicatorField::kName) > 0;
  return named && fields.size() >= kMinOtherColumns + 1;
}

// The columns of a header row; empty when the row is not an indicator header. A field named by
// two columns ("META PROPUESTA", then "META PROPUESTA vs META ALCANZADA") keeps the first.
ColumnMap HeaderColumns(const Row& row, const IndicatorRules& rules) {
  ColumnMap columns;
  std::vector<IndicatorField> seen;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].covered) continue;
    const std::optional<IndicatorField> f = rules.FieldOf(PlainText(row.cells[i].text));
    if (!f || std::count(seen.begin(), seen.end(), *f) > 0) continue;
    columns[i] = *f;
    seen.push_back(*f);
  }
  return Maps(seen) ? columns : ColumnMap{};
}

std::optional<int> ParseMonth(const std::string& cell, const ExtractionRules& rules) {
  const std::string folded = Fold(PlainText(cell));
  if (folded.empty()) return std::nullopt;
  if (std::all_of(folded.begin(), folded.end(), [](unsigned char c) { return std::isdigit(c); }) &&
      folded.size() <= 2) {
    const int m = std::stoi(folded);
    if (m >= 1 && m <= 12) return m;
    return std::nullopt;
  }
  const std::vector<int> months = rules.MonthsOf(folded);
  if (months.size() == 1) return months.front();
  return std::nullopt;
}

std::optional<std::string> Text(const std::string& cell) {
  std::string text = PlainText(cell);
  if (text.empty()) return std::nullopt;
  return text;
}

bool SameTitle(const std::string& a, const std::string& b) {
  auto clean = [](const std::string& s) {
    std::string f = Fold(s);
    while (!f.empty() && (f.back() == '.' || f.back() == ' ')) f.pop_back();
    return f;
  };
  const std::string fa = clean(a), fb = clean(b);
  if (fa.empty() || fb.empty()) return false;
  return fa.rfind(fb, 0) == 0 || fb.rfind(fa, 0) == 0;
}

class Reader {
 public:
  Reader(const std::vector<const Row*>& read, const IndicatorRules& indicator_rules,
         const ExtractionRules& rules, const Vocabulary& vocab, Extraction* out)
      : indicator_rules_(indicator_rules), rules_(rules), vocab_(vocab), out_(*out), read_(read) {}

  void Run(const std::vector<Block>& blocks) {
    period_ = ReportingPeriod(blocks);
    for (const Block& block : blocks) {
      if (block.kind == BlockKind::kParagraph) {
        Paragraph(block);
        continue;
      }
      const size_t width = block.rows.empty() ? 0 : block.rows.front().cells.size();
      if (width != width_) columns_.clear();
      width_ = width;
      if (ReadElsewhere(block)) {
        columns_.clear();
        continue;
      }
      for (const Row& row : block.rows) {
        if (ColumnMap header = HeaderColumns(row, indicator_rules_); !header.empty()) {
          columns_ = std::move(header);
          previous_.reset();
          continue;
        }
        if (!columns_.empty()) DataRow(row);
      }
    }
  }

 private:
  bool ReadElsewhere(const Block& block) const {
    return std::any_of(block.rows.begin(), block.rows.end(), [&](const Row& row) {
      return std::binary_search(read_.begin(), read_.end(), &row);
    });
  }

  // A header run together into a paragraph maps the headerless tables after it; what follows
  // the header in the paragraph is its rows, interleaved.
  void Paragraph(const Block& block) {
    const FoldedText folded = FoldWithOffsets(block.text());
    const auto run = indicator_rules_.FieldsRunTogether(folded.text);
    std::vector<IndicatorField> fields;
    for (const auto& [field, at] : run) fields.push_back(field);
    if (!Maps(fields)) return;
    columns_.clear();
    for (size_t i = 0; i < fields.size(); ++i) columns_[i] = fields[i];
    width_ = fields.size();
    previous_.reset();
    // The rows begin after the last header's words: at the first figure after it.
    const std::string& text = block.text();
    const size_t header_start = folded.offsets[run.back().second];
    const size_t digits = text.find_first_of("0123456789", header_start);
    if (digits != std::string::npos) Interleaved(text.substr(digits), block.rows.front());
  }

  // One finding per frequency the interleaved text shows: the indicators are there, their
  // cells are not recoverable, and a person must read them off the page.
  void Interleaved(const std::string& text, const Row& row) {
    std::string chunk, frequency;
    std::vector<std::string> figures;
    std::istringstream words(text);
    for (std::string word; words >> word;) {
      std::string bare = word;
      std::erase(bare, '*');
      AppendLine(word, &chunk);
      if (std::optional<std::string> f = vocab_.CanonicalFrequency(bare)) frequency = *f;
      if (std::optional<Figure> fig = ParseFigure(bare); fig && fig->value) figures.push_back(bare);
      if (!frequency.empty() && figures.size() >= 2) {
        Finding f;
        f.code = "indicator_interleaved";
        f.message = "an indicator row whose cells the export interleaved with its neighbours'" +
                    std::string(": frequency ") + frequency + ", figures";
        for (const std::string& fig : figures) f.message += " " + fig;
        f.message += "; its name, objective and definition are not recoverable from the text";
        f.raw_text = chunk;
        f.provenance = Where(row);
        out_.findings.push_back(std::move(f));
        chunk.clear();
        frequency.clear();
        figures.clear();
      }
    }
  }

  static Provenance Where(const Row& row) {
    return RowProvenance(row, kIndicatorTableExtractor, LowestConfidence(row));
  }

  void DataRow(const Row& row) {
    std::map<IndicatorField, std::string> cells;
    for (const auto& [index, field] : columns_) {
      if (index < row.cells.size() && !PlainText(row.cells[index].text).empty()) {
        cells[field] = row.cells[index].text;
      }
    }
    const auto name = cells.find(IndicatorField::kName);
    // A total, a month-number row, a spacer, a Markdown rule ("---").
    if (name == cells.end() || !HasLetter(name->second)) return;
    Indicator ind;
    ind.name = PlainText(name->second);
    const auto get = [&](IndicatorField f) -> std::string {
      const auto it = cells.find(f);
      return it == cells.end() ? std::string() : it->second;
    };
    ind.level = Text(get(IndicatorField::kLevel));
    ind.objective = Text(get(IndicatorField::kObjective));
    // Written once for the rows below it, in a merged cell.
    if (previous_) {
      if (!ind.level) ind.level = previous_->level;
      if (!ind.objective) ind.objective = previous_->objective;
    }
    ind.definition = Text(get(IndicatorField::kDefinition));
    ind.method = Text(get(IndicatorField::kMethod));
    if (std::optional<std::string> d = Text(get(IndicatorField::kDimension))) {
      ind.dimension = indicator_rules_.Dimension(*d).value_or(*d);
    }
    if (std::optional<std::string> f = Text(get(IndicatorField::kFrequency))) {
      ind.frequency = vocab_.CanonicalFrequency(*f).value_or(*f);
    }
    ind.unit = Text(get(IndicatorField::kUnit));
    ind.baseline = ParseFigure(get(IndicatorField::kBaseline));
    ind.target = ParseFigure(get(IndicatorField::kTarget));
    ind.progress = ParseFigure(get(IndicatorField::kProgress));
    if (std::optional<std::string> s = Text(get(IndicatorField::kSense))) {
      ind.sense = indicator_rules_.Sense(*s).value_or(*s);
    }
    ind.budget = ParseFigure(get(IndicatorField::kBudget));
    ind.start_month = ParseMonth(get(IndicatorField::kStartMonth), rules_);
    ind.end_month = ParseMonth(get(IndicatorField::kEndMonth), rules_);
    if (period_) {
      ind.period_start = period_->first.Iso();
      ind.period_end = period_->last.Iso();
    }
    if (std::optional<CodedText> coded = LeadingCode(PlainText(get(IndicatorField::kActivity)))) {
      ind.activity_code = coded->code;
      Link(&ind, row);
    }
    ind.provenance = Where(row);
    previous_ = ind;
    out_.indicators.push_back(std::move(ind));
  }

  // The activity of the indicator's line of action: the one with its code, and when several
  // share the code, the one under a section titled like the indicator's objective.
  void Link(Indicator* ind, const Row& row) {
    std::vector<size_t> candidates = out_.settled.WithCode(ind->activity_code);
    for (size_t i = out_.settled.size(); i < out_.activity_count(); ++i) {
      if (out_.ActivityCode(i) == ind->activity_code) candidates.push_back(i);
    }
    if (candidates.size() > 1 && ind->objective) {
      std::erase_if(candidates, [&](size_t i) { return !UnderObjective(i, *ind->objective); });
    }
    if (candidates.size() == 1) {
      ind->activity = candidates.front();
      ind->section = out_.ActivitySection(candidates.front());
      return;
    }
    Finding f;
    f.code = "indicator_activity_unlinked";
    f.message = "indicator \"" + ind->name + "\" names line of action " + ind->activity_code +
                (candidates.empty() ? ", which no activity has"
                                    : ", which several activities have under its objective");
    f.raw_text = row.Joined();
    f.provenance = Where(row);
    out_.findings.push_back(std::move(f));
  }

  bool UnderObjective(size_t activity, const std::string& objective) const {
    for (std::optional<size_t> s = out_.ActivitySection(activity); s;
         s = out_.sections[*s].parent) {
      if (SameTitle(out_.sections[*s].title, objective)) return true;
    }
    return false;
  }

  const IndicatorRules& indicator_rules_;
  const ExtractionRules& rules_;
  const Vocabulary& vocab_;
  Extraction& out_;
  std::optional<DatePeriod> period_;
  ColumnMap columns_;
  size_t width_ = 0;
  std::optional<Indicator> previous_;
  const std::vector<const Row*>& read_;  // rows another extractor read, sorted
};

}  // namespace

void ExtractIndicators(const std::vector<Block>& blocks, const std::vector<const Row*>& read,
                       const IndicatorRules& indicator_rules, const ExtractionRules& rules,
                       const Vocabulary& vocab, Extraction* out) {
  Reader(read, indicator_rules, rules, vocab, out).Run(blocks);
}

}  // namespace oplex
