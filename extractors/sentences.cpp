#include "extractors/sentences.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "extractors/provenance.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

constexpr UChar32 kOpenCurly = 0x201C, kCloseCurly = 0x201D;
constexpr UChar32 kOpenAngle = 0x00AB, kCloseAngle = 0x00BB;

// A paragraph of a run, and where its text starts in the run.
struct Piece {
  const Row* row = nullptr;
  size_t begin = 0;
};

// Whether a quotation opened in `text` is still open at its end.
bool QuoteOpen(std::string_view text) {
  std::vector<UChar32> stack;
  bool straight = false;
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c == kOpenCurly || c == kOpenAngle) {
      stack.push_back(c);
    } else if ((c == kCloseCurly || c == kCloseAngle) && !stack.empty()) {
      stack.pop_back();
    } else if (c == '"') {
      straight = !straight;
    }
  }
  return !stack.empty() || straight;
}

// The last character that can end a sentence, ignoring closing quotes and brackets after it.
bool EndsSentence(std::string_view text) {
  constexpr std::string_view kClosers = "\"')]";
  size_t end = text.size();
  while (end > 0) {
    if (kClosers.find(text[end - 1]) != std::string_view::npos) {
      --end;
    } else if (end >= 2 && (text.substr(end - 2, 2) == "\xC2\xBB")) {  // »
      end -= 2;
    } else if (end >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" ||   // ”
                            text.substr(end - 3, 3) == "\xE2\x80\x99")) {  // ’
      end -= 3;
    } else {
      break;
    }
  }
  return end > 0 && std::string_view(".!?:;").find(text[end - 1]) != std::string_view::npos;
}

bool StartsLowercase(std::string_view s) {
  if (s.empty()) return false;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_islower(c);
}

bool SingleLetter(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  const auto n = static_cast<int32_t>(s.size());
  if (n > 0) U8_NEXT(s.data(), i, n, c);
  return n > 0 && i == n && c > 0 && u_isalpha(c);
}

// Whether `token` is an ordinal abbreviated with letters: "1ra", "2da", "3er", "10mo".
bool AbbreviatedOrdinal(std::string_view token) {
  const size_t letters = token.find_first_not_of("0123456789");
  if (letters == 0 || letters == std::string_view::npos || token.size() - letters > 3) return false;
  return std::all_of(token.begin() + static_cast<std::ptrdiff_t>(letters), token.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// Whether a period after `token` ends no sentence: initials ("L.", "L.I."), an abbreviated
// ordinal ("la 1ra. Sesión"), or the enumerator that opens a run ("IV.", "12.").
bool KeepsSentence(std::string_view token, bool opens_run) {
  while (!token.empty() && (token.front() == '(' || token.front() == '"')) token.remove_prefix(1);
  if (AbbreviatedOrdinal(token)) return true;
  bool initials = !token.empty();
  for (std::string_view rest = token; initials && !rest.empty();) {
    const size_t dot = std::min(rest.find('.'), rest.size());
    initials = SingleLetter(rest.substr(0, dot));
    rest.remove_prefix(std::min(dot + 1, rest.size()));
  }
  if (initials) return true;
  return opens_run && !token.empty() && token.size() <= 5 &&
         token.find_first_not_of("IVXLCivxlc0123456789") == std::string_view::npos;
}

// The provenance of the run's text [begin, end).
Provenance SpanProvenance(const std::vector<Piece>& pieces, size_t begin, size_t end) {
  size_t first = 0, last = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].begin <= begin) first = i;
    if (pieces[i].begin < end) last = i;
  }
  Provenance p = RowProvenance(*pieces[first].row, "", LowestConfidence(*pieces[first].row));
  for (size_t i = first + 1; i <= last; ++i) {
    const Row& row = *pieces[i].row;
    if (row.last_line > p.line.value_or(0)) p.last_line = row.last_line;
    p.confidence = std::min(p.confidence, LowestConfidence(row));
    p.ocr_confidence = p.confidence;
    if (row.page == p.page && row.bbox && p.bbox) p.bbox = Union(*p.bbox, *row.bbox);
  }
  return p;
}

