#include "pipeline/layout/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <set>

#include "pipeline/layout/head_rules.h"
#include "pipeline/layout/lattice.h"
#include "pipeline/layout/lines.h"
#include "pipeline/layout/run_on_text.h"
#include "pipeline/layout/stacked_tables.h"
#include "pipeline/layout/stream.h"
#include "pipeline/layout/unmerge.h"
#include "pipeline/layout/unruled_columns.h"
#include "pipeline/layout/unruled_rows.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

// Running heads and page numbers live in this share of the page at its top and bottom.
constexpr double kMarginBand = 0.1;
// A page repeats at most this many header rows of a continued table.
constexpr size_t kMaxHeaderRows = 4;
// Wrapped lines of a paragraph: at most this far apart, in font sizes.
constexpr double kParagraphLeading = 0.6;
// A line wraps when it reaches this share of the widest line of the page.
constexpr double kWrappedWidth = 0.8;

struct Item {
  double top = 0;
  const Grid* grid = nullptr;                   // a table
  std::vector<const TextLine*> paragraph = {};  // or a paragraph's lines
  std::vector<Block> held = {};  // a header alone at the page's foot: its lines as paragraphs
};

// A line that opens with one word set apart by a column gap ("13.3   Remitir …"): a list item.
bool OpensWithLabel(const TextLine& line) {
  const auto segments = Segments(line);
  return segments.size() >= 2 && segments.front().second == segments.front().first + 1;
}

// Whether line b goes on the paragraph of lines so far. A labelled line, or a line back to the
// left of an indented wrapped line, opens the next item of a list with hanging indents.
bool WrapsInto(const std::vector<const TextLine*>& paragraph, const TextLine& b, double right_edge,
               double left_edge) {
  const TextLine& a = *paragraph.back();
  if (OpensWithLabel(b)) return false;
  if (paragraph.size() >= 2 && b.bbox.x0 < a.bbox.x0 - b.font_size) return false;
  return std::abs(a.font_size - b.font_size) <= 0.5 && a.bold == b.bold &&
         b.bbox.y0 - a.bbox.y1 <= kParagraphLeading * a.font_size &&
         a.bbox.x1 - left_edge >= kWrappedWidth * (right_edge - left_edge);
}

Block Paragraph(const std::vector<const TextLine*>& lines, const Page& page, int* next_line) {
  Row row;
  row.page = page.number;
  std::string text;
  BBox box = lines.front()->bbox;
  for (const TextLine* line : lines) {
    AppendLine(LineText(*line, 0, line->words.size()), &text);
    box = Union(box, line->bbox);
  }
  row.first_line = *next_line;
  row.last_line = *next_line + static_cast<int>(lines.size()) - 1;
  *next_line += static_cast<int>(lines.size());
  row.bbox = box;
  Cell cell;
  cell.text = std::move(text);
  cell.bbox = box;
  for (const TextLine* line : lines) {
    for (const Word* w : line->words) cell.confidence = std::min(cell.confidence, w->confidence);
  }
  row.cells.push_back(std::move(cell));
  Block b;
  b.rows.push_back(std::move(row));
  b.bbox = box;
  return b;
}

bool InMargin(const Block& b, double page_height) {
  if (b.kind != BlockKind::kParagraph || !b.bbox) return false;
  return b.bbox->y1 <= kMarginBand * page_height || b.bbox->y0 >= (1 - kMarginBand) * page_height;
}

// A running head or foot without its numbers: "Página 3 de 15" and "Página 4 de 15" are one.
std::string FurnitureKey(const Block& b) {
  std::string key;
  for (char c : b.text()) {
    if (!std::isdigit(static_cast<unsigned char>(c)) &&
        !std::isspace(static_cast<unsigned char>(c))) {
      key += c;
    }
  }
  return key;
}

std::set<std::string> MarginKeys(const std::vector<Block>& blocks, double page_height) {
  std::set<std::string> keys;
  for (const Block& b : blocks) {
    if (InMargin(b, page_height)) keys.insert(FurnitureKey(b));
  }
  return keys;
}

bool SameRow(const Row& a, const Row& b) {
  if (a.cells.size() != b.cells.size()) return false;
  for (size_t i = 0; i < a.cells.size(); ++i) {
    if (a.cells[i].text != b.cells[i].text) return false;
  }
  return true;
}

