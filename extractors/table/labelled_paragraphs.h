// Records printed as paragraphs, a field to a line, as a word processor sets a plan without a
// table:
//
//   Actividad 1. Elaborar el informe trimestral de actividades
//   Responsable: Secretaría Ejecutiva
//   Periodo: enero a marzo de 2025
//
// A paragraph is a field's line when it opens with a label (a few words, no figure) that names a
// field of a record (data/column_roles.tsv, at a header's strength), ended by a colon or followed
// by the record's number ("Actividad 1.", "Acción 2:", "Actividad No. 3"; the number stays with
// the value, as its printed code). A run of such lines, at least kFieldLabels of them, one naming
// the record's text, is one record: it opens with its text or its number (a field above them,
// "Objetivo: …" over the first activity, is none of its own), and a line naming either again opens
// the next. Records without a number are kept only as a list, two or more opening with the same
// label: one block of fields ("Nombre del programa: …", "Unidad responsable: …") may describe the
// document. A numbered item of a list with no label ("1. Elaborar el informe…") opens a record
// too, its number and text under an empty label, when fields follow it ("Área responsable: …",
// "Fecha de realización: …"); such records are a list too, two or more. Each record is laid out as
// the ficha it is, turned (transposed.h): the labels its header row, the values its record's row,
// each cell keeping its paragraph's page, lines and box.
#pragma once

#include <cstddef>
#include <vector>

#include "extractors/table/table_rules.h"
#include "pipeline/layout/blocks.h"

namespace oplex {

struct LabelledRecord {
  size_t first_block = 0;  // the paragraph that opens it, among the document's blocks
  Block table;             // the labels over the values
};

std::vector<LabelledRecord> LabelledRecords(const std::vector<Block>& blocks,
                                            const TableRules& rules);

// Whether `paragraph` is a field's line that opens no record (neither its text nor its number):
// it goes on the record of the lines above it, if any.
bool GoesOnARecord(const Block& paragraph, const TableRules& rules);

}  // namespace oplex
