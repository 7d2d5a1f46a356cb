// The PDF decoder: a born-digital PDF as Pages of Words, read one page at a time.
//
// Each page is read in one pass over its content stream (vector_page.h): its words, as
// poppler-cpp's text_list() gives them, with their box (points, top-left origin), font size,
// boldness (from the font name) and rotation (vertical month headers come back as 1 or 3), and
// the rules and fills it draws, with their colours. A page that may hold a table keeps its
// graphics: a page with vertical text, a line of many gaps (a header over narrow columns),
// several lines with wide gaps, or one that follows a page showing rules or fills (a table that
// goes on). Only a page whose text lies on pictures and that draws nothing is rendered, in grey
// at a low resolution, and analysed for ruling lines and fills (raster.h); pages are rendered
// for OCR too, through poppler-cpp.
//
// Pages are read on demand so that a 500-page document never has more than one page in memory.
// A PdfDocument reads the caller's bytes in place: they must outlive it. Not thread-safe: one
// PdfDocument per thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "models/status.h"
#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

class PDFDoc;
namespace poppler {
class document;
class page;
}  // namespace poppler

namespace oplex {

class PageTree;

// The most pixels a page is rendered with for OCR (a letter page at 300 DPI has 8.4 million, an
// A2 poster 35 million): OCR holds several copies of the page, and a page must stay within a
// few hundred MB. A larger page is rendered at the resolution that fits (an A2 poster at 200
// DPI).
constexpr double kMaxRenderPixels = 16e6;
// The most pixels a page is rendered with to look for rules and fills (a letter page at 72 DPI
// has 0.5 million, a 46-inch poster 11 million), and the least resolution worth looking at: a
// larger page is not looked at, with a page_too_large note.
constexpr double kMaxAnalysisPixels = 16e6;
constexpr double kMinAnalysisDpi = 18;

struct PdfOptions {
  double render_dpi = 72.0;    // resolution of a page rendered to look for rules and fills
  bool always_render = false;  // every page keeps its graphics (drawn or rendered)
  std::string password;        // opens a PDF encrypted with one (its user or owner password)
};

class PdfDocument {
 public:
  // Opens the PDF in `bytes`; `name` (usually the path) appears in error messages.
  // Errors, all naming the file:
  //   kCorruption    not a readable PDF (damaged beyond repair, garbage), or truncated (no
  //                  end-of-file marker near the end);
  //   kNotSupported  larger than 2 GiB;
  //   kInvalidInput  encrypted with a user password options.password does not match, or no
  //                  pages.
  // A PDF encrypted only with an owner password (restrictions, no password to open) is read.
  static Result<PdfDocument> Open(std::string_view bytes, std::string name,
                                  PdfOptions options = {});
  // The same, for a PDF poppler reads from `file` as it needs it (nothing held but what a page
  // asks for); `file` must stay as it is while the document lives.
  static Result<PdfDocument> OpenFile(const std::filesystem::path& file, std::string name,
                                      PdfOptions options = {});

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  int page_count() const;

  // Page `number` (1-based): its words in reading order, and its graphics when it may hold a
  // table. Its notes say when a page rendered for its rules, too large to render, was rendered at
  // a lower resolution or not at all (page_too_large), and when poppler reported errors in its
  // content (page_damaged: no text could be read, or what was may be incomplete).
  Result<Page> ReadPage(int number);

  // The share of the page (0..1) inked outside the boxes of its words: what a scan under a thin
  // text layer (a stamped page number) shows and the text layer does not say. `page` is the
  // page as ReadPage gave it.
  Result<double> InkBeyondText(const Page& page);

  // Page `number` as an 8-bit grey image at `dpi`, smoothed like a scan, for OCR. A page too
  // large for kMaxRenderPixels at `dpi` is rendered at the resolution that fits; the image
  // carries the resolution used (pixGetXRes). `turned`: as Page::turned, degrees clockwise
  // beyond the page's own rotation.
  Result<PixPtr> RenderGray(int number, int dpi, int turned = 0);

 private:
  PdfDocument(std::unique_ptr<PDFDoc> doc, std::string_view bytes, std::filesystem::path file,
              std::string name, PdfOptions options);
  // Checks what opened: readable, complete (`tail`, its last bytes, hold the end-of-file mark),
  // not locked, with pages.
  static Status CheckOpened(PDFDoc& doc, std::string_view tail, const std::string& name,
                            const PdfOptions& options);
  // Page `number` through poppler-cpp, which renders (its document opened on first use).
  Result<std::unique_ptr<poppler::page>> RenderablePage(int number);
  std::unique_ptr<PDFDoc> doc_;
  std::unique_ptr<PageTree> pages_;  // doc_'s pages, walked when the first is read
  std::string_view bytes_;           // the PDF in memory; or
  std::filesystem::path file_;       // the file it is read from
  std::unique_ptr<poppler::document> renderer_doc_;
  std::string name_;
  PdfOptions options_;
  int last_page_ = 0;               // the page read last
  bool last_had_graphics_ = false;  // and whether it showed rules or fills
};

// True when the bytes start like a PDF ("%PDF-", possibly after a little leading junk).
bool LooksLikePdf(std::string_view bytes);

}  // namespace oplex
