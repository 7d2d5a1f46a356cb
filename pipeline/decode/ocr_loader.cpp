// OcrEngine::Create: loads the Tesseract module on first use (see ocr_engine.h).
#include <dlfcn.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string_view>

#include "pipeline/decode/ocr_engine.h"

namespace oplex {
namespace {

struct Module {
  NewOcrEngine create = nullptr;
  std::string error;  // why it could not be loaded
};

// The module beside the running program (the build tree), else where an install put it.
Module Load() {
  // Debian's Tesseract runs on OpenMP, which reads OMP_THREAD_LIMIT once, as it loads with the
  // module: without a limit of 1 its threads make OCR several times slower on a small machine.
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  const char* limit = std::getenv("OMP_THREAD_LIMIT");
  if (limit == nullptr || std::string_view(limit) != "1") {
    spdlog::warn(
        "OMP_THREAD_LIMIT is not 1: Tesseract's OpenMP threads may make OCR several times "
        "slower (unset it, or set it to 1)");
  }
  Module m;
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    m.error = "/proc/self/exe: " + error.message();
    return m;
  }
  // The build tree keeps the module beside the program; an install in PREFIX/lib/oplex.
  const std::filesystem::path bin = self.parent_path();
  for (const std::filesystem::path& place :
       {bin / OPLEX_OCR_MODULE_NAME, bin / OPLEX_OCR_MODULE_FROM_BIN / OPLEX_OCR_MODULE_NAME}) {
    void* handle = dlopen(place.lexically_normal().c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      m.error += (m.error.empty() ? "" : "; ") + std::string(dlerror());
      continue;
    }
    m.create = reinterpret_cast<NewOcrEngine>(dlsym(handle, kNewOcrEngine));
    if (m.create != nullptr) return m;
    m.error = place.string() + " has no " + kNewOcrEngine;
  }
  return m;
}

}  // namespace

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const std::string& language) {
  static const Module module = Load();
  if (module.create == nullptr) {
    return Status::NotSupported("the OCR engine cannot be loaded: " + module.error);
  }
  std::string error;
  std::unique_ptr<OcrEngine> engine(module.create(language.c_str(), &error));
  if (!engine) return Status::NotSupported(error);
  return engine;
}

}  // namespace oplex
