#include "models/records.h"

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

}  // namespace oplex
