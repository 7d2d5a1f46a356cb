#include "pipeline/decode/raster.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <span>
#include <tuple>
#include <utility>

#include "pipeline/decode/pix.h"

namespace oplex {
namespace {

// At most this many fill shades are looked for on one page.
constexpr size_t kMaxFillColors = 16;
// A fill is taken out of the search for rules when at least this many bricks wide or tall (wide
// and tall when darker than kDarkShade).
constexpr int kMinFillBricks = 2;
// Shades darker than this are those of text and rules.
constexpr int kDarkShade = 128;
// A word's box is taller than its letters' bodies: this share of its height, top and bottom,
// may be a cell border and stays in the search for rules.
constexpr double kTextInset = 0.15;
// A run this many times the shortest rule is no letter's, nor a column or line of letters'.
constexpr double kLongRuleFactor = 3.0;
// Short vertical runs from one side of a horizontal rule that make them the borders of a row.
constexpr size_t kMinBorderRun = 3;
// How far (pixels) the end of a vertical run may stop short of a rule it touches.
constexpr double kTouchPixels = 1.5;
// A vertical rule is beside a fill when it runs along this share of the fill's height.
constexpr double kEdgeCover = 0.6;
// A thin line is read through a mean 2 * kLineHalf + 1 pixels long along it, and its sides
// kSideNear and kSideFar pixels off it (the lighter of the two, for a line two pixels wide).
constexpr int kLineHalf = 3;
constexpr int kSideNear = 2, kSideFar = 3;
// A heavy or double rule (a thick line with a thin one beside it, as word processors draw "3D"
// and "thick-thin" borders) is at most this many times max_rule_points thick, and its two lines
// at most kDoubleRuleGap points apart.
constexpr double kBandFactor = 2.0;
constexpr double kDoubleRuleGap = 1.0;
// A dark component is a frame of heavy lines, not a fill, when lines no thicker than a band hold
// this share of its pixels and light area that no word covers makes up this share of the rest of
// its box (a dark fill shows light only in the letters set on it).
constexpr double kFrameLineShare = 0.9;
constexpr double kFrameLightShare = 0.25;

// The shades of the page, most common first: the background, then the candidates for fills.
// Counted on every other pixel of every other row: shades that matter cover areas.
std::vector<int> DominantShades(const GrayView& image, size_t min_pixels, int tolerance) {
  std::array<uint32_t, 256> count{};
  for (int y = 0; y < image.height; y += 2) {
    const uint8_t* row = image.data + static_cast<size_t>(y) * image.stride;
    for (int x = 0; x < image.width; x += 2) ++count[row[x]];
  }
  std::vector<int> levels;
  for (int level = 0; level < 256; ++level) {
    if (count[level] * 4 >= min_pixels) levels.push_back(level);
  }
  std::sort(levels.begin(), levels.end(), [&](int a, int b) { return count[a] > count[b]; });
  std::vector<int> shades;
  for (int level : levels) {
    const bool known = std::any_of(shades.begin(), shades.end(),
                                   [&](int k) { return std::abs(k - level) <= tolerance; });
    if (!known) shades.push_back(level);
    if (shades.size() == kMaxFillColors + 1) break;
  }
  return shades;
}

Rgb AsRgb(int shade) { return static_cast<Rgb>(shade * 0x010101); }

PixPtr NewMask(const GrayView& image) { return PixPtr(pixCreate(image.width, image.height, 1)); }

BBox ToPoints(int x, int y, int w, int h, double ppp) {
  return BBox{x / ppp, y / ppp, (x + w) / ppp, (y + h) / ppp};
}

// The bounding boxes of the connected components of a mask.
template <typename Fn>
void ForEachComponent(PIX* mask, Fn&& fn) {
  BoxaPtr boxes(pixConnCompBB(mask, 8));
  if (!boxes) return;
  const int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) == 0) fn(x, y, w, h);
  }
}

int ToPixels(double points, double ppp) {
  return std::max(1, static_cast<int>(std::lround(points * ppp)));
}

