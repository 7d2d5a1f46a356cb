// Scanned published documents (data/real, copied from the public documents they name) read by
// OCR and laid out, checked against what a person reads on the page:
//   - itsch_u079_segundo_informe_2025 p.1: a 200 ppi scan of a wide equipment table whose
//     "Número de Acción" codes (1.1.1, 1.1.2, 1.1.4, 1.1.3) print their dots as a few pale
//     pixels, which binarization loses (see pipeline/decode/code_dots.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/decode/ocr_engine.h"
#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/decode/scanned_page.h"
#include "pipeline/layout/pdf_layout.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

const std::string kRealDir = std::string(OPLEX_DEFAULT_DATA_DIR) + "/real/";
constexpr int kDpi = 300;  // what the pipeline renders image-only pages at

// The tables of page `number` of a real scanned document, read by OCR.
std::vector<Block> ScannedTables(const std::string& stem, int number) {
  const std::string bytes = testing::ReadBytes(kRealDir + stem + ".pdf");
  auto doc = PdfDocument::Open(bytes, stem);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return {};
  auto image = doc->RenderGray(number, kDpi);
  auto engine = OcrEngine::Create("spa");
  EXPECT_TRUE(image.ok() && engine.ok());
  if (!image.ok() || !engine.ok()) return {};
  PdfLayout layout;
  layout.AddPage(ReadScannedPage(image->get(), kDpi, number, **engine));
  std::vector<Block> tables;
  for (Block& b : layout.Finish()) {
    if (b.kind == BlockKind::kTable) tables.push_back(std::move(b));
  }
  return tables;
}

TEST(RealScan, U079ActionCodesReadWithTheirDots) {
  const std::vector<Block> tables = ScannedTables("itsch_u079_segundo_informe_2025", 1);
  // The equipment table's rows, by the code that opens their "Número de Acción" cell, and the
  // description beside it.
  std::vector<std::string> codes;
  std::string server;
  for (const Block& t : tables) {
    for (const Row& row : t.rows) {
      for (size_t c = 0; c + 1 < row.cells.size(); ++c) {
        const std::string& text = row.cells[c].text;
        if (text.rfind("1.1.", 0) != 0 || text.size() != 5) continue;
        codes.push_back(text);
        for (size_t d = c + 1; d < row.cells.size() && codes.size() == 3; ++d) {
          if (!row.cells[d].text.empty() && server.empty()) server = row.cells[d].text;
        }
        break;
      }
    }
  }
  const std::vector<std::string> printed = {"1.1.1", "1.1.2", "1.1.1", "1.1.2", "1.1.2", "1.1.2",
                                            "1.1.4", "1.1.4", "1.1.3", "1.1.3", "1.1.3"};
  EXPECT_EQ(codes, printed);
  // The second "1.1.1" is the rack server.
  EXPECT_EQ(server.rfind("Servidor para rack con procesador de minimo 2.40 GHz", 0), 0u) << server;
}

}  // namespace
}  // namespace oplex
