// OcrEngine::Create: loads the Tesseract module on first use (see ocr_engine.h).
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <mutex>
#include <string_view>

#include "pipeline/decode/ocr_engine.h"
#include "pipeline/modules.h"

namespace oplex {
namespace {

struct Module {
  NewOcrEngine create = nullptr;
  std::string error;  // why it could not be loaded
};

// The module, loaded with the thread limit set (see modules.h for where it is looked for).
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
  auto entry = ModuleEntry(OPLEX_OCR_MODULE_NAME, kNewOcrEngine);
  if (entry.ok()) {
    m.create = reinterpret_cast<NewOcrEngine>(entry.value());
  } else {
    m.error = entry.status().message();
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
