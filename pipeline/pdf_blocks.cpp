#include "pipeline/pdf_blocks.h"

#include "pipeline/layout/pdf_layout.h"

namespace oplex {

Result<PdfBlocks> ReadPdfBlocks(std::string_view bytes, const std::string& name, PdfOptions options,
                                const std::set<int>& pages) {
  auto pdf = PdfDocument::Open(bytes, name, options);
  if (!pdf.ok()) return pdf.status();
  if (!pages.empty() && *pages.rbegin() > pdf->page_count()) {
    return Status::InvalidInput(name + ": has " + std::to_string(pdf->page_count()) +
                                " pages, no page " + std::to_string(*pages.rbegin()));
  }
  PdfLayout layout;
  for (int number = 1; number <= pdf->page_count(); ++number) {
    if (!pages.empty() && pages.count(number) == 0) continue;
    auto page = pdf->ReadPage(number);
    if (!page.ok()) return page.status();
    layout.AddPage(*page);
  }
  return PdfBlocks{pdf->page_count(), layout.Finish()};
}

Result<std::vector<PageTables>> ReadPdfTables(std::string_view bytes, const std::string& name,
                                              const std::set<int>& pages) {
  PdfOptions options;
  options.always_render = true;
  auto read = ReadPdfBlocks(bytes, name, options, pages);
  if (!read.ok()) return read.status();
  std::vector<PageTables> out;
  for (Block& block : read->blocks) {
    if (block.kind != BlockKind::kTable || block.rows.empty()) continue;
    const int page = block.rows.front().page.value_or(0);
    if (out.empty() || out.back().page != page) out.push_back(PageTables{page, {}});
    out.back().tables.push_back(std::move(block));
  }
  return out;
}

}  // namespace oplex
