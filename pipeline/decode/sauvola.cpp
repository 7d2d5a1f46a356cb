#include "pipeline/decode/sauvola.h"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace oplex {
namespace {

// The line a window reaches at line `i` of `n`, the page mirrored at its edges (-1 is 0, n is
// n - 1), as Leptonica's pixAddMirroredBorder mirrors it.
int Mirrored(int i, int n) { return i < 0 ? -1 - i : (i >= n ? 2 * n - 1 - i : i); }

// The page's lines as plain bytes, each with `half` mirrored pixels on either side, and lines
// above and below the page mirrored too. Each line is unpacked once and held while the window
// holds it: the window's lines span at most 2 * half + 2 lines of the page, so a line's slot (its
// number modulo that) is not wanted by another line until it has left the window.
class WindowLines {
 public:
  WindowLines(PIX* gray, int half)
      : gray_(gray),
        half_(half),
        span_(pixGetWidth(gray) + 2 * half),
        held_(static_cast<size_t>(2 * half + 2), -1),
        bytes_(held_.size() * static_cast<size_t>(span_)) {}

  // Line `y` (any number: mirrored into the page), `span` bytes from its left border.
  const uint8_t* At(int y) {
    const int line = Mirrored(y, pixGetHeight(gray_));
    const size_t slot = static_cast<size_t>(line) % held_.size();
    uint8_t* bytes = bytes_.data() + slot * static_cast<size_t>(span_);
    if (held_[slot] != line) {
      Unpack(line, bytes);
      held_[slot] = line;
    }
    return bytes;
  }

 private:
  void Unpack(int line, uint8_t* bytes) const {
    const int w = pixGetWidth(gray_);
    const l_uint32* data = pixGetData(gray_) + static_cast<ptrdiff_t>(line) * pixGetWpl(gray_);
    for (int x = 0; x < w; ++x) bytes[half_ + x] = static_cast<uint8_t>(GET_DATA_BYTE(data, x));
    for (int j = 0; j < half_; ++j) {
      bytes[half_ - 1 - j] = bytes[half_ + j];
      bytes[half_ + w + j] = bytes[half_ + w - 1 - j];
    }
  }

  PIX* gray_;
  int half_, span_;
  std::vector<int> held_;  // the line each slot holds; -1: none
  std::vector<uint8_t> bytes_;
};

// Leptonica's mean of a window of `side` x `side` levels from their sum: in single precision,
// truncated.
class Mean {
 public:
  explicit Mean(int side) : norm_(static_cast<float>(1.0 / (static_cast<float>(side) * side))) {}
  int operator()(uint32_t sum) const {
    return static_cast<uint8_t>(norm_ * static_cast<float>(sum));
  }

 private:
  float norm_;
};

// The mean grows with the window's sum: entry g is the least sum whose mean is above g. While the
// factor is at most 1 the threshold is at most the mean, so a pixel is paper when its window's
// sum is below its own level's entry, without the deviation's square root: most of a page. With a
// larger factor the threshold may pass the mean, and every entry is 0.
std::array<uint32_t, 256> PaperBelow(const Mean& mean_of, int side, float factor) {
  std::array<uint32_t, 256> below{};
  if (factor > 1.0f) return below;
  const uint32_t most = static_cast<uint32_t>(side) * static_cast<uint32_t>(side) * 255;
  for (int g = 0; g < 256; ++g) {
    uint32_t low = 0, high = most + 1;
    while (low < high) {
      const uint32_t mid = low + (high - low) / 2;
      if (mean_of(mid) > g) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    below[g] = low;
  }
  return below;
}

}  // namespace

PixPtr SauvolaBinarize(PIX* gray, int half, float factor) {
  if (gray == nullptr || pixGetDepth(gray) != 8 || pixGetColormap(gray) != nullptr || half < 2 ||
      factor < 0.0f) {
    return nullptr;
  }
  const int w = pixGetWidth(gray), h = pixGetHeight(gray);
  if (w < 2 * half + 3 || h < 2 * half + 3) return nullptr;
  PixPtr binary(pixCreate(w, h, 1));
  if (!binary) return binary;
  pixCopyResolution(binary.get(), gray);
  const int side = 2 * half + 1, span = w + 2 * half;
  WindowLines lines(gray, half);

  const Mean mean_of(side);
  const std::array<uint32_t, 256> paper_below = PaperBelow(mean_of, side, factor);
  // Leptonica's mean square: in double precision, rounded.
  const double square_norm = 1.0 / (static_cast<float>(side) * side);
  // The sums down each column of the window, of levels and of their squares.
  std::vector<uint32_t> sums(static_cast<size_t>(span), 0), squares(static_cast<size_t>(span), 0);
  for (int y = -half; y <= half; ++y) {
    const uint8_t* enter = lines.At(y);
    for (int k = 0; k < span; ++k) {
      sums[k] += enter[k];
      squares[k] += static_cast<uint32_t>(enter[k]) * enter[k];
    }
  }
  const int wpl = pixGetWpl(binary.get());
  for (int y = 0; y < h; ++y) {
    const uint8_t* level = lines.At(y) + half;
    l_uint32* out = pixGetData(binary.get()) + static_cast<ptrdiff_t>(y) * wpl;
    uint32_t sum = 0;
    uint64_t square = 0;
    for (int k = 0; k < side; ++k) {
      sum += sums[k];
      square += squares[k];
    }
    for (int x = 0; x < w; ++x) {
      if (x > 0) {
        sum += sums[x + side - 1] - sums[x - 1];
        square += squares[x + side - 1];
        square -= squares[x - 1];
      }
      if (sum < paper_below[level[x]]) continue;
      const int mean = mean_of(sum);
      const auto mean_square =
          static_cast<int32_t>(square_norm * static_cast<double>(square) + 0.5);
      const int variance = mean_square - mean * mean;  // below 0 only by rounding
      const float deviation = variance > 0 ? std::sqrt(static_cast<float>(variance)) : 0.0f;
      const auto threshold = static_cast<uint8_t>(
          static_cast<int32_t>(mean * (1.0 - factor * (1.0 - deviation / 128.))));
      if (level[x] < threshold) out[x >> 5] |= 0x80000000u >> (x & 31);
    }
    if (y + 1 == h) break;
    // The window moves down a line.
    // The two lines are never in one slot: they are 2 * half + 1 lines apart in the page, or
    // mirrored at an edge, 2 to 2 * half apart.
    const uint8_t* enter = lines.At(y + half + 1);
    const uint8_t* leave = lines.At(y - half);
    for (int k = 0; k < span; ++k) {
      sums[k] += static_cast<uint32_t>(enter[k]) - leave[k];
      squares[k] +=
          static_cast<uint32_t>(enter[k]) * enter[k] - static_cast<uint32_t>(leave[k]) * leave[k];
    }
  }
  return binary;
}

}  // namespace oplex
