#include "extractors/quantity_row.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/normalize/quantity.h"

namespace oplex {
namespace {

enum class TokenKind { kNumber, kList, kText };

struct Token {
  TokenKind kind;
  std::string text;
  std::optional<Quantity> number;
  std::vector<Quantity> list;
};

// "120 Áreas administrativas del IEEM." is the last month's value and the beneficiary kinds in
// one cell, "… del IEEM. 13, 1" the kinds and their counts: split them so each part is read for
// what it is.
std::vector<std::string> SplitMergedCells(const std::vector<std::string>& cells) {
  static const RE2 kMerged(R"(^(\S+)[\s\x{00A0}]+(\pL.{2,})$)");
  std::vector<std::string> out;
  for (const std::string& cell : cells) {
    std::string number, rest;
    std::string text = cell;
    if (RE2::FullMatch(cell, kMerged, &number, &rest) && ParseQuantity(number)) {
      out.push_back(number);
      text = rest;
    }
    // "… y ciudadanía. 13,1,1,10 S/C": the counts glued after the kinds' final period.
    const size_t period = text.rfind(". ");
    if (period != std::string::npos && ParseQuantityList(text.substr(period + 2))) {
      out.push_back(text.substr(0, period + 1));
      out.push_back(text.substr(period + 2));
    } else {
      out.push_back(text);
    }
  }
  return out;
}

Token Classify(const std::string& cell) {
  if (auto q = ParseQuantity(cell)) return Token{TokenKind::kNumber, cell, *q, {}};
  if (auto list = ParseQuantityList(cell); list && list->size() > 1) {
    return Token{TokenKind::kList, cell, std::nullopt, *list};
  }
  return Token{TokenKind::kText, cell, std::nullopt, {}};
}

// A unit of measure is a known unit, or a short label that is not a sentence.
bool LooksLikeUnit(const std::string& text, const Vocabulary& vocab) {
  if (vocab.CanonicalUnit(text)) return true;
  if (text.empty() || text.back() == '.' || text.find(',') != std::string::npos) return false;
  int words = 1;
  for (char c : text) words += c == ' ';
  return words <= 3;
}

// Sum of the `n` values after the annual quantity at `annual`.
double Sum(const std::vector<Token>& tokens, size_t annual, size_t n) {
  double sum = 0;
  for (size_t i = 1; i <= n; ++i) sum += *tokens[annual + i].number->value;
  return sum;
}

bool SumEquals(const std::vector<Token>& tokens, size_t annual, size_t n) {
  return std::fabs(Sum(tokens, annual, n) - *tokens[annual].number->value) < 1e-6;
}

bool IsMonthlyValue(const Token& t) {
  return t.kind == TokenKind::kNumber && !t.number->not_quantified;
}

}  // namespace

QuantityRow ParseQuantityRow(const std::vector<std::string>& cells, const Vocabulary& vocab,
                             bool months_apart) {
  std::vector<Token> tokens;
  for (const std::string& cell : SplitMergedCells(cells)) tokens.push_back(Classify(cell));

  QuantityRow row;
  size_t run_begin = 0;
  while (run_begin < tokens.size() && !IsMonthlyValue(tokens[run_begin])) ++run_begin;
  size_t run_end = run_begin;
  while (run_end < tokens.size() && IsMonthlyValue(tokens[run_end]) &&
         !(months_apart && run_end > run_begin)) {
    ++run_end;
  }
  const size_t run = run_end - run_begin;

  std::string kinds;
  std::vector<std::string> counts_text;
  std::vector<Quantity> counts;
  auto take_text = [&](const Token& t) {
    if (!row.unit && LooksLikeUnit(t.text, vocab)) {
      row.unit = t.text;
    } else {
      kinds += kinds.empty() ? t.text : " " + t.text;
    }
  };
  auto take_count = [&](const Token& t) {
    counts_text.push_back(t.text);
    if (t.kind == TokenKind::kList) {
      counts.insert(counts.end(), t.list.begin(), t.list.end());
    } else {
      counts.push_back(*t.number);
    }
  };

  for (size_t i = 0; i < run_begin; ++i) {
    if (tokens[i].kind == TokenKind::kText) {
      take_text(tokens[i]);
    } else {
      take_count(tokens[i]);
    }
  }
  if (run > 0) row.annual = *tokens[run_begin].number;
  size_t values = run > 0 ? run - 1 : 0;
  // With no count after it, the 13th number may be the beneficiary count of a row that lost a
  // month: trust the reading whose months add up to the annual quantity.
  const bool count_follows = std::any_of(tokens.begin() + run_end, tokens.end(),
                                         [](const Token& t) { return t.kind != TokenKind::kText; });
  if (values == 13 || (values == 12 && !count_follows && SumEquals(tokens, run_begin, 11) &&
                       !SumEquals(tokens, run_begin, 12))) {
    --values;
    take_count(tokens[run_begin + 1 + values]);
  }
  if (values == 12) {
    std::array<Quantity, 12> months;
    for (size_t m = 0; m < 12; ++m) months[m] = *tokens[run_begin + 1 + m].number;
    row.months = months;
  } else if (values > 0) {
    char sum[32];
    std::snprintf(sum, sizeof sum, "%.10g", Sum(tokens, run_begin, values));
    row.problems.push_back(std::to_string(values) + " monthly values (adding up to " + sum +
                           ", the annual quantity is " + row.annual->raw +
                           ") for 12 months: they cannot be placed, so the months are unknown");
  }
  for (size_t i = run_end; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kText) {
      take_text(tokens[i]);
    } else {
      take_count(tokens[i]);
    }
  }
  if (!kinds.empty() || !counts_text.empty()) {
    Beneficiary b;
    b.kinds_text = kinds;
    for (const std::string& c : counts_text) {
      b.counts_text += b.counts_text.empty() ? c : " " + c;
    }
    b.counts = std::move(counts);
    row.beneficiary = std::move(b);
  }
  return row;
}

}  // namespace oplex
