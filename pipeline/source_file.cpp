#include "pipeline/source_file.h"

#include <fstream>

#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/sha256.h"

namespace oplex {

namespace {

// The size of `path`, checked: not a folder, within kMaxFileBytes.
Result<std::uintmax_t> CheckedSize(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::InvalidInput(path.string() + ": is a folder");
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError(path.string() + ": " + ec.message());
  if (size > kMaxFileBytes) {
    return Status::InvalidInput(path.string() + ": file too large (" + std::to_string(size >> 20) +
                                " MB; the limit is " + std::to_string(kMaxFileBytes >> 20) +
                                " MB)");
  }
  return size;
}

Status CannotOpen(const std::filesystem::path& path) {
  return Status::IoError(path.string() + ": cannot open for reading (permission denied?)");
}

}  // namespace

Result<std::string> ReadSourceFile(const std::filesystem::path& path) {
  Result<std::uintmax_t> size = CheckedSize(path);
  if (!size.ok()) return size.status();
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotOpen(path);
  std::string bytes(*size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(*size));
  if (!in && !in.eof()) return Status::IoError(path.string() + ": read failed");
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

Result<Source> OpenSourceFile(const std::filesystem::path& path) {
  Result<std::uintmax_t> size = CheckedSize(path);
  if (!size.ok()) return size.status();
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotOpen(path);
  Source out;
  Sha256 sha;
  std::string chunk(kSourceHead, '\0');
  bool pdf = false;
  for (bool first = true;; first = false) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<size_t>(in.gcount());
    if (!in && !in.eof()) return Status::IoError(path.string() + ": read failed");
    const std::string_view read(chunk.data(), got);
    sha.Update(read);
    out.size += got;
    if (first) pdf = LooksLikePdf(read);
    if (first || !pdf) out.bytes.append(read);
    if (got < chunk.size()) break;
  }
  if (pdf) out.pdf_file = path;
  out.sha256 = sha.HexDigest();
  return out;
}

Source SourceOf(std::string bytes) {
  Source out;
  out.size = bytes.size();
  out.sha256 = Sha256Hex(bytes);
  out.bytes = std::move(bytes);
  return out;
}

}  // namespace oplex
