#include "extractors/activities.h"

#include "extractors/activity_mapper.h"
#include "extractors/activity_table.h"
#include "extractors/table/table_join.h"
#include "extractors/table/table_reader.h"

namespace oplex {

void ExtractActivities(const std::vector<Block>& blocks, const ExtractionRules& rules,
                       const TableRules& table_rules, const Vocabulary& vocab,
                       std::optional<int> year, Extraction* out) {
  const std::vector<bool> walked = WalkActivityTables(blocks, rules, vocab, out);
  std::vector<TypedTable> tables;
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].kind == BlockKind::kTable && !walked[b]) {
      tables.push_back(UnderstandTable(blocks[b], table_rules));
    }
  }
  JoinContinuedTables(&tables, table_rules);
  MapActivities(tables, table_rules, year, out);
}

}  // namespace oplex