// The pixels of the words' boxes, less kTextInset of their height top and bottom (where a cell
// border may run).
std::vector<PixelRect> TextRects(const std::vector<BBox>& text, double ppp) {
  std::vector<PixelRect> rects;
  for (const BBox& t : text) {
    const double inset = kTextInset * (t.y1 - t.y0);
    const PixelRect r{static_cast<int>(std::floor(t.x0 * ppp)),
                      static_cast<int>(std::ceil((t.y0 + inset) * ppp)),
                      static_cast<int>(std::ceil(t.x1 * ppp)),
                      static_cast<int>(std::floor((t.y1 - inset) * ppp))};
    if (r.x1 > r.x0 && r.y1 > r.y0) rects.push_back(r);
  }
  return rects;
}

// The words' boxes as a mask the size of the image.
PixPtr TextMask(const GrayView& image, const std::vector<BBox>& text) {
  PixPtr mask(pixCreate(image.width, image.height, 1));
  if (!mask) return nullptr;
  const double ppp = image.pixels_per_point;
  for (const BBox& t : text) {
    const int x0 = static_cast<int>(std::floor(t.x0 * ppp)), y0 = static_cast<int>(t.y0 * ppp);
    const int x1 = static_cast<int>(std::ceil(t.x1 * ppp)), y1 = static_cast<int>(t.y1 * ppp);
    if (x1 > x0 && y1 > y0)
      pixSetInRect(mask.get(), BoxPtr(boxCreate(x0, y0, x1 - x0, y1 - y0)).get());
  }
  return mask;
}

l_int32 CountPixels(PIX* pix) {
  l_int32 count = 0;
  pixCountPixels(pix, &count, nullptr);
  return count;
}

// The pixels of `lines` in runs at least `run` long (across and down) and at most `band` thick.
PixPtr ThinRuns(PIX* lines, int run, int band) {
  PixPtr out(pixCreateTemplate(lines));
  if (!out) return nullptr;
  for (const bool vertical : {false, true}) {
    PixPtr runs(pixOpenBrick(nullptr, lines, vertical ? 1 : run, vertical ? run : 1));
    if (!runs) return nullptr;
    PixPtr thick(
        pixOpenBrick(nullptr, runs.get(), vertical ? band + 1 : 1, vertical ? 1 : band + 1));
    if (!thick) return nullptr;
    pixSubtract(runs.get(), runs.get(), thick.get());
    pixOr(out.get(), out.get(), runs.get());
  }
  return out;
}

// Whether the pixels set in `box` cover less of it than they leave clear, as a frame's lines do
// around its cells; a filled area covers most of its box. Cheap: it spares IsFrame the pieces of
// text and fills.
bool Encloses(PIX* box) {
  return 2 * static_cast<double>(CountPixels(box)) <
         static_cast<double>(pixGetWidth(box)) * pixGetHeight(box);
}

// Whether `component` (the box at (x, y) of `image` around a connected piece of a dark shade) is a
// frame of heavy lines drawn around cells rather than a filled area: the brick that finds fills
// holds in a line 3 points thick, and a border drawn that heavy would otherwise be a fill the size
// of its cell, and leave the search for rules. `text` is the mask of the words' boxes.
bool IsFrame(PIX* component, int x, int y, const GrayView& image, PIX* text, int run, int band) {
  PixPtr lines = ThinRuns(component, run, band);
  const l_int32 count = CountPixels(component);
  if (!lines || count == 0 || CountPixels(lines.get()) < kFrameLineShare * count) return false;
  const int w = pixGetWidth(component), h = pixGetHeight(component);
  long light = 0;
  for (int yy = 0; yy < h; ++yy) {
    const uint8_t* row = image.data + static_cast<size_t>(y + yy) * image.stride + x;
    for (int xx = 0; xx < w; ++xx) {
      l_uint32 in = 0, word = 0;
      pixGetPixel(component, xx, yy, &in);
      pixGetPixel(text, x + xx, y + yy, &word);
      light += in == 0 && word == 0 && row[xx] >= kDarkShade;
    }
  }
  return light >= kFrameLightShare * (static_cast<long>(w) * h - count);
}

