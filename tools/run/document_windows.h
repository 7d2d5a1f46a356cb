// A long document extracted a window of pages at a time, so that its laid-out pages (their words,
// cells and typed tables) are not all held at once.
//
// Blocks come in as layout settles them (page_blocks.h). Once those waiting span `pages` pages,
// they are cut into a window where nothing reads across the cut: between two paragraphs, so no
// table (nor a table continued on the next page, which layout has joined into one block) is split,
// and not before a paragraph that goes on a record of paragraphs (a field's line under its
// activity, labelled_paragraphs.h) (after 2 × `pages` with no such place, the cut falls after any
// paragraph, then anywhere).
//
// Each window is extracted by the caller's `extract` into the document's records (so it sees the
// records before it), after a context of blocks it re-reads: the blocks after the last record of
// the window before (headings its records stand under, the table it may go on, cut to its first
// and last rows) and the headings of the sections still open there. What the context yields again
// is dropped (window_merge.h). A document shorter than a window is one window, extracted as it
// always was.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "models/records.h"
#include "pipeline/layout/blocks.h"
#include "tools/run/window_merge.h"

namespace oplex {

// Where a window stands in its document.
struct WindowPlace {
  bool first = true;  // it opens the document
  bool last = true;   // it closes the document
};

class DocumentWindows {
 public:
  // Extracts `blocks` (a window after its context) into `document`, which holds the records of
  // the windows before.
  using Extract = std::function<void(const std::vector<Block>& blocks, WindowPlace place,
                                     Extraction* document)>;

  // Told of each window of a document read in more than one, once its records are the
  // document's: `before` counts the records the document held before it.
  using Settled = std::function<void(Extraction* document, const RecordCounts& before)>;

  // Whether a paragraph goes on the record of the paragraphs before it: no cut falls before it.
  using GoesOn = std::function<bool(const Block& paragraph)>;

  DocumentWindows(int pages, Extract extract, Settled settled, GoesOn goes_on = {})
      : pages_(pages),
        extract_(std::move(extract)),
        settled_(std::move(settled)),
        goes_on_(std::move(goes_on)) {}

  // Takes blocks as they settle, in reading order; extracts a window when one is full.
  void Add(std::vector<Block> settled);
  // Extracts what is left; the document's records, in the order of its windows.
  Extraction Finish();

  // The last paragraphs of the document's closing window (document_date.h reads a date line
  // there), when it was read in more than one; valid after Finish.
  const std::vector<Block>& closing() const { return closing_; }
  // Whether the document was read in more than one window.
  bool windowed() const { return windows_ > 1; }

 private:
  // The pages `blocks` spans.
  static int PagesSpanned(const std::vector<Block>& blocks);
  // Where to end the window in pending_: an index past its first block, or 0 to wait.
  size_t Cut() const;
  // Extracts pending_[0, end) after the context, appends its records and keeps the next context.
  void ExtractWindow(size_t end, bool last);
  // Keeps the last paragraphs among the last `own` blocks of `read` as the closing ones.
  void KeepClosing(const std::vector<Block>& read, size_t own);
  // The blocks the next window re-reads first.
  std::vector<Block> NextContext(const std::vector<Block>& window) const;

  int pages_;
  Extract extract_;
  Settled settled_;
  GoesOn goes_on_;
  std::vector<Block> pending_;  // settled, not extracted yet
  std::vector<Block> context_;  // re-read before the next window
  Extraction document_;
  std::vector<Block> closing_;
  int windows_ = 0;
};

}  // namespace oplex
