// `oplex report`, run as a user would: the seed documents and the PDF plans with month grids
// ingested by the real binary, the HTML report written, then opened in Debian's headless Chromium
// (a screenshot, the DOM it built, its console and its network log), and its rows checked
// against the seed documents.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <sys/stat.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "tests/oplex_cli.h"
#include "tests/raw_db.h"

namespace fs = std::filesystem;

namespace {

using oplex::testing::Outcome;
using oplex::testing::RunOplex;
using oplex::testing::Shell;
using oplex::testing::Slurp;

int64_t Count(const std::string& text, const std::string& needle) {
  int64_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// The markup from the first `opening` up to and including the first `closing` after it; empty
// when there is none.
std::string Element(const std::string& html, const std::string& opening,
                    const std::string& closing) {
  const size_t start = html.find(opening);
  if (start == std::string::npos) return "";
  const size_t end = html.find(closing, start);
  return end == std::string::npos ? "" : html.substr(start, end + closing.size() - start);
}

// The value of attribute `name` in the first tag of `element`.
std::string AttributeOf(const std::string& element, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const size_t tag_end = element.find('>');
  const size_t at = element.find(key);
  if (at == std::string::npos || at > tag_end) return "<absent>";
  const size_t start = at + key.size();
  return element.substr(start, element.find('"', start) - start);
}

// The sum of the channels of a colour "#rrggbb": lower is darker; -1 for anything else.
int Lightness(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#' ||
      hex.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
    return -1;
  }
  return std::stoi(hex.substr(1, 2), nullptr, 16) + std::stoi(hex.substr(3, 2), nullptr, 16) +
         std::stoi(hex.substr(5, 2), nullptr, 16);
}

constexpr int kChromiumSeconds = 30;
constexpr int kShotWidth = 1280, kShotHeight = 2400;

// Markup planted in the stored text (activity, section title, indicator, finding) to check that
// the report escapes what documents say; were it not escaped, the page would run the script, load
// the image and show underlined and italic text (elements the report itself never uses).
constexpr char kActivityText[] =
    "Texto con <u>marcas</u> & \"comillas\" <script>console.error('inyectado')</script>";
constexpr char kSectionTitle[] = "Proyecto <i>cursiva</i> & 'apóstrofo'";
constexpr char kIndicatorName[] = "Indicador <img src=\"x.png\" onerror=\"alert(1)\"> & \"z\"";
constexpr char kFindingMessage[] = "Mensaje <u>m</u> & \"q\"";

// `text` as an SQL string literal.
std::string SqlText(std::string text) {
  for (size_t at = text.find('\''); at != std::string::npos; at = text.find('\'', at + 2)) {
    text.insert(at, 1, '\'');
  }
  text.insert(0, 1, '\'');
  text.push_back('\'');
  return text;
}

// Headless Chromium with a profile, home and caches of its own inside `dir`, and a time limit.
std::string Chromium(const fs::path& dir, const std::string& args) {
  const std::string home = (dir / "home").string();
  return "HOME=" + home + " XDG_CONFIG_HOME=" + home + " XDG_CACHE_HOME=" + home + " timeout " +
         std::to_string(kChromiumSeconds) +
         " chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync "
         "--user-data-dir=" +
         (dir / "profile").string() + " " + args;
}

// What Chromium made of a page: its DOM, its console (log lines on stderr) and its network log.
struct Opened {
  std::string error;  // why Chromium could not open the page; empty when it did
  std::string dom, console, netlog;
};

Opened OpenInChromium(const fs::path& dir, const fs::path& page) {
  Opened o;
  const fs::path netlog = dir / (page.stem().string() + ".netlog.json");
  Outcome r = Shell(Chromium(dir, "--enable-logging=stderr --v=0 --log-net-log=" + netlog.string() +
                                      " --dump-dom file://" + page.string()),
                    dir);
  if (r.exit_code != 0) {
    o.error = "chromium --dump-dom exited with " + std::to_string(r.exit_code) +
              (r.exit_code == 124 ? " (timed out)" : "") + ":\n" + r.err;
  }
  o.dom = r.out;
  o.console = r.err;
  o.netlog = Slurp(netlog);
  return o;
}

// Console lines from the page: Chromium logs console messages and uncaught errors as CONSOLE.
std::string ConsoleMessages(const std::string& log) {
  std::string messages;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.find("CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos) {
      messages += line + "\n";
    }
  }
  return messages;
}

// Requests the page itself made: the network log keys them to the file:// page that asked
// (Chromium's own background requests have other keys).
int64_t PageRequests(const std::string& netlog) {
  return Count(netlog, "\"network_isolation_key\":\"file://");
}