// The image through a mean filter of half-width `half`, as plain rows of `image.width` bytes.
std::vector<uint8_t> Smoothed(const GrayView& image, int half) {
  PixPtr pix = GrayPix(image.data, image.width, image.height, image.stride);
  if (!pix) return {};
  PixPtr smooth(pixBlockconv(pix.get(), half, half));
  if (!smooth) return {};
  const int wpl = pixGetWpl(smooth.get());
  std::vector<uint8_t> out(static_cast<size_t>(image.width) * image.height);
  for (int y = 0; y < image.height; ++y) {
    const l_uint32* line = pixGetData(smooth.get()) + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) {
      out[static_cast<size_t>(y) * image.width + x] = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
    }
  }
  return out;
}

// Clears the inside of the words' boxes from `ink`, except for the long runs that pass through a
// box: the column rule beside a word set flush against it, or the row rule under a line of text
// set close above it, which the word's box (as OCR draws it) covers.
void LeaveOutText(PIX* ink, const std::vector<BBox>& text, double ppp,
                  const RasterOptions& options) {
  const std::vector<PixelRect> rects = TextRects(text, ppp);
  if (rects.empty()) return;
  PixPtr rules = RulesThroughBoxes(ink, rects, ppp, options);
  for (const PixelRect& r : rects) {
    pixClearInRect(ink, BoxPtr(boxCreate(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0)).get());
  }
  if (rules) pixOr(ink, ink, rules.get());
}

// Sets in `ink` the pixels of thin lines darker than the pixels on both their sides by `contrast`
// grey levels, each read through a mean along the line: a light rule beside or between fills on
// a scan, which the grain hides from a look at single pixels and the fill search's smoothing
// blends into the fill. Both sides must be lighter, so the edge of a fill is no line.
void MarkThinLines(const GrayView& image, int contrast, PIX* ink) {
  constexpr int n = 2 * kLineHalf + 1;
  static_assert(kSideFar <= kLineHalf);
  const int w = image.width, h = image.height;
  if (w < 2 * n || h < 2 * n) return;
  const auto row = [&](int y) { return image.data + static_cast<size_t>(y) * image.stride; };
  const int need = contrast * n;
  const int wpl = pixGetWpl(ink);
  l_uint32* const ink_data = pixGetData(ink);
  // down[x]: the sum of column x over rows y - kLineHalf .. y + kLineHalf;
  // across[r % n][x]: the sum of row r over columns x - kLineHalf .. x + kLineHalf.
  std::vector<int> down(static_cast<size_t>(w), 0);
  std::vector<std::vector<int>> across(n, std::vector<int>(static_cast<size_t>(w), 0));
  const auto sum_across = [&](int y) {
    std::vector<int>& out = across[static_cast<size_t>(y % n)];
    const uint8_t* r = row(y);
    int sum = 0;
    for (int x = 0; x < n; ++x) sum += r[x];
    for (int x = kLineHalf; x + kLineHalf < w; ++x) {
      out[static_cast<size_t>(x)] = sum;
      if (x + kLineHalf + 1 < w) sum += r[x + kLineHalf + 1] - r[x - kLineHalf];
    }
  };
  for (int y = 0; y < n - 1; ++y) {
    for (int x = 0; x < w; ++x) down[static_cast<size_t>(x)] += row(y)[x];
    sum_across(y);
  }
  const auto at = [](const std::vector<int>& v, int i) { return v[static_cast<size_t>(i)]; };
  for (int y = kLineHalf; y + kLineHalf < h; ++y) {
    const uint8_t* last = row(y + kLineHalf);
    for (int x = 0; x < w; ++x) down[static_cast<size_t>(x)] += last[x];
    sum_across(y + kLineHalf);
    const std::vector<int>& mid = across[static_cast<size_t>(y % n)];
    const auto above = [&](int d) -> const std::vector<int>& {
      return across[static_cast<size_t>((y - d) % n)];
    };
    const auto below = [&](int d) -> const std::vector<int>& {
      return across[static_cast<size_t>((y + d) % n)];
    };
    l_uint32* const line = ink_data + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = kLineHalf; x + kLineHalf < w; ++x) {
      const int left = std::max(at(down, x - kSideNear), at(down, x - kSideFar));
      const int right = std::max(at(down, x + kSideNear), at(down, x + kSideFar));
      const int up = std::max(at(above(kSideNear), x), at(above(kSideFar), x));
      const int low = std::max(at(below(kSideNear), x), at(below(kSideFar), x));
      if (std::min(left, right) - at(down, x) >= need || std::min(up, low) - at(mid, x) >= need) {
        SET_DATA_BIT(line, x);
      }
    }
    const uint8_t* first = row(y - kLineHalf);
    for (int x = 0; x < w; ++x) down[static_cast<size_t>(x)] -= first[x];
  }
}

