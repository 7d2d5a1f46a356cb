// Sauvola's adaptive threshold of a grey page, in one pass.
//
// Each pixel is ink when it is darker than t = m * (1 - k * (1 - s / 128)), where m and s are the
// mean and standard deviation of the grey levels in the square window around it (2 * half + 1
// pixels a side; beyond the page's edges the page is mirrored). The result is bit for bit that
// of Leptonica's pixSauvolaBinarize with a mirrored border, and of its tiled form: the same
// truncations to whole levels, in the same precision (tests/sauvola_test.cpp checks it).
// Leptonica copies each tile with a mirrored border and builds five images of it (two
// accumulators, one of them in doubles, the means, the mean squares, the thresholds); this keeps
// one window of column sums as it goes down the page, so a 300 DPI page binarizes about three
// times faster.
#pragma once

#include "pipeline/decode/pix.h"

namespace oplex {

// `gray` is 8 bpp without a colour map, at least 2 * half + 3 pixels wide and tall; `half` >= 2
// and `factor` >= 0. Null when those do not hold, or without memory.
PixPtr SauvolaBinarize(PIX* gray, int half, float factor);

}  // namespace oplex
