#include "pipeline/decode/vector_page.h"

#include <poppler/GfxState.h>
#include <poppler/TextOutputDev.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string>

#include "pipeline/decode/page_tree.h"
#include "pipeline/normalize/utf8.h"

namespace oplex {
namespace {

// Points closer than this are one (the rounding of a writer's coordinates).
constexpr double kEpsilon = 0.05;
// A segment runs across (down) when it rises (drifts) at most this much per point of length.
constexpr double kSlope = 0.02;
// Rules shorter than this are specks: a dot, the corner where two cell fills meet.
constexpr double kMinRuleLength = 3.0;
// A fill narrower or lower than this is no cell's.
constexpr double kMinFillSide = 3.0;
// A hairline (width 0) is drawn one device pixel wide: at 72 DPI, a point.
constexpr double kHairline = 1.0;
// Colours within this many levels on every channel are one (as AnalyzeRaster's tolerance).
constexpr int kColorTolerance = 4;
// Rules along one line join when their ends are this close (points) and their centres this near.
constexpr double kJoinGap = 1.0;
constexpr double kJoinOffset = 0.75;
// The two lines of a double rule (a thick one and a thin one beside it, as word processors draw
// "thick-thin" borders) are at most this far apart (points), and are one rule.
constexpr double kDoubleRuleGap = 1.0;
// A rule is a word's underline or strike-through when words cover all of it but this much (in
// font sizes) past their ends.
constexpr double kDecorationReach = 0.5;
// A rule shorter than this (across; down) is one only where it closes a cell: both its ends on
// rules the other way, this near (points). (A longer one is a rule on its own.) The strokes of a
// logo or a letter drawn as lines are short and end in the open.
constexpr double kShortAcross = 20.0;
constexpr double kShortDown = 18.0;
constexpr double kEndReach = 2.0;
// Beyond this many fill pieces on a page, a later fill no longer cuts the earlier ones.
constexpr size_t kMaxPieces = 20000;
// A page's text lies on its images when this share of its words does.
constexpr double kOnImages = 0.5;
// A filled shape that is no rectangle (a dot, a diamond, a bar with round ends) is solid when it
// is convex and covers at least this share of its box (a disc about 0.8, a diamond 0.5; letters
// drawn as outlines are hollow or hooked).
constexpr double kMinShapeCover = 0.45;
// A solid shape this size or smaller on either side, and at most twice as long as it is wide,
// marks a cell as a glyph would (points); a larger one is a fill of its box.
constexpr double kMaxMarkSide = 12.0;
constexpr double kMinMarkSide = 2.0;

struct Painted {
  BBox box;
  Rgb color = 0;
};

BBox Clip(const BBox& b, const BBox& clip) {
  return BBox{std::max(b.x0, clip.x0), std::max(b.y0, clip.y0), std::min(b.x1, clip.x1),
              std::min(b.y1, clip.y1)};
}

int Channel(GfxColorComp c) { return colToByte(c); }

// The colour as it shows over white paper at `opacity`.
Rgb OverWhite(const GfxRGB& rgb, double opacity) {
  Rgb out = 0;
  for (const GfxColorComp c : {rgb.r, rgb.g, rgb.b}) {
    const double shown = 255.0 - std::clamp(opacity, 0.0, 1.0) * (255.0 - Channel(c));
    out = (out << 8) | static_cast<Rgb>(std::clamp(static_cast<int>(std::lround(shown)), 0, 255));
  }
  return out;
}

bool Near(Rgb a, Rgb b) { return ChannelsWithin(a, b, kColorTolerance); }

// The pieces of `a` that `b` leaves uncovered (up to four).
void Subtract(const BBox& a, const BBox& b, std::vector<Painted>* out, Rgb color) {
  const BBox cut = Clip(b, a);
  if (cut.y0 - a.y0 > kEpsilon) out->push_back(Painted{BBox{a.x0, a.y0, a.x1, cut.y0}, color});
  if (a.y1 - cut.y1 > kEpsilon) out->push_back(Painted{BBox{a.x0, cut.y1, a.x1, a.y1}, color});
  if (cut.x0 - a.x0 > kEpsilon) out->push_back(Painted{BBox{a.x0, cut.y0, cut.x0, cut.y1}, color});
  if (a.x1 - cut.x1 > kEpsilon) out->push_back(Painted{BBox{cut.x1, cut.y0, a.x1, cut.y1}, color});
}

// A subpath's points in device space, and whether it has curves.
struct Outline {
  std::vector<std::pair<double, double>> points;
  std::vector<bool> curve;
};

Outline Transformed(const GfxState& state, const GfxSubpath& sub) {
  Outline o;
  for (int i = 0; i < sub.getNumPoints(); ++i) {
    double x = 0, y = 0;
    state.transform(sub.getX(i), sub.getY(i), &x, &y);
    o.points.emplace_back(x, y);
    o.curve.push_back(sub.getCurve(i));
  }
  return o;
}

BBox Bounds(const std::vector<std::pair<double, double>>& points) {
  BBox b{points.front().first, points.front().second, points.front().first, points.front().second};
  for (const auto& [x, y] : points) {
    b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x);
    b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y);
  }
  return b;
}

