// Metadata set by hand (schema 9): a person who knows better than classify sets a stored
// document's institute, year, kind or title. The document takes the value, and
// `document_metadata_set` records the field, the value, what oplex had read and what set it, so
// that a value set by hand is never taken for one read from the document.
//
// Functions use the Store's connection: call them on the Store's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

// The fields to set; those left nullopt keep their value. The institute is a code of the
// gazetteer (the caller checks it), the year four digits.
struct MetadataEdit {
  std::optional<std::string> institute;
  std::optional<int> year;
  std::optional<DocumentKind> kind;
  std::optional<std::string> title;

  bool empty() const { return !institute && !year && !kind && !title; }
};

// What set the values: `ingest --institute/--year/--kind`, `ingest --manifest`, `oplex set`.
enum class MetadataSource { kIngest, kManifest, kSet };
const char* ToString(MetadataSource source);

// Sets `edit` on the document with this content hash, in one transaction, recording each field
// set. A field set again replaces its record but keeps what oplex had first read. kNotFound when
// no document has the hash.
Status SetMetadata(Store& store, const std::string& sha256, const MetadataEdit& edit,
                   MetadataSource source);

// The content hash of the document `doc` names: its id (as `oplex documents` shows it), its path
// as stored, or the beginning of its SHA-256 (8 hex digits or more). kInvalidInput when it names
// none, or several.
Result<std::string> FindDocumentHash(Store& store, const std::string& doc);

// One field set by hand on a document.
struct MetadataSet {
  std::string field;  // institute, year, kind or title
  std::optional<std::string> value;
  std::optional<std::string> read_value;
  std::string source;  // ingest, manifest or set
  std::string set_at;
};

// The fields set by hand on document `document_id`, by field name.
Result<std::vector<MetadataSet>> ListMetadataSet(Store& store, int64_t document_id);

// Sets `kept` (ListMetadataSet of the copy a document replaces) again on document `document_id`,
// with their source and time, inside the caller's transaction: a document read again keeps what
// a person set on it, and what oplex read now becomes the read value.
Status RestoreMetadata(Store& store, int64_t document_id, const std::vector<MetadataSet>& kept);

}  // namespace oplex
