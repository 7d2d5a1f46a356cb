// Section kinds are an open vocabulary (data/section_kinds.tsv): a publisher's new level of
// hierarchy is a row of data, ranked there, with no change to the code.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extractors/rules.h"
#include "extractors/section_tracker.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;

class SectionKindsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("oplex-section-kinds-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& entry : fs::directory_iterator(OPLEX_DEFAULT_DATA_DIR)) {
      if (entry.path().extension() == ".tsv")
        fs::copy(entry.path(), dir_ / entry.path().filename());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Append(const char* file, const std::string& line) {
    std::ofstream(dir_ / file, std::ios::app) << line << "\n";
  }
  // The vocabulary file with the row of `kind` left out.
  void Drop(const char* file, const std::string& kind) {
    std::ifstream in(dir_ / file);
    std::string kept, line;
    while (std::getline(in, line)) {
      if (line.rfind(kind + "\t", 0) != 0) kept += line + "\n";
    }
    in.close();
    std::ofstream(dir_ / file) << kept;
  }

  fs::path dir_;
};

Section Named(const ExtractionRules& rules, const std::string& line) {
  std::optional<SectionMatch> m = rules.MatchHeading(line);
  EXPECT_TRUE(m.has_value()) << line;
  Section s;
  if (m) {
    s.kind = m->kind;
    s.code = m->code;
    s.title = m->title;
  }
  return s;
}

// A "Componente" level between the axes and the projects, declared with rank 2 and named by a
// heading pattern: its headings open sections of that kind, a componente closes the proyecto and
// the componente before it, and the eje above them stays open.
TEST_F(SectionKindsTest, ANewLevelIsARowOfDataAndItsHeadingPattern) {
  Append("section_kinds.tsv", "componente\t2\ta component of a programme");
  Append("headings.tsv", "componente\t^(?i)Componente\\s+(\\d+)\\s*[\\.:]\\s*(.+?)$");
  auto rules = ExtractionRules::Load(dir_);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->SectionRank("componente"), 2);
  EXPECT_EQ(rules->SectionRank("eje"), 1);
  EXPECT_EQ(rules->SectionRank("proyecto"), 3);

  std::vector<Section> sections;
  SectionTracker tracker(&sections, *rules);
  tracker.Open(Named(*rules, "EJE 1. Fortalecimiento institucional"));
  tracker.Open(Named(*rules, "Componente 1: Capacitación"));
  Section project;
  project.kind = "proyecto";
  project.code = "0101";
  project.title = "Cursos en línea";
  tracker.Open(project);
  ASSERT_EQ(tracker.Chain().size(), 3u);
  tracker.Open(Named(*rules, "Componente 2. Difusión"));
  const std::vector<Section> chain = tracker.Chain();
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].kind, "eje");
  EXPECT_EQ(chain[1].kind, "componente");
  EXPECT_EQ(chain[1].code, "2");
  EXPECT_EQ(chain[1].title, "Difusión");
}

TEST_F(SectionKindsTest, AKindNoRowDeclaresIsAnErrorThatListsTheKinds) {
  Append("headings.tsv", "capitulo\t^(?i)Cap[íi]tulo\\s+(\\d+)\\s*[\\.:]\\s*(.+?)$");
  auto rules = ExtractionRules::Load(dir_);
  ASSERT_FALSE(rules.ok());
  const std::string message = rules.status().message();
  EXPECT_NE(message.find("headings.tsv"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown section kind 'capitulo'"), std::string::npos) << message;
  EXPECT_NE(message.find("area, eje, grupo, objetivo, proyecto, subprograma"), std::string::npos)
      << message;
}

// The table mappers open "area" sections (a band over table rows) and the validator counts
// "proyecto" and "subprograma" sections against the totals a plan states.
TEST_F(SectionKindsTest, TheKindsTheCodeNamesMustStayDeclared) {
  Drop("section_kinds.tsv", "subprograma");
  Drop("headings.tsv", "subprograma");
  auto rules = ExtractionRules::Load(dir_);
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("'subprograma'"), std::string::npos)
      << rules.status().message();
}

TEST_F(SectionKindsTest, AKindIsALowercaseSlugRankedOnce) {
  Append("section_kinds.tsv", "eje\t2\tan axis again");
  auto twice = ExtractionRules::Load(dir_);
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("declared twice"), std::string::npos);
  Drop("section_kinds.tsv", "eje");
  Append("section_kinds.tsv", "eje\t1\tan axis");
  Append("section_kinds.tsv", "Línea de acción\t3\tnot a slug");
  auto spaced = ExtractionRules::Load(dir_);
  ASSERT_FALSE(spaced.ok());
  EXPECT_NE(spaced.status().message().find("not a lowercase slug"), std::string::npos);
}

}  // namespace
}  // namespace oplex
