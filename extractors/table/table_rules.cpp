#include "extractors/table/table_rules.h"

#include <algorithm>
#include <map>

#include "pipeline/normalize/edit_distance.h"
#include "pipeline/tsv.h"

namespace oplex {
namespace {

Result<std::shared_ptr<const RE2>> Compile(const std::string& pattern, const TsvTable& table,
                                           int line) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) return table.Error(line, "bad pattern: " + re->error());
  return std::shared_ptr<const RE2>(re);
}

// A word shorter than this is too near too many others to be mended.
constexpr size_t kMendedLetters = 5;
// A word of this many letters may be two edits from the word it stands for; shorter ones one.
constexpr size_t kTwoEditLetters = 8;

bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// The words of at least kMendedLetters letters a folded pattern spells: runs of letters, where a
// class of letters is spelled each way and a letter or class followed by `?` with and without
// it ("alcanzad[oa]s?" spells alcanzado, alcanzada, alcanzados, alcanzadas). What follows an
// escape (`\d`) or a class with other characters ends a word.
std::vector<std::string> SpelledWords(std::string_view pattern) {
  std::vector<std::string> out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '\\') {
      i += 2;
      continue;
    }
    if (!IsLetter(pattern[i])) {
      ++i;
      continue;
    }
    std::vector<std::string> words = {""};
    while (i < pattern.size()) {
      std::string_view choices;
      size_t next = i + 1;
      if (IsLetter(pattern[i])) {
        choices = pattern.substr(i, 1);
      } else if (pattern[i] == '[') {
        const size_t close = pattern.find(']', i);
        if (close == std::string_view::npos) break;
        choices = pattern.substr(i + 1, close - i - 1);
        if (choices.empty() || !std::all_of(choices.begin(), choices.end(), IsLetter)) break;
        next = close + 1;
      } else {
        break;
      }
      const bool optional = next < pattern.size() && pattern[next] == '?';
      std::vector<std::string> grown;
      for (const std::string& w : words) {
        if (optional) grown.push_back(w);
        for (char c : choices) grown.push_back(w + c);
      }
      words = std::move(grown);
      i = next + (optional ? 1 : 0);
    }
    for (std::string& w : words) {
      if (w.size() >= kMendedLetters) out.push_back(std::move(w));
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<RE2::Set> TableRules::NewSet() {
  RE2::Options options;
  options.set_log_errors(false);
  return std::make_shared<RE2::Set>(options, RE2::UNANCHORED);
}

Result<TableRules> TableRules::Load(const std::filesystem::path& data_dir, ExtractionRules rules) {
  TableRules out;
  out.base_ = std::move(rules);
  auto roles = ReadTsv(data_dir / "column_roles.tsv", {"role", "pattern", "weight"});
  if (!roles.ok()) return roles.status();
  for (const TsvRow& row : roles->rows) {
    auto role = ColumnRoleFromString(roles->Get(row, "role"));
    if (!role) return roles->Error(row.line, "unknown role '" + roles->Get(row, "role") + "'");
    double weight = 0;
    try {
      weight = std::stod(roles->Get(row, "weight"));
    } catch (const std::exception&) {
      return roles->Error(row.line, "weight is not a number");
    }
    if (weight <= 0 || weight > 1) return roles->Error(row.line, "weight must be in (0, 1]");
    const std::string pattern = roles->Get(row, "pattern");
    std::string without_spaces = pattern;
    std::erase(without_spaces, ' ');
    for (const std::string& p : {pattern, without_spaces}) {
      if (auto re = Compile(p, *roles, row.line); !re.ok()) return re.status();
    }
    out.roles_.push_back(RolePattern{*role, weight});
    for (std::string& word : SpelledWords(pattern)) out.label_words_.push_back(std::move(word));
    // The two sets hold the patterns in the same order as roles_, so a match's index is its
    // pattern's.
    if (out.plain_->Add(pattern, nullptr) < 0 || out.squeezed_->Add(without_spaces, nullptr) < 0) {
      return roles->Error(row.line, "bad pattern");
    }
  }
  std::sort(out.label_words_.begin(), out.label_words_.end());
  out.label_words_.erase(std::unique(out.label_words_.begin(), out.label_words_.end()),
                         out.label_words_.end());
  if (!out.plain_->Compile() || !out.squeezed_->Compile()) {
    return Status::InvalidInput((data_dir / "column_roles.tsv").string() +
                                ": the patterns do not compile together (too large)");
  }
  auto shapes = ReadTsv(data_dir / "code_shapes.tsv", {"shape", "pattern"});
  if (!shapes.ok()) return shapes.status();
  for (const TsvRow& row : shapes->rows) {
    auto re = Compile(shapes->Get(row, "pattern"), *shapes, row.line);
    if (!re.ok()) return re.status();
    if ((*re)->NumberOfCapturingGroups() != 1) {
      return shapes->Error(row.line, "the pattern needs exactly one group (the code)");
    }
    out.codes_.push_back(*re);
  }
  using Kinds = std::map<std::string, std::vector<std::shared_ptr<const RE2>>*>;
  for (const auto& [file, kinds] :
       {std::pair{"row_labels.tsv", Kinds{{"total", &out.totals_},
                                          {"realized", &out.realized_},
                                          {"responsible", &out.responsible_}}},
        std::pair{"label_words.tsv", Kinds{{"unfinished", &out.unfinished_}}}}) {
    auto table = ReadTsv(data_dir / file, {"kind", "pattern"});
    if (!table.ok()) return table.status();
    for (const TsvRow& row : table->rows) {
      const auto kind = kinds.find(table->Get(row, "kind"));
      if (kind == kinds.end()) {
        return table->Error(row.line, "unknown kind '" + table->Get(row, "kind") + "'");
      }
      const std::string pattern = table->Get(row, "pattern");
      auto re = Compile(pattern, *table, row.line);
      if (!re.ok()) return re.status();
      kind->second->push_back(*re);
      // A responsible label a narrow column broke mid-word ("Unidad Re / sponsable") is matched
      // with its spaces squeezed out, against the pattern without its spaces.
      if (kind->second != &out.responsible_) continue;
      std::string without_spaces = pattern;
      std::erase(without_spaces, ' ');
      auto squeezed = Compile(without_spaces, *table, row.line);
      if (!squeezed.ok()) return squeezed.status();
      out.responsible_squeezed_.push_back(*squeezed);
    }
  }
  return out;
}

std::array<TableRules::HeaderScore, kColumnRoleCount> TableRules::ScoreLabel(
    std::string_view folded_label) const {
  std::array<HeaderScore, kColumnRoleCount> scores{};
  if (folded_label.empty()) return scores;
  // The whole label, then each of its parts alone ("calendario 2023 / e" has the part "e").
  std::vector<std::string_view> parts = {folded_label};
  for (size_t start = 0;;) {
    const size_t at = folded_label.find(" / ", start);
    const std::string_view part = folded_label.substr(start, at - start);
    if (part.size() != folded_label.size()) parts.push_back(part);
    if (at == std::string_view::npos) break;
    start = at + 3;
  }
  // A part may close with the year it is for ("meta 2025"), or with a stop or colon the label
  // does not need ("Actividad:", "ACTIVIDAD." as OCR reads a speck after it), and on a scan be
  // framed by the marks OCR reads a cell's borders as ("ACTIVIDAD | |"): the words between them
  // name the role.
  static const RE2 kYearAfter(R"(^(.*\S) (?:19|20)\d\d$)");
  static const RE2 kMarksAround(R"(^[ |_\-—–]*(.*?[^ .:;,|_\-—–])[ .:;,|_\-—–]*$)");
  std::vector<std::string> trimmed;
  for (std::string_view part : parts) {
    std::string words;
    const re2::StringPiece piece(part.data(), part.size());
    if (RE2::FullMatch(piece, kYearAfter, &words)) trimmed.push_back(std::move(words));
    if (RE2::FullMatch(piece, kMarksAround, &words) && words.size() != part.size()) {
      trimmed.push_back(std::move(words));
    }
  }
  parts.insert(parts.end(), trimmed.begin(), trimmed.end());
  // Each part squeezed, and each run of neighbouring parts squeezed together: a label a narrow
  // column broke over two header rows ("Unid ad de m / edid a", "Met a del / Indicador").
  std::vector<std::string> squeezed;
  std::vector<size_t> squeezed_of;  // the part (or the run's first part) each one came from
  auto squeeze = [](std::string_view text) {
    std::string joined(text);
    std::erase(joined, ' ');
    std::erase(joined, '/');
    return joined;
  };
  for (size_t i = 0; i < parts.size(); ++i) {
    squeezed.push_back(squeeze(parts[i]));
    squeezed_of.push_back(i);
  }
  const size_t split_parts = parts.size() - trimmed.size();
  for (size_t first = 1; first < split_parts; ++first) {
    std::string run = squeezed[first];
    for (size_t next = first + 1; next < split_parts; ++next) {
      run += squeezed[next];
      squeezed.push_back(run);
      squeezed_of.push_back(first);
    }
  }
  // For each pattern, the first part it matches (plain or squeezed).
  std::vector<size_t> first_part(roles_.size(), parts.size());
  std::vector<int> hits;
  auto take = [&](const RE2::Set& set, std::string_view text, size_t part) {
    hits.clear();
    if (!set.Match(re2::StringPiece(text.data(), text.size()), &hits)) return;
    for (int hit : hits) {
      size_t& at = first_part[static_cast<size_t>(hit)];
      at = std::min(at, part);
    }
  };
  for (size_t i = 0; i < parts.size(); ++i) take(*plain_, parts[i], i);
  for (size_t i = 0; i < squeezed.size(); ++i) take(*squeezed_, squeezed[i], squeezed_of[i]);
  for (size_t k = 0; k < roles_.size(); ++k) {
    const RolePattern& p = roles_[k];
    HeaderScore& s = scores[static_cast<size_t>(p.role)];
    if (p.weight <= s.weight || first_part[k] == parts.size()) continue;
    s.weight = p.weight;
    s.matched = std::string(parts[first_part[k]]);
  }
  return scores;
}

std::optional<std::string_view> TableRules::NearestLabelWord(std::string_view word) const {
  if (word.size() < kMendedLetters ||
      std::binary_search(label_words_.begin(), label_words_.end(), word)) {
    return std::nullopt;
  }
  const std::optional<size_t> nearest = NearestWithin(
      word, word.size() >= kTwoEditLetters ? 2 : 1, label_words_.size(),
      [&](size_t i) { return std::string_view(label_words_[i]); }, [](size_t) { return true; },
      [](size_t, size_t) { return false; });
  if (!nearest) return std::nullopt;
  return label_words_[*nearest];
}

std::optional<CodedText> TableRules::SplitCode(std::string_view text) const {
  size_t begin = 0, end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
  const std::string_view trimmed = text.substr(begin, end - begin);
  if (trimmed.empty()) return std::nullopt;
  for (const auto& re : codes_) {
    std::string code;
    if (RE2::FullMatch(re2::StringPiece(trimmed.data(), trimmed.size()), *re, &code)) {
      return CodedText{code, ""};
    }
  }
  // A code opening a text: the first word (or the first word and its punctuation, "1.-").
  const size_t space = trimmed.find_first_of(" \n");
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view head = trimmed.substr(0, space);
  std::string_view rest = trimmed.substr(space);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\n')) rest.remove_prefix(1);
  if (rest.empty()) return std::nullopt;
  for (const auto& re : codes_) {
    std::string code;
    if (RE2::FullMatch(re2::StringPiece(head.data(), head.size()), *re, &code)) {
      return CodedText{code, std::string(rest)};
    }
  }
  return std::nullopt;
}

namespace {

bool AnyMatches(const std::vector<std::shared_ptr<const RE2>>& patterns, std::string_view folded) {
  for (const auto& re : patterns) {
    if (RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), *re)) return true;
  }
  return false;
}

}  // namespace

bool TableRules::IsTotalLabel(std::string_view folded) const { return AnyMatches(totals_, folded); }

bool TableRules::IsRealizedLabel(std::string_view folded) const {
  return AnyMatches(realized_, folded);
}

bool TableRules::IsResponsibleLabel(std::string_view folded) const {
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.remove_suffix(1);
  if (folded.empty()) return false;
  std::string squeezed(folded);
  std::erase(squeezed, ' ');
  return AnyMatches(responsible_, folded) || AnyMatches(responsible_squeezed_, squeezed);
}

bool TableRules::UnfinishedLabel(std::string_view folded) const {
  return AnyMatches(unfinished_, folded);
}

}  // namespace oplex
