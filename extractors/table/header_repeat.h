// Step 6a of reading a table: whether the next page's table prints this table's header again,
// and where its columns stand against this one's.
//
// A publisher repeats a table's header on every page. On a born-digital page it is the same
// text; on a scan OCR reads it differently each time ("AUTORIZADO", "ANTORIZANO", "MITARIZANN"),
// may lose a label in a dark band, and the page lies a few points aside of the last one. The two
// headers are compared as sequences of labels (a label spanning several columns once), aligned
// in order with labels a few letters apart taken as the same; the header is repeated when most
// labels of each find their match. The matched labels also give the shift between the pages:
// the median of the distances between their centres.
#pragma once

#include <optional>

#include "extractors/table/typed_table.h"

namespace oplex {

// How many points right of `table`'s columns `next`'s stand, when `next` opens with `table`'s
// header printed again; nullopt when it does not (or either has no header).
std::optional<double> RepeatedHeaderShift(const TypedTable& table, const TypedTable& next);

}  // namespace oplex
