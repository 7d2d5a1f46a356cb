#include "extractors/furniture.h"

#include <map>
#include <string>

#include "pipeline/normalize/fold.h"

namespace oplex {

std::vector<bool> RunningHeads(const std::vector<Block>& blocks) {
  std::map<std::string, int> repeats;
  std::vector<std::string> folded(blocks.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].kind == BlockKind::kParagraph) ++repeats[folded[b] = Fold(blocks[b].text())];
  }
  std::vector<bool> heads(blocks.size(), false);
  for (size_t b = 0; b < blocks.size(); ++b) {
    heads[b] = blocks[b].kind == BlockKind::kParagraph && repeats[folded[b]] >= kFurnitureRepeats;
  }
  return heads;
}

}  // namespace oplex