// Whether a vertical rule runs beside x (within `gap`) along most of [y0, y1].
bool RuleBeside(const std::vector<BBox>& v_rules, double x, double y0, double y1, double gap) {
  double covered = 0;
  for (const BBox& v : v_rules) {
    if (x < v.x0 - gap || x > v.x1 + gap) continue;
    covered += std::max(0.0, std::min(v.y1, y1) - std::max(v.y0, y0));
  }
  return covered >= kEdgeCover * (y1 - y0);
}

// Adds the top and bottom edges of cell fills as horizontal rules, where fills side by side make
// one edge at least `min_length` long. A cell fill spans its cell's width: a vertical rule runs
// beside both its sides. (A bar drawn inside a cell does not, and its edges are no boundary.)
void AddFillEdges(Graphics* g, double min_length, double gap) {
  struct Edge {
    double y, x0, x1;
  };
  std::vector<Edge> edges;
  for (const Fill& f : g->fills) {
    const BBox& b = f.bbox;
    if ((f.color & 0xFF) < kDarkShade || !RuleBeside(g->v_rules, b.x0, b.y0, b.y1, gap) ||
        !RuleBeside(g->v_rules, b.x1, b.y0, b.y1, gap)) {
      continue;
    }
    edges.push_back(Edge{b.y0, b.x0, b.x1});
    edges.push_back(Edge{b.y1, b.x0, b.x1});
  }
  std::sort(edges.begin(), edges.end(),
            [](const Edge& a, const Edge& b) { return std::tie(a.y, a.x0) < std::tie(b.y, b.x0); });
  std::vector<bool> used(edges.size(), false);
  for (size_t i = 0; i < edges.size(); ++i) {
    if (used[i]) continue;
    // The edges at about this height, joined left to right across the rules between cells.
    std::vector<Edge> row;
    for (size_t j = i; j < edges.size() && edges[j].y - edges[i].y <= gap; ++j) {
      if (!used[j]) row.push_back(edges[j]), used[j] = true;
    }
    std::sort(row.begin(), row.end(), [](const Edge& a, const Edge& b) { return a.x0 < b.x0; });
    Edge run = row.front();
    const auto close_run = [&] {
      if (run.x1 - run.x0 >= min_length) g->h_rules.push_back(BBox{run.x0, run.y, run.x1, run.y});
    };
    for (size_t k = 1; k < row.size(); ++k) {
      if (row[k].x0 - run.x1 <= gap) {
        run.x1 = std::max(run.x1, row[k].x1);
      } else {
        close_run();
        run = row[k];
      }
    }
    close_run();
  }
}

}  // namespace

PixPtr RulesThroughBoxes(PIX* ink, std::span<const PixelRect> boxes, double ppp,
                         const RasterOptions& options) {
  PixPtr out(pixCreateTemplate(ink));
  if (!out) return nullptr;
  const int across = ToPixels(kLongRuleFactor * options.h_rule_points, ppp);
  const int down = ToPixels(kLongRuleFactor * options.v_rule_points, ppp);
  for (const bool vertical : {false, true}) {
    PixPtr runs(pixOpenCompBrick(nullptr, ink, vertical ? 1 : across, vertical ? down : 1));
    if (!runs) return nullptr;
    ForEachComponent(runs.get(), [&](int x, int y, int w, int h) {
      for (const PixelRect& r : boxes) {
        // A letter whose stem meets the rules of a cell above and below it makes one run with
        // them; the run must go on beyond the box, both ways, at least as far as the box is high.
        const int reach = r.y1 - r.y0;
        const bool through = vertical ? y <= r.y0 - reach && y + h >= r.y1 + reach
                                      : x <= r.x0 - reach && x + w >= r.x1 + reach;
        const int x0 = std::max(x, r.x0), x1 = std::min(x + w, r.x1);
        const int y0 = std::max(y, r.y0), y1 = std::min(y + h, r.y1);
        if (!through || x1 <= x0 || y1 <= y0) continue;
        pixRasterop(out.get(), x0, y0, x1 - x0, y1 - y0, PIX_PAINT, runs.get(), x0, y0);
      }
    });
  }
  return out;
}

