// Documents longer than a window of pages (tools/run/document_windows.h), through `oplex ingest`:
// read 64 pages at a time, their records spilled to a scratch database beside the output and
// copied in (tools/run/record_spill.h). The plans are written at test time by
// tools/bench_plan.py, whose pages all differ by formula: on page p (from 0) of area p / 20,
// rows r = 0 … 5 + (p × 5) mod 4, coded "<area + 1>.<(p mod 20) × 10 + r + 1>", month m (from 0)
// filled when (p × 7 + r × 5 + m × 3) mod 11 < 4.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "cli_fixture.h"
#include "raw_db.h"

namespace fs = std::filesystem;

namespace {

using oplex::testing::CliFixture;
using oplex::testing::Outcome;
using oplex::testing::RawDb;
using oplex::testing::Shell;

// Each activity's months as bits (January = bit 0), by code, as the plan of `pages` pages draws
// them.
std::map<std::string, int> Drawn(int pages) {
  std::map<std::string, int> out;
  for (int p = 0; p < pages; ++p) {
    for (int r = 0; r < 6 + (p * 5) % 4; ++r) {
      int mask = 0;
      for (int m = 0; m < 12; ++m) {
        if ((p * 7 + r * 5 + m * 3) % 11 < 4) mask |= 1 << m;
      }
      out[std::to_string(p / 20 + 1) + "." + std::to_string(p % 20 * 10 + r + 1)] = mask;
    }
  }
  return out;
}

class LongDocumentsTest : public CliFixture {
 protected:
  fs::path Plan(int pages) {
    const fs::path in = dir_ / "in";
    fs::create_directories(in);
    const fs::path pdf = in / ("plan-" + std::to_string(pages) + ".pdf");
    const fs::path script =
        fs::path(OPLEX_DEFAULT_DATA_DIR).parent_path() / "tools" / "bench_plan.py";
    EXPECT_EQ(
        Shell("python3 " + script.string() + " " + std::to_string(pages) + " " + pdf.string(), dir_)
            .exit_code,
        0);
    return pdf;
  }
  // The scratch databases left beside the database.
  std::vector<std::string> Scratch() {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      const std::string name = entry.path().filename().string();
      if (name.find(".spill-") != std::string::npos) out.push_back(name);
    }
    return out;
  }
};

TEST_F(LongDocumentsTest, APlanOfThreeWindowsIsStoredWholeAndItsScratchDatabaseRemoved) {
  const fs::path pdf = Plan(150);
  const Outcome r = Oplex("ingest " + pdf.string());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::map<std::string, int> drawn = Drawn(150);
  RawDb db(db_);
  EXPECT_EQ(db.Count("document"), 1);
  ASSERT_EQ(db.Count("activity"), static_cast<int64_t>(drawn.size()));
  std::map<std::string, int> stored;
  for (const std::string& row : db.Rows("SELECT code, months_mask FROM activity")) {
    const size_t bar = row.find('|');
    stored[row.substr(0, bar)] = std::stoi(row.substr(bar + 1));
  }
  EXPECT_EQ(stored, drawn);
  // Every month of every activity, and each activity once in the full-text index.
  EXPECT_EQ(db.Count("activity_month"), 12 * static_cast<int64_t>(drawn.size()));
  EXPECT_EQ(db.One("SELECT count(*) FROM search_text WHERE kind = 'activity'"),
            std::to_string(drawn.size()));
  EXPECT_EQ(db.One("SELECT count(*) FROM search_text WHERE search_text MATCH 'text:informe' "
                   "AND kind = 'activity'"),
            db.One("SELECT count(*) FROM activity WHERE text LIKE '%informe%'"));
  EXPECT_EQ(Scratch(), std::vector<std::string>{});

  // Read again with --force, the stored copy is replaced by the spilled one: once, whole.
  const Outcome again = Oplex("ingest --force " + pdf.string());
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  RawDb after(db_);
  EXPECT_EQ(after.Count("document"), 1);
  EXPECT_EQ(after.Count("activity"), static_cast<int64_t>(drawn.size()));
  EXPECT_EQ(after.Count("activity_month"), 12 * static_cast<int64_t>(drawn.size()));
  EXPECT_EQ(after.One("SELECT count(*) FROM search_text WHERE kind = 'activity'"),
            std::to_string(drawn.size()));
  EXPECT_EQ(Scratch(), std::vector<std::string>{});
}

TEST_F(LongDocumentsTest, AWorkerKilledWhileSpillingLeavesNoScratchDatabase) {
  // 2000 pages take about 3.5 s here: the worker is killed after its first windows spilled.
  const fs::path pdf = Plan(2000);
  const Outcome r = Oplex("ingest --timeout 1 " + pdf.string());
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;  // no input could be ingested
  EXPECT_NE(r.err.find(pdf.string() + ": stopped after 1 s"), std::string::npos) << r.err;
  RawDb db(db_);
  EXPECT_EQ(db.Count("document"), 0);
  EXPECT_EQ(Scratch(), std::vector<std::string>{});
}

}  // namespace
