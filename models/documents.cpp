#include "models/documents.h"

#include "models/plan_key.h"
#include "models/snapshot.h"

namespace oplex {

Result<std::vector<DocumentEdition>> ListDocuments(Store& store) {
  return InSnapshot(store, [&]() -> Result<std::vector<DocumentEdition>> {
    Result<Statement> list = store.Prepare(
        "SELECT d.id, d.path, d.sha256, d.institute, d.year, d.kind, d.title, d.source_format, "
        "  d.ingested_at, e.plan, e.edition_rank, e.editions, "
        "  (SELECT count(*) FROM activity AS a WHERE a.document_id = d.id), "
        "  (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id), "
        "  (SELECT count(*) FROM event AS v WHERE v.document_id = d.id) "
        "FROM document AS d JOIN v_document_edition AS e ON e.document_id = d.id "
        "JOIN document AS c ON c.id = e.counted_document_id "  // a plan's place is its counted's
        "ORDER BY c.institute IS NULL, c.institute, c.year IS NULL, c.year, c.kind, e.plan, "
        "  e.edition_rank");
    if (!list.ok()) return list.status();
    std::vector<DocumentEdition> out;
    Status s = ForEachRow(*list, [&]() -> Status {
      DocumentEdition d;
      d.id = list->Int64(0);
      d.path = list->Text(1);
      d.sha256 = list->Text(2);
      d.institute = list->OptionalText(3);
      d.year = list->OptionalInt(4);
      d.kind = DocumentKindFromText(list->Text(5)).value_or(DocumentKind::kUnknown);
      d.title = list->Text(6);
      d.source_format = list->Text(7);
      d.ingested_at = list->Text(8);
      d.plan = list->Text(9);
      d.edition_rank = static_cast<int>(list->Int64(10));
      d.editions = static_cast<int>(list->Int64(11));
      d.activities = list->Int64(12);
      d.indicators = list->Int64(13);
      d.events = list->Int64(14);
      out.push_back(std::move(d));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    for (DocumentEdition& d : out) {
      Result<std::vector<MetadataSet>> set = ListMetadataSet(store, d.id);
      if (!set.ok()) return set.status();
      d.set_by_hand = std::move(*set);
    }
    return out;
  });
}

Result<int64_t> RemoveDocuments(Store& store, const std::vector<std::string>& sha256s) {
  int64_t removed = 0;
  Status s = store.InTransaction([&]() -> Status {
    // The records go with their document: every table's foreign key to it cascades, and the
    // full-text index follows by its triggers, as when a document is replaced.
    Result<Statement> remove =
        store.Prepare("DELETE FROM document WHERE sha256 = ? RETURNING institute, year, kind");
    if (!remove.ok()) return remove.status();
    std::vector<PlanGroup> left;  // the plans that lost an edition
    for (const std::string& sha256 : sha256s) {
      remove->Bind(1, sha256);
      Result<bool> row = remove->Step();
      for (; row.ok() && *row; row = remove->Step()) {
        ++removed;
        left.push_back({remove->OptionalText(0), remove->OptionalInt(1),
                        DocumentKindFromText(remove->Text(2)).value_or(DocumentKind::kUnknown)});
      }
      if (!row.ok()) return row.status();
      remove->Reset();
    }
    for (const PlanGroup& group : left) {
      if (Status s = UpdatePlanKeys(store, group); !s.ok()) return s;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return removed;
}

}  // namespace oplex
