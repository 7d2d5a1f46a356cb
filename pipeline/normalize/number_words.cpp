#include "pipeline/normalize/number_words.h"

#include <string>
#include <vector>

#include "pipeline/normalize/bounded_number.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

using Words = std::span<const std::string_view>;

struct NumberWord {
  std::string_view word;  // folded
  int value;
};

constexpr NumberWord kUnits[] = {
    {"un", 1},    {"uno", 1},  {"una", 1},   {"dos", 2},  {"tres", 3},  {"cuatro", 4},
    {"cinco", 5}, {"seis", 6}, {"siete", 7}, {"ocho", 8}, {"nueve", 9},
};

// Ten to twenty-nine are single words.
constexpr NumberWord kTenToTwentyNine[] = {
    {"diez", 10},         {"once", 11},        {"doce", 12},       {"trece", 13},
    {"catorce", 14},      {"quince", 15},      {"dieciseis", 16},  {"diecisiete", 17},
    {"dieciocho", 18},    {"diecinueve", 19},  {"veinte", 20},     {"veintiun", 21},
    {"veintiuno", 21},    {"veintiuna", 21},   {"veintidos", 22},  {"veintitres", 23},
    {"veinticuatro", 24}, {"veinticinco", 25}, {"veintiseis", 26}, {"veintisiete", 27},
    {"veintiocho", 28},   {"veintinueve", 29},
};

// Tens from thirty up, which take "y" and a unit.
constexpr NumberWord kTens[] = {
    {"treinta", 30}, {"cuarenta", 40}, {"cincuenta", 50}, {"sesenta", 60},
    {"setenta", 70}, {"ochenta", 80},  {"noventa", 90},
};

// "cien" and "ciento" behave differently and are handled apart.
constexpr NumberWord kHundreds[] = {
    {"doscientos", 200},    {"doscientas", 200},    {"trescientos", 300}, {"trescientas", 300},
    {"cuatrocientos", 400}, {"cuatrocientas", 400}, {"quinientos", 500},  {"quinientas", 500},
    {"seiscientos", 600},   {"seiscientas", 600},   {"setecientos", 700}, {"setecientas", 700},
    {"ochocientos", 800},   {"ochocientas", 800},   {"novecientos", 900}, {"novecientas", 900},
};

std::optional<int> Lookup(std::span<const NumberWord> table, Words words, size_t i) {
  if (i >= words.size()) return std::nullopt;
  for (const NumberWord& entry : table) {
    if (entry.word == words[i]) return entry.value;
  }
  return std::nullopt;
}

bool At(Words words, size_t i, std::string_view word) {
  return i < words.size() && words[i] == word;
}

// The parsers below read from words[*i] and advance *i past what they read, only on success.

// 1..99.
std::optional<int> ParseBelowHundred(Words words, size_t* i) {
  std::optional<int> value = Lookup(kUnits, words, *i);
  if (!value) value = Lookup(kTenToTwentyNine, words, *i);
  if (value) {
    ++*i;
    return value;
  }
  std::optional<int> tens = Lookup(kTens, words, *i);
  if (!tens) return std::nullopt;
  ++*i;
  if (At(words, *i, "y")) {
    if (std::optional<int> unit = Lookup(kUnits, words, *i + 1)) {
      *i += 2;
      return *tens + *unit;
    }
  }
  return tens;
}

// 1..999.
std::optional<int> ParseGroup(Words words, size_t* i) {
  if (At(words, *i, "cien")) {
    ++*i;
    return 100;
  }
  if (At(words, *i, "ciento")) {
    size_t j = *i + 1;
    std::optional<int> rest = ParseBelowHundred(words, &j);
    if (!rest) return std::nullopt;
    *i = j;
    return 100 + *rest;
  }
  if (std::optional<int> hundreds = Lookup(kHundreds, words, *i)) {
    ++*i;
    std::optional<int> rest = ParseBelowHundred(words, i);
    return *hundreds + rest.value_or(0);
  }
  return ParseBelowHundred(words, i);
}

