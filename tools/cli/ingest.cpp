// `oplex ingest`: files and folders into the database, through the batch runner.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

#include "models/store.h"
#include "tools/cli/args.h"
#include "tools/cli/commands.h"
#include "tools/cli/json.h"
#include "tools/cli/metadata_options.h"
#include "tools/cli/progress.h"
#include "tools/run/batch.h"
#include "tools/run/document_pipeline.h"

namespace oplex::cli {
namespace {

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

constexpr CommandHelp kIngestHelp = {
    "ingest", "read files and folders into the database", "PATH... [options]",
    R"(Reads files, and folders recursively, into the database: text exports, PDFs, and scans (PDF
pages without a text layer, PNG, JPEG, TIFF) read by OCR. One transaction per document, so an
interrupted run leaves only whole documents and the next run resumes. A document already stored
(same content) is skipped unless --force, which replaces it. A file or folder that cannot be read
gets one error line naming it and the reason; the others are still stored (exit code 1; 3 when no
file could be read). A file named is always read; "-" reads standard input. In folders, what is not
read gets a "skipped" line with the reason (and an entry of "skipped" in --json): hidden entries
(".name"), symbolic links to folders (name one to read it), files that are plainly not published
documents (README*, Markdown, JSON, TSV, CSV, XML, YAML, code, databases, archives) and files
--include and --exclude leave out. Their globs are matched against a file's name and its path under
the folder named ('*.pdf', '2024/*').
Each document is read in a worker process (--jobs of them), held to a time and a memory limit
scaled by its page count (--timeout, --max-memory; README "Limits per document"): a worker that
crashes or passes a limit is one error line naming the file and the cause, and the batch goes on.
--timeout 0 --max-memory 0 reads in threads of this process instead, with no limits.
With --shard K/N, only the files whose content hash falls in shard K of N are read (each file
in exactly one shard, whatever its name); `oplex merge` brings the shards' databases together.
--institute, --year and --kind set what classify would read, on every file of the call (stored
now or before); a manifest (--manifest FILE.csv, a header row naming `path` and any of
`institute`, `year`, `kind`, `title`; paths relative to its folder) sets them file by file, its
cells over the options. Values set by hand are recorded as such (`oplex documents` shows them).
)"};

struct IngestOptions {
  std::vector<std::string> inputs;
  InputFilter filter;
  MetadataOptions metadata;
  std::filesystem::path manifest;
  BatchOptions batch;
  OcrOptions ocr;
};

// Sets the metadata given by hand (the options, then the file's manifest row) on the document of
// each file settled, and shows it in the file's report (a replaced document's stored values too:
// it keeps what was set on it before).
class HandSet {
 public:
  HandSet(std::filesystem::path db, MetadataEdit edit, Manifest manifest)
      : db_(std::move(db)), edit_(std::move(edit)), manifest_(std::move(manifest)) {}

  Status Apply(FileReport* r) {
    if (r->status == FileStatus::kFailed || r->status == FileStatus::kOtherShard) {
      return Status::Ok();
    }
    if (r->status == FileStatus::kReplaced) {
      // The stored copy keeps what was set on it by hand (Store::Put): show the stored values.
      if (Status s = ReadStored(r); !s.ok()) return s;
    }
    auto row = manifest_.find(ManifestKey(r->path));
    for (const auto& [set, source] :
         {std::pair{edit_, MetadataSource::kIngest},
          std::pair{row == manifest_.end() ? MetadataEdit{} : row->second,
                    MetadataSource::kManifest}}) {
      if (set.empty()) continue;
      if (Status s = OpenStore(); !s.ok()) return s;
      if (Status s = SetMetadata(*store_, r->sha256, set, source); !s.ok()) {
        return WithContext(s, r->path);
      }
      if (set.institute) r->institute = set.institute;
      if (set.year) r->year = set.year;
      if (set.kind) r->kind = ToString(*set.kind);
    }
    return Status::Ok();
  }

