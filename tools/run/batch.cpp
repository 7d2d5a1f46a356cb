#include "tools/run/batch.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "models/store.h"
#include "pipeline/sha256.h"
#include "pipeline/source_file.h"

namespace oplex {
namespace {

struct Done {
  FileReport report;
  std::optional<Extraction> extraction;
};

void Summarise(const Extraction& e, FileReport* r) {
  r->kind = ToString(e.document.kind);
  r->institute = e.document.institute;
  r->year = e.document.year;
  r->sections = e.sections.size();
  r->activities = e.activities.size();
  r->deliverables = e.deliverables.size();
  r->findings = e.findings.size();
}

}  // namespace

const char* ToString(FileStatus status) {
  switch (status) {
    case FileStatus::kStored:
      return "stored";
    case FileStatus::kReplaced:
      return "replaced";
    case FileStatus::kUnchanged:
      return "unchanged";
    case FileStatus::kFailed:
      return "failed";
  }
  return "failed";
}

std::vector<std::filesystem::path> ExpandInputs(const std::vector<std::string>& inputs,
                                                std::vector<FileReport>* missing) {
  std::vector<std::filesystem::path> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const std::filesystem::path path(input);
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> found;
      auto it = std::filesystem::recursive_directory_iterator(
          path, std::filesystem::directory_options::skip_permission_denied, ec);
      for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_directory(ec)) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, ec)) {
      files.push_back(path);
    } else {
      FileReport r;
      r.path = input;
      r.error = input + ": no such file or folder";
      missing->push_back(std::move(r));
    }
  }
  return files;
}

Result<std::vector<FileReport>> RunBatch(const std::vector<std::filesystem::path>& files,
                                         const BatchOptions& options,
                                         const DocumentPipeline& pipeline,
                                         const std::function<void(const FileReport&)>& on_file) {
  auto store = Store::Open(options.db);
  if (!store.ok()) return store.status();

  const int jobs = std::max(
      1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Done> done;

  auto work = [&] {
    auto lookup = Store::Open(options.db);
    for (size_t i = next++; i < files.size(); i = next++) {
      const auto start = std::chrono::steady_clock::now();
      Done d;
      d.report.path = files[i].string();
      auto bytes = ReadSourceFile(files[i]);
      if (!bytes.ok()) {
        d.report.error = bytes.status().message();
      } else {
        d.report.bytes = bytes->size();
        d.report.sha256 = Sha256Hex(*bytes);
        std::optional<int64_t> stored;
        if (!options.force && lookup.ok()) {
          auto found = (*lookup)->FindDocument(d.report.sha256);
          if (found.ok()) stored = *found;
        }
        if (stored) {
          d.report.status = FileStatus::kUnchanged;
        } else if (auto e = pipeline.Process(files[i], *bytes, d.report.sha256); e.ok()) {
          Summarise(*e, &d.report);
          d.extraction = std::move(*e);
        } else {
          d.report.error = e.status().message();
        }
      }
      d.report.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::lock_guard<std::mutex> lock(mu);
      done.push_back(std::move(d));
      ready.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (int j = 0; j < std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, files.size())));
       ++j) {
    workers.emplace_back(work);
  }

  std::vector<FileReport> reports;
  while (reports.size() < files.size()) {
    Done d;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return !done.empty(); });
      d = std::move(done.front());
      done.pop_front();
    }
    if (d.extraction) {
      auto put = (*store)->Put(*d.extraction, options.force);
      if (!put.ok()) {
        d.report.status = FileStatus::kFailed;
        d.report.error = d.report.path + ": not stored: " + put.status().message();
      } else if (*put == Store::PutOutcome::kInserted) {
        d.report.status = FileStatus::kStored;
      } else if (*put == Store::PutOutcome::kReplaced) {
        d.report.status = FileStatus::kReplaced;
      } else {
        d.report.status = FileStatus::kUnchanged;
      }
    }
    if (d.report.status == FileStatus::kFailed) {
      spdlog::error("{}", d.report.error);
    } else {
      spdlog::debug("{}: {} ({} activities, {} findings)", d.report.path, ToString(d.report.status),
                    d.report.activities, d.report.findings);
    }
    on_file(d.report);
    reports.push_back(std::move(d.report));
  }
  for (std::thread& t : workers) t.join();
  return reports;
}

}  // namespace oplex
