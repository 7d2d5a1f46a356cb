#include "pipeline/normalize/fold.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <set>
#include <sstream>

namespace oplex {
namespace {

constexpr UChar32 kCombiningTilde = 0x0303;

// ICU keeps one NFKD instance per process and documents it as safe to share between threads.
const icu::Normalizer2* Nfkd() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    return U_FAILURE(status) ? nullptr : nfkd;
  }();
  return instance;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR; }

// Appends one folded code point, remembering for each output byte the source offset it came
// from when the caller wants the map.
class FoldSink {
 public:
  FoldSink(std::string* out, std::vector<size_t>* offsets) : out_(out), offsets_(offsets) {}

  void Space(size_t source) {
    if (!pending_space_) space_source_ = source;
    pending_space_ = true;
    last_was_n_ = false;
  }

  void Char(UChar32 c, size_t source) {
    if (pending_space_ && !out_->empty()) Append(' ', space_source_);
    pending_space_ = false;
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buffer), length, c);
    for (int32_t i = 0; i < length; ++i) Append(buffer[i], source);
    last_was_n_ = c == 'n';
    n_source_ = source;
  }

  // A combining mark: every one is dropped except the tilde that makes n into ñ.
  void Mark(UChar32 c) {
    if (c != kCombiningTilde || !last_was_n_) return;
    out_->pop_back();
    if (offsets_ != nullptr) offsets_->pop_back();
    Append('\xC3', n_source_);
    Append('\xB1', n_source_);
    last_was_n_ = false;
  }

  void Finish(size_t source_size) {
    if (offsets_ != nullptr) offsets_->push_back(source_size);
  }

 private:
  void Append(char byte, size_t source) {
    out_->push_back(byte);
    if (offsets_ != nullptr) offsets_->push_back(source);
  }

  std::string* out_;
  std::vector<size_t>* offsets_;
  bool pending_space_ = false;
  size_t space_source_ = 0;
  bool last_was_n_ = false;
  size_t n_source_ = 0;
};

// Folding one code point at a time (rather than normalizing the whole string first) is what
// lets every output byte point back at its source; compatibility decomposition and simple
// lower-casing are per code point, so the result is the same.
void FoldInto(std::string_view utf8, std::string* out, std::vector<size_t>* offsets) {
  const icu::Normalizer2* nfkd = Nfkd();
  FoldSink sink(out, offsets);
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  icu::UnicodeString decomposition;
  for (int32_t i = 0; i < length;) {
    const auto source = static_cast<size_t>(i);
    // ASCII, most of a Spanish text, decomposes to itself and needs no character tables: white
    // space and controls are spaces, letters are lower-cased (the same as the loop below gives).
    if (const uint8_t byte = bytes[i]; byte < 0x80) {
      if (byte <= 0x20 || byte == 0x7F) {
        sink.Space(source);
      } else {
        sink.Char(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte, source);
      }
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (nfkd == nullptr || !nfkd->getDecomposition(c, decomposition)) {
      decomposition.setTo(c);
    }
    for (int32_t j = 0; j < decomposition.length();) {
      const UChar32 d = decomposition.char32At(j);
      j += U16_LENGTH(d);
      const int8_t type = u_charType(d);
      if (IsSpace(d)) {
        sink.Space(source);
      } else if (type == U_NON_SPACING_MARK) {
        sink.Mark(d);
      } else if (type != U_FORMAT_CHAR) {
        sink.Char(u_tolower(d), source);
      }
    }
  }
  sink.Finish(utf8.size());
}

std::unique_ptr<icu::Collator> MakeSpanishCollator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale("es", "MX"), status));
  // es_MX resolves to the es rules with a fallback warning, which is success.
  if (U_FAILURE(status)) return nullptr;
  return collator;
}

}  // namespace

std::string Fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  FoldInto(utf8, &out, nullptr);
  return out;
}

FoldedText FoldWithOffsets(std::string_view utf8) {
  FoldedText folded;
  folded.text.reserve(utf8.size());
  folded.offsets.reserve(utf8.size() + 1);
  FoldInto(utf8, &folded.text, &folded.offsets);
  return folded;
}

int CollateEs(std::string_view a, std::string_view b) {
  // A Collator is not documented as safe for concurrent use: one per thread, built once.
  thread_local const std::unique_ptr<icu::Collator> collator = MakeSpanishCollator();
  if (collator != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result =
        collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                              icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_SUCCESS(status)) return static_cast<int>(result);
  }
  const int folded = Fold(a).compare(Fold(b));
  if (folded != 0) return folded < 0 ? -1 : 1;
  const int raw = a.compare(b);
  return raw < 0 ? -1 : (raw > 0 ? 1 : 0);
}

bool SameWording(std::string_view a, std::string_view b, double min_overlap) {
  const std::string fa = Fold(a), fb = Fold(b);
  if (fa.empty() || fb.empty()) return false;
  if (fa.rfind(fb, 0) == 0 || fb.rfind(fa, 0) == 0) return true;
  auto words = [](const std::string& folded) {
    std::set<std::string> out;
    std::istringstream in(folded);
    for (std::string w; in >> w;) out.insert(w);
    return out;
  };
  const std::set<std::string> wa = words(fa), wb = words(fb);
  size_t common = 0;
  for (const std::string& w : wa) common += wb.count(w);
  const size_t total = wa.size() + wb.size() - common;
  return total > 0 && static_cast<double>(common) / static_cast<double>(total) >= min_overlap;
}

}  // namespace oplex
