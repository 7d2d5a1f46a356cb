// The words the HTML report writes of its own (tools/cli/html_report.h, report_charts.h): headings,
// notes, table headers, chart labels and tooltips, in Spanish (the default: the language of the
// documents and of most of their readers) and in English. What the database holds (document text,
// titles, paths, category labels, finding messages and codes) is shown as stored, in neither.
//
// A sentence with numbers in it is a format string with {} placeholders in the order its comment
// gives (fmt). Plain constant data; safe to use from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "models/records.h"

namespace oplex::cli {

enum class ReportLanguage { kSpanish, kEnglish };

// A noun in the singular and the plural.
struct Noun {
  const char* one;
  const char* many;
};

// "1 document", "3 documents".
std::string Counted(int64_t n, const Noun& noun);

struct ReportWords {
  const char* lang;                    // the page's lang attribute
  std::array<const char*, 12> months;  // abbreviated, January first
  const char* no_month;                // a grid that marks no month
  Noun document, activity, finding, error, warning, note;

  // The page's title, header and footer.
  const char* page_title;
  const char* unrecognised;  // in place of an institute code
  const char* heading;
  const char* from;   // "{documents}{from}<code>database</code>"
  const char* scope;  // before the institutes and years asked for
  const char* all_institutes;
  const char* all_years;
  const char* generated;  // before the time
  const char* footer;     // {version}

  // Section headings, also the table of contents.
  const char* documents_heading;
  const char* categories_heading;
  const char* schedules_heading;
  const char* indicators_heading;
  const char* findings_heading;

  // Table headers.
  const char *institute, *year, *kind, *document_column, *format, *pages, *activities,
      *months_known, *indicators, *findings, *file, *page_column, *line_column, *indicator_column,
      *severity, *finding_kind, *documents_column, *example, *activity_column, *message;
  const char *level, *key, *row, *frequency, *unit_column, *baseline, *target, *programmed,
      *progress, *percent;

  // The documents section.
  const char* documents_note;  // HTML
  const char* other_editions;  // before the paths of the editions not counted
  const char *text_format, *image_format;

  // Kinds of document.
  const char *work_plan, *indicator_report, *activity_report, *calendar, *minutes, *unknown_kind;

  // The category chart.
  const char* categories_note;
  const char* no_activities;
  const char* not_classified;
  const char* unrecognised_institute_series;
  const char* series_activities;    // {activities}
  const char* series_in_documents;  // {documents}
  const char* bar_title;            // {series} {category} {count} {total} {percent}
  const char* categories_chart_title;
  const char* categories_chart_description;

  // The schedules section and the heatmaps.
  const char* schedules_note;
  const char* unrecognised_institute;
  const char* no_known_months;  // {activities}: "318 activities, none with known months"
  const char* text_export_no_shading;
  const char* no_heatmap;
  const char* months_known_for;  // {activities with known months}
  const char* no_plan_activities;
  const char* its_documents;  // {the documents}
  const char* heatmap_title;  // {institute and year} {path}
  const char* an_unrecognised_institute;
  const char* heatmap_description;  // {activities} {with known months}
  // A heatmap row's tooltip.
  const char *tip_unit, *tip_annual, *tip_months, *months_not_shown, *tip_planned, *tip_category,
      *at_page, *at_line;
  const char *legend_scheduled, *legend_quantity, *legend_not_scheduled;

  // The indicators section.
  const char* indicators_note;
  const char* no_indicators;

  // The findings section.
  const char* findings_note;  // {findings} {errors} {warnings} {notes}
  const char* finding_kinds_note;
  const char *severity_error, *severity_warning, *severity_info;
};

const ReportWords& WordsFor(ReportLanguage language);

// How the report names a kind of document ("plan de trabajo") and a source format ("texto").
std::string_view KindLabel(const ReportWords& words, DocumentKind kind);
std::string_view FormatLabel(const ReportWords& words, std::string_view source_format);
std::string_view SeverityLabel(const ReportWords& words, Severity severity);

}  // namespace oplex::cli
