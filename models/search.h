// Full-text search over the stored records: the read side of the search_text index (schema 5,
// see models/migrations.cpp), for `oplex search`.
//
// What a person typed never reaches FTS5 as query syntax: each form of each term is quoted as an
// FTS5 string, so quotes, operators (AND, OR, NOT, NEAR), parentheses, slashes, colons and
// asterisks are only text. The index's tokenizer ignores case and accents on both sides.
// Functions use the Store's connection and so share its thread-safety: call them on its thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"
#include "models/store.h"

namespace oplex {

// `text` from its first to its last word character: the characters the index's tokenizer makes
// words of (letters, numbers and private-use characters: categories L*, N* and Co); everything
// else separates words. Empty when `text` has no word character.
std::string_view TrimToWord(std::string_view text);

// One thing every hit must contain.
struct SearchTerm {
  // Alternatives, any one of which matches: a word, or a phrase (its words side by side, in
  // order: "resultados electorales preliminares").
  std::vector<std::string> forms;
  // The last word of a form may also be the start of a longer word ("comput" finds "cómputos").
  bool prefix = false;
};

// The FTS5 query that matches the records containing every term: each form quoted, a term's
// forms joined with OR, the terms with AND. A form with no letter or digit (a lone quote, "—")
// gives the tokenizer no word, and FTS5 would then match nothing at all, so it is left out, and
// so is a term left without forms. nullopt when nothing is left to search for.
std::optional<std::string> MatchExpression(const std::vector<SearchTerm>& terms);

struct SearchQuery {
  std::vector<SearchTerm> terms;         // all must match
  std::optional<std::string> institute;  // only documents of this institute code (any case)
  std::optional<int> year;               // only documents of this year
  int limit = 20;                        // at most this many hits
};

// A stretch of a snippet's text; `match` when it is (part of) what the query looked for.
struct SnippetPart {
  std::string text;
  bool match = false;
};

// One record that matches, with where it is.
struct SearchHit {
  std::string kind;       // "activity", "indicator", "section" or "event"
  int64_t record_id = 0;  // its id in the table `kind` names
  int64_t document_id = 0;
  std::string document_path;
  std::optional<std::string> institute;
  std::optional<int> year;
  // Activity or section code; for an indicator, the code of the activity it measures.
  std::optional<std::string> code;
  std::optional<int> page;
  std::optional<int> line;
  std::string text;  // activity text, indicator name, section title or event text, in full
  // About 16 words around the match, on one line, "…" where cut: from `text` when the match is
  // there, else from the detail that matched (an indicator's definition or method, an event's
  // body); `text`'s start when only the code matched.
  std::vector<SnippetPart> snippet;
  double score = 0;  // FTS5 bm25; lower is better
};

// The records that contain every term of `query`, best first: bm25, where a match in a code
// weighs most, then one in the text, then one in the detail; ties by document path, then in
// index order. InvalidInput when MatchExpression leaves nothing to search for.
Result<std::vector<SearchHit>> Search(Store& store, const SearchQuery& query);

}  // namespace oplex
