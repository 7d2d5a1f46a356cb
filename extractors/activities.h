// Activities from a document's blocks: the activity table walker (activity_table.h) for the
// layouts whose header and code words it knows, then every other table read once as a typed
// table (extractors/table/) and mapped by its column roles (activity_mapper.h); a table that
// prints one record down its rows is read turned (transposed.h). The typed tables are handed on
// to the mappers of other records.
#pragma once

#include <deque>
#include <optional>
#include <vector>

#include "extractors/rules.h"
#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"
#include "models/records.h"
#include "pipeline/layout/blocks.h"
#include "pipeline/vocab.h"

namespace oplex {

// The typed tables the walker did not read, joined across pages, for the other mappers
// (indicator_mapper.h). `carried` owns the rows some of them point into (text carried over a
// page break, tables read turned).
struct DocumentTables {
  std::deque<Block> carried;
  std::vector<TypedTable> tables;
};

// `year` is the document's year, for dates that write none.
DocumentTables ExtractActivities(const std::vector<Block>& blocks, const ExtractionRules& rules,
                                 const TableRules& table_rules, const Vocabulary& vocab,
                                 std::optional<int> year, Extraction* out);

}  // namespace oplex
