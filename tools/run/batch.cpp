#include "tools/run/batch.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <string_view>
#include <thread>

#include "models/store.h"
#include "pipeline/normalize/bounded_number.h"
#include "pipeline/sha256.h"
#include "pipeline/source_file.h"

namespace oplex {
namespace {

// How often the batch looks at its workers when none reports: the resolution of the limits.
constexpr int kPollMs = 50;

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
  r->pages = static_cast<size_t>(e.document.pages.value_or(0));
}

// Whether `file` (under the folder named, `root`) matches one of `globs`, by name or by its path
// under `root`.
bool Matches(const std::vector<std::string>& globs, const std::filesystem::path& file,
             const std::filesystem::path& root) {
  const std::string name = file.filename().string();
  const std::string under = file.lexically_relative(root).string();
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), name.c_str(), 0) == 0 ||
           fnmatch(glob.c_str(), under.c_str(), FNM_PATHNAME) == 0;
  });
}

// Walks `folder` (under the folder named, `root`): its files into `files`, what is not read
// into `out`.
void Walk(const std::filesystem::path& folder, const std::filesystem::path& root,
          const InputFilter& filter, std::vector<std::filesystem::path>* files, Inputs* out) {
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, ec);
  for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const std::filesystem::path& path = it->path();
    std::error_code type_ec;
    const bool is_folder = it->is_directory(type_ec);  // a link to a folder too
    std::string not_a_document;
    if (path.filename().string().starts_with(".")) {
      out->skipped.push_back({path.string(), is_folder ? "hidden folder" : "hidden file"});
    } else if (is_folder && it->is_symlink(type_ec)) {
      out->skipped.push_back(
          {path.string(), "symbolic link to a folder, not followed (name it to read it)"});
    } else if (is_folder) {
      Walk(path, root, filter, files, out);
    } else if (!filter.include.empty() && !Matches(filter.include, path, root)) {
      out->skipped.push_back({path.string(), "not matched by --include"});
    } else if (Matches(filter.exclude, path, root)) {
      out->skipped.push_back({path.string(), "matched by --exclude"});
    } else if (not_a_document = NotADocument(path); !not_a_document.empty()) {
      out->skipped.push_back({path.string(), not_a_document});
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

// Standard input, whole, with the limit of a file.
Result<std::string> ReadStandardInput() {
  std::string bytes;
  char buffer[1 << 16];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(std::cin.gcount()));
    if (bytes.size() > kMaxFileBytes) {
      return Status::InvalidInput("standard input: too large (the limit is " +
                                  std::to_string(kMaxFileBytes >> 20) + " MB)");
    }
  }
  if (std::cin.bad()) return Status::IoError("standard input: read failed");
  return bytes;
}

// A file whose reading threw: a failed report naming it and the reason.
Done Crashed(const std::filesystem::path& file, std::string_view reason) {
  Done d;
  d.report.path = file.string();
  d.report.error =
      d.report.path + ": could not be read (internal error: " + std::string(reason) + ")";
  return d;
}

