// What a person types into `oplex search`, made into the terms of a SearchQuery
// (models/search.h), with the acronyms a word stands for.
//
// The text is split at white space into words, every one of which a hit must contain. A span in
// double quotes is one phrase, its words side by side ("resultados electorales"); a quote without
// its pair is only a separator. A word ending in '*' also matches the longer words it begins
// ("comput*" finds "cómputos"). Nothing else is syntax: AND, OR, NOT, parentheses, slashes and
// colons are text like any other. A word that data/search_acronyms.tsv lists as an acronym
// ("PREP") also matches the entry's other spellings and long forms ("Programa de Resultados
// Electorales Preliminares").
//
// SearchAcronyms::Load reads the file once; afterwards the object is immutable (const methods),
// so one instance can be shared between threads. ParseSearchText is pure.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/search.h"
#include "models/status.h"

namespace oplex {

class SearchAcronyms {
 public:
  // Reads search_acronyms.tsv from `data_dir` (its header describes the columns). A missing or
  // unreadable file is an IoError; a spelling with a space in it, a spelling given to two
  // entries or an entry without long forms is an InvalidInput naming the file and line.
  static Result<SearchAcronyms> Load(const std::filesystem::path& data_dir);

  // The other spellings and the long forms of `word` when it is one of an entry's spellings
  // (case and accents ignored, and punctuation around it: "(PREP)," is PREP); empty otherwise.
  std::vector<std::string> Alternatives(std::string_view word) const;

 private:
  struct Entry {
    std::vector<std::string> spellings;
    std::vector<std::string> long_forms;
  };
  SearchAcronyms() = default;

  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_spelling_;  // folded spelling → index in entries_
};

// The terms of `text`, in the order written (see the file comment): one per word or quoted
// phrase; a word's forms are the word itself, then what `acronyms` gives for it. Words are kept
// as typed: what has no letter or digit is left for MatchExpression to drop.
std::vector<SearchTerm> ParseSearchText(std::string_view text, const SearchAcronyms& acronyms);

}  // namespace oplex
