// The oplex commands. Each Add* function declares its command on the program's CLI11 app (its
// help and options, bound to values of its own) and returns how to run it once the command line
// is parsed. Output goes to stdout (text or --json); logs go to stderr.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace oplex::cli {

// Documented in README.md and `oplex --help`.
enum ExitCode {
  kExitOk = 0,          // everything asked for was done
  kExitSomeFailed = 1,  // some input files (or merge inputs) failed; the others were stored
  kExitUsage = 2,       // bad command line
  kExitFatal = 3,       // nothing could be done (database or data folder unusable)
};

// The options every command takes (`oplex --help`), filled by the parse before a command runs.
struct GlobalOptions {
  std::filesystem::path db = "oplex.sqlite";
  std::filesystem::path data_dir;
  bool json = false;
  bool quiet = false;
};

// A command whose options are parsed: runs it and returns the process exit code.
using Command = std::function<int()>;

// Each declares its command on `app`; `global` is read when the command runs.
Command AddIngest(CLI::App& app, const GlobalOptions& global);
Command AddStats(CLI::App& app, const GlobalOptions& global);
Command AddShow(CLI::App& app, const GlobalOptions& global);
Command AddFindings(CLI::App& app, const GlobalOptions& global);
Command AddTables(CLI::App& app, const GlobalOptions& global);
Command AddCompare(CLI::App& app, const GlobalOptions& global);
Command AddSearch(CLI::App& app, const GlobalOptions& global);
Command AddExport(CLI::App& app, const GlobalOptions& global);
Command AddReport(CLI::App& app, const GlobalOptions& global);
Command AddMerge(CLI::App& app, const GlobalOptions& global);
Command AddDump(CLI::App& app, const GlobalOptions& global);
Command AddDocuments(CLI::App& app, const GlobalOptions& global);
Command AddSet(CLI::App& app, const GlobalOptions& global);
Command AddRemove(CLI::App& app, const GlobalOptions& global);
Command AddOcr(CLI::App& app, const GlobalOptions& global);

}  // namespace oplex::cli