// 1..999,999.
std::optional<int64_t> ParseBelowMillion(Words words, size_t* i) {
  size_t j = *i;
  std::optional<int> group = ParseGroup(words, &j);
  int64_t thousands = 0;
  // "mil" alone is a thousand; "un mil" is not how Spanish counts.
  if (At(words, j, "mil") && (!group || *group >= 2)) {
    thousands = group.value_or(1);
    ++j;
    group = ParseGroup(words, &j);
  } else if (!group) {
    return std::nullopt;
  }
  *i = j;
  return thousands * 1000 + group.value_or(0);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Ordinals: a stem takes "-o" (masculine) or "-a" (feminine); "primer" and "tercer" are also
// words of their own (the masculine apocope).
struct OrdinalStem {
  std::string_view stem;  // folded
  int value;
  bool apocope;
};

constexpr OrdinalStem kUnitOrdinals[] = {
    {"primer", 1, true}, {"segund", 2, false}, {"tercer", 3, true},  {"cuart", 4, false},
    {"quint", 5, false}, {"sext", 6, false},   {"septim", 7, false}, {"setim", 7, false},
    {"octav", 8, false}, {"noven", 9, false},  {"non", 9, false},
};

constexpr OrdinalStem kTensOrdinals[] = {
    {"decim", 10, false},       {"vigesim", 20, false},      {"trigesim", 30, false},
    {"cuadragesim", 40, false}, {"quincuagesim", 50, false}, {"sexagesim", 60, false},
    {"septuagesim", 70, false}, {"octogesim", 80, false},    {"nonagesim", 90, false},
};

constexpr OrdinalStem kOneWordTeenOrdinals[] = {{"undecim", 11, false}, {"duodecim", 12, false}};

enum class Gender { kMasculine, kFeminine };

struct Ordinal {
  int value;
  Gender gender;
};

std::optional<Ordinal> MatchStem(std::span<const OrdinalStem> stems, std::string_view word) {
  for (const OrdinalStem& s : stems) {
    if (!word.starts_with(s.stem)) continue;
    const std::string_view ending = word.substr(s.stem.size());
    if (ending == "o" || (ending.empty() && s.apocope)) return Ordinal{s.value, Gender::kMasculine};
    if (ending == "a") return Ordinal{s.value, Gender::kFeminine};
  }
  return std::nullopt;
}

std::optional<Ordinal> ParseOneWordOrdinal(std::string_view word) {
  for (std::span<const OrdinalStem> stems :
       {std::span<const OrdinalStem>(kUnitOrdinals), std::span<const OrdinalStem>(kTensOrdinals),
        std::span<const OrdinalStem>(kOneWordTeenOrdinals)}) {
    if (std::optional<Ordinal> ordinal = MatchStem(stems, word)) return ordinal;
  }
  // Fused tens and unit: "decimotercera", "vigesimoprimero".
  for (const OrdinalStem& tens : kTensOrdinals) {
    const size_t joint = tens.stem.size();
    if (word.size() <= joint + 1 || !word.starts_with(tens.stem) || word[joint] != 'o') continue;
    if (std::optional<Ordinal> unit = MatchStem(kUnitOrdinals, word.substr(joint + 1))) {
      return Ordinal{tens.value + unit->value, unit->gender};
    }
  }
  return std::nullopt;
}

// Whether `suffix` ends some spelling of the ordinal `value` (1..99): "er" ends "primer", "do"
// ends "segundo", "a" ends "vigésima primera".
bool EndsSpelledOrdinal(int value, std::string_view suffix) {
  const int last = value % 10 != 0 ? value % 10 : value;
  std::span<const OrdinalStem> stems =
      value % 10 != 0 ? std::span<const OrdinalStem>(kUnitOrdinals) : kTensOrdinals;
  for (const OrdinalStem& s : stems) {
    if (s.value != last) continue;
    for (const std::string& form : {std::string(s.stem) + "o", std::string(s.stem) + "a"}) {
      if (form.ends_with(suffix)) return true;
    }
    if (s.apocope && s.stem.ends_with(suffix)) return true;
  }
  return false;
}

// "1°", "1o", "1.a", "2do.", "21a".
std::optional<int> ParseDigitOrdinal(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  const auto value = static_cast<int>(ParseInteger(s.substr(0, digits)).value_or(0));
  std::string_view mark = s.substr(digits);
  const bool inner_period = mark.starts_with(".");
  if (inner_period) mark.remove_prefix(1);
  if (!inner_period && mark.size() > 1 && mark.ends_with(".")) mark.remove_suffix(1);
  if (value < 1 || mark.empty()) return std::nullopt;
  constexpr std::string_view kDegreeSign = "\xC2\xB0";
  if (mark == kDegreeSign) return value;
  if (mark.size() > 3 || !EndsSpelledOrdinal(value, mark)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<NumberWordsPrefix> ParseNumberWordsPrefix(
    std::span<const std::string_view> folded_words) {
  if (At(folded_words, 0, "cero")) return NumberWordsPrefix{0, 1};
  size_t i = 0;
  std::optional<int64_t> head = ParseBelowMillion(folded_words, &i);
  if (!head) return std::nullopt;
  int64_t value = *head;
  const bool one_million =
      *head == 1 && i == 1 && folded_words[0] == "un" && At(folded_words, i, "millon");
  if (one_million || (*head >= 2 && At(folded_words, i, "millones"))) {
    ++i;
    value = *head * 1'000'000;
    if (std::optional<int64_t> rest = ParseBelowMillion(folded_words, &i)) value += *rest;
  }
  return NumberWordsPrefix{value, i};
}

std::optional<int64_t> ParseNumberWords(std::string_view text) {
  const std::string folded = Fold(text);
  if (AllDigits(folded)) {
    if (folded.size() > 18) return std::nullopt;
    return ParseInteger(folded);
  }
  const std::vector<std::string_view> words = SplitSpaces(folded);
  std::optional<NumberWordsPrefix> prefix = ParseNumberWordsPrefix(words);
  if (!prefix || prefix->words != words.size()) return std::nullopt;
  return prefix->value;
}

std::optional<int> ParseOrdinalWord(std::string_view text) {
  const std::string folded = Fold(text);
  if (folded.empty()) return std::nullopt;
  if (folded[0] >= '0' && folded[0] <= '9') return ParseDigitOrdinal(folded);
  const std::vector<std::string_view> words = SplitSpaces(folded);
  if (words.size() == 1) {
    if (std::optional<Ordinal> ordinal = ParseOneWordOrdinal(words[0])) return ordinal->value;
    return std::nullopt;
  }
  if (words.size() != 2) return std::nullopt;
  std::optional<Ordinal> tens = MatchStem(kTensOrdinals, words[0]);
  std::optional<Ordinal> unit = MatchStem(kUnitOrdinals, words[1]);
  if (!tens || !unit || tens->gender != unit->gender) return std::nullopt;
  return tens->value + unit->value;
}

}  // namespace oplex
