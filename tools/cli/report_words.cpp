#include "tools/cli/report_words.h"

namespace oplex::cli {
namespace {

constexpr ReportWords kSpanish = {
    .lang = "es",
    .months = {"Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"},
    .no_month = "ninguno",
    .document = {"documento", "documentos"},
    .activity = {"actividad", "actividades"},
    .finding = {"hallazgo", "hallazgos"},
    .error = {"error", "errores"},
    .warning = {"advertencia", "advertencias"},
    .note = {"nota", "notas"},

    .page_title = "Informe de oplex",
    .unrecognised = "no reconocido",
    .heading = "Programas de trabajo comparados",
    .from = " de ",
    .scope = "institutos y años: ",
    .all_institutes = "todos los institutos",
    .all_years = "todos los años",
    .generated = "generado el ",
    .footer =
        "Hecho por oplex {} a partir de la base de datos de arriba, que guarda cada registro "
        "con su fuente.",

    .documents_heading = "Documentos",
    .categories_heading = "Actividades por categoría",
    .schedules_heading = "Calendarios mensuales",
    .indicators_heading = "Indicadores",
    .findings_heading = "Hallazgos",

    .institute = "Instituto",
    .year = "Año",
    .kind = "Tipo",
    .document_column = "Documento",
    .format = "Formato",
    .pages = "Páginas",
    .activities = "Actividades",
    .months_known = "Meses conocidos",
    .indicators = "Indicadores",
    .findings = "Hallazgos",
    .file = "Archivo",
    .page_column = "Página",
    .line_column = "Línea",
    .indicator_column = "Indicador",
    .severity = "Gravedad",
    .finding_kind = "Tipo",
    .documents_column = "Documentos",
    .example = "Ejemplo",
    .activity_column = "Actividad",
    .message = "Mensaje",
    .level = "Nivel",
    .key = "Clave",
    .row = "Fila",
    .frequency = "Frecuencia",
    .unit_column = "Unidad",
    .baseline = "Línea base",
    .target = "Meta",
    .programmed = "Programado",
    .progress = "Avance",
    .percent = "Porcentaje",

    .documents_note =
        "Lo que guarda cada documento. <em>Meses conocidos</em> cuenta las actividades cuyo "
        "calendario muestra la fuente (quizá ninguna); una exportación de texto pierde el "
        "sombreado de la cuadrícula, así que sus meses son desconocidos.",
    .other_editions = "La edición contada de su plan; también guardadas, no contadas: ",
    .text_format = "texto",
    .image_format = "imagen",

    .work_plan = "plan de trabajo",
    .indicator_report = "informe de indicadores",
    .activity_report = "informe de actividades",
    .calendar = "calendario",
    .minutes = "acta",
    .unknown_kind = "documento de tipo desconocido",

    .categories_note =
        "A qué función de un instituto electoral sirve cada actividad (la taxonomía), como "
        "parte de todas las actividades de un instituto y año, los institutos lado a lado. Pase "
        "el puntero sobre una barra para ver su cuenta.",
    .no_activities = "No hay actividades en los documentos seleccionados.",
    .not_classified = "Sin clasificar",
    .unrecognised_institute_series = "instituto no reconocido",
    .series_activities = "{} actividades",
    .series_in_documents = " en {} documentos",
    .bar_title = "{} — {}: {} de {} actividades ({})",
    .categories_chart_title = "Parte de las actividades por categoría",
    .categories_chart_description =
        "Para cada categoría de la taxonomía, una barra por instituto y año: la parte de sus "
        "actividades en esa categoría.",

    .schedules_note =
        "Un mapa de calor por plan cuyos meses se conocen: las actividades en filas bajo sus "
        "secciones, los meses en columnas. Pase el puntero sobre una fila para ver su texto "
        "completo, las cantidades mensuales y dónde está en la fuente.",
    .unrecognised_institute = "Instituto no reconocido",
    .no_known_months = "{}, ninguna con meses conocidos: la fuente no los muestra",
    .text_export_no_shading = " (una exportación de texto no conserva el sombreado de los meses)",
    .no_heatmap = ", así que no se dibuja mapa de calor.",
    .months_known_for = ", meses conocidos de {}",
    .no_plan_activities = "No hay actividades de plan guardadas para este instituto",
    .its_documents = " (sus documentos: {}).",
    .heatmap_title = "Calendario mensual de {}: {}",
    .an_unrecognised_institute = "un instituto no reconocido",
    .heatmap_description =
        "{} actividades en filas, agrupadas por sección, y los 12 meses en columnas; una celda "
        "sombreada es un mes programado, más oscura donde se programa más. Los meses se conocen "
        "para {} de ellas; las demás se marcan «meses no mostrados en la fuente».",
    .tip_unit = "unidad: ",
    .tip_annual = "cantidad anual: ",
    .tip_months = "meses: ",
    .months_not_shown = "meses no mostrados en la fuente",
    .tip_planned = "programado: ",
    .tip_category = "categoría: ",
    .at_page = "página ",
    .at_line = "línea ",
    .legend_scheduled = "programado",
    .legend_quantity = "cantidad programada, de la menor a la mayor del año de la actividad",
    .legend_not_scheduled = "no programado",

    .indicators_note =
        "Filas de tablas de indicadores (MIR, informes de indicadores), con las cifras como las "
        "escribe el documento.",
    .no_indicators = "No hay indicadores en los documentos seleccionados.",

    .findings_note =
        "{} ({}, {}, {}): comprobaciones que fallaron y filas que no se pudieron leer, con el "
        "archivo, la página y la línea para cotejarlas. Pase el puntero sobre un mensaje para ver "
        "el texto original.",
    .finding_kinds_note =
        "Por tipo, el más frecuente primero; después cada hallazgo, agrupado del mismo modo.",
    .severity_error = "error",
    .severity_warning = "advertencia",
    .severity_info = "nota",
};

constexpr ReportWords kEnglish = {
    .lang = "en",
    .months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    .no_month = "none",
    .document = {"document", "documents"},
    .activity = {"activity", "activities"},
    .finding = {"finding", "findings"},
    .error = {"error", "errors"},
    .warning = {"warning", "warnings"},
    .note = {"note", "notes"},

    .page_title = "oplex report",
    .unrecognised = "unrecognised",
    .heading = "Work plans compared",
    .from = " from ",
    .scope = "institutes and years: ",
    .all_institutes = "all institutes",
    .all_years = "all years",
    .generated = "generated ",
    .footer = "Made by oplex {} from the database above, which holds every record with its source.",

    .documents_heading = "Documents",
    .categories_heading = "Activities by category",
    .schedules_heading = "Month schedules",
    .indicators_heading = "Indicators",
    .findings_heading = "Findings",

    .institute = "Institute",
    .year = "Year",
    .kind = "Kind",
    .document_column = "Document",
    .format = "Format",
    .pages = "Pages",
    .activities = "Activities",
    .months_known = "Months known",
    .indicators = "Indicators",
    .findings = "Findings",
    .file = "File",
    .page_column = "Page",
    .line_column = "Line",
    .indicator_column = "Indicator",
    .severity = "Severity",
    .finding_kind = "Kind",
    .documents_column = "Documents",
    .example = "Example",
    .activity_column = "Activity",
    .message = "Message",
    .level = "Level",
    .key = "Key",
    .row = "Row",
    .frequency = "Frequency",
    .unit_column = "Unit",
    .baseline = "Baseline",
    .target = "Target",
    .programmed = "Programmed",
    .progress = "Progress",
    .percent = "Percent",

    .documents_note =
        "What each stored document holds. <em>Months known</em> counts the activities whose "
        "schedule the source shows (possibly none); a text export loses a grid's shading, so its "
        "months are unknown.",
    .other_editions = "The edition counted of its plan; also stored, not counted: ",
    .text_format = "text",
    .image_format = "image",

    .work_plan = "work plan",
    .indicator_report = "indicator report",
    .activity_report = "activity report",
    .calendar = "calendar",
    .minutes = "minutes",
    .unknown_kind = "document of unknown kind",

    .categories_note =
        "Which function of an electoral institute each activity serves (the taxonomy), as a share "
        "of all the activities of an institute and year, institutes side by side. Hover a bar for "
        "its count.",
    .no_activities = "No activities in the selected documents.",
    .not_classified = "Not yet classified",
    .unrecognised_institute_series = "unrecognised institute",
    .series_activities = "{} activities",
    .series_in_documents = " in {} documents",
    .bar_title = "{} — {}: {} of {} activities ({})",
    .categories_chart_title = "Share of activities by category",
    .categories_chart_description =
        "For each category of the taxonomy, one bar per institute and year: the share of its "
        "activities in that category.",

    .schedules_note =
        "One heatmap per plan whose months are known: activities in rows under their sections, "
        "months in columns. Hover a row for its whole text, monthly quantities and where it is in "
        "the source.",
    .unrecognised_institute = "Unrecognised institute",
    .no_known_months = "{}, none with known months: the source does not show them",
    .text_export_no_shading = " (a text export keeps no month shading)",
    .no_heatmap = ", so no heatmap is drawn.",
    .months_known_for = ", months known for {}",
    .no_plan_activities = "No plan activities stored for this institute",
    .its_documents = " (its documents: {}).",
    .heatmap_title = "Month schedule of {}: {}",
    .an_unrecognised_institute = "an unrecognised institute",
    .heatmap_description =
        "{} activities in rows, grouped by section, and the 12 months in columns; a shaded cell is "
        "a scheduled month, darker where more is planned. Months are known for {} of them; the "
        "others are marked \"months not shown in the source\".",
    .tip_unit = "unit: ",
    .tip_annual = "annual quantity: ",
    .tip_months = "months: ",
    .months_not_shown = "months not shown in the source",
    .tip_planned = "planned: ",
    .tip_category = "category: ",
    .at_page = "page ",
    .at_line = "line ",
    .legend_scheduled = "scheduled",
    .legend_quantity = "planned quantity, from the least to the most of the activity's year",
    .legend_not_scheduled = "not scheduled",

    .indicators_note =
        "Rows of indicator tables (MIR, indicator reports), figures as the document writes them.",
    .no_indicators = "No indicators in the selected documents.",

    .findings_note =
        "{} ({}, {}, {}): checks that failed and rows that could not be read, with the file, page "
        "and line to check them against. Hover a message for the raw text.",
    .finding_kinds_note =
        "By kind, the most frequent first; then every finding, grouped the same "
        "way.",
    .severity_error = "error",
    .severity_warning = "warning",
    .severity_info = "note",
};

}  // namespace

std::string Counted(int64_t n, const Noun& noun) {
  return std::to_string(n) + " " + (n == 1 ? noun.one : noun.many);
}

const ReportWords& WordsFor(ReportLanguage language) {
  return language == ReportLanguage::kEnglish ? kEnglish : kSpanish;
}

std::string_view KindLabel(const ReportWords& words, DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kWorkPlan:
      return words.work_plan;
    case DocumentKind::kIndicatorReport:
      return words.indicator_report;
    case DocumentKind::kActivityReport:
      return words.activity_report;
    case DocumentKind::kCalendar:
      return words.calendar;
    case DocumentKind::kMinutes:
      return words.minutes;
    case DocumentKind::kUnknown:
      break;
  }
  return words.unknown_kind;
}

std::string_view FormatLabel(const ReportWords& words, std::string_view source_format) {
  if (source_format == "text") return words.text_format;
  if (source_format == "image") return words.image_format;
  if (source_format == "pdf") return "PDF";
  if (source_format == "pdf+ocr") return "PDF + OCR";
  return source_format;
}

std::string_view SeverityLabel(const ReportWords& words, Severity severity) {
  switch (severity) {
    case Severity::kError:
      return words.severity_error;
    case Severity::kWarning:
      return words.severity_warning;
    case Severity::kInfo:
      break;
  }
  return words.severity_info;
}

}  // namespace oplex::cli
