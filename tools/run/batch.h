// The batch runner: ingests many files into one database.
//
// Files are processed in parallel (one reader, DocumentPipeline::Process in oplex, shared by
// `jobs` worker threads, each with its own read connection to skip documents already stored) and
// written by one writer, one transaction per document. So a batch is idempotent (a stored
// document's content hash makes a second ingest a no-op), resumable (an interrupted batch leaves
// only whole documents; the next run skips them), and a bad file costs only itself, even one that
// makes a stage throw: it gets a FileReport with the reason and the batch goes on.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/records.h"
#include "models/status.h"
#include "pipeline/page_blocks.h"
#include "tools/run/document_limits.h"
#include "tools/run/record_spill.h"
#include "tools/run/shard.h"

namespace oplex {

struct BatchOptions {
  std::filesystem::path db;
  bool force = false;  // replace documents already stored
  int jobs = 0;        // worker threads (or processes); 0 = one per core
  // Limits on the worker process that reads one document, for RunBatchInWorkers: kScaledLimit
  // scales them by the document's pages (document_limits.h), 0 lifts them, another value holds
  // for every document.
  int timeout_seconds = kScaledLimit;
  int max_memory_mb = kScaledLimit;  // resident memory, sampled every 50 ms
  // When set, only the files whose content hash falls in this shard are read; the others are
  // kOtherShard.
  std::optional<Shard> shard;
};

// options.jobs, or one per core when 0.
int BatchJobs(const BatchOptions& options);

// kOtherShard: not read, its content hash falls in another shard than BatchOptions::shard.
enum class FileStatus { kStored, kReplaced, kUnchanged, kOtherShard, kFailed };
const char* ToString(FileStatus status);

struct FileReport {
  std::string path;
  FileStatus status = FileStatus::kFailed;
  std::string error;  // for kFailed: names the file and the reason
  std::string sha256;
  std::string kind;
  std::optional<std::string> institute;
  std::optional<int> year;
  size_t bytes = 0;
  size_t sections = 0, activities = 0, deliverables = 0, findings = 0;
  size_t pages = 0;  // of the document read (0 for a text export without page marks)
  double seconds = 0;
};

// A path found in a folder and not read, and why ("hidden file", "not a document (.tsv)").
struct SkippedPath {
  std::string path;
  std::string reason;
};

// Which files of a folder are read; a file named as an input is always read. Globs are
// fnmatch(3) patterns matched against a file's name and against its path under the folder
// named ("2024/*.pdf").
struct InputFilter {
  std::vector<std::string> include;  // when not empty, only files matching one of them
  std::vector<std::string> exclude;  // files matching one of them are not read
};

// What `inputs` name.
struct Inputs {
  std::vector<std::filesystem::path> files;  // sorted within each folder
  std::vector<FileReport> failed;            // inputs that do not exist, unreadable folders
  std::vector<SkippedPath> skipped;
};

// The input that names standard input: its bytes are read from there, once.
inline constexpr char kStandardInput[] = "-";

// Files named by `inputs`: files as given (kStandardInput too), folders walked recursively.
// In a folder, these are not read, each listed in `skipped` with the reason: hidden entries (a
// name starting with "."), symbolic links to folders (which may loop), files that are plainly
// not published documents (a README, Markdown, JSON, TSV, CSV, code, databases: see
// NotADocument) and files `filter` leaves out. A folder that cannot be listed is a failed report
// naming it. A folder given as an input is walked even when it is a symbolic link.
Inputs ExpandInputs(const std::vector<std::string>& inputs, const InputFilter& filter = {});

// Why a file found in a folder is plainly not a document ("not a document (.json)"), or "" when
// it may be one: work plans and reports come as PDF, images and text or HTML exports.
std::string NotADocument(const std::filesystem::path& file);

// How the batch reads one document: DocumentPipeline::Read (see there) in oplex. It takes the
// file's content (a PDF left in its file: OpenSourceFile), so that it can let it go before the
// document is read through, and tells
// `on_page` of each page as it is laid out. A long document's records may be spilled to a scratch
// database named `spill_prefix` and a few characters more (beside the database, named after it
// and the process), then stored from there (Store::PutSpilled).
using ReadDocument = std::function<Result<DocumentRead>(const std::filesystem::path& path,
                                                        Source source, const PageLaidOut& on_page,
                                                        const std::string& spill_prefix)>;

// Where the reading of a document is: `pages_laid_out` of its `pages` (0 when it begins, its page
// count known and nothing laid out yet; a text export has no pages and gives none of these).
struct PageProgress {
  std::string path;
  int pages_laid_out = 0;
  int pages = 0;
};
using OnPage = std::function<void(const PageProgress&)>;

// Runs the batch; `on_file` is called from the calling thread after each file is settled,
// `on_page` (when set) from the reading threads as a document begins and as each of its pages is
// laid out. An exception `read` lets escape fails its file only, with an error naming it and the
// reason. Fails as a whole only when the database cannot be opened.
Result<std::vector<FileReport>> RunBatch(const std::vector<std::filesystem::path>& files,
                                         const BatchOptions& options, const ReadDocument& read,
                                         const std::function<void(const FileReport&)>& on_file,
                                         const OnPage& on_page = {});

// How a worker process gets its reader: called once in each worker, after it has started, so
// that what the reader starts (the OCR threads) is the worker's own.
using LoadReader = std::function<Result<ReadDocument>()>;

// The batch in a pool of worker processes, up to `jobs` of them: each loads its reader and
// opens the database once, then takes one document after another over a pipe, reads it and
// stores it (SQLite's locking orders the writers, one transaction per document as in RunBatch),
// and reports to this process, which calls `on_file`, and `on_page` (when set) as a document
// begins and as each of its pages is laid out, the worker telling it page by page. A worker that
// crashes (a signal), runs past its document's time or memory limit (options.timeout_seconds,
// options.max_memory_mb; by default scaled by the page count the worker finds before reading) is
// killed: its file gets one error naming the cause, a new worker takes its place, and the batch
// goes on. A worker's log lines are logged by this process, and each line it writes on standard
// error (Tesseract, Leptonica and poppler write there) as a warning naming the file it is reading.
// The calling process must run no other threads (fork copies only the calling one). Fails as a
// whole only when the database cannot be opened.
Result<std::vector<FileReport>> RunBatchInWorkers(
    const std::vector<std::filesystem::path>& files, const BatchOptions& options,
    const LoadReader& load, const std::function<void(const FileReport&)>& on_file,
    const OnPage& on_page = {});

}  // namespace oplex
