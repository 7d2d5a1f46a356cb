// DocumentPipeline: every stage, in order, for one document:
//   decode → layout → classify → extract → validate.
// It only wires the stages; it holds the vocabularies and rules they share, loaded once.
// Process is const and thread-safe: one DocumentPipeline serves all worker threads.
#pragma once

#include <filesystem>
#include <string_view>

#include "extractors/rules.h"
#include "models/records.h"
#include "models/status.h"
#include "pipeline/vocab.h"

namespace oplex {

class DocumentPipeline {
 public:
  static Result<DocumentPipeline> Load(const std::filesystem::path& data_dir);

  // The extraction of one document, or why it cannot be read. `bytes` is the file's content,
  // `sha256` its identity (Sha256Hex(bytes), which the caller has already computed to skip
  // stored documents); `path` names it in messages and in the stored document.
  Result<Extraction> Process(const std::filesystem::path& path, std::string_view bytes,
                             std::string sha256) const;

 private:
  DocumentPipeline(Vocabulary vocab, ExtractionRules rules)
      : vocab_(std::move(vocab)), rules_(std::move(rules)) {}
  Vocabulary vocab_;
  ExtractionRules rules_;
};

}  // namespace oplex
