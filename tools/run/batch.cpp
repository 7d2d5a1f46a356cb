#include "tools/run/batch.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <malloc.h>
#include <poll.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <sys/prctl.h>
#include <sys/socket.h>
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
#include "pipeline/decode/image_decoder.h"
#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/normalize/bounded_number.h"
#include "pipeline/sha256.h"
#include "pipeline/source_file.h"
#include "tools/run/document_limits.h"

namespace oplex {
namespace {

// How often the batch looks at its workers when none reports: the resolution of the limits.
constexpr int kPollMs = 50;

struct Done {
  FileReport report;
  std::optional<DocumentRead> read;
};

void Summarise(const DocumentRead& read, FileReport* r) {
  const Extraction& e = read.extraction;
  r->kind = ToString(e.document.kind);
  r->institute = e.document.institute;
  r->year = e.document.year;
  r->sections = e.sections.size();
  r->activities = e.activity_count();
  r->deliverables = e.deliverables.size() + (read.spill ? read.spill->deliverables() : 0);
  r->findings = e.findings.size() + (read.spill ? read.spill->findings() : 0);
  r->pages = static_cast<size_t>(e.document.pages.value_or(0));
}

// Where the process `pid` spills the records of a long document it reads into `db`: beside it.
std::string SpillPrefix(const std::filesystem::path& db, pid_t pid) {
  return db.string() + ".spill-" + std::to_string(pid) + "-";
}

// Removes what the worker `pid`, killed or crashed, may have left of a spill.
void RemoveSpills(const std::filesystem::path& db, pid_t pid) {
  const std::string prefix = std::filesystem::path(SpillPrefix(db, pid)).filename().string();
  std::error_code ec;
  const std::filesystem::path folder =
      db.has_parent_path() ? db.parent_path() : std::filesystem::path(".");
  for (auto it = std::filesystem::directory_iterator(folder, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().starts_with(prefix)) {
      std::error_code removed;
      std::filesystem::remove(it->path(), removed);
    }
  }
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
Result<Source> ReadStandardInput() {
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
  return SourceOf(std::move(bytes));
}

// A file whose reading threw: a failed report naming it and the reason.
Done Crashed(const std::filesystem::path& file, std::string_view reason) {
  Done d;
  d.report.path = file.string();
  d.report.error =
      d.report.path + ": could not be read (internal error: " + std::string(reason) + ")";
  return d;
}

// One file read: skipped when of another shard or stored (`lookup` may be null), else run
// through `read`, `on_page` (when set) told of its page count first (0 for a text export) and of
// its pages as they are laid out. An exception `read` lets escape costs its file only: one error
// naming it and the reason.
Done ReadOne(const std::filesystem::path& file, const BatchOptions& options,
             const ReadDocument& read, Store* lookup, const OnPage& on_page) {
  const auto start = std::chrono::steady_clock::now();
  Done d;
  d.report.path = file.string();
  try {
    auto source = file == kStandardInput ? ReadStandardInput() : OpenSourceFile(file);
    if (!source.ok()) {
      d.report.error = source.status().message();
      return d;
    }
    d.report.bytes = source->size;
    d.report.sha256 = source->sha256;
    std::optional<int64_t> stored;
    if (!options.force && lookup != nullptr) {
      auto found = lookup->FindDocument(d.report.sha256);
      if (found.ok()) stored = *found;
    }
    if (options.shard && !InShard(d.report.sha256, *options.shard)) {
      d.report.status = FileStatus::kOtherShard;
    } else if (stored) {
      d.report.status = FileStatus::kUnchanged;
    } else {
      const bool paged = on_page && (source->pdf_file || LooksLikePdf(source->bytes) ||
                                     LooksLikeImage(source->bytes));
      PageProgress progress{d.report.path, 0, paged ? CountPages(*source, d.report.path) : 0};
      if (on_page) on_page(progress);
      auto e = read(
          file, std::move(*source),
          [&](int laid_out) {
            progress.pages_laid_out = laid_out;
            if (on_page) on_page(progress);
          },
          SpillPrefix(options.db, getpid()));
      if (e.ok()) {
        Summarise(*e, &d.report);
        d.read = std::move(*e);
      } else {
        d.report.error = e.status().message();
      }
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
  if (!d->read) return;
  DocumentRead& read = *d->read;
  Result<Store::PutOutcome> put = Store::PutOutcome::kUnchanged;
  if (read.spill) {
    const DocumentInfo document = std::move(read.extraction.document);
    read.extraction = Extraction{};  // what the spill holds need not stay while it is copied
    put = store.PutSpilled(document, read.spill->path(), force);
  } else {
    put = store.Put(read.extraction, force);
  }
  d->read.reset();  // and the spill's scratch database with it
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

// Messages from a worker to the batch, one a line: a tag, then fields separated by tabs (tabs and
// line breaks inside a field become spaces).
constexpr char kPagesTag = 'P';   // the document's page count and the pages laid out so far
constexpr char kReportTag = 'R';  // the FileReport, once the document is settled
constexpr char kLogTag = 'L';     // a line of the worker's log: its level, its text

std::string Message(char tag, std::vector<std::string> fields) {
  std::string out(1, tag);
  for (std::string& field : fields) {
    std::replace_if(
        field.begin(), field.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
    out += "\t" + field;
  }
  return out + "\n";
}

std::vector<std::string> Fields(std::string_view line) {
  std::vector<std::string> out;
  for (size_t start = 0;;) {
    const size_t end = line.find('\t', start);
    out.emplace_back(line.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

std::string Serialise(const FileReport& r) {
  std::vector<std::string> fields = {std::to_string(static_cast<int>(r.status)),
                                     r.error,
                                     r.sha256,
                                     r.kind,
                                     r.institute ? "+" + *r.institute : "-",
                                     r.year ? std::to_string(*r.year) : ""};
  for (size_t n : {r.bytes, r.sections, r.activities, r.deliverables, r.findings, r.pages}) {
    fields.push_back(std::to_string(n));
  }
  return Message(kReportTag, std::move(fields));
}

// The report in `f` (the fields of a kReportTag message, the tag first) for `path`, or nullopt
// when it is not one.
std::optional<FileReport> Deserialise(const std::vector<std::string>& f, const std::string& path) {
  if (f.size() != 13) return std::nullopt;
  const std::optional<int64_t> status = ParseInteger(f[1]);
  if (!status || *status < 0 || *status > static_cast<int64_t>(FileStatus::kFailed)) {
    return std::nullopt;
  }
  FileReport r;
  r.path = path;
  r.status = static_cast<FileStatus>(*status);
  r.error = f[2];
  r.sha256 = f[3];
  r.kind = f[4];
  if (f[5].starts_with("+")) r.institute = f[5].substr(1);
  if (auto year = ParseInteger(f[6])) r.year = static_cast<int>(*year);
  size_t* counts[] = {&r.bytes, &r.sections, &r.activities, &r.deliverables, &r.findings, &r.pages};
  for (size_t i = 0; i < 6; ++i) {
    *counts[i] = static_cast<size_t>(ParseInteger(f[7 + i]).value_or(0));
  }
  return r;
}

void WriteAll(int fd, const std::string& text) {
  for (size_t written = 0; written < text.size();) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n <= 0) return;
    written += static_cast<size_t>(n);
  }
}

// The channel a worker's messages go out by, one whole message at a time from any of its threads.
class Channel {
 public:
  explicit Channel(int fd) : fd_(fd) {}
  void Send(const std::string& message) {
    std::lock_guard lock(mu_);
    WriteAll(fd_, message);
  }

 private:
  std::mutex mu_;
  int fd_;
};

// A worker's log goes to the batch, which logs each line as its own (through the progress bar).
class LogSink : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 public:
  explicit LogSink(Channel* channel) : channel_(channel) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    channel_->Send(Message(kLogTag, {std::to_string(static_cast<int>(message.level)),
                                     std::string(message.payload.data(), message.payload.size())}));
  }
  void flush_() override {}

 private:
  Channel* channel_;
};

// The next document a worker is given: the index of a file, one a line on `fd`, or nullopt
// when the batch has none left (it closed its end).
std::optional<size_t> NextTask(int fd) {
  std::string line;
  for (char c; read(fd, &c, 1) == 1;) {
    if (c == '\n') return static_cast<size_t>(ParseInteger(line).value_or(0));
    line += c;
  }
  return std::nullopt;
}

// A worker of the pool: loads its reader and opens the database once, then reads and stores
// the documents the batch sends on `tasks` one after another, with its messages to `out`, until
// the batch has no more. Never returns.
[[noreturn]] void RunWorker(const std::vector<std::filesystem::path>& files,
                            const BatchOptions& options, const LoadReader& load, int tasks,
                            int out) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // a batch killed takes its workers with it
  Channel channel(out);
  spdlog::default_logger()->sinks() = {std::make_shared<LogSink>(&channel)};
  auto reader = load();
  auto store = reader.ok() ? Store::Open(options.db) : Result<std::unique_ptr<Store>>(nullptr);
  for (std::optional<size_t> task; (task = NextTask(tasks)) && *task < files.size();) {
    const std::filesystem::path& file = files[*task];
    FileReport report;
    report.path = file.string();
    if (!reader.ok()) {
      report.error = report.path + ": " + reader.status().message();
    } else if (!store.ok()) {
      report.error = report.path + ": not stored: " + store.status().message();
    } else {
      Done d = ReadOne(file, options, *reader, store->get(), [&channel](const PageProgress& p) {
        channel.Send(
            Message(kPagesTag, {std::to_string(p.pages), std::to_string(p.pages_laid_out)}));
      });
      StoreOne(**store, options.force, &d);
      report = std::move(d.report);
    }
    malloc_trim(0);  // what the document took goes back, so the next one is measured alone
    channel.Send(Serialise(report));
  }
  _exit(0);  // no destructors: what the worker's threads hold is not for them to release
}

// A worker of the pool, seen from the batch.
struct Worker {
  pid_t pid = -1;              // -1: not running; started when a document waits
  int tasks = -1;              // documents go to it through here
  int fd = -1;                 // its messages come through here
  int err = -1;                // and its standard error: what libraries write there
  std::optional<size_t> file;  // the document it reads
  std::chrono::steady_clock::time_point start;
  DocumentLimits limits;  // of a one-page document until the worker counts the pages
  std::string received;   // the start of a message still being written
  std::string errors;     // the start of a line of its standard error
  std::optional<FileReport> report;
  std::string stopped;  // why the batch killed it, if it did
};

// Reads the messages `w` has written for `path` so far; `on_page` (when set) hears where it is.
void Receive(const BatchOptions& options, const std::string& path, const OnPage& on_page,
             Worker* w) {
  char buffer[4096];
  for (ssize_t n; (n = read(w->fd, buffer, sizeof buffer)) > 0;) {
    w->received.append(buffer, static_cast<size_t>(n));
  }
  for (size_t end; (end = w->received.find('\n')) != std::string::npos;) {
    const std::vector<std::string> fields = Fields(std::string_view(w->received).substr(0, end));
    if (fields[0].size() == 1 && fields[0][0] == kPagesTag && fields.size() == 3) {
      const int pages = static_cast<int>(ParseInteger(fields[1]).value_or(1));
      const int laid_out = static_cast<int>(ParseInteger(fields[2]).value_or(0));
      if (laid_out == 0) {
        w->limits = LimitsFor(options.timeout_seconds, options.max_memory_mb, std::max(1, pages));
      }
      if (on_page && pages > 0) on_page({path, laid_out, pages});
    } else if (fields[0].size() == 1 && fields[0][0] == kReportTag) {
      w->report = Deserialise(fields, path);
    } else if (fields[0].size() == 1 && fields[0][0] == kLogTag && fields.size() == 3) {
      const auto level = ParseInteger(fields[1]).value_or(spdlog::level::err);
      spdlog::log(static_cast<spdlog::level::level_enum>(
                      std::clamp<int64_t>(level, spdlog::level::trace, spdlog::level::critical)),
                  "{}", fields[2]);
    }
    w->received.erase(0, end + 1);
  }
}

// Logs the lines `w` has written on its standard error (Tesseract, Leptonica and poppler write
// there), each named by `path`, the file it is reading ("" when none); `all` takes a last line
// without its line break too (the worker has ended). Called after its messages are received, so
// that what it wrote before its report is named by the file the report is for.
void Relay(const std::string& path, bool all, Worker* w) {
  char buffer[4096];
  for (ssize_t n; (n = read(w->err, buffer, sizeof buffer)) > 0;) {
    w->errors.append(buffer, static_cast<size_t>(n));
  }
  for (size_t end;
       (end = w->errors.find('\n')) != std::string::npos || (all && !w->errors.empty());) {
    const std::string line = w->errors.substr(0, end);
    w->errors.erase(0, end == std::string::npos ? end : end + 1);
    if (line.empty()) continue;
    if (path.empty()) {
      spdlog::warn("{}", line);
    } else {
      spdlog::warn("{}: {}", path, line);
    }
  }
}

// The whole resident memory of a worker in MB, shared pages included, or 0 when it cannot be
// read. statm keeps counters: reading it costs nothing, where smaps_rollup walks every mapping.
int64_t WholeResidentMb(pid_t pid) {
  std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
  int64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * sysconf(_SC_PAGESIZE) / (1024 * 1024);
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

// "the limit for a document of 3 pages", or the option that set it.
std::string LimitName(bool scaled, const std::string& option, int value, int pages) {
  if (!scaled) return option + " " + std::to_string(value);
  return "the limit for a document of " + std::to_string(pages) +
         (pages == 1 ? " page" : " pages") + "; see " + option;
}

// Kills `w` when it is past a limit, saying which.
void Police(const std::string& path, Worker* w) {
  if (!w->stopped.empty()) return;
  const DocumentLimits& limits = w->limits;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - w->start).count();
  if (limits.timeout_seconds > 0 && seconds > limits.timeout_seconds) {
    w->stopped = path + ": stopped after " + std::to_string(limits.timeout_seconds) + " s (" +
                 LimitName(limits.scaled_time, "--timeout", limits.timeout_seconds, limits.pages) +
                 ")";
  } else if (const int64_t mb =
                 limits.max_memory_mb > 0 && WholeResidentMb(w->pid) > limits.max_memory_mb
                     ? ResidentMb(w->pid)
                     : 0;
             mb > limits.max_memory_mb) {
    w->stopped =
        path + ": stopped at " + std::to_string(mb) + " MB of memory (" +
        LimitName(limits.scaled_memory, "--max-memory", limits.max_memory_mb, limits.pages) + ")";
  }
  if (!w->stopped.empty()) kill(w->pid, SIGKILL);
}

// The report of a worker that has ended with `status` (as waitpid gives it).
FileReport Ended(const Worker& w, int status, const std::string& path) {
  FileReport r;
  if (w.stopped.empty() && w.report) {
    r = *w.report;
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

// Starts `w`: its process, and the channels documents go out and messages come back by. The
// new process keeps none of the batch's ends of the other workers' channels, so that each
// worker sees its own end of the batch. False when it cannot be started.
bool Start(const std::vector<std::filesystem::path>& files, const BatchOptions& options,
           const LoadReader& load, const std::vector<Worker>& all, Worker* w) {
  int tasks[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  const pid_t pid =
      socketpair(AF_UNIX, SOCK_STREAM, 0, tasks) == 0 && pipe(out) == 0 && pipe(err) == 0 ? fork()
                                                                                          : -1;
  if (pid == 0) {
    for (const Worker& other : all) {
      if (other.pid < 0) continue;
      close(other.tasks);
      close(other.fd);
      close(other.err);
    }
    close(tasks[0]);
    close(out[0]);
    close(err[0]);
    dup2(err[1], STDERR_FILENO);
    close(err[1]);
    RunWorker(files, options, load, tasks[1], out[1]);
  }
  for (int fd : {tasks[1], out[1], err[1]}) {
    if (fd >= 0) close(fd);
  }
  if (pid < 0) {
    for (int fd : {tasks[0], out[0], err[0]}) {
      if (fd >= 0) close(fd);
    }
    return false;
  }
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  fcntl(err[0], F_SETFL, O_NONBLOCK);
  w->pid = pid;
  w->tasks = tasks[0];
  w->fd = out[0];
  w->err = err[0];
  return true;
}

// Gives document `file` to `w`, which is running and idle. A worker that has ended in the
// meantime does not get it, and is found ended with it.
void Give(size_t file, const BatchOptions& options, Worker* w) {
  const std::string task = std::to_string(file) + "\n";
  send(w->tasks, task.data(), task.size(), MSG_NOSIGNAL);
  w->file = file;
  w->start = std::chrono::steady_clock::now();
  w->limits = LimitsFor(options.timeout_seconds, options.max_memory_mb, 1);
  w->report.reset();
  w->received.clear();
}

}  // namespace

int BatchJobs(const BatchOptions& options) {
  return std::max(
      1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
}

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
                                         const std::function<void(const FileReport&)>& on_file,
                                         const OnPage& on_page) {
  auto store = Store::Open(options.db);
  if (!store.ok()) return store.status();

  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Done> done;
  OnPage paged;  // a text export has no pages to tell
  if (on_page) {
    paged = [&](const PageProgress& p) {
      if (p.pages > 0) on_page(p);
    };
  }
  auto work = [&] {
    auto lookup = Store::Open(options.db);
    for (size_t i = next++; i < files.size(); i = next++) {
      Done d = ReadOne(files[i], options, read, lookup.ok() ? lookup->get() : nullptr, paged);
      std::lock_guard<std::mutex> lock(mu);
      done.push_back(std::move(d));
      ready.notify_one();
    }
  };
  std::vector<std::thread> workers;
  const int threads =
      std::min<int>(BatchJobs(options), static_cast<int>(std::max<size_t>(1, files.size())));
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
    const LoadReader& load, const std::function<void(const FileReport&)>& on_file,
    const OnPage& on_page) {
  // Made (or migrated) once here, not by workers racing each other.
  if (auto store = Store::Open(options.db); !store.ok()) return store.status();

  std::vector<Worker> workers(std::min<size_t>(BatchJobs(options), files.size()));
  std::vector<FileReport> reports;
  size_t next = 0;
  auto settle = [&](FileReport r) {
    Log(r);
    on_file(r);
    reports.push_back(std::move(r));
  };
  while (reports.size() < files.size()) {
    for (Worker& w : workers) {
      if (w.file || next == files.size()) continue;
      if (w.pid < 0 && !Start(files, options, load, workers, &w)) {
        FileReport r;
        r.path = files[next++].string();
        r.error = r.path + ": no worker could be started (" + std::strerror(errno) + ")";
        settle(std::move(r));
        continue;
      }
      Give(next++, options, &w);
    }
    std::vector<pollfd> polled;
    for (const Worker& w : workers) {
      if (w.pid < 0) continue;
      polled.push_back(pollfd{w.fd, POLLIN, 0});
      polled.push_back(pollfd{w.err, POLLIN, 0});
    }
    poll(polled.data(), polled.size(), kPollMs);
    for (Worker& w : workers) {
      if (w.pid < 0) continue;
      const std::string path = w.file ? files[*w.file].string() : "";
      Receive(options, path, on_page, &w);
      Relay(path, false, &w);
      if (w.file && w.report && w.stopped.empty()) {  // done, and ready for the next
        settle(Ended(w, 0, path));
        w.file.reset();
        continue;
      }
      int status = 0;
      if (waitpid(w.pid, &status, WNOHANG) == 0) {
        if (w.file) Police(path, &w);
        continue;
      }
      Receive(options, path, on_page, &w);
      Relay(path, true, &w);
      if (w.file) settle(Ended(w, status, path));
      RemoveSpills(options.db, w.pid);
      close(w.tasks);
      close(w.fd);
      close(w.err);
      w = Worker{};  // started again when a document waits
    }
  }
  for (Worker& w : workers) {  // each sees the end of its tasks and ends
    if (w.pid < 0) continue;
    close(w.tasks);
    waitpid(w.pid, nullptr, 0);
    Relay("", true, &w);
    close(w.fd);
    close(w.err);
  }
  return reports;
}

}  // namespace oplex
