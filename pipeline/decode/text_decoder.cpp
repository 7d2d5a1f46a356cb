#include "pipeline/decode/text_decoder.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace text_decode {
namespace {

using namespace std::string_view_literals;

// Known binary signatures, so that an image or a PDF handed to the text decoder gets a message
// that says what it is instead of a guess about control characters.
struct Signature {
  std::string_view magic;
  const char* what;
};
constexpr Signature kSignatures[] = {
    {"%PDF-"sv, "a PDF document"},
    {"\x89PNG\r\n\x1a\n"sv, "a PNG image"},
    {"\xFF\xD8\xFF"sv, "a JPEG image"},
    {"GIF87a"sv, "a GIF image"},
    {"GIF89a"sv, "a GIF image"},
    {"II*\0"sv, "a TIFF image"},
    {"MM\0*"sv, "a TIFF image"},
    {"PK\x03\x04"sv, "a ZIP archive (DOCX, XLSX, ODT...)"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "a legacy Office document (DOC, XLS)"},
    {"\x1F\x8B"sv, "a gzip archive"},
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF"sv;
constexpr std::string_view kUtf16LeBom = "\xFF\xFE"sv;
constexpr std::string_view kUtf16BeBom = "\xFE\xFF"sv;

// The detector's evidence grows slowly after the first few hundred KB; a bounded sample keeps a
// huge single-line file from costing one pass per candidate encoding.
constexpr size_t kDetectionSampleBytes = size_t{1} << 20;
// A guess of a non-Latin encoding at least this sure (ucsdet's 0-100 scale) is believed: the
// file is rejected rather than turned into mojibake. One sentence of Russian scores about 41,
// Japanese 90 and up; Spanish Latin-1 text never gave a non-Latin guess above 20.
constexpr int32_t kConfidentGuess = 40;

constexpr std::string_view kBullets[] = {"\u2022"sv, "\u25CF"sv, "\u25AA"sv};  // • ● ▪

Status TooLarge(const std::string& name, size_t size) {
  return Status::NotSupported(name + ": " + std::to_string(size) +
                              " bytes is more than a text export may have (1 GiB)");
}

// Calls f(c, begin, end) for each code point of s; ill-formed bytes arrive as c < 0.
template <typename F>
void ForEachCodePoint(std::string_view s, F&& f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    f(c, begin, i);
  }
}

// Control characters are treated like whitespace: in an export they are debris of the
// conversion, and reading them as a word boundary never glues two words together.
bool IsSpaceLike(UChar32 c) {
  if (c < 0x80) return c <= 0x20 || c == 0x7F;
  return u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR;
}

// Controls that have no business in text, unlike the line and page formatting ones.
bool IsStrayControl(UChar32 c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return false;
  return u_charType(c) == U_CONTROL_CHAR;
}

std::optional<size_t> FirstInvalidUtf8(std::string_view s) {
  std::optional<size_t> invalid;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len && !invalid;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) invalid = static_cast<size_t>(begin);
  }
  return invalid;
}

// Whether the bytes at i are a UTF-16 surrogate encoded as if it were a code point (CESU-8):
// ED A0..BF 80..BF. U8_NEXT reads them as three ill-formed bytes; they are one character.
bool IsEncodedSurrogate(const uint8_t* p, int32_t i, int32_t length) {
  return i + 2 < length && p[i] == 0xED && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF &&
         p[i + 2] >= 0x80 && p[i + 2] <= 0xBF;
}

// Whether text that is not valid UTF-8 is UTF-8 with a few stray bytes: its well-formed
// multi-byte sequences (accented letters) outnumber its ill-formed ones. Latin-1 Spanish text
// has next to no well-formed sequences: "ó" is a lone 0xF3.
bool MostlyUtf8(std::string_view s) {
  size_t multibyte = 0, ill_formed = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    if (IsEncodedSurrogate(p, i, length)) {
      ++ill_formed;
      i += 3;
      continue;
    }
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(p, i, length, c);
    if (c < 0) {
      ++ill_formed;
    } else if (i - begin > 1) {
      ++multibyte;
    }
  }
  return multibyte > ill_formed;
}

