#include "models/document_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "raw_db.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::RawDb;

DocumentInfo Plan(char hash) {
  DocumentInfo d;
  d.sha256 = std::string(64, hash);
  d.path = "plan.pdf";
  d.source_format = "pdf";
  d.kind = DocumentKind::kWorkPlan;
  d.year = 2024;
  d.title = "Programa Anual de Trabajo 2024";
  return d;
}

// Activity "A<n>" (n = index + 1) on page n, marked in month (index % 12) + 1 only.
Activity Numbered(size_t index) {
  Activity a;
  a.code = "A" + std::to_string(index + 1);
  a.text = "Actividad " + std::to_string(index + 1);
  a.months = MonthMask::FromBits(static_cast<uint16_t>(1u << (index % 12)));
  for (int month = 1; month <= 12; ++month) {
    MonthValue& m = a.month_values.emplace_back();
    m.month = month;
    m.marked = static_cast<size_t>(month) == index % 12 + 1;
    m.provenance.page = static_cast<int>(index) + 1;
    m.provenance.extractor = "activity_table";
  }
  a.months_source = MonthsSource::kGrid;
  a.provenance.page = static_cast<int>(index) + 1;
  a.provenance.extractor = "activity_table";
  return a;
}

class DocumentWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("oplex_document_writer_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    Result<std::unique_ptr<Store>> store = Store::Open(dir_ / "oplex.db");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::unique_ptr<DocumentWriter> Begin(const DocumentInfo& document, bool replace = false) {
    Result<std::unique_ptr<DocumentWriter>> writer = store_->BeginDocument(document, replace);
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    return writer.ok() ? std::move(writer).value() : nullptr;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(DocumentWriterTest, ActivitiesPastOneBatchKeepTheirOrderMonthsAndLinks) {
  static_assert(DocumentWriter::kActivityBatch == 64, "the figures below are for batches of 64");
  const size_t count = 131;  // two batches and three
  std::unique_ptr<DocumentWriter> writer = Begin(Plan('a'));
  ASSERT_NE(writer, nullptr);
  for (size_t i = 0; i < count; ++i) ASSERT_TRUE(writer->AddActivity(Numbered(i)).ok()) << i;
  Deliverable report;
  report.text = "Informe";
  report.activity = 108;  // A109, in the second batch
  report.spanned = {0, count - 1};
  ASSERT_TRUE(writer->AddDeliverable(report).ok());
  Finding gap;
  gap.code = "months_sum_mismatch";
  gap.activity = count - 1;
  ASSERT_TRUE(writer->AddFinding(gap).ok());
  Result<Store::PutOutcome> committed = writer->Commit();
  ASSERT_TRUE(committed.ok()) << committed.status().ToString();
  EXPECT_EQ(*committed, Store::PutOutcome::kInserted);

  RawDb db(dir_ / "oplex.db");
  EXPECT_EQ(db.Count("activity"), 131);
  EXPECT_EQ(db.Count("activity_month"), 131 * 12);
  // In the order added, one id after the other.
  EXPECT_EQ(db.One("SELECT code FROM activity ORDER BY id LIMIT 1"), "A1");
  EXPECT_EQ(db.One("SELECT code FROM activity ORDER BY id DESC LIMIT 1"), "A131");
  EXPECT_EQ(db.One("SELECT max(id) - min(id) FROM activity"), "130");
  // A65, the first of the second batch: page 65, marked in May only (index 64, 64 % 12 = 4).
  EXPECT_EQ(db.One("SELECT a.page, a.months_mask, a.months_source, group_concat(m.month) FROM "
                   "activity AS a JOIN activity_month AS m ON m.activity_id = a.id "
                   "WHERE a.code = 'A65' AND m.marked = 1"),
            "65|16|grid|5");
  EXPECT_EQ(db.One("SELECT a.code FROM deliverable AS d JOIN activity AS a ON a.id = "
                   "d.activity_id"),
            "A109");
  EXPECT_EQ(db.Rows("SELECT a.code FROM activity_deliverable AS l JOIN activity AS a ON a.id = "
                    "l.activity_id ORDER BY a.id"),
            (std::vector<std::string>{"A1", "A109", "A131"}));
  EXPECT_EQ(db.One("SELECT a.code FROM finding AS f JOIN activity AS a ON a.id = f.activity_id"),
            "A131");
  // The full-text index has every activity, the last batch's too.
  EXPECT_EQ(db.One("SELECT count(*) FROM search_text WHERE kind = 'activity'"), "131");
  EXPECT_EQ(db.One("SELECT record_id = (SELECT id FROM activity WHERE code = 'A131') FROM "
                   "search_text WHERE search_text MATCH '\"actividad 131\"'"),
            "1");
}

TEST_F(DocumentWriterTest, AWriterNotCommittedLeavesNothing) {
  const std::string before = RawDb(dir_ / "oplex.db").Dump();
  {
    std::unique_ptr<DocumentWriter> writer = Begin(Plan('b'));
    ASSERT_NE(writer, nullptr);
    Section area;
    area.code = "1";
    area.title = "Organización electoral";
    ASSERT_TRUE(writer->AddSection(area).ok());
    // A whole batch reaches the database before the writer goes.
    for (size_t i = 0; i < DocumentWriter::kActivityBatch + 1; ++i) {
      ASSERT_TRUE(writer->AddActivity(Numbered(i)).ok());
    }
  }
  EXPECT_EQ(RawDb(dir_ / "oplex.db").Dump(), before);
  // The lock is released: the next document is written.
  std::unique_ptr<DocumentWriter> next = Begin(Plan('c'));
  ASSERT_NE(next, nullptr);
  EXPECT_TRUE(next->Commit().ok());
}

TEST_F(DocumentWriterTest, ARowTheSchemaRefusesNamesItsActivityAndNothingIsLeft) {
  const std::string before = RawDb(dir_ / "oplex.db").Dump();
  std::unique_ptr<DocumentWriter> writer = Begin(Plan('d'));
  ASSERT_NE(writer, nullptr);
  for (size_t i = 0; i < 10; ++i) {
    Activity a = Numbered(i);
    if (i == 3) a.provenance.confidence = 1.5;  // confidence is at most 1
    // Held until its batch is written: the failure comes with the commit.
    ASSERT_TRUE(writer->AddActivity(std::move(a)).ok());
  }
  Result<Store::PutOutcome> committed = writer->Commit();
  ASSERT_FALSE(committed.ok());
  EXPECT_EQ(committed.status().code(), Status::Code::kInternal);
  EXPECT_NE(committed.status().message().find("activities[3] (A4)"), std::string::npos)
      << committed.status().message();
  EXPECT_NE(committed.status().message().find("CHECK"), std::string::npos)
      << committed.status().message();
  EXPECT_FALSE(writer->AddFinding(Finding{}).ok());
  writer.reset();
  EXPECT_EQ(RawDb(dir_ / "oplex.db").Dump(), before);
}

TEST_F(DocumentWriterTest, AStoredDocumentGetsAWriterOnlyToBeReplaced) {
  std::unique_ptr<DocumentWriter> first = Begin(Plan('e'));
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->AddActivity(Numbered(0)).ok());
  ASSERT_TRUE(first->Commit().ok());
  first.reset();

  EXPECT_EQ(Begin(Plan('e')), nullptr);
  std::unique_ptr<DocumentWriter> again = Begin(Plan('e'), /*replace=*/true);
  ASSERT_NE(again, nullptr);
  ASSERT_TRUE(again->AddActivity(Numbered(1)).ok());
  Result<Store::PutOutcome> committed = again->Commit();
  ASSERT_TRUE(committed.ok()) << committed.status().ToString();
  EXPECT_EQ(*committed, Store::PutOutcome::kReplaced);
  RawDb db(dir_ / "oplex.db");
  EXPECT_EQ(db.Rows("SELECT code FROM activity"), std::vector<std::string>{"A2"});
}

}  // namespace
}  // namespace oplex
