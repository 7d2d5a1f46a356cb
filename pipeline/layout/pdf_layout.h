// Layout of positioned words (PDF and OCR pages): words → lines → blocks, page by page.
//
// On each page: lattice tables from the ruling lines, then stream tables from the lines left
// over, then paragraphs (wrapped lines of one style joined). Blocks come in reading order (top
// to bottom). A table that goes on over the next page (the same columns, only running heads
// and page numbers between: paragraphs in the page margins that the other page repeats but
// for numbers) is joined to the table before it, and a header that the new page repeats is
// dropped; an unruled table that opens a page is first laid on the columns of the table that
// closed the page before, when its columns fall into them, and a ruled cell going on over the
// break is read whole (broken_cells.h). Pages are added one at a time, so only one page's words
// (and copies of the last row's) are ever held, and the blocks that have settled can be taken
// while later pages are still to come.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "pipeline/decode/source.h"
#include "pipeline/layout/blocks.h"
#include "pipeline/layout/broken_cells.h"

namespace oplex {

class PdfLayout {
 public:
  // Lays out the page and appends its blocks.
  void AddPage(const Page& page);
  // The blocks no later page can change any more, in reading order, taken out of the layout: those
  // whose rows all lie two pages or more before the page added last (a page can only go on with
  // the table the page before closed, or the one before that under a page of running heads).
  std::vector<Block> TakeSettled();
  // The blocks of every page added and not taken yet, in reading order.
  std::vector<Block> Finish();

 private:
  void Append(std::vector<Block> page_blocks, const Page& page);
  // A header held at the foot of the page before that no table took: read as paragraphs.
  void ReadHeldHeader();
  std::vector<Block> blocks_;
  int next_line_ = 1;
  int last_page_ = 0;  // the page added last: only the next page can continue its table
  std::set<std::string> last_margin_keys_;  // its running heads and feet
  FootCells foot_;                          // the cells its last ruled table left at its foot
};

// The blocks of one page, in reading order; rows are numbered from *next_line on. `continued`: the
// column boundaries of a table the page may continue (empty: none), whose columns a single ruled
// row on the page may carry on (a row broken over the page break). `closing`: those of the table
// that closed the page before (only its running foot below it; empty: none), on whose columns an
// unruled table opening this page is laid when its columns fall into them (LayOnColumns).
// `foot`, when given: in, the cells a ruled table left at the foot of the page before; out, those
// this page leaves (broken_cells.h). `carried`, when given: the texts of the page before's cells
// read again over the break, per column (empty where a cell does not go on).
std::vector<Block> LayoutPage(const Page& page, int* next_line,
                              const std::vector<double>& continued = {},
                              const std::vector<double>& closing = {}, FootCells* foot = nullptr,
                              std::vector<std::string>* carried = nullptr);

}  // namespace oplex
