// A table that prints one record down its rows instead of across: a ficha, each row a field's
// label in the first column and its value beside it ("Actividad | Realizar foros …",
// "Periodo de ejecución | Enero a marzo", "Responsable | Secretaría Ejecutiva").
//
// Where a table's reading found no header or no column of the records' text (table_reader.h),
// and its first
// column holds only labels (a few words each, none of them a figure), at least kFieldLabels of
// which name a field of a record (data/column_roles.tsv, at a header's strength), one of them
// its text, with a value beside that one, the table is read turned: the labels are its header
// row, each column of values a record's row, every cell keeping its place on the page.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "extractors/table/table_rules.h"
#include "extractors/table/typed_table.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

inline constexpr int kFieldLabels = 2;

// Whether a folded cell reads as a field's label: a few words (kLabelWords at most), none of
// them a figure.
inline constexpr size_t kLabelWords = 8;
bool FieldLabel(std::string_view folded);
// The field a folded label names at a header's strength (data/column_roles.tsv), if any.
std::optional<ColumnRole> FieldNamed(std::string_view folded, const TableRules& rules);

// `read`: the table as its reading understood it, printed the right way up. The table turned,
// when it is a record printed down its rows.
std::optional<Block> TurnedRecord(const TypedTable& read, const TableRules& rules);

// `block` turned: its first column's cells a header row, each further column a row.
Block Turned(const Block& block);

}  // namespace oplex
