#include "tools/cli/data_dir.h"

#include <system_error>

namespace oplex::cli {

std::filesystem::path DefaultDataDir() {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const fs::path bin = self.parent_path();
  // The build tree is the one place the source tree is known to be: an installed program never
  // looks there, even when the source tree is still on the machine.
  if (fs::equivalent(bin, OPLEX_BUILD_DIR, error)) return OPLEX_SOURCE_DATA_DIR;
  return (bin / OPLEX_DATA_FROM_BIN).lexically_normal();
}

}  // namespace oplex::cli
