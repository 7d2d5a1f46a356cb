#include "extractors/provenance.h"

#include <algorithm>

namespace oplex {

double LowestConfidence(const Row& row) {
  double lowest = 1.0;
  for (const Cell& c : row.cells) lowest = std::min(lowest, c.confidence);
  return lowest;
}

Provenance RowsProvenance(const std::vector<const Row*>& rows, std::string_view extractor,
                          double confidence) {
  Provenance p;
  p.extractor = std::string(extractor);
  p.confidence = confidence;
  p.ocr_confidence = confidence;
  if (rows.empty()) return p;
  const Row& first = *rows.front();
  const Row& last = *rows.back();
  p.page = first.page;
  if (first.first_line > 0) p.line = first.first_line;
  if (last.last_line > first.first_line) p.last_line = last.last_line;
  for (const Row* r : rows) {
    if (r->bbox && r->page == first.page) p.bbox = p.bbox ? Union(*p.bbox, *r->bbox) : *r->bbox;
  }
  return p;
}

}  // namespace oplex
