// The OCR workers: a fixed number of threads, started with the first page to read, each with its
// own Tesseract engine, created on its first page and reused for every page after (starting an
// engine costs about 60 ms). A run that reads no scan starts neither.
//
// Pages from every document being ingested go to the same workers, so `--jobs N` never runs
// more than N engines however many documents are open. A document hands over page images in
// order and takes the pages back in the same order (see page_blocks.h), so that one scanned
// document keeps every worker busy.
//
// Debian's Tesseract uses OpenMP, which on a small machine runs several times slower than one
// thread per page: OcrEngine::Create sets the OMP_THREAD_LIMIT=1 it needs before it loads it.
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "models/status.h"
#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

enum class OcrMode {
  kAuto,    // pages without a text layer (or one too thin for the page) and image files
  kAlways,  // every page, ignoring any text layer
  kNever,   // no OCR: image files and image-only pages are errors or empty
};

struct OcrOptions {
  OcrMode mode = OcrMode::kAuto;
  int dpi = 300;                 // resolution PDF pages are rendered at for OCR
  std::string language = "spa";  // Tesseract language codes
  int workers = 0;               // engines (threads); 0 = one per core
};

class OcrPool {
 public:
  explicit OcrPool(OcrOptions options);
  ~OcrPool();
  OcrPool(const OcrPool&) = delete;
  OcrPool& operator=(const OcrPool&) = delete;

  const OcrOptions& options() const { return options_; }
  int workers() const { return workers_; }

  // Reads page `number`, an image at `dpi`, on the next free worker. Thread-safe.
  std::future<Result<Page>> Read(PixPtr image, int dpi, int number);

 private:
  struct Task {
    PixPtr image;
    int dpi = 0;
    int number = 0;
    std::promise<Result<Page>> done;
  };
  void Work();

  OcrOptions options_;
  int workers_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Task> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace oplex