Graphics AnalyzeRaster(const GrayView& image, const std::vector<BBox>& text,
                       const RasterOptions& options) {
  Graphics g;
  if (image.data == nullptr || image.width <= 0 || image.height <= 0) return g;
  // What the fill search reads: the image, or a smoothed copy of it.
  std::vector<uint8_t> smoothed;
  if (options.fill_smoothing > 0) smoothed = Smoothed(image, options.fill_smoothing);
  GrayView fills_view = image;
  if (!smoothed.empty())
    fills_view =
        GrayView{smoothed.data(), image.width, image.height, image.width, image.pixels_per_point};
  const double ppp = image.pixels_per_point;
  const int brick = ToPixels(options.min_fill_points, ppp);
  const int margin = static_cast<int>(std::lround(options.fill_margin_points * ppp));
  const int tol = options.color_tolerance;

  const std::vector<int> shades =
      DominantShades(fills_view, static_cast<size_t>(brick) * brick * 2, options.color_tolerance);
  if (shades.empty()) return g;
  const int background = shades.front();
  g.background = AsRgb(background);

  // The shade of each level (0 = background, -1 = none), then one pass: the pixels of each fill
  // shade, and every pixel that is not background.
  // A level belongs to the nearest shade within the tolerance: two fills a few levels apart keep
  // their pixels apart.
  std::array<int, 256> shade_of{};
  for (int level = 0; level < 256; ++level) {
    shade_of[level] = -1;
    int best = tol + 1;
    for (size_t c = 0; c < shades.size(); ++c) {
      const int distance = std::abs(shades[c] - level);
      if (distance < best) {
        best = distance;
        shade_of[level] = static_cast<int>(c);
      }
    }
  }
  std::vector<PixPtr> masks;
  for (size_t c = 0; c < shades.size(); ++c) masks.push_back(NewMask(image));
  PixPtr ink = NewMask(image);
  const int wpl = pixGetWpl(ink.get());
  std::vector<l_uint32*> data;
  for (const PixPtr& m : masks) data.push_back(pixGetData(m.get()));
  l_uint32* ink_data = pixGetData(ink.get());
  for (int y = 0; y < image.height; ++y) {
    const uint8_t* row = image.data + static_cast<size_t>(y) * image.stride;
    const uint8_t* fill_row = fills_view.data + static_cast<size_t>(y) * fills_view.stride;
    const size_t line = static_cast<size_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) {
      if (shade_of[row[x]] != 0) SET_DATA_BIT(ink_data + line, x);
      const int shade = shade_of[fill_row[x]];
      if (shade > 0) SET_DATA_BIT(data[static_cast<size_t>(shade)] + line, x);
    }
  }

  // Fills: the solid areas of each shade (text strokes and thin lines do not hold the brick).
  // A dark one may be a frame of heavy rules instead, which stays in the search for rules.
  const int band = ToPixels(kBandFactor * options.max_rule_points, ppp);
  PixPtr text_mask;
  for (size_t c = 1; c < shades.size(); ++c) {
    PixPtr opened(pixOpenBrick(nullptr, masks[c].get(), brick, brick));
    if (!opened) continue;
    const bool dark = shades[c] < kDarkShade;
    ForEachComponent(opened.get(), [&](int x, int y, int w, int h) {
      const int cell = kMinFillBricks * brick;
      if (dark && w >= cell && h >= cell) {
        // The component's box (other pieces of the shade in it are read with it: a frame's
        // box holds the frames of its inner cells, as lines too).
        PixPtr box(pixClipRectangle(opened.get(), BoxPtr(boxCreate(x, y, w, h)).get(), nullptr));
        if (box && Encloses(box.get())) {
          if (!text_mask) text_mask = TextMask(image, text);
          if (text_mask && IsFrame(box.get(), x, y, image, text_mask.get(), cell, band)) return;
        }
      }
      g.fills.push_back(Fill{ToPoints(x, y, w, h, ppp), AsRgb(shades[c])});
      // A spot smaller than a cell may be where strokes of dark text meet a rule: the rule stays.
      // In the shade of text and rules, a spot narrower or lower than a cell is one too (the bar
      // of an "e" set against a rule, on a page drawn without anti-aliasing).
      if (dark ? (w < cell || h < cell) : (w < cell && h < cell)) return;
      // In and around a fill, its shade is fill even where the brick did not fit: between the
      // letters of a label, and in the strip between a cell's border and a label set close under
      // it. Left in, those slivers would read as short rules, or thicken the border into a bar.
      const int x0 = std::max(0, x - margin), x1 = std::min(image.width, x + w + margin);
      const int y0 = std::max(0, y - margin), y1 = std::min(image.height, y + h + margin);
      for (int yy = y0; yy < y1; ++yy) {
        const size_t line = static_cast<size_t>(yy) * wpl;
        for (int xx = x0; xx < x1; ++xx) {
          if (GET_DATA_BIT(data[c] + line, xx)) CLEAR_DATA_BIT(ink_data + line, xx);
        }
      }
    });
  }

  if (options.thin_line_contrast > 0) MarkThinLines(image, options.thin_line_contrast, ink.get());
  // Rules: what is neither background nor fill nor text, kept where it runs long and thin.
  LeaveOutText(ink.get(), text, ppp, options);
  FindRuleLines(ink.get(), ppp, options, &g.h_rules, &g.v_rules);
  if (options.fill_edges_are_rules)
    AddFillEdges(&g, options.h_rule_points, options.max_rule_points);
  return g;
}

