#include "tools/cli/progress.h"

#include <spdlog/sinks/base_sink.h>

#include <cmath>
#include <filesystem>
#include <iostream>

namespace oplex::cli {
namespace {

// Sends the log through the bar: cleared before a line, drawn again after it.
class BarSink : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 public:
  explicit BarSink(Progress* progress) : progress_(progress) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override { progress_->Log(message); }
  void flush_() override {}

 private:
  Progress* progress_;
};

constexpr int kWidth = 24;  // of the bar itself
// A page redraws the bar at most this often (a born-digital PDF lays out hundreds a second).
constexpr std::chrono::milliseconds kPageRedraw{100};

uintmax_t FileSize(const std::string& path) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

std::string TimeLeft(double seconds) {
  const long s = std::lround(seconds);
  if (s < 60) return "~" + std::to_string(s) + " s left";
  if (s < 3600) return "~" + std::to_string((s + 30) / 60) + " min left";
  const long minutes = (s + 30) / 60;
  char text[32];
  std::snprintf(text, sizeof text, "~%ld h %02ld min left", minutes / 60, minutes % 60);
  return text;
}

Progress::Progress(size_t files, uintmax_t bytes, bool bar)
    : files_(files), bytes_(bytes), bar_(bar) {
  if (!bar_) return;
  auto logger = spdlog::default_logger();
  sinks_ = logger->sinks();
  logger->sinks() = {std::make_shared<BarSink>(this)};
  std::lock_guard lock(mu_);
  Draw();
}

Progress::~Progress() {
  if (!bar_) return;
  spdlog::default_logger()->sinks() = sinks_;
  std::lock_guard lock(mu_);
  Clear();
}

void Progress::Clear() { std::fputs("\r\033[K", stderr); }

int64_t Progress::PagesRead() const {
  int64_t pages_read = pages_done_;
  for (const auto& [_, reading] : reading_) pages_read += reading.pages_laid_out;
  return pages_read;
}

double Progress::Share() const {
  const int64_t pages_read = PagesRead();
  if (pages_begun_ > 0 && bytes_begun_ > 0) {
    const double pages_not_begun = static_cast<double>(bytes_ - std::min(bytes_, bytes_begun_)) *
                                   static_cast<double>(pages_begun_) /
                                   static_cast<double>(bytes_begun_);
    return static_cast<double>(pages_read) / (static_cast<double>(pages_begun_) + pages_not_begun);
  }
  if (bytes_ > 0) return static_cast<double>(bytes_done_) / static_cast<double>(bytes_);
  return files_ > 0 ? static_cast<double>(files_done_) / static_cast<double>(files_) : 1;
}

void Progress::Draw() {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double share = Share();
  const int64_t pages_read = PagesRead();
  const int filled = static_cast<int>(std::min(1.0, share) * kWidth);
  std::string line = "[" + std::string(filled, '#') + std::string(kWidth - filled, ' ') + "] " +
                     std::to_string(files_done_) + "/" + std::to_string(files_) + " files, " +
                     std::to_string(pages_read) + " pages";
  if (pages_read > 0 && seconds > 0) {
    char rate[32];
    std::snprintf(rate, sizeof rate, ", %.1f pages/s", static_cast<double>(pages_read) / seconds);
    line += rate;
  }
  if (share > 0 && share < 1) line += ", " + TimeLeft(seconds * (1 - share) / share);
  if (!last_.empty()) line += "  " + last_;
  if (line.size() > 99) line.resize(99);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void Progress::Begun(const std::string& path, int pages) {
  bytes_begun_ += FileSize(path);
  pages_begun_ += pages;
}

void Progress::Reading(const PageProgress& progress, const std::string& line) {
  std::lock_guard lock(mu_);
  auto [at, begun] = reading_.try_emplace(progress.path, progress);
  if (begun) Begun(progress.path, progress.pages);
  at->second = progress;
  last_ = std::filesystem::path(progress.path).filename().string() + " " +
          std::to_string(progress.pages_laid_out) + "/" + std::to_string(progress.pages);
  const auto now = std::chrono::steady_clock::now();
  const bool redraw =
      bar_ && (!line.empty() || now - drawn_ >= kPageRedraw || progress.pages_laid_out == 0 ||
               progress.pages_laid_out == progress.pages);
  if (redraw) {
    drawn_ = now;
    Clear();
  }
  std::cout << line << std::flush;
  if (redraw) Draw();
}

void Progress::Settled(const FileReport& report, const std::string& line) {
  std::lock_guard lock(mu_);
  ++files_done_;
  bytes_done_ += FileSize(report.path);
  pages_done_ += report.pages;
  if (reading_.erase(report.path) == 0) Begun(report.path, static_cast<int>(report.pages));
  last_ = std::filesystem::path(report.path).filename().string();
  if (bar_) Clear();
  std::cout << line << std::flush;
  if (bar_) Draw();
}

void Progress::Print(const std::string& line) {
  std::lock_guard lock(mu_);
  if (bar_) Clear();
  std::cout << line << std::flush;
  if (bar_) Draw();
}

void Progress::Log(const spdlog::details::log_msg& message) {
  std::lock_guard lock(mu_);
  Clear();
  for (const spdlog::sink_ptr& sink : sinks_) {
    sink->log(message);
    sink->flush();
  }
  Draw();
}

}  // namespace oplex::cli
