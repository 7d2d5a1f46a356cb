// oplex: reads electoral institutes' work plans into one SQLite database.
// This file only parses the global options and dispatches to a subcommand.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tools/cli/commands.h"

namespace {

constexpr char kUsage[] = R"(usage: oplex [global options] <command> [options]

Reads the work plans, indicator reports and activity reports of Mexico's electoral institutes
into one SQLite database.

commands:
  ingest PATH...   read files and folders into the database
  stats            what the database holds, per document
  show CODE        every activity with this code, with its months, quantities and source
  findings         problems found in the documents (failed checks, unreadable rows)
  tables           the tables of a PDF, as JSON or CSV (no database needed)
  compare          institutes side by side: by category, by month, by indicator coverage
  search TEXT      activities, indicators, sections and events containing TEXT (accents ignored)
  export -o DIR    the tables (activities, months, indicators...) as CSV or JSON lines files
  report -o FILE   one self-contained HTML page: category shares, month heatmaps, indicators,
                   findings
  merge OUT IN...  copy the documents of databases IN (shards of `ingest --shard K/N`) into OUT
  dump             every table, without ids or times, to compare databases

global options (before or after the command):
  --db FILE        database file (default: oplex.sqlite)
  --data-dir DIR   vocabularies and patterns (default: the installed data/ folder)
  --json           machine-readable output on stdout
  -v, --verbose    more log detail on stderr
  -q, --quiet      errors only on stderr
  --version        print the version
  -h, --help       this help; `oplex <command> --help` for a command

exit codes:
  0  everything asked for was done
  1  some input files or folders could not be ingested (the others were stored), or some
     databases could not be merged (the others were); show and search: nothing found
  2  bad command line (an option out of its range too)
  3  nothing could be done (database or data folder unusable, files export would overwrite,
     an output of export or report that cannot be written)
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace oplex::cli;
  auto logger = spdlog::stderr_color_mt("oplex");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("oplex: %^%l%$: %v");
  spdlog::set_level(spdlog::level::info);

  GlobalOptions global;
  if (const char* dir = std::getenv("OPLEX_DATA_DIR")) global.data_dir = dir;
  if (global.data_dir.empty()) global.data_dir = OPLEX_DEFAULT_DATA_DIR;

  std::string command;
  std::vector<std::string> rest;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const std::string& name) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        std::cerr << "oplex: " << name << " needs a value\n";
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (arg == "--version") {
      std::cout << "oplex " << OPLEX_VERSION << "\n";
      return kExitOk;
    } else if ((arg == "-h" || arg == "--help") && command.empty()) {
      std::cout << kUsage;
      return kExitOk;
    } else if (arg == "--db") {
      auto v = value(arg);
      if (!v) return kExitUsage;
      global.db = *v;
    } else if (arg == "--data-dir") {
      auto v = value(arg);
      if (!v) return kExitUsage;
      global.data_dir = *v;
    } else if (arg == "--json") {
      global.json = true;
    } else if (arg == "-v" || arg == "--verbose") {
      spdlog::set_level(spdlog::level::debug);
    } else if (arg == "-q" || arg == "--quiet") {
      global.quiet = true;
      spdlog::set_level(spdlog::level::err);
    } else if (command.empty() && !arg.empty() && arg[0] != '-') {
      command = arg;
    } else {
      rest.push_back(arg);
    }
  }
  static const std::map<std::string, int (*)(const GlobalOptions&, const std::vector<std::string>&)>
      kCommands = {{"ingest", RunIngest},     {"stats", RunStats},   {"show", RunShow},
                   {"findings", RunFindings}, {"tables", RunTables}, {"compare", RunCompare},
                   {"search", RunSearch},     {"export", RunExport}, {"report", RunReport},
                   {"merge", RunMerge},       {"dump", RunDump}};
  auto it = kCommands.find(command);
  if (it == kCommands.end()) {
    if (!command.empty()) std::cerr << "oplex: unknown command '" << command << "'\n";
    std::cerr << kUsage;
    return kExitUsage;
  }
  return it->second(global, rest);
}