Grid* GridAt(std::vector<Grid>& grids, double x, double y) {
  for (Grid& g : grids) {
    if (x >= g.bbox.x0 && x < g.bbox.x1 && y >= g.bbox.y0 && y < g.bbox.y1) return &g;
  }
  return nullptr;
}

// A word that spreads over several cells of its table, cut into one word per cell (the letters
// of neighbouring cells drawn as one word); nothing when it lies in one cell.
std::vector<Word> SplitAtCells(const Word& w, Grid& grid) {
  const double em = Em(w);
  const double y = (w.bbox.y0 + w.bbox.y1) / 2;
  auto column = [&](const Glyph& g) {
    return grid.At(g.x0 + std::min(g.x1 - g.x0, 0.6 * em) / 2, y);
  };
  std::vector<Word> parts;
  if (w.glyphs.size() < 2 || column(w.glyphs.front()) == column(w.glyphs.back())) return parts;
  for (size_t i = 0; i < w.glyphs.size(); ++i) {
    const Glyph& g = w.glyphs[i];
    if (i == 0 || column(g) != column(w.glyphs[i - 1])) {
      if (!parts.empty()) parts.back().space_after = false;  // the next part goes on with it
      Word part = w;
      part.glyphs.clear();
      part.text.clear();
      part.bbox.x0 = g.x0;
      parts.push_back(std::move(part));
    }
    parts.back().text += g.text;
    parts.back().glyphs.push_back(g);
    parts.back().bbox.x1 = std::min(g.x1, g.x0 + em);
  }
  return parts;
}

// The paragraphs lines [first, last) read as, wrapped lines joined as on the rest of the page.
std::vector<Block> HeldParagraphs(const std::vector<TextLine>& lines, size_t first, size_t last,
                                  double right, double left, const Page& page, int* next_line) {
  std::vector<std::vector<const TextLine*>> paragraphs;
  for (size_t i = first; i < last; ++i) {
    if (!paragraphs.empty() && WrapsInto(paragraphs.back(), lines[i], right, left)) {
      paragraphs.back().push_back(&lines[i]);
    } else {
      paragraphs.push_back({&lines[i]});
    }
  }
  std::vector<Block> blocks;
  for (const auto& p : paragraphs) blocks.push_back(Paragraph(p, page, next_line));
  return blocks;
}

// The ruled table that opens the page (`top`) or closes it: nothing but running heads or feet
// in the margin stand above or below it.
Grid* EdgeGrid(std::vector<Grid>& grids, const std::vector<TextLine>& lines, const Page& page,
               bool top) {
  Grid* edge = nullptr;
  for (Grid& g : grids) {
    if (edge == nullptr || (top ? g.bbox.y0 < edge->bbox.y0 : g.bbox.y1 > edge->bbox.y1)) edge = &g;
  }
  if (edge == nullptr) return nullptr;
  for (const TextLine& l : lines) {
    const bool beyond =
        top ? l.bbox.y1 <= edge->bbox.y0 && l.bbox.y1 > kMarginBand * page.height
            : l.bbox.y0 >= edge->bbox.y1 && l.bbox.y0 < (1 - kMarginBand) * page.height;
    if (beyond) return nullptr;
  }
  return edge;
}

// Whether a stream table is the first thing on its page, running heads aside.
bool OpensPage(const StreamTable& table, const std::vector<TextLine>& lines,
               const std::vector<Grid>& grids, const Page& page) {
  const double top = table.grid.bbox.y0;
  for (size_t i = 0; i < table.first_line; ++i) {
    if (lines[i].bbox.y1 > kMarginBand * page.height) return false;
  }
  return std::none_of(grids.begin(), grids.end(), [&](const Grid& g) { return g.bbox.y0 < top; });
}

}  // namespace

