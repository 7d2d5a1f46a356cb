// Classify: which institute published a document, for which year and period, and whether it is
// a work plan, an indicator report or an activity report, judged from its first lines.
//
// Everything is read from folded text (see Fold()), so capitals and accents do not matter, and
// from the vocabularies in data/ (see Vocabulary). What the first lines do not show stays
// unknown: a year is never guessed from a date deep in the body. What the opening leaves unknown,
// the document's records may tell (ClassifyByRecords, after extraction); what stays unknown gets a
// finding saying why. Pure functions of their inputs; safe to call from many threads with one
// shared Vocabulary.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/records.h"
#include "pipeline/vocab.h"

namespace oplex {

struct Classification {
  // From the first phrase in the leading text that a document_kinds.tsv pattern matches;
  // kUnknown when none does.
  DocumentKind kind = DocumentKind::kUnknown;

  // Gazetteer code of the publishing institute, nullopt when neither text nor file name names
  // one (the INE named only below the heading is no evidence: every state's documents cite it,
  // in their text and in their tables). Evidence, strongest first:
  //   1. the heading: the lines up to the end of the title (at least the first three);
  //   2. the rest of the leading text;
  //   3. the file name ("mex-ieem-...", "ags-iee-..."), only when the text names none.
  // Within one level a state institute beats the INE (state documents cite the INE all the
  // time), a full name beats a bare acronym, and an earlier mention beats a later one.
  std::optional<std::string> institute;

  // Year the document is about, from the title (its period, or a year that is not part of a
  // range such as "2023-2024"), else from the heading lines (e.g. a dated first line).
  std::optional<int> year;

  // The period the document covers, when the title or heading states one:
  //   "2024-Q1"          a calendar quarter ("del 1 de enero al 31 de marzo 2024",
  //                      "primer trimestre 2024");
  //   "2024"             a whole year (January to December, or an annual document such as
  //                      "Programa Anual de Actividades 2024");
  //   "2023-11/2024-02"  any other span of months, as an ISO 8601 interval.
  std::optional<std::string> period;

  // The title as the document writes it (markdown emphasis removed, lines joined by spaces): the
  // line or lines holding the kind phrase, extended to the end of a bold block it opens. When
  // they run on for hundreds of characters (a bad export fused the page into one line), only
  // the phrase with what immediately surrounds it and the period after it. Empty when kind is
  // kUnknown.
  std::string title;

  // How sure the institute is, 0..1: about 0.95 for a name in the heading, 0.8 in the body,
  // 0.5 from the file name alone; lower for a bare acronym or when another state institute is
  // also named; a little higher when the file name agrees with the text. 0 when institute is
  // nullopt.
  double institute_confidence = 0;

  // True when the INE was named, only below the heading, and so not taken as the publisher.
  bool ine_only_cited = false;
};

// A line of the document's opening. `in_table_body`: a cell of a table's body (a row after its
// first): a record's text, a deliverable, a responsible. Such a line names the institutes the
// document works with, so it counts for the institute, but a kind phrase in it ("Informe de
// actividades" as a deliverable, "Programa Anual de Trabajo 2025" as an activity) is no title.
struct LeadingLine {
  LeadingLine(std::string text, bool in_table_body)
      : text(std::move(text)), in_table_body(in_table_body) {}
  std::string text;
  bool in_table_body = false;
};

// `leading_lines`: the document's first non-empty lines (about 80) as plain text.
// `file_name`: the source file's name or path; only its final component is used.
Classification ClassifyOpening(const std::vector<LeadingLine>& leading_lines,
                               std::string_view file_name, const Vocabulary& vocab);

// ClassifyOpening, every line outside tables.
Classification Classify(const std::vector<std::string>& leading_lines, std::string_view file_name,
                        const Vocabulary& vocab);

// Completes what `opening` (Classify's reading) left unknown of `e->document` from the records
// extracted (run after the activities are extracted), each with an info finding naming the
// evidence:
//   - kind: a work plan when no title named a kind and its tables gave a schedule (activities
//     with their months, at least kScheduledActivities of them): "kind_from_tables";
//   - year: the year most of the activities' scheduled months fall in, when neither title nor
//     heading gave one (a "CALENDARIO 2023" header over the grid): "year_from_tables".
// A kind still unknown gets a finding saying why ("kind_unknown"), and so does an institute left
// unknown though the INE was named ("institute_unknown"), so that a person sets them (`oplex
// set`).
inline constexpr size_t kScheduledActivities = 3;
void ClassifyByRecords(const Classification& opening, Extraction* e);

}  // namespace oplex
