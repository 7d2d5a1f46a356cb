// A ruled row stacked over or under a ruled table with the same columns, nothing between them:
// part of that table.
//
// A word processor's header set as a table of its own over the table of records, a report
// writer's bands (a column header, then each record framed on its own): each piece is ruled
// apart, a gap between them, and the piece holding the header reads as no table of its own (one
// ruled row is none) while the records read without a header. Two ruled tables are one when
//   - one of them is a single row (tables of several rows each stand on their own: a form per
//     record, its labels down its first column, one under another),
//   - they have the same column boundaries (each within a few points: SameColumns),
//   - the lower one starts at most kStackGap below the upper one's foot (an empty line of a
//     word processor between two tables), and
//   - no word stands in the gap across their width (a title or a sentence between two tables
//     keeps them apart).
// The gap, where there is one, becomes an empty row of the table.
#pragma once

#include <vector>

#include "pipeline/decode/source.h"
#include "pipeline/layout/grid.h"

namespace oplex {

inline constexpr double kStackGap = 16.0;

// Joins the grids of `grids` (a page's ruled tables, before words are given to their cells)
// that are pieces of one table stacked one over the other; `words` are the page's.
void JoinStackedGrids(std::vector<Grid>* grids, const std::vector<Word>& words);

}  // namespace oplex