 private:
  Status OpenStore() {
    if (store_) return Status::Ok();
    auto opened = Store::Open(db_);
    if (!opened.ok()) return opened.status();
    store_ = std::move(*opened);
    return Status::Ok();
  }

  Status ReadStored(FileReport* r) {
    if (Status s = OpenStore(); !s.ok()) return s;
    Result<Statement> read =
        store_->Prepare("SELECT institute, year, kind FROM document WHERE sha256 = ?");
    if (!read.ok()) return read.status();
    Result<bool> row = read->Bind(1, r->sha256).Step();
    if (!row.ok()) return row.status();
    if (*row) {
      r->institute = read->OptionalText(0);
      r->year = read->OptionalInt(1);
      r->kind = read->Text(2);
    }
    return Status::Ok();
  }

  std::filesystem::path db_;
  MetadataEdit edit_;
  Manifest manifest_;
  std::unique_ptr<Store> store_;  // opened when first needed, on the batch's calling thread
};

// A settled file's line: its result for people ("" when failed: its error is logged), or one
// JSON object.
std::string ResultLine(const FileReport& r, bool json) {
  if (r.status == FileStatus::kOtherShard) return "";
  std::ostringstream line;
  if (json) {
    Json j(line);
    j.BeginObject();
    j.Key("path").String(r.path);
    j.Key("status").String(ToString(r.status));
    if (r.status == FileStatus::kFailed) j.Key("error").String(r.error);
    j.Key("sha256").String(r.sha256);
    j.Key("kind").String(r.kind);
    j.Key("institute").OptString(r.institute);
    j.Key("year").OptInt(r.year);
    j.Key("pages").Int(static_cast<int64_t>(r.pages));
    j.Key("sections").Int(static_cast<int64_t>(r.sections));
    j.Key("activities").Int(static_cast<int64_t>(r.activities));
    j.Key("deliverables").Int(static_cast<int64_t>(r.deliverables));
    j.Key("findings").Int(static_cast<int64_t>(r.findings));
    j.Key("seconds").Number(r.seconds);
    j.EndObject();
    return line.str() + "\n";
  }
  if (r.status == FileStatus::kFailed) return "";
  line << ToString(r.status) << "  " << r.path;
  if (r.status != FileStatus::kUnchanged) {
    line << "  [" << r.institute.value_or("?") << " " << (r.year ? std::to_string(*r.year) : "?")
         << " " << r.kind << "] " << r.activities << " activities, " << r.sections << " sections, "
         << r.findings << " findings";
  }
  return line.str() + "\n";
}

// A document being read, as a JSON line: its path, "reading", the pages laid out and its pages.
std::string ReadingLine(const PageProgress& p) {
  std::ostringstream line;
  Json j(line);
  j.BeginObject();
  j.Key("path").String(p.path);
  j.Key("status").String("reading");
  j.Key("pages_read").Int(p.pages_laid_out);
  j.Key("pages").Int(p.pages);
  j.EndObject();
  return line.str() + "\n";
}

int RunIngest(const CLI::App& command, const GlobalOptions& global, IngestOptions& o) {
  Result<MetadataEdit> edit = CheckEdit(o.metadata, global.data_dir);
  if (!edit.ok()) return UsageFailure(command, edit.status().message());
  Manifest manifest;
  if (!o.manifest.empty()) {
    Result<Manifest> read = ReadManifest(o.manifest, global.data_dir);
    if (!read.ok()) return UsageFailure(command, read.status().message());
    manifest = std::move(*read);
    for (const auto& [path, _] : manifest) o.inputs.push_back(path.string());
  }
  if (o.inputs.empty()) return UsageFailure(command, "ingest needs at least one file or folder");
  if (std::count(o.inputs.begin(), o.inputs.end(), kStandardInput) > 1) {
    return UsageFailure(command, "standard input (-) can be read once");
  }
  BatchOptions& options = o.batch;
  options.db = global.db;
  OcrOptions& ocr = o.ocr;
  const std::vector<std::string>& inputs = o.inputs;

  // Threads share one OCR engine per job; worker processes (for the limits) have their share.
  const bool in_workers = options.timeout_seconds != 0 || options.max_memory_mb != 0;
  ocr.workers = options.jobs;
  auto reader = [](std::shared_ptr<DocumentPipeline> pipeline) -> ReadDocument {
    return [pipeline](const std::filesystem::path& path, Source source, const PageLaidOut& on_page,
                      const std::string& spill_prefix) {
      return pipeline->Read(path, std::move(source), {}, on_page, spill_prefix);
    };
  };
  // Loaded here, before any file is read, which checks the data folder. Worker processes are
  // forked with it (this process reads no page, so no OCR thread runs here: fork copies only the
  // calling thread) and each gives it its share of OCR engines.
  auto loaded = DocumentPipeline::Load(global.data_dir, ocr);
  if (!loaded.ok()) {
    spdlog::error("data folder {}: {}", global.data_dir.string(), loaded.status().message());
    return kExitFatal;
  }
  const auto pipeline = std::make_shared<DocumentPipeline>(std::move(*loaded));
  Inputs found = ExpandInputs(inputs, o.filter);
  std::vector<FileReport> reports = std::move(found.failed);
  for (const FileReport& failed : reports) spdlog::error("{}", failed.error);
  const std::vector<std::filesystem::path>& files = found.files;
  if (in_workers) {
    // Fewer documents than jobs (one long scan): each worker takes more OCR engines.
    const int jobs = BatchJobs(options);
    ocr.workers = std::max(1, jobs / std::clamp(static_cast<int>(files.size()), 1, jobs));
  }

  const auto start = std::chrono::steady_clock::now();
  uintmax_t bytes = 0;
  for (const std::filesystem::path& file : files) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec) bytes += size;
  }
  const bool print = global.json || !global.quiet;
  std::optional<Progress> progress;  // ended before the summary
  progress.emplace(files.size(), bytes, !global.json && !global.quiet && isatty(STDERR_FILENO));
  if (global.json) {
    for (const FileReport& r : reports) progress->Print(ResultLine(r, true));
  }
  HandSet hand_set(global.db, *edit, std::move(manifest));
  Status hand_set_status;
  auto on_file = [&](const FileReport& settled) {
    FileReport r = settled;
    if (Status s = hand_set.Apply(&r); !s.ok() && hand_set_status.ok()) hand_set_status = s;
    progress->Settled(r, print ? ResultLine(r, global.json) : "");
    reports.push_back(std::move(r));
  };
  auto on_page = [&](const PageProgress& p) {
    progress->Reading(p, global.json ? ReadingLine(p) : "");
  };
  // No file to read: no database is created for nothing.
  auto ran = files.empty() ? Result<std::vector<FileReport>>(std::vector<FileReport>())
             : in_workers  ? RunBatchInWorkers(
                                 files, options,
                                 [&]() -> Result<ReadDocument> {
                                  pipeline->SetOcr(ocr);
                                  return reader(pipeline);
                                },
                                 on_file, on_page)
                          : RunBatch(files, options, reader(pipeline), on_file, on_page);
  progress.reset();
  if (!ran.ok()) {
    spdlog::error("{}", ran.status().message());
    return kExitFatal;
  }
  if (!hand_set_status.ok()) {
    spdlog::error("{}", hand_set_status.message());
    return kExitFatal;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  size_t failed = 0, stored = 0, unchanged = 0, replaced = 0, other_shard = 0;
  for (const FileReport& r : reports) {
    other_shard += r.status == FileStatus::kOtherShard;
    failed += r.status == FileStatus::kFailed;
    stored += r.status == FileStatus::kStored;
    unchanged += r.status == FileStatus::kUnchanged;
    replaced += r.status == FileStatus::kReplaced;
  }
  if (global.json) {  // the last line: the summary
    Json j(std::cout);
    j.BeginObject();
    j.Key("database").String(global.db.string());
    j.Key("seconds").Number(seconds);
    j.Key("stored").Int(static_cast<int64_t>(stored));
    j.Key("replaced").Int(static_cast<int64_t>(replaced));
    j.Key("unchanged").Int(static_cast<int64_t>(unchanged));
    j.Key("failed").Int(static_cast<int64_t>(failed));
    if (options.shard) j.Key("other_shard").Int(static_cast<int64_t>(other_shard));
    j.Key("skipped").BeginArray();
    for (const SkippedPath& p : found.skipped) {
      j.BeginObject();
      j.Key("path").String(p.path);
      j.Key("reason").String(p.reason);
      j.EndObject();
    }
    j.EndArray();
    j.EndObject();
    std::cout << "\n";
  } else if (!global.quiet) {
    for (const SkippedPath& p : found.skipped) {
      std::cout << "skipped  " << p.path << "  (" << p.reason << ")\n";
    }
    std::cout << stored << " stored, " << replaced << " replaced, " << unchanged << " unchanged, "
              << failed << " failed";
    if (!found.skipped.empty()) std::cout << ", " << found.skipped.size() << " skipped";
    if (options.shard) {
      std::cout << ", " << other_shard << " in other shards (shard " << options.shard->index << "/"
                << options.shard->count << ")";
    }
    std::cout << " in " << FormatNumber(seconds) << " s → " << global.db.string() << "\n";
  }
  if (failed == 0) return kExitOk;
  return stored + replaced + unchanged + other_shard > 0 ? kExitSomeFailed : kExitFatal;
}

}  // namespace

