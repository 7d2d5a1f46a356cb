// Text folding for matching, and Spanish collation for sorting.
//
// Documents spell the same words with and without accents, in capitals or not, with ligatures
// and non-breaking spaces; vocabularies and patterns in data/ are compared against the folded
// form, so "ORGANIZACIÓN", "Organizacion" and "organización" meet as "organizacion". Folding keeps
// ñ, because in Spanish it is a letter of its own ("año" and "ano" are different words).
//
// Every function here is pure and safe to call from any number of threads at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace oplex {

// The folded form of UTF-8 text: compatibility-decomposed (ligatures such as "ﬁ" become "fi",
// superscripts become digits), lower-cased, without diacritics except the tilde of ñ (ü → u,
// Ó → o, Ñ → ñ), without invisible format characters (soft hyphen, zero-width space, BOM), with
// every run of white space or control characters (tabs, newlines, U+00A0 and other Unicode
// spaces) collapsed to one ASCII space, and trimmed. Invalid UTF-8 bytes become U+FFFD. (ICU's
// normalization data is compiled into the library; were it missing, folding would still
// lower-case and collapse spaces but would keep accents.)
std::string Fold(std::string_view utf8);

// The folded text together with where each of its bytes came from, so that a match found in the
// folded text can be shown as the document wrote it.
struct FoldedText {
  std::string text;
  // offsets[i] is the byte offset in the source of the character that produced text[i];
  // offsets[text.size()] is the source size. The folded range [b, e) came from the source range
  // [offsets[b], offsets[e]), which may carry surrounding white space that folding dropped.
  std::vector<size_t> offsets;
};

// Fold(utf8) with the byte map back to `utf8`; `text` is always equal to Fold(utf8).
FoldedText FoldWithOffsets(std::string_view utf8);

// Orders two UTF-8 strings as a Mexican Spanish reader expects (ICU collator for es_MX at its
// default strength): accents and case only break ties, and ñ sorts after n. Returns <0, 0 or >0.
// Should ICU be unable to provide the collator (a broken installation), it compares the folded
// strings byte by byte, so that a sort still gets a consistent order.
int CollateEs(std::string_view a, std::string_view b);

// Whether two texts say the same thing: one folded text opens the other, or at least
// `min_overlap` (0..1) of their distinct folded words are shared (Jaccard). Two empty texts are
// not the same.
bool SameWording(std::string_view a, std::string_view b, double min_overlap);

}  // namespace oplex
