#include "extractors/minutes_meeting.h"

#include <optional>
#include <string>

#include "extractors/event_phrases.h"
#include "extractors/provenance.h"
#include "extractors/sentences.h"
#include "pipeline/normalize/join.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {

void ExtractMinutesMeeting(const std::vector<Block>& blocks, const EventRules& rules,
                           Extraction* out) {
  if (out->document.kind != DocumentKind::kMinutes) return;
  const size_t opening = OpeningBlockCount(blocks);
  std::optional<std::string> kind;
  std::string title;  // the paragraph of the title page that names the meeting
  for (size_t i = 0; i < opening && !kind; ++i) {
    if (blocks[i].kind != BlockKind::kParagraph) continue;
    title = PlainText(blocks[i].text());
    kind = FirstKind(title, rules, {EventRules::Evidence::kNames});
  }
  if (!kind) return;

  size_t paragraphs_after = 0;
  for (size_t i = 0; i < blocks.size() && paragraphs_after <= kOpeningParagraphs; ++i) {
    if (blocks[i].kind != BlockKind::kParagraph) continue;
    if (i >= opening) ++paragraphs_after;
    const std::string text = PlainText(blocks[i].text());
    for (const DateMention& d : FindDates(text, std::nullopt)) {
      if (!d.date || d.year_source != YearSource::kWritten) continue;
      Event e;
      e.kind = *kind;
      e.date = d.date->Iso();
      e.date_raw = d.raw;
      e.text = title;
      e.provenance = RowProvenance(blocks[i].rows.front(), kMinutesMeetingExtractor,
                                   LowestConfidence(blocks[i].rows.front()));
      AddEvent(std::move(e), out);
      return;
    }
  }
}

}  // namespace oplex
