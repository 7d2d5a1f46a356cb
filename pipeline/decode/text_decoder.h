// The text decoder: turns a text, markdown or HTML-fragment export of a work plan into
// SourceLines (see source.h). It only decodes: it finds the encoding, the lines, the page marks,
// the cells and the lists inside cells, and leaves every other interpretation (codes, headings,
// month grids) to layout and the extractors.
//
// Decoding is a sequence of small steps, each declared below in `text_decode` so that it can be
// read and tested on its own:
//   ToUtf8 (reject non-text, detect and convert the encoding)
//   → SplitLines (physical lines) → IsPageSeparator / IsMarkdownRuleRow (lines that only mark
//   layout) → SplitCells (tabs or pipes) → CleanCell (HTML, entities, lists, whitespace, NFC).
//
// Bad input is ordinary input: every function returns a Status or Result, never throws, and
// never crashes on arbitrary bytes. All functions are thread-safe (no shared mutable state).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "models/status.h"
#include "pipeline/decode/source.h"

namespace oplex {

// Decodes the bytes of a text export. `name` (usually the path) only appears in error messages.
// On success: source_format "text", detected_encoding set, `lines` holds every line with visible
// text, and page_count/page are set when the export marks page breaks with "• • •" lines;
// `replaced` lists the bytes of a UTF-8 export that were not UTF-8 (see ToUtf8).
// Errors:
//   kInvalidInput  empty or whitespace-only input, binary data (NUL bytes, many control
//                  characters, a known binary signature such as PNG or PDF), an encoding other
//                  than UTF-8/UTF-16/Latin-1/Windows-1252, or no text left after decoding;
//   kCorruption    a byte-order mark that the rest of the bytes contradict;
//   kNotSupported  input larger than text_decode::kMaxInputBytes.
Result<DecodedDocument> DecodeText(std::string_view bytes, const std::string& name);

// Reads `path` and decodes it with DecodeText. A missing, unreadable or non-regular file gives
// kIoError naming the path and the operating system's reason.
Result<DecodedDocument> DecodeTextFile(const std::filesystem::path& path);

namespace text_decode {

// ICU addresses text with 32-bit indices; a bound well below that keeps every step safe. Real
// exports are under a few MB.
inline constexpr size_t kMaxInputBytes = size_t{1} << 30;  // 1 GiB

// The input as UTF-8, with the encoding it was found in.
struct Utf8Text {
  std::string text;      // valid UTF-8 without a byte-order mark (not yet NFC-normalized)
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252" or "ISO-8859-1"
  std::vector<ReplacedBytes> replaced;  // bytes of UTF-8 text that are not UTF-8, now U+FFFD
};

// Step 1. Rejects what is plainly not a text export (empty, too large, a known binary file
// signature, NUL bytes, more than 2% control characters) and converts the rest to UTF-8:
//   - a UTF-8 or UTF-16 byte-order mark decides the encoding (and is removed);
//   - otherwise valid UTF-8 is taken as UTF-8;
//   - so is UTF-8 with a few stray bytes: text whose well-formed multi-byte sequences outnumber
//     its ill-formed ones (a Latin-1 export has next to none of the former). Each run of
//     ill-formed bytes becomes one U+FFFD per sequence and is listed in `replaced`; a UTF-16
//     surrogate encoded in three bytes (CESU-8, which UTF-8 forbids) is one such sequence;
//   - otherwise ICU's detector (ucsdet) chooses between ISO-8859-1 and windows-1252. A
//     confident first guess of a non-Latin encoding (Cyrillic, CJK...) is rejected; with no
//     usable guess the text is read as windows-1252, the encoding of Spanish-language Windows
//     exports. (ucsdet never reports ISO-8859-15; its differences from Latin-1 do not occur in
//     Mexican Spanish.)
// Does not check for whitespace-only text: that is DecodeText's job, after page marks.
Result<Utf8Text> ToUtf8(std::string_view bytes, const std::string& name);

// A physical line of the text, without its terminator.
struct RawLine {
  int number = 0;         // 1-based
  std::string_view text;  // points into the text given to SplitLines
};

// Step 2. Splits on "\n", "\r\n" or a lone "\r"; each terminator ends one physical line. A final
// line without terminator counts; a terminator at the very end does not start another line.
std::vector<RawLine> SplitLines(std::string_view text);

// Step 3a. True for a page-break mark: only bullets U+2022 "•" and whitespace, exactly three
// bullets ("• • •", spacing and surrounding whitespace free).
bool IsPageSeparator(std::string_view line);

// Step 3b. True for a markdown table rule such as "|---|:--:|": a pipe row (see SplitCells)
// whose every cell is dashes with optional alignment colons.
bool IsMarkdownRuleRow(std::string_view line);

// A line split into its raw (not yet cleaned) cells.
struct RawCells {
  bool tabular = false;  // the line had TAB or markdown-pipe separators
  std::vector<std::string> cells;
};

// Step 4. A line with a TAB is split on every TAB (empty cells kept: positions carry meaning).
// Otherwise a line that starts with "|" (after whitespace) is a markdown pipe row: the outer
// pipes are dropped, the rest split on "|", and "\|" stands for a literal pipe. Any other line is
// one cell. Cells are returned as written; trimming and cleaning are CleanCell's.
RawCells SplitCells(std::string_view line);

// A cleaned cell.
struct CellText {
  std::string text;   // plain NFC text; list items separated by '\n'
  bool list = false;  // the cell held a list
};

// Step 5. Turns one raw cell into plain text:
//   - HTML comments and tags go: <br>, <p> and other block tags become a space, inline tags
//     (<b>, <span>, <a>, ...) vanish; text that merely contains "<" is kept;
//   - entities are decoded (&amp; &lt; &gt; &quot; &#39; &apos; &nbsp;, Spanish letters such as
//     &aacute; &ntilde;, numeric &#NNN; &#xHH;); unknown ones are kept as written;
//   - a list becomes its items joined by '\n', each trimmed and without a leading bullet
//     ("•", "●", "▪", or "-" before a space). A cell is a list when it has <ul>/<ol>/<li> tags
//     or starts with "•", "●" or "▪" ("- " prose lines stay verbatim). Items are the <li>
//     elements when there are any; else the text between bullets; else (a <ul> of plain text)
//     its sentences, cut at ". " before an uppercase letter;
//   - whitespace runs (Unicode White_Space, e.g. U+00A0) and stray control characters become
//     one space; the text is trimmed; "**bold**" around the whole cell is removed;
//   - the result is NFC-normalized.
CellText CleanCell(std::string_view raw);

}  // namespace text_decode
}  // namespace oplex
