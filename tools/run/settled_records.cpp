#include "tools/run/settled_records.h"

#include <algorithm>

#include "pipeline/validate/validator.h"

namespace oplex {

std::vector<size_t> SettledRecords::Rescheduled(const Extraction& e) {
  std::vector<size_t> now;
  std::erase_if(unscheduled_, [&](size_t i) {
    if (!e.ActivityMonths(i).known()) return false;
    now.push_back(i);
    return true;
  });
  return now;
}

void SettledRecords::Settle(Extraction* e, const RecordCounts& before) {
  const std::vector<size_t> rescheduled = Rescheduled(*e);
  for (size_t i : rescheduled) {
    ClassifyActivity(taxonomy_, e, i);
    ValidateActivity(e, i);
  }
  for (size_t i = before.activities; i < e->activity_count(); ++i) {
    ClassifyActivity(taxonomy_, e, i);
    ValidateActivity(e, i);
    if (!e->ActivityMonths(i).known()) unscheduled_.push_back(i);
  }
  if (prefix_.empty() || !failed_.ok()) return;
  if (!spill_) {
    DocumentInfo document = e->document;
    document.sha256 = identity_.sha256;
    document.path = identity_.path;
    Result<std::unique_ptr<RecordSpill>> spill = RecordSpill::Create(prefix_, document);
    if (!spill.ok()) {
      failed_ = spill.status();
      return;
    }
    spill_ = std::move(*spill);
  }
  failed_ = spill_->Settle(e, rescheduled);
}

Status SettledRecords::Finish(Extraction* e) {
  if (!failed_.ok() || !spill_) return failed_;
  return failed_ = spill_->Finish(e, {});
}

}  // namespace oplex