void CutRun(const std::string& run, const std::vector<Piece>& pieces, std::vector<Sentence>* out) {
  const auto quoted = QuotedRanges(run);
  const size_t first_token_end = std::min(run.find(' '), run.size());
  auto emit = [&](size_t begin, size_t end) {
    std::string_view text = TrimSpaces(std::string_view(run).substr(begin, end - begin));
    if (text.empty()) return;
    const auto offset = static_cast<size_t>(text.data() - run.data());
    out->push_back(
        Sentence{std::string(text), SpanProvenance(pieces, offset, offset + text.size())});
  };
  size_t start = 0;
  for (size_t i = 0; i + 2 < run.size(); ++i) {
    if (std::string_view(".!?").find(run[i]) == std::string_view::npos || run[i + 1] != ' ' ||
        InQuotes(quoted, i) || StartsLowercase(std::string_view(run).substr(i + 2))) {
      continue;
    }
    const size_t token_begin = run.rfind(' ', i);
    const size_t from = token_begin == std::string::npos ? 0 : token_begin + 1;
    if (run[i] == '.' &&
        KeepsSentence(std::string_view(run).substr(from, i - from), i <= first_token_end)) {
      continue;
    }
    emit(start, i + 1);
    start = i + 1;
  }
  emit(start, run.size());
}

}  // namespace

std::vector<std::pair<size_t, size_t>> QuotedRanges(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> ranges;
  std::vector<std::pair<UChar32, size_t>> open;  // closing mark expected, where it opened
  constexpr size_t kNone = std::string_view::npos;
  size_t straight = kNone;  // where an open straight quote opened
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const auto at = static_cast<size_t>(i);
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c == kOpenCurly || c == kOpenAngle) {
      open.emplace_back(c == kOpenCurly ? kCloseCurly : kCloseAngle, at);
    } else if ((c == kCloseCurly || c == kCloseAngle) && !open.empty() && open.back().first == c) {
      ranges.emplace_back(open.back().second, static_cast<size_t>(i));
      open.pop_back();
    } else if (c == '"' && open.empty()) {
      if (straight != kNone) {
        ranges.emplace_back(straight, static_cast<size_t>(i));
        straight = kNone;
      } else {
        straight = at;
      }
    }
  }
  // Keep the outermost ranges: an inner quotation is closed before its outer one.
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<size_t, size_t>> outer;
  for (const auto& r : ranges) {
    if (!outer.empty() && r.second <= outer.back().second) continue;
    outer.push_back(r);
  }
  return outer;
}

bool InQuotes(const std::vector<std::pair<size_t, size_t>>& quoted, size_t at) {
  return std::any_of(quoted.begin(), quoted.end(),
                     [at](const auto& r) { return r.first <= at && at < r.second; });
}

std::vector<Sentence> SplitSentences(const std::vector<Block>& blocks) {
  std::vector<Sentence> out;
  std::string run, last;
  std::vector<Piece> pieces;
  auto flush = [&] {
    if (!run.empty()) CutRun(run, pieces, &out);
    run.clear();
    pieces.clear();
  };
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kTable) {
      flush();
      for (const Row& row : block.rows) {
        std::string text = PlainText(row.Joined());
        if (!text.empty())
          out.push_back(Sentence{std::move(text), RowProvenance(row, "", LowestConfidence(row))});
      }
      continue;
    }
    std::string text = PlainText(block.text());
    if (text.empty()) continue;
    const bool continues = !run.empty() && !EndsSentence(last) &&
                           pieces.size() < kMaxJoinedParagraphs &&
                           (QuoteOpen(run) || last.size() >= kRunningTextBytes);
    if (continues) {
      run += ' ';
    } else {
      flush();
    }
    pieces.push_back(Piece{&block.rows.front(), run.size()});
    run += text;
    last = std::move(text);
  }
  flush();
  return out;
}

size_t OpeningBlockCount(const std::vector<Block>& blocks) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind == BlockKind::kParagraph &&
        PlainText(blocks[i].text()).size() >= kRunningTextBytes) {
      return i;
    }
  }
  return blocks.size();
}

}  // namespace oplex