// "0xFF 0xFE", the first few of a long run followed by how many there are.
std::string HexBytes(std::string_view bytes) {
  constexpr size_t kShown = 8;
  std::string out;
  char buffer[8];
  for (unsigned char b : bytes.substr(0, kShown)) {
    std::snprintf(buffer, sizeof buffer, "%s0x%02X", out.empty() ? "" : " ", b);
    out += buffer;
  }
  if (bytes.size() > kShown) out += " ... (" + std::to_string(bytes.size()) + " bytes)";
  return out;
}

// `s` with each ill-formed sequence read as U+FFFD; each run of them is noted in `replaced`
// with its line and offset (`base`: the offset of s in the file).
std::string ReplaceIllFormed(std::string_view s, size_t base,
                             std::vector<ReplacedBytes>* replaced) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD"sv;
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  int line = 1;
  bool after_cr = false;
  std::vector<std::string_view> runs;  // the bytes of each run of ill-formed sequences
  for (int32_t i = 0; i < length;) {
    const auto begin = static_cast<size_t>(i);
    if (IsEncodedSurrogate(p, i, length)) {
      i += 3;
      const UChar32 surrogate = 0xD000 | ((p[begin + 1] & 0x3F) << 6) | (p[begin + 2] & 0x3F);
      char code[8];
      std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(surrogate));
      replaced->push_back(ReplacedBytes{line, base + begin,
                                        "bytes " + HexBytes(s.substr(begin, 3)) +
                                            " encode the UTF-16 surrogate U+" + code +
                                            " (CESU-8), which is not UTF-8"});
      out += kReplacement;
      after_cr = false;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(p, i, length, c);
    const auto end = static_cast<size_t>(i);
    if (c >= 0) {
      out.append(s.substr(begin, end - begin));
      line += c == '\r' || (c == '\n' && !after_cr);
      after_cr = c == '\r';
      continue;
    }
    out += kReplacement;
    after_cr = false;
    // The run goes on when the last note is a run (not a surrogate) that ends here.
    const bool goes_on = !replaced->empty() && replaced->back().what.empty() &&
                         runs.back().data() + runs.back().size() == s.data() + begin;
    if (goes_on) {
      runs.back() = std::string_view(runs.back().data(), runs.back().size() + (end - begin));
    } else {
      replaced->push_back(ReplacedBytes{line, base + begin, ""});
      runs.push_back(s.substr(begin, end - begin));
    }
  }
  // Described once whole: a run described as it grew would cost the square of its length.
  auto run = runs.begin();
  for (ReplacedBytes& r : *replaced) {
    if (!r.what.empty()) continue;
    r.what = std::string(run->size() == 1 ? "byte " : "bytes ") + HexBytes(*run) +
             (run->size() == 1 ? " is" : " are") + " not UTF-8";
    ++run;
  }
  return out;
}

bool TooManyControls(std::string_view text) {
  size_t total = 0, controls = 0;
  ForEachCodePoint(text, [&](UChar32 c, int32_t, int32_t) {
    ++total;
    if (c >= 0 && IsStrayControl(c)) ++controls;
  });
  return controls * 50 > total;  // more than 2%
}

// Converts `bytes` from `encoding` to UTF-8, stopping at the first byte sequence the encoding
// does not define. `status` tells why on failure.
std::string ConvertToUtf8(std::string_view bytes, const char* encoding, UErrorCode* status) {
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(
      ucnv_open(encoding, status), [](UConverter* c) { ucnv_close(c); });
  if (U_FAILURE(*status)) return {};
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, status);
  const auto length = static_cast<int32_t>(bytes.size());
  icu::UnicodeString utf16;
  // No supported encoding yields more UTF-16 units than bytes; +1 for the terminator.
  UChar* buffer = utf16.getBuffer(length + 1);
  if (buffer == nullptr) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return {};
  }
  const int32_t written =
      ucnv_toUChars(converter.get(), buffer, length + 1, bytes.data(), length, status);
  utf16.releaseBuffer(U_SUCCESS(*status) ? written : 0);
  std::string utf8;
  if (U_SUCCESS(*status)) utf16.toUTF8String(utf8);
  return utf8;
}

bool IsConversionError(UErrorCode status) {
  return status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND ||
         status == U_TRUNCATED_CHAR_FOUND;
}