// Takes a screenshot of `page` into `png`; returns why it could not, or "".
std::string TakeScreenshot(const fs::path& dir, const fs::path& page, const fs::path& png) {
  Outcome shot =
      Shell(Chromium(dir, "--window-size=" + std::to_string(kShotWidth) + "," +
                              std::to_string(kShotHeight) + " --screenshot=" + png.string() +
                              " file://" + page.string()),
            dir);
  if (shot.exit_code == 0) return "";
  return "chromium --screenshot exited with " + std::to_string(shot.exit_code) +
         (shot.exit_code == 124 ? " (timed out)" : "") + ":\n" + shot.err;
}

// The pixels of a screenshot, counted by colour (0xRRGGBB); width 0 when it cannot be read.
struct Pixels {
  int width = 0, height = 0;
  std::map<uint32_t, int64_t> colours;
};

Pixels ReadPixels(const fs::path& png) {
  Pixels pixels;
  PIX* read = pixRead(png.c_str());
  if (read == nullptr) return pixels;
  PIX* pix = pixConvertTo32(read);
  pixDestroy(&read);
  if (pix == nullptr) return pixels;
  pixels.width = pixGetWidth(pix);
  pixels.height = pixGetHeight(pix);
  const l_uint32* data = pixGetData(pix);
  const int wpl = pixGetWpl(pix);
  for (int y = 0; y < pixels.height; ++y) {
    for (int x = 0; x < pixels.width; ++x) {
      l_int32 r, g, b;
      extractRGBValues(data[y * wpl + x], &r, &g, &b);
      ++pixels.colours[(r << 16) | (g << 8) | b];
    }
  }
  pixDestroy(&pix);
  return pixels;
}

// What the tests look at, each part made once per process when first asked for (ctest runs each
// test in a process of its own): the database and report, the DOM Chromium built of the report,
// and a screenshot.
class Made {
 public:
  static Made& Get() {
    static Made* made = new Made;
    return *made;
  }
  // Why the database or the report could not be made; empty when they were.
  const std::string& error() const { return error_; }
  const fs::path& dir() const { return dir_; }
  const fs::path& db() const { return db_; }
  const fs::path& page() const { return page_; }
  const std::string& html() const { return html_; }

  const Opened& opened() {
    if (!opened_) opened_ = OpenInChromium(dir_, page_);
    return *opened_;
  }

  // The screenshot's path, or why there is none.
  std::string Screenshot(fs::path* png) {
    *png = dir_ / "report.png";
    if (fs::exists(*png)) return "";
    return TakeScreenshot(dir_, page_, *png);
  }

  void Remove() { fs::remove_all(dir_); }

 private:
  Made() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("oplex-report-" + std::to_string(rd()));
    fs::create_directories(dir_);
    db_ = dir_ / "plans.sqlite";
    page_ = dir_ / "report.html";
    const fs::path pdf = fs::path(OPLEX_SAMPLES_DIR) / ".." / "pdf";
    Outcome ingest = RunOplex(std::string("ingest ") + OPLEX_SAMPLES_DIR + " " +
                                  (pdf / "ags-2023-shaded.pdf").string() + " " +
                                  (pdf / "bcs-2024-x.pdf").string() + " --db " + db_.string(),
                              dir_);
    if (ingest.exit_code != 0) {
      error_ = "oplex ingest failed:\n" + ingest.err;
      return;
    }
    {
      oplex::testing::RawDb db(db_);
      db.Exec("UPDATE activity SET text = " + SqlText(kActivityText) + " WHERE code = '010103'");
      db.Exec("UPDATE section SET title = " + SqlText(kSectionTitle) +
              " WHERE id = (SELECT section_id FROM activity WHERE code = '010103')");
      db.Exec("UPDATE indicator SET name = " + SqlText(kIndicatorName) +
              " WHERE id = (SELECT min(id) FROM indicator WHERE name = 'Permanencia')");
      db.Exec("UPDATE finding SET message = " + SqlText(kFindingMessage) +
              " WHERE id = (SELECT min(id) FROM finding WHERE code = 'unit_missing')");
    }
    Outcome report = RunOplex("report -o " + page_.string() + " --db " + db_.string(), dir_);
    if (report.exit_code != 0) {
      error_ = "oplex report failed:\n" + report.err;
      return;
    }
    html_ = Slurp(page_);
    if (Shell("command -v chromium", dir_).exit_code != 0) {
      error_ = "chromium is not installed (tools/test.sh installs it)";
    }
  }

  std::string error_;
  fs::path dir_, db_, page_;
  std::string html_;
  std::optional<Opened> opened_;
};

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Made::Get().error(), "");
    db_ = std::make_unique<oplex::testing::RawDb>(Made::Get().db());
  }
  static void TearDownTestSuite() { Made::Get().Remove(); }

  int64_t Sql(const std::string& query) { return std::stoll(db_->One(query)); }
  // Joined to a query of documents `d`: only the editions the report counts, one per plan.
  static constexpr char kCounted[] =
      " JOIN v_document_edition AS e ON e.document_id = d.id AND e.edition_rank = 1 ";
  const std::string& Html() { return Made::Get().html(); }

  // One row of a heatmap in `markup`: the <g class="activity…"> of `code` in `institute`'s.
  static std::string HeatmapRow(const std::string& markup, const std::string& institute,
                                const std::string& code) {
    const std::string heatmap =
        Element(markup, "<svg class=\"heatmap\" data-institute=\"" + institute + "\"", "</svg>");
    for (const char* kind : {"activity", "activity months-unknown"}) {
      const std::string row = Element(
          heatmap, std::string("<g class=\"") + kind + "\" data-code=\"" + code + "\"", "</g>");
      if (!row.empty()) return row;
    }
    return "";
  }

  // The structure checks hold for the report as written and for the DOM Chromium builds of it.
  void ExpectHeatmaps(const std::string& markup);
  void ExpectSeedRows(const std::string& markup);
  void ExpectCategoryChart(const std::string& markup);
  void ExpectIndicatorTable(const std::string& markup);
  void ExpectFindingsTable(const std::string& markup);

  std::unique_ptr<oplex::testing::RawDb> db_;
};

