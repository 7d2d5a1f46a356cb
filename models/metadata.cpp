#include "models/metadata.h"

#include <algorithm>

#include "models/plan_key.h"
#include "models/snapshot.h"

namespace oplex {
namespace {

// Records `field` of document `id` as set to `value` by `source` at `set_at` (nullopt: now),
// keeping what oplex first read, then sets the document's column. `field` is one of the four the
// table's CHECK allows, never user text.
Status SetField(Store& store, int64_t id, const std::string& field,
                const std::optional<std::string>& value, std::string_view source,
                const std::optional<std::string>& set_at = std::nullopt) {
  if (field != "institute" && field != "year" && field != "kind" && field != "title") {
    return Status::Internal("no document field '" + field + "' to set");
  }
  if (field == "institute" && value) {
    Result<Statement> institute =
        store.Prepare("INSERT INTO institute (code) VALUES (?) ON CONFLICT (code) DO NOTHING");
    if (!institute.ok()) return institute.status();
    if (Status s = institute->Bind(1, *value).Run(); !s.ok()) return s;
  }
  Result<Statement> record = store.Prepare(
      "INSERT INTO document_metadata_set (document_id, field, value, read_value, source, "
      "set_at) SELECT id, ?2, ?3, CAST(" +
      field +
      " AS TEXT), ?4, coalesce(?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) FROM document "
      "WHERE id = ?1 ON CONFLICT (document_id, field) DO UPDATE SET value = excluded.value, "
      "source = excluded.source, set_at = excluded.set_at");
  if (!record.ok()) return record.status();
  Status s =
      record->Bind(1, id).Bind(2, field).Bind(3, value).Bind(4, source).Bind(5, set_at).Run();
  if (!s.ok()) return s;
  Result<Statement> update = store.Prepare("UPDATE document SET " + field + " = ?2 WHERE id = ?1");
  if (!update.ok()) return update.status();
  update->Bind(1, id);
  if (field == "year" && value) {
    update->Bind(2, static_cast<int64_t>(std::stoi(*value)));
  } else {
    update->Bind(2, value);
  }
  return update->Run();
}

bool AllOf(const std::string& text, const char* chars) {
  return !text.empty() && text.find_first_not_of(chars) == std::string::npos;
}

}  // namespace

const char* ToString(MetadataSource source) {
  switch (source) {
    case MetadataSource::kIngest:
      return "ingest";
    case MetadataSource::kManifest:
      return "manifest";
    case MetadataSource::kSet:
      return "set";
  }
  return "set";
}

Status SetMetadata(Store& store, const std::string& sha256, const MetadataEdit& edit,
                   MetadataSource source) {
  return store.InTransaction([&]() -> Status {
    Result<std::optional<int64_t>> id = store.FindDocument(sha256);
    if (!id.ok()) return id.status();
    if (!*id) return Status::InvalidInput("no document with content " + sha256);
    Result<PlanGroup> before = PlanGroupOf(store, **id);
    if (!before.ok()) return before.status();
    const std::string_view by = ToString(source);
    if (edit.institute) {
      if (Status s = SetField(store, **id, "institute", edit.institute, by); !s.ok()) return s;
    }
    if (edit.year) {
      if (Status s = SetField(store, **id, "year", std::to_string(*edit.year), by); !s.ok()) {
        return s;
      }
    }
    if (edit.kind) {
      if (Status s = SetField(store, **id, "kind", std::string(ToString(*edit.kind)), by);
          !s.ok()) {
        return s;
      }
    }
    if (edit.title) {
      if (Status s = SetField(store, **id, "title", edit.title, by); !s.ok()) return s;
    }
    // The plans of the group it left and of the one it is in now.
    if (Status s = UpdatePlanKeys(store, *before); !s.ok()) return s;
    Result<PlanGroup> after = PlanGroupOf(store, **id);
    if (!after.ok()) return after.status();
    return UpdatePlanKeys(store, *after);
  });
}

Result<std::string> FindDocumentHash(Store& store, const std::string& doc) {
  std::string where = "path = ?1";
  if (AllOf(doc, "0123456789")) {
    where = "id = CAST(?1 AS INTEGER)";
  } else if (doc.size() >= 8 && AllOf(doc, "0123456789abcdef")) {
    where = "path = ?1 OR substr(sha256, 1, length(?1)) = ?1";
  }
  Result<Statement> find =
      store.Prepare("SELECT sha256, id FROM document WHERE " + where + " ORDER BY id");
  if (!find.ok()) return find.status();
  find->Bind(1, doc);
  std::vector<std::string> hashes, ids;
  Status s = ForEachRow(*find, [&] {
    hashes.push_back(find->Text(0));
    ids.push_back(std::to_string(find->Int64(1)));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (hashes.empty()) {
    return Status::InvalidInput("no document '" + doc +
                                "' in the database (name one by its id, path or SHA-256 as "
                                "`oplex documents` shows them)");
  }
  if (hashes.size() > 1) {
    std::string list;
    for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
    return Status::InvalidInput("'" + doc + "' names " + std::to_string(hashes.size()) +
                                " documents (ids " + list + "): name one by its id");
  }
  return hashes.front();
}

Result<std::vector<MetadataSet>> ListMetadataSet(Store& store, int64_t document_id) {
  Result<Statement> list = store.Prepare(
      "SELECT field, value, read_value, source, set_at FROM document_metadata_set "
      "WHERE document_id = ? ORDER BY field");
  if (!list.ok()) return list.status();
  list->Bind(1, document_id);
  std::vector<MetadataSet> out;
  Status s = ForEachRow(*list, [&] {
    out.push_back({list->Text(0), list->OptionalText(1), list->OptionalText(2), list->Text(3),
                   list->Text(4)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status RestoreMetadata(Store& store, int64_t document_id, const std::vector<MetadataSet>& kept) {
  for (const MetadataSet& m : kept) {
    if (Status s = SetField(store, document_id, m.field, m.value, m.source, m.set_at); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace oplex