// Encodings of the Latin alphabet that ucsdet may prefer for Spanish text by mistake: they share
// ASCII and most accented letters with Latin-1, so their winning is no evidence against it.
bool IsLatinAlphabet(std::string_view encoding) {
  static constexpr std::string_view kLatin[] = {
      "ISO-8859-1"sv,   "windows-1252"sv, "ISO-8859-2"sv,
      "windows-1250"sv, "ISO-8859-9"sv,   "windows-1254"sv,
  };
  for (std::string_view latin : kLatin) {
    if (encoding == latin) return true;
  }
  return false;
}

// Picks the single-byte encoding of text that is not UTF-8. ucsdet ranks its guesses; only
// windows-1252 and ISO-8859-1 are encodings Mexican institutes export in.
Result<std::string> DetectLegacyEncoding(std::string_view bytes, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(
      ucsdet_open(&status), [](UCharsetDetector* d) { ucsdet_close(d); });
  const std::string_view sample = bytes.substr(0, kDetectionSampleBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  // Very short inputs give no guess at all (U_INVALID_CHAR_FOUND): fall through to the default.
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const std::string_view guess = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status)) break;
    if (guess == "windows-1252" || guess == "ISO-8859-1") return std::string(guess);
    if (i == 0 && !IsLatinAlphabet(guess) &&
        ucsdet_getConfidence(matches[i], &status) >= kConfidentGuess) {
      return Status::InvalidInput(name + ": text in the " + std::string(guess) +
                                  " encoding, which oplex does not read (expected UTF-8, "
                                  "UTF-16, Latin-1 or Windows-1252)");
    }
  }
  return std::string("windows-1252");
}

std::string_view TrimSpace(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t begin = 0, end = static_cast<int32_t>(s.size());
  while (begin < end) {
    int32_t i = begin;
    UChar32 c;
    U8_NEXT(p, i, end, c);
    if (c < 0 || !IsSpaceLike(c)) break;
    begin = i;
  }
  while (end > begin) {
    int32_t i = end;
    UChar32 c;
    U8_PREV(p, begin, i, c);
    if (c < 0 || !IsSpaceLike(c)) break;
    end = i;
  }
  return s.substr(begin, end - begin);
}

// Trims and turns every run of whitespace into a single space.
std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  ForEachCodePoint(s, [&](UChar32 c, int32_t begin, int32_t end) {
    if (c >= 0 && IsSpaceLike(c)) {
      pending_space = true;
      return;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(s.substr(begin, end - begin));
  });
  return out;
}

std::optional<std::string_view> LeadingBullet(std::string_view s) {
  for (std::string_view bullet : kBullets) {
    if (s.starts_with(bullet)) return bullet;
  }
  return std::nullopt;
}

// Removes list markers at the start of an item. A hyphen counts only before a space, so that
// "-5%" keeps its sign.
std::string_view StripLeadingBullets(std::string_view item) {
  for (;;) {
    if (auto bullet = LeadingBullet(item)) {
      item = TrimSpace(item.substr(bullet->size()));
    } else if (item == "-" || item.starts_with("- ")) {
      item = TrimSpace(item.substr(1));
    } else {
      return item;
    }
  }
}