void ReportTest::ExpectHeatmaps(const std::string& markup) {
  // The text exports of the AGS and BCS plans lose the grid's shading; their PDFs keep it, and the
  // IEEM export gives monthly quantities for 105 activities. Durango's report has no activities.
  EXPECT_EQ(db_->Rows("SELECT DISTINCT institute FROM v_activity WHERE months_mask IS NOT NULL "
                      "ORDER BY institute"),
            (std::vector<std::string>{"IEE-AGS", "IEEBCS", "IEEM"}));
  for (const char* institute : {"IEE-AGS", "IEEBCS", "IEEM"}) {
    EXPECT_EQ(Count(markup, std::string("<svg class=\"heatmap\" data-institute=\"") + institute), 1)
        << institute;
  }
  EXPECT_EQ(Count(markup, "<svg class=\"heatmap\""), 3);
  EXPECT_EQ(Count(markup, "<section class=\"institute\""), 4);
  EXPECT_NE(Element(markup, "<section class=\"institute\" id=\"institute-IEPC-DGO\"", "</section>")
                .find("<p class=\"no-activities\">"),
            std::string::npos);
  // The text exports of the AGS and BCS plans are editions of their PDFs, which the report
  // counts: they have no heatmap, note or row of their own, and are named under their PDFs.
  for (const char* export_name : {"ags-iee-plan-anual-2023.txt", "bcs-ieebcs-deoe-pat-2024.txt"}) {
    const std::string id =
        db_->One(std::string("SELECT id FROM document WHERE path LIKE '%") + export_name + "'");
    EXPECT_EQ(Count(markup, "data-document-id=\"" + id + "\""), 0) << export_name;
    EXPECT_EQ(Count(markup, std::string("también guardadas, no contadas: ") + OPLEX_SAMPLES_DIR +
                                "/" + export_name + "</td>"),
              1)
        << export_name;
  }
  // Every IEEM activity has a row; those whose months are unknown are marked so.
  const std::string ieem =
      Element(markup, "<svg class=\"heatmap\" data-institute=\"IEEM\"", "</svg>");
  EXPECT_EQ(Count(ieem, "<g class=\"activity\" "),
            Sql("SELECT count(*) FROM v_activity WHERE institute = 'IEEM' AND months_mask IS NOT "
                "NULL"));
  EXPECT_EQ(Count(ieem, "<g class=\"activity months-unknown\" "),
            Sql("SELECT count(*) FROM v_activity WHERE institute = 'IEEM' AND months_mask IS "
                "NULL"));
  EXPECT_NE(ieem.find("aria-labelledby=\"heatmap-"), std::string::npos);
}