std::vector<Block> LayoutPage(const Page& page, int* next_line,
                              const std::vector<double>& continued,
                              const std::vector<double>& closing, FootCells* foot,
                              std::vector<std::string>* carried) {
  std::vector<Grid> grids;
  std::vector<const Word*> loose;
  if (page.graphics) {
    std::vector<Grid> ruled = FindLatticeTables(*page.graphics);
    for (Grid& g : ruled) SnapHeadToBodyColumns(&g, page.words);
    JoinStackedGrids(&ruled, page.words);
    for (Grid& g : ruled) {
      // One ruled row is a table only where it goes on with the columns of the table before.
      const bool goes_on = g.rows() == 1 && SameColumns(g.xs, continued);
      if ((g.rows() >= 2 || goes_on) && g.cols() >= 2) grids.push_back(std::move(g));
    }
  }
  std::deque<Word> split;  // words cut at column boundaries; cells point into it
  for (const Word& w : page.words) {
    const double x = (w.bbox.x0 + w.bbox.x1) / 2, y = (w.bbox.y0 + w.bbox.y1) / 2;
    Grid* grid = GridAt(grids, x, y);
    if (grid == nullptr) {
      loose.push_back(&w);
      continue;
    }
    std::vector<const Word*> parts;
    for (Word& part : SplitAtCells(w, *grid)) parts.push_back(&split.emplace_back(std::move(part)));
    if (parts.empty()) parts.push_back(&w);
    for (const Word* p : parts) {
      if (GridCell* cell = grid->At((p->bbox.x0 + p->bbox.x1) / 2, y)) cell->words.push_back(p);
    }
  }
  for (Grid& g : grids) {
    // On a scan, a word through a rule is what OCR read across the rule taken out, not text
    // run on.
    if (!page.ocr) TakeBackRunOnText(&g);
    SplitCellsWordsDivide(&g);
    SplitUnruledColumns(&g);
    SplitUnruledRows(&g);
  }
  const std::vector<TextLine> lines = BuildLines(loose);
  if (foot != nullptr) {
    Grid* opening = EdgeGrid(grids, lines, page, /*top=*/true);
    if (opening != nullptr && carried != nullptr) *carried = ReadAcrossBreak(*foot, opening);
    const Grid* closing_grid = EdgeGrid(grids, lines, page, /*top=*/false);
    *foot = closing_grid != nullptr ? CellsAtFoot(*closing_grid) : FootCells{};
  }
  std::vector<StreamTable> streams = FindStreamTables(lines);
  if (!closing.empty() && !streams.empty() && OpensPage(streams.front(), lines, grids, page))
    LayOnColumns(lines, closing, &streams.front());

  std::vector<Item> items;
  for (const Grid& g : grids) items.push_back(Item{g.bbox.y0, &g});
  for (const StreamTable& s : streams) items.push_back(Item{s.grid.bbox.y0, &s.grid});
  double left = page.width, right = 0;
  for (const TextLine& l : lines)
    left = std::min(left, l.bbox.x0), right = std::max(right, l.bbox.x1);
  size_t stream = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (stream < streams.size() && i >= streams[stream].first_line) {
      const StreamTable& s = streams[stream++];
      if (s.foot_header) {
        Item& table = items[grids.size() + stream - 1];
        table.held = HeldParagraphs(lines, s.first_line, s.last_line, right, left, page, next_line);
      }
      i = s.last_line - 1;
      continue;
    }
    const bool joins = !items.empty() && !items.back().paragraph.empty() &&
                       WrapsInto(items.back().paragraph, lines[i], right, left);
    if (joins) {
      items.back().paragraph.push_back(&lines[i]);
    } else {
      items.push_back(Item{lines[i].bbox.y0, nullptr, {&lines[i]}});
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.top < b.top; });
  std::vector<Block> blocks;
  for (const Item& item : items) {
    blocks.push_back(item.grid != nullptr ? ToBlock(*item.grid, page, next_line)
                                          : Paragraph(item.paragraph, page, next_line));
    blocks.back().held_paragraphs = item.held;
  }
  return blocks;
}

