#include "extractors/document_date.h"

#include <optional>
#include <string>

#include "extractors/sentences.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {
namespace {

// The date of a date line; nullopt when the paragraph is none.
std::optional<DateMention> DateLine(const Block& block) {
  if (block.kind != BlockKind::kParagraph) return std::nullopt;
  const std::string text = PlainText(block.text());
  if (text.size() > kDateLineMaxBytes) return std::nullopt;
  std::vector<DateMention> dates = FindDates(text, std::nullopt);
  if (dates.size() != 1 || dates.front().year_source != YearSource::kWritten) return std::nullopt;
  if (text.find_first_not_of(" .,;:", dates.front().end) != std::string::npos) return std::nullopt;
  return std::move(dates.front());
}

}  // namespace

void ExtractDocumentDate(const std::vector<Block>& blocks, Extraction* out) {
  const size_t opening = OpeningBlockCount(blocks);
  std::vector<size_t> candidates;
  for (size_t i = 0; i < opening; ++i) candidates.push_back(i);
  std::vector<size_t> closing;  // last first
  for (size_t i = blocks.size(); i > opening && closing.size() < kClosingParagraphs; --i) {
    if (blocks[i - 1].kind == BlockKind::kParagraph) closing.push_back(i - 1);
  }
  candidates.insert(candidates.end(), closing.rbegin(), closing.rend());
  for (size_t i : candidates) {
    std::optional<DateMention> date = DateLine(blocks[i]);
    if (!date) continue;
    if (date->date) {
      out->document.date = date->date->Iso();
      return;
    }
    Finding f;
    f.code = "date_invalid";
    f.message = "the document's date line names no real day: " + date->error;
    f.raw_text = date->raw;
    const Row& row = blocks[i].rows.front();
    f.provenance.page = row.page;
    f.provenance.line = row.first_line;
    f.provenance.bbox = row.bbox;
    f.provenance.extractor = kDocumentDateExtractor;
    out->findings.push_back(std::move(f));
    return;
  }
}

}  // namespace oplex
