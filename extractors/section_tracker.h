// SectionTracker: the document's section hierarchy as the extractors walk it.
//
// Headings open sections; a section of a given rank closes every open section of the same or a
// lower rank (eje/subprograma/grupo > área > proyecto/objetivo). Sections are materialised into
// the Extraction only when a record attaches to them, so a heading with nothing under it leaves
// no empty section behind, and a heading seen twice (a subprogram named before its project list
// and again before its activity table) maps to one section. Not thread-safe; one per document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/records.h"

namespace oplex {

class SectionTracker {
 public:
  explicit SectionTracker(std::vector<Section>* sections) : sections_(sections) {}

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
  std::vector<Open_> open_;
};

// Rank of a section kind: 1 for the outermost levels.
int Rank(SectionKind kind);

}  // namespace oplex
