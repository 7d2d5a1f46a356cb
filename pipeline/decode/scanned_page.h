// A page image read by OCR into the same Page a born-digital PDF page gives: the image prepared
// (image_prep.h), its ruling lines erased (those the binary page shows only as dashes found on
// the grey page around the words laid out: missed_rules.h), its words read (ocr_engine.h), and
// its ruling lines and fills found on the grey image by the detectors the PDF path uses
// (raster.h), with the OCR words as the text to leave out. Boxes are in points on the upright,
// straightened page.
#pragma once

#include "pipeline/decode/ocr_engine.h"
#include "pipeline/decode/pix.h"
#include "pipeline/decode/source.h"

namespace oplex {

// `image`: the page scanned or rendered at `dpi`; `number`: its 1-based page number.
// `document`: when given, the page is added to it as the engine read it, over the prepared grey
// page (upright and straight: the boxes of the words are on it).
Page ReadScannedPage(const PIX* image, int dpi, int number, OcrEngine& engine,
                     OcrDocument* document = nullptr);

}  // namespace oplex
