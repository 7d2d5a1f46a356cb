// Small helpers the subcommands share: their arguments, help and database.
#pragma once

#include <memory>
#include <optional>
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

// Help for the OCR options `ingest` and `tables` share.
constexpr char kOcrOptionsHelp[] =
    R"(  --ocr MODE  auto (default): pages without a text layer, and image files; always; never
  --ocr-dpi N resolution PDF pages are rendered at for OCR (default 300)
  --lang L    Tesseract language(s) of the documents (default spa; e.g. spa+eng)
)";

// When args[*i] is an OCR option, reads it and its value (advancing *i) into `ocr` and returns
// true; `*error` says what is wrong with the value, if anything. False for any other argument.
bool ParseOcrOption(const std::vector<std::string>& args, size_t* i, OcrOptions* ocr,
                    std::string* error);

// The whole of `value` as a number from `least` to `most`, or nullopt.
std::optional<int> ParseBounded(std::string_view value, int least, int most);

// Whether -h or --help is among the arguments.
bool WantsHelp(const std::vector<std::string>& args);

// Opens the database of --db, which must exist: the read-only commands create no empty file.
Result<std::unique_ptr<Store>> OpenExisting(const GlobalOptions& global);

// Prints "oplex: MESSAGE" and the command's help on stderr; returns kExitUsage.
int Usage(const std::string& message, const char* help);

}  // namespace oplex::cli
