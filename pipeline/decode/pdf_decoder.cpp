#include "pipeline/decode/pdf_decoder.h"

#include <goo/GooString.h>
#include <poppler/Error.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <mutex>
#include <optional>

#include "pipeline/decode/page_tree.h"
#include "pipeline/decode/raster.h"
#include "pipeline/decode/vector_page.h"

namespace oplex {
namespace {

// A PDF ends with "%%EOF"; writers may add a few bytes after it, never kilobytes.
constexpr size_t kEofWindow = 2048;
// A page is rendered when this many lines show gaps wider than kColumnGapEm font sizes, or one
// line shows kHeaderGaps gaps wider than kHeaderGapEm (a header over narrow columns: E F M A…).
constexpr double kColumnGapEm = 2.0;
constexpr int kTabularLines = 3;
constexpr double kHeaderGapEm = 1.0;
constexpr int kHeaderGaps = 3;

// What poppler reported while this thread read a page. poppler reports through one global
// function, called on the thread that reads; a PdfDocument is read by one thread at a time.
struct PopplerReports {
  const std::string* document = nullptr;  // the file being read, to name it in the log
  int errors = 0;
  std::string first;  // the first message since the count was reset
};
thread_local PopplerReports t_poppler;

// A problem poppler reports (recoverable, on stderr by default): it belongs in the debug log,
// under the name of the file it is about, and counts against the page being read.
void Report(const std::string& message) {
  if (t_poppler.errors++ == 0) t_poppler.first = message;
  spdlog::debug("{}: poppler: {}",
                t_poppler.document != nullptr ? *t_poppler.document : "(no file)", message);
}

// poppler's core reports through one callback, set with the global parameters the core needs
// (poppler-cpp, which renders pages here, routes its own documents' reports to Report too).
void CoreMessage(ErrorCategory, Goffset position, const char* message) {
  Report((position >= 0 ? "error (" + std::to_string(position) + "): " : std::string("error: ")) +
         message);
}

void RoutePopplerMessages() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string& message, void*) { Report(message); },
                                      nullptr);
    static const GlobalParamsIniter core(&CoreMessage);
  });
}

// Counts poppler's reports from here to the end of the scope, for the document `name`.
class PopplerScope {
 public:
  explicit PopplerScope(const std::string& name) : outer_(std::move(t_poppler)) {
    t_poppler = PopplerReports{&name, 0, {}};
  }
  ~PopplerScope() { t_poppler = std::move(outer_); }
  PopplerScope(const PopplerScope&) = delete;
  PopplerScope& operator=(const PopplerScope&) = delete;
  int errors() const { return t_poppler.errors; }
  const std::string& first() const { return t_poppler.first; }

 private:
  PopplerReports outer_;
};

// Whether the words look like they include a table: lines with wide gaps between words.
bool LooksTabular(const std::vector<Word>& words) {
  std::vector<const Word*> sorted;
  for (const Word& w : words) {
    if (w.rotation % 2 == 1) return true;  // vertical text: a rotated table header
    sorted.push_back(&w);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Word* a, const Word* b) {
    return a->bbox.y0 + a->bbox.y1 < b->bbox.y0 + b->bbox.y1;
  });
  int tabular_lines = 0;
  for (size_t i = 0; i < sorted.size();) {
    const double center = (sorted[i]->bbox.y0 + sorted[i]->bbox.y1) / 2;
    const double half = std::max(1.0, (sorted[i]->bbox.y1 - sorted[i]->bbox.y0) * 0.4);
    size_t j = i;
    std::vector<const Word*> line;
    while (j < sorted.size() && (sorted[j]->bbox.y0 + sorted[j]->bbox.y1) / 2 - center <= half) {
      line.push_back(sorted[j++]);
    }
    std::sort(line.begin(), line.end(),
              [](const Word* a, const Word* b) { return a->bbox.x0 < b->bbox.x0; });
    int wide = 0, header = 0;
    // A PDF may draw the letters of narrow header cells as one word ("EFMAMJJASOND"): the gaps
    // between its glyphs count as gaps between words.
    for (const Word* w : line) {
      const double em = std::max(w->font_size, w->bbox.y1 - w->bbox.y0);
      for (size_t g = 1; g < w->glyphs.size(); ++g) {
        header += w->glyphs[g].x0 - w->glyphs[g - 1].x1 > kHeaderGapEm * em;
      }
    }
    for (size_t k = 1; k < line.size(); ++k) {
      const double em = std::max(line[k]->font_size, line[k]->bbox.y1 - line[k]->bbox.y0);
      const double gap = line[k]->bbox.x0 - line[k - 1]->bbox.x1;
      wide += gap > kColumnGapEm * em;
      header += gap > kHeaderGapEm * em;
    }
    if (header >= kHeaderGaps) return true;
    if (wide > 0 && ++tabular_lines >= kTabularLines) return true;
    i = j;
  }
  return false;
}

// The resolution that keeps `page` within `most` pixels at `dpi` or below.
double CappedDpi(const poppler::page& page, double dpi, double most) {
  const poppler::rectf box = page.page_rect();
  const double square_inches = box.width() * box.height() / (72.0 * 72.0);
  if (square_inches * dpi * dpi <= most) return dpi;
  return std::sqrt(most / square_inches);
}