std::vector<std::string_view> SplitOnBullets(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    if (auto bullet = LeadingBullet(s.substr(i))) {
      parts.push_back(s.substr(start, i - start));
      i += bullet->size();
      start = i;
    } else {
      ++i;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

bool ContainsBullet(std::string_view s) {
  for (std::string_view bullet : kBullets) {
    if (s.find(bullet) != std::string_view::npos) return true;
  }
  return false;
}

// Cuts collapsed text at ". " followed by an uppercase letter (accented ones too): how a <ul>
// without <li> or bullets still separates its deliverable titles.
std::vector<std::string_view> SplitSentences(std::string_view s) {
  std::vector<std::string_view> sentences;
  size_t start = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] != '.' || s[i + 1] != ' ') continue;
    if (StartsUppercase(s.substr(i + 2))) {
      sentences.push_back(s.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  sentences.push_back(s.substr(start));
  return sentences;
}

// What a tag turns into once the markup is gone.
enum class TagRole {
  kInline,  // <b>, <span>...: formatting inside a word run; removed without a trace
  kBlock,   // <p>, <br>, <div>...: separates text; becomes a space
  kList,    // <ul>, <ol>: separates list items
  kItem,    // <li>: one list item
};

TagRole RoleOf(std::string_view tag) {
  static constexpr std::string_view kInline[] = {
      "a"sv,    "abbr"sv, "b"sv,   "bdi"sv,  "bdo"sv,    "cite"sv,   "code"sv,
      "em"sv,   "font"sv, "i"sv,   "mark"sv, "q"sv,      "s"sv,      "small"sv,
      "span"sv, "sub"sv,  "sup"sv, "u"sv,    "strike"sv, "strong"sv,
  };
  if (tag == "li") return TagRole::kItem;
  if (tag == "ul" || tag == "ol") return TagRole::kList;
  for (std::string_view t : kInline) {
    if (tag == t) return TagRole::kInline;
  }
  return TagRole::kBlock;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

struct Tag {
  std::string name;  // lowercase, without "/"
  size_t length = 0;
};

// Parses "<name ...>" or "</name>" at s[pos] == '<'. Anything else ("a < b", "<5%", a "<"
// whose ">" never comes before the next "<") is not a tag and stays text.
std::optional<Tag> ParseTag(std::string_view s, size_t pos) {
  size_t i = pos + 1;
  if (i < s.size() && s[i] == '/') ++i;
  if (i >= s.size() || !IsAsciiAlpha(s[i])) return std::nullopt;
  Tag tag;
  for (; i < s.size() && IsAsciiAlnum(s[i]); ++i) {
    tag.name += static_cast<char>(s[i] | 0x20);
  }
  if (i >= s.size() || !(s[i] == '>' || s[i] == '/' || s[i] == ' ' || s[i] == '\t')) {
    return std::nullopt;
  }
  for (; i < s.size() && s[i] != '<'; ++i) {
    if (s[i] == '>') {
      tag.length = i + 1 - pos;
      return tag;
    }
  }
  return std::nullopt;
}

// A cell with its markup replaced: item boundaries become '\n' (a cell never holds a newline of
// its own, since cells come from one line).
struct Untagged {
  std::string text;
  bool list_markup = false;  // <ul>, <ol> or <li> seen
  bool items = false;        // <li> seen
};

Untagged StripTags(std::string_view s) {
  Untagged out;
  out.text.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      out.text.append(s.substr(i));
      break;
    }
    out.text.append(s.substr(i, lt - i));
    i = lt;
    if (s.substr(i).starts_with("<!--")) {
      const size_t end = s.find("-->", i + 4);
      if (end != std::string_view::npos) {
        out.text += ' ';
        i = end + 3;
        continue;
      }
    }
    std::optional<Tag> tag = ParseTag(s, i);
    if (!tag) {
      out.text += '<';
      ++i;
      continue;
    }
    switch (RoleOf(tag->name)) {
      case TagRole::kInline:
        break;
      case TagRole::kBlock:
        out.text += ' ';
        break;
      case TagRole::kItem:
        out.items = true;
        out.list_markup = true;
        out.text += '\n';
        break;
      case TagRole::kList:
        out.list_markup = true;
        out.text += '\n';
        break;
    }
    i += tag->length;
  }
  return out;
}

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};
// The markup entities plus the ones Spanish-language editors write for letters and punctuation.
constexpr NamedEntity kNamedEntities[] = {
    {"amp", U'&'},        {"lt", U'<'},          {"gt", U'>'},         {"quot", U'"'},
    {"apos", U'\''},      {"nbsp", U'\u00A0'},   {"aacute", U'á'},     {"eacute", U'é'},
    {"iacute", U'í'},     {"oacute", U'ó'},      {"uacute", U'ú'},     {"Aacute", U'Á'},
    {"Eacute", U'É'},     {"Iacute", U'Í'},      {"Oacute", U'Ó'},     {"Uacute", U'Ú'},
    {"ntilde", U'ñ'},     {"Ntilde", U'Ñ'},      {"uuml", U'ü'},       {"Uuml", U'Ü'},
    {"iquest", U'¿'},     {"iexcl", U'¡'},       {"ordm", U'º'},       {"ordf", U'ª'},
    {"deg", U'°'},        {"laquo", U'«'},       {"raquo", U'»'},      {"ldquo", U'\u201C'},
    {"rdquo", U'\u201D'}, {"lsquo", U'\u2018'},  {"rsquo", U'\u2019'}, {"ndash", U'\u2013'},
    {"mdash", U'\u2014'}, {"hellip", U'\u2026'}, {"bull", U'\u2022'},  {"middot", U'·'},
    {"euro", U'€'},       {"copy", U'©'},        {"reg", U'®'},
};

