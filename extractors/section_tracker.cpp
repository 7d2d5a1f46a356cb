#include "extractors/section_tracker.h"

#include "pipeline/normalize/fold.h"

namespace oplex {

void SectionTracker::Open(Section section) {
  const int rank = rules_.SectionRank(section.kind);
  while (!open_.empty() && rules_.SectionRank(open_.back().section.kind) >= rank) open_.pop_back();
  open_.push_back(Open_{std::move(section), std::nullopt});
}

std::vector<Section> SectionTracker::Chain() const {
  std::vector<Section> chain;
  for (const Open_& o : open_) chain.push_back(o.section);
  return chain;
}

std::optional<size_t> SectionTracker::Current() {
  std::optional<size_t> parent;
  for (Open_& o : open_) {
    if (!o.index) {
      o.section.parent = parent;
      const std::string title = Fold(o.section.title);
      for (size_t i = 0; i < sections_->size(); ++i) {
        const Section& s = (*sections_)[i];
        if (s.kind != o.section.kind || s.parent != parent) continue;
        bool same = !s.code.empty() || !o.section.code.empty() ? s.code == o.section.code
                                                               : Fold(s.title) == title;
        if (same) {
          o.index = i;
          break;
        }
      }
      if (!o.index) {
        sections_->push_back(o.section);
        o.index = sections_->size() - 1;
      }
    }
    parent = o.index;
  }
  return parent;
}

}  // namespace oplex
