// Text for the HTML report: escaping document text for HTML and inline SVG, and fitting it into
// SVG labels, which do not wrap on their own.
//
// Widths are estimated from DejaVu Sans, the widest of the usual system sans-serif fonts (and
// Debian's default), so a label that fits by this estimate fits in the fonts a reader's system
// picks. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oplex::cli {

// `text` with & < > " ' written as character references, and control characters other than
// tab and newline (which HTML does not allow) as spaces: safe in element content and in quoted
// attribute values, in HTML and inline SVG alike.
std::string HtmlEscape(std::string_view text);

// The estimated width of `text` (UTF-8) in pixels at `font_px`, in regular or bold weight.
double TextWidth(std::string_view text, double font_px, bool bold = false);

// `text` broken at spaces into at most `max_lines` lines no wider than `width_px`; a word wider
// than a line is broken inside. When the text does not fit, the last line ends with "…". Runs of
// white space count as one space.
std::vector<std::string> WrapText(std::string_view text, double width_px, double font_px, bool bold,
                                  size_t max_lines);

}  // namespace oplex::cli
