// How many edits turn one word into another. Pure function.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace oplex {

// Insertions, deletions and substitutions of bytes, a swap of two neighbours counting as one
// edit ("ingset" is one from "ingest"; "algamzada" two from "alcanzada").
size_t EditDistance(std::string_view a, std::string_view b);

// Of `count` candidates (`key(i)`: the i-th's text), the index of the one nearest `word` within
// `most` edits: a misreading mended against a vocabulary. Only those `eligible(i)` takes are
// measured, and none whose length is more than `most` from the word's. nullopt when none is that
// near, or when two are equally near and not `alike(i, j)` (two spellings of one term are).
template <typename Key, typename Eligible, typename Alike>
std::optional<size_t> NearestWithin(std::string_view word, size_t most, size_t count, Key key,
                                    Eligible eligible, Alike alike) {
  std::optional<size_t> nearest;
  size_t best = most + 1;
  bool tie = false;
  for (size_t i = 0; i < count; ++i) {
    const std::string_view known = key(i);
    if (!eligible(i) || known.size() + most < word.size() || word.size() + most < known.size()) {
      continue;
    }
    const size_t d = EditDistance(word, known);
    if (d > most) continue;
    if (d < best) {
      best = d;
      nearest = i;
      tie = false;
    } else if (d == best && !alike(*nearest, i)) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return nearest;
}

}  // namespace oplex
