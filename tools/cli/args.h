// The command line of every oplex command, on CLI11: how a command is declared (its help: a usage
// line, what it does, its options), the checks option values share, one style for every usage
// error ("oplex: MESSAGE", then where the help is) and "did you mean" for unknown commands and
// options, and how the reading commands open the database.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/store.h"
#include "pipeline/decode/ocr_pool.h"
#include "tools/cli/commands.h"

namespace oplex::cli {

// OCR resolutions `--ocr-dpi` accepts.
constexpr int kMinOcrDpi = 70, kMaxOcrDpi = 600;
// The most documents `ingest --jobs` reads at once: each job is a thread and an OCR engine.
constexpr int kMaxJobs = 256;
// The largest `ingest --timeout` (seconds: a day) and `--max-memory` (MB: 1 TB).
constexpr int kMaxTimeoutSeconds = 86400, kMaxMemoryMb = 1 << 20;

// A usage error with the whole message the user reads ("--jobs is a number from 1 to 256, not
// 'x'"). The option checks below throw it: CLI11 would prefix its own validation errors with the
// option's name, and lets every other ParseError out of the parse untouched.
class UsageError : public CLI::ParseError {
 public:
  explicit UsageError(const std::string& message);
};

// What `oplex COMMAND --help` prints: the usage line, what the command does (before the options)
// and, after them, `more` (output formats, exit codes). `summary` is its line in `oplex --help`.
struct CommandHelp {
  const char* name;
  const char* summary;
  const char* usage;  // "PATH... [options]": what follows "usage: oplex NAME "
  const char* about;
  const char* more = "";
};

// Adds a command to `app`, with its help.
CLI::App* AddCommand(CLI::App& app, const CommandHelp& help);

// The options of `command` (and the global ones) are laid out by this formatter; `oplex --help`
// too. Exposed for main.
std::shared_ptr<CLI::Formatter> MakeFormatter(std::string usage, std::string about,
                                              std::string more);

// Adds a check of the option's values: `problem(NAME, VALUE)` says what is wrong with one ("" when
// nothing is), and the parse stops with that message.
CLI::Option* Checked(
    CLI::Option* option,
    std::function<std::string(const std::string& name, const std::string& value)> problem);

// `names` ("-j,--jobs") takes a whole number from `least` to `most` into *value; anything else
// is "LONGNAME is a number from LEAST to MOST, not 'VALUE'".
CLI::Option* AddBounded(CLI::App* command, const std::string& names, int* value, int least,
                        int most, const std::string& help);

// `names` takes one of `choices` into *value ("--part is categories, months or indicators, not
// 'x'").
CLI::Option* AddChoice(CLI::App* command, const std::string& names, std::string* value,
                       const std::vector<std::string>& choices, const std::string& help);

// `--year` takes a year like 2024 (four digits, 1900 to 2200).
CLI::Option* AddYear(CLI::App* command, std::optional<int>* year, const std::string& help);

// `--institute` takes institute codes separated by commas (IEEM,IEE-AGS), and may be repeated;
// the codes are appended to *codes in order.
CLI::Option* AddInstitutes(CLI::App* command, std::vector<std::string>* codes,
                           const std::string& help);

// The OCR options `ingest` and `tables` share: --ocr MODE, and those of AddOcrReading.
void AddOcrOptions(CLI::App* command, OcrOptions* ocr);
// How pages are read by OCR (`ocr` reads every page): --ocr-dpi N, --lang L.
void AddOcrReading(CLI::App* command, OcrOptions* ocr);

// What the commands that read PDFs and images into files of their own (`tables`, `ocr`) are
// given: the files, where to write, which pages, a password, and whether to overwrite.
struct FilesToRead {
  std::vector<std::string> files;
  std::filesystem::path output;
  std::set<int> pages;  // empty: all
  std::string password;
  bool force = false;
};

// Declares them on `command`: the files as the positional `files_name` ("FILE"), `-o,--output`
// with its help and type name, `--pages 1,3-5`, `--password WORD`, `--force`.
void AddFilesToRead(CLI::App* command, FilesToRead* read, const std::string& files_name,
                    const std::string& output_help, const std::string& output_type);

// Parses the command line into the options bound on `app` and its commands. Returns the exit
// code when the program should stop here: 0 after --help or --version, kExitUsage after an error
// (printed on stderr, with a suggestion when an unknown command or option is close to a known
// one). nullopt: run the command `app.get_subcommands()` holds.
std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv);

// Prints a usage error found after parsing, in the same style; returns kExitUsage.
int UsageFailure(const CLI::App& command, const std::string& message);

// Opens the database of --db for a reading command: read-only, so that a database in a read-only
// folder or on read-only media is read; it must exist (no empty file is created).
Result<std::unique_ptr<Store>> OpenExisting(const GlobalOptions& global);

}  // namespace oplex::cli
