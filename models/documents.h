// The documents of a database as plans and their editions (view v_document_edition): the same
// plan stored more than once (its text export, its PDF, a scan of it, a corrected re-publication:
// one plan key, models/plan_key.h) is one plan, and one of its editions is the one counted
// (the most complete by what was extracted from it, then born-digital PDF over scan over text,
// then the newest). Listing and removal.
//
// Functions use the Store's connection: call them on the Store's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/metadata.h"
#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

// One stored document, as an edition of its plan.
struct DocumentEdition {
  int64_t id = 0;
  std::string path;
  std::string sha256;
  std::optional<std::string> institute;
  std::optional<int> year;
  DocumentKind kind = DocumentKind::kUnknown;
  std::string title;
  std::string source_format;  // text, pdf, pdf+ocr, image
  std::string ingested_at;
  std::string plan;      // the key its editions share ("document ID": a plan of its own)
  int edition_rank = 1;  // 1: the edition counted
  int editions = 1;      // how many the plan has
  int64_t activities = 0, indicators = 0, events = 0;
  std::vector<MetadataSet> set_by_hand;
};

// Every document, plan by plan (by institute, year, kind and plan key), each plan's editions from
// the one counted on.
Result<std::vector<DocumentEdition>> ListDocuments(Store& store);

// Deletes the documents with these content hashes and everything extracted from them, in one
// transaction: all or none; the plans they were editions of are keyed anew. Returns how many
// were deleted.
Result<int64_t> RemoveDocuments(Store& store, const std::vector<std::string>& sha256s);

}  // namespace oplex
