// `oplex dump`: the stable dump of the database (models/stable_dump.h), to compare two databases
// that should hold the same documents, such as shards merged and one run over the same files.
#include <spdlog/spdlog.h>

#include <iostream>

#include "models/stable_dump.h"
#include "tools/cli/args.h"
#include "tools/cli/commands.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kDumpHelp = {
    "dump", "every table, without ids or times, to compare databases", "[options]",
    R"(Prints every table of the database, the full-text index included, without row ids or times of
ingestion and in an order that depends only on the documents: two databases holding the same
documents print the same bytes (`cmp <(oplex dump --db A) <(oplex dump --db B)`). Per table a
line "[table] N rows: columns", then one line per row, values tab-separated as SQLite's quote()
writes them. A row is named by its document's content hash and its position among its owner's
rows ("<sha256>/000012": the document's 12th activity), and references to rows by those names.
)"};

int RunDump(const GlobalOptions& global) {
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  if (Status s = WriteStableDump(**store, std::cout); !s.ok()) {
    spdlog::error("{}: {}", global.db.string(), s.message());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace

Command AddDump(CLI::App& app, const GlobalOptions& global) {
  AddCommand(app, kDumpHelp);
  return [&global] { return RunDump(global); };
}

}  // namespace oplex::cli
