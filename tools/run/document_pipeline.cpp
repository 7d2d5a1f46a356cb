#include "tools/run/document_pipeline.h"

#include "extractors/activities.h"
#include "extractors/document_date.h"
#include "extractors/indicator_mapper.h"
#include "extractors/indicator_sheet.h"
#include "extractors/indicator_table.h"
#include "extractors/minutes_meeting.h"
#include "extractors/report_events.h"
#include "extractors/reporting_period.h"
#include "extractors/sentences.h"
#include "extractors/stated_totals.h"
#include "extractors/table/labelled_paragraphs.h"
#include "extractors/table_events.h"
#include "pipeline/classify/classifier.h"
#include "pipeline/decode/image_decoder.h"
#include "pipeline/decode/text_decoder.h"
#include "pipeline/layout/text_layout.h"
#include "pipeline/page_blocks.h"
#include "pipeline/validate/validator.h"
#include "tools/run/document_windows.h"
#include "tools/run/settled_records.h"

namespace oplex {
namespace {

// Classification reads the opening of a document, where titles and issuers are.
constexpr size_t kLeadingLines = 80;
// A few stray bytes get a finding each; a file full of them gets a count past these.
constexpr size_t kReplacedFindings = 20;

// What decoding could not read, page by page.
std::vector<Finding> PageFindings(const std::vector<PageNote>& notes) {
  std::vector<Finding> out;
  for (const PageNote& note : notes) {
    Finding f;
    f.code = note.code;
    f.message = "page " + std::to_string(note.page) + ": " + note.message;
    f.provenance.page = note.page;
    f.provenance.extractor = note.extractor;
    out.push_back(std::move(f));
  }
  return out;
}

// Findings for the bytes of a UTF-8 export that were not UTF-8: one per run, up to
// kReplacedFindings, then one that counts the rest.
std::vector<Finding> ReplacedBytesFindings(const std::vector<ReplacedBytes>& replaced) {
  std::vector<Finding> out;
  for (size_t i = 0; i < replaced.size() && i < kReplacedFindings; ++i) {
    Finding f;
    f.code = "bytes_replaced";
    f.message = "line " + std::to_string(replaced[i].line) + " (byte " +
                std::to_string(replaced[i].offset) + "): " + replaced[i].what + "; read as U+FFFD";
    f.provenance.line = replaced[i].line;
    f.provenance.extractor = "text";
    out.push_back(std::move(f));
  }
  if (replaced.size() > kReplacedFindings) {
    Finding f;
    f.code = "bytes_replaced";
    f.message = std::to_string(replaced.size() - kReplacedFindings) +
                " more runs of bytes that are not UTF-8 were read as U+FFFD";
    f.provenance.extractor = "text";
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<LeadingLine> LeadingLines(const std::vector<Block>& blocks) {
  std::vector<LeadingLine> lines;
  for (const Block& b : blocks) {
    for (const Row& r : b.rows) {
      std::string joined = r.Joined();
      const bool body = b.kind == BlockKind::kTable && &r != &b.rows.front();
      if (!joined.empty()) lines.emplace_back(std::move(joined), body);
      if (lines.size() == kLeadingLines) return lines;
    }
  }
  return lines;
}

}  // namespace

Result<DocumentPipeline> DocumentPipeline::Load(const std::filesystem::path& data_dir,
                                                OcrOptions ocr) {
  auto vocab = Vocabulary::Load(data_dir);
  if (!vocab.ok()) return vocab.status();
  auto rules = ExtractionRules::Load(data_dir);
  if (!rules.ok()) return rules.status();
  auto table_rules = TableRules::Load(data_dir, *rules);
  if (!table_rules.ok()) return table_rules.status();
  auto indicator_rules = IndicatorRules::Load(data_dir);
  if (!indicator_rules.ok()) return indicator_rules.status();
  auto event_rules = EventRules::Load(data_dir);
  if (!event_rules.ok()) return event_rules.status();
  auto taxonomy = Taxonomy::Load(data_dir);
  if (!taxonomy.ok()) return taxonomy.status();
  return DocumentPipeline(std::move(*vocab), std::move(*rules), std::move(*table_rules),
                          std::move(*indicator_rules), std::move(*event_rules),
                          std::move(*taxonomy), std::make_shared<OcrPool>(std::move(ocr)));
}

void DocumentPipeline::ExtractWindow(const std::vector<Block>& blocks, WindowPlace place,
                                     const std::filesystem::path& path, Opening* opening,
                                     Extraction* e) const {
  DocumentInfo& doc = e->document;
  if (place.first) {
    opening->classification =
        ClassifyOpening(LeadingLines(blocks), path.filename().string(), vocab_);
    opening->period = ReportingPeriod(blocks);
    const Classification& c = opening->classification;
    doc.kind = c.kind;
    doc.institute = c.institute;
    doc.year = c.year;
    doc.period = c.period;
    doc.title = c.title;
  }
  {
    // The typed tables (a copy of every table's cells) go once the indicators are read, before
    // the extractors that follow read the blocks again.
    const DocumentTables tables =
        ExtractActivities(blocks, rules_, table_rules_, vocab_, opening->classification.year, e);
    ClassifyByRecords(opening->classification, e);
    ExtractStatedTotals(blocks, rules_, e);
    const std::vector<const Row*> read =
        MapIndicators(tables.tables, opening->period, table_rules_, indicator_rules_, vocab_, e);
    ExtractIndicators(blocks, read, indicator_rules_, rules_, vocab_, e);
  }
  ReadIndicatorSheets(blocks, table_rules_, indicator_rules_, vocab_, e);
  if (place.first && place.last) {
    ExtractDocumentDate(blocks, e);
  } else if (place.first) {
    // The document's date line stands in its opening or among its last paragraphs: the opening
    // is read now, the last paragraphs once the document is (DocumentWindows::closing).
    const size_t findings = e->findings.size();
    const std::vector<Block> first_blocks(
        blocks.begin(),
        blocks.begin() + static_cast<long>(std::min(OpeningBlockCount(blocks), blocks.size())));
    ExtractDocumentDate(first_blocks, e);
    opening->dated = e->document.date.has_value() || e->findings.size() > findings;
  }
  if (place.first) ExtractMinutesMeeting(blocks, event_rules_, e);
  ExtractTableEvents(blocks, event_rules_, e);
  ExtractReportEvents(blocks, event_rules_, vocab_, e);
}

Result<Extraction> DocumentPipeline::Process(const std::filesystem::path& path, std::string bytes,
                                             std::string sha256, const std::set<int>& pages,
                                             const PageLaidOut& on_page) const {
  Source source;
  source.size = bytes.size();
  source.bytes = std::move(bytes);
  source.sha256 = std::move(sha256);
  Result<DocumentRead> read = Read(path, std::move(source), pages, on_page, /*spill_prefix=*/"");
  if (!read.ok()) return read.status();
  return std::move(read->extraction);
}

Result<DocumentRead> DocumentPipeline::Read(const std::filesystem::path& path, Source source,
                                            const std::set<int>& pages, const PageLaidOut& on_page,
                                            const std::string& spill_prefix) const {
  std::string& bytes = source.bytes;
  DocumentInfo identity;
  identity.sha256 = std::move(source.sha256);
  identity.path = path.string();
  SettledRecords settled(taxonomy_, spill_prefix, identity);
  Opening opening;
  DocumentWindows windows(
      window_pages_,
      [&](const std::vector<Block>& blocks, WindowPlace place, Extraction* e) {
        ExtractWindow(blocks, place, path, &opening, e);
      },
      [&](Extraction* e, const RecordCounts& before) { settled.Settle(e, before); },
      [this](const Block& paragraph) { return GoesOnARecord(paragraph, table_rules_); });
  auto take = [&](std::vector<Block> blocks) { windows.Add(std::move(blocks)); };
  std::string source_format;
  std::optional<int> page_count;
  std::vector<Finding> findings;  // what decoding could not read
  if (source.pdf_file || LooksLikePdf(bytes) || LooksLikeImage(bytes)) {
    Result<PageBlocks> read = [&]() -> Result<PageBlocks> {
      if (source.pdf_file) {
        auto pdf = PdfDocument::OpenFile(*source.pdf_file, path.string());
        if (!pdf.ok()) return pdf.status();
        return ReadPdfBlocks(*pdf, path.string(), ocr_.get(), pages, on_page, take);
      }
      if (LooksLikePdf(bytes)) {
        return ReadPdfBlocks(bytes, path.string(), PdfOptions{}, ocr_.get(), pages, on_page, take);
      }
      return ReadImageBlocks(bytes, path.string(), ocr_.get(), pages, on_page, take);
    }();
    if (!read.ok()) return read.status();
    // A PDF some of whose pages were scans says so: their records carry OCR confidences.
    source_format = source.pdf_file || LooksLikePdf(bytes)
                        ? (read->ocr_pages > 0 ? "pdf+ocr" : "pdf")
                        : "image";
    page_count = read->page_count;
    findings = PageFindings(read->notes);
  } else {
    auto decoded = DecodeText(bytes, path.string());
    if (!decoded.ok()) return decoded.status();
    source_format = decoded->source_format;
    page_count = decoded->page_count;
    findings = ReplacedBytesFindings(decoded->replaced);
    take(LayoutText(*decoded));
  }
  std::string().swap(bytes);  // read through: what is left to extract needs only the blocks
  DocumentRead out;
  Extraction& e = out.extraction;
  e = windows.Finish();
  DocumentInfo& doc = e.document;
  doc.sha256 = std::move(identity.sha256);
  doc.path = std::move(identity.path);
  doc.source_format = std::move(source_format);
  doc.pages = page_count;
  e.findings.insert(e.findings.begin(), std::make_move_iterator(findings.begin()),
                    std::make_move_iterator(findings.end()));
  if (windows.windowed()) {
    // Each window's activities were categorized and checked as it settled.
    if (!opening.dated) ExtractDocumentDate(windows.closing(), &e);
    ValidateDocument(&e);
    if (Status s = settled.Finish(&e); !s.ok())
      return WithContext(s, path.string() + ": not stored");
    out.spill = settled.TakeSpill();
  } else {
    ClassifyActivities(taxonomy_, &e);
    Validate(&e);
  }
  return out;
}

}  // namespace oplex
