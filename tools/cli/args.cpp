#include "tools/cli/args.h"

#include <iostream>

#include "pipeline/normalize/bounded_number.h"
#include "tools/cli/commands.h"

namespace oplex::cli {

bool WantsHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

bool ParseOcrOption(const std::vector<std::string>& args, size_t* i, OcrOptions* ocr,
                    std::string* error) {
  const std::string& name = args[*i];
  if (name != "--ocr" && name != "--ocr-dpi" && name != "--lang") return false;
  if (*i + 1 >= args.size()) {
    *error = name + " needs a value";
    return true;
  }
  const std::string& value = args[++*i];
  if (name == "--ocr") {
    if (value == "auto") {
      ocr->mode = OcrMode::kAuto;
    } else if (value == "always") {
      ocr->mode = OcrMode::kAlways;
    } else if (value == "never") {
      ocr->mode = OcrMode::kNever;
    } else {
      *error = "--ocr is auto, always or never, not '" + value + "'";
    }
  } else if (name == "--ocr-dpi") {
    const std::optional<int> dpi = ParseBounded(value, kMinOcrDpi, kMaxOcrDpi);
    if (dpi) {
      ocr->dpi = *dpi;
    } else {
      *error = "--ocr-dpi is a resolution from " + std::to_string(kMinOcrDpi) + " to " +
               std::to_string(kMaxOcrDpi) + ", not '" + value + "'";
    }
  } else {
    ocr->language = value;
    if (value.empty() || value.find_first_of("/. ") != std::string::npos) {
      *error = "--lang takes Tesseract language codes like spa or spa+eng, not '" + value + "'";
    }
  }
  return true;
}

Result<std::unique_ptr<Store>> OpenExisting(const GlobalOptions& global) {
  std::error_code ec;
  if (!std::filesystem::exists(global.db, ec)) {
    return Status::IoError(global.db.string() + ": no such database (run `oplex ingest` first)");
  }
  return Store::Open(global.db);
}

std::optional<int> ParseBounded(std::string_view value, int least, int most) {
  const std::optional<int64_t> n = ParseInteger(value);
  if (!n || *n < least || *n > most) return std::nullopt;
  return static_cast<int>(*n);
}

int Usage(const std::string& message, const char* help) {
  std::cerr << "oplex: " << message << "\n" << help;
  return kExitUsage;
}

}  // namespace oplex::cli
