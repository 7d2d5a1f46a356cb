// The metadata a person sets on documents, from the command line (`ingest --institute --year
// --kind`, `oplex set`) or a manifest (`ingest --manifest FILE.csv`), checked against the
// gazetteer before anything is read or written.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "models/metadata.h"
#include "models/status.h"

namespace oplex::cli {

// The options as given; CheckEdit makes an edit of them.
struct MetadataOptions {
  std::string institute;
  std::optional<int> year;
  std::string kind;
  std::string title;
};

// Adds --institute CODE, --year Y, --kind KIND and, with `title`, --title TEXT.
void AddMetadataOptions(CLI::App* command, MetadataOptions* options, bool title);

// The edit `options` give: the institute as the gazetteer of `data_dir` spells it (any case
// given), the kind one of the classified kinds. kInvalidInput names what is wrong.
Result<MetadataEdit> CheckEdit(const MetadataOptions& options,
                               const std::filesystem::path& data_dir);

// A manifest: one edit per file, by the file's path (made absolute and normal).
using Manifest = std::map<std::filesystem::path, MetadataEdit>;

// Reads a manifest: CSV (RFC 4180, UTF-8) with a header row naming its columns, `path` and any of
// `institute`, `year`, `kind`, `title` (an empty cell sets nothing). A relative path is relative to
// the manifest's folder. kInvalidInput names the file and line of what is wrong.
Result<Manifest> ReadManifest(const std::filesystem::path& file,
                              const std::filesystem::path& data_dir);

// `path` as a manifest keys it.
std::filesystem::path ManifestKey(const std::filesystem::path& path);

}  // namespace oplex::cli