std::string Inches(const poppler::page& page) {
  const poppler::rectf box = page.page_rect();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f x %.0f in", box.width() / 72.0, box.height() / 72.0);
  return buffer;
}

// poppler-cpp's name for a turn of `degrees` clockwise (0, 90, 180, 270).
poppler::rotation_enum Rotation(int degrees) {
  switch (degrees) {
    case 90:
      return poppler::rotate_90;
    case 180:
      return poppler::rotate_180;
    case 270:
      return poppler::rotate_270;
    default:
      return poppler::rotate_0;
  }
}

// The page's rules and fills, from a rendering at `dpi`, or at the lower resolution that keeps a
// poster-sized page within kMaxAnalysisPixels; a page that would need less than
// kMinAnalysisDpi is not rendered. Either is said in `notes`.
std::optional<Graphics> Render(const poppler::page& page, int number, int turned,
                               const std::vector<Word>& words, double dpi,
                               std::vector<PageNote>* notes) {
  const double capped = CappedDpi(page, dpi, kMaxAnalysisPixels);
  if (capped < kMinAnalysisDpi) {
    notes->push_back(PageNote{number, "page_too_large", "pdf",
                              "the page (" + Inches(page) +
                                  ") is too large to look for table rules and fills; its words "
                                  "are read without them"});
    return std::nullopt;
  }
  if (capped < dpi) {
    notes->push_back(PageNote{number, "page_too_large", "pdf",
                              "the page (" + Inches(page) + ") was rendered at " +
                                  std::to_string(static_cast<int>(capped)) + " DPI instead of " +
                                  std::to_string(static_cast<int>(dpi)) +
                                  " to look for table rules and fills; thin rules may be missed"});
    dpi = capped;
  }
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_line_mode(poppler::page_renderer::line_solid);
  poppler::image image = renderer.render_page(&page, dpi, dpi, -1, -1, -1, -1, Rotation(turned));
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) return std::nullopt;
  GrayView view;
  view.data = reinterpret_cast<const uint8_t*>(image.const_data());
  view.width = image.width();
  view.height = image.height();
  view.stride = image.bytes_per_row();
  view.pixels_per_point = dpi / 72.0;
  std::vector<BBox> text;
  for (const Word& w : words) text.push_back(w.bbox);
  return AnalyzeRaster(view, text);
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

PdfDocument::PdfDocument(std::unique_ptr<PDFDoc> doc, std::string_view bytes,
                         std::filesystem::path file, std::string name, PdfOptions options)
    : doc_(std::move(doc)),
      bytes_(bytes),
      file_(std::move(file)),
      name_(std::move(name)),
      options_(options) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Status PdfDocument::CheckOpened(PDFDoc& doc, std::string_view tail, const std::string& name,
                                const PdfOptions& options) {
  const bool locked = !doc.isOk() && doc.getErrorCode() == errEncrypted;
  if (!doc.isOk() && !locked) {
    return Status::Corruption(name + ": not a readable PDF (damaged, truncated or not a PDF)");
  }
  // poppler rebuilds a damaged cross-reference table, so a cut-off file may still open: its
  // last pages would be silently missing.
  if (tail.find("%%EOF") == std::string_view::npos) {
    return Status::Corruption(name + ": the PDF is truncated (no end-of-file marker)");
  }
  if (locked) {
    return Status::InvalidInput(name + (options.password.empty()
                                            ? ": the PDF is encrypted and needs a password to open"
                                            : ": the password does not open the PDF"));
  }
  if (doc.getNumPages() <= 0) return Status::InvalidInput(name + ": the PDF has no pages");
  return Status::Ok();
}

Result<PdfDocument> PdfDocument::Open(std::string_view bytes, std::string name,
                                      PdfOptions options) {
  RoutePopplerMessages();
  const PopplerScope reports(name);
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return Status::NotSupported(name + ": the PDF is larger than 2 GiB");
  }
  std::optional<GooString> password;
  if (!options.password.empty()) password.emplace(options.password);
  auto doc = std::make_unique<PDFDoc>(
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object()), password,
      password);
  const size_t tail = bytes.size() > kEofWindow ? bytes.size() - kEofWindow : 0;
  if (Status s = CheckOpened(*doc, bytes.substr(tail), name, options); !s.ok()) return s;
  return PdfDocument(std::move(doc), bytes, {}, std::move(name), options);
}

Result<PdfDocument> PdfDocument::OpenFile(const std::filesystem::path& file, std::string name,
                                          PdfOptions options) {
  RoutePopplerMessages();
  const PopplerScope reports(name);
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) return Status::IoError(name + ": " + ec.message());
  if (size > static_cast<std::uintmax_t>(std::numeric_limits<int>::max())) {
    return Status::NotSupported(name + ": the PDF is larger than 2 GiB");
  }
  std::string tail(std::min<std::uintmax_t>(size, kEofWindow), '\0');
  std::ifstream in(file, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(size - tail.size()));
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  if (!in) return Status::IoError(name + ": cannot be read");
  std::optional<GooString> password;
  if (!options.password.empty()) password.emplace(options.password);
  auto doc =
      std::make_unique<PDFDoc>(std::make_unique<GooString>(file.string()), password, password);
  if (Status s = CheckOpened(*doc, tail, name, options); !s.ok()) return s;
  return PdfDocument(std::move(doc), {}, file, std::move(name), options);
}

