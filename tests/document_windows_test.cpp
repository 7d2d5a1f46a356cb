// A long document read a window of pages at a time (tools/run/document_windows.h) gives the
// records it gives read whole: the same activities with their sections and months, the same
// indicators, events and findings. Checked on real layouts by making the window a few pages long.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "models/store.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

const std::string kData = OPLEX_DEFAULT_DATA_DIR;

// One line per record, with what places it: its section path, its months, its page and line.
std::string SectionPath(const Extraction& e, std::optional<size_t> s) {
  std::string path;
  for (; s; s = e.sections[*s].parent) {
    path = e.sections[*s].code + " " + e.sections[*s].title + " / " + path;
  }
  return path;
}

std::string Where(const Provenance& p) {
  return "p" + std::to_string(p.page.value_or(0)) + "l" + std::to_string(p.line.value_or(0));
}

std::vector<std::string> Digest(const Extraction& e) {
  std::vector<std::string> out;
  out.push_back("document " + std::string(ToString(e.document.kind)) + " " +
                std::to_string(e.document.year.value_or(0)) + " " + e.document.date.value_or("-") +
                " " + e.document.title);
  for (const Activity& a : e.activities) {
    std::string months;
    for (const MonthValue& m : a.month_values) {
      months += std::to_string(m.month) + (m.marked ? "x" : "") +
                (m.planned ? "=" + m.planned->raw : "") + " ";
    }
    out.push_back("activity " + Where(a.provenance) + " " + a.code + " " + a.text + " [" +
                  SectionPath(e, a.section) + "] " + months);
  }
  for (const Deliverable& d : e.deliverables) {
    out.push_back("deliverable " + Where(d.provenance) + " " + d.text + " of " +
                  (d.activity ? e.activities[*d.activity].code : "-"));
  }
  for (const Indicator& i : e.indicators) {
    out.push_back("indicator " + Where(i.provenance) + " " + i.name + " [" +
                  SectionPath(e, i.section) + "]");
  }
  for (const Event& v : e.events) {
    out.push_back("event " + Where(v.provenance) + " " + v.kind + " " + v.date.value_or("-"));
  }
  for (const StatedTotal& t : e.stated_totals) {
    out.push_back("total " + Where(t.provenance) + " " + std::to_string(t.value));
  }
  std::multiset<std::string> findings;
  for (const Finding& f : e.findings) {
    findings.insert("finding " + Where(f.provenance) + " " + f.code + " " + f.message + " of " +
                    (f.activity ? e.activities[*f.activity].code : "-"));
  }
  out.insert(out.end(), findings.begin(), findings.end());
  return out;
}

// The pipeline of data/, reading `window_pages` pages at a time (0: whole).
DocumentPipeline Windowed(int window_pages) {
  auto pipeline = DocumentPipeline::Load(OPLEX_DEFAULT_DATA_DIR);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  pipeline->set_window_pages(window_pages);
  return std::move(*pipeline);
}

Extraction Read(const std::string& path, int window_pages) {
  const std::string bytes = testing::ReadBytes(path);
  auto e = Windowed(window_pages).Process(path, bytes, Sha256Hex(bytes));
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? std::move(*e) : Extraction{};
}

void ExpectSameRecords(const std::string& path, int window_pages) {
  const std::vector<std::string> whole = Digest(Read(path, 0));
  const std::vector<std::string> windowed = Digest(Read(path, window_pages));
  EXPECT_EQ(whole, windowed) << path << " read " << window_pages << " pages at a time";
  for (size_t i = 0; i < std::max(whole.size(), windowed.size()); ++i) {
    const std::string a = i < whole.size() ? whole[i] : "(none)";
    const std::string b = i < windowed.size() ? windowed[i] : "(none)";
    if (a != b) {
      ADD_FAILURE() << "first difference at " << i << ":\n  whole:    " << a
                    << "\n  windowed: " << b;
      break;
    }
  }
}

TEST(DocumentWindows, RealLayoutsReadInWindowsGiveTheSameRecords) {
  ExpectSameRecords(kData + "/pdf/ieem-2024-numeric.pdf", 8);
  ExpectSameRecords(kData + "/pdf/bcs-2024-x.pdf", 4);
  ExpectSameRecords(kData + "/pdf/ags-2023-shaded.pdf", 4);
  ExpectSameRecords(kData + "/real/tecdmx_poa_fichas_2020.pdf", 6);
  ExpectSameRecords(kData + "/real/itse_pada_2023.pdf", 4);
}

// Records printed as paragraphs, a field to a line: a window is not cut between an activity's
// line and the fields under it.
TEST(DocumentWindows, ARecordOfParagraphsIsNotCutFromItsFields) {
  ExpectSameRecords(kData + "/pdf/layouts/activities-as-paragraphs.pdf", 1);
}

