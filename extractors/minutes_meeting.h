// The minutes-meeting extractor: the meeting that minutes (DocumentKind::kMinutes: an acta, a
// minuta) record. Minutes name their meeting on the title page ("Acta de la 10ª Reunión
// Ordinaria del Comité de Transparencia 2018") and date it in their opening lines ("Tuxtla
// Gutiérrez, Chiapas; a 05 de octubre del 2018", "siendo las 10:00 horas del día 15 de enero de
// 2024, se reunieron…"), where a running-text reader finds no phrase next to the date.
//
// The meeting is the first phrase of the title page (the blocks before the running text, see
// OpeningBlockCount) that names an event (event_kinds.tsv, evidence "names"), on the first real
// day with its year written in the title page or the kOpeningParagraphs paragraphs after it; its
// text is the title's paragraph that names it.
// Minutes whose title names no event, or whose opening gives no such day, give no meeting here
// (their sentences may still tell of it: report_events.h).
//
// Pure function of its inputs; safe to call from several threads with shared rules.
#pragma once

#include <cstddef>
#include <vector>

#include "extractors/event_rules.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

inline constexpr char kMinutesMeetingExtractor[] = "minutes_meeting";
inline constexpr size_t kOpeningParagraphs = 3;

void ExtractMinutesMeeting(const std::vector<Block>& blocks, const EventRules& rules,
                           Extraction* out);

}  // namespace oplex
