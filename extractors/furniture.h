// Page furniture: the running heads and feet a document repeats on its pages, which are neither
// headings nor a table's text. Pure functions.
#pragma once

#include <vector>

#include "pipeline/layout/blocks.h"

namespace oplex {

// A paragraph repeated this many times is a running head or foot.
inline constexpr int kFurnitureRepeats = 3;

// Per block, whether it is a paragraph the document repeats (folded) kFurnitureRepeats times or
// more.
std::vector<bool> RunningHeads(const std::vector<Block>& blocks);

}  // namespace oplex