void ReportTest::ExpectSeedRows(const std::string& markup) {
  // mex-ieem-programa-anual-2024.txt, line 975: 080105 "Difundir piezas de comunicación en
  // internet" plans 180: 0 18 18 30 30 30 0 0 0 18 18 18 (January to December).
  const std::string row = HeatmapRow(markup, "IEEM", "080105");
  ASSERT_FALSE(row.empty());
  EXPECT_EQ(AttributeOf(row, "data-months"), "2,3,4,5,6,10,11,12");
  EXPECT_EQ(Count(row, "<rect class=\"month\""), 8);
  EXPECT_NE(row.find("Difundir piezas de comunicación en internet"), std::string::npos);
  auto fill = [&](int month) {
    return AttributeOf(
        Element(row, "<rect class=\"month\" data-month=\"" + std::to_string(month) + "\"", ">"),
        "fill");
  };
  EXPECT_EQ(fill(4), fill(5));
  EXPECT_EQ(fill(4), fill(6));
  EXPECT_EQ(fill(2), fill(10));
  EXPECT_GT(Lightness(fill(4)), 0) << fill(4);
  EXPECT_LT(Lightness(fill(4)), Lightness(fill(2))) << "30 planned is darker than 18";
  EXPECT_NE(row.find("programado: Feb 18, Mar 18, Abr 30, May 30, Jun 30, Oct 18, Nov 18, Dic 18"),
            std::string::npos);

  // 010402 gives 11 monthly values for 12 months: they cannot be placed, so months are unknown.
  const std::string unplaced = HeatmapRow(markup, "IEEM", "010402");
  EXPECT_EQ(unplaced.rfind("<g class=\"activity months-unknown\"", 0), 0u) << unplaced;
  EXPECT_EQ(AttributeOf(unplaced, "data-months"), "<absent>");
  EXPECT_EQ(Count(unplaced, "<rect class=\"month\""), 0);

  // data/pdf/ags-2023-shaded.expected.tsv: 1.1 is shaded March to August; 1.25 in no month (a
  // known "none", not unknown).
  EXPECT_EQ(AttributeOf(HeatmapRow(markup, "IEE-AGS", "1.1"), "data-months"), "3,4,5,6,7,8");
  const std::string none = HeatmapRow(markup, "IEE-AGS", "1.25");
  EXPECT_EQ(none.rfind("<g class=\"activity\"", 0), 0u) << none;
  EXPECT_EQ(AttributeOf(none, "data-months"), "");
  EXPECT_EQ(Count(none, "<rect class=\"month\""), 0);
  // data/pdf/bcs-2024-x.expected.tsv: 1.2 is marked in October only.
  EXPECT_EQ(AttributeOf(HeatmapRow(markup, "IEEBCS", "1.2"), "data-months"), "10");
}

void ReportTest::ExpectCategoryChart(const std::string& markup) {
  EXPECT_EQ(Count(markup, "<svg class=\"category-bars\""), 1);
  const std::string chart = Element(markup, "<svg class=\"category-bars\"", "</svg>");
  EXPECT_EQ(AttributeOf(chart, "data-institutes"), "IEE-AGS IEEBCS IEEM");
  for (const char* institute : {"IEE-AGS", "IEEBCS", "IEEM"}) {
    EXPECT_NE(chart.find(std::string("<g class=\"series\" data-institute=\"") + institute),
              std::string::npos)
        << "legend: " << institute;
  }
  // A bar per institute and category the taxonomy has activities in.
  EXPECT_EQ(Count(chart, "<rect class=\"bar\""),
            3 * Sql("SELECT count(DISTINCT category) FROM v_category_share"));
  const std::string bcs_organisation =
      Element(chart,
              "<rect class=\"bar\" data-institute=\"IEEBCS\" data-year=\"2024\" "
              "data-kind=\"work_plan\" data-category=\"organizacion_electoral\"",
              ">");
  EXPECT_EQ(AttributeOf(bcs_organisation, "data-activities"),
            db_->One("SELECT count(*) FROM v_activity AS a JOIN v_document_edition AS e ON "
                     "e.document_id = a.document_id AND e.edition_rank = 1 WHERE a.institute = "
                     "'IEEBCS' AND a.category = 'organizacion_electoral'"));
}

void ReportTest::ExpectIndicatorTable(const std::string& markup) {
  const std::string table = Element(markup, "<table class=\"indicators\"", "</table>");
  ASSERT_FALSE(table.empty());
  for (const char* institute : {"IEPC-DGO", "IEEBCS"}) {
    EXPECT_EQ(Count(table, std::string("<tr data-institute=\"") + institute + "\""),
              Sql(std::string("SELECT count(*) FROM indicator JOIN document AS d ON d.id = "
                              "indicator.document_id") +
                  kCounted + "WHERE d.institute = '" + institute + "'"))
        << institute;
  }
  EXPECT_EQ(Count(table, "<tr data-institute="),
            Sql(std::string("SELECT count(*) FROM indicator JOIN document AS d ON d.id = "
                            "indicator.document_id") +
                kCounted));
  // dgo-iepc-indicadores-2024q1.txt, line 9: "Incentivos", trimestral, línea base 90, avance
  // de metas 25%.
  const std::string incentivos = Element(table, "<td class=\"name\">Incentivos</td>", "</tr>");
  EXPECT_NE(incentivos.find("<td>trimestral</td>"), std::string::npos) << incentivos;
  EXPECT_NE(incentivos.find("<td class=\"fig\">90</td>"), std::string::npos) << incentivos;
  EXPECT_NE(incentivos.find("<td class=\"fig\">25%</td>"), std::string::npos) << incentivos;
}

