#include "tools/cli/commands.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

#include "models/queries.h"
#include "models/store.h"
#include "tools/cli/args.h"
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

std::string MonthsText(const MonthMask& m) {
  if (!m.known()) return "unknown";
  static const char* kLetters = "EFMAMJJASOND";
  std::string out;
  for (int i = 1; i <= 12; ++i) out.push_back(m.has(i) ? kLetters[i - 1] : '.');
  return out;
}

std::string Where(const Provenance& p) {
  std::string out;
  if (p.page) out += "page " + std::to_string(*p.page);
  if (p.line) {
    if (!out.empty()) out += ", ";
    out += "line " + std::to_string(*p.line);
    if (p.last_line) out += "-" + std::to_string(*p.last_line);
  }
  return out;
}

void WriteProvenance(Json& j, const Provenance& p) {
  j.Key("provenance").BeginObject();
  j.Key("page").OptInt(p.page);
  j.Key("line").OptInt(p.line);
  j.Key("last_line").OptInt(p.last_line);
  j.Key("extractor").String(p.extractor);
  j.Key("confidence").Number(p.confidence);
  j.EndObject();
}

void WriteQuantity(Json& j, const std::optional<Quantity>& q) {
  if (!q) {
    j.Null();
    return;
  }
  j.BeginObject();
  j.Key("raw").String(q->raw);
  j.Key("value").OptNumber(q->value);
  j.Key("estimated").Bool(q->estimated);
  j.Key("not_quantified").Bool(q->not_quantified);
  j.EndObject();
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
With --timeout or --max-memory, each document is read in a worker process of its own: a worker
that crashes or passes a limit is one error line naming the file and the cause.
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

  // Worker processes (for the limits) have one OCR engine each; threads share one per job.
  const bool in_workers = options.timeout_seconds > 0 || options.max_memory_mb > 0;
  ocr.workers = in_workers ? 1 : options.jobs;
  auto load = [&]() -> Result<std::shared_ptr<DocumentPipeline>> {
    auto pipeline = DocumentPipeline::Load(global.data_dir, ocr);
    if (!pipeline.ok()) return pipeline.status();
    return std::make_shared<DocumentPipeline>(std::move(*pipeline));
  };
  auto reader = [](std::shared_ptr<DocumentPipeline> pipeline) -> ReadDocument {
    return [pipeline](const std::filesystem::path& path, std::string_view bytes,
                      std::string sha256) { return pipeline->Process(path, bytes, sha256); };
  };
  // Loaded here to check the data folder before any file is read; worker processes load their
  // own, after this one's OCR threads are gone (fork copies only the calling thread).
  auto pipeline = load();
  if (!pipeline.ok()) {
    spdlog::error("data folder {}: {}", global.data_dir.string(), pipeline.status().message());
    return kExitFatal;
  }
  if (in_workers) pipeline->reset();
  Inputs found = ExpandInputs(inputs, o.filter);
  std::vector<FileReport> reports = std::move(found.failed);
  for (const FileReport& failed : reports) spdlog::error("{}", failed.error);
  const std::vector<std::filesystem::path>& files = found.files;

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
  // No file to read: no database is created for nothing.
  auto ran = files.empty() ? Result<std::vector<FileReport>>(std::vector<FileReport>())
             : in_workers  ? RunBatchInWorkers(
                                 files, options,
                                 [&]() -> Result<ReadDocument> {
                                  auto own = load();
                                  if (!own.ok()) return own.status();
                                  return reader(*own);
                                },
                                 on_file)
                          : RunBatch(files, options, reader(*pipeline), on_file);
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
  AddBounded(command, "--timeout", &o->batch.timeout_seconds, 1, kMaxTimeoutSeconds,
             "read each document in a worker process of its own, stopped after N seconds");
  AddBounded(command, "--max-memory", &o->batch.max_memory_mb, 1, kMaxMemoryMb,
             "read each document in a worker process of its own, stopped past N MB of memory");
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

namespace {

constexpr CommandHelp kStatsHelp = {
    "stats", "what the database holds, per document", "[options]",
    R"(What the database holds: documents, sections, activities, indicators (rows of indicator
tables), events (dated sessions of activity reports), references (agreement codes cited) and
findings, and per document its institute, year, kind, activities (with how many have known months),
indicators, events, references and findings.
)"};

int RunStats(const GlobalOptions& global) {
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto stats = GetStats(**store);
  if (!stats.ok()) {
    spdlog::error("{}", stats.status().message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginObject();
    j.Key("documents").Int(stats->documents);
    j.Key("sections").Int(stats->sections);
    j.Key("activities").Int(stats->activities);
    j.Key("indicators").Int(stats->indicators);
    j.Key("events").Int(stats->events);
    j.Key("references").Int(stats->references);
    j.Key("findings").Int(stats->findings);
    j.Key("per_document").BeginArray();
    for (const DocumentStats& d : stats->per_document) {
      j.BeginObject();
      j.Key("id").Int(d.id);
      j.Key("path").String(d.path);
      j.Key("institute").OptString(d.institute);
      j.Key("year").OptInt(d.year);
      j.Key("kind").String(ToString(d.kind));
      j.Key("activities").Int(d.activities);
      j.Key("activities_with_months").Int(d.activities_with_months);
      j.Key("indicators").Int(d.indicators);
      j.Key("events").Int(d.events);
      j.Key("references").Int(d.references);
      j.Key("findings").Int(d.findings);
      j.EndObject();
    }
    j.EndArray();
    j.EndObject();
    std::cout << "\n";
    return kExitOk;
  }
  std::printf("%-10s %-5s %-17s %10s %12s %10s %7s %11s %9s  %s\n", "institute", "year", "kind",
              "activities", "with months", "indicators", "events", "references", "findings",
              "document");
  for (const DocumentStats& d : stats->per_document) {
    std::printf("%-10s %-5s %-17s %10lld %12lld %10lld %7lld %11lld %9lld  %s\n",
                d.institute.value_or("?").c_str(), d.year ? std::to_string(*d.year).c_str() : "?",
                ToString(d.kind), static_cast<long long>(d.activities),
                static_cast<long long>(d.activities_with_months),
                static_cast<long long>(d.indicators), static_cast<long long>(d.events),
                static_cast<long long>(d.references), static_cast<long long>(d.findings),
                d.path.c_str());
  }
  std::printf(
      "total: %lld documents, %lld sections, %lld activities, %lld indicators, %lld events, %lld "
      "references, %lld findings\n",
      static_cast<long long>(stats->documents), static_cast<long long>(stats->sections),
      static_cast<long long>(stats->activities), static_cast<long long>(stats->indicators),
      static_cast<long long>(stats->events), static_cast<long long>(stats->references),
      static_cast<long long>(stats->findings));
  return kExitOk;
}

}  // namespace

Command AddStats(CLI::App& app, const GlobalOptions& global) {
  AddCommand(app, kStatsHelp);
  return [&global] { return RunStats(global); };
}

namespace {

constexpr CommandHelp kShowHelp = {
    "show", "every activity with this code, with its months, quantities and source",
    "CODE [options]",
    R"(Every stored activity with this code (codes repeat across institutes and groups): its
document, section path, text, unit, annual and monthly quantities, months (E F M ... letters for
scheduled months, '.' for unscheduled, "unknown" when the source does not show them; whether they
come from a grid or from written dates, and months of other years as +YYYY-M), beneficiaries,
deliverables, responsible, dates, the table's other columns as printed, and where in the source it
came from. A row that prints no code is found by its position in its table. Exit code 1 when none
has it.
)"};

int RunShow(const CLI::App& command, const GlobalOptions& global, const std::string& code) {
  if (code.empty()) return UsageFailure(command, "show needs an activity code");
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto matches = FindActivities(**store, code);
  if (!matches.ok()) {
    spdlog::error("{}", matches.status().message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginArray();
    for (const ActivityMatch& m : *matches) {
      j.BeginObject();
      j.Key("document").String(m.document_path);
      j.Key("institute").OptString(m.institute);
      j.Key("year").OptInt(m.year);
      j.Key("section").String(m.section_path);
      j.Key("code").String(m.code);
      j.Key("code_printed").Bool(m.code_printed);
      j.Key("text").String(m.text);
      j.Key("responsible").OptString(m.responsible);
      j.Key("start_date").OptString(m.start_date);
      j.Key("end_date").OptString(m.end_date);
      j.Key("months_source").OptString(m.months_source);
      j.Key("unit").OptString(m.unit);
      j.Key("annual");
      WriteQuantity(j, m.annual);
      j.Key("months");
      if (m.months.known()) {
        j.BeginArray();
        for (int i = 1; i <= 12; ++i) {
          if (m.months.has(i)) j.Int(i);
        }
        j.EndArray();
      } else {
        j.Null();
      }
      j.Key("monthly").BeginArray();
      for (const MonthValue& v : m.month_values) {
        j.BeginObject();
        j.Key("month").Int(v.month);
        j.Key("planned");
        WriteQuantity(j, v.planned);
        j.Key("marked").Bool(v.marked);
        j.Key("weeks");
        if (v.weeks.empty()) {
          j.Null();
        } else {
          j.String(v.weeks);
        }
        j.EndObject();
      }
      j.EndArray();
      j.Key("beneficiaries").BeginArray();
      for (const Beneficiary& b : m.beneficiaries) {
        j.BeginObject();
        j.Key("kinds").String(b.kinds_text);
        j.Key("counts_text").String(b.counts_text);
        j.Key("counts").BeginArray();
        for (const Quantity& q : b.counts) WriteQuantity(j, q);
        j.EndArray();
        j.EndObject();
      }
      j.EndArray();
      j.Key("deliverables").BeginArray();
      for (const std::string& d : m.deliverables) j.String(d);
      j.EndArray();
      j.Key("other_years").BeginArray();
      for (const auto& [year, month] : m.other_years) {
        j.BeginObject();
        j.Key("year").Int(year);
        j.Key("month").Int(month);
        j.EndObject();
      }
      j.EndArray();
      j.Key("attributes").BeginArray();
      for (const Attribute& a : m.attributes) {
        j.BeginObject();
        j.Key("header").String(a.header);
        j.Key("value").String(a.value);
        j.EndObject();
      }
      j.EndArray();
      WriteProvenance(j, m.provenance);
      j.EndObject();
    }
    j.EndArray();
    std::cout << "\n";
    return matches->empty() ? kExitSomeFailed : kExitOk;
  }
  if (matches->empty()) {
    std::cout << "no activity with code " << code << "\n";
    return kExitSomeFailed;
  }
  for (const ActivityMatch& m : *matches) {
    std::cout << m.code << "  " << m.institute.value_or("?") << " "
              << (m.year ? std::to_string(*m.year) : "?") << "  " << m.document_path << " ("
              << Where(m.provenance) << ")\n";
    if (!m.section_path.empty()) std::cout << "  section:  " << m.section_path << "\n";
    if (!m.code_printed) std::cout << "  code:     the row's position (the table prints none)\n";
    std::cout << "  text:     " << m.text << "\n";
    if (m.responsible) std::cout << "  responsible: " << *m.responsible << "\n";
    if (m.start_date || m.end_date) {
      std::cout << "  dates:    " << m.start_date.value_or("?") << " to "
                << m.end_date.value_or("?") << "\n";
    }
    std::cout << "  unit:     " << m.unit.value_or("(not shown)") << "\n";
    std::cout << "  annual:   " << (m.annual ? m.annual->raw : "(not shown)") << "\n";
    std::cout << "  months:   " << MonthsText(m.months);
    if (m.months_source) std::cout << " (from the " << *m.months_source << ")";
    for (const auto& [year, month] : m.other_years) std::cout << " +" << year << "-" << month;
    std::cout << "\n";
    const bool quantities = std::any_of(m.month_values.begin(), m.month_values.end(),
                                        [](const MonthValue& v) { return v.planned.has_value(); });
    if (quantities) {
      std::cout << "  monthly: ";
      for (const MonthValue& v : m.month_values)
        std::cout << " " << (v.planned ? v.planned->raw : "?");
      std::cout << "\n";
    }
    std::string weeks;  // the weeks of the months scheduled in some week
    for (const MonthValue& v : m.month_values) {
      if (v.weeks.find('1') != std::string::npos)
        weeks += " " + std::to_string(v.month) + ":" + v.weeks;
    }
    if (!weeks.empty()) std::cout << "  weeks:   " << weeks << "\n";
    for (const Beneficiary& b : m.beneficiaries) {
      std::cout << "  beneficiaries: "
                << (b.kinds_text.empty() ? "(kinds not shown)" : b.kinds_text)
                << " | counts: " << b.counts_text << "\n";
    }
    for (const std::string& d : m.deliverables) std::cout << "  deliverable: " << d << "\n";
    for (const Attribute& a : m.attributes)
      std::cout << "  " << a.header << ": " << a.value << "\n";
  }
  return kExitOk;
}

}  // namespace

Command AddShow(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kShowHelp);
  auto code = std::make_shared<std::string>();
  command->add_option("CODE", *code, "the activity code, as printed (010101, 2.28)")->type_name("");
  return [command, code, &global] { return RunShow(*command, global, *code); };
}

namespace {

constexpr CommandHelp kFindingsHelp = {
    "findings", "problems found in the documents (failed checks, unreadable rows)", "[options]",
    R"(Problems found while reading documents: failed checks (monthly quantities that do not add up,
gaps in numbering, totals the document states that differ from what was extracted) and rows that
could not be read, each with its raw text and where it is in the source.
)"};

struct FindingsOptions {
  std::string document;
  std::string severity = "info";
};

int RunFindings(const GlobalOptions& global, const FindingsOptions& o) {
  FindingFilter filter;
  if (!o.document.empty()) filter.path_contains = o.document;
  filter.min_severity = o.severity == "error"     ? Severity::kError
                        : o.severity == "warning" ? Severity::kWarning
                                                  : Severity::kInfo;
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto rows = ListFindings(**store, filter);
  if (!rows.ok()) {
    spdlog::error("{}", rows.status().message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginArray();
    for (const FindingRow& f : *rows) {
      j.BeginObject();
      j.Key("document").String(f.document_path);
      j.Key("severity").String(ToString(f.severity));
      j.Key("code").String(f.code);
      j.Key("message").String(f.message);
      j.Key("raw_text").String(f.raw_text);
      j.Key("activity").OptString(f.activity_code);
      WriteProvenance(j, f.provenance);
      j.EndObject();
    }
    j.EndArray();
    std::cout << "\n";
    return kExitOk;
  }
  for (const FindingRow& f : *rows) {
    std::cout << ToString(f.severity) << "  " << f.code << "  " << f.document_path << " ("
              << Where(f.provenance) << ")\n    " << f.message << "\n";
  }
  std::cout << rows->size() << " findings\n";
  return kExitOk;
}

}  // namespace

Command AddFindings(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kFindingsHelp);
  auto o = std::make_shared<FindingsOptions>();
  command->add_option("--document", o->document, "only documents whose path contains TEXT")
      ->type_name("TEXT");
  AddChoice(command, "--severity", &o->severity, {"info", "warning", "error"},
            "only findings at least this severe (default info)");
  return [o, &global] { return RunFindings(global, *o); };
}

}  // namespace oplex::cli
