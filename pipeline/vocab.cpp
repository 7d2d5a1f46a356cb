#include "pipeline/vocab.h"

#include <re2/re2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <utility>

#include "pipeline/normalize/fold.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNationalStateAbbr = "NAC";

// A TSV file read into rows, each remembering its line number for error messages.
struct TsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

struct TsvTable {
  std::string name;  // the path, as error messages show it
  std::map<std::string, size_t> columns;
  std::vector<TsvRow> rows;

  const std::string& Get(const TsvRow& row, const std::string& column) const {
    return row.fields[columns.at(column)];
  }
  Status Error(int line, const std::string& what) const {
    return Status::InvalidInput(name + ":" + std::to_string(line) + ": " + what);
  }
};

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const size_t begin = text.find_first_not_of(kBlank);
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(kBlank);
  return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    parts.push_back(Trim(text.substr(start, at == std::string_view::npos ? at : at - start)));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// Non-empty "|"-separated alternatives.
std::vector<std::string> SplitVariants(std::string_view cell) {
  std::vector<std::string> variants;
  for (std::string& part : Split(cell, '|')) {
    if (!part.empty()) variants.push_back(std::move(part));
  }
  return variants;
}

Result<TsvTable> ReadTsv(const fs::path& path, const std::vector<std::string>& required) {
  TsvTable table;
  table.name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(table.name + ": cannot open the file");
  std::string text;
  int line_number = 0;
  bool have_header = false;
  while (std::getline(in, text)) {
    ++line_number;
    if (line_number == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (!IsValidUtf8(text)) return table.Error(line_number, "not valid UTF-8");
    if (Trim(text).empty() || text.starts_with('#')) continue;
    std::vector<std::string> fields = Split(text, '\t');
    if (!have_header) {
      for (size_t i = 0; i < fields.size(); ++i) {
        if (!table.columns.emplace(fields[i], i).second) {
          return table.Error(line_number, "column '" + fields[i] + "' appears twice");
        }
      }
      for (const std::string& column : required) {
        if (!table.columns.contains(column)) {
          return table.Error(line_number, "the header lacks the column '" + column + "'");
        }
      }
      have_header = true;
      continue;
    }
    if (fields.size() != table.columns.size()) {
      return table.Error(line_number, "expected " + std::to_string(table.columns.size()) +
                                          " tab-separated fields, found " +
                                          std::to_string(fields.size()));
    }
    table.rows.push_back({line_number, std::move(fields)});
  }
  if (in.bad()) return Status::IoError(table.name + ": reading failed");
  if (!have_header) return table.Error(line_number, "the file has no header row");
  return table;
}

Status RequireNonEmpty(const TsvTable& table, const TsvRow& row,
                       const std::vector<std::string>& columns) {
  for (const std::string& column : columns) {
    if (table.Get(row, column).empty()) return table.Error(row.line, "empty '" + column + "'");
  }
  return Status::Ok();
}

// units.tsv and frequencies.tsv: a canonical term and its variants, all mapped by folded form.
Result<std::unordered_map<std::string, std::string>> LoadTerms(const fs::path& path,
                                                               const std::string& column) {
  Result<TsvTable> table = ReadTsv(path, {column, "variants"});
  if (!table.ok()) return table.status();
  std::unordered_map<std::string, std::string> terms;
  for (const TsvRow& row : table->rows) {
    if (Status s = RequireNonEmpty(*table, row, {column}); !s.ok()) return s;
    const std::string& canonical = table->Get(row, column);
    std::vector<std::string> spellings = SplitVariants(table->Get(row, "variants"));
    spellings.push_back(canonical);
    for (const std::string& spelling : spellings) {
      const auto [it, inserted] = terms.emplace(Fold(spelling), canonical);
      if (!inserted && it->second != canonical) {
        return table->Error(row.line, "'" + spelling + "' already spells '" + it->second + "'");
      }
    }
  }
  return terms;
}

Result<std::vector<Vocabulary::Institute>> LoadInstitutes(const fs::path& path) {
  const std::vector<std::string> required = {"code",    "state", "state_abbr",
                                             "acronym", "name",  "variants"};
  Result<TsvTable> table = ReadTsv(path, required);
  if (!table.ok()) return table.status();
  std::vector<Vocabulary::Institute> institutes;
  std::set<std::string> codes;
  std::set<std::string> abbreviations;
  for (const TsvRow& row : table->rows) {
    if (Status s = RequireNonEmpty(*table, row, {"code", "state", "state_abbr", "acronym", "name"});
        !s.ok()) {
      return s;
    }
    Vocabulary::Institute institute;
    institute.code = table->Get(row, "code");
    institute.state = table->Get(row, "state");
    institute.state_abbr = table->Get(row, "state_abbr");
    institute.acronym = table->Get(row, "acronym");
    institute.name = table->Get(row, "name");
    institute.variants = SplitVariants(table->Get(row, "variants"));
    institute.national = institute.state_abbr == kNationalStateAbbr;
    if (!codes.insert(institute.code).second) {
      return table->Error(row.line, "code '" + institute.code + "' appears twice");
    }
    if (!abbreviations.insert(institute.state_abbr).second) {
      return table->Error(row.line, "state_abbr '" + institute.state_abbr + "' appears twice");
    }
    institutes.push_back(std::move(institute));
  }
  return institutes;
}

Result<std::vector<Vocabulary::KindPattern>> LoadKindPatterns(const fs::path& path) {
  Result<TsvTable> table = ReadTsv(path, {"kind", "pattern"});
  if (!table.ok()) return table.status();
  std::vector<Vocabulary::KindPattern> patterns;
  for (const TsvRow& row : table->rows) {
    if (Status s = RequireNonEmpty(*table, row, {"kind", "pattern"}); !s.ok()) return s;
    Vocabulary::KindPattern pattern;
    const std::string& kind = table->Get(row, "kind");
    for (DocumentKind candidate :
         {DocumentKind::kWorkPlan, DocumentKind::kIndicatorReport, DocumentKind::kActivityReport}) {
      if (kind == ToString(candidate)) pattern.kind = candidate;
    }
    if (pattern.kind == DocumentKind::kUnknown) {
      return table->Error(row.line, "unknown kind '" + kind +
                                        "' (expected work_plan, indicator_report or "
                                        "activity_report)");
    }
    pattern.pattern = table->Get(row, "pattern");
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(pattern.pattern, options);
    if (!regex->ok()) {
      return table->Error(row.line, "pattern '" + pattern.pattern + "': " + regex->error());
    }
    pattern.regex = std::move(regex);
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

// Bytes of folded text that continue a word: ASCII letters and digits, and any byte of a
// multi-byte character (ñ, or a letter of another script).
bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool IsWholeWord(std::string_view text, size_t begin, size_t end) {
  return (begin == 0 || !IsWordByte(text[begin - 1])) &&
         (end == text.size() || !IsWordByte(text[end]));
}

}  // namespace

Result<Vocabulary> Vocabulary::Load(const fs::path& data_dir) {
  Vocabulary vocab;

  Result<std::vector<Institute>> institutes = LoadInstitutes(data_dir / "institutes.tsv");
  if (!institutes.ok()) return institutes.status();
  vocab.institutes_ = std::move(institutes).value();

  // Which institutes each folded spelling could mean; only unambiguous ones are kept.
  std::map<std::string, std::set<size_t>> owners;
  for (size_t i = 0; i < vocab.institutes_.size(); ++i) {
    const Institute& institute = vocab.institutes_[i];
    owners[Fold(institute.name)].insert(i);
    owners[Fold(institute.acronym)].insert(i);
    for (const std::string& variant : institute.variants) owners[Fold(variant)].insert(i);
  }
  for (const auto& [folded, institutes_spelled] : owners) {
    if (institutes_spelled.size() == 1 && !folded.empty()) {
      vocab.institute_forms_.push_back({folded, *institutes_spelled.begin()});
    }
  }

  Result<std::unordered_map<std::string, std::string>> units =
      LoadTerms(data_dir / "units.tsv", "unit");
  if (!units.ok()) return units.status();
  vocab.units_ = std::move(units).value();

  Result<std::unordered_map<std::string, std::string>> frequencies =
      LoadTerms(data_dir / "frequencies.tsv", "frequency");
  if (!frequencies.ok()) return frequencies.status();
  vocab.frequencies_ = std::move(frequencies).value();

  Result<std::vector<KindPattern>> patterns = LoadKindPatterns(data_dir / "document_kinds.tsv");
  if (!patterns.ok()) return patterns.status();
  vocab.kind_patterns_ = std::move(patterns).value();

  return vocab;
}

std::optional<std::string> Vocabulary::CanonicalUnit(std::string_view text) const {
  const auto it = units_.find(Fold(text));
  if (it == units_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Vocabulary::CanonicalFrequency(std::string_view text) const {
  const auto it = frequencies_.find(Fold(text));
  if (it == frequencies_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vocabulary::InstituteMention> Vocabulary::FindInstitutes(
    std::string_view folded_text) const {
  std::vector<InstituteMention> found;
  for (const InstituteForm& form : institute_forms_) {
    for (size_t at = folded_text.find(form.folded); at != std::string_view::npos;
         at = folded_text.find(form.folded, at + 1)) {
      const size_t end = at + form.folded.size();
      if (!IsWholeWord(folded_text, at, end)) continue;
      found.push_back({form.institute, at, end, form.folded.find(' ') == std::string::npos});
    }
  }
  // Leftmost-longest: at each position the longest spelling wins, and a mention inside an
  // earlier, longer one is part of it rather than a mention of its own.
  std::sort(found.begin(), found.end(), [](const InstituteMention& a, const InstituteMention& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<InstituteMention> mentions;
  size_t covered_until = 0;
  for (const InstituteMention& mention : found) {
    if (mention.begin < covered_until) continue;
    mentions.push_back(mention);
    covered_until = mention.end;
  }
  return mentions;
}

}  // namespace oplex
