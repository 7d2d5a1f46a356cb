#include "pipeline/search_terms.h"

#include <utility>

#include "pipeline/normalize/fold.h"
#include "pipeline/tsv.h"

namespace oplex {

Result<SearchAcronyms> SearchAcronyms::Load(const std::filesystem::path& data_dir) {
  Result<TsvTable> table = ReadTsv(data_dir / "search_acronyms.tsv", {"spellings", "long_forms"});
  if (!table.ok()) return table.status();
  SearchAcronyms acronyms;
  for (const TsvRow& row : table->rows) {
    Entry entry{SplitVariants(table->Get(row, "spellings")),
                SplitVariants(table->Get(row, "long_forms"))};
    if (entry.spellings.empty()) return table->Error(row.line, "the entry has no spelling");
    if (entry.long_forms.empty()) return table->Error(row.line, "the entry has no long form");
    for (const std::string& spelling : entry.spellings) {
      if (spelling.find_first_of(" \t") != std::string::npos) {
        return table->Error(row.line, "the spelling '" + spelling + "' is not a single word");
      }
      if (!acronyms.by_spelling_.emplace(Fold(spelling), acronyms.entries_.size()).second) {
        return table->Error(row.line, "the spelling '" + spelling + "' is in an earlier entry");
      }
    }
    acronyms.entries_.push_back(std::move(entry));
  }
  return acronyms;
}

std::vector<std::string> SearchAcronyms::Alternatives(std::string_view word) const {
  const std::string folded = Fold(TrimToWord(word));
  auto it = by_spelling_.find(folded);
  if (it == by_spelling_.end()) return {};
  const Entry& entry = entries_[it->second];
  std::vector<std::string> alternatives;
  for (const std::string& spelling : entry.spellings) {
    if (Fold(spelling) != folded) alternatives.push_back(spelling);
  }
  alternatives.insert(alternatives.end(), entry.long_forms.begin(), entry.long_forms.end());
  return alternatives;
}

std::vector<SearchTerm> ParseSearchText(std::string_view text, const SearchAcronyms& acronyms) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::vector<SearchTerm> terms;
  size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    if (text[i] == '"') {
      const size_t close = text.find('"', i + 1);
      if (close != std::string_view::npos) {
        terms.push_back({{std::string(text.substr(i + 1, close - i - 1))}, false});
        i = close + 1;
      } else {
        ++i;  // a quote without its pair separates, like a space
      }
      continue;
    }
    const size_t start = i;
    while (i < text.size() && !is_space(text[i]) && text[i] != '"') ++i;
    std::string_view word = text.substr(start, i - start);
    SearchTerm term;
    while (word.size() > 1 && word.back() == '*') {
      word.remove_suffix(1);
      term.prefix = true;
    }
    term.forms.emplace_back(word);
    if (!term.prefix) {
      for (std::string& alternative : acronyms.Alternatives(word)) {
        term.forms.push_back(std::move(alternative));
      }
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace oplex
