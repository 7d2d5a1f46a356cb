// How many edits turn one word into another. Pure function.
#pragma once

#include <string_view>

namespace oplex {

// Insertions, deletions and substitutions of bytes, a swap of two neighbours counting as one
// edit ("ingset" is one from "ingest"; "algamzada" two from "alcanzada").
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace oplex
