#include "tools/run/batch.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string_view>
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

// Walks `folder`: its files into `files`, what is not read into `out`.
void Walk(const std::filesystem::path& folder, std::vector<std::filesystem::path>* files,
          Inputs* out) {
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, ec);
  for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const std::filesystem::path& path = it->path();
    std::error_code type_ec;
    const bool is_folder = it->is_directory(type_ec);  // a link to a folder too
    if (path.filename().string().starts_with(".")) {
      out->skipped.push_back({path.string(), is_folder ? "hidden folder" : "hidden file"});
    } else if (is_folder && it->is_symlink(type_ec)) {
      out->skipped.push_back(
          {path.string(), "symbolic link to a folder, not followed (name it to read it)"});
    } else if (is_folder) {
      Walk(path, files, out);
    } else {
      files->push_back(path);
    }
  }
  if (ec) {
    FileReport r;
    r.path = folder.string();
    r.error = folder.string() + ": folder cannot be read (" + ec.message() + ")";
    out->failed.push_back(std::move(r));
  }
}

// A file whose reading threw: a failed report naming it and the reason.
Done Crashed(const std::filesystem::path& file, std::string_view reason) {
  Done d;
  d.report.path = file.string();
  d.report.error =
      d.report.path + ": could not be read (internal error: " + std::string(reason) + ")";
  return d;
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

Inputs ExpandInputs(const std::vector<std::string>& inputs) {
  Inputs out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const std::filesystem::path path(input);
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> found;
      Walk(path, &found, &out);
      std::sort(found.begin(), found.end());
      out.files.insert(out.files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, ec)) {
      out.files.push_back(path);
    } else {
      FileReport r;
      r.path = input;
      r.error = input + ": no such file or folder";
      out.failed.push_back(std::move(r));
    }
  }
  return out;
}

Result<std::vector<FileReport>> RunBatch(const std::vector<std::filesystem::path>& files,
                                         const BatchOptions& options, const ReadDocument& read,
                                         const std::function<void(const FileReport&)>& on_file) {
  auto store = Store::Open(options.db);
  if (!store.ok()) return store.status();

  const int jobs = std::max(
      1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Done> done;

  // One file: read, skipped when stored, or run through the pipeline. An exception a stage lets
  // escape costs its file only: one error naming it and the reason, and the batch goes on.
  auto settle = [&](const std::filesystem::path& file, Store* lookup, Done* d) {
    auto bytes = ReadSourceFile(file);
    if (!bytes.ok()) {
      d->report.error = bytes.status().message();
      return;
    }
    d->report.bytes = bytes->size();
    d->report.sha256 = Sha256Hex(*bytes);
    std::optional<int64_t> stored;
    if (!options.force && lookup != nullptr) {
      auto found = lookup->FindDocument(d->report.sha256);
      if (found.ok()) stored = *found;
    }
    if (stored) {
      d->report.status = FileStatus::kUnchanged;
    } else if (auto e = read(file, *bytes, d->report.sha256); e.ok()) {
      Summarise(*e, &d->report);
      d->extraction = std::move(*e);
    } else {
      d->report.error = e.status().message();
    }
  };
  auto work = [&] {
    auto lookup = Store::Open(options.db);
    for (size_t i = next++; i < files.size(); i = next++) {
      const auto start = std::chrono::steady_clock::now();
      Done d;
      d.report.path = files[i].string();
      try {
        settle(files[i], lookup.ok() ? lookup->get() : nullptr, &d);
      } catch (const std::exception& e) {
        d = Crashed(files[i], e.what());
      } catch (...) {
        d = Crashed(files[i], "unknown exception");
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
