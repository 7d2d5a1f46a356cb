#include "models/records.h"

#include <functional>
#include <iterator>

namespace oplex {

const char* ToString(MonthsSource source) {
  return source == MonthsSource::kGrid ? "grid" : "dates";
}

const char* ToString(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

const char* ToString(StatedTotal::What what) {
  switch (what) {
    case StatedTotal::What::kSubprogramas:
      return "subprogramas";
    case StatedTotal::What::kProyectos:
      return "proyectos";
    case StatedTotal::What::kActividades:
      return "actividades";
  }
  return "actividades";
}

const char* ToString(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kUnknown:
      return "unknown";
    case DocumentKind::kWorkPlan:
      return "work_plan";
    case DocumentKind::kIndicatorReport:
      return "indicator_report";
    case DocumentKind::kActivityReport:
      return "activity_report";
    case DocumentKind::kCalendar:
      return "calendar";
    case DocumentKind::kMinutes:
      return "minutes";
  }
  return "unknown";
}

std::string ClassifiedKindNames() {
  std::string names;
  const size_t count = std::size(kClassifiedKinds);
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) names += i + 1 == count ? " or " : ", ";
    names += ToString(kClassifiedKinds[i]);
  }
  return names;
}

std::optional<DocumentKind> DocumentKindFromText(std::string_view text) {
  if (text == ToString(DocumentKind::kUnknown)) return DocumentKind::kUnknown;
  for (DocumentKind kind : kClassifiedKinds) {
    if (text == ToString(kind)) return kind;
  }
  return std::nullopt;
}

namespace {

uint32_t CodeHash(std::string_view code) {
  return static_cast<uint32_t>(std::hash<std::string_view>{}(code));
}

}  // namespace

std::string_view SettledActivities::code(size_t index) const {
  if (const Activity* whole = Whole(index)) return whole->code;
  const Digest& d = digests_[index];
  return std::string_view(codes_).substr(d.code_at, d.code_size);
}

std::optional<size_t> SettledActivities::section(size_t index) const {
  if (const Activity* whole = Whole(index)) return whole->section;
  const uint32_t s = digests_[index].section;
  return s == 0 ? std::nullopt : std::optional<size_t>(s - 1);
}

MonthMask SettledActivities::months(size_t index) const {
  if (const Activity* whole = Whole(index)) return whole->months;
  return digests_[index].months;
}

const Activity* SettledActivities::Whole(size_t index) const {
  if (!digests_[index].waiting) return nullptr;
  auto it = std::lower_bound(waiting_.begin(), waiting_.end(), index,
                             [](const auto& w, size_t i) { return w.first < i; });
  return &it->second;
}

std::vector<size_t> SettledActivities::WithCode(std::string_view code) const {
  if (!by_code_sorted_) {
    std::sort(by_code_.begin(), by_code_.end());
    by_code_sorted_ = true;
  }
  const uint32_t hash = CodeHash(code);
  std::vector<size_t> out;
  for (auto it = std::lower_bound(by_code_.begin(), by_code_.end(), std::make_pair(hash, 0u));
       it != by_code_.end() && it->first == hash; ++it) {
    if (this->code(it->second) == code) out.push_back(it->second);
  }
  return out;
}

Activity* SettledActivities::Waiting(size_t index) { return const_cast<Activity*>(Whole(index)); }

std::vector<size_t> SettledActivities::WaitingIndexes() const {
  std::vector<size_t> out;
  out.reserve(waiting_.size());
  for (const auto& w : waiting_) out.push_back(w.first);
  return out;
}

Activity SettledActivities::Written(size_t index) const {
  if (const Activity* whole = Whole(index)) return *whole;
  if (read_back_) return read_back_(index);
  Activity a;
  a.code = std::string(code(index));
  a.section = section(index);
  a.months = months(index);
  return a;
}

void SettledActivities::Add(Activity a) {
  const size_t index = digests_.size();
  digests_.emplace_back();
  Keep(index, a, /*fresh=*/true);
  if (a.months.known()) return;
  digests_[index].waiting = true;
  waiting_.emplace_back(index, std::move(a));
}

void SettledActivities::Scheduled(size_t index) {
  if (!digests_[index].waiting) return;
  auto it = std::lower_bound(waiting_.begin(), waiting_.end(), index,
                             [](const auto& w, size_t i) { return w.first < i; });
  digests_[index].waiting = false;
  Keep(index, it->second, /*fresh=*/false);
  waiting_.erase(it);
}

void SettledActivities::Keep(size_t index, const Activity& a, bool fresh) {
  Digest& d = digests_[index];
  if (fresh || code(index) != a.code) {
    d.code_at = static_cast<uint32_t>(codes_.size());
    d.code_size = static_cast<uint32_t>(a.code.size());
    codes_ += a.code;
    by_code_.emplace_back(CodeHash(a.code), static_cast<uint32_t>(index));
    by_code_sorted_ = false;
  }
  d.section = a.section ? static_cast<uint32_t>(*a.section + 1) : 0;
  d.months = a.months;
  scheduled_ += a.months.known() && a.months.bits() != 0;
}

Activity* Extraction::WholeActivity(size_t index) {
  if (index >= settled.size()) return &activities[index - settled.size()];
  return settled.Waiting(index);
}

const Activity* Extraction::WholeActivity(size_t index) const {
  return const_cast<Extraction*>(this)->WholeActivity(index);
}

std::string_view Extraction::ActivityCode(size_t index) const {
  if (index >= settled.size()) return activities[index - settled.size()].code;
  return settled.code(index);
}

std::optional<size_t> Extraction::ActivitySection(size_t index) const {
  if (index >= settled.size()) return activities[index - settled.size()].section;
  return settled.section(index);
}

MonthMask Extraction::ActivityMonths(size_t index) const {
  if (index >= settled.size()) return activities[index - settled.size()].months;
  return settled.months(index);
}

Activity Extraction::ActivityWritten(size_t index) const {
  if (index >= settled.size()) return activities[index - settled.size()];
  return settled.Written(index);
}

}  // namespace oplex
