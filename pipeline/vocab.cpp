#include "pipeline/vocab.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "pipeline/normalize/edit_distance.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/tsv.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNationalStateAbbr = "NAC";

Status RequireNonEmpty(const TsvTable& table, const TsvRow& row,
                       const std::vector<std::string>& columns) {
  for (const std::string& column : columns) {
    if (table.Get(row, column).empty()) return table.Error(row.line, "empty '" + column + "'");
  }
  return Status::Ok();
}

// The key a unit or frequency is looked up by: folded, spaces out, so that a word a narrow cell
// broke over two lines ("Men sual") is still the term.
std::string TermKey(std::string_view text) {
  std::string key = Fold(text);
  std::erase(key, ' ');
  return key;
}

// units.tsv and frequencies.tsv: a canonical term and its variants, all mapped by TermKey.
// `spellings`, when given, receives every spelling by its key.
Result<std::unordered_map<std::string, std::string>> LoadTerms(
    const fs::path& path, const std::string& column,
    std::vector<std::pair<std::string, std::string>>* spellings_by_key = nullptr) {
  Result<TsvTable> table = ReadTsv(path, {column, "variants"});
  if (!table.ok()) return table.status();
  std::unordered_map<std::string, std::string> terms;
  for (const TsvRow& row : table->rows) {
    if (Status s = RequireNonEmpty(*table, row, {column}); !s.ok()) return s;
    const std::string& canonical = table->Get(row, column);
    std::vector<std::string> spellings = SplitVariants(table->Get(row, "variants"));
    spellings.push_back(canonical);
    for (const std::string& spelling : spellings) {
      const auto [it, inserted] = terms.emplace(TermKey(spelling), canonical);
      if (!inserted && it->second != canonical) {
        return table->Error(row.line, "'" + spelling + "' already spells '" + it->second + "'");
      }
      if (spellings_by_key != nullptr && inserted)
        spellings_by_key->emplace_back(it->first, spelling);
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
    pattern.kind = DocumentKindFromText(kind).value_or(DocumentKind::kUnknown);
    if (pattern.kind == DocumentKind::kUnknown) {
      return table->Error(row.line,
                          "unknown kind '" + kind + "' (expected " + ClassifiedKindNames() + ")");
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
      LoadTerms(data_dir / "units.tsv", "unit", &vocab.unit_spellings_);
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
  const auto it = units_.find(TermKey(text));
  if (it == units_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Vocabulary::MisreadUnit(std::string_view read) const {
  const std::string key = TermKey(read);
  if (key.empty() || units_.contains(key)) return std::nullopt;
  const auto key_of = [&](size_t i) { return std::string_view(unit_spellings_[i].first); };
  const std::optional<size_t> nearest = NearestWithin(
      key, key.size() >= kTwoEditUnitLetters ? 2 : 1, unit_spellings_.size(), key_of,
      [&](size_t i) { return std::max(key_of(i).size(), key.size()) >= kMendedUnitLetters; },
      // The singular and the plural of one unit are no tie.
      [&](size_t i, size_t j) {
        return units_.at(unit_spellings_[i].first) == units_.at(unit_spellings_[j].first);
      });
  if (!nearest) return std::nullopt;
  return SpelledAsRead(unit_spellings_[*nearest].second, read);
}

std::optional<std::string> Vocabulary::BrokenUnit(std::string_view read) const {
  const std::string key = TermKey(read);
  const auto spelled = std::find_if(unit_spellings_.begin(), unit_spellings_.end(),
                                    [&](const auto& s) { return s.first == key; });
  if (spelled == unit_spellings_.end()) return std::nullopt;
  // Spaced as the unit is: no word of it broken.
  const auto words = [](std::string_view text) {
    std::string folded = Fold(text);
    return static_cast<size_t>(std::count(folded.begin(), folded.end(), ' '));
  };
  if (words(read) <= words(spelled->second)) return std::nullopt;
  return SpelledAsRead(spelled->second, read);
}

std::string Vocabulary::SpelledAsRead(const std::string& spelling, std::string_view read) {
  // Written as the document writes its units: in lowercase when it used no capital.
  const icu::Locale spanish("es");
  const icu::UnicodeString as_read = icu::UnicodeString::fromUTF8(read);
  if (icu::UnicodeString(as_read).toLower(spanish) != as_read) return spelling;
  std::string lowered;
  icu::UnicodeString::fromUTF8(spelling).toLower(spanish).toUTF8String(lowered);
  return lowered;
}

std::optional<std::string> Vocabulary::CanonicalFrequency(std::string_view text) const {
  const auto it = frequencies_.find(TermKey(text));
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
