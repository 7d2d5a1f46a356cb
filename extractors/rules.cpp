#include "extractors/rules.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "pipeline/normalize/bounded_number.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/tsv.h"

namespace oplex {
namespace {

// Months are abbreviated to this many letters ("ene", "sep"); a month's name broken over lines,
// its pieces and their spaces, is at most this long ("septie mb re").
constexpr size_t kAbbreviationLetters = 3;
constexpr size_t kLongestBrokenMonth = 16;

Result<std::shared_ptr<const RE2>> Compile(const std::string& pattern,
                                           const std::filesystem::path& file, int line) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) {
    return Status::InvalidInput(file.string() + ":" + std::to_string(line) +
                                ": bad pattern: " + re->error());
  }
  return std::shared_ptr<const RE2>(re);
}

using SectionRanks = std::map<std::string, int, std::less<>>;

// data/section_kinds.tsv: each kind once, a lowercase slug, ranked 1 or deeper.
Result<SectionRanks> LoadSectionKinds(const std::filesystem::path& file) {
  static const RE2 kSlug("[a-z][a-z0-9_]*");
  auto table = ReadTsv(file, {"kind", "rank"});
  if (!table.ok()) return table.status();
  SectionRanks out;
  for (const TsvRow& row : table->rows) {
    const std::string& kind = table->Get(row, "kind");
    if (!RE2::FullMatch(kind, kSlug)) {
      return table->Error(row.line, "section kind '" + kind + "' is not a lowercase slug");
    }
    const std::optional<int64_t> rank = ParseInteger(table->Get(row, "rank"));
    if (!rank || *rank < 1 || *rank > 9) return table->Error(row.line, "rank must be 1..9");
    if (!out.emplace(kind, static_cast<int>(*rank)).second) {
      return table->Error(row.line, "section kind '" + kind + "' declared twice");
    }
  }
  for (const char* named : kSectionKindsNamedInCode) {
    if (!out.contains(named)) {
      return Status::InvalidInput(file.string() + ": the extractors name the section kind '" +
                                  std::string(named) + "', which it does not declare");
    }
  }
  return out;
}

// A kind a vocabulary names, checked against section_kinds.tsv.
Status CheckKind(const SectionRanks& kinds, const TsvTable& table, const TsvRow& row) {
  const std::string& kind = table.Get(row, "kind");
  if (kinds.contains(kind)) return Status::Ok();
  std::string known;
  for (const auto& [name, rank] : kinds) known += (known.empty() ? "" : ", ") + name;
  return table.Error(
      row.line, "unknown section kind '" + kind + "' (section_kinds.tsv declares " + known + ")");
}

std::optional<StatedTotal::What> ParseWhat(std::string_view s) {
  if (s == "subprogramas") return StatedTotal::What::kSubprogramas;
  if (s == "proyectos") return StatedTotal::What::kProyectos;
  if (s == "actividades") return StatedTotal::What::kActividades;
  return std::nullopt;
}

std::optional<HeaderRole> ParseRole(std::string_view s) {
  static const std::map<std::string_view, HeaderRole> kRoles = {
      {"activity", HeaderRole::kActivity},
      {"quantities", HeaderRole::kQuantities},
      {"deliverables", HeaderRole::kDeliverables},
      {"beneficiaries", HeaderRole::kBeneficiaries},
      {"code", HeaderRole::kCode},
      {"count_subprogramas", HeaderRole::kCountSubprogramas},
      {"count_proyectos", HeaderRole::kCountProyectos},
      {"count_actividades", HeaderRole::kCountActividades},
      {"total", HeaderRole::kTotal}};
  auto it = kRoles.find(s);
  if (it == kRoles.end()) return std::nullopt;
  return it->second;
}

Result<std::vector<SectionPattern>> LoadSectionPatterns(const std::filesystem::path& file,
                                                        const SectionRanks& kinds) {
  auto table = ReadTsv(file, {"kind", "pattern"});
  if (!table.ok()) return table.status();
  std::vector<SectionPattern> out;
  for (const TsvRow& row : table->rows) {
    if (Status known = CheckKind(kinds, *table, row); !known.ok()) return known;
    auto re = Compile(table->Get(row, "pattern"), file, row.line);
    if (!re.ok()) return re.status();
    out.push_back(SectionPattern{table->Get(row, "kind"), *re});
  }
  return out;
}

