// The table-events extractor: the events a table or a list sets out, one per row that gives a
// day: a calendar of sessions ("03 NOVIEMBRE 2022 | 9:00 AM"), a programme of courses whose
// row says "23 y 24 de enero de 2020".
//
// A row is an event when one of its cells mentions a day (spanish_dates.h: in figures or words;
// the first day the row mentions, so a course of "23 y 24 de enero" starts on the 23rd) and a
// phrase of event_kinds.tsv names its kind, the nearest first:
//   1. the row itself, by a phrase that names an event ("Sesión ordinaria del Comité");
//   2. the table's header, its leading rows without a figure (at most kMaxEventHeaderRows), by
//      a phrase that names an event or a list ("Nombre de los Cursos");
//   3. its caption, the paragraphs between the table and the table before it (at most
//      kCaptionParagraphs), likewise ("Calendario de Sesiones Ordinarias del Grupo…"); the
//      caption also refines the header's kind (a column "Sesión" under a calendar of
//      "sesiones ordinarias" lists sesion_ordinaria).
// A row nothing names is no event, whatever dates it gives (a deadline column, a sign-off).
// Its time is the first clock time of its cells ("9:00 AM", "12:00 P.M", "10:30 horas": stored
// "HH:MM", 24-hour), its place the cell under a header event_places.tsv names ("Lugar").
// A list is a run of at least two short paragraphs (at most kListItemBytes) that each open with
// a day: each is a row of one cell, with the paragraphs before the run as its caption. A short
// paragraph that is a label and its date ("Fecha de entrega de los recursos: 24 de septiembre
// del 2025": one date, after a colon, ending it) is a row of its own, an event when the label
// names one.
//
// Years: a day written without one takes the year of the row before it, or the year after when
// its month comes earlier than that row's (a calendar of a fiscal year whose last session falls
// in January); the first row without one takes the document's year (classify's, else the first
// year the caption writes: "… para el Ejercicio Fiscal 2025"). Each such year is a
// `date_year_assumed` finding (info). Where no year is known at all, the event is stored without
// a date, with the day as written in date_raw, and a `date_year_unknown` finding (warning).
//
// Runs after classify (it reads DocumentInfo::year). Pure function of its inputs; safe to call
// from several threads with shared rules.
#pragma once

#include <cstddef>
#include <vector>

#include "extractors/event_rules.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

inline constexpr char kTableEventsExtractor[] = "table_events";
inline constexpr size_t kMaxEventHeaderRows = 4;
inline constexpr size_t kCaptionParagraphs = 12;
inline constexpr size_t kListItemBytes = 120;

void ExtractTableEvents(const std::vector<Block>& blocks, const EventRules& rules, Extraction* out);

}  // namespace oplex
