#include "tools/cli/metadata_options.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "pipeline/normalize/bounded_number.h"
#include "pipeline/vocab.h"
#include "tools/cli/args.h"

namespace oplex::cli {
namespace {

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// The records of an RFC 4180 text: fields split at commas, quoted fields with their commas,
// line breaks and doubled quotes; each record with the line it starts on.
std::vector<std::pair<int, std::vector<std::string>>> ParseCsv(const std::string& text) {
  std::vector<std::pair<int, std::vector<std::string>>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  int line = 1, start = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        line += c == '\n';
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(std::move(field));
      field.clear();
      if (record.size() > 1 || !record.front().empty()) records.emplace_back(start, record);
      record.clear();
      start = ++line;
    } else {
      field += c;
    }
  }
  if (!field.empty() || !record.empty()) {
    record.push_back(std::move(field));
    records.emplace_back(start, record);
  }
  return records;
}

}  // namespace

void AddMetadataOptions(CLI::App* command, MetadataOptions* options, bool title) {
  command->add_option("--institute", options->institute, "the institute, by its gazetteer code")
      ->type_name("CODE");
  AddYear(command, &options->year, "the year the document is for");
  command->add_option("--kind", options->kind, "the kind of document: " + ClassifiedKindNames())
      ->type_name("KIND");
  if (title) command->add_option("--title", options->title, "the title")->type_name("TEXT");
}

Result<MetadataEdit> CheckEdit(const MetadataOptions& options,
                               const std::filesystem::path& data_dir) {
  MetadataEdit edit;
  if (!options.institute.empty()) {
    auto vocabulary = Vocabulary::Load(data_dir);
    if (!vocabulary.ok()) return vocabulary.status();
    for (const Vocabulary::Institute& institute : vocabulary->institutes()) {
      if (Upper(institute.code) == Upper(options.institute)) edit.institute = institute.code;
    }
    if (!edit.institute) {
      return Status::InvalidInput("institute '" + options.institute +
                                  "' is not in the gazetteer (" +
                                  (data_dir / "institutes.tsv").string() + ")");
    }
  }
  edit.year = options.year;
  if (!options.kind.empty()) {
    edit.kind = DocumentKindFromText(options.kind);
    if (!edit.kind || *edit.kind == DocumentKind::kUnknown) {
      return Status::InvalidInput("kind is " + ClassifiedKindNames() + ", not '" + options.kind +
                                  "'");
    }
  }
  if (!options.title.empty()) edit.title = options.title;
  return edit;
}

std::filesystem::path ManifestKey(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path key = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::absolute(path).lexically_normal() : key;
}

Result<Manifest> ReadManifest(const std::filesystem::path& file,
                              const std::filesystem::path& data_dir) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::InvalidInput(file.string() + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  const auto records = ParseCsv(text.str());
  if (records.empty()) return Status::InvalidInput(file.string() + ": empty manifest");
  const std::vector<std::string>& header = records.front().second;
  auto column = [&](const char* name) -> std::optional<size_t> {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return std::nullopt;
    return static_cast<size_t>(it - header.begin());
  };
  if (!column("path")) {
    return Status::InvalidInput(file.string() +
                                ":1: the header names no `path` column (path, institute, year, "
                                "kind, title)");
  }
  Manifest manifest;
  for (size_t r = 1; r < records.size(); ++r) {
    const int line = records[r].first;
    const std::vector<std::string>& cells = records[r].second;
    auto cell = [&](const char* name) {
      const std::optional<size_t> c = column(name);
      return c && *c < cells.size() ? cells[*c] : std::string();
    };
    const std::string where = file.string() + ":" + std::to_string(line) + ": ";
    MetadataOptions options{cell("institute"), std::nullopt, cell("kind"), cell("title")};
    if (const std::string year = cell("year"); !year.empty()) {
      const std::optional<int64_t> y = ParseInteger(year);
      if (year.size() != 4 || !y || *y < 1900 || *y > 2200) {
        return Status::InvalidInput(where + "year is a year like 2024, not '" + year + "'");
      }
      options.year = static_cast<int>(*y);
    }
    Result<MetadataEdit> edit = CheckEdit(options, data_dir);
    if (!edit.ok()) return Status::InvalidInput(where + edit.status().message());
    const std::string path = cell("path");
    if (path.empty()) return Status::InvalidInput(where + "no path");
    const std::filesystem::path resolved = std::filesystem::path(path).is_absolute()
                                               ? std::filesystem::path(path)
                                               : file.parent_path() / path;
    manifest[ManifestKey(resolved)] = *edit;
  }
  return manifest;
}

}  // namespace oplex::cli
