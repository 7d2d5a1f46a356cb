#include "tools/cli/html_text.h"

#include <array>
#include <cstdint>

#include "pipeline/normalize/utf8.h"
#include "tools/cli/utf8_escape.h"

namespace oplex::cli {
namespace {

// DejaVu Sans advance widths of the printable ASCII characters (space to '~'), in thousandths of
// an em, read from the font's hmtx table.
constexpr std::array<uint16_t, 95> kAsciiWidths = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361,  318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635,  611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352,  635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,  525, 636, 337, 636, 838};
// DejaVu Sans Bold is about this much wider, letter for letter.
constexpr double kBoldFactor = 1.12;
// Anything else: wider than most letters, so unknown scripts do not overflow.
constexpr int kOtherWidth = 780;

// The Latin-1 letters' base letters (U+00C0..U+00FF), which have their widths; '?' for the
// two signs among them (× ÷).
constexpr std::string_view kLatin1Base =
    "AAAAAAACEEEEIIIIDNOOOOO?OUUUUYPsaaaaaaaceeeeiiiidnooooo?ouuuuypy";

double CodePointWidth(UChar32 cp) {
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1Base[cp - 0xC0] != '?') cp = kLatin1Base[cp - 0xC0];
  if (cp >= 0x20 && cp < 0x7F) return kAsciiWidths[cp - 0x20] / 1000.0;
  if (cp == 0xA0) return kAsciiWidths[0] / 1000.0;
  return kOtherWidth / 1000.0;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The longest prefix of `word` (whole code points) that, followed by `tail`, is no wider than
// `width_px`; at least one code point, so that breaking always advances.
size_t FittingPrefix(std::string_view word, std::string_view tail, double width_px, double font_px,
                     bool bold) {
  const double room = width_px - TextWidth(tail, font_px, bold);
  size_t end = 0;
  double used = 0;
  for (size_t i = 0; i < word.size();) {
    size_t next = i;
    used += CodePointWidth(NextCodePoint(word, &next)) * font_px * (bold ? kBoldFactor : 1.0);
    if (used > room && end > 0) break;
    end = next;
    i = next;
  }
  return end;
}

}  // namespace

std::string HtmlEscape(std::string_view raw) {
  const std::string text = EscapeInvalidUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 && c != '\t' && c != '\n') || u == 0x7F ? ' ' : c;
    }
  }
  return out;
}

double TextWidth(std::string_view text, double font_px, bool bold) {
  double em = 0;
  for (size_t i = 0; i < text.size();) em += CodePointWidth(NextCodePoint(text, &i));
  return em * font_px * (bold ? kBoldFactor : 1.0);
}

std::vector<std::string> WrapText(std::string_view text, double width_px, double font_px, bool bold,
                                  size_t max_lines) {
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t end = i;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end;
  }
  std::vector<std::string> lines;
  std::string line;
  for (size_t w = 0; w < words.size();) {
    const std::string word(words[w]);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (TextWidth(candidate, font_px, bold) <= width_px) {
      line = candidate;
      ++w;
    } else if (lines.size() + 1 >= max_lines) {  // the last line: cut it and say so
      line = candidate.substr(0, FittingPrefix(candidate, "…", width_px, font_px, bold));
      while (!line.empty() && IsSpace(line.back())) line.pop_back();
      line += "…";
      break;
    } else if (line.empty()) {  // a word wider than a whole line: break it inside
      const size_t cut = FittingPrefix(word, "", width_px, font_px, bold);
      lines.push_back(word.substr(0, cut));
      words[w] = words[w].substr(cut);
    } else {
      lines.push_back(line);
      line.clear();
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace oplex::cli
