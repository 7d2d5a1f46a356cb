// Reading a source file whole, with the checks every reader of documents needs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "models/status.h"

namespace oplex {

// Larger files are refused rather than read into memory: no plan export comes near this.
inline constexpr std::uintmax_t kMaxFileBytes = 512ull << 20;

// The file's bytes. Errors name the file: a folder, larger than kMaxFileBytes (kInvalidInput);
// missing, unreadable (kIoError).
Result<std::string> ReadSourceFile(const std::filesystem::path& path);

}  // namespace oplex
