#include "pipeline/decode/page_tree.h"

#include <poppler/Gfx.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/XRef.h>

#include <algorithm>
#include <memory>

namespace oplex {
namespace {

// A box of `dict` as poppler's PageAttrs reads it: four numbers, not all zero, put in order.
bool ReadBox(Dict* dict, const char* key, PDFRectangle* box) {
  const Object array = dict->lookup(key);
  if (!array.isArray() || array.arrayGetLength() != 4) return false;
  double v[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i) {
    const Object n = array.arrayGet(i);
    if (!n.isNum()) return false;
    v[i] = n.getNum();
  }
  if (v[0] == 0 && v[1] == 0 && v[2] == 0 && v[3] == 0) return false;
  *box = PDFRectangle(std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]),
                      std::max(v[1], v[3]));
  return true;
}

double Within(double v, double lo, double hi) { return std::clamp(v, lo, std::max(lo, hi)); }

// `box` clipped to `to`, as PDFRectangle::clipTo (which poppler's library does not export).
PDFRectangle ClippedTo(const PDFRectangle& box, const PDFRectangle& to) {
  return PDFRectangle(Within(box.x1, to.x1, to.x2), Within(box.y1, to.y1, to.y2),
                      Within(box.x2, to.x1, to.x2), Within(box.y2, to.y1, to.y2));
}

int NormalRotate(int rotate) {
  rotate %= 360;
  return rotate < 0 ? rotate + 360 : rotate;
}

// Whether the page dictionary lists annotations.
bool Annotated(Dict* page) {
  const Object annots = page->lookup("Annots");
  return annots.isArray() && annots.arrayGetLength() > 0;
}

// Whether the page's /Annots and /Contents are of the types poppler's Page accepts.
bool PlainPage(Dict* page, Ref ref) {
  const Object& annots = page->lookupNF("Annots");
  if (annots.isRef() && annots.getRef() == ref) return false;
  const Object& contents = page->lookupNF("Contents");
  return (annots.isRef() || annots.isArray() || annots.isNull()) &&
         (contents.isRef() || contents.isArray() || contents.isNull());
}

}  // namespace

PageTree::PageTree(PDFDoc& doc) : doc_(doc) { walked_ = Walk(); }

bool PageTree::Walk() {
  XRef* xref = doc_.getXRef();
  const Object catalog = xref->getCatalog();
  if (!catalog.isDict()) return false;
  Object root = catalog.dictLookup("Pages");
  if (!root.isDict() || !root.dictLookup("Kids").isArray()) return false;
  std::vector<bool> seen(static_cast<size_t>(std::max(0, xref->getNumObjects())), false);
  auto first_visit = [&seen](Ref ref) {
    if (ref.num < 0 || static_cast<size_t>(ref.num) >= seen.size() || seen[ref.num]) return false;
    seen[ref.num] = true;
    return true;
  };
  const Object& root_ref = catalog.getDict()->lookupNF("Pages");
  if (root_ref.isRef() && !first_visit(root_ref.getRef())) return false;

  // Depth-first, in page order: each frame is a node, its kids and the next kid to look at.
  struct Frame {
    Object kids;
    int next = 0;
    uint32_t node = 0;
  };
  // A node's attributes; `parent` is read before nodes_ grows.
  const auto inherit = [this](const Inherited* parent, Dict* dict) {
    Inherited in;
    if (parent != nullptr) {
      in.media = parent->media, in.crop = parent->crop, in.have_crop = parent->have_crop;
      in.rotate = parent->rotate, in.resources = parent->resources.copy();
    }
    if (PDFRectangle box; ReadBox(dict, "MediaBox", &box)) in.media = box;
    if (ReadBox(dict, "CropBox", &in.crop)) in.have_crop = true;
    if (!in.have_crop) in.crop = in.media;
    if (const Object rotate = dict->lookup("Rotate"); rotate.isInt()) {
      in.rotate = NormalRotate(rotate.getInt());
    }
    if (Object resources = dict->lookup("Resources"); resources.isDict()) {
      in.resources = std::move(resources);
    }
    nodes_.push_back(std::move(in));
    return static_cast<uint32_t>(nodes_.size() - 1);
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{root.dictLookup("Kids"), 0, inherit(nullptr, root.getDict())});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.kids.arrayGetLength()) {
      stack.pop_back();
      continue;
    }
    const Object& kid_ref = top.kids.arrayGetNF(top.next++);
    if (!kid_ref.isRef() || !first_visit(kid_ref.getRef())) return false;
    Object kid = xref->fetch(kid_ref.getRef());
    if (!kid.isDict()) return false;
    const uint32_t node = top.node;
    if (kid.isDict("Page") || !kid.getDict()->hasKey("Kids")) {
      if (!PlainPage(kid.getDict(), kid_ref.getRef())) return false;
      pages_.emplace_back(kid_ref.getRef(), node);
      continue;
    }
    Object kids = kid.dictLookup("Kids");
    if (!kids.isArray()) return false;
    stack.push_back(Frame{std::move(kids), 0, inherit(&nodes_[node], kid.getDict())});
  }
  return static_cast<int>(pages_.size()) == doc_.getNumPages();
}

