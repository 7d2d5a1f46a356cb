// Writes an Extraction's records into the tables of an open Store: the document row, then its
// sections, activities (with months and beneficiaries), deliverables, stated totals,
// indicators, events, references and findings, turning the Extraction's index cross-references
// into row ids.
//
// Called by Store::Put inside its write transaction; on any failure the caller rolls back, so a
// document is stored whole or not at all. Not thread-safe (one Store, one thread at a time).
#pragma once

#include "models/records.h"
#include "models/status.h"
#include "models/store.h"

namespace oplex {

// Inserts `e` as a new document. A dangling index or a record the schema rejects is kInternal,
// naming the record ("activities[12] (1.3)").
Status WriteExtraction(Store& store, const Extraction& e);

}  // namespace oplex
