// `oplex documents`, `oplex set` and `oplex remove`: the stored documents as plans and their
// editions (models/documents.h), metadata set by hand (models/metadata.h), and removal.
#include "models/documents.h"

#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "tools/cli/args.h"
#include "tools/cli/commands.h"
#include "tools/cli/json.h"
#include "tools/cli/metadata_options.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kDocumentsHelp = {
    "documents", "the stored documents, plan by plan, with their editions", "[options]",
    R"(Lists the stored documents plan by plan, each plan with its key. Documents of one institute,
year and kind whose titles are the same once folded (accents, case, punctuation and spaces aside),
or one of which holds the other's (three words or more), are editions of one plan (its text
export, its PDF, a scan of it, a corrected re-publication), unless their reporting periods differ;
an edition without a title is the plan of its institute, year and kind when there is one.
Compare, report and the views count one edition per plan, the richest (the most complete by what
was extracted from it; then a born-digital PDF over a scan over a text export, then the newest),
marked "counted". Each document shows its id, source format, activities, indicators, events and
path, and the metadata set by hand (with what oplex had read). A document without an institute,
year or kind (pages of a plan without its title page) is an excerpt of the one plan that holds
four in five of its activities (same code, four in five of their words), else a plan of its own.
`oplex set DOC --title` joins plans the rules keep apart.
)",
    R"(--json prints an array of {id, path, sha256, institute, year, kind, title, source_format,
ingested_at, plan, edition, editions, counted, activities, indicators, events, set_by_hand:
[{field, value, read_value, source, set_at}]}.
)"};

