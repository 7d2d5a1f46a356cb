// oplex_ocr_accuracy: how well the OCR path reads the scanned fixtures of data/scans/ against
// the born-digital pages they were made from (see scan_accuracy.h), file by file and in all.
// Usage: oplex_ocr_accuracy [-v] [REPO_ROOT]   (default: the source tree it was built from)
//   -v  also lists every miss: activities not found, texts and months that differ
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tools/eval/scan_accuracy.h"

int main(int argc, char** argv) {
  using namespace oplex;
  bool verbose = false;
  std::string root = OPLEX_SOURCE_DIR;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "-v") {
      verbose = true;
    } else {
      root = argv[i];
    }
  }
  auto pipeline = DocumentPipeline::Load(root + "/data");
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 3;
  }
  auto fixtures = eval::LoadManifest(root + "/data");
  if (!fixtures.ok()) {
    std::fprintf(stderr, "%s\n", fixtures.status().ToString().c_str());
    return 3;
  }
  std::printf("%-32s %6s %6s %8s %8s %8s %7s %7s\n", "scan", "pages", "acts", "codes", "months",
              "quant", "CER", "s/page");
  eval::Accuracy all, ieem;
  for (const eval::ScanFixture& f : *fixtures) {
    auto run = eval::RunFixture(*pipeline, root, f);
    if (!run.ok()) {
      std::fprintf(stderr, "%s: %s\n", f.scan.c_str(), run.status().ToString().c_str());
      return 1;
    }
    std::vector<std::string> misses;
    const eval::Accuracy a = eval::Compare(run->truth, run->scan, &misses);
    all += a;
    if (f.scan.rfind("ieem", 0) == 0) ieem += a;
    std::printf("%-32s %6zu %6zu %7.1f%% %7.1f%% %7.1f%% %6.2f%% %7.2f\n", f.scan.c_str(),
                f.pages.size(), a.truth_activities, 100 * a.CodeRate(), 100 * a.MonthRate(),
                100 * a.QuantityRate(), 100 * a.Cer(), run->scan_seconds / f.pages.size());
    if (verbose) {
      for (const std::string& m : misses) std::printf("    %s\n", m.c_str());
    }
  }
  std::printf(
      "\nall: %zu activities; codes %.1f%% (target >= 98%%), months exact %.1f%% (>= 95%%), "
      "text CER %.2f%% (<= 2%%)\n",
      all.truth_activities, 100 * all.CodeRate(), 100 * all.MonthRate(), 100 * all.Cer());
  std::printf("IEEM quantities exact: %zu of %zu, %.1f%% (target >= 97%%)\n", ieem.quantities_exact,
              ieem.quantities, 100 * ieem.QuantityRate());
  return 0;
}
