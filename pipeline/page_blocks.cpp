#include "pipeline/page_blocks.h"

#include <algorithm>
#include <deque>
#include <future>
#include <variant>

#include "pipeline/decode/image_decoder.h"
#include "pipeline/decode/legible_text.h"
#include "pipeline/layout/pdf_layout.h"

namespace oplex {
namespace {

// A text layer with fewer characters than this may not hold the page's text: a scan with a
// stamped page number or title, or a page with no text at all. It does not when more than this
// share of the page is inked outside its words (a cover with a title and nothing else is read
// from its text layer).
constexpr size_t kThinTextChars = 25;
constexpr double kScanInk = 0.002;

Result<bool> NeedsOcr(PdfDocument& pdf, const Page& page, OcrMode mode) {
  if (mode == OcrMode::kNever) return false;
  if (mode == OcrMode::kAlways) return true;
  size_t chars = 0;
  for (const Word& w : page.words) chars += w.text.size();
  if (chars >= kThinTextChars) return false;
  auto ink = pdf.InkBeyondText(page);
  if (!ink.ok()) return ink.status();
  return *ink > kScanInk;
}

// Pages on their way to layout, in page order: pages read already, and pages with the OCR
// workers. At most `window` pages wait at once, which bounds the page images in memory.
class PageQueue {
 public:
  PageQueue(size_t window, PageBlocks* out, const PageLaidOut& on_page,
            const BlocksSettled& on_blocks)
      : window_(window), out_(out), on_page_(on_page), on_blocks_(on_blocks) {}

  Status Add(Page page) {
    queue_.emplace_back(std::move(page));
    return Release(/*all=*/false);
  }
  Status Add(std::future<Result<Page>> page) {
    queue_.emplace_back(std::move(page));
    return Release(/*all=*/false);
  }
  Status Finish() {
    if (Status s = Release(/*all=*/true); !s.ok()) return s;
    if (on_blocks_) {
      on_blocks_(layout_.Finish());
    } else {
      out_->blocks = layout_.Finish();
    }
    return Status::Ok();
  }

 private:
  using Pending = std::variant<Page, std::future<Result<Page>>>;

  static bool Ready(const Pending& p) {
    const auto* f = std::get_if<std::future<Result<Page>>>(&p);
    return f == nullptr || f->wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }

  // Lays out the pages at the front that are done, waiting for the first while too many wait
  // (or all of them, at the end).
  Status Release(bool all) {
    while (!queue_.empty() && (all || queue_.size() > window_ || Ready(queue_.front()))) {
      Pending front = std::move(queue_.front());
      queue_.pop_front();
      Page page;
      if (auto* f = std::get_if<std::future<Result<Page>>>(&front)) {
        Result<Page> read = f->get();
        if (!read.ok()) return read.status();
        page = std::move(*read);
      } else {
        page = std::move(std::get<Page>(front));
      }
      if (page.ocr) ++out_->ocr_pages;
      out_->notes.insert(out_->notes.end(), page.notes.begin(), page.notes.end());
      layout_.AddPage(page);
      if (on_page_) on_page_(++laid_out_);
      if (on_blocks_) {
        if (std::vector<Block> settled = layout_.TakeSettled(); !settled.empty()) {
          on_blocks_(std::move(settled));
        }
      }
    }
    return Status::Ok();
  }