std::optional<SectionMatch> MatchSection(const std::vector<SectionPattern>& patterns,
                                         std::string_view line) {
  for (const SectionPattern& p : patterns) {
    std::string a, b;
    int groups = p.re->NumberOfCapturingGroups();
    if (groups >= 2 && RE2::FullMatch(line, *p.re, &a, &b)) return SectionMatch{p.kind, a, b};
    if (groups == 1 && RE2::FullMatch(line, *p.re, &a)) return SectionMatch{p.kind, "", a};
  }
  return std::nullopt;
}

}  // namespace

Result<ExtractionRules> ExtractionRules::Load(const std::filesystem::path& data_dir) {
  ExtractionRules rules;
  auto kinds = LoadSectionKinds(data_dir / "section_kinds.tsv");
  if (!kinds.ok()) return kinds.status();
  rules.section_ranks_ = std::move(*kinds);
  for (const auto& [kind, rank] : rules.section_ranks_) {
    rules.innermost_rank_ = std::max(rules.innermost_rank_, rank);
  }
  auto headings = LoadSectionPatterns(data_dir / "headings.tsv", rules.section_ranks_);
  if (!headings.ok()) return headings.status();
  rules.headings_ = std::move(*headings);
  auto titles = LoadSectionPatterns(data_dir / "table_titles.tsv", rules.section_ranks_);
  if (!titles.ok()) return titles.status();
  rules.titles_ = std::move(*titles);

  const auto codes_file = data_dir / "code_levels.tsv";
  auto codes = ReadTsv(codes_file, {"pattern", "role", "kind"});
  if (!codes.ok()) return codes.status();
  for (const TsvRow& row : codes->rows) {
    auto re = Compile(codes->Get(row, "pattern"), codes_file, row.line);
    if (!re.ok()) return re.status();
    CodeLevel level{*re, CodeRole::kActivity, ""};
    const std::string& role = codes->Get(row, "role");
    if (role == "section") {
      if (Status known = CheckKind(rules.section_ranks_, *codes, row); !known.ok()) return known;
      level.role = CodeRole::kSection;
      level.kind = codes->Get(row, "kind");
    } else if (role != "activity") {
      return codes->Error(row.line, "role must be activity or section");
    }
    rules.codes_.push_back(std::move(level));
  }

  const auto headers_file = data_dir / "table_headers.tsv";
  auto headers = ReadTsv(headers_file, {"role", "pattern"});
  if (!headers.ok()) return headers.status();
  for (const TsvRow& row : headers->rows) {
    auto role = ParseRole(headers->Get(row, "role"));
    if (!role) return headers->Error(row.line, "unknown header role");
    auto re = Compile(headers->Get(row, "pattern"), headers_file, row.line);
    if (!re.ok()) return re.status();
    rules.headers_.emplace_back(*role, *re);
  }

  auto months = ReadTsv(data_dir / "months.tsv", {"month", "forms"});
  if (!months.ok()) return months.status();
  for (const TsvRow& row : months->rows) {
    int month = std::atoi(months->Get(row, "month").c_str());
    if (month < 1 || month > 12) return months->Error(row.line, "month must be 1..12");
    for (const std::string& form : SplitVariants(months->Get(row, "forms"))) {
      rules.month_forms_[month - 1].insert(Fold(form));
    }
  }

  auto marks = ReadTsv(data_dir / "month_marks.tsv", {"mark"});
  if (!marks.ok()) return marks.status();
  for (const TsvRow& row : marks->rows) rules.marks_.insert(Fold(marks->Get(row, "mark")));

  const auto totals_file = data_dir / "stated_totals.tsv";
  auto totals = ReadTsv(totals_file, {"what", "pattern"});
  if (!totals.ok()) return totals.status();
  for (const TsvRow& row : totals->rows) {
    auto what = ParseWhat(totals->Get(row, "what"));
    if (!what) return totals->Error(row.line, "unknown total");
    auto re = Compile(totals->Get(row, "pattern"), totals_file, row.line);
    if (!re.ok()) return re.status();
    rules.totals_.emplace_back(*what, *re);
  }
  return rules;
}

int ExtractionRules::SectionRank(std::string_view kind) const {
  auto it = section_ranks_.find(kind);
  return it == section_ranks_.end() ? innermost_rank_ : it->second;
}

std::optional<SectionMatch> ExtractionRules::MatchHeading(std::string_view line) const {
  return MatchSection(headings_, line);
}

std::optional<SectionMatch> ExtractionRules::MatchTableTitle(std::string_view line) const {
  return MatchSection(titles_, line);
}

std::optional<CodeLevel> ExtractionRules::MatchCode(std::string_view code) const {
  for (const CodeLevel& level : codes_) {
    if (RE2::FullMatch(code, *level.re)) return level;
  }
  return std::nullopt;
}

