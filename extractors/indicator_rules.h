// IndicatorRules: what tells an indicator table's columns apart and the names its values are
// normalized to, loaded once from data/indicator_headers.tsv and data/indicator_terms.tsv.
// Immutable after Load; safe to share across threads (RE2 objects are thread-safe for matching).
#pragma once

#include <re2/re2.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/status.h"

namespace oplex {

// The Indicator field a column fills.
enum class IndicatorField {
  kLevel,
  kObjective,
  kName,
  kDefinition,
  kMethod,
  kDimension,
  kFrequency,
  kUnit,
  kBaseline,
  kTarget,
  kProgress,
  kSense,
  kBudget,
  kStartMonth,
  kEndMonth,
  kActivity,
};

class IndicatorRules {
 public:
  // Errors name the file and line: an unknown field, a pattern RE2 rejects.
  static Result<IndicatorRules> Load(const std::filesystem::path& data_dir);

  // The field of a header cell (raw text; folded here), or nullopt when it names none.
  std::optional<IndicatorField> FieldOf(std::string_view header_cell) const;

  // The header fields run together at the start of `folded` (a paragraph a bad export made of a
  // header row: "objetivo institucional nombre(s) del(os) indicador(es) definicion del …"),
  // each with the byte offset where its header starts; empty when `folded` holds no such run.
  std::vector<std::pair<IndicatorField, size_t>> FieldsRunTogether(std::string_view folded) const;

  // The normalized dimension ("eficacia") or sense ("ascendente") a cell names, or nullopt.
  std::optional<std::string> Dimension(std::string_view cell) const;
  std::optional<std::string> Sense(std::string_view cell) const;

 private:
  struct Term {
    std::string canonical;
    std::vector<std::string> forms;  // folded: the canonical name and its variants
  };
  static std::optional<std::string> Lookup(const std::vector<Term>& terms, std::string_view cell);

  std::vector<std::pair<IndicatorField, std::shared_ptr<const RE2>>> headers_;
  std::vector<Term> dimensions_;
  std::vector<Term> senses_;
};

}  // namespace oplex
