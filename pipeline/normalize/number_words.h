// Spanish numbers written out in words: cardinals ("dos mil veintitrés") and ordinals ("vigésima
// primera", "1er").
//
// Legal and electoral texts spell their dates and counts in full ("veintisiete de noviembre de
// dos mil veintitrés", "Décima Segunda Sesión"). These functions turn such words into values and
// refuse anything that is not a well-formed Spanish numeral ("veinte veinte", "treinta y diez"),
// so a garbled phrase never becomes a wrong number. Words are compared in their folded form
// (pipeline/normalize/fold.h): case and accents do not matter ("VEINTITRÉS" = "veintitres").
//
// Pure functions; safe to call from any number of threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace oplex {

// The value of a Spanish cardinal written in words, from "cero" and "uno" up to 999,999,999,999
// ("novecientos noventa y nueve mil novecientos noventa y nueve millones ..."), or nullopt when
// `text` (apart from surrounding and repeated spaces) is not exactly one well-formed cardinal.
//
// Accepted: both genders and the apocopes ("uno", "un", "una", "veintiuno", "veintiún",
// "veintiuna", "doscientos", "doscientas"); "veintitrés" with or without its accent; "y" only
// between tens from thirty up and a unit ("treinta y uno"); "cien" alone or before "mil" or
// "millones", "ciento" only before a smaller number ("ciento uno"); "mil" with no multiplier or
// with one from 2 up ("mil", "dos mil", "veintiún mil", never "un mil" or "mil mil"); "un millón",
// "N millones" for N from 2 up, "mil millones". Rejected: "veinte veinte", "y dos", "mil mil",
// "treinta y diez", "veinte y uno", "ciento", "cien uno".
//
// A string of ASCII digits alone ("27", "2023") is accepted too and read as a decimal number, so
// a caller can read a cell that holds either form; thousands separators and decimals are not
// (ParseQuantity in quantity.h reads those), nor are words and digits mixed ("27 mil").
std::optional<int64_t> ParseNumberWords(std::string_view text);

// A cardinal spelled by the first words of a phrase: its value and how many words spell it.
struct NumberWordsPrefix {
  int64_t value = 0;
  size_t words = 0;
};

// The longest well-formed cardinal at the start of `folded_words` (one folded word per element,
// as Fold would give them): {"treinta", "y", "uno", "de"} → 31 in 3 words; {"veinte", "veinte"}
// → 20 in 1 word; {"un", "mil"} → 1 in 1 word. nullopt when the first word begins no cardinal.
// Digits are not read here. This is how running text is scanned for numbers (spanish_dates.h).
std::optional<NumberWordsPrefix> ParseNumberWordsPrefix(
    std::span<const std::string_view> folded_words);

// The value (1 to 99) of a Spanish ordinal, or nullopt when `text` is not exactly one:
//   - a simple ordinal in either gender: "primero", "primera", "segundo", "tercera", "séptimo"
//     (or "sétimo"), "noveno" (or "nono"), "décimo", "undécimo", "duodécima", "vigésimo" ...
//     "nonagésimo", and the apocopes "primer" and "tercer";
//   - a compound of tens and unit, in two words that agree in gender ("vigésima primera",
//     "décimo segundo", "trigésimo tercer"; not "vigésimo primera") or in one word whose tens
//     keep the masculine "-o" ("vigesimoprimera", "decimosegunda", "decimotercer");
//   - digits 1 to 99 with an ordinal mark: "1°", "1º", "1ª", "1.º", or the last one to three
//     letters of the spelled ordinal ("1o", "1a", "1er", "1ro", "1era", "2do", "3er", "4to",
//     "7mo", "8vo", "21a"), optionally followed by a period ("1o.").
// Digits without a mark ("1") are a cardinal, not an ordinal: nullopt.
std::optional<int> ParseOrdinalWord(std::string_view text);

}  // namespace oplex
