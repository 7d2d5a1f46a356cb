// The oplex subcommands. Each parses its own arguments, prints --help, and returns a process
// exit code (see ExitCode). Output goes to stdout (text or --json); logs go to stderr.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace oplex::cli {

// Documented in README.md and `oplex --help`.
enum ExitCode {
  kExitOk = 0,          // everything asked for was done
  kExitSomeFailed = 1,  // some input files (or merge inputs) failed; the others were stored
  kExitUsage = 2,       // bad command line
  kExitFatal = 3,       // nothing could be done (database or data folder unusable)
};

struct GlobalOptions {
  std::filesystem::path db = "oplex.sqlite";
  std::filesystem::path data_dir;
  bool json = false;
  bool quiet = false;
};

int RunIngest(const GlobalOptions& global, const std::vector<std::string>& args);
int RunStats(const GlobalOptions& global, const std::vector<std::string>& args);
int RunShow(const GlobalOptions& global, const std::vector<std::string>& args);
int RunFindings(const GlobalOptions& global, const std::vector<std::string>& args);
int RunTables(const GlobalOptions& global, const std::vector<std::string>& args);
int RunCompare(const GlobalOptions& global, const std::vector<std::string>& args);
int RunSearch(const GlobalOptions& global, const std::vector<std::string>& args);
int RunExport(const GlobalOptions& global, const std::vector<std::string>& args);
int RunReport(const GlobalOptions& global, const std::vector<std::string>& args);
int RunMerge(const GlobalOptions& global, const std::vector<std::string>& args);
int RunDump(const GlobalOptions& global, const std::vector<std::string>& args);

}  // namespace oplex::cli
