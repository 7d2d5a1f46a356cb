#include "models/search.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "models/snapshot.h"

namespace oplex {
namespace {

bool IsWordCharacter(UChar32 c) {
  return c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_CO_MASK)) != 0;
}

// An FTS5 string: inside double quotes, a double quote is written twice and nothing else is
// special.
std::string Quoted(std::string_view form) {
  std::string out = "\"";
  for (char c : form) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Markers around the matches in snippet(): control characters, so that they cannot be taken for
// text. Any other control character a document's text holds becomes a space in OneLine (an
// escape sequence never reaches a terminal); a stray \x02 or \x03 would only move a highlight.
constexpr char kMatchStart = '\x02';
constexpr char kMatchEnd = '\x03';

// The snippet's text on one line: tabs, line breaks and other control characters become
// spaces, runs of spaces one, except the match markers.
std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool control = static_cast<unsigned char>(c) < 0x20 && c != kMatchStart && c != kMatchEnd;
    if (control || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<SnippetPart> ParseSnippet(std::string_view marked) {
  std::vector<SnippetPart> parts;
  bool in_match = false;
  for (char c : OneLine(marked)) {
    if (c == kMatchStart || c == kMatchEnd) {
      in_match = c == kMatchStart;
      continue;
    }
    if (parts.empty() || parts.back().match != in_match) parts.push_back({"", in_match});
    parts.back().text += c;
  }
  return parts;
}

bool HasMatch(const std::vector<SnippetPart>& parts) {
  for (const SnippetPart& p : parts) {
    if (p.match) return true;
  }
  return false;
}

// search_text's columns are kind, record_id, document_id, page, line (not indexed), then code,
// text and detail, which is what the column numbers and the bm25 weights below follow.
constexpr std::string_view kSearchSql = R"sql(
SELECT search_text.kind, search_text.record_id, search_text.document_id, d.path, d.institute,
       d.year, search_text.code, search_text.page, search_text.line, search_text.text,
       snippet(search_text, 6, char(2), char(3), '…', 16),
       snippet(search_text, 7, char(2), char(3), '…', 16),
       bm25(search_text, 0, 0, 0, 0, 0, 4.0, 2.0, 1.0) AS score
FROM search_text
JOIN document AS d ON d.id = search_text.document_id
WHERE search_text MATCH ?1
  AND (?2 IS NULL OR d.institute = ?2 COLLATE NOCASE)
  AND (?3 IS NULL OR d.year = ?3)
ORDER BY score, d.path, search_text.rowid
LIMIT ?4
)sql";

}  // namespace

std::string_view TrimToWord(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t begin = -1, end = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (!IsWordCharacter(c)) continue;
    if (begin < 0) begin = at;
    end = i;
  }
  if (begin < 0) return {};
  return text.substr(begin, end - begin);
}

std::optional<std::string> MatchExpression(const std::vector<SearchTerm>& terms) {
  std::string expression;
  for (const SearchTerm& term : terms) {
    std::vector<std::string> forms;
    for (const std::string& form : term.forms) {
      if (!TrimToWord(form).empty()) forms.push_back(Quoted(form) + (term.prefix ? " *" : ""));
    }
    if (forms.empty()) continue;
    if (!expression.empty()) expression += " AND ";
    if (forms.size() == 1) {
      expression += forms.front();
      continue;
    }
    expression += "(";
    for (size_t i = 0; i < forms.size(); ++i) {
      if (i > 0) expression += " OR ";
      expression += forms[i];
    }
    expression += ")";
  }
  if (expression.empty()) return std::nullopt;
  return expression;
}

Result<std::vector<SearchHit>> Search(Store& store, const SearchQuery& query) {
  std::optional<std::string> match = MatchExpression(query.terms);
  if (!match) return Status::InvalidInput("nothing to search for: no letters or digits");
  Result<Statement> statement = store.Prepare(kSearchSql);
  if (!statement.ok()) return statement.status();
  statement->Bind(1, *match).Bind(2, query.institute).Bind(3, query.year).Bind(4, query.limit);
  std::vector<SearchHit> hits;
  Status read = ForEachRow(*statement, [&]() -> Status {
    SearchHit hit;
    hit.kind = statement->Text(0);
    hit.record_id = statement->Int64(1);
    hit.document_id = statement->Int64(2);
    hit.document_path = statement->Text(3);
    hit.institute = statement->OptionalText(4);
    hit.year = statement->OptionalInt(5);
    hit.code = statement->OptionalText(6);
    hit.page = statement->OptionalInt(7);
    hit.line = statement->OptionalInt(8);
    hit.text = statement->Text(9);
    hit.snippet = ParseSnippet(statement->Text(10));
    if (!HasMatch(hit.snippet)) {
      std::vector<SnippetPart> detail = ParseSnippet(statement->Text(11));
      if (HasMatch(detail)) hit.snippet = std::move(detail);
    }
    hit.score = statement->Double(12);
    hits.push_back(std::move(hit));
    return Status::Ok();
  });
  if (!read.ok()) return WithContext(read, "searching for " + *match);
  return hits;
}

}  // namespace oplex
