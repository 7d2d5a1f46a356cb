#include "pipeline/classify/taxonomy.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <utility>

#include "pipeline/normalize/fold.h"
#include "pipeline/tsv.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;

bool IsSlug(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// The first character of `pattern` that folding changes (an accented vowel, a ligature), or ""
// when the pattern is written folded. ASCII is left to the case-insensitive match.
std::string UnfoldedCharacter(std::string_view pattern) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(pattern.data());
  const auto length = static_cast<int32_t>(pattern.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0x80) continue;
    const std::string character(pattern.substr(start, i - start));
    if (Fold(character) != character) return character;
  }
  return "";
}

Result<std::vector<Taxonomy::Category>> LoadCategories(const fs::path& path) {
  Result<TsvTable> table = ReadTsv(path, {"category", "label"});
  if (!table.ok()) return table.status();
  std::vector<Taxonomy::Category> categories;
  std::set<std::string> slugs;
  for (const TsvRow& row : table->rows) {
    Taxonomy::Category category{table->Get(row, "category"), table->Get(row, "label")};
    if (!IsSlug(category.slug)) {
      return table->Error(row.line, "category '" + category.slug +
                                        "' is not a slug (lower-case letters, digits, '_')");
    }
    if (category.slug == Taxonomy::kUnclassified) {
      return table->Error(
          row.line, "category '" + category.slug + "' is reserved for activities no rule matches");
    }
    if (category.label.empty()) {
      return table->Error(row.line, "category '" + category.slug + "' has no label");
    }
    if (!slugs.insert(category.slug).second) {
      return table->Error(row.line, "category '" + category.slug + "' appears twice");
    }
    categories.push_back(std::move(category));
  }
  return categories;
}

RE2::Options RuleOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  options.set_longest_match(true);
  return options;
}

}  // namespace

// The memory of the automaton of all rules: with RE2's default (8 MB) its cache grew 0.6 MB
// larger, for no speed.
constexpr int64_t kRuleSetMemory = 1 << 20;

struct Taxonomy::RuleSet {
  RuleSet() : set(Options(), RE2::UNANCHORED) {}
  static RE2::Options Options() {
    RE2::Options options = RuleOptions();
    options.set_max_mem(kRuleSetMemory);
    return options;
  }
  RE2::Set set;  // pattern i is rules_[i]'s
};

const char* Taxonomy::ToString(Evidence evidence) {
  switch (evidence) {
    case Evidence::kNone:
      return "none";
    case Evidence::kActivityText:
      return "text";
    case Evidence::kSection:
      return "section";
  }
  return "none";
}

Result<Taxonomy> Taxonomy::Load(const fs::path& data_dir) {
  Taxonomy taxonomy;
  Result<std::vector<Category>> categories = LoadCategories(data_dir / "taxonomy_categories.tsv");
  if (!categories.ok()) return categories.status();
  taxonomy.categories_ = std::move(categories).value();
  std::map<std::string, size_t> category_index;
  for (size_t i = 0; i < taxonomy.categories_.size(); ++i) {
    category_index.emplace(taxonomy.categories_[i].slug, i);
  }

  Result<TsvTable> table =
      ReadTsv(data_dir / "taxonomy.tsv", {"category", "rule", "scope", "priority", "pattern"});
  if (!table.ok()) return table.status();
  std::set<std::string> ids;
  for (const TsvRow& row : table->rows) {
    Rule rule;
    const std::string& category = table->Get(row, "category");
    const auto found = category_index.find(category);
    if (found == category_index.end()) {
      return table->Error(row.line,
                          "unknown category '" + category + "' (not in taxonomy_categories.tsv)");
    }
    rule.category = found->second;

    rule.id = table->Get(row, "rule");
    if (rule.id.empty()) return table->Error(row.line, "empty 'rule'");
    if (!ids.insert(rule.id).second) {
      return table->Error(row.line, "rule id '" + rule.id + "' appears twice");
    }

    const std::string& scope = table->Get(row, "scope");
    if (scope == "text") {
      rule.scope = Scope::kText;
    } else if (scope == "section") {
      rule.scope = Scope::kSection;
    } else if (scope == "both") {
      rule.scope = Scope::kBoth;
    } else {
      return table->Error(row.line,
                          "unknown scope '" + scope + "' (expected text, section or both)");
    }

    const std::string& priority = table->Get(row, "priority");
    const auto [end, error] =
        std::from_chars(priority.data(), priority.data() + priority.size(), rule.priority);
    if (priority.empty() || error != std::errc() || end != priority.data() + priority.size() ||
        rule.priority < 0) {
      return table->Error(row.line, "priority '" + priority + "' is not a non-negative integer");
    }

    const std::string& pattern = table->Get(row, "pattern");
    if (pattern.empty()) return table->Error(row.line, "empty 'pattern'");
    if (const std::string unfolded = UnfoldedCharacter(pattern); !unfolded.empty()) {
      return table->Error(row.line, "pattern '" + pattern + "' holds '" + unfolded +
                                        "', which folded text never does (write it as '" +
                                        Fold(unfolded) + "')");
    }
    auto regex = std::make_shared<const RE2>(pattern, RuleOptions());
    if (!regex->ok()) {
      return table->Error(row.line, "bad pattern '" + pattern + "': " + regex->error());
    }
    rule.regex = std::move(regex);
    taxonomy.rules_.push_back(std::move(rule));
  }
  auto rule_set = std::make_shared<RuleSet>();
  for (const Rule& rule : taxonomy.rules_) {
    // Each pattern compiled alone above, so it compiles in the set too.
    rule_set->set.Add(rule.regex->pattern(), nullptr);
  }
  // Rules too many for the automaton's memory are each tried on every text.
  if (rule_set->set.Compile()) taxonomy.rule_set_ = std::move(rule_set);
  return taxonomy;
}

