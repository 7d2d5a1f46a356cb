// libFuzzer target: table understanding and the activity and indicator mappers over a table of
// random typed cells (header words, months, marks, codes, quantities, dates, figures or any
// text), placed in a grid, filled and merged as a PDF's layout gives them.
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extractors/activity_mapper.h"
#include "extractors/indicator_mapper.h"
#include "extractors/indicator_rules.h"
#include "extractors/rules.h"
#include "extractors/table/table_reader.h"
#include "extractors/table/table_rules.h"
#include "pipeline/vocab.h"
#include "tests/fuzz/fuzz_data.h"

namespace {

using oplex::fuzz::Loaded;

// Cell texts of each kind a plan or report holds; a cell is one of them or any text.
// clang-format off
constexpr std::array<const char*, 40> kTexts = {
    "", "Clave", "No.", "Actividad", "Actividades", "Unidad de medida", "Meta anual",  // headers
    "Cantidad", "Entregables", "Responsable", "Fecha de inicio", "Fecha de término", "Periodo",
    "Indicador", "Método de cálculo", "Frecuencia",
    "Ene", "Febrero", "Mar", "Abril", "E",                            // months
    "X", "✓", "●",                                                    // marks
    "1", "1.1", "2.3.1", "DEOE-01",                                   // codes
    "12", "4,060", "0.08", "25%", "$65,018.00", "Sin referencia",     // figures
    "21/01/2019", "24 de octubre de 2023", "Febrero- junio de 2020",  // dates
    "Total", "Subtotal", "Trimestral"};                               // row labels
// clang-format on
constexpr std::array<oplex::Rgb, 4> kFills = {0xFFFFFF, 0xBFBFBF, 0x000000, 0x9BC2E6};

std::string CellText(FuzzedDataProvider& in) {
  const size_t pick = in.ConsumeIntegralInRange<size_t>(0, kTexts.size());
  if (pick == kTexts.size()) return in.ConsumeRandomLengthString(64);
  return kTexts[pick];
}

oplex::Block TableOf(FuzzedDataProvider& in) {
  const int rows = in.ConsumeIntegralInRange(1, 16);
  const int columns = in.ConsumeIntegralInRange(1, 14);
  const bool placed = in.ConsumeBool();  // cells boxed (PDF) or not (text)
  oplex::Block block;
  block.kind = oplex::BlockKind::kTable;
  for (int c = 0; c <= columns; ++c) block.columns.push_back(40.0 + 50.0 * c);
  for (int r = 0; r < rows; ++r) {
    oplex::Row row;
    row.page = 1;
    row.first_line = row.last_line = r + 1;
    const double top = 40.0 + 20.0 * r;
    for (int c = 0; c < columns; ++c) {
      oplex::Cell cell;
      cell.text = CellText(in);
      if (placed) {
        cell.bbox = oplex::BBox{block.columns[c], top, block.columns[c + 1], top + 20};
        if (in.ConsumeBool()) cell.fill = kFills[in.ConsumeIntegralInRange<size_t>(0, 3)];
      }
      row.cells.push_back(std::move(cell));
    }
    // One merge across some of the row's cells, the cells it covers emptied.
    if (columns > 1 && in.ConsumeBool()) {
      const int at = in.ConsumeIntegralInRange(0, columns - 2);
      const int span = in.ConsumeIntegralInRange(2, columns - at);
      row.cells[at].col_span = span;
      for (int c = at + 1; c < at + span; ++c) row.cells[c] = oplex::Cell{.covered = true};
    }
    if (placed) {
      row.bbox = oplex::BBox{block.columns.front(), top, block.columns.back(), top + 20};
      row.background = kFills[0];
    }
    block.rows.push_back(std::move(row));
  }
  if (placed)
    block.bbox = oplex::BBox{block.columns.front(), 40, block.columns.back(), 40 + 20.0 * rows};
  return block;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const oplex::TableRules rules = Loaded(oplex::TableRules::Load(
      OPLEX_DEFAULT_DATA_DIR, Loaded(oplex::ExtractionRules::Load(OPLEX_DEFAULT_DATA_DIR))));
  static const oplex::IndicatorRules indicator_rules =
      Loaded(oplex::IndicatorRules::Load(OPLEX_DEFAULT_DATA_DIR));
  static const oplex::Vocabulary vocab = Loaded(oplex::Vocabulary::Load(OPLEX_DEFAULT_DATA_DIR));

  FuzzedDataProvider in(data, size);
  const std::optional<int> year = in.ConsumeBool() ? std::optional<int>(2024) : std::nullopt;
  const std::optional<oplex::DatePeriod> period =
      in.ConsumeBool() ? std::optional<oplex::DatePeriod>(
                             oplex::DatePeriod{.first = {2024, 1, 1}, .last = {2024, 3, 31}})
                       : std::nullopt;
  const oplex::Block block = TableOf(in);
  const std::vector<oplex::TypedTable> tables = {oplex::UnderstandTable(block, rules)};
  oplex::Extraction activities;
  oplex::MapActivities(tables, rules, vocab, year, &activities);
  oplex::Extraction indicators;
  oplex::MapIndicators(tables, period, rules, indicator_rules, vocab, &indicators);
  return 0;
}