int Jobs(const BatchOptions& options) {
  return std::max(
      1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
}

// One file read: skipped when of another shard or stored (`lookup` may be null), else run
// through `read`. An
// exception `read` lets escape costs its file only: one error naming it and the reason.
Done ReadOne(const std::filesystem::path& file, const BatchOptions& options,
             const ReadDocument& read, Store* lookup) {
  const auto start = std::chrono::steady_clock::now();
  Done d;
  d.report.path = file.string();
  try {
    auto bytes = file == kStandardInput ? ReadStandardInput() : ReadSourceFile(file);
    if (!bytes.ok()) {
      d.report.error = bytes.status().message();
      return d;
    }
    d.report.bytes = bytes->size();
    d.report.sha256 = Sha256Hex(*bytes);
    std::optional<int64_t> stored;
    if (!options.force && lookup != nullptr) {
      auto found = lookup->FindDocument(d.report.sha256);
      if (found.ok()) stored = *found;
    }
    if (options.shard && !InShard(d.report.sha256, *options.shard)) {
      d.report.status = FileStatus::kOtherShard;
    } else if (stored) {
      d.report.status = FileStatus::kUnchanged;
    } else if (auto e = read(file, *bytes, d.report.sha256); e.ok()) {
      Summarise(*e, &d.report);
      d.extraction = std::move(*e);
    } else {
      d.report.error = e.status().message();
    }
  } catch (const std::exception& e) {
    d = Crashed(file, e.what());
  } catch (...) {
    d = Crashed(file, "unknown exception");
  }
  d.report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return d;
}

// Writes the extraction of `d`, if any, and settles its status.
void StoreOne(Store& store, bool force, Done* d) {
  if (!d->extraction) return;
  auto put = store.Put(*d->extraction, force);
  if (!put.ok()) {
    d->report.status = FileStatus::kFailed;
    d->report.error = d->report.path + ": not stored: " + put.status().message();
  } else if (*put == Store::PutOutcome::kInserted) {
    d->report.status = FileStatus::kStored;
  } else if (*put == Store::PutOutcome::kReplaced) {
    d->report.status = FileStatus::kReplaced;
  } else {
    d->report.status = FileStatus::kUnchanged;
  }
}

// Says how a file was settled: an error line for a failure, a debug line otherwise.
void Log(const FileReport& r) {
  if (r.status == FileStatus::kFailed) {
    spdlog::error("{}", r.error);
  } else {
    spdlog::debug("{}: {} ({} activities, {} findings)", r.path, ToString(r.status), r.activities,
                  r.findings);
  }
}

// A report as one field per line (line breaks inside a field become spaces), for the pipe from
// a worker to the batch.
std::string Serialise(const FileReport& r) {
  std::string out;
  auto field = [&out](std::string value) {
    std::replace(value.begin(), value.end(), '\n', ' ');
    out += value + "\n";
  };
  field(std::to_string(static_cast<int>(r.status)));
  field(r.error);
  field(r.sha256);
  field(r.kind);
  field(r.institute ? "+" + *r.institute : "-");
  field(r.year ? std::to_string(*r.year) : "");
  for (size_t n : {r.bytes, r.sections, r.activities, r.deliverables, r.findings, r.pages}) {
    field(std::to_string(n));
  }
  return out;
}

// The report a worker sent for `path`, or nullopt when it sent none whole.
std::optional<FileReport> Deserialise(const std::string& text, const std::string& path) {
  std::vector<std::string> f;
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos;
       start = end + 1) {
    f.push_back(text.substr(start, end - start));
  }
  if (f.size() != 12) return std::nullopt;
  const std::optional<int64_t> status = ParseInteger(f[0]);
  if (!status || *status < 0 || *status > static_cast<int64_t>(FileStatus::kFailed)) {
    return std::nullopt;
  }
  FileReport r;
  r.path = path;
  r.status = static_cast<FileStatus>(*status);
  r.error = f[1];
  r.sha256 = f[2];
  r.kind = f[3];
  if (f[4].starts_with("+")) r.institute = f[4].substr(1);
  if (auto year = ParseInteger(f[5])) r.year = static_cast<int>(*year);
  size_t* counts[] = {&r.bytes, &r.sections, &r.activities, &r.deliverables, &r.findings, &r.pages};
  for (size_t i = 0; i < 6; ++i)
    *counts[i] = static_cast<size_t>(ParseInteger(f[6 + i]).value_or(0));
  return r;
}

