#include "extractors/activities.h"

#include "extractors/activity_mapper.h"
#include "extractors/activity_table.h"
#include "extractors/fields_above.h"
#include "extractors/furniture.h"
#include "extractors/table/carried_text.h"
#include "extractors/table/labelled_paragraphs.h"
#include "extractors/table/table_join.h"
#include "extractors/table/table_reader.h"
#include "extractors/table/transposed.h"

namespace oplex {

DocumentTables ExtractActivities(const std::vector<Block>& blocks, const ExtractionRules& rules,
                                 const TableRules& table_rules, const Vocabulary& vocab,
                                 std::optional<int> year, Extraction* out) {
  const size_t first = out->activity_count();
  const std::vector<bool> running_heads = RunningHeads(blocks);
  std::vector<std::optional<TypedTable>> typed(blocks.size());
  std::vector<const TypedTable*> by_block(blocks.size(), nullptr);
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].kind != BlockKind::kTable) continue;
    typed[b] = UnderstandTable(blocks[b], table_rules);
    by_block[b] = &*typed[b];
  }
  const WalkedBlocks walked =
      WalkActivityTables(blocks, by_block, running_heads, rules, vocab, out);
  DocumentTables read;
  std::vector<LabelledRecord> records = LabelledRecords(blocks, table_rules);
  auto record = records.begin();
  for (size_t b = 0; b < blocks.size(); ++b) {
    // Records printed as paragraphs, a field to a line, read as the fichas they are.
    for (; record != records.end() && record->first_block == b; ++record) {
      read.carried.push_back(std::move(record->table));
      read.tables.push_back(UnderstandTable(read.carried.back(), table_rules));
    }
    if (!typed[b] || walked.claimed[b]) continue;
    if (std::optional<Block> turned = TurnedRecord(*typed[b], table_rules)) {
      read.carried.push_back(std::move(*turned));
      typed[b] = UnderstandTable(read.carried.back(), table_rules);
    }
    read.tables.push_back(std::move(*typed[b]));
    read.tables.back().headings = walked.headings[b];
    if (auto text = CarriedText(blocks, b, running_heads)) {
      read.carried.push_back(std::move(*text));
      read.tables.push_back(UnderstandTable(read.carried.back(), table_rules));
    }
  }
  JoinContinuedTables(&read.tables, table_rules);
  MapActivities(read.tables, table_rules, vocab, year, out);
  GiveFieldsAbove(blocks, table_rules, first, out);
  return read;
}

}  // namespace oplex