const PageTree::Leaf* PageTree::Find(int number) {
  if (!walked_ || number < 1 || number > static_cast<int>(pages_.size())) return nullptr;
  if (leaf_.number == number) return leaf_.annotated ? nullptr : &leaf_;
  const auto& [ref, node] = pages_[static_cast<size_t>(number - 1)];
  Object dict = doc_.getXRef()->fetch(ref);
  if (!dict.isDict()) return nullptr;
  const Inherited& from = nodes_[node];
  Leaf leaf;
  leaf.number = number;
  leaf.media = from.media;
  leaf.crop = from.crop;
  bool have_crop = from.have_crop;
  leaf.rotate = from.rotate;
  leaf.resources = from.resources.copy();
  Dict* d = dict.getDict();
  if (PDFRectangle box; ReadBox(d, "MediaBox", &box)) leaf.media = box;
  if (ReadBox(d, "CropBox", &leaf.crop)) have_crop = true;
  if (!have_crop) leaf.crop = leaf.media;
  if (dict.isDict("Page")) {  // a page's crop box is no larger than its media box
    if (leaf.crop.x2 - leaf.crop.x1 > leaf.media.x2 - leaf.media.x1) {
      leaf.crop.x1 = leaf.media.x1, leaf.crop.x2 = leaf.media.x2;
    }
    if (leaf.crop.y2 - leaf.crop.y1 > leaf.media.y2 - leaf.media.y1) {
      leaf.crop.y1 = leaf.media.y1, leaf.crop.y2 = leaf.media.y2;
    }
  }
  leaf.crop = ClippedTo(leaf.crop, leaf.media);
  if (const Object rotate = d->lookup("Rotate"); rotate.isInt()) {
    leaf.rotate = NormalRotate(rotate.getInt());
  }
  if (Object resources = d->lookup("Resources"); resources.isDict()) {
    leaf.resources = std::move(resources);
  }
  leaf.annotated = Annotated(d);
  leaf.dict = std::move(dict);
  leaf_ = std::move(leaf);
  return leaf_.annotated ? nullptr : &leaf_;
}

bool PageTree::Readable(int number) {
  return Find(number) != nullptr || doc_.getPage(number) != nullptr;
}

double PageTree::CropWidth(int number) {
  const Leaf* leaf = Find(number);
  return leaf ? leaf->crop.x2 - leaf->crop.x1 : doc_.getPageCropWidth(number);
}

double PageTree::CropHeight(int number) {
  const Leaf* leaf = Find(number);
  return leaf ? leaf->crop.y2 - leaf->crop.y1 : doc_.getPageCropHeight(number);
}

int PageTree::Rotate(int number) {
  const Leaf* leaf = Find(number);
  return leaf ? leaf->rotate : doc_.getPageRotate(number);
}

void PageTree::Display(int number, int turn, OutputDev* out) {
  const Leaf* leaf = Find(number);
  if (leaf == nullptr) {
    doc_.displayPageSlice(out, number, 72, 72, turn, false, false, false, -1, -1, -1, -1);
    return;
  }
  // As Page::displaySlice with no slice and no crop: the crop box is the page's box.
  Dict* resources = leaf->resources.isDict() ? leaf->resources.getDict() : nullptr;
  const int rotate = NormalRotate(turn + leaf->rotate);
  auto gfx = std::make_unique<Gfx>(&doc_, out, number, resources, 72.0, 72.0, &leaf->crop, nullptr,
                                   rotate, nullptr, nullptr, nullptr);
  Object contents = leaf->dict.getDict()->lookupNF("Contents").fetch(doc_.getXRef());
  if (!contents.isNull()) {
    gfx->saveState();
    gfx->display(&contents);
    gfx->restoreState();
  } else {
    out->dump();  // as poppler does for an empty page
  }
}

}  // namespace oplex