// A worker: reads and stores `file`, writes its report to `fd` and ends, never returning.
[[noreturn]] void RunWorker(const std::filesystem::path& file, const BatchOptions& options,
                            const LoadReader& load, int fd) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // a batch killed takes its workers with it
  FileReport report;
  report.path = file.string();
  if (auto reader = load(); !reader.ok()) {
    report.error = report.path + ": " + reader.status().message();
  } else if (auto store = Store::Open(options.db); !store.ok()) {
    report.error = report.path + ": not stored: " + store.status().message();
  } else {
    Done d = ReadOne(file, options, *reader, store->get());
    StoreOne(**store, options.force, &d);
    report = std::move(d.report);
  }
  const std::string text = Serialise(report);
  for (size_t written = 0; written < text.size();) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  _exit(0);  // no destructors: what the worker's threads hold is not for them to release
}

// A worker of RunBatchInWorkers, seen from the batch.
struct Worker {
  pid_t pid = 0;
  int fd = -1;  // its report comes through here
  size_t file = 0;
  std::chrono::steady_clock::time_point start;
  std::string sent;     // what it has written so far
  std::string stopped;  // why the batch killed it, if it did
};

// Moves what `fd` holds now into `out`.
void Drain(int fd, std::string* out) {
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;)
    out->append(buffer, static_cast<size_t>(n));
}

// The resident memory a worker holds of its own, in MB (pages it shares with the parent it
// was forked from are the parent's), or 0 when it cannot be read.
int64_t ResidentMb(pid_t pid) {
  std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
  int64_t kb = 0;
  for (std::string line; std::getline(rollup, line);) {
    if (line.rfind("Private_Clean:", 0) != 0 && line.rfind("Private_Dirty:", 0) != 0) continue;
    std::istringstream fields(line.substr(line.find(':') + 1));
    int64_t value = 0;
    if (fields >> value) kb += value;
  }
  return kb / 1024;
}

// Kills `w` when it is past a limit, saying which.
void Police(const BatchOptions& options, const std::string& path, Worker* w) {
  if (!w->stopped.empty()) return;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - w->start).count();
  if (options.timeout_seconds > 0 && seconds > options.timeout_seconds) {
    w->stopped = path + ": stopped after " + std::to_string(options.timeout_seconds) +
                 " s (--timeout " + std::to_string(options.timeout_seconds) + ")";
  } else if (const int64_t mb = options.max_memory_mb > 0 ? ResidentMb(w->pid) : 0;
             mb > options.max_memory_mb) {
    w->stopped = path + ": stopped at " + std::to_string(mb) + " MB of memory (--max-memory " +
                 std::to_string(options.max_memory_mb) + ")";
  }
  if (!w->stopped.empty()) kill(w->pid, SIGKILL);
}

// The report of a worker that has ended with `status` (as waitpid gives it).
FileReport Ended(const Worker& w, int status, const std::string& path) {
  std::optional<FileReport> sent = Deserialise(w.sent, path);
  FileReport r;
  if (w.stopped.empty() && sent) {
    r = std::move(*sent);
  } else {
    r.path = path;
    if (!w.stopped.empty()) {
      r.error = w.stopped;
    } else if (WIFSIGNALED(status)) {
      r.error = path + ": the worker reading it crashed (signal " +
                std::to_string(WTERMSIG(status)) + ", " + strsignal(WTERMSIG(status)) + ")";
    } else {
      r.error = path + ": the worker reading it ended (exit code " +
                std::to_string(WEXITSTATUS(status)) + ") without a report";
    }
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - w.start).count();
  return r;
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
    case FileStatus::kOtherShard:
      return "other_shard";
    case FileStatus::kFailed:
      return "failed";
  }
  return "failed";
}

