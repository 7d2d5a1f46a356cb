#include "tools/run/document_windows.h"

#include <algorithm>
#include <set>

#include "extractors/document_date.h"

namespace oplex {
namespace {

// The blocks closing a window that the next one re-reads at most: those after its last record
// (headings the next window's records stand under, a table they go on).
constexpr size_t kContextBlocks = 16;
// Of a table the next window re-reads, the rows it keeps: the first (its header) and the last
// (the row a record broken over the page goes on from).
constexpr size_t kHeadRows = 6;
constexpr size_t kTailRows = 3;

bool IsParagraph(const Block& b) { return b.kind == BlockKind::kParagraph; }

std::optional<int> FirstPage(const Block& b) { return b.rows.front().page; }

// A table cut to its first and last rows; any other block whole.
Block Trimmed(const Block& b) {
  if (b.rows.size() <= kHeadRows + kTailRows) return b;
  Block t = b;
  t.rows.erase(t.rows.begin() + static_cast<long>(kHeadRows),
               t.rows.end() - static_cast<long>(kTailRows));
  return t;
}

// The line of the last record of `e`: its last activity, indicator or event, whichever stands
// last.
std::optional<int> LastRecordLine(const Extraction& e) {
  std::optional<int> line;
  auto later = [&](const Provenance& p) {
    if (p.line && (!line || *p.line > *line)) line = p.line;
  };
  if (const size_t n = e.activity_count(); n > 0) later(e.ActivityWritten(n - 1).provenance);
  if (!e.indicators.empty()) later(e.indicators.back().provenance);
  if (!e.events.empty()) later(e.events.back().provenance);
  return line;
}

}  // namespace

int DocumentWindows::PagesSpanned(const std::vector<Block>& blocks) {
  if (blocks.empty()) return 0;
  const std::optional<int> first = FirstPage(blocks.front());
  const std::optional<int> last = blocks.back().rows.back().page;
  if (!first || !last) return 0;
  return *last - *first + 1;
}

size_t DocumentWindows::Cut() const {
  const int spanned = PagesSpanned(pending_);
  if (pages_ <= 0 || spanned < pages_) return 0;
  for (size_t i = pending_.size(); i-- > 1;) {
    if (IsParagraph(pending_[i - 1]) && IsParagraph(pending_[i]) &&
        !(goes_on_ && goes_on_(pending_[i]))) {
      return i;
    }
  }
  if (spanned < 2 * pages_) return 0;
  for (size_t i = pending_.size(); i-- > 1;) {
    if (IsParagraph(pending_[i - 1])) return i;
  }
  return pending_.size() > 1 ? pending_.size() - 1 : 0;
}

void DocumentWindows::Add(std::vector<Block> settled) {
  pending_.insert(pending_.end(), std::make_move_iterator(settled.begin()),
                  std::make_move_iterator(settled.end()));
  if (const size_t end = Cut(); end > 0) ExtractWindow(end, /*last=*/false);
}

Extraction DocumentWindows::Finish() {
  ExtractWindow(pending_.size(), /*last=*/true);
  return std::move(document_);
}

void DocumentWindows::ExtractWindow(size_t end, bool last) {
  std::vector<Block> window(std::make_move_iterator(pending_.begin()),
                            std::make_move_iterator(pending_.begin() + static_cast<long>(end)));
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(end));
  const WindowPlace place{windows_ == 0, last};
  ++windows_;
  if (place.first && place.last) {
    extract_(window, place, &document_);
    return;
  }
  std::vector<Block> read = std::move(context_);
  context_.clear();
  if (window.empty()) {  // the document ended at a cut: its closing paragraphs are the context's
    return KeepClosing(read, read.size());
  }
  const ContextLines context(read);
  const size_t own = window.size();
  read.insert(read.end(), std::make_move_iterator(window.begin()),
              std::make_move_iterator(window.end()));
  const RecordCounts before = CountRecords(document_);
  extract_(read, place, &document_);
  DropContextRecords(before, context, &document_);
  settled_(&document_, before);
  if (last) return KeepClosing(read, own);
  context_ = NextContext(read);
}

void DocumentWindows::KeepClosing(const std::vector<Block>& read, size_t own) {
  std::vector<const Block*> closing;
  for (size_t i = read.size(); i-- > read.size() - own && closing.size() < kClosingParagraphs;) {
    if (IsParagraph(read[i])) closing.push_back(&read[i]);
  }
  for (auto it = closing.rbegin(); it != closing.rend(); ++it) closing_.push_back(**it);
}

std::vector<Block> DocumentWindows::NextContext(const std::vector<Block>& window) const {
  const std::vector<int> open = OpenSectionLines(document_);
  const std::set<int> headings(open.begin(), open.end());
  // The block of the window's last record: what follows it may be the next window's heading,
  // and a table of the next window may go on from it or from a table after it.
  // None stands in this window: what follows is its end.
  const std::optional<int> last_line = LastRecordLine(document_);
  size_t tail = 0;
  for (size_t i = window.size(); last_line && i-- > 0;) {
    if (std::any_of(window[i].rows.begin(), window[i].rows.end(), [&](const Row& r) {
          return r.first_line <= *last_line && *last_line <= std::max(r.first_line, r.last_line);
        })) {
      tail = i;
      break;
    }
  }
  tail = std::max(tail, window.size() > kContextBlocks ? window.size() - kContextBlocks : 0);
  std::vector<Block> context;
  for (size_t i = 0; i < window.size(); ++i) {
    const bool heading =
        IsParagraph(window[i]) && headings.count(window[i].rows.front().first_line);
    if (i >= tail || heading) context.push_back(Trimmed(window[i]));
  }
  return context;
}

}  // namespace oplex