std::optional<UChar32> ParseNumber(std::string_view digits, int base) {
  if (digits.empty() || digits.size() > 7) return std::nullopt;
  UChar32 value = 0;
  for (char c : digits) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
      d = (c | 0x20) - 'a' + 10;
    } else {
      return std::nullopt;
    }
    value = value * base + d;
  }
  if (value == 0 || value > 0x10FFFF || U_IS_SURROGATE(value)) return std::nullopt;
  return value;
}

// The code point of the entity whose body (between '&' and ';') is `body`.
std::optional<UChar32> ResolveEntity(std::string_view body) {
  if (body.starts_with("#x") || body.starts_with("#X")) return ParseNumber(body.substr(2), 16);
  if (body.starts_with("#")) return ParseNumber(body.substr(1), 10);
  for (const NamedEntity& e : kNamedEntities) {
    if (e.name == body) return static_cast<UChar32>(e.code_point);
  }
  return std::nullopt;
}

std::string DecodeEntities(std::string_view s) {
  constexpr size_t kLongestEntity = 10;  // "&#x10FFFF;" and "&hellip;" fit
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    const size_t semicolon = s.substr(amp, kLongestEntity).find(';');
    std::optional<UChar32> c;
    if (semicolon != std::string_view::npos) c = ResolveEntity(s.substr(amp + 1, semicolon - 1));
    if (!c) {
      out += '&';
      i = amp + 1;
      continue;
    }
    // A control (e.g. "&#10;") must not pass for the '\n' that separates list items.
    AppendUtf8(u_charType(*c) == U_CONTROL_CHAR ? ' ' : *c, &out);
    i = amp + semicolon + 1;
  }
  return out;
}

std::string StripBoldMarkers(std::string text) {
  const std::string_view s = text;
  if (s.size() > 4 && s.starts_with("**") && s.ends_with("**") &&
      s.substr(2, s.size() - 4).find("**") == std::string_view::npos) {
    return std::string(TrimSpace(s.substr(2, s.size() - 4)));
  }
  return text;
}

std::string Nfc(std::string text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  // NFC data is compiled into libicudata; without it the text is still usable, only
  // unnormalized.
  if (U_FAILURE(status) || nfc->isNormalizedUTF8(text, status)) return text;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, text, sink, nullptr, status);
  return U_SUCCESS(status) ? normalized : text;
}

std::vector<std::string_view> SplitOnNewlines(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', start)) {
    parts.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  parts.push_back(s.substr(start));
  return parts;
}

// The pieces of a cell that will become list items, before cleaning.
std::vector<std::string> ListPieces(const Untagged& untagged, std::string_view text) {
  std::vector<std::string> pieces;
  for (std::string_view part : SplitOnNewlines(text)) {
    if (untagged.items) {
      pieces.emplace_back(part);
    } else if (ContainsBullet(part)) {
      for (std::string_view item : SplitOnBullets(part)) pieces.emplace_back(item);
    } else {
      const std::string collapsed = CollapseSpace(part);
      for (std::string_view item : SplitSentences(collapsed)) pieces.emplace_back(item);
    }
  }
  return pieces;
}

// Builds the SourceLine of one physical line, or nothing when no cell has visible text.
std::optional<SourceLine> BuildLine(const RawLine& raw) {
  RawCells split = SplitCells(raw.text);
  SourceLine line;
  line.number = raw.number;
  line.tabular = split.tabular;
  line.cells.reserve(split.cells.size());
  for (const std::string& cell : split.cells) {
    CellText clean = CleanCell(cell);
    line.list = line.list || clean.list;
    line.cells.push_back(std::move(clean.text));
  }
  while (!line.cells.empty() && line.cells.back().empty()) line.cells.pop_back();
  if (line.cells.empty()) return std::nullopt;
  return line;
}