void ReportTest::ExpectFindingsTable(const std::string& markup) {
  const std::string table = Element(markup, "<table class=\"findings\"", "</table>");
  EXPECT_EQ(Count(table, "<tr data-severity="),
            Sql(std::string("SELECT count(*) FROM finding JOIN document AS d ON d.id = "
                            "finding.document_id") +
                kCounted));
  // The BCS plan skips from 4.2 to 4.4: page 5 of the PDF, the edition counted.
  const std::string pdf = db_->One("SELECT id FROM document WHERE path LIKE '%bcs-2024-x.pdf'");
  const std::string from_pdf =
      Element(table, "<tr data-severity=\"warning\" data-document-id=\"" + pdf + "\">", "</tr>");
  EXPECT_NE(from_pdf.find("bcs-2024-x.pdf</td><td class=\"num\">5</td>"), std::string::npos)
      << from_pdf;
  EXPECT_NE(from_pdf.find("numbering skips from 4.2 to 4.4"), std::string::npos);
}

TEST_F(ReportTest, IsOneSelfContainedFile) {
  const std::string& html = Html();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // The seed documents cite no web address, so none may appear; nothing is loaded from anywhere.
  for (const char* outside : {"http://", "https://", "<script", "<link", "<img", "<iframe",
                              " src=\"", "url(", "@import", "@font-face"}) {
    EXPECT_EQ(Count(html, outside), 0) << outside;
  }
  EXPECT_EQ(Count(html, " href=\""), Count(html, " href=\"#")) << "only links within the page";
  // 594 activities in three heatmaps, 272 findings, 37 indicators.
  EXPECT_LT(html.size(), 1'000'000u);
  size_t temporary = 0;
  for (const auto& entry : fs::directory_iterator(Made::Get().dir())) {
    temporary += entry.path().filename().string().find(".tmp-") != std::string::npos;
  }
  EXPECT_EQ(temporary, 0u) << "the temporary file was renamed";
  struct stat st {};
  ASSERT_EQ(stat(Made::Get().page().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(ReportTest, OneHeatmapPerInstituteWithKnownMonths) { ExpectHeatmaps(Html()); }
TEST_F(ReportTest, HeatmapRowsMatchTheSeeds) { ExpectSeedRows(Html()); }
TEST_F(ReportTest, OneCategoryBarChartWithTheInstitutesSideBySide) { ExpectCategoryChart(Html()); }
TEST_F(ReportTest, IndicatorTableHasDurangoAndBajaCaliforniaSur) { ExpectIndicatorTable(Html()); }
TEST_F(ReportTest, FindingsGiveFileAndPage) { ExpectFindingsTable(Html()); }

TEST_F(ReportTest, DocumentTextIsEscaped) {
  const std::string& html = Html();
  EXPECT_NE(html.find("Texto con &lt;u&gt;marcas&lt;/u&gt; &amp; &quot;comillas&quot; "
                      "&lt;script&gt;console.error(&#39;inyectado&#39;)&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("Proyecto &lt;i&gt;cursiva&lt;/i&gt; &amp; &#39;apóstrofo&#39;"),
            std::string::npos);
  EXPECT_NE(html.find("Indicador &lt;img src=&quot;x.png&quot; onerror=&quot;alert(1)&quot;&gt; "
                      "&amp; &quot;z&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("Mensaje &lt;u&gt;m&lt;/u&gt; &amp; &quot;q&quot;"), std::string::npos);
}

// The page as Chromium built it: no console message, no request, the planted markup read as
// text, and the same structure as the file.
TEST_F(ReportTest, ChromiumOpensItWithoutErrorsOrRequests) {
  const Opened& opened = Made::Get().opened();
  ASSERT_EQ(opened.error, "");
  EXPECT_EQ(ConsoleMessages(opened.console), "");
  EXPECT_FALSE(opened.netlog.empty()) << "no network log written";
  EXPECT_EQ(PageRequests(opened.netlog), 0);

  const std::string& dom = opened.dom;
  for (const char* element : {"<u>", "<i>", "<script", "<img"}) {
    EXPECT_EQ(Count(dom, element), 0) << element;
  }
  EXPECT_NE(dom.find("Texto con &lt;u&gt;marcas&lt;/u&gt; &amp; \"comillas\""), std::string::npos);
  EXPECT_NE(dom.find("Proyecto &lt;i&gt;cursiva&lt;/i&gt; &amp; 'apóstrofo'"), std::string::npos);
  EXPECT_NE(dom.find("\">Mensaje &lt;u&gt;m&lt;/u&gt; &amp; \"q\"</td>"), std::string::npos);

  ExpectHeatmaps(dom);
  ExpectSeedRows(dom);
  ExpectCategoryChart(dom);
  ExpectIndicatorTable(dom);
  ExpectFindingsTable(dom);
}

// The console and network checks above see errors and requests when a page makes them.
TEST_F(ReportTest, ChromiumChecksSeeAPagesErrorsAndRequests) {
  const fs::path bad = Made::Get().dir() / "bad.html";
  std::ofstream(bad) << "<!DOCTYPE html><title>bad</title><p>x</p><script>console.error('boom');"
                        "</script><img src=\"http://example.invalid/a.png\">";
  const Opened opened = OpenInChromium(Made::Get().dir(), bad);
  ASSERT_EQ(opened.error, "");
  EXPECT_NE(ConsoleMessages(opened.console).find("boom"), std::string::npos) << opened.console;
  EXPECT_GT(PageRequests(opened.netlog), 0);
}

TEST_F(ReportTest, ScreenshotShowsThePage) {
  fs::path png;
  ASSERT_EQ(Made::Get().Screenshot(&png), "");
  Pixels pixels = ReadPixels(png);
  ASSERT_GT(pixels.width, 0) << "no PNG at " << png;
  EXPECT_EQ(pixels.width, kShotWidth);
  EXPECT_EQ(pixels.height, kShotHeight);
  std::map<uint32_t, int64_t>& colours = pixels.colours;
  int64_t most = 0;
  for (const auto& [colour, n] : colours) most = std::max(most, n);
  // White cards on a grey-blue page hold about 60 %: a blank screenshot is one colour.
  EXPECT_LT(most, int64_t{kShotWidth} * kShotHeight * 9 / 10)
      << "one colour fills nearly all the page: blank?";
  EXPECT_GT(colours.size(), 100u) << "too few colours for text and charts";
  // The category chart is in the first screenful: the first series' bars are solid #0072B2.
  EXPECT_GT(colours[0x0072B2], 2000) << "no bars of the first institute";
}

TEST_F(ReportTest, InstitutesAndYearFilterTheReport) {
  const fs::path out = Made::Get().dir() / "filtered.html";
  Outcome r =
      RunOplex("report -o " + out.string() + " --institute ieem,IEEBCS --year 2024 --json --db " +
                   Made::Get().db().string(),
               Made::Get().dir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"heatmaps\":2"), std::string::npos) << r.out;
  const std::string html = Slurp(out);
  EXPECT_EQ(Count(html, "<svg class=\"heatmap\""), 2);
  EXPECT_EQ(Count(html, "data-institute=\"IEE-AGS\""), 0);
  EXPECT_EQ(AttributeOf(Element(html, "<svg class=\"category-bars\"", ">"), "data-institutes"),
            "IEEBCS IEEM");
  EXPECT_EQ(Count(html, "<tr data-severity="),
            Sql(std::string("SELECT count(*) FROM finding JOIN document AS d ON d.id = "
                            "finding.document_id") +
                kCounted + "WHERE d.institute IN ('IEEM', 'IEEBCS')"));
}

TEST_F(ReportTest, BadRequestsGetClearErrorsAndWriteNothing) {
  const fs::path dir = Made::Get().dir();
  const fs::path out = dir / "never.html";

  const std::string db = " --db " + Made::Get().db().string();
  struct Case {
    std::string args;
    int exit_code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {db, 2, "report needs -o FILE.html"},
      {"-o " + out.string() + " --institute XYZ" + db, 2,
       "no document of institute 'XYZ' in the database (institutes stored: IEE-AGS, IEEBCS, "
       "IEEM, IEPC-DGO)"},
      {"-o " + out.string() + " --institute IEEM, " + db, 2, "--institute needs institute codes"},
      {"-o " + out.string() + " --year 1999" + db, 2,
       "no document of year 1999 in the database (years stored: 2023, 2024)"},
      {"-o " + out.string() + " --institute IEEM --year 2023" + db, 2,
       "no document of year 2023 for these institutes"},
      {"-o " + out.string() + " --year 20x4" + db, 2, "--year needs a year like 2024, not '20x4'"},
      {"-o " + out.string() + " --colour red" + db, 2, "unknown option '--colour'"},
      {"-o " + out.string() + " --lang fr" + db, 2, "--lang is es or en, not 'fr'"},
      {"-o " + out.string() + " --db " + (dir / "missing.sqlite").string(), 3, "no such database"},
      {"-o " + (dir / "no-such-folder" / "r.html").string() + db, 3, "cannot write"},
  };
  for (const Case& c : cases) {
    Outcome r = RunOplex("report " + c.args, dir);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(dir / "missing.sqlite")) << "a report never creates a database";
}

// The page's own words, a few of each part of the page: headings, table headers, the heatmaps'
// month row and legend, the chart's title, the findings' severities, the footer.
const std::vector<std::string> kSpanishWords = {
    "<html lang=\"es\"",
    "<h1>Programas de trabajo comparados</h1>",
    "institutos y años: todos los institutos, todos los años",
    "<h2>Documentos</h2>",
    "<h2>Actividades por categoría</h2>",
    "<h2>Calendarios mensuales</h2>",
    "<h2>Indicadores</h2>",
    "<h2>Hallazgos</h2>",
    "<th>Instituto</th><th>Año</th><th>Tipo</th><th>Documento</th><th>Formato</th>",
    "<th class=\"num\">Meses conocidos</th>",
    "<td>plan de trabajo</td>",
    ">Actividad</text>",
    ">Ene</text>",
    ">Dic</text>",
    "</span> programado</li>",
    "meses no mostrados en la fuente",
    ">Parte de las actividades por categoría</title>",
    "<th>Gravedad</th>",
    ">advertencia</span>",
    "Hecho por oplex",
};
const std::vector<std::string> kEnglishWords = {
    "<html lang=\"en\"",
    "<h1>Work plans compared</h1>",
    "institutes and years: all institutes, all years",
    "<h2>Documents</h2>",
    "<h2>Activities by category</h2>",
    "<h2>Month schedules</h2>",
    "<h2>Indicators</h2>",
    "<h2>Findings</h2>",
    "<th>Institute</th><th>Year</th><th>Kind</th><th>Document</th><th>Format</th>",
    "<th class=\"num\">Months known</th>",
    "<td>work plan</td>",
    ">Activity</text>",
    ">Jan</text>",
    ">Dec</text>",
    "</span> scheduled</li>",
    "months not shown in the source",
    ">Share of activities by category</title>",
    "<th>Severity</th>",
    ">warning</span>",
    "Made by oplex",
};

TEST_F(ReportTest, SpanishByDefault) {
  for (const std::string& words : kSpanishWords) {
    EXPECT_NE(Html().find(words), std::string::npos) << words;
  }
  for (const std::string& words : kEnglishWords) {
    EXPECT_EQ(Html().find(words), std::string::npos) << words;
  }
}

TEST_F(ReportTest, EnglishWithLangEn) {
  const fs::path out = Made::Get().dir() / "english.html";
  Outcome r = RunOplex("report --lang en -o " + out.string() + " --db " + Made::Get().db().string(),
                       Made::Get().dir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = Slurp(out);
  for (const std::string& words : kEnglishWords) {
    EXPECT_NE(html.find(words), std::string::npos) << words;
  }
  for (const std::string& words : kSpanishWords) {
    EXPECT_EQ(html.find(words), std::string::npos) << words;
  }
  // The same records in either language: the seed row of ExpectSeedRows, its tooltip in English.
  const std::string row = HeatmapRow(html, "IEEM", "080105");
  EXPECT_NE(row.find("planned: Feb 18, Mar 18, Apr 30, May 30, Jun 30, Oct 18, Nov 18, Dec 18"),
            std::string::npos)
      << row;
  EXPECT_EQ(Count(html, "<svg class=\"heatmap\""), Count(Html(), "<svg class=\"heatmap\""));
  EXPECT_EQ(Count(html, "<tr data-severity="), Count(Html(), "<tr data-severity="));

  const Opened opened = OpenInChromium(Made::Get().dir(), out);
  ASSERT_EQ(opened.error, "");
  EXPECT_EQ(ConsoleMessages(opened.console), "");
  EXPECT_NE(opened.dom.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(opened.dom.find("<h2>Month schedules</h2>"), std::string::npos);
}

// The findings as the database counts them, kind by kind (the counted editions only): the table of
// kinds, most frequent first, and a group in the list per kind with as many rows.
void ExpectFindingKinds(const std::string& markup, oplex::testing::RawDb& db,
                        const std::string& counted) {
  const std::vector<std::string> rows = db.Rows(
      "SELECT f.code, count(*), count(DISTINCT f.document_id) FROM finding AS f JOIN "
      "document AS d ON d.id = f.document_id" +
      counted + "GROUP BY f.code ORDER BY count(*) DESC, f.code");
  ASSERT_GT(rows.size(), 3u);
  const std::string kinds = Element(markup, "<table class=\"finding-kinds\"", "</table>");
  const std::string list = Element(markup, "<table class=\"findings\"", "</table>");
  size_t at = 0;
  for (const std::string& row : rows) {
    const size_t bar = row.find('|'), bar2 = row.rfind('|');
    const std::string code = row.substr(0, bar);
    const std::string count = row.substr(bar + 1, bar2 - bar - 1);
    const std::string documents = row.substr(bar2 + 1);
    const std::string opening = "<tr data-code=\"" + code + "\" data-count=\"" + count + "\">";
    const size_t found = kinds.find(opening);
    ASSERT_NE(found, std::string::npos) << opening;
    EXPECT_GT(found, at) << code << ": the most frequent kinds first";
    at = found;
    const std::string summary = Element(kinds, opening, "</tr>");
    EXPECT_NE(summary.find("<td class=\"num\">" + count + "</td><td class=\"num\">" + documents +
                           "</td>"),
              std::string::npos)
        << summary;
    EXPECT_NE(summary.find("<a href=\"#findings-" + code + "\">"), std::string::npos) << summary;
    const std::string group = Element(
        list,
        "<tbody class=\"finding-kind\" id=\"findings-" + code + "\" data-code=\"" + code + "\">",
        "</tbody>");
    EXPECT_EQ(std::to_string(Count(group, "<tr data-severity=")), count) << code;
  }
  EXPECT_EQ(Count(kinds, "<tr data-code="), static_cast<int64_t>(rows.size()));
  EXPECT_EQ(Count(list, "<tbody class=\"finding-kind\""), static_cast<int64_t>(rows.size()));
}

TEST_F(ReportTest, FindingsAreGroupedByKindWithTheDatabasesCounts) {
  ExpectFindingKinds(Html(), *db_, kCounted);
  // The BCS plan's gap in its numbering (data/pdf/bcs-2024-x.pdf page 5) is in its kind's group.
  const std::string gaps =
      Element(Html(), "<tbody class=\"finding-kind\" id=\"findings-numbering_gap\"", "</tbody>");
  EXPECT_NE(gaps.find("numbering skips from 4.2 to 4.4"), std::string::npos);
  const Opened& opened = Made::Get().opened();
  ASSERT_EQ(opened.error, "");
  ExpectFindingKinds(opened.dom, *db_, kCounted);
}

// CIELAB (D65) of a colour "#rrggbb".
std::array<double, 3> Lab(const std::string& hex) {
  auto linear = [&](size_t at) {
    const double c = std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double r = linear(1), g = linear(3), b = linear(5);
  auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
  const double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return {116 * y - 16, 500 * (x - y), 200 * (y - z)};
}

// Sixteen series (the BCS plan as the plan of 16 years, through a manifest) get sixteen colours
// that the eye tells apart, in the chart as Chromium draws it.
TEST_F(ReportTest, SixteenSeriesHaveSixteenColours) {
  const fs::path dir = Made::Get().dir() / "sixteen";
  fs::create_directories(dir);
  const std::string plan = Slurp(fs::path(OPLEX_SAMPLES_DIR) / "bcs-ieebcs-deoe-pat-2024.txt");
  std::ofstream manifest(dir / "manifest.csv");
  manifest << "path,year\n";
  for (int i = 1; i <= 16; ++i) {
    const std::string name = "plan-" + std::to_string(i) + ".txt";
    std::ofstream(dir / name) << plan << std::string(i, '\n');  // another content hash
    manifest << name << "," << 2000 + i << "\n";
  }
  manifest.close();
  const fs::path db = dir / "sixteen.sqlite", page = dir / "sixteen.html";
  Outcome ingest = RunOplex(
      "ingest --manifest " + (dir / "manifest.csv").string() + " --db " + db.string(), dir);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  Outcome report = RunOplex("report -o " + page.string() + " --db " + db.string(), dir);
  ASSERT_EQ(report.exit_code, 0) << report.err;

  const std::string chart = Element(Slurp(page), "<svg class=\"category-bars\"", "</svg>");
  std::vector<std::string> colours;
  for (size_t at = chart.find("<g class=\"series\""); at != std::string::npos;
       at = chart.find("<g class=\"series\"", at + 1)) {
    colours.push_back(AttributeOf(chart.substr(chart.find("<rect", at)), "fill"));
  }
  ASSERT_EQ(colours.size(), 16u);
  EXPECT_EQ(std::set<std::string>(colours.begin(), colours.end()).size(), 16u);
  for (size_t i = 0; i < colours.size(); ++i) {
    for (size_t j = i + 1; j < colours.size(); ++j) {
      const std::array<double, 3> a = Lab(colours[i]), b = Lab(colours[j]);
      EXPECT_GT(std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]), 20)
          << colours[i] << " and " << colours[j] << " look alike";
    }
  }
  // Each series' bars are drawn in its colour (each has activities in some category).
  for (const std::string& colour : colours) {
    EXPECT_GE(Count(chart, "fill=\"" + colour + "\"><title>"), 1) << colour;
  }

  const fs::path png = dir / "sixteen.png";
  ASSERT_EQ(TakeScreenshot(dir, page, png), "");
  Pixels pixels = ReadPixels(png);
  ASSERT_GT(pixels.width, 0) << "no PNG at " << png;
  for (const std::string& colour : colours) {
    // At least a legend swatch's worth (12 × 12 px) of each colour on the screen.
    EXPECT_GE(pixels.colours[std::stoul(colour.substr(1), nullptr, 16)], 100) << colour;
  }
}

}  // namespace
