#include "models/records.h"

namespace oplex {

const char* ToString(MonthsSource source) {
  return source == MonthsSource::kGrid ? "grid" : "dates";
}

const char* ToString(SectionKind kind) {
  switch (kind) {
    case SectionKind::kEje:
      return "eje";
    case SectionKind::kSubprograma:
      return "subprograma";
    case SectionKind::kArea:
      return "area";
    case SectionKind::kProyecto:
      return "proyecto";
    case SectionKind::kGrupo:
      return "grupo";
    case SectionKind::kObjetivo:
      return "objetivo";
  }
  return "area";
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
  }
  return "unknown";
}

}  // namespace oplex
