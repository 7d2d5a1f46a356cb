#include "pipeline/decode/image_decoder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace oplex {
namespace {

// A file that records no resolution (or a nonsensical one) is taken to be a page whose shorter
// side is this many inches: letter and legal paper, and A4 within 3 %, upright or landscape.
constexpr double kAssumedShortSideInches = 8.5;
constexpr int kMinDpi = 72, kMaxDpi = 1200;
// A page scanned at this resolution or more is read at its own; below it, at the resolution OCR
// reads PDF pages at. At 150 DPI Tesseract misreads small print (the x-height of 8-point type is
// 8 pixels) that it reads at 300; from 200 DPI up it reads it as scanned, and scaled to 300 it
// read worse on the fixtures (the photo of a plan page: 3 of 27 schedules lost).
constexpr int kMinOwnDpi = 200;

const l_uint8* Data(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

std::string Pixels(int w, int h) { return std::to_string(w) + " × " + std::to_string(h); }

int TiffPages(std::string_view bytes) {
  FILE* f = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (f == nullptr) return 1;
  l_int32 n = 1;
  if (tiffGetCount(f, &n) != 0) n = 1;
  std::fclose(f);
  return std::max(1, n);
}

}  // namespace

bool LooksLikeImage(std::string_view b) {
  auto starts = [&](std::string_view sig) { return b.substr(0, sig.size()) == sig; };
  // A BMP's reserved bytes 6..9 are zero: "BM" alone also opens words.
  const bool bmp =
      starts("BM") && b.size() > 10 && b.substr(6, 4) == std::string_view("\0\0\0\0", 4);
  return starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") ||
         starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)) || bmp ||
         starts("GIF87a") || starts("GIF89a") || (starts("RIFF") && b.substr(8, 4) == "WEBP");
}

Result<ImageFile> ImageFile::Open(std::string_view bytes, std::string name) {
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(Data(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0 ||
      w <= 0 || h <= 0) {
    return Status::InvalidInput(name + ": not a readable image (damaged or of an unknown kind)");
  }
  if (static_cast<double>(w) * h > kMaxImagePixels) {
    return Status::InvalidInput(name + ": the image is " + Pixels(w, h) +
                                " pixels, more than the " +
                                std::to_string(static_cast<int>(kMaxImagePixels / 1e6)) +
                                " million oplex reads; scan it at a lower resolution");
  }
  const bool tiff = L_FORMAT_IS_TIFF(format);
  return ImageFile(bytes, std::move(name), tiff ? TiffPages(bytes) : 1);
}

Result<ImageFile::PageImage> ImageFile::NextPage(int read_dpi) {
  const int number = next_++;
  const std::string where = name_ + ": page " + std::to_string(number);
  PixPtr pix;
  if (pages_ > 1) {
    pix.reset(pixReadMemFromMultipageTiff(Data(bytes_), bytes_.size(), &tiff_offset_));
  } else {
    pix.reset(pixReadMem(Data(bytes_), bytes_.size()));
  }
  if (!pix) return Status::InvalidInput(where + " cannot be decoded");
  const int w = pixGetWidth(pix.get()), h = pixGetHeight(pix.get());
  if (static_cast<double>(w) * h > kMaxImagePixels) {
    return Status::InvalidInput(where + " is " + Pixels(w, h) + " pixels, more than oplex reads");
  }
  int dpi = pixGetXRes(pix.get());
  if (dpi < kMinDpi || dpi > kMaxDpi) {
    dpi = std::clamp(static_cast<int>(std::lround(std::min(w, h) / kAssumedShortSideInches)),
                     kMinDpi, kMaxDpi);
  }
  const int file_dpi = dpi;
  double scale = dpi < kMinOwnDpi ? static_cast<double>(read_dpi) / dpi : 1.0;
  const double pixels = static_cast<double>(w) * h;
  if (pixels * scale * scale > kMaxPagePixels) scale = std::sqrt(kMaxPagePixels / pixels);
  if (scale != 1.0) {
    // A binary scan is scaled as grey: antialiased down, interpolated up; the rest by area or
    // interpolation.
    PixPtr gray(scale > 1.0 && pixGetDepth(pix.get()) == 1 ? pixConvertTo8(pix.get(), 0)
                                                           : pixClone(pix.get()));
    PixPtr scaled(
        gray ? pixScale(gray.get(), static_cast<l_float32>(scale), static_cast<l_float32>(scale))
             : nullptr);
    if (!scaled) return Status::InvalidInput(where + " cannot be scaled from " + Pixels(w, h));
    pix = std::move(scaled);
    dpi = std::max(1, static_cast<int>(std::lround(dpi * scale)));
  }
  return PageImage{std::move(pix), dpi, file_dpi};
}

}  // namespace oplex