// Whether the closed polygon runs only across and down, around its bounding box: a rectangle.
bool IsRectangle(const std::vector<std::pair<double, double>>& points, const BBox& box) {
  for (size_t i = 0; i < points.size(); ++i) {
    const auto& [x0, y0] = points[i];
    const auto& [x1, y1] = points[(i + 1) % points.size()];
    if (std::abs(x1 - x0) > kEpsilon && std::abs(y1 - y0) > kEpsilon) return false;
    const bool on_edge = std::abs(x0 - box.x0) <= kEpsilon || std::abs(x0 - box.x1) <= kEpsilon ||
                         std::abs(y0 - box.y0) <= kEpsilon || std::abs(y0 - box.y1) <= kEpsilon;
    if (!on_edge) return false;
  }
  return true;
}

// Whether the closed polygon turns one way only at each of its corners.
bool Convex(const std::vector<std::pair<double, double>>& points) {
  int sign = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    const auto& [x0, y0] = points[i];
    const auto& [x1, y1] = points[(i + 1) % points.size()];
    const auto& [x2, y2] = points[(i + 2) % points.size()];
    const double cross = (x1 - x0) * (y2 - y1) - (y1 - y0) * (x2 - x1);
    if (std::abs(cross) <= kEpsilon * kEpsilon) continue;
    const int turn = cross > 0 ? 1 : -1;
    if (sign != 0 && turn != sign) return false;
    sign = turn;
  }
  return sign != 0;
}

// The area the closed polygon encloses.
double Enclosed(const std::vector<std::pair<double, double>>& points) {
  double twice = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    const auto& [x0, y0] = points[i];
    const auto& [x1, y1] = points[(i + 1) % points.size()];
    twice += x0 * y1 - x1 * y0;
  }
  return std::abs(twice) / 2;
}

// Whether a subpath (its points, a curve's control points among them: they lie on its convex
// hull's side) is a solid shape: convex, covering kMinShapeCover of its box.
bool SolidShape(const std::vector<std::pair<double, double>>& points, const BBox& box) {
  const double area = (box.x1 - box.x0) * (box.y1 - box.y0);
  return points.size() >= 3 && area > 0 && Convex(points) &&
         Enclosed(points) >= kMinShapeCover * area;
}

// The device that sees one page: words through TextOutputDev, paths and images here.
class PageDevice : public TextOutputDev {
 public:
  PageDevice() : TextOutputDev(nullptr, false, 0, false, false) {}

