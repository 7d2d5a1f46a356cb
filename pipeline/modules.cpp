#include "pipeline/modules.h"

#include <dlfcn.h>

#include <filesystem>
#include <string>

namespace oplex {

Result<void*> ModuleEntry(const char* name, const char* symbol) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    return Status::NotSupported(std::string(name) + ": /proc/self/exe: " + error.message());
  }
  const std::filesystem::path bin = self.parent_path();
  std::string why;
  for (const std::filesystem::path& place : {bin / name, bin / OPLEX_MODULES_FROM_BIN / name}) {
    // A module already loaded is not loaded again: dlopen hands back the same one.
    void* handle = dlopen(place.lexically_normal().c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      why += (why.empty() ? "" : "; ") + std::string(dlerror());
      continue;
    }
    if (void* entry = dlsym(handle, symbol); entry != nullptr) return entry;
    dlclose(handle);
    why += (why.empty() ? "" : "; ") + place.lexically_normal().string() + " has no " + symbol;
  }
  return Status::NotSupported(why);
}

}  // namespace oplex