int PdfDocument::page_count() const { return doc_->getNumPages(); }

Result<std::unique_ptr<poppler::page>> PdfDocument::RenderablePage(int number) {
  if (!renderer_doc_) {
    renderer_doc_.reset(file_.empty() ? poppler::document::load_from_raw_data(
                                            bytes_.data(), static_cast<int>(bytes_.size()),
                                            options_.password, options_.password)
                                      : poppler::document::load_from_file(
                                            file_.string(), options_.password, options_.password));
  }
  std::unique_ptr<poppler::page> page(renderer_doc_ ? renderer_doc_->create_page(number - 1)
                                                    : nullptr);
  if (!page) {
    return Status::Corruption(name_ + ": page " + std::to_string(number) + " cannot be read");
  }
  return page;
}

Result<Page> PdfDocument::ReadPage(int number) {
  const PopplerScope reports(name_);
  if (!pages_) pages_ = std::make_unique<PageTree>(*doc_);
  if (number < 1 || number > page_count() || !pages_->Readable(number)) {
    return Status::Corruption(name_ + ": page " + std::to_string(number) + " cannot be read");
  }
  Page out;
  out.number = number;
  out.width = pages_->CropWidth(number);
  out.height = pages_->CropHeight(number);
  VectorPage drawn = ReadVectorPage(*pages_, number);
  // A page that shows its text sideways is read turned upright.
  if (const int turn = UprightTurn(drawn.words); turn != 0) {
    drawn = ReadVectorPage(*pages_, number, turn);
    out.turned = turn;
  }
  if ((pages_->Rotate(number) + out.turned) % 180 != 0) std::swap(out.width, out.height);
  const bool on_images = TextOnImages(drawn);
  out.words = std::move(drawn.words);
  // A table that filled the page before may go on here without a header.
  const bool continues = number == last_page_ + 1 && last_had_graphics_;
  if (options_.always_render || continues || LooksTabular(out.words)) {
    if (on_images) {
      // The page's text lies on pictures and it draws nothing: its rules are pixels.
      auto page = RenderablePage(number);
      if (!page.ok()) return page.status();
      out.graphics = Render(**page, number, out.turned, out.words, options_.render_dpi, &out.notes);
    } else {
      out.graphics = std::move(drawn.graphics);
    }
  }
  if (reports.errors() > 0) {
    out.notes.push_back(PageNote{
        number, "page_damaged", "pdf",
        std::string(out.words.empty() ? "no text could be read" : "its text may be incomplete") +
            "; poppler reported " + std::to_string(reports.errors()) +
            " errors in its content (the first: " + reports.first() + ")"});
  }
  last_page_ = number;
  last_had_graphics_ =
      out.graphics && (!out.graphics->h_rules.empty() || !out.graphics->fills.empty());
  return out;
}

Result<double> PdfDocument::InkBeyondText(const Page& page) {
  // A coarse rendering is enough to see whether there is a picture of a page.
  constexpr int kDpi = 36;
  constexpr int kInk = 160;  // darker than this is ink
  auto image = RenderGray(page.number, kDpi, page.turned);
  if (!image.ok()) return image.status();
  PIX* pix = image->get();
  const double ppp = pixGetXRes(pix) / 72.0;
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  for (const Word& word : page.words) {
    pixSetInRectArbitrary(pix, PixelBox(word.bbox, ppp, 1).get(), 255);
  }
  size_t inked = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = pixGetData(pix) + static_cast<ptrdiff_t>(y) * pixGetWpl(pix);
    for (int x = 0; x < w; ++x) inked += GET_DATA_BYTE(line, x) < kInk;
  }
  return w * h > 0 ? static_cast<double>(inked) / (static_cast<double>(w) * h) : 0.0;
}

Result<PixPtr> PdfDocument::RenderGray(int number, int dpi, int turned) {
  const PopplerScope reports(name_);
  auto renderable = RenderablePage(number);
  if (!renderable.ok()) return renderable.status();
  const std::unique_ptr<poppler::page>& page = *renderable;
  // A poster-sized page is rendered at the resolution that keeps it within bounds.
  dpi = std::max(1, static_cast<int>(CappedDpi(*page, dpi, kMaxRenderPixels)));
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image =
      renderer.render_page(page.get(), dpi, dpi, -1, -1, -1, -1, Rotation(turned));
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
    return Status::Corruption(name_ + ": page " + std::to_string(number) + " cannot be rendered");
  }
  PixPtr pix = GrayPix(reinterpret_cast<const uint8_t*>(image.const_data()), image.width(),
                       image.height(), image.bytes_per_row());
  if (!pix) return Status::Internal(name_ + ": no memory for page " + std::to_string(number));
  pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

}  // namespace oplex
