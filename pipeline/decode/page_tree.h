// A PDF's pages found by walking its page tree once, so that reading page n does not keep pages
// 1 to n in memory.
//
// poppler finds page n by building, and keeping until the document closes, a Page for every page
// up to n (Catalog::getPage): about 1.3 KB a page, which made a 2000-page plan's peak memory grow
// with its page count. A PageTree walks the tree once when the document opens and keeps, for each
// page, its object's reference and which /Pages node it inherits from (16 bytes a page), and the
// attributes each node passes down (PDF 32000-1 7.7.3.4: Resources, MediaBox, CropBox, Rotate).
// A page is displayed as poppler's Page::displaySlice does it (its crop box, its rotation and the
// turn asked for, its content streams through Gfx), from its own dictionary fetched anew; nothing
// of it stays once displayed.
//
// poppler's own path is kept wherever this one could differ: a page with annotations (their
// appearances need poppler's Annots, which its library does not export), and every page of a
// document whose tree is not a plain one (a kid that is no indirect reference or no dictionary,
// a node without /Kids, a loop, or a page count other than the one poppler reads), so that
// poppler's repairs and messages for a damaged tree are the same as before.
#pragma once

#include <poppler/Object.h>
#include <poppler/Page.h>

#include <cstdint>
#include <utility>
#include <vector>

class OutputDev;
class PDFDoc;

namespace oplex {

class PageTree {
 public:
  // Walks `doc`'s page tree; `doc` must be open and outlive the PageTree.
  explicit PageTree(PDFDoc& doc);

  // Whether page `number` (1-based) exists and can be displayed.
  bool Readable(int number);
  // The width and height (points) of page `number`'s crop box, and its /Rotate (0-359).
  double CropWidth(int number);
  double CropHeight(int number);
  int Rotate(int number);
  // Draws page `number` on `out` as PDFDoc::displayPageSlice(out, number, 72, 72, turn, false,
  // false, false) does: at 72 DPI, turned `turn` degrees clockwise beyond its own rotation, in
  // its crop box, with its annotations.
  void Display(int number, int turn, OutputDev* out);

 private:
  // What a /Pages node passes down to the nodes and pages under it, as poppler's PageAttrs.
  struct Inherited {
    PDFRectangle media{0, 0, 612, 792};
    PDFRectangle crop;
    bool have_crop = false;
    int rotate = 0;
    Object resources;
  };
  // A page of the tree, fetched to be displayed.
  struct Leaf {
    int number = 0;
    Object dict;
    PDFRectangle media, crop;
    int rotate = 0;
    Object resources;
    bool annotated = false;
  };

  // Walks the tree from the catalog's /Pages; false where it is not a plain tree.
  bool Walk();
  // Page `number` of the walked tree, fetched (kept until another page is asked for); null when
  // poppler's own path reads it.
  const Leaf* Find(int number);

  PDFDoc& doc_;
  bool walked_ = false;
  std::vector<Inherited> nodes_;                 // each /Pages node's attributes
  std::vector<std::pair<Ref, uint32_t>> pages_;  // each page's object and its node
  Leaf leaf_;                                    // the page found last
};

}  // namespace oplex
