#include "extractors/reporting_period.h"

namespace oplex {
namespace {

// The reporting period is looked for in this many opening blocks.
constexpr size_t kPeriodBlocks = 12;

}  // namespace

std::optional<DatePeriod> ReportingPeriod(const std::vector<Block>& blocks) {
  for (size_t b = 0; b < blocks.size() && b < kPeriodBlocks; ++b) {
    for (const Row& row : blocks[b].rows) {
      for (const PeriodMention& m : FindPeriods(row.Joined())) {
        if (m.period.ok()) return m.period;
      }
    }
  }
  return std::nullopt;
}

}  // namespace oplex
