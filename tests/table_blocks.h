// Small layout tables built by hand for the tests of table understanding
// (extractors/table/) and the mappers over it: rows of cells from strings, placed in columns,
// coloured, merged; and the rules and vocabulary loaded once from data/.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "extractors/indicator_rules.h"
#include "extractors/rules.h"
#include "extractors/table/table_rules.h"
#include "pipeline/layout/blocks.h"
#include "pipeline/vocab.h"

namespace oplex::testing {

inline constexpr Rgb kWhite = 0xFFFFFF;
inline constexpr Rgb kGrey = 0xBFBFBF;
inline constexpr double kRowHeight = 20;

inline const TableRules& Rules() {
  static const TableRules rules = [] {
    auto base = ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR);
    EXPECT_TRUE(base.ok()) << base.status().ToString();
    auto table = TableRules::Load(OPLEX_DEFAULT_DATA_DIR, base.value());
    EXPECT_TRUE(table.ok()) << table.status().ToString();
    return std::move(table).value();  // throws, failing the test, when the data does not load
  }();
  return rules;
}

inline const IndicatorRules& IndicatorRulesOf() {
  static const IndicatorRules rules = [] {
    auto loaded = IndicatorRules::Load(OPLEX_DEFAULT_DATA_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return std::move(loaded).value();
  }();
  return rules;
}

inline const Vocabulary& VocabularyOf() {
  static const Vocabulary vocab = [] {
    auto loaded = Vocabulary::Load(OPLEX_DEFAULT_DATA_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return std::move(loaded).value();
  }();
  return vocab;
}

// A row of cells holding `texts`, on `page`.
inline Row RowOf(const std::vector<std::string>& texts, int page = 1) {
  Row row;
  row.page = page;
  for (const std::string& text : texts) {
    Cell cell;
    cell.text = text;
    row.cells.push_back(cell);
  }
  return row;
}

// The row with its cells boxed between consecutive `edges` (x), `top` being the row's y.
inline Row Boxed(Row row, const std::vector<double>& edges, double top) {
  for (size_t c = 0; c < row.cells.size() && c + 1 < edges.size(); ++c) {
    row.cells[c].bbox = BBox{edges[c], top, edges[c + 1], top + kRowHeight};
  }
  row.bbox = BBox{edges.front(), top, edges.back(), top + kRowHeight};
  return row;
}

// The row as rendered on a white page, its cells coloured `fills`.
inline Row Filled(Row row, const std::vector<Rgb>& fills) {
  for (size_t c = 0; c < row.cells.size() && c < fills.size(); ++c) row.cells[c].fill = fills[c];
  row.background = kWhite;
  return row;
}

// The row with cell `at` merged over the `span` cells from it.
inline Row SpannedAcross(Row row, size_t at, int span) {
  row.cells[at].col_span = span;
  for (size_t c = at + 1; c < at + static_cast<size_t>(span); ++c) row.cells[c].covered = true;
  return row;
}

inline Block TableOf(std::vector<Row> rows) {
  Block block;
  block.kind = BlockKind::kTable;
  block.rows = std::move(rows);
  return block;
}

}  // namespace oplex::testing
