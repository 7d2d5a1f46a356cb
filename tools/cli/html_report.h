// The page `oplex report` writes: one self-contained HTML5 file (styles inline, charts as inline
// SVG, no scripts, no fonts, images or anything else to fetch), readable offline in any browser.
//
// Structure, with stable ids and classes for readers and tests:
//   <nav class="toc">                        links to the sections below
//   <section id="documents">                 <table class="documents">, a row per document
//                                            (<tr data-document-id data-institute>)
//   <section id="categories">                <svg class="category-bars"> (report_charts.h), or
//                                            <p class="no-activities"> when there is nothing
//   <section id="schedules">                 per institute:
//     <section class="institute" id="institute-IEEM" data-institute="IEEM">
//       <figure class="schedule" data-document-id="5">   a plan with months known for some
//         <svg class="heatmap-months"> <svg class="heatmap">   activity (report_charts.h)
//       <p class="months-unknown-note" data-document-id="3">  a plan whose months are all unknown
//       <p class="no-activities">                          an institute without plan activities
//   <section id="indicators">                <table class="indicators">, a row per indicator
//                                            (<tr data-institute data-document-id>)
//   <section id="findings">                  the findings grouped by kind (their code), the most
//                                            frequent kind first:
//     <table class="finding-kinds">          a row per kind with its count (<tr data-code
//                                            data-count>), linking to its group below
//     <table class="findings">               <tbody class="finding-kind" id="findings-CODE"
//                                            data-code> per kind: a heading row, then a row per
//                                            finding with its file, page and line (<tr
//                                            data-severity data-document-id>)
// The page's own words are Spanish or English (tools/cli/report_words.h; <html lang>); ids,
// classes and data- attributes are the same in both.
// An institute the document names no code for is data-institute="" (id "institute-unrecognised").
// Unknown values (a page a text export does not give, an indicator without a target) are empty
// cells, never 0.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "models/report_data.h"
#include "tools/cli/report_words.h"

namespace oplex::cli {

// What the page says about how it was made.
struct HtmlReportInfo {
  std::string database;                 // the database file, as given
  std::string generated_at;             // ISO-8601 UTC time
  std::vector<std::string> institutes;  // the institutes asked for; empty: all
  std::optional<int> year;              // the year asked for; nullopt: all
  ReportLanguage language = ReportLanguage::kSpanish;
};

struct HtmlReport {
  std::string html;
  size_t institutes = 0;  // institute sections
  size_t heatmaps = 0;
};

HtmlReport RenderHtmlReport(const ReportData& data, const HtmlReportInfo& info);

}  // namespace oplex::cli
