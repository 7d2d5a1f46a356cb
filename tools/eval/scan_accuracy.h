// How well the OCR path reads the scanned fixtures (data/scans/), against the truth: the same
// pages of the born-digital PDF they were made from, read by the PDF path. Used by the OCR
// tests and by `oplex_ocr_accuracy`, which prints the figures.
//
// Activities are paired by code, in order (a code may repeat across groups). Measured:
//   codes    truth activities whose code the scan gives;
//   months   paired activities whose 12 months (all known in the truth) match exactly;
//   quantities  the truth's annual and monthly quantities, exact as written ("1,442", "0.08");
//   CER      character error rate of activity texts: edits to turn the scan's text into the
//            truth's over the truth's length, an activity the scan misses counting in full.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "models/records.h"
#include "models/status.h"
#include "tools/run/document_pipeline.h"

namespace oplex::eval {

// One row of data/scans/manifest.tsv that has a source: a scan and the pages it shows.
struct ScanFixture {
  std::string scan;    // file name in data/scans/
  std::string source;  // the born-digital PDF, relative to the repository root
  std::vector<int> pages;
  int dpi = 0;
};

Result<std::vector<ScanFixture>> LoadManifest(const std::string& data_dir);

struct Accuracy {
  size_t truth_activities = 0, codes_found = 0;
  size_t months_checked = 0, months_exact = 0;
  size_t quantities = 0, quantities_exact = 0;
  size_t truth_chars = 0, char_errors = 0;

  double CodeRate() const;
  double MonthRate() const;
  double QuantityRate() const;
  double Cer() const;
  Accuracy& operator+=(const Accuracy& other);
};

// `misses`, when given, receives a line for each miss ("1.4 months: truth 010000000000, scan
// 000000000000").
Accuracy Compare(const Extraction& truth, const Extraction& scan,
                 std::vector<std::string>* misses = nullptr);

// Both sides of one fixture through the pipeline: the truth (the source's pages) and the scan.
struct FixtureRun {
  Extraction truth, scan;
  double scan_seconds = 0;
};
Result<FixtureRun> RunFixture(const DocumentPipeline& pipeline, const std::string& repo_root,
                              const ScanFixture& fixture);

// Months as twelve '0'/'1' characters, January first ("unknown" when the source shows none),
// as the fixtures write them.
std::string MaskText(const MonthMask& months);

}  // namespace oplex::eval
