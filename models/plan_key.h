// Which stored documents are editions of one plan (schema 10, `document.plan_key`): the same work
// plan or report stored more than once — its text export, its born-digital PDF, a scan of it, a
// corrected re-publication — whose titles each reader gives a little differently (the text
// export's title runs on into the heading, the PDF's stops at a line break, OCR adds the
// institute's name under it).
//
// Documents are compared only within one institute, year and kind; a document missing any of the
// three is a plan of its own. Within that, two documents are one plan when their reporting periods
// do not differ (both known and different: two quarterly reports) and
//   - their titles are the same once folded (accents, case, punctuation and spaces aside), or
//   - the folded words of one title (three or more) are a run of the other's words: "Indicadores
//     de Resultados" in "Instituto Electoral … Indicadores de Resultados del 01 de enero al 31 de
//     marzo 2024";
// except that a title found in two titles that are not one plan between them joins neither: it
// cannot tell which it belongs to; and an edition without a title (pages from the middle of the
// plan) is the plan of its group when the group has one. Plans join transitively.
//
// A document missing its institute, year or kind (pages of a plan without its title page, whose
// heading names no institute) is an excerpt of the one plan, of documents knowing all three and
// agreeing with what it knows, that holds four in five of its activities (at least 3: the same
// code, with four in five of their words); with none or two such plans it is a plan of its own. A
// plan's key is its institute, year, kind and the longest folded title among its editions (its
// periods after it when another plan has the same title), so it does not depend on the order the
// documents were stored in. Titles set by hand (`oplex set --title`) join plans the rules miss.
//
// Functions taking a Store use its connection: call them on the Store's thread, inside the
// caller's write transaction.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/records.h"
#include "models/status.h"

namespace oplex {

class Store;

// The words of a title as plans are matched by: folded (pipeline/normalize/fold.h: accents,
// letter case, ligatures, spaces) and split at every character that is not a letter or a digit
// (punctuation, dashes, symbols).
std::vector<std::string> TitleWords(std::string_view title);

// A document as one edition of its plan, within one institute, year and kind.
struct PlanEdition {
  std::string title;
  std::optional<std::string> period;  // "2024-Q1", "2024"; nullopt when the document gives none
};

// For each edition, the folded title of the plan it belongs to (the rules above): editions of one
// plan get the same.
std::vector<std::string> PlanTitles(std::span<const PlanEdition> editions);

// The documents of one institute, year and kind; nullopt or kUnknown: documents missing it.
struct PlanGroup {
  std::optional<std::string> institute;
  std::optional<int> year;
  DocumentKind kind = DocumentKind::kUnknown;
};

// Sets `plan_key` of every document of `group` from the rules above: for a group missing its
// institute, year or kind, each document's excerpt plan or NULL (a plan of its own); for another,
// its plans, and then the excerpt plans of the groups missing a part that agree with it.
Status UpdatePlanKeys(Store& store, const PlanGroup& group);

// UpdatePlanKeys for every group in the database.
Status UpdateAllPlanKeys(Store& store);

// The group document `id` is in now.
Result<PlanGroup> PlanGroupOf(Store& store, int64_t id);

}  // namespace oplex
