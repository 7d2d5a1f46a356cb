#include "tools/run/record_spill.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace oplex {
namespace {

// What is kept of an activity whose months are known once it is written.
Activity Kept(const Activity& a) {
  Activity k;
  k.code = a.code;
  k.code_printed = a.code_printed;
  k.text = a.text;
  k.months = a.months;
  k.section = a.section;
  k.provenance = a.provenance;
  return k;
}

// Drops the schema's triggers and the indexes it declares (not those of its keys).
Status DropDerived(Store& store) {
  Result<Statement> list = store.Prepare(
      "SELECT type, name FROM sqlite_schema WHERE type = 'trigger' OR "
      "(type = 'index' AND sql IS NOT NULL)");
  if (!list.ok()) return list.status();
  std::vector<std::string> drops;
  for (Result<bool> row = list->Step(); row.ok() && *row; row = list->Step()) {
    drops.push_back("DROP " + list->Text(0) + " \"" + list->Text(1) + "\"");
  }
  list->Reset();
  for (const std::string& drop : drops) {
    if (Status s = store.Exec(drop); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<RecordSpill>> RecordSpill::Create(const std::string& prefix,
                                                         const DocumentInfo& document) {
  std::string name = prefix + "XXXXXX";
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    return Status::IoError("cannot make a scratch database " + name + " (" + std::strerror(errno) +
                           ")");
  }
  close(fd);
  const std::filesystem::path path(name);
  auto fail = [&](Status s) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return WithContext(s, "scratch database " + path.string());
  };
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  if (!store.ok()) return fail(store.status());
  // Scratch: nothing to keep through a crash, so no journal on disk and no waiting on it; no
  // foreign keys checked twice (the writer checks its indexes, the output checks the copy); no
  // index but the keys (the copy reads whole tables) and no full-text index (its triggers are all
  // the schema's triggers; the output's own index the records as they are copied in).
  if (Status s = (*store)->Exec(
          "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF");
      !s.ok()) {
    return fail(s);
  }
  if (Status s = DropDerived(**store); !s.ok()) return fail(s);
  Result<std::unique_ptr<DocumentWriter>> writer =
      (*store)->BeginDocument(document, /*replace=*/false);
  if (!writer.ok()) return fail(writer.status());
  return std::unique_ptr<RecordSpill>(new RecordSpill(path, std::move(*store), std::move(*writer)));
}

RecordSpill::~RecordSpill() {
  writer_.reset();
  store_.reset();
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

Status RecordSpill::Settle(Extraction* e, const std::vector<size_t>& rescheduled) {
  for (; sections_ < e->sections.size(); ++sections_) {
    if (Status s = writer_->AddSection(e->sections[sections_]); !s.ok()) return s;
  }
  for (size_t i : rescheduled) {
    if (i >= activities_) continue;  // not written yet: written below as it is
    Activity& a = e->activities[i];
    if (Status s = writer_->UpdateSchedule(i, a); !s.ok()) return s;
    a = Kept(a);
  }
  for (; activities_ < e->activities.size(); ++activities_) {
    Activity& a = e->activities[activities_];
    if (!a.months.known()) {
      if (Status s = writer_->AddActivity(a); !s.ok()) return s;
      continue;
    }
    Activity kept = Kept(a);
    if (Status s = writer_->AddActivity(std::move(a)); !s.ok()) return s;
    a = std::move(kept);
  }
  for (const Deliverable& d : e->deliverables) {
    if (Status s = writer_->AddDeliverable(d); !s.ok()) return s;
  }
  deliverables_ += e->deliverables.size();
  e->deliverables.clear();
  for (const Finding& f : e->findings) {
    if (!f.provenance.line) continue;
    if (Status s = writer_->AddFinding(f); !s.ok()) return s;
    ++findings_;
  }
  std::erase_if(e->findings, [](const Finding& f) { return f.provenance.line.has_value(); });
  return Status::Ok();
}

Status RecordSpill::Finish(Extraction* e, const std::vector<size_t>& rescheduled) {
  if (Status s = Settle(e, rescheduled); !s.ok()) return s;
  for (const StatedTotal& t : e->stated_totals) {
    if (Status s = writer_->AddStatedTotal(t); !s.ok()) return s;
  }
  for (const Indicator& i : e->indicators) {
    if (Status s = writer_->AddIndicator(i); !s.ok()) return s;
  }
  for (const Event& v : e->events) {
    if (Status s = writer_->AddEvent(v); !s.ok()) return s;
  }
  for (const Reference& r : e->references) {
    if (Status s = writer_->AddReference(r); !s.ok()) return s;
  }
  for (const Finding& f : e->findings) {
    if (Status s = writer_->AddFinding(f); !s.ok()) return s;
  }
  findings_ += e->findings.size();
  e->findings.clear();
  if (Result<Store::PutOutcome> put = writer_->Commit(); !put.ok()) return put.status();
  writer_.reset();
  return Status::Ok();
}

}  // namespace oplex
