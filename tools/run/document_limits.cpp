#include "tools/run/document_limits.h"

#include <algorithm>

#include "pipeline/decode/image_decoder.h"
#include "pipeline/decode/pdf_decoder.h"

namespace oplex {
namespace {

int Scaled(int option, int base, int per_page, int pages) {
  if (option != kScaledLimit) return option;
  const long long limit = base + static_cast<long long>(per_page) * pages;
  return static_cast<int>(std::min<long long>(limit, 1 << 30));
}

}  // namespace

DocumentLimits LimitsFor(int timeout_option, int memory_option, int pages) {
  DocumentLimits limits;
  limits.pages = std::max(1, pages);
  limits.timeout_seconds = Scaled(timeout_option, kBaseSeconds, kSecondsPerPage, limits.pages);
  limits.max_memory_mb = Scaled(memory_option, kBaseMemoryMb, kMemoryMbPerPage, limits.pages);
  limits.scaled_time = timeout_option == kScaledLimit;
  limits.scaled_memory = memory_option == kScaledLimit;
  return limits;
}

int CountPages(const Source& source, const std::string& name) {
  const std::string& bytes = source.bytes;
  if (source.pdf_file || LooksLikePdf(bytes)) {
    auto pdf = source.pdf_file ? PdfDocument::OpenFile(*source.pdf_file, name)
                               : PdfDocument::Open(bytes, name);
    return pdf.ok() ? std::max(1, pdf->page_count()) : 1;
  }
  if (LooksLikeImage(bytes)) {
    auto image = ImageFile::Open(bytes, name);
    return image.ok() ? std::max(1, image->page_count()) : 1;
  }
  return 1;
}

}  // namespace oplex