std::optional<Taxonomy::Hit> Taxonomy::BestHit(std::string_view folded, bool in_section) const {
  std::optional<Hit> best;
  // Smaller is better: higher priority, then an earlier start, then a longer match.
  using Key = std::tuple<int, size_t, std::ptrdiff_t>;
  Key best_key;
  std::vector<int> matching;
  RE2::Set::ErrorInfo error;
  if (rule_set_ == nullptr ||
      (!rule_set_->set.Match(folded, &matching, &error) && error.kind != RE2::Set::kNoError)) {
    // No automaton, or it ran out of memory on this text: every rule is tried.
    matching.resize(rules_.size());
    std::iota(matching.begin(), matching.end(), 0);
  }
  std::sort(matching.begin(), matching.end());  // rules_ order decides ties
  for (const int position : matching) {
    const auto i = static_cast<size_t>(position);
    const Rule& rule = rules_[i];
    if (rule.scope == (in_section ? Scope::kText : Scope::kSection)) continue;
    re2::StringPiece match;
    if (!rule.regex->Match(folded, 0, folded.size(), RE2::UNANCHORED, &match, 1)) continue;
    const Key key = {-rule.priority, static_cast<size_t>(match.data() - folded.data()),
                     -static_cast<std::ptrdiff_t>(match.size())};
    // Strictly better only: at a tie the rule written first keeps the place.
    if (!best || key < best_key) {
      best = Hit{i, std::string_view(match.data(), match.size())};
      best_key = key;
    }
  }
  return best;
}

Taxonomy::Classification Taxonomy::FromHit(const Hit& hit, Evidence evidence) const {
  const Rule& rule = rules_[hit.rule];
  const Category& category = categories_[rule.category];
  return Classification{category.slug, category.label, rule.category,
                        rule.id,       evidence,       std::string(hit.matched)};
}

Taxonomy::Classification Taxonomy::Classify(std::string_view activity_text,
                                            std::string_view section_path_text) const {
  const std::string text = Fold(activity_text);
  if (const std::optional<Hit> hit = BestHit(text, /*in_section=*/false)) {
    return FromHit(*hit, Evidence::kActivityText);
  }
  // Innermost title first: walk the lines from the last.
  size_t end = section_path_text.size();
  while (end > 0) {
    const size_t newline = section_path_text.rfind('\n', end - 1);
    const size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
    const std::string title = Fold(section_path_text.substr(begin, end - begin));
    if (const std::optional<Hit> hit = BestHit(title, /*in_section=*/true)) {
      return FromHit(*hit, Evidence::kSection);
    }
    end = newline == std::string_view::npos ? 0 : newline;
  }
  Classification unclassified;
  unclassified.rank = categories_.size();
  return unclassified;
}

std::string SectionPathText(const Extraction& extraction, const Activity& activity) {
  std::vector<const Section*> path;
  // Bounded by the number of sections, so a malformed parent chain cannot loop.
  for (std::optional<size_t> i = activity.section;
       i && *i < extraction.sections.size() && path.size() < extraction.sections.size();
       i = extraction.sections[*i].parent) {
    path.push_back(&extraction.sections[*i]);
  }
  std::string text;
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    if (!text.empty()) text += '\n';
    // A title is one line of the path, whatever line breaks it carries.
    for (char c : (*it)->title) text += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return text;
}

void ClassifyActivity(const Taxonomy& taxonomy, Extraction* extraction, size_t index) {
  Activity& a = *extraction->WholeActivity(index);
  Taxonomy::Classification c = taxonomy.Classify(a.text, SectionPathText(*extraction, a));
  a.category = ActivityCategory{std::move(c.category), std::move(c.label), static_cast<int>(c.rank),
                                std::move(c.rule), Taxonomy::ToString(c.evidence)};
}

void ClassifyActivities(const Taxonomy& taxonomy, Extraction* extraction) {
  for (size_t i = extraction->settled.size(); i < extraction->activity_count(); ++i) {
    ClassifyActivity(taxonomy, extraction, i);
  }
}

}  // namespace oplex