bool ExtractionRules::HasRole(std::string_view folded_cell, HeaderRole role) const {
  // OCR reads a header's slash as a bar ("Objetivo | línea de acción"): one and the same here.
  std::string cell(folded_cell);
  std::replace(cell.begin(), cell.end(), '|', '/');
  for (const auto& [r, re] : headers_) {
    if (r == role && RE2::PartialMatch(cell, *re)) return true;
  }
  return false;
}

std::vector<int> ExtractionRules::FormsOf(std::string_view form) const {
  std::vector<int> out;
  for (int m = 0; m < 12; ++m) {
    if (month_forms_[m].count(std::string(form))) out.push_back(m + 1);
  }
  return out;
}

ExtractionRules::MonthToken ExtractionRules::ReadMonthToken(std::string_view folded_token) const {
  MonthToken out{FormsOf(folded_token), std::nullopt};
  // A month's name that a narrow header cell broke across its lines ("septiem" over "bre"): its
  // letters together, when they spell more than an abbreviation.
  if (out.months.empty() && folded_token.size() <= kLongestBrokenMonth &&
      folded_token.find(' ') != std::string_view::npos &&
      std::all_of(folded_token.begin(), folded_token.end(),
                  [](unsigned char c) { return c == ' ' || std::isalpha(c) != 0; })) {
    std::string joined(folded_token);
    std::erase(joined, ' ');
    if (joined.size() > kAbbreviationLetters) out.months = FormsOf(joined);
  }
  if (!out.months.empty() || folded_token.empty() ||
      std::isdigit(static_cast<unsigned char>(folded_token.back())) == 0) {
    return out;
  }
  // The shortest month before a year: "ene 2023", "ene-23", "enero/2023", "01/2023"; OCR and
  // squeezed columns run them together ("ene2023"), and a narrow cell may break the year over
  // its lines ("jul-2" over "5").
  static const RE2 kDated(R"(^(.+?)([ /.'-]?)((?:19|20)\d\d|\d\d)$)");
  std::string month, separator, year;
  std::string squeezed(folded_token);
  std::erase(squeezed, ' ');
  if (!RE2::FullMatch(folded_token, kDated, &month, &separator, &year) &&
      !RE2::FullMatch(squeezed, kDated, &month, &separator, &year)) {
    // A month's name whose year lost a figure where its cell broke ("ene-2", the "5" under it
    // not read): the month, its year unknown.
    static const RE2 kYearCut(R"(^([a-z]+)[/.'-]\d$)");
    if (RE2::FullMatch(squeezed, kYearCut, &month)) out.months = FormsOf(month);
    return out;
  }
  while (!month.empty() && month.back() == ' ') month.pop_back();  // "may -25"
  const bool numeric =
      std::all_of(month.begin(), month.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (numeric && (separator.empty() || year.size() != 4)) return out;
  out.months = FormsOf(month);
  if (!out.months.empty()) {
    out.year = std::atoi(year.c_str()) + (year.size() == 2 ? 2000 : 0);
  }
  return out;
}

std::vector<int> ExtractionRules::MonthsOf(std::string_view folded_token) const {
  return ReadMonthToken(folded_token).months;
}

std::optional<int> ExtractionRules::YearOfMonth(std::string_view folded_token) const {
  return ReadMonthToken(folded_token).year;
}

bool ExtractionRules::IsMark(std::string_view folded_cell) const {
  if (marks_.count(std::string(folded_cell)) > 0) return true;
  // A cell of mark glyphs only: "xx" and "*x" are how OCR often reads a lone X.
  bool any = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(folded_cell.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(folded_cell.data(), i, n, c);
    if (c == ' ') continue;
    if (marks_.count(std::string(folded_cell.substr(start, i - start))) == 0) return false;
    any = true;
  }
  return any;
}

std::vector<ExtractionRules::StatedCount> ExtractionRules::StatedTotalsIn(
    std::string_view folded) const {
  std::vector<StatedCount> out;
  for (const auto& [what, re] : totals_) {
    re2::StringPiece input(folded.data(), folded.size());
    std::string number;
    while (RE2::FindAndConsume(&input, *re, &number)) {
      std::string digits;
      for (char c : number) {
        if (c != ',') digits.push_back(c);
      }
      std::optional<int64_t> value = ParseInteger(digits);
      out.push_back(StatedCount{what, std::move(digits), value});
    }
  }
  return out;
}

}  // namespace oplex
