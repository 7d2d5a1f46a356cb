#include "tools/eval/scan_accuracy.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>

#include "pipeline/sha256.h"
#include "pipeline/source_file.h"

namespace oplex::eval {
namespace {

std::u32string CodePoints(const std::string& s) {
  std::u32string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
  return out;
}

double Rate(size_t part, size_t whole) {
  return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::vector<int> ParsePages(const std::string& list) {
  std::vector<int> pages;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) pages.push_back(std::stoi(item));
  return pages;
}

// Counts a quantity of the truth; false when the scan does not give it exactly.
bool CompareQuantity(const std::optional<Quantity>& truth, const std::optional<Quantity>& scan,
                     Accuracy* a) {
  if (!truth) return true;
  ++a->quantities;
  const bool exact = scan && scan->raw == truth->raw;
  a->quantities_exact += exact;
  return exact;
}

// Levenshtein distance between two UTF-8 texts, counted in code points.
size_t EditDistance(const std::string& a8, const std::string& b8) {
  const std::u32string a = CodePoints(a8), b = CodePoints(b8);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

double Accuracy::CodeRate() const { return Rate(codes_found, truth_activities); }
double Accuracy::MonthRate() const { return Rate(months_exact, months_checked); }
double Accuracy::QuantityRate() const { return Rate(quantities_exact, quantities); }
double Accuracy::Cer() const {
  return truth_chars == 0 ? 0.0
                          : static_cast<double>(char_errors) / static_cast<double>(truth_chars);
}

Accuracy& Accuracy::operator+=(const Accuracy& o) {
  truth_activities += o.truth_activities;
  codes_found += o.codes_found;
  months_checked += o.months_checked;
  months_exact += o.months_exact;
  quantities += o.quantities;
  quantities_exact += o.quantities_exact;
  truth_chars += o.truth_chars;
  char_errors += o.char_errors;
  return *this;
}

std::string MaskText(const MonthMask& months) {
  if (!months.known()) return "unknown";
  std::string s;
  for (int i = 1; i <= 12; ++i) s += months.has(i) ? '1' : '0';
  return s;
}

Accuracy Compare(const Extraction& truth, const Extraction& scan,
                 std::vector<std::string>* misses) {
  auto miss = [&](const std::string& line) {
    if (misses != nullptr) misses->push_back(line);
  };
  Accuracy a;
  // Each truth activity takes the scan's activity of the same code nearest in text (a code may
  // repeat across groups, and the scan may miss one of them).
  std::map<std::string, std::vector<const Activity*>> by_code;
  for (const Activity& s : scan.activities) by_code[s.code].push_back(&s);
  for (const Activity& t : truth.activities) {
    ++a.truth_activities;
    const size_t length = CodePoints(t.text).size();
    a.truth_chars += length;
    std::vector<const Activity*>& same = by_code[t.code];
    auto nearest =
        std::min_element(same.begin(), same.end(), [&](const Activity* x, const Activity* y) {
          return EditDistance(x->text, t.text) < EditDistance(y->text, t.text);
        });
    if (nearest == same.end()) {
      miss(t.code + " missing: " + t.text);
      a.char_errors += length;
      CompareQuantity(t.annual, std::nullopt, &a);
      for (const MonthValue& v : t.month_values) CompareQuantity(v.planned, std::nullopt, &a);
      if (t.months.known()) ++a.months_checked;
      continue;
    }
    const Activity& s = **nearest;
    same.erase(nearest);
    ++a.codes_found;
    const size_t edits = std::min(length, EditDistance(s.text, t.text));
    a.char_errors += edits;
    if (edits > 0) miss(t.code + " text: \"" + s.text + "\" for \"" + t.text + "\"");
    if (t.months.known()) {
      ++a.months_checked;
      const bool exact = s.months.known() && s.months.bits() == t.months.bits();
      a.months_exact += exact;
      if (!exact) {
        miss(t.code + " months: truth " + MaskText(t.months) + ", scan " + MaskText(s.months));
      }
    }
    const auto compare = [&](const std::string& what, const std::optional<Quantity>& truth,
                             const std::optional<Quantity>& scanned) {
      if (!CompareQuantity(truth, scanned, &a)) {
        miss(t.code + " " + what + ": truth " + truth->raw + ", scan " +
             (scanned ? "\"" + scanned->raw + "\"" : "none"));
      }
    };
    compare("annual quantity", t.annual, s.annual);
    for (const MonthValue& v : t.month_values) {
      std::optional<Quantity> scanned;
      for (const MonthValue& w : s.month_values) {
        if (w.month == v.month) scanned = w.planned;
      }
      compare("month " + std::to_string(v.month) + " quantity", v.planned, scanned);
    }
  }
  return a;
}

Result<std::vector<ScanFixture>> LoadManifest(const std::string& data_dir) {
  const std::string path = data_dir + "/scans/manifest.tsv";
  auto text = ReadSourceFile(path);
  if (!text.ok()) return text.status();
  std::vector<ScanFixture> out;
  std::stringstream in(*text);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
    if (f.size() < 4 || f[1] == "-") continue;
    out.push_back(ScanFixture{f[0], f[1], ParsePages(f[2]), std::stoi(f[3])});
  }
  return out;
}

Result<FixtureRun> RunFixture(const DocumentPipeline& pipeline, const std::string& repo_root,
                              const ScanFixture& fixture) {
  const std::string source = repo_root + "/" + fixture.source;
  const std::string scan = repo_root + "/data/scans/" + fixture.scan;
  auto source_bytes = ReadSourceFile(source);
  if (!source_bytes.ok()) return source_bytes.status();
  auto scan_bytes = ReadSourceFile(scan);
  if (!scan_bytes.ok()) return scan_bytes.status();
  const std::set<int> pages(fixture.pages.begin(), fixture.pages.end());
  auto truth = pipeline.Process(source, *source_bytes, Sha256Hex(*source_bytes), pages);
  if (!truth.ok()) return truth.status();
  const auto start = std::chrono::steady_clock::now();
  auto read = pipeline.Process(scan, *scan_bytes, Sha256Hex(*scan_bytes));
  if (!read.ok()) return read.status();
  FixtureRun run;
  run.scan_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.truth = std::move(*truth);
  run.scan = std::move(*read);
  return run;
}

}  // namespace oplex::eval