std::string NotADocument(const std::filesystem::path& file) {
  // Data, documentation, code and databases: what sits beside documents in a shared folder.
  static const std::set<std::string> kNotDocuments = {
      ".md",   ".markdown", ".rst",     ".json", ".jsonl", ".ndjson", ".tsv", ".csv",   ".xml",
      ".yaml", ".yml",      ".toml",    ".ini",  ".cfg",   ".log",    ".py",  ".sh",    ".c",
      ".cc",   ".cpp",      ".h",       ".hpp",  ".js",    ".css",    ".r",   ".ipynb", ".sql",
      ".db",   ".sqlite",   ".sqlite3", ".zip",  ".gz",    ".tar",    ".exe", ".so"};
  const std::string name = file.filename().string();
  if (name.starts_with("README") || name.starts_with("readme")) return "not a document (README)";
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (kNotDocuments.count(extension)) return "not a document (" + extension + ")";
  return "";
}

Inputs ExpandInputs(const std::vector<std::string>& inputs, const InputFilter& filter) {
  Inputs out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const std::filesystem::path path(input);
    if (input == kStandardInput) {
      out.files.push_back(path);
    } else if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> found;
      Walk(path, path, filter, &found, &out);
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

  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Done> done;
  auto work = [&] {
    auto lookup = Store::Open(options.db);
    for (size_t i = next++; i < files.size(); i = next++) {
      Done d = ReadOne(files[i], options, read, lookup.ok() ? lookup->get() : nullptr);
      std::lock_guard<std::mutex> lock(mu);
      done.push_back(std::move(d));
      ready.notify_one();
    }
  };
  std::vector<std::thread> workers;
  const int threads =
      std::min<int>(Jobs(options), static_cast<int>(std::max<size_t>(1, files.size())));
  for (int j = 0; j < threads; ++j) workers.emplace_back(work);

  std::vector<FileReport> reports;
  while (reports.size() < files.size()) {
    Done d;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return !done.empty(); });
      d = std::move(done.front());
      done.pop_front();
    }
    StoreOne(**store, options.force, &d);
    Log(d.report);
    on_file(d.report);
    reports.push_back(std::move(d.report));
  }
  for (std::thread& t : workers) t.join();
  return reports;
}

Result<std::vector<FileReport>> RunBatchInWorkers(
    const std::vector<std::filesystem::path>& files, const BatchOptions& options,
    const LoadReader& load, const std::function<void(const FileReport&)>& on_file) {
  // Made (or migrated) once here, not by workers racing each other.
  if (auto store = Store::Open(options.db); !store.ok()) return store.status();

  const auto jobs = static_cast<size_t>(Jobs(options));
  std::vector<Worker> running;
  std::vector<FileReport> reports;
  size_t next = 0;
  auto settle = [&](FileReport r) {
    Log(r);
    on_file(r);
    reports.push_back(std::move(r));
  };
  while (reports.size() < files.size()) {
    while (running.size() < jobs && next < files.size()) {
      const size_t file = next++;
      int fds[2];
      const pid_t pid = pipe(fds) == 0 ? fork() : -1;
      if (pid == 0) {
        close(fds[0]);
        RunWorker(files[file], options, load, fds[1]);
      }
      if (pid < 0) {
        FileReport r;
        r.path = files[file].string();
        r.error = r.path + ": no worker could be started (" + std::strerror(errno) + ")";
        settle(std::move(r));
        continue;
      }
      close(fds[1]);
      fcntl(fds[0], F_SETFL, O_NONBLOCK);
      running.push_back(Worker{pid, fds[0], file, std::chrono::steady_clock::now(), {}, {}});
    }
    std::vector<pollfd> polled;
    for (const Worker& w : running) polled.push_back(pollfd{w.fd, POLLIN, 0});
    poll(polled.data(), polled.size(), kPollMs);
    for (auto w = running.begin(); w != running.end();) {
      const std::string path = files[w->file].string();
      Drain(w->fd, &w->sent);
      int status = 0;
      if (waitpid(w->pid, &status, WNOHANG) == 0) {
        Police(options, path, &*w);
        ++w;
        continue;
      }
      Drain(w->fd, &w->sent);
      close(w->fd);
      settle(Ended(*w, status, path));
      w = running.erase(w);
    }
  }
  return reports;
}

}  // namespace oplex
