#include "extractors/indicator_rules.h"

#include <array>

#include "pipeline/normalize/fold.h"
#include "pipeline/tsv.h"

namespace oplex {
namespace {

constexpr std::array<std::pair<std::string_view, IndicatorField>, 16> kFieldNames = {{
    {"level", IndicatorField::kLevel},
    {"objective", IndicatorField::kObjective},
    {"name", IndicatorField::kName},
    {"definition", IndicatorField::kDefinition},
    {"method", IndicatorField::kMethod},
    {"dimension", IndicatorField::kDimension},
    {"frequency", IndicatorField::kFrequency},
    {"unit", IndicatorField::kUnit},
    {"baseline", IndicatorField::kBaseline},
    {"target", IndicatorField::kTarget},
    {"progress", IndicatorField::kProgress},
    {"sense", IndicatorField::kSense},
    {"budget", IndicatorField::kBudget},
    {"start_month", IndicatorField::kStartMonth},
    {"end_month", IndicatorField::kEndMonth},
    {"activity", IndicatorField::kActivity},
}};

// Headers run together in a paragraph follow each other within this many words.
constexpr int kMaxWordsBetweenHeaders = 4;

}  // namespace

Result<IndicatorRules> IndicatorRules::Load(const std::filesystem::path& data_dir) {
  IndicatorRules rules;
  auto headers = ReadTsv(data_dir / "indicator_headers.tsv", {"field", "pattern"});
  if (!headers.ok()) return headers.status();
  for (const TsvRow& row : headers->rows) {
    const std::string& name = headers->Get(row, "field");
    const auto field = std::find_if(kFieldNames.begin(), kFieldNames.end(),
                                    [&](const auto& f) { return f.first == name; });
    if (field == kFieldNames.end())
      return headers->Error(row.line, "unknown field \"" + name + "\"");
    auto re = std::make_shared<const RE2>(headers->Get(row, "pattern"), RE2::Quiet);
    if (!re->ok()) return headers->Error(row.line, "bad pattern: " + re->error());
    rules.headers_.emplace_back(field->second, std::move(re));
  }
  auto terms = ReadTsv(data_dir / "indicator_terms.tsv", {"field", "canonical", "variants"});
  if (!terms.ok()) return terms.status();
  for (const TsvRow& row : terms->rows) {
    const std::string& field = terms->Get(row, "field");
    Term term{terms->Get(row, "canonical"), {Fold(terms->Get(row, "canonical"))}};
    for (const std::string& v : SplitVariants(terms->Get(row, "variants"))) {
      term.forms.push_back(Fold(v));
    }
    if (field == "dimension") {
      rules.dimensions_.push_back(std::move(term));
    } else if (field == "sense") {
      rules.senses_.push_back(std::move(term));
    } else {
      return terms->Error(row.line, "unknown field \"" + field + "\" (dimension or sense)");
    }
  }
  return rules;
}

std::optional<IndicatorField> IndicatorRules::FieldOf(std::string_view header_cell) const {
  const std::string folded = Fold(header_cell);
  for (const auto& [field, re] : headers_) {
    if (RE2::PartialMatch(folded, *re)) return field;
  }
  return std::nullopt;
}

std::vector<std::pair<IndicatorField, size_t>> IndicatorRules::FieldsRunTogether(
    std::string_view folded) const {
  std::vector<std::pair<IndicatorField, size_t>> run;
  int words_since = 0;
  for (size_t at = 0; at < folded.size();) {
    bool found = false;
    for (const auto& [field, re] : headers_) {
      const bool known = std::any_of(run.begin(), run.end(),
                                     [&, f = field](const auto& r) { return r.first == f; });
      if (!known && RE2::PartialMatch(folded.substr(at), *re)) {
        run.emplace_back(field, at);
        found = true;
        break;
      }
    }
    if (found) {
      words_since = 0;
    } else if (!run.empty() && ++words_since > kMaxWordsBetweenHeaders) {
      break;
    }
    const size_t space = folded.find(' ', at);
    if (space == std::string_view::npos) break;
    at = space + 1;
  }
  return run;
}

std::optional<std::string> IndicatorRules::Lookup(const std::vector<Term>& terms,
                                                  std::string_view cell) {
  const std::string folded = Fold(cell);
  for (const Term& t : terms) {
    for (const std::string& form : t.forms) {
      if (folded == form || folded.rfind(form + " ", 0) == 0) return t.canonical;
    }
  }
  return std::nullopt;
}

std::optional<std::string> IndicatorRules::Dimension(std::string_view cell) const {
  return Lookup(dimensions_, cell);
}

std::optional<std::string> IndicatorRules::Sense(std::string_view cell) const {
  return Lookup(senses_, cell);
}

}  // namespace oplex
