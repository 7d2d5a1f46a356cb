// The limits a worker reading one document is held to, scaled by the page count read before the
// document is (page counts checked with pdfinfo and ImageMagick's identify).
#include "tools/run/document_limits.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace oplex {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(OPLEX_SAMPLES_DIR).parent_path();

std::string Bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// As the batch counts them: a PDF from its file, anything else from its bytes; and a PDF from its
// bytes too (standard input), which must count the same.
int Pages(const fs::path& path) {
  auto source = OpenSourceFile(path);
  EXPECT_TRUE(source.ok()) << path;
  const int counted = CountPages(*source, path.string());
  EXPECT_EQ(CountPages(SourceOf(Bytes(path)), path.string()), counted) << path;
  return counted;
}

TEST(CountPages, APdfsPagesAnImagesPagesAndOneForTheRest) {
  EXPECT_EQ(Pages(kData / "pdf" / "ags-2023-shaded.pdf"), 15);
  EXPECT_EQ(Pages(kData / "scans" / "ieem-2024-numeric-300dpi.pdf"), 3);
  EXPECT_EQ(Pages(kData / "scans" / "ags-2023-x-pages7-8.tif"), 2);
  EXPECT_EQ(Pages(kData / "scans" / "ags-2023-x-page9-photo.png"), 1);
  EXPECT_EQ(Pages(kData / "samples" / "bcs-ieebcs-deoe-pat-2024.txt"), 1);
  EXPECT_EQ(CountPages(SourceOf("%PDF-1.4\nnot a PDF after all"), "broken.pdf"), 1);
}

TEST(LimitsFor, ScaledByPagesUnlessAnOptionSetsThem) {
  const DocumentLimits one = LimitsFor(kScaledLimit, kScaledLimit, 1);
  EXPECT_EQ(one.timeout_seconds, 90);
  EXPECT_EQ(one.max_memory_mb, 1025);
  EXPECT_TRUE(one.scaled_time && one.scaled_memory);

  const DocumentLimits plan = LimitsFor(kScaledLimit, kScaledLimit, 15);
  EXPECT_EQ(plan.timeout_seconds, 60 + 15 * 30);
  EXPECT_EQ(plan.max_memory_mb, 1024 + 15);

  const DocumentLimits set = LimitsFor(120, 0, 15);
  EXPECT_EQ(set.timeout_seconds, 120);
  EXPECT_EQ(set.max_memory_mb, 0);  // none
  EXPECT_FALSE(set.scaled_time || set.scaled_memory);

  EXPECT_EQ(LimitsFor(kScaledLimit, kScaledLimit, 0).timeout_seconds, 90);  // never below a page
}

}  // namespace
}  // namespace oplex
