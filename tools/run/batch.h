// The batch runner: ingests many files into one database.
//
// Files are processed in parallel (one DocumentPipeline shared by `jobs` worker threads, each
// with its own read connection to skip documents already stored) and written by one writer, one
// transaction per document. So a batch is idempotent (a stored document's content hash makes a
// second ingest a no-op), resumable (an interrupted batch leaves only whole documents; the next
// run skips them), and a bad file costs only itself: it gets a FileReport with the reason and
// the batch goes on.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/status.h"
#include "tools/run/document_pipeline.h"

namespace oplex {

struct BatchOptions {
  std::filesystem::path db;
  bool force = false;  // replace documents already stored
  int jobs = 0;        // worker threads; 0 = one per core
};

enum class FileStatus { kStored, kReplaced, kUnchanged, kFailed };
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
  double seconds = 0;
};

// Files named by `inputs`: files as given, folders walked recursively (hidden entries skipped),
// sorted. Inputs that do not exist become failed reports.
std::vector<std::filesystem::path> ExpandInputs(const std::vector<std::string>& inputs,
                                                std::vector<FileReport>* missing);

// Runs the batch; `on_file` is called from the calling thread after each file is settled.
// Fails as a whole only when the database cannot be opened.
Result<std::vector<FileReport>> RunBatch(const std::vector<std::filesystem::path>& files,
                                         const BatchOptions& options,
                                         const DocumentPipeline& pipeline,
                                         const std::function<void(const FileReport&)>& on_file);

}  // namespace oplex