  // Paths, shadings and images are what this device is for (TextOutputDev needs none).
  bool needNonText() override { return true; }
  bool useTilingPatternFill() override { return true; }
  bool useShadedFills(int type) override { return type >= 1 && type <= 7; }

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    if (masking_ > 0) return;
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    const Rgb color = OverWhite(rgb, state->getStrokeOpacity());
    const double drawn = state->getTransformedLineWidth();
    const double width = drawn > 0 ? drawn : kHairline;
    const BBox clip = ClipBox(*state);
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const Outline o = Transformed(*state, *path->getSubpath(s));
      for (size_t i = 0; i + 1 < o.points.size(); ++i) {
        if (o.curve[i] || o.curve[i + 1]) continue;
        AddSegment(o.points[i], o.points[i + 1], width, color, clip);
      }
    }
  }

  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    FillPath(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    FillPath(state);
  }

  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int, int,
                         int, double, double) override {
    return true;  // a pattern's colour is its tile's: nothing to say of the cell under it
  }
  bool functionShadedFill(GfxState* state, GfxFunctionShading* shading) override {
    double x0, y0, x1, y1;
    shading->getDomain(&x0, &y0, &x1, &y1);
    GfxColor c;
    shading->getColor((x0 + x1) / 2, (y0 + y1) / 2, &c);
    ShadedFill(*state, shading->getColorSpace(), {c});
    return true;
  }
  bool axialShadedFill(GfxState* state, GfxAxialShading* shading, double, double) override {
    return UnivariateFill(*state, shading);
  }
  bool radialShadedFill(GfxState* state, GfxRadialShading* shading, double, double) override {
    return UnivariateFill(*state, shading);
  }
  bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
  bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }

  void beginTransparencyGroup(GfxState* state, const double* bbox, GfxColorSpace* space,
                              bool isolated, bool knockout, bool for_soft_mask) override {
    TextOutputDev::beginTransparencyGroup(state, bbox, space, isolated, knockout, for_soft_mask);
    groups_.push_back(for_soft_mask);
    masking_ += for_soft_mask;
  }
  void endTransparencyGroup(GfxState* state) override {
    TextOutputDev::endTransparencyGroup(state);
    if (groups_.empty()) return;
    masking_ -= groups_.back();
    groups_.pop_back();
  }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                     bool interpolate, bool inline_image) override {
    AddImage(*state);
    TextOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* map, bool interpolate, const int* mask_colors,
                 bool inline_image) override {
    AddImage(*state);
    TextOutputDev::drawImage(state, ref, str, width, height, map, interpolate, mask_colors,
                             inline_image);
  }
  void drawMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool,
                       Stream*, int, int, bool, bool) override {
    AddImage(*state);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool,
                           Stream*, int, int, GfxImageColorMap*, bool) override {
    AddImage(*state);
  }

  // What the page drew, once it is done: see the header.
  Graphics TakeGraphics(const std::vector<Word>& words, double width, double height);
  // The marks, as words; none in the colour of the page's background (`background`).
  std::vector<Word> TakeMarks(Rgb background) {
    std::vector<Word> out;
    for (const Mark& m : marks_) {
      if (Near(m.color, background)) continue;
      Word w;
      w.text = m.round ? "●" : "◆";
      w.bbox = m.box;
      w.font_size = m.box.y1 - m.box.y0;
      out.push_back(std::move(w));
    }
    return out;
  }
  std::vector<BBox> TakeImages() { return std::move(images_); }

 private:
  static BBox ClipBox(const GfxState& state) {
    BBox b;
    state.getClipBBox(&b.x0, &b.y0, &b.x1, &b.y1);
    return b;
  }

  void AddSegment(std::pair<double, double> a, std::pair<double, double> b, double width, Rgb color,
                  const BBox& clip) {
    const double dx = std::abs(b.first - a.first), dy = std::abs(b.second - a.second);
    const double half = width / 2;
    BBox box;
    if (dy <= kSlope * dx) {
      const double y = (a.second + b.second) / 2;
      box = BBox{std::min(a.first, b.first), y - half, std::max(a.first, b.first), y + half};
    } else if (dx <= kSlope * dy) {
      const double x = (a.first + b.first) / 2;
      box = BBox{x - half, std::min(a.second, b.second), x + half, std::max(a.second, b.second)};
    } else {
      return;  // a diagonal: no table's
    }
    box = Clip(box, clip);
    if (box.x1 > box.x0 && box.y1 > box.y0) rules_.push_back(Painted{box, color});
  }

  void FillPath(GfxState* state) {
    if (masking_ > 0) return;
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    const Rgb color = OverWhite(rgb, state->getFillOpacity());
    const BBox clip = ClipBox(*state);
    const GfxPath* path = state->getPath();
    std::vector<BBox> rects;
    const bool alone = path->getNumSubpaths() == 1;  // a shape of one outline, no hole in it
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      Outline o = Transformed(*state, *path->getSubpath(s));
      if (o.points.size() < 2) continue;
      // A fill closes its subpaths: the last point may repeat the first.
      auto& p = o.points;
      p.erase(std::unique(p.begin(), p.end(),
                          [](const auto& u, const auto& v) {
                            return std::abs(u.first - v.first) <= kEpsilon &&
                                   std::abs(u.second - v.second) <= kEpsilon;
                          }),
              p.end());
      if (p.size() > 2 && std::abs(p.front().first - p.back().first) <= kEpsilon &&
          std::abs(p.front().second - p.back().second) <= kEpsilon) {
        p.pop_back();
      }
      const BBox box = Bounds(p);
      const bool curved = std::any_of(o.curve.begin(), o.curve.end(), [](bool c) { return c; });
      const bool thin = std::min(box.x1 - box.x0, box.y1 - box.y0) <= kMaxRuleThickness;
      if (!curved && (thin || IsRectangle(p, box))) {
        rects.push_back(box);
      } else if (alone && SolidShape(p, box)) {
        AddShape(Clip(box, clip), color, curved);
      }
    }
    // One rectangle inside another in the same path is a frame: the bands between them.
    if (rects.size() == 2) {
      const BBox& outer = Area(rects[0]) >= Area(rects[1]) ? rects[0] : rects[1];
      const BBox& inner = Area(rects[0]) >= Area(rects[1]) ? rects[1] : rects[0];
      if (inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 &&
          inner.y1 <= outer.y1) {
        std::vector<Painted> bands;
        Subtract(outer, inner, &bands, color);
        for (const Painted& band : bands) Paint(Clip(band.box, clip), color);
        return;
      }
    }
    for (const BBox& r : rects) Paint(Clip(r, clip), color);
  }

  // A fill painted over the ones before it: what it covers of them is gone.
  void Paint(const BBox& box, Rgb color) {
    if (box.x1 <= box.x0 || box.y1 <= box.y0) return;
    if (pieces_.size() < kMaxPieces) {
      std::vector<Painted> kept;
      kept.reserve(pieces_.size());
      for (const Painted& p : pieces_) {
        if (Overlap(p.box, box)) {
          Subtract(p.box, box, &kept, p.color);
        } else {
          kept.push_back(p);
        }
      }
      pieces_ = std::move(kept);
    }
    pieces_.push_back(Painted{box, color});
  }

  // A solid shape: a mark the size of a glyph ("●" round, "◆" with corners), a fill otherwise
  // (a bar with round ends).
  void AddShape(const BBox& box, Rgb color, bool round) {
    const double w = box.x1 - box.x0, h = box.y1 - box.y0;
    if (w <= 0 || h <= 0) return;
    if (std::max(w, h) > kMaxMarkSide || std::max(w, h) > 2 * std::min(w, h)) {
      Paint(box, color);
      return;
    }
    if (std::min(w, h) >= kMinMarkSide) marks_.push_back(Mark{box, color, round});
  }

  void ShadedFill(const GfxState& state, GfxColorSpace* space, const std::vector<GfxColor>& at) {
    if (masking_ > 0 || at.empty()) return;
    long sum[3] = {0, 0, 0};
    for (const GfxColor& c : at) {
      GfxRGB rgb;
      space->getRGB(&c, &rgb);
      sum[0] += Channel(rgb.r), sum[1] += Channel(rgb.g), sum[2] += Channel(rgb.b);
    }
    const auto n = static_cast<long>(at.size());
    GfxRGB mean;
    mean.r = byteToCol(static_cast<unsigned char>(sum[0] / n));
    mean.g = byteToCol(static_cast<unsigned char>(sum[1] / n));
    mean.b = byteToCol(static_cast<unsigned char>(sum[2] / n));
    Paint(ClipBox(state), OverWhite(mean, state.getFillOpacity()));
  }

  bool UnivariateFill(const GfxState& state, GfxUnivariateShading* shading) {
    std::vector<GfxColor> at;
    const double t0 = shading->getDomain0(), t1 = shading->getDomain1();
    for (const double share : {0.0, 0.5, 1.0}) {
      GfxColor c;
      if (shading->getColor(t0 + share * (t1 - t0), &c) > 0) at.push_back(c);
    }
    ShadedFill(state, shading->getColorSpace(), at);
    return true;
  }

  void AddImage(const GfxState& state) {
    if (masking_ > 0) return;
    std::vector<std::pair<double, double>> corners;
    for (const auto& [u, v] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
      double x = 0, y = 0;
      state.transform(u, v, &x, &y);
      corners.emplace_back(x, y);
    }
    const BBox box = Clip(Bounds(corners), ClipBox(state));
    if (box.x1 > box.x0 && box.y1 > box.y0) images_.push_back(box);
  }

  std::vector<Painted> rules_;   // strokes, in the order drawn
  std::vector<Painted> pieces_;  // what shows of the fills
  std::vector<BBox> images_;
  struct Mark {
    BBox box;
    Rgb color = 0;
    bool round = false;
  };
  std::vector<Mark> marks_;   // solid shapes the size of a glyph
  std::vector<bool> groups_;  // open transparency groups: whether each draws a soft mask
  int masking_ = 0;           // open groups that draw a soft mask (no paint shows)
};