void SplitFillsAtRowRules(Graphics* g, double gap) {
  std::vector<Fill> split;
  std::vector<BBox> hidden;  // the rules' pieces across the fills
  for (const Fill& f : g->fills) {
    // The heights (top, bottom of the rule) at which the fill is cut, top to bottom.
    std::vector<std::pair<double, double>> cuts;
    for (const BBox& left : g->h_rules) {
      const double y = (left.y0 + left.y1) / 2;
      if (y <= f.bbox.y0 + gap || y >= f.bbox.y1 - gap) continue;
      if (left.x0 >= f.bbox.x0 || left.x1 < f.bbox.x0 - gap) continue;
      const bool right = std::any_of(g->h_rules.begin(), g->h_rules.end(), [&](const BBox& r) {
        return r.x1 > f.bbox.x1 && r.x0 <= f.bbox.x1 + gap &&
               std::abs((r.y0 + r.y1) / 2 - y) <= gap;
      });
      if (right) cuts.emplace_back(left.y0, left.y1);
    }
    std::sort(cuts.begin(), cuts.end());
    Fill piece = f;
    for (const auto& [top, bottom] : cuts) {
      if (top <= piece.bbox.y0) continue;
      Fill above = piece;
      above.bbox.y1 = top;
      split.push_back(above);
      hidden.push_back(BBox{f.bbox.x0, top, f.bbox.x1, bottom});
      piece.bbox.y0 = std::max(piece.bbox.y0, bottom);
    }
    split.push_back(piece);
  }
  g->fills = std::move(split);
  g->h_rules.insert(g->h_rules.end(), hidden.begin(), hidden.end());
}

