// The inline SVG charts of the HTML report (tools/cli/html_report.h): a month heatmap per plan
// and one grouped bar chart of category shares, their words in the report's language.
//
// Every chart is an <svg role="img"> with a <title> and <desc> named by aria-labelledby, sized by
// its viewBox so that it scales with the page. Document text is escaped and, where it is too long
// for a label, wrapped and cut with "…", the whole text kept in the element's <title> (a tooltip).
// Class names and data- attributes are stable: tests and readers' scripts select by them.
#pragma once

#include <string>
#include <vector>

#include "models/report_data.h"
#include "tools/cli/report_words.h"

namespace oplex::cli {

// Shapes the heatmaps share (<use href="#…">), in a hidden <svg>: put once in the page, before
// any heatmap.
std::string HeatmapDefs();

// The row of month names above a heatmap (<svg class="heatmap-months" aria-hidden="true">),
// drawn on the same horizontal scale so that it can stay in view (CSS position: sticky) while the
// heatmap scrolls under it.
std::string HeatmapMonthsSvg(const ReportWords& words);

// The heatmap of one document's activities, in document order, grouped under headings for their
// sections (root first, one heading per level where the section changes):
//   <svg class="heatmap" data-institute="IEEM" data-year="2024" data-document-id="5">
//     <g class="heading" data-level="0">              a section title
//     <g class="activity" data-code="080105" data-months="2,3,4,5,6,10,11,12">
//        <rect class="month" data-month="2">          a scheduled month; darker with the quantity
//                                                     planned for it relative to the activity's
//                                                     largest month, where the grid gives one
//     <g class="activity months-unknown" data-code="…">  months not shown in the source; a dashed
//     <rect class="unknown-band">                       band with that text covers such rows
// data-months lists the scheduled months (1-12), empty when the grid marks none; it is absent
// when the months are unknown.
std::string HeatmapSvg(const ReportDocument& document,
                       const std::vector<const ReportActivity*>& activities,
                       const ReportWords& words);

// The swatches of the heatmap's legend, as HTML (<ul class="heatmap-legend">).
std::string HeatmapLegendHtml(const ReportWords& words);

// One grouped bar chart of the share of activities in each category (the taxonomy's order), one
// bar per institute, year and kind of document, side by side, with a legend; each series has a
// colour of its own up to 16 series:
//   <svg class="category-bars" data-institutes="IEE-AGS IEEBCS IEEM">
//     <g class="legend"> <g class="series" data-institute="IEEM" data-year="2024">
//     <g class="category" data-category="organizacion_electoral">
//        <rect class="bar" data-institute="IEEM" data-year="2024" data-activities="24">
// Empty when no selected document has activities.
std::string CategoryBarsSvg(const ReportData& data, const ReportWords& words);

}  // namespace oplex::cli