// What a database holds, row by row, named by content (page and line), not by row ids: the same
// for the same records however they were written.
std::multiset<std::string> Stored(const std::filesystem::path& db) {
  auto store = Store::Open(db);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return {};
  const char* queries[] = {
      "SELECT 'document ' || kind || quote(institute) || quote(year) || quote(period) || title || "
      "quote(pages) || source_format || quote(date) || quote(plan_key) FROM document",
      "SELECT 'section ' || s.kind || s.code || s.title || quote(s.page) || quote(s.line) || "
      "quote(p.title) FROM section s LEFT JOIN section p ON p.id = s.parent_id",
      "SELECT 'activity ' || a.code || a.text || quote(a.unit) || quote(a.annual_raw) || "
      "quote(a.months_mask) || quote(a.page) || quote(a.line) || quote(a.category) || "
      "a.code_printed || quote(a.months_source) || quote(a.responsible) || quote(s.title) || "
      "a.confidence FROM activity a LEFT JOIN section s ON s.id = a.section_id",
      "SELECT 'month ' || a.line || ' ' || m.month || quote(m.planned_raw) || m.marked || "
      "quote(m.weeks) || quote(m.calendar_year) || quote(m.page) || quote(m.bbox_x0) "
      "FROM activity_month m JOIN activity a ON a.id = m.activity_id",
      "SELECT 'calendar ' || a.line || ' ' || c.year || ' ' || c.month || c.marked "
      "FROM activity_calendar_month c JOIN activity a ON a.id = c.activity_id",
      "SELECT 'attribute ' || a.line || ' ' || t.position || t.header || t.value "
      "FROM activity_attribute t JOIN activity a ON a.id = t.activity_id",
      "SELECT 'deliverable ' || d.text || quote(d.page) || quote(d.line) || quote(a.line) "
      "FROM deliverable d LEFT JOIN activity a ON a.id = d.activity_id",
      "SELECT 'finding ' || f.severity || f.code || f.message || f.raw_text || quote(f.page) || "
      "quote(f.line) || quote(a.line) FROM finding f LEFT JOIN activity a ON a.id = f.activity_id",
      "SELECT 'indicator ' || i.name || quote(i.page) || quote(i.line) || quote(s.title) || "
      "quote(a.line) FROM indicator i LEFT JOIN section s ON s.id = i.section_id "
      "LEFT JOIN activity a ON a.id = i.activity_id",
      "SELECT 'event ' || kind || quote(date) || quote(page) || quote(line) FROM event",
      "SELECT 'total ' || what || value || quote(page) || quote(line) FROM stated_total",
      "SELECT 'category ' || slug || label || rank FROM category",
  };
  std::multiset<std::string> rows;
  for (const char* sql : queries) {
    auto query = (*store)->Prepare(sql);
    EXPECT_TRUE(query.ok()) << sql;
    if (!query.ok()) continue;
    for (auto row = query->Step(); row.ok() && *row; row = query->Step()) {
      rows.insert(query->Text(0));
    }
  }
  return rows;
}

// Files in `folder` but the database.
std::vector<std::string> Leftovers(const std::filesystem::path& folder) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().filename() != "spilled.sqlite" && entry.path().filename() != "whole.sqlite") {
      out.push_back(entry.path().filename().string());
    }
  }
  return out;
}

void ExpectSpilledStoredAsWhole(const std::string& path, int window_pages) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("oplex-spill-test-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const DocumentPipeline pipeline = Windowed(window_pages);
  const std::string bytes = testing::ReadBytes(path);
  {
    auto whole = pipeline.Process(path, bytes, Sha256Hex(bytes));
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    auto store = Store::Open(dir / "whole.sqlite");
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(*whole, false).ok());
  }
  {
    const std::string prefix = (dir / "spilled.sqlite.spill-").string();
    auto source = OpenSourceFile(path);
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    ASSERT_TRUE(source->pdf_file.has_value()) << path;  // read from the file, as ingest does
    auto read = pipeline.Read(path, std::move(*source), {}, {}, prefix);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    ASSERT_NE(read->spill, nullptr) << path << " was not spilled";
    EXPECT_EQ(Leftovers(dir).size(), 1u);  // the scratch database, while the spill lives
    auto store = Store::Open(dir / "spilled.sqlite");
    ASSERT_TRUE(store.ok());
    // The copy runs with a small page cache, and gives the store its own back.
    ASSERT_TRUE((*store)->Exec("PRAGMA main.cache_size = -1500").ok());
    auto put = (*store)->PutSpilled(read->extraction.document, read->spill->path(), false);
    ASSERT_TRUE(put.ok()) << put.status().ToString();
    EXPECT_EQ(*put, Store::PutOutcome::kInserted);
    auto cache = (*store)->Prepare("PRAGMA main.cache_size");
    ASSERT_TRUE(cache.ok());
    ASSERT_TRUE(cache->Step().ok());
    EXPECT_EQ(cache->Int64(0), -1500);
  }
  EXPECT_EQ(Leftovers(dir), std::vector<std::string>{}) << "the scratch database stays behind";
  const std::multiset<std::string> whole = Stored(dir / "whole.sqlite");
  const std::multiset<std::string> spilled = Stored(dir / "spilled.sqlite");
  EXPECT_GT(whole.size(), 100u);
  std::vector<std::string> only_whole, only_spilled;
  std::set_difference(whole.begin(), whole.end(), spilled.begin(), spilled.end(),
                      std::back_inserter(only_whole));
  std::set_difference(spilled.begin(), spilled.end(), whole.begin(), whole.end(),
                      std::back_inserter(only_spilled));
  EXPECT_EQ(only_whole, std::vector<std::string>{}) << path << ": stored whole only";
  EXPECT_EQ(only_spilled, std::vector<std::string>{}) << path << ": stored from the spill only";
  std::filesystem::remove_all(dir);
}

// Read in windows and spilled window by window, a document is stored as it is when read in
// windows and kept whole in memory: every activity, month, finding and section. BCS lists its
// activities in one window and schedules them in a later one (the listed rows are written again).
TEST(DocumentWindows, RecordsSpilledAsWindowsSettleAreStoredAsWhole) {
  ExpectSpilledStoredAsWhole(kData + "/pdf/bcs-2024-x.pdf", 4);
  ExpectSpilledStoredAsWhole(kData + "/pdf/ieem-2024-numeric.pdf", 8);
  ExpectSpilledStoredAsWhole(kData + "/real/tecdmx_poa_fichas_2020.pdf", 6);
  ExpectSpilledStoredAsWhole(kData + "/real/itse_pada_2023.pdf", 4);
}

}  // namespace
}  // namespace oplex
