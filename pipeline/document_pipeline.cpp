#include "pipeline/document_pipeline.h"

#include "extractors/activity_table.h"
#include "extractors/stated_totals.h"
#include "pipeline/classify/classifier.h"
#include "pipeline/decode/text_decoder.h"
#include "pipeline/layout/text_layout.h"
#include "pipeline/pdf_blocks.h"
#include "pipeline/validate/validator.h"

namespace oplex {
namespace {

// Classification reads the opening of a document, where titles and issuers are.
constexpr size_t kLeadingLines = 80;

// What layout made of a document, whatever its format.
struct LaidOut {
  std::string source_format;
  std::optional<int> pages;
  std::vector<Block> blocks;
};

Result<LaidOut> LayOut(const std::filesystem::path& path, std::string_view bytes) {
  if (LooksLikePdf(bytes)) {
    auto pdf = ReadPdfBlocks(bytes, path.string(), PdfOptions{});
    if (!pdf.ok()) return pdf.status();
    return LaidOut{"pdf", pdf->page_count, std::move(pdf->blocks)};
  }
  auto decoded = DecodeText(bytes, path.string());
  if (!decoded.ok()) return decoded.status();
  return LaidOut{decoded->source_format, decoded->page_count, LayoutText(*decoded)};
}

std::vector<std::string> LeadingLines(const std::vector<Block>& blocks) {
  std::vector<std::string> lines;
  for (const Block& b : blocks) {
    for (const Row& r : b.rows) {
      std::string joined = r.Joined();
      if (!joined.empty()) lines.push_back(std::move(joined));
      if (lines.size() == kLeadingLines) return lines;
    }
  }
  return lines;
}

}  // namespace

Result<DocumentPipeline> DocumentPipeline::Load(const std::filesystem::path& data_dir) {
  auto vocab = Vocabulary::Load(data_dir);
  if (!vocab.ok()) return vocab.status();
  auto rules = ExtractionRules::Load(data_dir);
  if (!rules.ok()) return rules.status();
  return DocumentPipeline(std::move(*vocab), std::move(*rules));
}

Result<Extraction> DocumentPipeline::Process(const std::filesystem::path& path,
                                             std::string_view bytes, std::string sha256) const {
  auto laid_out = LayOut(path, bytes);
  if (!laid_out.ok()) return laid_out.status();
  const std::vector<Block>& blocks = laid_out->blocks;

  Extraction e;
  DocumentInfo& doc = e.document;
  doc.sha256 = std::move(sha256);
  doc.path = path.string();
  doc.source_format = laid_out->source_format;
  doc.pages = laid_out->pages;
  Classification c = Classify(LeadingLines(blocks), path.filename().string(), vocab_);
  doc.kind = c.kind;
  doc.institute = c.institute;
  doc.year = c.year;
  doc.period = c.period;
  doc.title = c.title;

  ExtractActivities(blocks, rules_, vocab_, &e);
  ExtractStatedTotals(blocks, rules_, &e);
  Validate(&e);
  return e;
}

}  // namespace oplex
