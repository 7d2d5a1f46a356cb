// Pages found by oplex's own walk of the page tree (page_tree.h), on vector/page-tree.pdf and
// vector/page-tree-miscounted.pdf (tools/fixtures/page_tree.py; the values below are read from
// its objects, listed there). Each page is also read through poppler-cpp, which finds pages with
// poppler's own page cache: the words and their boxes must be the same.
#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/decode/pdf_decoder.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

const std::string kVectorDir = std::string(OPLEX_DEFAULT_DATA_DIR) + "/pdf/vector/";

std::string Text(const Page& page) {
  std::string text;
  for (const Word& w : page.words) text += (text.empty() ? "" : " ") + w.text;
  return text;
}

// The words of page `number` as poppler-cpp's text_list() gives them.
std::vector<poppler::text_box> PopplerWords(const std::string& path, int number) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) return {};
  std::unique_ptr<poppler::page> page(doc->create_page(number - 1));
  return page ? page->text_list() : std::vector<poppler::text_box>{};
}

TEST(PageTree, AttributesPassDownTheTree) {
  const std::string path = kVectorDir + "page-tree.pdf";
  const std::string bytes = testing::ReadBytes(path);
  PdfOptions options;
  options.always_render = true;
  auto doc = PdfDocument::Open(bytes, path, options);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->page_count(), 5);

  struct Expected {
    const char* text;
    double width, height;  // as displayed
    double rule_x0, rule_x1, rule_y;
  };
  const Expected expected[] = {
      // Letter turned a quarter (node A's /Rotate 90): 792 x 612. The rule from (310, 150) to
      // (310, 500) shows across, 150 to 500 points from the left, 310 from the top.
      {"Page one", 792, 612, 150, 500, 310},
      // Its own crop box, 400 x 575, from (10, 10): the rule 72..300 at 490 shows at 62..290,
      // 585 - 490 = 95 from the top.
      {"Page two", 400, 575, 62, 290, 95},
      // Node B's crop box, the lower 396 points of Letter: the rule at 290 shows at 106.
      {"Page three", 612, 396, 72, 300, 106},
      // Its own font resource (F2), which the root does not have.
      {"Page four", 612, 396, 72, 300, 106},
      // Two content streams.
      {"Page five", 612, 792, 72, 300, 102},
  };
  for (int number = 1; number <= 5; ++number) {
    SCOPED_TRACE("page " + std::to_string(number));
    const Expected& e = expected[number - 1];
    auto page = doc->ReadPage(number);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(Text(*page), e.text);
    EXPECT_NEAR(page->width, e.width, 0.01);
    EXPECT_NEAR(page->height, e.height, 0.01);
    EXPECT_EQ(page->turned, 0);
    ASSERT_TRUE(page->graphics.has_value());
    ASSERT_EQ(page->graphics->h_rules.size(), 1u);
    const BBox& rule = page->graphics->h_rules[0];
    EXPECT_NEAR(rule.x0, e.rule_x0, 0.5);
    EXPECT_NEAR(rule.x1, e.rule_x1, 0.5);
    EXPECT_NEAR((rule.y0 + rule.y1) / 2, e.rule_y, 0.5);
    EXPECT_TRUE(page->notes.empty());

    const std::vector<poppler::text_box> theirs = PopplerWords(path, number);
    ASSERT_EQ(theirs.size(), page->words.size());
    for (size_t i = 0; i < theirs.size(); ++i) {
      EXPECT_EQ(theirs[i].text().to_latin1(), page->words[i].text);
      const poppler::rectf box = theirs[i].bbox();
      EXPECT_NEAR(box.left(), page->words[i].bbox.x0, 0.01);
      EXPECT_NEAR(box.top(), page->words[i].bbox.y0, 0.01);
      EXPECT_NEAR(box.right(), page->words[i].bbox.x1, 0.01);
      EXPECT_NEAR(box.bottom(), page->words[i].bbox.y1, 0.01);
    }
  }
}

TEST(PageTree, ATreeMiscountedIsReadAsPopplerReadsIt) {
  // /Count 3 over two pages: poppler counts three, and finds no third.
  const std::string path = kVectorDir + "page-tree-miscounted.pdf";
  const std::string bytes = testing::ReadBytes(path);
  auto doc = PdfDocument::Open(bytes, path);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->page_count(), 3);
  auto one = doc->ReadPage(1);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(Text(*one), "Page one");
  auto two = doc->ReadPage(2);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(Text(*two), "Page two");
  auto three = doc->ReadPage(3);
  ASSERT_FALSE(three.ok());
  EXPECT_NE(three.status().message().find("page 3 cannot be read"), std::string::npos)
      << three.status().ToString();
}

}  // namespace
}  // namespace oplex
