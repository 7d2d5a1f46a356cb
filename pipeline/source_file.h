// Reading a source file, with the checks every reader of documents needs: whole, or, for a PDF,
// only its opening (poppler reads the rest from the file as it needs it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "models/status.h"

namespace oplex {

// Larger files are refused rather than read into memory: no plan export comes near this.
inline constexpr std::uintmax_t kMaxFileBytes = 512ull << 20;

// The file's bytes. Errors name the file: a folder, larger than kMaxFileBytes (kInvalidInput);
// missing, unreadable (kIoError).
Result<std::string> ReadSourceFile(const std::filesystem::path& path);

// A document as the pipeline takes it: its bytes, or, for a PDF file, the file itself, read by
// poppler as it needs (a scanned PDF of hundreds of MB is not held in memory), and its opening.
struct Source {
  std::string bytes;  // the whole content; or, with `pdf_file`, its first kSourceHead bytes
  std::optional<std::filesystem::path> pdf_file;
  std::uintmax_t size = 0;  // of the whole content
  std::string sha256;       // of the whole content (Sha256Hex)
};
inline constexpr size_t kSourceHead = 1 << 16;

// `path` read through once in chunks, for its SHA-256: a PDF stays in its file, anything else is
// kept whole. Errors as ReadSourceFile's.
Result<Source> OpenSourceFile(const std::filesystem::path& path);
// Bytes already in memory (standard input).
Source SourceOf(std::string bytes);

}  // namespace oplex
