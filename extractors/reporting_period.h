// The period a report covers, as its opening states it ("Del 01 de Enero al 31 de Marzo 2024"):
// the first real period written in the document's first blocks. Every indicator of the report
// is dated by it. Pure function.
#pragma once

#include <optional>
#include <vector>

#include "pipeline/layout/blocks.h"
#include "pipeline/normalize/spanish_dates.h"

namespace oplex {

std::optional<DatePeriod> ReportingPeriod(const std::vector<Block>& blocks);

}  // namespace oplex
