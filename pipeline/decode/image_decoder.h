// Image files as page images for OCR: PNG, JPEG, TIFF (one page or many), and whatever else
// Leptonica reads.
//
// A TIFF's pages are read one at a time, so a long multi-page scan never sits in memory whole.
// An image larger than kMaxImagePixels is refused with a clear error rather than decoded: a
// 20000 × 20000 scan would need gigabytes at 32 bits per pixel. A page larger than
// kMaxPagePixels is scaled down to it as it is read (its resolution with it), so that OCR and the
// analysis of one page stay within the memory a rendered PDF page takes. The resolution is the
// one the file records; a file that records none (a phone photo, an image saved by a program that
// drops it) is taken to be a page whose shorter side is letter-wide, upright or landscape.
// An ImageFile reads the caller's bytes in place: they must outlive it.
#pragma once

#include <string>
#include <string_view>

#include "models/status.h"
#include "pipeline/decode/pix.h"

namespace oplex {

constexpr double kMaxImagePixels = 100e6;
// The pixels of a page as it is read: the cap PDF pages are rendered at.
constexpr double kMaxPagePixels = 16e6;

// True for the signatures of PNG, JPEG, TIFF, BMP, GIF and WebP files (a text that merely opens
// with "BM" or "GIF" is not one).
bool LooksLikeImage(std::string_view bytes);

class ImageFile {
 public:
  // kInvalidInput naming the file when Leptonica cannot read it or it is too large.
  static Result<ImageFile> Open(std::string_view bytes, std::string name);

  int page_count() const { return pages_; }

  // The next page (pages are read in order, first to last) and its resolution in DPI (from
  // `file_dpi`, the file's own): a page scanned below 200 DPI scaled up to `read_dpi` (the
  // resolution a PDF page is rendered at for OCR: Tesseract misreads small print scanned at 150
  // DPI that it reads at 300), and a page larger than kMaxPagePixels scaled down to it.
  struct PageImage {
    PixPtr image;
    int dpi = 0;
    int file_dpi = 0;
  };
  Result<PageImage> NextPage(int read_dpi);

 private:
  ImageFile(std::string_view bytes, std::string name, int pages)
      : bytes_(bytes), name_(std::move(name)), pages_(pages) {}
  std::string_view bytes_;
  std::string name_;
  int pages_ = 1;           // more than one only for a multi-page TIFF
  int next_ = 1;            // the number of the next page
  size_t tiff_offset_ = 0;  // where the next TIFF page starts
};

}  // namespace oplex
