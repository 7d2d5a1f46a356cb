// One DocumentPipeline (loaded once from data/) for the tests that run whole documents, a
// file's bytes or a text through it as `oplex ingest` does, and the real documents of data/real.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "pipeline/sha256.h"
#include "tools/run/document_pipeline.h"

namespace oplex::testing {

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const DocumentPipeline& SharedPipeline() {
  static const DocumentPipeline* pipeline = [] {
    auto p = DocumentPipeline::Load(OPLEX_DEFAULT_DATA_DIR);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return new DocumentPipeline(std::move(*p));
  }();
  return *pipeline;
}

inline Result<Extraction> ProcessFile(const std::string& path) {
  const std::string bytes = ReadBytes(path);
  return SharedPipeline().Process(path, bytes, Sha256Hex(bytes));
}

// The extraction of a file that must read; a failure to read fails the test.
inline Extraction MustProcess(const std::string& path) {
  auto e = ProcessFile(path);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? std::move(*e) : Extraction{};
}

// The extraction of a document given as text, as `oplex ingest` would make it of a file `name`.
inline Extraction ProcessText(const std::string& text, const std::string& name) {
  auto e = SharedPipeline().Process(name, text, Sha256Hex(text));
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? std::move(*e) : Extraction{};
}

// The extraction of data/real/<stem>.pdf, read once per test program.
inline const Extraction& ReadReal(const std::string& stem) {
  static std::map<std::string, Extraction> cache;
  auto it = cache.find(stem);
  if (it == cache.end()) {
    it = cache
             .emplace(stem,
                      MustProcess(std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/" + stem + ".pdf"))
             .first;
  }
  return it->second;
}

}  // namespace oplex::testing