// Reads the whole file; errors name the path and the operating system's reason.
Result<std::string> ReadFile(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error) return Status::IoError(name + ": cannot read (" + error.message() + ")");
  if (std::filesystem::is_directory(status)) {
    return Status::IoError(name + ": cannot read (it is a directory)");
  }
  // A FIFO or device could block or never end.
  if (!std::filesystem::is_regular_file(status)) {
    return Status::IoError(name + ": cannot read (not a regular file)");
  }
  const uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxInputBytes) return TooLarge(name, static_cast<size_t>(size));

  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return Status::IoError(name + ": cannot read (" + std::generic_category().message(errno) + ")");
  }
  std::string bytes;
  if (!error) bytes.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  while (const size_t n = std::fread(buffer, 1, sizeof(buffer), file.get())) {
    bytes.append(buffer, n);
    if (bytes.size() > kMaxInputBytes) return TooLarge(name, bytes.size());
  }
  if (std::ferror(file.get())) {
    return Status::IoError(name + ": cannot read (" + std::generic_category().message(errno) + ")");
  }
  return bytes;
}

}  // namespace

Result<Utf8Text> ToUtf8(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) return Status::InvalidInput(name + ": empty file");
  if (bytes.size() > kMaxInputBytes) return TooLarge(name, bytes.size());
  for (const Signature& signature : kSignatures) {
    if (bytes.starts_with(signature.magic)) {
      return Status::InvalidInput(name + ": " + signature.what + " — not a text export");
    }
  }

  Utf8Text out;
  const bool utf16le = bytes.starts_with(kUtf16LeBom);
  if (utf16le || bytes.starts_with(kUtf16BeBom)) {
    out.encoding = utf16le ? "UTF-16LE" : "UTF-16BE";
    UErrorCode status = U_ZERO_ERROR;
    out.text = ConvertToUtf8(bytes.substr(kUtf16LeBom.size()), out.encoding.c_str(), &status);
    if (IsConversionError(status)) {
      return Status::Corruption(name + ": starts with a " + out.encoding +
                                " byte-order mark but is not valid " + out.encoding);
    }
    if (U_FAILURE(status)) {
      return Status::Internal(name + ": ICU could not convert " + out.encoding + " (" +
                              u_errorName(status) + ")");
    }
  } else {
    if (bytes.find('\0') != std::string_view::npos) {
      return Status::InvalidInput(name + ": binary data (NUL bytes) — not a text export");
    }
    const bool bom = bytes.starts_with(kUtf8Bom);
    const std::string_view body = bom ? bytes.substr(kUtf8Bom.size()) : bytes;
    const std::optional<size_t> invalid = FirstInvalidUtf8(body);
    if (!invalid) {
      out.encoding = "UTF-8";
      out.text = std::string(body);
    } else if (MostlyUtf8(body)) {
      out.encoding = "UTF-8";
      out.text = ReplaceIllFormed(body, bom ? kUtf8Bom.size() : 0, &out.replaced);
    } else if (bom) {
      return Status::Corruption(name + ": starts with a UTF-8 byte-order mark but has bytes that " +
                                "are not UTF-8 at offset " +
                                std::to_string(*invalid + kUtf8Bom.size()));
    } else {
      Result<std::string> encoding = DetectLegacyEncoding(bytes, name);
      if (!encoding.ok()) return encoding.status();
      out.encoding = std::move(*encoding);
      // Both encodings define all 256 bytes (ICU maps the five holes of windows-1252 to C1
      // controls, which TooManyControls weighs), so only ICU itself can fail here.
      UErrorCode status = U_ZERO_ERROR;
      out.text = ConvertToUtf8(bytes, out.encoding.c_str(), &status);
      if (U_FAILURE(status)) {
        return Status::Internal(name + ": ICU could not convert " + out.encoding + " (" +
                                u_errorName(status) + ")");
      }
    }
  }
  if (TooManyControls(out.text)) {
    return Status::InvalidInput(name + ": binary data (control characters) — not a text export");
  }
  return out;
}

std::vector<RawLine> SplitLines(std::string_view text) {
  std::vector<RawLine> lines;
  int number = 1;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back({number++, text.substr(start, i - start)});
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back({number, text.substr(start)});
  return lines;
}