Command AddIngest(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kIngestHelp);
  auto o = std::make_shared<IngestOptions>();
  command->add_option("PATH", o->inputs, "files and folders to read")->type_name("");
  command->add_flag("--force", o->batch.force, "replace documents already in the database");
  command
      ->add_option("--include", o->filter.include,
                   "in folders, read only the files matching GLOB (may be repeated)")
      ->type_name("GLOB")
      ->allow_extra_args(false);  // one glob per --include: the paths follow
  command
      ->add_option("--exclude", o->filter.exclude,
                   "in folders, do not read the files matching GLOB (may be repeated)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  AddBounded(command, "-j,--jobs", &o->batch.jobs, 1, kMaxJobs,
             "documents processed in parallel, and OCR engines (default: one per core)");
  AddBounded(command, "--timeout", &o->batch.timeout_seconds, 0, kMaxTimeoutSeconds,
             "stop reading a document after N seconds (default: " + std::to_string(kBaseSeconds) +
                 " + " + std::to_string(kSecondsPerPage) + " a page; 0: no limit)");
  AddBounded(
      command, "--max-memory", &o->batch.max_memory_mb, 0, kMaxMemoryMb,
      "stop reading a document past N MB of memory (default: " + std::to_string(kBaseMemoryMb) +
          " + " + std::to_string(kMemoryMbPerPage) + " a page; 0: no limit)");
  CLI::Option* shard =
      command
          ->add_option_function<std::string>(
              "--shard", [o](const std::string& value) { o->batch.shard = ParseShard(value); },
              "read only the files of shard K of N (1 <= K <= N <= 1000000)")
          ->type_name("K/N");
  Checked(shard, [](const std::string& name, const std::string& value) {
    if (ParseShard(value)) return std::string();
    return name + " is K/N, shard K of N (1 <= K <= N <= " + std::to_string(kMaxShards) +
           "), not '" + value + "'";
  });
  AddOcrOptions(command, &o->ocr);
  AddMetadataOptions(command, &o->metadata, false);
  command
      ->add_option("--manifest", o->manifest,
                   "CSV of path, institute, year, kind, title: reads its files and sets each "
                   "one's metadata")
      ->type_name("FILE.csv");
  return [command, o, &global] { return RunIngest(*command, global, *o); };
}

}  // namespace oplex::cli
