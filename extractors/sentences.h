// Sentences: the running text of a document cut into sentences, for the extractors that read
// prose (dated sessions, cited agreements, the document's own date).
//
// Layout gives paragraphs as the source broke them, which is not where sentences end: a PDF
// breaks a paragraph where its italic quotation starts or where the page ends, and a text
// export may break a quotation over two lines. So paragraphs are first joined into runs, then
// the runs are cut into sentences, in two steps:
//   1. a paragraph continues into the next one when it ends without a sentence mark (. ! ? : ;)
//      and either a quotation is still open or it is long enough to be running text
//      (kRunningTextBytes); a table, a heading-like short line or kMaxJoinedParagraphs end a run;
//   2. a run is cut after ".", "!" or "?" followed by a space and a word that does not start in
//      lower case, except inside quotation marks, after initials ("L. I.", "L.I."), after an
//      ordinal abbreviated with letters ("la 1ra. Sesión") and after the enumerator that opens a
//      run ("IV.", "1."). Abbreviations such as "Lic." do cut.
// Markdown emphasis ('*') is dropped and white space collapsed, so a text export and a PDF of the
// same document give the same sentences. Each row of a table is a sentence of its own (its
// cells joined by spaces).
//
// Pure functions on value types; safe to call from any number of threads at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

// A paragraph at least this long (bytes, after cleaning) is running text, not a heading or a
// line of a title page.
inline constexpr size_t kRunningTextBytes = 80;
// A run joined because of an open quotation ends after this many paragraphs, so one unmatched
// quotation mark cannot swallow the rest of a document.
inline constexpr size_t kMaxJoinedParagraphs = 8;

struct Sentence {
  std::string text;
  // Where it came from: the page and first line of the paragraph it starts in, the last line of
  // the one it ends in, the box of the paragraphs it touches on its first page, and the lowest
  // OCR confidence among them. `extractor` is left for the caller to set.
  Provenance provenance;
};

// The byte ranges [begin, end) of `text` that stand inside quotation marks, marks included, in
// order; nested quotations lie inside their outer range. Curly (“ ”) and angle (« ») quotes nest;
// straight ones (") pair in turn. A mark that is never closed opens no range.
std::vector<std::pair<size_t, size_t>> QuotedRanges(std::string_view text);

// Whether byte `at` of a text lies inside one of its `quoted` ranges.
bool InQuotes(const std::vector<std::pair<size_t, size_t>>& quoted, size_t at);

// Every sentence of the document, in reading order.
std::vector<Sentence> SplitSentences(const std::vector<Block>& blocks);

// How many blocks open the document before its running text: the title page and whatever else
// comes before the first paragraph of at least kRunningTextBytes.
size_t OpeningBlockCount(const std::vector<Block>& blocks);

}  // namespace oplex
