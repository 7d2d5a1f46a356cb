#include "pipeline/source_file.h"

#include <fstream>

namespace oplex {

Result<std::string> ReadSourceFile(const std::filesystem::path& path) {
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
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string() + ": cannot open for reading (permission denied?)");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in && !in.eof()) return Status::IoError(path.string() + ": read failed");
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

}  // namespace oplex
