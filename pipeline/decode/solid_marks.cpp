#include "pipeline/decode/solid_marks.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "pipeline/decode/numeric_cells.h"
#include "pipeline/decode/ocr_noise.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

constexpr double kEverywhere = std::numeric_limits<double>::infinity();

struct Ink {
  BBox box;           // points
  double solidity{};  // the share of its box it fills
};

BBox Points(const BOX* box, double ppp) {
  return BBox{box->x / ppp, box->y / ppp, (box->x + box->w) / ppp, (box->y + box->h) / ppp};
}

// Whether `box` is a glyph's size and shape for a mark on a page whose middle word is `height`
// points high.
bool MarkShaped(const BBox& box, double height) {
  const double w = box.x1 - box.x0, h = box.y1 - box.y0;
  return h >= kMinMarkHeight * height && h <= kMaxMarkHeight * height && w >= kMinMarkAspect * h &&
         h >= kMinMarkAspect * w;
}

BBox Grown(const BBox& b, double by) { return BBox{b.x0 - by, b.y0 - by, b.x1 + by, b.y1 + by}; }

bool Inside(const BBox& inner, const BBox& outer) {
  return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 &&
         inner.y1 <= outer.y1;
}

// Whether the ink of `piece` is one run across each row and down each column, gaps of a pixel
// (the grain of a scan) aside: a square or a disc, not an "n" or "u" whose legs part.
bool OneRunEachWay(PIX* piece) {
  const int w = pixGetWidth(piece), h = pixGetHeight(piece), wpl = pixGetWpl(piece);
  const l_uint32* data = pixGetData(piece);
  const auto ink = [&](int x, int y) {
    return GET_DATA_BIT(data + static_cast<ptrdiff_t>(y) * wpl, x) != 0;
  };
  const auto one_run = [](int n, const auto& at) {
    int runs = 0, gap = 0;
    bool inside = false;
    for (int i = 0; i < n; ++i) {
      if (at(i)) {
        if (!inside && (runs == 0 || gap > 1)) ++runs;
        inside = true;
        gap = 0;
      } else {
        inside = false;
        ++gap;
      }
    }
    return runs <= 1;
  };
  for (int y = 0; y < h; ++y) {
    if (!one_run(w, [&](int x) { return ink(x, y); })) return false;
  }
  for (int x = 0; x < w; ++x) {
    if (!one_run(h, [&](int y) { return ink(x, y); })) return false;
  }
  return true;
}

// Whether any of `pieces` but `self` reaches into `near` with its middle across the page
// between x0 and x1.
bool Crowded(const std::vector<BBox>& pieces, size_t self, const BBox& near, double x0, double x1) {
  for (size_t i = 0; i < pieces.size(); ++i) {
    const double middle = (pieces[i].x0 + pieces[i].x1) / 2;
    if (i != self && Overlap(pieces[i], near) && middle >= x0 && middle <= x1) return true;
  }
  return false;
}

// Whether the word can be the engine's reading of a mark alone: a few letters or signs ("n",
// "o", "1)"), not a number, which a month cell may hold.
bool MarkReading(const Word& w) {
  return CodePoints(w.text) <= kMaxMarkLetters && !IsNumberText(w.text);
}

}  // namespace

void ReadSolidMarks(const Graphics& graphics, PIX* binary, double ppp, std::vector<Word>* words) {
  if (binary == nullptr || ppp <= 0 || words->empty()) return;
  const double height = MiddleHeight(*words);
  const double clearance = kMarkClearance * height;
  const BoxaPtr boxes(pixConnCompBB(binary, 8));
  if (!boxes) return;
  std::vector<BBox> pieces;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    const BoxPtr box(boxaGetBox(boxes.get(), i, L_CLONE));
    pieces.push_back(Points(box.get(), ppp));
  }
  std::vector<Ink> marks;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const BBox& p = pieces[i];
    if (!MarkShaped(p, height)) continue;
    const BoxPtr box(boxaGetBox(boxes.get(), static_cast<int>(i), L_CLONE));
    l_int32 ink = 0;
    if (pixCountPixelsInRect(binary, box.get(), &ink, nullptr) != 0) continue;
    const double solidity = ink / static_cast<double>(box->w * box->h);
    if (solidity < kMinMarkSolidity) continue;
    const PixPtr piece(pixClipRectangle(binary, box.get(), nullptr));
    if (!piece || !OneRunEachWay(piece.get())) continue;
    const auto column = RuledColumn(graphics.v_rules, p);
    const bool crowded =
        column ? Crowded(pieces, i, BBox{p.x0 - clearance, p.y0, p.x1 + clearance, p.y1},
                         column->first, column->second)
               : Crowded(pieces, i, Grown(p, clearance), -kEverywhere, kEverywhere);
    if (crowded) continue;
    const bool filled =
        std::any_of(graphics.fills.begin(), graphics.fills.end(), [&](const Fill& f) {
          return MiddleIn(p, f.bbox) && Area(f.bbox) >= kShadedCell * Area(p);
        });
    if (!filled) marks.push_back(Ink{p, solidity});
  }
  if (marks.empty()) return;
  std::vector<double> sizes;
  for (const Word& w : *words) sizes.push_back(w.font_size);
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  const double size = sizes[sizes.size() / 2];  // the page's body size, for layout
  for (const Ink& m : marks) {
    const std::string glyph = m.solidity >= kSquareSolidity ? "■" : "●";
    std::optional<size_t> over;
    size_t covering = 0;
    for (size_t i = 0; i < words->size(); ++i) {
      if (!Overlap((*words)[i].bbox, m.box)) continue;
      ++covering;
      over = i;
    }
    if (covering == 0) {
      Word w;
      w.text = glyph;
      w.bbox = m.box;
      w.font_size = size;
      w.confidence = m.solidity;
      words->push_back(std::move(w));
    } else if (Word& w = (*words)[*over];
               covering == 1 && MarkReading(w) && Inside(w.bbox, Grown(m.box, clearance))) {
      w.text = glyph;
      w.confidence = m.solidity;
    }
  }
}

}  // namespace oplex
