// SectionTracker: the document's section hierarchy as the extractors walk it.
//
// Headings open sections; a section closes every open section of the same or a deeper rank, as
// data/section_kinds.tsv ranks their kinds (eje/subprograma/grupo > área > proyecto/objetivo).
// Sections are materialised into the Extraction only when a record attaches to them, so a heading
// with nothing under it leaves no empty section behind, and a heading seen twice (a subprogram
// named before its project list and again before its activity table) maps to one section. Not
// thread-safe; one per document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/rules.h"
#include "models/records.h"

namespace oplex {

class SectionTracker {
 public:
  // `rules` ranks the kinds and must outlive the tracker.
  SectionTracker(std::vector<Section>* sections, const ExtractionRules& rules)
      : sections_(sections), rules_(rules) {}

  void Open(Section section);
  // The innermost open section, materialised with its ancestors; nullopt when none is open.
  std::optional<size_t> Current();
  // The open sections, outermost first, without materialising them.
  std::vector<Section> Chain() const;

 private:
  struct Open_ {
    Section section;
    std::optional<size_t> index;  // set once materialised
  };
  std::vector<Section>* sections_;
  const ExtractionRules& rules_;
  std::vector<Open_> open_;
};

}  // namespace oplex
