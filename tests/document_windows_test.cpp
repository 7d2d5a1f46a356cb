// A long document read a window of pages at a time (tools/run/document_windows.h) gives the
// records it gives read whole: the same activities with their sections and months, the same
// indicators, events and findings. Checked on real layouts by making the window a few pages long.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

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

Extraction Read(const std::string& path, int window_pages) {
  auto pipeline = DocumentPipeline::Load(OPLEX_DEFAULT_DATA_DIR);
  EXPECT_TRUE(pipeline.ok());
  pipeline->set_window_pages(window_pages);
  const std::string bytes = testing::ReadBytes(path);
  auto e = pipeline->Process(path, bytes, Sha256Hex(bytes));
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

}  // namespace
}  // namespace oplex
