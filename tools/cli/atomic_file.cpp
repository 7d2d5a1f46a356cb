#include "tools/cli/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

namespace oplex::cli {
namespace {

Status Failed(const std::filesystem::path& path, int error) {
  return Status::IoError("cannot write " + path.string() + ": " + std::strerror(error));
}

// Flushes the written file to disk, so that the rename never publishes a file the disk lacks.
Status Sync(const std::string& temp, const std::filesystem::path& path) {
  const int fd = open(temp.c_str(), O_RDONLY);
  if (fd < 0) return Failed(path, errno);
  const int synced = fsync(fd);
  const int error = errno;
  close(fd);
  return synced == 0 ? Status::Ok() : Failed(path, error);
}

}  // namespace

Status WriteAtomically(const std::filesystem::path& path,
                       const std::function<Status(std::ostream&)>& write) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::string temp = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) return Failed(path, errno);
  close(fd);
  Status status = [&] {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Failed(path, errno);
    if (Status s = write(out); !s.ok()) return s;
    out.close();
    if (!out) return Failed(path, errno);
    std::error_code ec;
    std::filesystem::permissions(
        temp,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
            std::filesystem::perms::group_read | std::filesystem::perms::others_read,
        ec);
    if (ec) return Failed(path, ec.value());
    if (Status s = Sync(temp, path); !s.ok()) return s;
    if (std::rename(temp.c_str(), path.c_str()) != 0) return Failed(path, errno);
    return Status::Ok();
  }();
  if (!status.ok()) unlink(temp.c_str());
  return status;
}

}  // namespace oplex::cli