// Whether the rule `r` (horizontal) only underlines or strikes through words: words whose boxes
// it crosses cover it end to end, but for a little past their ends.
bool Decorates(const BBox& r, const std::vector<Word>& words) {
  const double y = (r.y0 + r.y1) / 2;
  std::vector<std::pair<double, double>> spans;
  for (const Word& w : words) {
    if (w.rotation % 2 == 1 || y < w.bbox.y0 || y > w.bbox.y1) continue;
    if (w.bbox.x1 < r.x0 || w.bbox.x0 > r.x1) continue;
    const double reach = kDecorationReach * std::max(w.font_size, w.bbox.y1 - w.bbox.y0);
    spans.emplace_back(w.bbox.x0 - reach, w.bbox.x1 + reach);
  }
  if (spans.empty()) return false;
  std::sort(spans.begin(), spans.end());
  double covered = r.x0;
  for (const auto& [from, to] : spans) {
    if (from > covered) return false;
    covered = std::max(covered, to);
  }
  return covered >= r.x1;
}

// Rules along one line whose ends touch, joined, and the lines of a double rule made one; `across`
// rules run along x.
std::vector<BBox> Joined(std::vector<BBox> rules, bool across) {
  const auto at = [&](const BBox& b) { return across ? (b.y0 + b.y1) / 2 : (b.x0 + b.x1) / 2; };
  const auto from = [&](const BBox& b) { return across ? b.x0 : b.y0; };
  const auto to = [&](const BBox& b) { return across ? b.x1 : b.y1; };
  const auto near = [&](const BBox& b) { return across ? b.y0 : b.x0; };
  const auto far = [&](const BBox& b) { return across ? b.y1 : b.x1; };
  const auto end_to_end = [&](std::vector<BBox> in) {
    std::sort(in.begin(), in.end(), [&](const BBox& a, const BBox& b) { return at(a) < at(b); });
    std::vector<BBox> out;
    for (size_t first = 0; first < in.size();) {
      // The rules along one line: their centres within kJoinOffset of the first's.
      size_t last = first;
      while (last < in.size() && at(in[last]) - at(in[first]) <= kJoinOffset) ++last;
      std::sort(in.begin() + static_cast<long>(first), in.begin() + static_cast<long>(last),
                [&](const BBox& a, const BBox& b) { return from(a) < from(b); });
      const size_t line = out.size();
      for (size_t i = first; i < last; ++i) {
        if (out.size() > line && from(in[i]) <= to(out.back()) + kJoinGap) {
          out.back() = Union(out.back(), in[i]);
        } else {
          out.push_back(in[i]);
        }
      }
      first = last;
    }
    return out;
  };
  // Side by side: a rule that runs along most of its neighbour, at most kDoubleRuleGap from it.
  std::vector<BBox> lines = end_to_end(std::move(rules));
  std::sort(lines.begin(), lines.end(),
            [&](const BBox& a, const BBox& b) { return near(a) < near(b); });
  std::vector<BBox> out;
  for (const BBox& r : lines) {
    bool merged = false;
    for (auto it = out.rbegin(); it != out.rend() && !merged; ++it) {
      if (near(r) - far(*it) > kDoubleRuleGap + 2 * kMaxRuleThickness) break;
      const double along = std::min(to(r), to(*it)) - std::max(from(r), from(*it));
      const double shorter = std::min(to(r) - from(r), to(*it) - from(*it));
      if (near(r) - far(*it) <= kDoubleRuleGap && along >= 0.5 * shorter) {
        *it = Union(*it, r);
        merged = true;
      }
    }
    if (!merged) out.push_back(r);
  }
  return end_to_end(std::move(out));
}

