#include "extractors/stated_totals.h"

#include <re2/re2.h>

#include <map>
#include <set>

#include "extractors/codes.h"
#include "extractors/provenance.h"
#include "pipeline/normalize/bounded_number.h"
#include "pipeline/normalize/fold.h"

namespace oplex {
namespace {

// A count as a cell writes it ("1,234", "1234"): its digits without thousands commas, or
// nullopt when the cell is not one.
std::optional<std::string> CountDigits(const std::string& cell) {
  static const RE2 kInteger(R"(\d{1,3}(?:,\d{3})*|\d+)");
  if (!RE2::FullMatch(cell, kInteger)) return std::nullopt;
  std::string digits;
  for (char c : cell) {
    if (c != ',') digits.push_back(c);
  }
  return digits;
}

// The counts a row writes, each as its digits (see CountDigits).
std::vector<std::string> CountsIn(const Row& row) {
  static const RE2 kNumber(R"((\d[\d,]*))");
  std::vector<std::string> out;
  for (const Cell& c : row.cells) {
    re2::StringPiece input(c.text);
    std::string number;
    while (RE2::FindAndConsume(&input, kNumber, &number)) {
      if (auto digits = CountDigits(number)) out.push_back(std::move(*digits));
    }
  }
  return out;
}

Provenance Prov(const Row& row) { return RowProvenance(row, kStatedTotalsExtractor); }

// A stated total whose number is too large to be a count: said, not checked.
Finding TooLarge(const std::string& digits, std::string raw_text, Provenance provenance) {
  Finding f;
  f.code = "stated_total_unreadable";
  f.message = "a stated total of " + std::to_string(digits.size()) +
              " digits is too large to be a count; it is not checked";
  f.raw_text = std::move(raw_text);
  f.provenance = std::move(provenance);
  return f;
}

std::optional<StatedTotal::What> CountRole(const ExtractionRules& rules,
                                           const std::string& folded) {
  if (rules.HasRole(folded, HeaderRole::kCountSubprogramas))
    return StatedTotal::What::kSubprogramas;
  if (rules.HasRole(folded, HeaderRole::kCountProyectos)) return StatedTotal::What::kProyectos;
  if (rules.HasRole(folded, HeaderRole::kCountActividades)) return StatedTotal::What::kActividades;
  return std::nullopt;
}

class CountTable {
 public:
  CountTable(const ExtractionRules& rules, Extraction* out) : rules_(rules), out_(out) {}

  // True when `row` is the header of a count table; then the rows below are read by Add.
  bool Start(const Row& row) {
    active_ = in_total_ = false;
    columns_.clear();
    numeric_.clear();
    codes_.clear();
    last_total_column_ = -1;
    auto cells = row.NonEmpty();
    if (cells.empty() || !rules_.HasRole(Fold(cells.front()), HeaderRole::kCode)) return false;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (auto what = CountRole(rules_, Fold(row.cells[i].text))) columns_[i] = *what;
    }
    active_ = !columns_.empty();
    return active_;
  }

  // Reads one body row; false when the row ends the table.
  bool Add(const Row& row) {
    if (!active_) return false;
    auto cells = row.NonEmpty();
    if (cells.empty()) return true;
    const std::string folded_first = Fold(cells.front());
    const std::vector<std::string> counts = CountsIn(row);
    if (rules_.HasRole(folded_first, HeaderRole::kTotal) ||
        (in_total_ && !counts.empty() && CountDigits(cells.front()))) {
      if (!in_total_) last_total_column_ = -1;
      in_total_ = true;
      for (const std::string& digits : counts) AddTotal(digits, row);
      return true;
    }
    in_total_ = false;
    size_t first = 0;
    while (row.cells[first].text.empty()) ++first;
    const std::string& code = row.cells[first].text;
    if (!CountDigits(code) || cells.size() < 2) {
      active_ = false;
      return false;
    }
    codes_.push_back(code);
    for (const auto& [column, what] : columns_) {
      if (column >= row.cells.size() || column == first) continue;
      if (auto digits = CountDigits(row.cells[column].text)) {
        numeric_.insert(column);
        Count(what, code, *digits, row);
      }
    }
    return true;
  }

 private:
  void AddTotal(const std::string& digits, const Row& row) {
    auto it = last_total_column_ < 0
                  ? numeric_.begin()
                  : numeric_.upper_bound(static_cast<size_t>(last_total_column_));
    if (it == numeric_.end()) return;
    last_total_column_ = static_cast<int64_t>(*it);
    Count(columns_[*it], CommonScope(codes_), digits, row);
  }

  // A count of the table, or a finding when its number is too large to be one.
  void Count(StatedTotal::What what, const std::string& scope, const std::string& digits,
             const Row& row) {
    if (std::optional<int64_t> value = ParseInteger(digits)) {
      Push(what, scope, *value, row);
    } else {
      out_->findings.push_back(TooLarge(digits, row.Joined(), Prov(row)));
    }
  }

  void Push(StatedTotal::What what, const std::string& scope, int64_t value, const Row& row) {
    StatedTotal t;
    t.what = what;
    t.scope_code = scope;
    t.value = value;
    t.provenance = Prov(row);
    out_->stated_totals.push_back(std::move(t));
  }

  const ExtractionRules& rules_;
  Extraction* out_;
  bool active_ = false;
  bool in_total_ = false;
  std::map<size_t, StatedTotal::What> columns_;
  std::set<size_t> numeric_;
  int64_t last_total_column_ = -1;
  std::vector<std::string> codes_;
};

}  // namespace

void ExtractStatedTotals(const std::vector<Block>& blocks, const ExtractionRules& rules,
                         Extraction* out) {
  CountTable table(rules, out);
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kParagraph) {
      auto totals = rules.StatedTotalsIn(Fold(block.text()));
      if (totals.size() < 2) continue;
      for (const ExtractionRules::StatedCount& count : totals) {
        if (!count.value) {
          out->findings.push_back(TooLarge(count.digits, block.text(), Prov(block.rows.front())));
          continue;
        }
        StatedTotal t;
        t.what = count.what;
        t.value = *count.value;
        t.provenance = Prov(block.rows.front());
        out->stated_totals.push_back(std::move(t));
      }
      continue;
    }
    bool reading = false;
    for (const Row& row : block.rows) {
      if (reading && table.Add(row)) continue;
      reading = table.Start(row);
    }
  }
  for (StatedTotal& t : out->stated_totals) {
    if (t.scope_code.empty()) continue;
    for (size_t i = 0; i < out->sections.size(); ++i) {
      if (out->sections[i].code != t.scope_code) continue;
      if (t.scope) {  // the code names more than one section: leave it unlinked
        t.scope.reset();
        break;
      }
      t.scope = i;
    }
  }
}

}  // namespace oplex
