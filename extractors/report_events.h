// The report-events extractor: the dated sessions and meetings an activity report tells of, and
// the agreement codes any document cites, read from its sentences (extractors/sentences.h) with
// the patterns of EventRules.
//
// Events (activity reports only: the sessions a work plan mentions are mostly planned ones):
//  - a sentence that names an event ("en sesión extraordinaria celebrada el veinte de julio…")
//    and mentions a date gives one event per naming phrase, paired with the date nearest to it;
//    nearest pairs are made first and each phrase and date is used once, so "en la reunión
//    formal inmediata anterior, en la primera sesión ordinaria celebrada el veintisiete de
//    noviembre…" is one sesion_ordinaria. A sentence that names no event but names a body that
//    acts ("el día catorce de septiembre… el Consejo General aprobó") gives a `sesion` from the
//    act, at confidence kActConfidence. Phrases, bodies and dates inside quotation marks (an
//    agreement's title) are not read.
//  - body: the body named nearest to the phrase, else the body the title page names (a
//    committee reporting on its own meetings), else none. Bodies of an institute take the
//    acronym of the institute named after them, else the document's own institute's.
//  - date: dates written without a year take the report's year (its date line's, else its
//    classified year), and a `date_year_assumed` finding (info) records each such guess. A date
//    that names no real day ("treinta y dos de febrero") leaves Event::date unset and keeps
//    date_raw; it and every other such date in a report's sentences is a `date_invalid` finding
//    (warning) with the reason, never a nearby real day.
//  - the same session told of twice (same kind, body and date) is one event.
// References (every document): each match of a code pattern is one Reference, with its sentence
// as context, its kind from the reference-kind words nearest before it (else after it; those
// inside quotation marks count, "ACUERDO DEL CONSEJO…" names what the code is), and the event of
// the same sentence whose date is nearest to it.
//
// Runs after classify and ExtractDocumentDate (it reads DocumentInfo's kind, institute, year
// and date). Pure function of its inputs; safe to call from several threads with shared rules.
#pragma once

#include <vector>

#include "extractors/event_rules.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"
#include "pipeline/vocab.h"

namespace oplex {

inline constexpr char kReportEventsExtractor[] = "report_events";
// The confidence of an event known only from a body's act, not from a phrase naming it.
inline constexpr double kActConfidence = 0.8;

void ExtractReportEvents(const std::vector<Block>& blocks, const EventRules& rules,
                         const Vocabulary& vocab, Extraction* out);

}  // namespace oplex
