#include "pipeline/decode/ocr_pool.h"

#include <algorithm>
#include <memory>

#include "pipeline/decode/ocr_engine.h"
#include "pipeline/decode/scanned_page.h"

namespace oplex {

OcrPool::OcrPool(OcrOptions options)
    : options_(std::move(options)),
      workers_(options_.workers > 0
                   ? options_.workers
                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))) {}

OcrPool::~OcrPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::future<Result<Page>> OcrPool::Read(PixPtr image, int dpi, int number) {
  Task task;
  task.image = std::move(image);
  task.dpi = dpi;
  task.number = number;
  std::future<Result<Page>> page = task.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(task));
    if (threads_.empty()) {
      for (int i = 0; i < workers_; ++i) threads_.emplace_back([this] { Work(); });
    }
  }
  ready_.notify_one();
  return page;
}

void OcrPool::Work() {
  std::unique_ptr<OcrEngine> engine;
  Status engine_error = Status::Ok();
  for (;;) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to read
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    if (!engine && engine_error.ok()) {
      auto created = OcrEngine::Create(options_.language);
      if (created.ok()) {
        engine = std::move(*created);
      } else {
        engine_error = created.status();
      }
    }
    if (!engine) {
      task.done.set_value(engine_error);
      continue;
    }
    task.done.set_value(ReadScannedPage(task.image.get(), task.dpi, task.number, *engine));
  }
}

}  // namespace oplex
