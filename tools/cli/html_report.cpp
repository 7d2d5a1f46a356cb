#include "tools/cli/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <vector>

#include "tools/cli/html_text.h"
#include "tools/cli/report_charts.h"
#include "tools/cli/report_words.h"

namespace oplex::cli {
namespace {

// System fonts only: nothing to download, and the widths html_text.h estimates hold.
constexpr char kStyle[] = R"css(
:root{--ink:#1f2933;--muted:#52606d;--faint:#829ab1;--line:#d9e2ec;--soft:#f0f4f8}
*{box-sizing:border-box}
body{margin:0;background:#eef2f6;color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",sans-serif}
header,main>section{max-width:1040px;margin:16px auto;background:#fff;border-radius:8px;padding:18px 24px;box-shadow:0 1px 3px rgba(16,42,67,.12)}
header{margin-top:20px}
h1{font-size:24px;margin:0 0 4px;color:#102a43}
h2{font-size:19px;margin:0 0 8px;color:#102a43}
h3{font-size:16px;margin:22px 0 6px;color:#102a43;border-top:1px solid var(--line);padding-top:14px}
h3 .name{font-weight:400;color:var(--muted)}
p{margin:6px 0}
.meta,.note,figcaption{color:var(--muted);font-size:13.5px}
code,.path{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12.5px}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 18px;margin-top:10px;font-size:14px}
nav.toc a{color:#0b69a3;text-decoration:none}
nav.toc a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}
th{position:sticky;top:0;background:var(--soft);text-align:left;font-weight:600;color:#334e68;border-bottom:1px solid var(--line);padding:5px 8px;z-index:2}
td{padding:4px 8px;border-bottom:1px solid #edf1f5;vertical-align:top}
tbody tr:nth-child(even){background:#fafbfc}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.path{min-width:14em}
td.file{min-width:11em}
td.inst{white-space:nowrap}
td.name{min-width:16em}
td.fig,th.fig{text-align:right}
td:empty::after{content:"\2014";color:#bcccdc}
.sev{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;font-weight:600}
.sev-info{background:#e3f0fc;color:#1c5d99}.sev-warning{background:#fff3d6;color:#8a5a00}.sev-error{background:#ffe3e3;color:#a61b1b}
svg{display:block;max-width:100%;height:auto}
svg.heatmap,svg.heatmap-months,svg.category-bars{width:100%}
svg.defs{position:absolute;width:0;height:0}
figure.schedule{margin:10px 0 22px}
figcaption{margin-bottom:6px}
.heatmap-months{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);z-index:1}
.heatmap-months .col{font-size:11px;font-weight:600;fill:var(--muted)}
.heatmap .t{font-size:12px;fill:var(--ink)}
.heatmap .code{font-size:11.5px;fill:#627d98;font-variant-numeric:tabular-nums}
.heatmap .h{font-size:12px;font-weight:700;fill:#102a43}
.heatmap .heading[data-level="0"] rect{fill:#dbe5f0}
.heatmap .heading[data-level="1"] rect{fill:#eef3f8}
.heatmap .heading:not([data-level="0"]) .h{fill:#334e68}
.heatmap .zebra{fill:#f7f9fb}
.heatmap .unknown-band rect{fill:#faf7f0;stroke:#c9bb9c;stroke-dasharray:4 3}
.heatmap .u{font-size:11px;font-style:italic;fill:#8c7853;text-anchor:middle}
.heatmap-legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 22px;padding:0;margin:8px 0 4px;font-size:13px;color:var(--muted)}
.swatch{display:inline-block;width:14px;height:12px;margin-right:1px;vertical-align:-1px;border-radius:2px}
.swatch.track{background:#eceff3}
.swatch.unknown{background:#faf7f0;border:1px dashed #c9bb9c}
.category-bars text{font-size:12px;fill:#243b53}
.category-bars .v{font-size:10.5px;fill:var(--muted)}
.category-bars .axis line{stroke:#e4e9ef}
.category-bars .axis text{font-size:11px;fill:var(--faint)}
.months-unknown-note,.no-activities{background:#faf7f0;border:1px dashed #c9bb9c;border-radius:6px;padding:8px 12px;font-size:13.5px}
table.finding-kinds{margin-bottom:18px}
table.finding-kinds td.code a{color:#0b69a3;text-decoration:none}
tr.kind-heading td{background:#e6edf4;font-weight:600;color:#102a43;padding-top:8px}
footer{max-width:1040px;margin:0 auto 24px;color:var(--faint);font-size:12.5px;padding:0 24px}
)css";

std::string Esc(std::string_view s) { return HtmlEscape(s); }

std::string TextCell(std::string_view text, const char* css_class = nullptr) {
  return std::string("<td") + (css_class ? std::string(" class=\"") + css_class + "\"" : "") + ">" +
         Esc(text) + "</td>";
}
std::string OptionalCell(const std::optional<std::string>& text, const char* css_class = nullptr) {
  return TextCell(text.value_or(""), css_class);
}
std::string NumberCell(const std::optional<int64_t>& n) {
  return TextCell(n ? std::to_string(*n) : "", "num");
}
std::string HeaderCell(const char* text, const char* css_class = nullptr) {
  return std::string("<th") + (css_class ? std::string(" class=\"") + css_class + "\"" : "") + ">" +
         Esc(text) + "</th>";
}

// A file's path, with a break opportunity after each '/' so that a long path wraps at its folders.
std::string PathCell(std::string_view path) {
  std::string out = "<td class=\"path\">";
  for (size_t start = 0; start < path.size();) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash + 1;
    out += Esc(path.substr(start, end - start));
    if (slash != std::string_view::npos && end < path.size()) out += "<wbr>";
    start = end;
  }
  return out + "</td>";
}

// A file's name, its whole path in the tooltip: the rows of a long table stay readable, and the
// documents table gives every path in full.
std::string FileCell(std::string_view path) {
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return "<td class=\"file\" title=\"" + Esc(path) + "\">" + Esc(name) + "</td>";
}

// `prefix` and `name` as an id: characters other than ASCII letters, digits, '-' and '_' become
// '_'.
std::string AnchorId(std::string_view prefix, std::string_view name) {
  std::string id(prefix);
  for (char c : name) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    id += plain ? c : '_';
  }
  return id;
}

std::string InstituteId(const std::optional<std::string>& code) {
  return code ? AnchorId("institute-", *code) : "institute-unrecognised";
}

std::string YearText(const std::optional<int>& year) { return year ? std::to_string(*year) : ""; }

// A row under a document's, naming the other editions of its plan, which are not counted.
std::string OtherEditions(const ReportDocument& d, const ReportWords& w) {
  if (d.other_editions.empty()) return "";
  std::string paths;
  for (const std::string& path : d.other_editions) paths += (paths.empty() ? "" : ", ") + path;
  return "<tr class=\"other-editions\"><td colspan=\"3\"></td><td colspan=\"7\">" +
         Esc(w.other_editions + paths) + "</td></tr>";
}

std::string DocumentsSection(const ReportData& data, const ReportWords& w) {
  std::string out =
      std::string("<section id=\"documents\"><h2>") + w.documents_heading +
      "</h2><p class=\"note\">" + w.documents_note + "</p><table class=\"documents\"><thead><tr>" +
      HeaderCell(w.institute) + HeaderCell(w.year) + HeaderCell(w.kind) +
      HeaderCell(w.document_column) + HeaderCell(w.format) + HeaderCell(w.pages, "num") +
      HeaderCell(w.activities, "num") + HeaderCell(w.months_known, "num") +
      HeaderCell(w.indicators, "num") + HeaderCell(w.findings, "num") + "</tr></thead><tbody>";
  for (const ReportDocument& d : data.documents) {
    out += "<tr data-document-id=\"" + std::to_string(d.id) + "\" data-institute=\"" +
           Esc(d.institute.value_or("")) + "\">" + OptionalCell(d.institute, "inst") +
           NumberCell(d.year) + TextCell(KindLabel(w, d.kind)) + PathCell(d.path) +
           TextCell(FormatLabel(w, d.source_format)) + NumberCell(d.pages) +
           NumberCell(d.activities) + NumberCell(d.activities_with_months) +
           NumberCell(d.indicators) + NumberCell(d.findings) + "</tr>" + OtherEditions(d, w);
  }
  return out + "</tbody></table></section>";
}

std::string CategoriesSection(const ReportData& data, const ReportWords& w) {
  std::string chart = CategoryBarsSvg(data, w);
  if (chart.empty()) chart = std::string("<p class=\"no-activities\">") + w.no_activities + "</p>";
  return std::string("<section id=\"categories\"><h2>") + w.categories_heading +
         "</h2><p class=\"note\">" + w.categories_note + "</p>" + chart + "</section>";
}

// One institute's part of the schedules: first what has no heatmap (short notes), then a heatmap
// per plan whose months are known.
std::string InstituteSchedules(std::span<const ReportDocument> documents,
                               std::map<int64_t, std::vector<const ReportActivity*>>& by_document,
                               const ReportWords& w, HtmlReport* report) {
  const std::optional<std::string>& institute = documents.front().institute;
  const std::optional<std::string>& name = documents.front().institute_name;
  std::string out = "<section class=\"institute\" id=\"" + InstituteId(institute) +
                    "\" data-institute=\"" + Esc(institute.value_or("")) + "\"><h3>" +
                    Esc(institute.value_or(w.unrecognised_institute)) +
                    (name ? " <span class=\"name\">" + Esc(*name) + "</span>" : "") + "</h3>";
  std::string notes, figures;
  std::string without_activities;  // its documents without activities, by kind and path
  for (const ReportDocument& d : documents) {
    const std::string id = std::to_string(d.id);
    const std::string kind(KindLabel(w, d.kind));
    const std::string what = "<b>" + Esc(YearText(d.year) + (d.year ? " · " : "") + kind) +
                             "</b> <span class=\"path\">" + Esc(d.path) + "</span>";
    const std::string activities = Counted(d.activities, w.activity);
    if (d.activities == 0) {
      without_activities += (without_activities.empty() ? "" : ", ") + kind + " " + d.path;
    } else if (d.activities_with_months == 0) {
      notes += "<p class=\"months-unknown-note\" data-document-id=\"" + id + "\">" + what + ": " +
               Esc(fmt::format(fmt::runtime(w.no_known_months), activities) +
                   (d.source_format == "text" ? w.text_export_no_shading : "") + w.no_heatmap) +
               "</p>";
    } else {
      figures +=
          "<figure class=\"schedule\" data-document-id=\"" + id + "\"><figcaption>" + what + " · " +
          Esc(activities +
              fmt::format(fmt::runtime(w.months_known_for), d.activities_with_months)) +
          "</figcaption>" + HeatmapMonthsSvg(w) + HeatmapSvg(d, by_document[d.id], w) + "</figure>";
      ++report->heatmaps;
    }
  }
  if (notes.empty() && figures.empty()) {
    notes = "<p class=\"no-activities\">" +
            Esc(w.no_plan_activities +
                (without_activities.empty()
                     ? std::string(".")
                     : fmt::format(fmt::runtime(w.its_documents), without_activities))) +
            "</p>";
  }
  ++report->institutes;
  return out + notes + figures + "</section>";
}

std::string SchedulesSection(const ReportData& data, const ReportWords& w, HtmlReport* report) {
  std::map<int64_t, std::vector<const ReportActivity*>> by_document;
  for (const ReportActivity& a : data.activities) by_document[a.document_id].push_back(&a);

  std::string out = std::string("<section id=\"schedules\"><h2>") + w.schedules_heading +
                    "</h2><p class=\"note\">" + w.schedules_note + "</p>" + HeatmapLegendHtml(w);
  const std::span<const ReportDocument> documents(data.documents);
  for (size_t i = 0; i < documents.size();) {  // documents come grouped by institute
    size_t end = i;
    while (end < documents.size() && documents[end].institute == documents[i].institute) ++end;
    out += InstituteSchedules(documents.subspan(i, end - i), by_document, w, report);
    i = end;
  }
  return out + "</section>";
}

std::string IndicatorsSection(const ReportData& data,
                              const std::map<int64_t, const ReportDocument*>& documents,
                              const ReportWords& w) {
  std::string out = std::string("<section id=\"indicators\"><h2>") + w.indicators_heading +
                    "</h2><p class=\"note\">" + w.indicators_note + "</p>";
  if (data.indicators.empty()) {
    return out + "<p class=\"no-activities\">" + w.no_indicators + "</p></section>";
  }
  // The columns a table of this kind may have; those no indicator fills are left out.
  struct Column {
    const char* header;
    const char* css_class;
    std::optional<std::string> ReportIndicator::*field;
  };
  const Column kOptional[] = {{w.level, nullptr, &ReportIndicator::level},
                              {w.key, nullptr, &ReportIndicator::key},
                              {w.row, nullptr, &ReportIndicator::subtotal},
                              {w.frequency, nullptr, &ReportIndicator::frequency},
                              {w.unit_column, nullptr, &ReportIndicator::unit},
                              {w.baseline, "fig", &ReportIndicator::baseline},
                              {w.target, "fig", &ReportIndicator::target},
                              {w.programmed, "fig", &ReportIndicator::programmed},
                              {w.progress, "fig", &ReportIndicator::progress},
                              {w.percent, "fig", &ReportIndicator::percent}};
  std::vector<const Column*> columns;
  for (const Column& c : kOptional) {
    if (std::any_of(data.indicators.begin(), data.indicators.end(),
                    [&](const ReportIndicator& i) { return (i.*c.field).has_value(); })) {
      columns.push_back(&c);
    }
  }
  out += "<table class=\"indicators\"><thead><tr>" + HeaderCell(w.institute) + HeaderCell(w.year) +
         HeaderCell(w.file) + HeaderCell(w.page_column, "num") + HeaderCell(w.line_column, "num") +
         HeaderCell(w.indicator_column, "name");
  for (const Column* c : columns) out += HeaderCell(c->header, c->css_class);
  out += "</tr></thead><tbody>";
  for (const ReportIndicator& i : data.indicators) {
    const ReportDocument& d = *documents.at(i.document_id);
    out += "<tr data-institute=\"" + Esc(d.institute.value_or("")) + "\" data-document-id=\"" +
           std::to_string(d.id) + "\">" + OptionalCell(d.institute, "inst") + NumberCell(d.year) +
           FileCell(d.path) + NumberCell(i.page) + NumberCell(i.line) + TextCell(i.name, "name");
    for (const Column* c : columns) out += OptionalCell(i.*c->field, c->css_class);
    out += "</tr>";
  }
  return out + "</tbody></table></section>";
}

// The findings of one kind (one code).
struct FindingKind {
  std::string code;
  std::vector<const ReportFinding*> findings;  // in the report's order
  std::set<Severity> severities;
  std::set<int64_t> documents;
};

// The kinds of finding, the most frequent first (then by code).
std::vector<FindingKind> FindingKinds(const std::vector<ReportFinding>& findings) {
  std::map<std::string, FindingKind> by_code;
  for (const ReportFinding& f : findings) {
    FindingKind& kind = by_code[f.row.code];
    kind.code = f.row.code;
    kind.findings.push_back(&f);
    kind.severities.insert(f.row.severity);
    kind.documents.insert(f.document_id);
  }
  std::vector<FindingKind> kinds;
  for (auto& [code, kind] : by_code) kinds.push_back(std::move(kind));
  std::stable_sort(kinds.begin(), kinds.end(), [](const FindingKind& a, const FindingKind& b) {
    return a.findings.size() > b.findings.size();
  });
  return kinds;
}

std::string SeverityBadge(Severity severity, const ReportWords& w) {
  const std::string css = ToString(severity);
  return "<span class=\"sev sev-" + css + "\">" + Esc(SeverityLabel(w, severity)) + "</span>";
}

// A row per kind of finding, with its count, and a link to its findings in the list.
std::string FindingKindsTable(const std::vector<FindingKind>& kinds, const ReportWords& w) {
  std::string out = "<table class=\"finding-kinds\"><thead><tr>" + HeaderCell(w.finding_kind) +
                    HeaderCell(w.severity) + HeaderCell(w.findings, "num") +
                    HeaderCell(w.documents_column, "num") + HeaderCell(w.example) +
                    "</tr></thead><tbody>";
  for (const FindingKind& kind : kinds) {
    std::string severities;
    for (auto it = kind.severities.rbegin(); it != kind.severities.rend(); ++it) {
      severities += SeverityBadge(*it, w);
    }
    const ReportFinding& example = *kind.findings.front();
    out += "<tr data-code=\"" + Esc(kind.code) + "\" data-count=\"" +
           std::to_string(kind.findings.size()) + "\"><td class=\"code\"><a href=\"#" +
           AnchorId("findings-", kind.code) + "\"><code>" + Esc(kind.code) +
           "</code></a></td><td>" + severities + "</td>" +
           NumberCell(static_cast<int64_t>(kind.findings.size())) +
           NumberCell(static_cast<int64_t>(kind.documents.size())) + "<td title=\"" +
           Esc(example.row.raw_text) + "\">" + Esc(example.row.message) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string FindingsSection(const ReportData& data, const ReportWords& w) {
  std::map<Severity, int64_t> counts;
  for (const ReportFinding& f : data.findings) ++counts[f.row.severity];
  std::string out = std::string("<section id=\"findings\"><h2>") + w.findings_heading +
                    "</h2><p class=\"note\">" +
                    Esc(fmt::format(fmt::runtime(w.findings_note),
                                    Counted(static_cast<int64_t>(data.findings.size()), w.finding),
                                    Counted(counts[Severity::kError], w.error),
                                    Counted(counts[Severity::kWarning], w.warning),
                                    Counted(counts[Severity::kInfo], w.note))) +
                    "</p>";
  if (data.findings.empty()) return out + "</section>";
  const std::vector<FindingKind> kinds = FindingKinds(data.findings);
  out += std::string("<p class=\"note\">") + w.finding_kinds_note + "</p>" +
         FindingKindsTable(kinds, w) + "<table class=\"findings\"><thead><tr>" +
         HeaderCell(w.file) + HeaderCell(w.page_column, "num") + HeaderCell(w.line_column, "num") +
         HeaderCell(w.severity) + HeaderCell(w.activity_column) + HeaderCell(w.message) +
         "</tr></thead>";
  for (const FindingKind& kind : kinds) {
    out += "<tbody class=\"finding-kind\" id=\"" + AnchorId("findings-", kind.code) +
           "\" data-code=\"" + Esc(kind.code) +
           "\"><tr class=\"kind-heading\"><td colspan=\"6\"><code>" + Esc(kind.code) +
           "</code> · " + Counted(static_cast<int64_t>(kind.findings.size()), w.finding) +
           "</td></tr>";
    for (const ReportFinding* f : kind.findings) {
      const Provenance& p = f->row.provenance;
      std::string line = p.line ? std::to_string(*p.line) : "";
      if (p.line && p.last_line && *p.last_line != *p.line) {
        line += "–" + std::to_string(*p.last_line);
      }
      out += "<tr data-severity=\"" + std::string(ToString(f->row.severity)) +
             "\" data-document-id=\"" + std::to_string(f->document_id) + "\">" +
             FileCell(f->row.document_path) + NumberCell(p.page) + TextCell(line, "num") + "<td>" +
             SeverityBadge(f->row.severity, w) + "</td>" + OptionalCell(f->row.activity_code) +
             "<td title=\"" + Esc(f->row.raw_text) + "\">" + Esc(f->row.message) + "</td></tr>";
    }
    out += "</tbody>";
  }
  return out + "</table></section>";
}

// The institutes and year asked for, or what "all" means.
std::string Scope(const HtmlReportInfo& info, const ReportWords& w) {
  std::string scope;
  for (const std::string& institute : info.institutes) {
    scope += (scope.empty() ? "" : ", ") + institute;
  }
  if (scope.empty()) scope = w.all_institutes;
  return scope + ", " + (info.year ? std::to_string(*info.year) : w.all_years);
}

}  // namespace

HtmlReport RenderHtmlReport(const ReportData& data, const HtmlReportInfo& info) {
  const ReportWords& w = WordsFor(info.language);
  HtmlReport report;
  std::map<int64_t, const ReportDocument*> documents;
  std::string institutes;  // documents come grouped by institute
  for (size_t i = 0; i < data.documents.size(); ++i) {
    const ReportDocument& d = data.documents[i];
    documents[d.id] = &d;
    if (i == 0 || data.documents[i - 1].institute != d.institute) {
      institutes += (institutes.empty() ? "" : ", ") + d.institute.value_or(w.unrecognised);
    }
  }
  const std::string title = w.page_title + (institutes.empty() ? "" : ": " + institutes);
  std::string& html = report.html;
  html = std::string("<!DOCTYPE html>\n<html lang=\"") + w.lang +
         "\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"generator\" content=\"oplex " OPLEX_VERSION "\"><title>" +
         Esc(title) + "</title><style>" + kStyle + "</style></head><body>";
  html += std::string("<header><h1>") + w.heading + "</h1><p class=\"meta\">" +
          Counted(static_cast<int64_t>(data.documents.size()), w.document) + w.from + "<code>" +
          Esc(info.database) + "</code> · " + Esc(w.scope + Scope(info, w)) + " · " + w.generated +
          Esc(info.generated_at) + "</p><nav class=\"toc\"><a href=\"#documents\">" +
          w.documents_heading + "</a><a href=\"#categories\">" + w.categories_heading +
          "</a><a href=\"#schedules\">" + w.schedules_heading + "</a>";
  for (size_t i = 0; i < data.documents.size(); ++i) {
    const std::optional<std::string>& code = data.documents[i].institute;
    if (i > 0 && data.documents[i - 1].institute == code) continue;
    html +=
        "<a href=\"#" + InstituteId(code) + "\">· " + Esc(code.value_or(w.unrecognised)) + "</a>";
  }
  html += std::string("<a href=\"#indicators\">") + w.indicators_heading +
          "</a><a href=\"#findings\">" + w.findings_heading + "</a></nav></header>" +
          HeatmapDefs() + "<main>" + DocumentsSection(data, w) + CategoriesSection(data, w) +
          SchedulesSection(data, w, &report) + IndicatorsSection(data, documents, w) +
          FindingsSection(data, w) + "</main><footer>" +
          Esc(fmt::format(fmt::runtime(w.footer), OPLEX_VERSION)) + "</footer></body></html>\n";
  return report;
}

}  // namespace oplex::cli
