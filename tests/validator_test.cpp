// The validator (pipeline/validate/validator.h) on extractions built by hand: which records it
// doubts, and what its findings say.
#include "pipeline/validate/validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oplex {
namespace {

Activity ActivityOf(const std::string& code, double confidence, double ocr_confidence) {
  Activity a;
  a.code = code;
  a.text = "Instalación de los consejos distritales";
  a.provenance.page = 2;
  a.provenance.bbox = BBox{40, 100, 300, 120};
  a.provenance.confidence = confidence;
  a.provenance.ocr_confidence = ocr_confidence;
  return a;
}

std::vector<const Finding*> FindingsOf(const Extraction& e, const std::string& code) {
  std::vector<const Finding*> out;
  for (const Finding& f : e.findings) {
    if (f.code == code) out.push_back(&f);
  }
  return out;
}

// A born-digital record capped by its table's uncertain mapping (which has a finding of its
// own, table_mapping_uncertain) is no OCR doubt; a record OCR read with little confidence is,
// and the finding gives OCR's confidence and where to look.
TEST(Validator, OnlyWhatOcrDoubtedIsAnOcrDoubt) {
  Extraction e;
  e.document.kind = DocumentKind::kWorkPlan;
  e.activities.push_back(ActivityOf("1", 0.2, 1.0));
  e.activities.push_back(ActivityOf("2", 0.2, 0.45));
  Validate(&e);
  const std::vector<const Finding*> doubts = FindingsOf(e, "ocr_low_confidence");
  ASSERT_EQ(doubts.size(), 1u);
  EXPECT_EQ(doubts[0]->activity, 1u);
  EXPECT_EQ(doubts[0]->message,
            "activity 2: code and text read by OCR with confidence 0.45; check it against page "
            "2, box (40, 100)–(300, 120) pt");
}

}  // namespace
}  // namespace oplex
