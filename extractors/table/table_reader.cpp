#include "extractors/table/table_reader.h"

#include "extractors/table/cell_kind.h"
#include "extractors/table/column_profile.h"
#include "extractors/table/column_roles.h"
#include "extractors/table/header_band.h"
#include "extractors/table/misread_labels.h"
#include "extractors/table/month_positions.h"
#include "extractors/table/realized_columns.h"
#include "extractors/table/row_kinds.h"
#include "extractors/table/year_parts.h"

namespace oplex {

TypedTable UnderstandTable(const Block& block, const TableRules& rules) {
  TypedTable table;
  table.block = &block;
  std::vector<std::vector<TypedCell>> cells;
  cells.reserve(block.rows.size());
  for (const Row& row : block.rows) {
    cells.push_back(TypeCells(row, rules));
    table.columns = std::max(table.columns, row.cells.size());
  }
  MendMisreadLabels(&cells, rules);
  table.header = FindHeaderBand(block, cells, rules);
  LeaveOutRealizedColumns(cells, rules, &table.header);
  table.profiles = ProfileColumns(cells, table.header.rows, table.columns);
  AlignLabelsToContent(table.profiles, &table.header);
  LayMonthsByPosition(block, rules, &table.header);
  LayMonthsByYearParts(table.profiles, &table.header);
  table.roles = AssignRoles(table.header, table.profiles, rules);
  table.confidence = MappingConfidence(table.roles);
  table.rows.reserve(block.rows.size());
  for (size_t r = 0; r < block.rows.size(); ++r) {
    TypedRow row;
    row.row = &block.rows[r];
    row.cells = std::move(cells[r]);
    table.rows.push_back(std::move(row));
  }
  ClassifyRows(&table, rules);
  return table;
}

}  // namespace oplex
