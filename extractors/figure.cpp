#include "extractors/figure.h"

#include "pipeline/normalize/join.h"
#include "pipeline/normalize/quantity.h"

namespace oplex {

std::optional<Figure> ParseFigure(const std::string& cell) {
  std::string text = PlainText(cell);
  if (text.empty()) return std::nullopt;
  // A Markdown export escapes the dollar sign: "\\$65,018" is "$65,018" on the page.
  for (size_t at = text.find("\\$"); at != std::string::npos; at = text.find("\\$", at)) {
    text.erase(at, 1);
  }
  Figure f;
  f.raw = text;
  if (!text.empty() && text.back() == '%') {
    f.percent = true;
    text.pop_back();
    while (!text.empty() && text.back() == ' ') text.pop_back();
  }
  // A difference or a deviation is signed.
  const bool negative = text.size() > 1 && text.front() == '-';
  if (negative) text.erase(0, 1);
  if (std::optional<Quantity> q = ParseQuantity(text); q && q->value) {
    f.value = negative ? -*q->value : *q->value;
  } else {
    f.percent = false;
  }
  return f;
}

}  // namespace oplex
