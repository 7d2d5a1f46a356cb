// ExtractionRules: the vocabularies and patterns that drive the extractors, loaded once from
// data/ (section_kinds.tsv, headings.tsv, table_titles.tsv, code_levels.tsv, table_headers.tsv,
// months.tsv, month_marks.tsv, stated_totals.tsv). Immutable after Load; safe to share across
// threads (RE2 objects are thread-safe for matching).
#pragma once

#include <re2/re2.h>

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/records.h"
#include "models/status.h"

namespace oplex {

// A pattern that names a section: with two groups (code, title), with one group (title).
struct SectionPattern {
  std::string kind;  // of section_kinds.tsv
  std::shared_ptr<const RE2> re;
};

struct SectionMatch {
  std::string kind;
  std::string code;
  std::string title;
};

enum class CodeRole { kActivity, kSection };

struct CodeLevel {
  std::shared_ptr<const RE2> re;
  CodeRole role;
  std::string kind;  // for kSection
};

enum class HeaderRole {
  kActivity,
  kQuantities,
  kDeliverables,
  kBeneficiaries,
  kCode,
  kCountSubprogramas,
  kCountProyectos,
  kCountActividades,
  kTotal,
};

class ExtractionRules {
 public:
  static Result<ExtractionRules> Load(const std::filesystem::path& data_dir);

  // How deep a section of `kind` stands (1 for the outermost levels), as section_kinds.tsv
  // ranks it; a kind it does not declare stands innermost.
  int SectionRank(std::string_view kind) const;
  // A paragraph that is a section heading.
  std::optional<SectionMatch> MatchHeading(std::string_view line) const;
  // A paragraph that titles the activity table below it.
  std::optional<SectionMatch> MatchTableTitle(std::string_view line) const;
  // The role of a row code ("010101", "0101", "1.47", "1").
  std::optional<CodeLevel> MatchCode(std::string_view code) const;
  // A bar OCR read for a slash counts as the slash.
  bool HasRole(std::string_view folded_cell, HeaderRole role) const;
  // Month numbers (1..12) the folded token can name; empty when it names none. A month may
  // write its year after it, as spreadsheets label month columns: "ene 2023", "ene-23",
  // "enero/2023", "01/2023" (a month written as a number takes a year of four digits).
  std::vector<int> MonthsOf(std::string_view folded_token) const;
  // The year a month token writes after its month (two digits are 20yy); nullopt when it
  // writes none or names no month.
  std::optional<int> YearOfMonth(std::string_view folded_token) const;
  // A glyph that marks a month cell (folded text), or a run of them ("xx": a lone X as OCR may
  // read it).
  bool IsMark(std::string_view folded_cell) const;
  // A count a paragraph states: what it counts, the number as written (without thousands
  // commas) and its value, nullopt when the number is too large to be a count.
  struct StatedCount {
    StatedTotal::What what;
    std::string digits;
    std::optional<int64_t> value;
  };
  // Stated totals in a folded paragraph.
  std::vector<StatedCount> StatedTotalsIn(std::string_view folded) const;

 private:
  std::map<std::string, int, std::less<>> section_ranks_;  // by kind
  int innermost_rank_ = 1;
  std::vector<SectionPattern> headings_;
  std::vector<SectionPattern> titles_;
  std::vector<CodeLevel> codes_;
  std::vector<std::pair<HeaderRole, std::shared_ptr<const RE2>>> headers_;
  // The month forms a token names, the year it writes after them aside.
  struct MonthToken {
    std::vector<int> months;
    std::optional<int> year;
  };
  MonthToken ReadMonthToken(std::string_view folded_token) const;
  std::vector<int> FormsOf(std::string_view form) const;
  std::array<std::set<std::string>, 12> month_forms_;
  std::set<std::string> marks_;
  std::vector<std::pair<StatedTotal::What, std::shared_ptr<const RE2>>> totals_;
};

}  // namespace oplex