void PdfLayout::AddPage(const Page& page) {
  // The columns of the table the page may continue: the last table of the page before, when only
  // paragraphs follow it (a running foot).
  std::vector<double> continued;
  size_t last = blocks_.size();
  while (last > 0 && blocks_[last - 1].kind == BlockKind::kParagraph &&
         blocks_[last - 1].rows.front().page == last_page_) {
    --last;
  }
  if (page.number == last_page_ + 1 && last > 0 && blocks_[last - 1].kind == BlockKind::kTable) {
    continued = blocks_[last - 1].columns;
  }
  // The columns of the table that closed the page before: nothing but its running foot below it.
  const bool closed = std::all_of(blocks_.begin() + static_cast<long>(last), blocks_.end(),
                                  [&](const Block& b) { return InMargin(b, page.height); });
  if (page.number != last_page_ + 1) foot_ = FootCells{};
  std::vector<std::string> carried;
  std::vector<Block> page_blocks = LayoutPage(
      page, &next_line_, continued, closed ? continued : std::vector<double>{}, &foot_, &carried);
  // The cells of the last table's last row, read again over the break.
  if (last > 0 && blocks_[last - 1].kind == BlockKind::kTable) {
    std::vector<Cell>& cells = blocks_[last - 1].rows.back().cells;
    for (size_t c = 0; c < carried.size() && c < cells.size(); ++c) {
      if (!carried[c].empty()) cells[c].text = carried[c];
    }
  }
  Append(std::move(page_blocks), page);
  last_page_ = page.number;
}

void PdfLayout::ReadHeldHeader() {
  for (size_t i = blocks_.size(); i-- > 0 && blocks_[i].rows.front().page == last_page_;) {
    if (blocks_[i].held_paragraphs.empty()) continue;
    std::vector<Block> paragraphs = std::move(blocks_[i].held_paragraphs);
    blocks_.erase(blocks_.begin() + static_cast<long>(i));
    blocks_.insert(blocks_.begin() + static_cast<long>(i),
                   std::make_move_iterator(paragraphs.begin()),
                   std::make_move_iterator(paragraphs.end()));
  }
}

std::vector<Block> PdfLayout::TakeSettled() {
  auto open = std::find_if(blocks_.begin(), blocks_.end(), [&](const Block& b) {
    return std::any_of(b.rows.begin(), b.rows.end(),
                       [&](const Row& r) { return !r.page || *r.page + 1 >= last_page_; });
  });
  std::vector<Block> settled(std::make_move_iterator(blocks_.begin()),
                             std::make_move_iterator(open));
  blocks_.erase(blocks_.begin(), open);
  return settled;
}

std::vector<Block> PdfLayout::Finish() {
  ReadHeldHeader();
  return std::move(blocks_);
}

void PdfLayout::Append(std::vector<Block> page_blocks, const Page& page) {
  // Running heads and feet: in the margin, and the same on the other page but for numbers (a
  // bare page number has no text left). A heading that happens to close a page is not one.
  const std::set<std::string> keys = MarginKeys(page_blocks, page.height);
  auto furniture = [&](const Block& b, const std::set<std::string>& other) {
    if (!InMargin(b, page.height)) return false;
    const std::string key = FurnitureKey(b);
    return key.empty() || other.count(key) > 0;
  };
  // The table this page may continue: the last block of the document but for running feet.
  size_t last = blocks_.size();
  while (last > 0 && furniture(blocks_[last - 1], keys)) --last;
  size_t first = 0;
  while (first < page_blocks.size() && furniture(page_blocks[first], last_margin_keys_)) ++first;
  last_margin_keys_ = keys;
  if (page.number == last_page_ + 1 && last > 0 && first < page_blocks.size() &&
      blocks_[last - 1].kind == BlockKind::kTable && page_blocks[first].kind == BlockKind::kTable &&
      SameColumns(blocks_[last - 1].columns, page_blocks[first].columns)) {
    Block& table = blocks_[last - 1];
    std::vector<Row>& rows = page_blocks[first].rows;
    size_t repeated = 0;
    while (repeated < kMaxHeaderRows && repeated < rows.size() && repeated < table.rows.size() &&
           SameRow(rows[repeated], table.rows[repeated])) {
      ++repeated;
    }
    table.rows.insert(table.rows.end(),
                      std::make_move_iterator(rows.begin() + static_cast<long>(repeated)),
                      std::make_move_iterator(rows.end()));
    table.held_paragraphs.clear();
    page_blocks.erase(page_blocks.begin() + static_cast<long>(first));
  }
  ReadHeldHeader();
  blocks_.insert(blocks_.end(), std::make_move_iterator(page_blocks.begin()),
                 std::make_move_iterator(page_blocks.end()));
}

}  // namespace oplex
