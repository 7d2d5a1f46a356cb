// `oplex merge OUT IN...`: brings databases written by `oplex ingest --shard K/N` (or any oplex
// databases of the same schema) together into one (models/merge.h).
#include "models/merge.h"

#include <spdlog/spdlog.h>

#include <iostream>

#include "tools/cli/args.h"
#include "tools/cli/commands.h"
#include "tools/cli/json.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kMergeHelp = {
    "merge", "copy the documents of databases IN (shards of `ingest --shard K/N`) into OUT",
    "OUT IN... [options]",
    R"(Copies the documents of the databases IN (e.g. the shards of `oplex ingest --shard K/N`),
with all their records, findings and categories, into the database OUT, created when missing (--db
is not used). A document is its content: one whose content hash OUT already holds is skipped, so
merging again, or merging databases that overlap, stores every document once. Each IN is merged in
one transaction, whole or not at all, and is only read. An IN that is missing, not an oplex
database, or of another schema version gets one error line naming it (an older one: open it once
with this oplex, e.g. `oplex stats --db IN`, which migrates it); the others are still merged (exit
code 1).

--json prints {database, inputs: [{path, status (merged or failed), documents, present,
error}], documents, present, failed}: documents copied, and skipped as already present.
)"};

struct Merged {
  std::string path;
  Result<MergeCounts> counts;
};

int RunMerge(const CLI::App& command, const GlobalOptions& global,
             const std::vector<std::string>& args) {
  if (args.size() < 2) {
    return UsageFailure(command, "merge needs the output database and an input");
  }
  auto store = Store::Open(args.front());
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  std::vector<Merged> merged;
  int64_t documents = 0, present = 0, failed = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    merged.push_back({args[i], MergeDatabase(**store, args[i])});
    const Result<MergeCounts>& counts = merged.back().counts;
    if (!counts.ok()) {
      spdlog::error("{}", counts.status().message());
      ++failed;
      continue;
    }
    documents += counts->documents;
    present += counts->present;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginObject();
    j.Key("database").String(args.front());
    j.Key("inputs").BeginArray();
    for (const Merged& m : merged) {
      j.BeginObject();
      j.Key("path").String(m.path);
      j.Key("status").String(m.counts.ok() ? "merged" : "failed");
      j.Key("documents").Int(m.counts.ok() ? m.counts->documents : 0);
      j.Key("present").Int(m.counts.ok() ? m.counts->present : 0);
      if (!m.counts.ok()) j.Key("error").String(m.counts.status().message());
      j.EndObject();
    }
    j.EndArray();
    j.Key("documents").Int(documents);
    j.Key("present").Int(present);
    j.Key("failed").Int(failed);
    j.EndObject();
    std::cout << "\n";
  } else if (!global.quiet) {
    for (const Merged& m : merged) {
      if (!m.counts.ok()) continue;
      std::cout << "merged  " << m.path << "  " << m.counts->documents << " documents, "
                << m.counts->present << " already present\n";
    }
    std::cout << documents << " documents merged, " << present << " already present, " << failed
              << " inputs failed → " << args.front() << "\n";
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

Command AddMerge(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kMergeHelp);
  auto databases = std::make_shared<std::vector<std::string>>();
  command->add_option("DATABASE", *databases, "OUT, then the databases IN")->type_name("");
  return [command, databases, &global] { return RunMerge(*command, global, *databases); };
}

}  // namespace oplex::cli