Graphics PageDevice::TakeGraphics(const std::vector<Word>& words, double width, double height) {
  Graphics g;
  // The background: the colour that covers most of the page, white paper where nothing is.
  const double page = width * height;
  std::vector<std::pair<Rgb, double>> cover{{0xFFFFFF, page}};
  for (const Painted& p : pieces_) {
    const double a = Area(Clip(p.box, BBox{0, 0, width, height}));
    cover.front().second -= a;
    auto it = std::find_if(cover.begin(), cover.end(),
                           [&](const auto& c) { return Near(c.first, p.color); });
    if (it == cover.end()) {
      cover.emplace_back(p.color, a);
    } else {
      it->second += a;
    }
  }
  g.background = std::max_element(cover.begin(), cover.end(), [](const auto& a, const auto& b) {
                   return a.second < b.second;
                 })->first;

  std::vector<BBox> across, down;
  const auto add_rule = [&](const BBox& b) {
    const bool wide = b.x1 - b.x0 >= b.y1 - b.y0;
    (wide ? across : down).push_back(b);
  };
  for (const Painted& r : rules_) {
    if (!Near(r.color, g.background)) add_rule(r.box);
  }
  for (const Painted& p : pieces_) {
    if (Near(p.color, g.background)) continue;
    const double w = p.box.x1 - p.box.x0, h = p.box.y1 - p.box.y0;
    if (std::min(w, h) <= kMaxRuleThickness) {
      add_rule(p.box);
    } else if (std::min(w, h) >= kMinFillSide) {
      g.fills.push_back(Fill{p.box, p.color});
    }
  }
  const std::vector<BBox> h = Joined(std::move(across), true);
  const std::vector<BBox> v = Joined(std::move(down), false);
  // Whether a rule of `others` passes by the point (x, y).
  const auto meets = [](const std::vector<BBox>& others, double x, double y) {
    return std::any_of(others.begin(), others.end(), [&](const BBox& o) {
      return x >= o.x0 - kEndReach && x <= o.x1 + kEndReach && y >= o.y0 - kEndReach &&
             y <= o.y1 + kEndReach;
    });
  };
  for (const BBox& r : h) {
    const double length = r.x1 - r.x0, y = (r.y0 + r.y1) / 2;
    if (length < kMinRuleLength || Decorates(r, words)) continue;
    if (length < kShortAcross && !(meets(v, r.x0, y) && meets(v, r.x1, y))) continue;
    g.h_rules.push_back(r);
  }
  for (const BBox& r : v) {
    const double length = r.y1 - r.y0, x = (r.x0 + r.x1) / 2;
    if (length < kMinRuleLength) continue;
    if (length < kShortDown && !(meets(h, x, r.y0) && meets(h, x, r.y1))) continue;
    g.v_rules.push_back(r);
  }
  return g;
}