bool IsPageSeparator(std::string_view line) {
  int bullets = 0;
  bool other = false;
  ForEachCodePoint(line, [&](UChar32 c, int32_t, int32_t) {
    if (c == 0x2022) {
      ++bullets;
    } else if (c < 0 || !IsSpaceLike(c)) {
      other = true;
    }
  });
  return !other && bullets == 3;
}

bool IsMarkdownRuleRow(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return false;
  const RawCells row = SplitCells(line);
  if (!row.tabular) return false;
  for (const std::string& cell : row.cells) {
    std::string_view rule = TrimSpace(cell);
    if (rule.starts_with(':')) rule.remove_prefix(1);
    if (rule.ends_with(':')) rule.remove_suffix(1);
    if (rule.empty() || rule.find_first_not_of('-') != std::string_view::npos) return false;
  }
  return true;
}

RawCells SplitCells(std::string_view line) {
  RawCells out;
  if (line.find('\t') != std::string_view::npos) {
    out.tabular = true;
    size_t start = 0;
    for (size_t tab = line.find('\t'); tab != std::string_view::npos;
         tab = line.find('\t', start)) {
      out.cells.emplace_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    out.cells.emplace_back(line.substr(start));
    return out;
  }
  std::string_view row = TrimSpace(line);
  if (!row.starts_with('|')) {
    out.cells.emplace_back(line);
    return out;
  }
  out.tabular = true;
  row.remove_prefix(1);
  if (row.ends_with('|') && !row.ends_with("\\|")) row.remove_suffix(1);
  std::string cell;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (row[i] == '|') {
      out.cells.push_back(std::move(cell));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  out.cells.push_back(std::move(cell));
  return out;
}

CellText CleanCell(std::string_view raw) {
  const Untagged untagged = StripTags(raw);
  const std::string text = DecodeEntities(untagged.text);
  CellText out;
  std::vector<std::string> pieces;
  if (untagged.list_markup) {
    pieces = ListPieces(untagged, text);
  } else if (auto bullet = LeadingBullet(TrimSpace(text));
             bullet && TrimSpace(text).size() > bullet->size()) {
    // A bullet with items after it is a list; a bullet alone is a mark in a month grid.
    for (std::string_view item : SplitOnBullets(text)) pieces.emplace_back(item);
  } else {
    out.text = Nfc(StripBoldMarkers(CollapseSpace(text)));
    return out;
  }
  for (const std::string& piece : pieces) {
    const std::string collapsed = CollapseSpace(piece);
    const std::string_view item = StripLeadingBullets(collapsed);
    if (item.empty()) continue;
    if (out.list) out.text += '\n';
    out.text.append(item);
    out.list = true;
  }
  out.text = Nfc(std::move(out.text));
  return out;
}

}  // namespace text_decode

Result<DecodedDocument> DecodeText(std::string_view bytes, const std::string& name) {
  Result<text_decode::Utf8Text> utf8 = text_decode::ToUtf8(bytes, name);
  if (!utf8.ok()) return utf8.status();

  DecodedDocument doc;
  doc.source_format = "text";
  doc.detected_encoding = utf8->encoding;
  doc.replaced = std::move(utf8->replaced);
  int page = 1;
  for (const text_decode::RawLine& raw : text_decode::SplitLines(utf8->text)) {
    if (text_decode::IsPageSeparator(raw.text)) {
      ++page;
      continue;
    }
    if (text_decode::IsMarkdownRuleRow(raw.text)) continue;
    std::optional<SourceLine> line = text_decode::BuildLine(raw);
    if (!line) continue;
    line->page = page;
    doc.lines.push_back(std::move(*line));
  }

  if (doc.lines.empty()) {
    const bool only_whitespace = text_decode::TrimSpace(utf8->text).empty();
    return Status::InvalidInput(
        name + ": contains no text" +
        (only_whitespace ? " (only whitespace)" : " (only page marks, table rules or markup)"));
  }
  // Without page marks the export says nothing about pages: unknown, not "all on page 1".
  if (page == 1) {
    for (SourceLine& line : doc.lines) line.page.reset();
  } else {
    doc.page_count = page;
  }
  return doc;
}

Result<DecodedDocument> DecodeTextFile(const std::filesystem::path& path) {
  Result<std::string> bytes = text_decode::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return DecodeText(*bytes, path.string());
}

}  // namespace oplex
