#include "tools/run/record_spill.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace oplex {
namespace {

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
  // Written in order and read back seldom: a small page cache, whatever the document's size.
  if (Status s = (*store)->Exec(
          "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; "
          "PRAGMA cache_size = -256");
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
  if (!e->settled.size()) {
    e->settled.set_read_back([this](size_t index) { return ReadBack(index); });
  }
  for (; sections_ < e->sections.size(); ++sections_) {
    if (Status s = writer_->AddSection(e->sections[sections_]); !s.ok()) return s;
  }
  for (size_t i : rescheduled) {
    if (i >= e->settled.size()) continue;  // not written yet: written below as it is
    if (Status s = writer_->UpdateSchedule(i, *e->settled.Waiting(i)); !s.ok()) return s;
    e->settled.Scheduled(i);
  }
  // Each written one is settled; should a write fail, the indexes still name each activity once.
  size_t settled = 0;
  Status written;
  for (Activity& a : e->activities) {
    if (written = writer_->AddActivity(a); !written.ok()) break;
    e->settled.Add(std::move(a));
    ++settled;
  }
  e->activities.erase(e->activities.begin(), e->activities.begin() + static_cast<long>(settled));
  if (!written.ok()) return written;
  e->activities.shrink_to_fit();
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

Activity RecordSpill::ReadBack(size_t index) {
  Result<Activity> a = writer_ ? writer_->ReadActivity(index)
                               : Result<Activity>(Status::Internal("the spill is finished"));
  if (a.ok()) return std::move(*a);
  if (read_failed_.ok()) read_failed_ = a.status();
  Activity unread;
  unread.code = "?";
  return unread;
}

Status RecordSpill::Finish(Extraction* e, const std::vector<size_t>& rescheduled) {
  if (!read_failed_.ok()) return read_failed_;
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
  // Read whole now: nothing is read back, and the scratch database's cache goes before the
  // records are copied.
  e->settled.set_read_back({});
  writer_.reset();
  store_.reset();
  return Status::Ok();
}

}  // namespace oplex