  size_t window_;
  PageBlocks* out_;
  const PageLaidOut& on_page_;
  const BlocksSettled& on_blocks_;
  int laid_out_ = 0;
  PdfLayout layout_;
  std::deque<Pending> queue_;
};

size_t Window(const OcrPool* ocr) { return ocr != nullptr ? ocr->workers() + 1 : 1; }

Status CheckPages(const std::string& name, int count, const std::set<int>& pages) {
  if (pages.empty() || *pages.rbegin() <= count) return Status::Ok();
  return Status::InvalidInput(name + ": has " + std::to_string(count) + " pages, no page " +
                              std::to_string(*pages.rbegin()));
}

}  // namespace

Result<PageBlocks> ReadPdfBlocks(std::string_view bytes, const std::string& name,
                                 PdfOptions options, OcrPool* ocr, const std::set<int>& pages,
                                 const PageLaidOut& on_page, const BlocksSettled& on_blocks) {
  auto pdf = PdfDocument::Open(bytes, name, options);
  if (!pdf.ok()) return pdf.status();
  return ReadPdfBlocks(*pdf, name, ocr, pages, on_page, on_blocks);
}

Result<PageBlocks> ReadPdfBlocks(PdfDocument& pdf, const std::string& name, OcrPool* ocr,
                                 const std::set<int>& pages, const PageLaidOut& on_page,
                                 const BlocksSettled& on_blocks) {
  if (Status s = CheckPages(name, pdf.page_count(), pages); !s.ok()) return s;
  const OcrMode mode = ocr != nullptr ? ocr->options().mode : OcrMode::kNever;
  PageBlocks out;
  out.page_count = pdf.page_count();
  PageQueue queue(Window(ocr), &out, on_page, on_blocks);
  int read = 0, damaged = 0;
  for (int number = 1; number <= pdf.page_count(); ++number) {
    if (!pages.empty() && pages.count(number) == 0) continue;
    auto page = pdf.ReadPage(number);
    if (!page.ok()) return page.status();
    ++read;
    // A text layer that spells no text (legible_text.h) is read by OCR, or not at all.
    const bool unreadable = !SpellsText(page->words);
    if (unreadable) {
      page->words.clear();
      out.notes.push_back(
          PageNote{number, "text_unreadable", "pdf",
                   "its text layer spells no text (its fonts map their glyphs to no letters): " +
                       std::string(mode == OcrMode::kNever ? "OCR is off, so nothing on it was read"
                                                           : "it was read by OCR")});
    }
    bool read_by_ocr = unreadable && mode != OcrMode::kNever;
    if (!unreadable) {
      auto needs_ocr = NeedsOcr(pdf, *page, mode);
      if (!needs_ocr.ok()) return needs_ocr.status();
      read_by_ocr = *needs_ocr;
    }
    Status added = Status::Ok();
    if (read_by_ocr) {
      auto image = pdf.RenderGray(number, ocr->options().dpi);
      if (!image.ok()) return image.status();
      const int dpi = pixGetXRes(image->get());
      added = queue.Add(ocr->Read(std::move(*image), dpi, number));
    } else {
      // A damaged page OCR reads is read; one left to an empty text layer is not.
      damaged += page->words.empty() &&
                 std::any_of(page->notes.begin(), page->notes.end(),
                             [](const PageNote& n) { return n.code == "page_damaged"; });
      added = queue.Add(std::move(*page));
    }
    if (!added.ok()) return added;
  }
  if (damaged == read) {
    return Status::Corruption(name + ": no page could be read (poppler reported errors in the " +
                              "content of every page; the PDF is damaged)");
  }
  if (Status s = queue.Finish(); !s.ok()) return s;
  return out;
}

Result<PageBlocks> ReadImageBlocks(std::string_view bytes, const std::string& name, OcrPool* ocr,
                                   const std::set<int>& pages, const PageLaidOut& on_page,
                                   const BlocksSettled& on_blocks) {
  if (ocr == nullptr || ocr->options().mode == OcrMode::kNever) {
    return Status::NotSupported(name + ": an image can only be read by OCR, which is off");
  }
  auto image = ImageFile::Open(bytes, name);
  if (!image.ok()) return image.status();
  if (Status s = CheckPages(name, image->page_count(), pages); !s.ok()) return s;
  PageBlocks out;
  out.page_count = image->page_count();
  PageQueue queue(Window(ocr), &out, on_page, on_blocks);
  for (int number = 1; number <= image->page_count(); ++number) {
    auto next = image->NextPage(ocr->options().dpi);
    if (!next.ok()) return next.status();
    if (!pages.empty() && pages.count(number) == 0) continue;
    if (next->dpi < next->file_dpi) {
      out.notes.push_back(PageNote{
          number, "page_too_large", "ocr",
          "the page image is larger than " +
              std::to_string(static_cast<int>(kMaxPagePixels / 1e6)) +
              " million pixels: it was read at " + std::to_string(next->dpi) + " DPI instead of " +
              std::to_string(next->file_dpi) + "; the smallest print may be missed"});
    }
    if (Status s = queue.Add(ocr->Read(std::move(next->image), next->dpi, number)); !s.ok()) {
      return s;
    }
  }
  if (Status s = queue.Finish(); !s.ok()) return s;
  return out;
}

Result<std::vector<PageTables>> ReadTables(std::string_view bytes, const std::string& name,
                                           OcrPool* ocr, const std::set<int>& pages,
                                           const std::string& password) {
  auto read = [&]() -> Result<PageBlocks> {
    if (LooksLikeImage(bytes)) return ReadImageBlocks(bytes, name, ocr, pages);
    PdfOptions options;
    options.always_render = true;
    options.password = password;
    return ReadPdfBlocks(bytes, name, options, ocr, pages);
  }();
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
