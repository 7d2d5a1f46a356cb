// oplex: reads electoral institutes' work plans into one SQLite database.
// This file only declares the global options and the commands, parses the command line and runs
// the command named.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <utility>
#include <vector>

#include "tools/cli/args.h"
#include "tools/cli/commands.h"
#include "tools/cli/data_dir.h"

namespace {

constexpr char kAbout[] =
    R"(Reads the work plans, indicator reports and activity reports of Mexico's electoral institutes
into one SQLite database. Global options go before or after the command; `oplex COMMAND --help`
shows a command's own.
)";

// The README's table of exit codes, word for word (tests/cli_test.cpp holds them to it).
constexpr char kExitCodes[] = R"(exit codes:
  0  everything asked for was done (--help, --version too)
  1  some input files or folders could not be ingested (the others were stored) or read by
     tables / ocr (the others were written), some databases could not be merged (the others
     were), or show / search found nothing
  2  bad command line: an unknown command or option, a value out of its range, a missing
     argument, conflicting options, or an institute or year that compare / report are asked for
     and the database does not hold (the message names what it holds)
  3  nothing could be done: database or data folder unusable, no input of ingest could be read
     (a path that does not exist creates no database), export, tables or ocr would overwrite
     files, the output of export / report / tables / ocr cannot be written, or ocr finds no OCR
     engine or language
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
  if (global.data_dir.empty()) global.data_dir = DefaultDataDir();
  bool verbose = false;

  CLI::App app("", "oplex");
  app.formatter(MakeFormatter("[global options] COMMAND [options]", kAbout, kExitCodes));
  app.option_defaults()->group("global options");
  app.set_help_flag("-h,--help", "this help; `oplex COMMAND --help` for a command's");
  app.set_version_flag("--version", std::string("oplex ") + OPLEX_VERSION, "print the version");
  app.add_option("--db", global.db, "database file (default: oplex.sqlite)")->type_name("FILE");
  app.add_option("--data-dir", global.data_dir,
                 "vocabularies and patterns (default: $OPLEX_DATA_DIR, else share/oplex beside "
                 "the program's bin/)")
      ->type_name("DIR");
  app.add_flag("--json", global.json, "machine-readable output on stdout");
  app.add_flag("-v,--verbose", verbose, "more log detail on stderr");
  app.add_flag("-q,--quiet", global.quiet, "errors only on stderr");
  app.allow_extras();  // unknown commands and options are told apart after the parse
  app.fallthrough();   // global options after the command too
  app.option_defaults()->group("options");

  const std::vector<std::pair<CLI::App*, Command>> commands = [&] {
    std::vector<std::pair<CLI::App*, Command>> all;
    for (auto add :
         {AddIngest, AddStats, AddDocuments, AddShow, AddFindings, AddTables, AddOcr, AddCompare,
          AddSearch, AddExport, AddReport, AddSet, AddRemove, AddMerge, AddDump}) {
      Command command = add(app, global);
      all.emplace_back(app.get_subcommands({}).back(), std::move(command));
    }
    return all;
  }();
  if (std::optional<int> stop = ParseCommandLine(app, argc, argv)) return *stop;
  if (verbose) spdlog::set_level(spdlog::level::debug);
  if (global.quiet) spdlog::set_level(spdlog::level::err);
  for (const auto& [sub, command] : commands) {
    if (sub->parsed()) return command();
  }
  return kExitUsage;  // ParseCommandLine returns before when no command was named
}