constexpr CommandHelp kSetHelp = {
    "set", "correct the institute, year, kind or title of a stored document", "DOC [options]",
    R"(Sets the institute, year, kind or title of the stored document DOC: its id or path as `oplex
documents` shows them, or the beginning of its SHA-256 (8 hex digits or more). The value is
recorded as set by hand, with what oplex had read. A DOC the database does not hold, or that
names several documents (one path ingested twice), is a usage error.
)"};

constexpr CommandHelp kRemoveHelp = {
    "remove", "delete documents and everything extracted from them", "DOC... [options]",
    R"(Deletes the documents DOC (each its id, its path, or the beginning of its SHA-256) with every
record, finding and search entry extracted from them, in one transaction: all or none. A DOC the
database does not hold is a usage error, and nothing is deleted.
)"};

std::string Described(const DocumentEdition& d) {
  return d.institute.value_or("?") + " " + (d.year ? std::to_string(*d.year) : "?") + " " +
         ToString(d.kind);
}

int RunDocuments(const GlobalOptions& global) {
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto documents = ListDocuments(**store);
  if (!documents.ok()) {
    spdlog::error("{}", documents.status().message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginArray();
    for (const DocumentEdition& d : *documents) {
      j.BeginObject();
      j.Key("id").Int(d.id);
      j.Key("path").String(d.path);
      j.Key("sha256").String(d.sha256);
      j.Key("institute").OptString(d.institute);
      j.Key("year").OptInt(d.year);
      j.Key("kind").String(ToString(d.kind));
      j.Key("title").String(d.title);
      j.Key("source_format").String(d.source_format);
      j.Key("ingested_at").String(d.ingested_at);
      j.Key("plan").String(d.plan);
      j.Key("edition").Int(d.edition_rank);
      j.Key("editions").Int(d.editions);
      j.Key("counted").Bool(d.edition_rank == 1);
      j.Key("activities").Int(d.activities);
      j.Key("indicators").Int(d.indicators);
      j.Key("events").Int(d.events);
      j.Key("set_by_hand").BeginArray();
      for (const MetadataSet& m : d.set_by_hand) {
        j.BeginObject();
        j.Key("field").String(m.field);
        j.Key("value").OptString(m.value);
        j.Key("read_value").OptString(m.read_value);
        j.Key("source").String(m.source);
        j.Key("set_at").String(m.set_at);
        j.EndObject();
      }
      j.EndArray();
      j.EndObject();
    }
    j.EndArray();
    std::cout << "\n";
    return kExitOk;
  }
  size_t plans = 0;
  for (const DocumentEdition& d : *documents) {
    if (d.edition_rank == 1) {
      ++plans;
      std::cout << Described(d) << "  " << d.title << "  ("
                << (d.editions == 1 ? std::string("1 edition")
                                    : std::to_string(d.editions) + " editions")
                << ")\n  plan " << d.plan << "\n";
    }
    std::cout << "  " << (d.edition_rank == 1 ? "counted " : "        ") << d.id << "  "
              << d.source_format << "  " << d.activities << " activities, " << d.indicators
              << " indicators, " << d.events << " events  " << d.path << "\n";
    for (const MetadataSet& m : d.set_by_hand) {
      std::cout << "      " << m.field << " set by hand (" << m.source
                << "): " << m.value.value_or("unknown") << ", read "
                << m.read_value.value_or("nothing") << "\n";
    }
  }
  std::cout << documents->size() << " documents, " << plans << " plans\n";
  return kExitOk;
}

// The content hashes of `docs`, or the usage error naming the first the database does not hold.
Result<std::vector<std::string>> Hashes(Store& store, const std::vector<std::string>& docs) {
  std::vector<std::string> hashes;
  for (const std::string& doc : docs) {
    Result<std::string> hash = FindDocumentHash(store, doc);
    if (!hash.ok()) return hash.status();
    hashes.push_back(*hash);
  }
  return hashes;
}

// Opens the database of --db, which must exist, to write it; logs why not.
std::unique_ptr<Store> OpenToWrite(const GlobalOptions& global) {
  std::error_code ec;
  if (!std::filesystem::exists(global.db, ec)) {
    spdlog::error("{}: no such database (run `oplex ingest` first)", global.db.string());
    return nullptr;
  }
  auto store = Store::Open(global.db);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return nullptr;
  }
  return std::move(*store);
}

struct SetOptions {
  std::string doc;
  MetadataOptions metadata;
};

int RunSet(const CLI::App& command, const GlobalOptions& global, const SetOptions& o) {
  if (o.doc.empty()) return UsageFailure(command, "set needs the document to correct");
  Result<MetadataEdit> edit = CheckEdit(o.metadata, global.data_dir);
  if (!edit.ok()) return UsageFailure(command, edit.status().message());
  if (edit->empty()) {
    return UsageFailure(command, "set needs what to set: --institute, --year, --kind or --title");
  }
  std::unique_ptr<Store> store = OpenToWrite(global);
  if (!store) return kExitFatal;
  Result<std::vector<std::string>> hashes = Hashes(*store, {o.doc});
  if (!hashes.ok()) return UsageFailure(command, hashes.status().message());
  if (Status s = SetMetadata(*store, hashes->front(), *edit, MetadataSource::kSet); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitFatal;
  }
  if (!global.quiet && !global.json) std::cout << "set  " << o.doc << "\n";
  return kExitOk;
}

int RunRemove(const CLI::App& command, const GlobalOptions& global,
              const std::vector<std::string>& docs) {
  if (docs.empty()) return UsageFailure(command, "remove needs the documents to delete");
  std::unique_ptr<Store> store = OpenToWrite(global);
  if (!store) return kExitFatal;
  Result<std::vector<std::string>> hashes = Hashes(*store, docs);
  if (!hashes.ok()) return UsageFailure(command, hashes.status().message());
  Result<int64_t> removed = RemoveDocuments(*store, *hashes);
  if (!removed.ok()) {
    spdlog::error("{}", removed.status().message());
    return kExitFatal;
  }
  if (global.json) {
    std::cout << "{\"removed\":" << *removed << "}\n";
  } else if (!global.quiet) {
    std::cout << "removed " << *removed << (*removed == 1 ? " document" : " documents") << "\n";
  }
  return kExitOk;
}

}  // namespace

Command AddDocuments(CLI::App& app, const GlobalOptions& global) {
  AddCommand(app, kDocumentsHelp);
  return [&global] { return RunDocuments(global); };
}

Command AddSet(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kSetHelp);
  auto o = std::make_shared<SetOptions>();
  command->add_option("DOC", o->doc, "the document: id, path or SHA-256 prefix")->type_name("");
  AddMetadataOptions(command, &o->metadata, true);
  return [command, o, &global] { return RunSet(*command, global, *o); };
}

Command AddRemove(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kRemoveHelp);
  auto docs = std::make_shared<std::vector<std::string>>();
  command->add_option("DOC", *docs, "the documents: ids, paths or SHA-256 prefixes")->type_name("");
  return [command, docs, &global] { return RunRemove(*command, global, *docs); };
}

}  // namespace oplex::cli