// The words of the page as poppler-cpp's text_list() makes them, from the same TextWordList.
std::vector<Word> Words(TextOutputDev& dev) {
  std::vector<Word> words;
  const std::unique_ptr<TextWordList> list = dev.makeWordList();
  if (!list) return words;
  words.reserve(static_cast<size_t>(list->getLength()));
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* t = list->get(i);
    Word w;
    const int length = t->getLength();
    if (t->getRotation() % 2 == 0 && length > 1) w.glyphs.reserve(static_cast<size_t>(length));
    for (int j = 0; j < length; ++j) {
      const Unicode u = *t->getChar(j);
      if (u == 0) continue;
      const bool valid = u <= 0x10FFFF && (u < 0xD800 || u > 0xDFFF);
      std::string text;
      AppendUtf8(valid ? static_cast<UChar32>(u) : 0xFFFD, &text);
      w.text += text;
      if (t->getRotation() % 2 == 0 && length > 1) {
        double x0, y0, x1, y1;
        t->getCharBBox(j, &x0, &y0, &x1, &y1);
        w.glyphs.push_back(Glyph{std::move(text), x0, x1});
      }
    }
    if (w.text.empty()) continue;
    t->getBBox(&w.bbox.x0, &w.bbox.y0, &w.bbox.x1, &w.bbox.y1);
    w.rotation = t->getRotation();
    w.space_after = t->hasSpaceAfter();
    w.font_size = t->getFontSize();
    if (const TextFontInfo* font = t->getFontInfo(0)) {
      if (const GooString* name = font->getFontName()) {
        std::string lower = name->toStr();
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const char* weight : {"bold", "black", "heavy", "semibold", "demi"}) {
          w.bold = w.bold || lower.find(weight) != std::string::npos;
        }
      }
    }
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace

VectorPage ReadVectorPage(PageTree& pages, int number, int turn) {
  PageDevice dev;
  // As poppler-cpp's text_list(): 72 DPI, the page's own rotation (and the turn), its crop box,
  // annotations.
  pages.Display(number, turn, &dev);
  VectorPage out;
  out.words = Words(dev);
  double width = pages.CropWidth(number), height = pages.CropHeight(number);
  if ((pages.Rotate(number) + turn) % 180 != 0) std::swap(width, height);
  out.graphics = dev.TakeGraphics(out.words, width, height);
  out.images = dev.TakeImages();
  for (Word& mark : dev.TakeMarks(out.graphics.background)) out.words.push_back(std::move(mark));
  return out;
}

int UprightTurn(const std::vector<Word>& words) {
  std::array<size_t, 4> letters{};
  size_t all = 0;
  for (const Word& w : words) {
    letters[static_cast<size_t>(w.rotation & 3)] += w.text.size();
    all += w.text.size();
  }
  for (size_t r = 1; r < 4; ++r) {
    if (2 * letters[r] > all) return static_cast<int>((4 - r) * 90);
  }
  return 0;
}

bool TextOnImages(const VectorPage& page) {
  const Graphics& g = page.graphics;
  if (page.images.empty() || page.words.empty() || !g.h_rules.empty() || !g.v_rules.empty() ||
      !g.fills.empty()) {
    return false;
  }
  size_t on = 0;
  for (const Word& w : page.words) {
    const double x = (w.bbox.x0 + w.bbox.x1) / 2, y = (w.bbox.y0 + w.bbox.y1) / 2;
    on += std::any_of(page.images.begin(), page.images.end(), [&](const BBox& b) {
      return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
    });
  }
  return static_cast<double>(on) >= kOnImages * static_cast<double>(page.words.size());
}

}  // namespace oplex