void FindRuleLines(PIX* ink, double ppp, const RasterOptions& options, std::vector<BBox>* h_rules,
                   std::vector<BBox>* v_rules) {
  const int max_thick = ToPixels(options.max_rule_points, ppp);
  const int band = ToPixels(kBandFactor * options.max_rule_points, ppp);
  // The two lines of a double rule are one rule: the gap between them is closed across them.
  const int gap = ToPixels(kDoubleRuleGap, ppp) + 1;
  const double shortest =
      options.short_v_rule_points > 0 ? options.short_v_rule_points : options.v_rule_points;
  std::vector<PixelRect> across, down;  // runs no thicker than a band
  for (const bool vertical : {false, true}) {
    PixPtr closed(pixCloseSafeBrick(nullptr, ink, vertical ? gap : 1, vertical ? 1 : gap));
    if (!closed) return;
    const int length = ToPixels(vertical ? shortest : options.h_rule_points, ppp);
    PixPtr runs(
        pixOpenCompBrick(nullptr, closed.get(), vertical ? 1 : length, vertical ? length : 1));
    if (!runs) return;
    ForEachComponent(runs.get(), [&](int x, int y, int w, int h) {
      if ((vertical ? w : h) <= band) (vertical ? down : across).push_back({x, y, x + w, y + h});
    });
  }
  // A run thicker than a rule is a heavy rule only in a frame of heavy lines: where runs the other
  // way meet both its ends, one of them heavy too (a rendering may draw the same heavy rule a
  // pixel thinner in places). A bar drawn inside a cell (a Gantt bar) ends in the open or at
  // thin column rules.
  const auto heavy = [&](const PixelRect& r, bool vertical) {
    return (vertical ? r.x1 - r.x0 : r.y1 - r.y0) > max_thick;
  };
  const auto framed = [&](const PixelRect& r, bool vertical) {
    // 0: no run the other way meets `end`; 1: thin ones only; 2: a heavy one.
    const auto meets = [&](int end) {
      int best = 0;
      for (const PixelRect& o : vertical ? across : down) {
        const bool touch = vertical ? end >= o.y0 - 1 && end <= o.y1 && r.x0 < o.x1 && r.x1 > o.x0
                                    : end >= o.x0 - 1 && end <= o.x1 && r.y0 < o.y1 && r.y1 > o.y0;
        if (touch) best = std::max(best, heavy(o, !vertical) ? 2 : 1);
      }
      return best;
    };
    const int first = meets(vertical ? r.y0 : r.x0), last = meets(vertical ? r.y1 - 1 : r.x1 - 1);
    return first > 0 && last > 0 && first + last >= 3;
  };
  const size_t first_h = h_rules->size();
  for (const PixelRect& r : across) {
    if (!heavy(r, false) || framed(r, false))
      h_rules->push_back(ToPoints(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, ppp));
  }
  const std::span<const BBox> rows(h_rules->data() + first_h, h_rules->size() - first_h);
  // The horizontal rule an end of a vertical run at (x, y) touches (the run continues into its
  // ink), or -1.
  const double reach = kTouchPixels / ppp;
  const auto rule_at = [&](double x, double y) {
    for (size_t i = 0; i < rows.size(); ++i) {
      const BBox& r = rows[i];
      if (x >= r.x0 && x <= r.x1 && y >= r.y0 - reach && y <= r.y1 + reach) {
        return static_cast<int>(i);
      }
    }
    return -1;
  };
  // A short vertical run is a rule too where a low row (the month letters under "CALENDARIO")
  // has its borders: when it joins two horizontal rules, or when it is one of at least
  // kMinBorderRun runs hanging from the same side of one rule (the row's other rule may be too
  // light to show). A letter's stem does neither.
  const int tall = ToPixels(options.v_rule_points, ppp);
  std::map<std::pair<int, bool>, std::vector<BBox>> hanging;  // (rule, below it) → runs
  for (const PixelRect& r : down) {
    if (heavy(r, true) && !framed(r, true)) continue;
    const int h = r.y1 - r.y0;
    const BBox box = ToPoints(r.x0, r.y0, r.x1 - r.x0, h, ppp);
    const double mid = (box.x0 + box.x1) / 2;
    const int top = h >= tall ? -1 : rule_at(mid, box.y0);
    const int bottom = h >= tall ? -1 : rule_at(mid, box.y1);
    if (h >= tall || (top >= 0 && bottom >= 0)) {
      v_rules->push_back(box);
    } else if (top >= 0) {
      hanging[{top, true}].push_back(box);
    } else if (bottom >= 0) {
      hanging[{bottom, false}].push_back(box);
    }
  }
  for (const auto& [rule, runs] : hanging) {
    if (runs.size() >= kMinBorderRun) v_rules->insert(v_rules->end(), runs.begin(), runs.end());
  }
}

}  // namespace oplex
