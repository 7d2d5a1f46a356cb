// The progress of `oplex ingest`: on a terminal, one line at the bottom of stderr, redrawn as
// each page is laid out and each file is settled (files, pages read, pages per second, the time
// left, the document being read and its page), with everything else written above it: each
// file's result line as it completes, and the log lines of the reading threads, so that nothing
// is written onto the bar. Without a terminal there is no bar and the lines go out as they come.
// Thread-safe.
//
// The time left is estimated by pages, the unit of work (an OCR page takes seconds, a text page
// milliseconds): the pages of the documents begun are known, those of the files not begun yet are
// estimated from their bytes at the pages per byte of the files begun. Until a page count is
// known (text exports have none) it is estimated from the bytes read.
#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tools/run/batch.h"

namespace oplex::cli {

class Progress {
 public:
  // `bytes`: the size of the files to read, what the time left is estimated from (pages are
  // known only once a file is read). With `bar`, draws the bar and routes the log through it
  // until destroyed.
  Progress(size_t files, uintmax_t bytes, bool bar);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A file is settled: `line` (its result, with its newline; may be empty) goes to stdout above
  // the bar, and the bar counts the file.
  void Settled(const FileReport& report, const std::string& line);

  // A document is being read (begun, or one more of its pages laid out): `line` (with its
  // newline; may be empty) goes to stdout above the bar, and the bar counts its pages.
  void Reading(const PageProgress& progress, const std::string& line);

  // Writes `line` to stdout above the bar.
  void Print(const std::string& line);

  // A log line, from any thread (the sink the logger writes through while the bar is drawn).
  void Log(const spdlog::details::log_msg& message);

 private:
  void Clear();  // these need mu_ held
  void Draw();
  void Begun(const std::string& path, int pages);
  int64_t PagesRead() const;  // of the files settled and of those being read
  double Share() const;       // of the work done, 0..1

  std::mutex mu_;
  const size_t files_;
  const uintmax_t bytes_;
  const bool bar_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  size_t files_done_ = 0;
  uintmax_t bytes_done_ = 0;
  int64_t pages_done_ = 0;                       // of the files settled
  uintmax_t bytes_begun_ = 0;                    // of the files begun or settled
  int64_t pages_begun_ = 0;                      // in the files begun or settled
  std::map<std::string, PageProgress> reading_;  // the files begun and not settled, by path
  std::chrono::steady_clock::time_point drawn_;  // when a page last redrew the bar
  std::string last_;  // the name of the last file settled or read, with its page while read
  std::vector<spdlog::sink_ptr> sinks_;  // the logger's own, put back when done
};

// "~3 min left" for `seconds`.
std::string TimeLeft(double seconds);

}  // namespace oplex::cli
