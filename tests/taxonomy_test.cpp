// Taxonomy: how rules are chosen (on a small taxonomy written here), what Load rejects, and the
// real taxonomy in data/ over the three seed work plans, with activities whose function a person
// checked by hand.
#include "pipeline/classify/taxonomy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "tests/process_file.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;

using Evidence = Taxonomy::Evidence;

// A data directory of its own for each test, removed afterwards.
class TaxonomyDataDir : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::temp_directory_path() /
           ("oplex_taxonomy_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(random()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  void Write(const char* name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::trunc) << text;
  }
  // Writes both files; `rules` are the rows of taxonomy.tsv after its header.
  void WriteTaxonomy(const std::string& rules) {
    Write("taxonomy_categories.tsv",
          "# test categories\ncategory\tlabel\nalfa\tAlfa\nbeta\tBeta\ngamma\tGamma\n");
    Write("taxonomy.tsv", "# test rules\ncategory\trule\tscope\tpriority\tpattern\n" + rules);
  }
  Taxonomy MustLoad() {
    Result<Taxonomy> taxonomy = Taxonomy::Load(dir_);
    EXPECT_TRUE(taxonomy.ok()) << taxonomy.status().ToString();
    return std::move(taxonomy).value();
  }
  // The message of the error Load must report.
  std::string LoadError() {
    Result<Taxonomy> taxonomy = Taxonomy::Load(dir_);
    EXPECT_FALSE(taxonomy.ok());
    return taxonomy.ok() ? "" : taxonomy.status().message();
  }
  fs::path dir_;
};

// --- How the winning rule is chosen ------------------------------------------------------------

class TaxonomyRules : public TaxonomyDataDir {
 protected:
  void SetUp() override {
    TaxonomyDataDir::SetUp();
    WriteTaxonomy(
        "alfa\ta.presupuesto\tboth\t1\t\\bpresupuesto\\b\n"
        "beta\tb.partidos\tboth\t1\t\\bpartidos\\b\n"
        "beta\tb.presupuesto_partidos\tboth\t1\tpresupuesto de (los )?partidos\n"
        "gamma\tg.prep\tboth\t2\t\\bprep\\b\n"
        "gamma\tg.ine\tboth\t0\t\\bine\\b\n"
        "alfa\ta.area\tsection\t1\tunidad alfa\n"
        "beta\tb.texto\ttext\t1\tsolo en el texto\n"
        "alfa\ta.empate\tboth\t1\tempate\n"
        "beta\tb.empate\tboth\t1\tempate\n"
        "gamma\tg.año\tboth\t1\tdiseño del año\n");
    taxonomy_ = std::make_unique<Taxonomy>(MustLoad());
  }
  const Taxonomy& taxonomy() const { return *taxonomy_; }
  std::unique_ptr<Taxonomy> taxonomy_;
};

TEST_F(TaxonomyRules, CategoriesInFileOrder) {
  ASSERT_EQ(taxonomy().categories().size(), 3u);
  EXPECT_EQ(taxonomy().categories()[0].slug, "alfa");
  EXPECT_EQ(taxonomy().categories()[2].label, "Gamma");
}

TEST_F(TaxonomyRules, RecordsCategoryLabelRuleAndMatchedWords) {
  const Taxonomy::Classification c = taxonomy().Classify("Elaborar el PRESUPUESTO anual");
  EXPECT_EQ(c.category, "alfa");
  EXPECT_EQ(c.label, "Alfa");
  EXPECT_EQ(c.rule, "a.presupuesto");
  EXPECT_EQ(c.evidence, Evidence::kActivityText);
  EXPECT_EQ(c.matched, "presupuesto");
}

TEST_F(TaxonomyRules, TextIsFoldedAndPatternsKeepÑ) {
  EXPECT_EQ(taxonomy().Classify("Diseño del AÑO").rule, "g.año");
  EXPECT_EQ(taxonomy().Classify("Presupuésto").rule, "a.presupuesto");
}

TEST_F(TaxonomyRules, TheMatchThatStartsFirstWins) {
  EXPECT_EQ(taxonomy().Classify("presupuesto para los partidos").category, "alfa");
  EXPECT_EQ(taxonomy().Classify("partidos y su presupuesto").category, "beta");
}

TEST_F(TaxonomyRules, AtTheSamePlaceTheLongestMatchWins) {
  const Taxonomy::Classification c = taxonomy().Classify("Presupuesto de los partidos 2024");
  EXPECT_EQ(c.rule, "b.presupuesto_partidos");
  EXPECT_EQ(c.matched, "presupuesto de los partidos");
}

TEST_F(TaxonomyRules, AtAFullTieTheRuleWrittenFirstWins) {
  EXPECT_EQ(taxonomy().Classify("un empate").rule, "a.empate");
}

TEST_F(TaxonomyRules, HigherPriorityWinsWhereverItStands) {
  EXPECT_EQ(taxonomy().Classify("presupuesto del PREP").rule, "g.prep");
}

TEST_F(TaxonomyRules, WeakRulesCountOnlyWhenNothingElseMatches) {
  EXPECT_EQ(taxonomy().Classify("informe al INE").rule, "g.ine");
  EXPECT_EQ(taxonomy().Classify("informar al INE sobre los partidos").rule, "b.partidos");
}

TEST_F(TaxonomyRules, ScopeLimitsWhereARuleLooks) {
  EXPECT_EQ(taxonomy().Classify("apoyo a la unidad alfa").evidence, Evidence::kNone);
  EXPECT_EQ(taxonomy().Classify("tarea", "solo en el texto").evidence, Evidence::kNone);
  EXPECT_EQ(taxonomy().Classify("solo en el texto", "Unidad Alfa").rule, "b.texto");
}

TEST_F(TaxonomyRules, SectionsDecideOnlyWhenTheTextMatchesNothing) {
  Taxonomy::Classification c = taxonomy().Classify("Atender requerimientos", "Unidad Alfa");
  EXPECT_EQ(c.rule, "a.area");
  EXPECT_EQ(c.evidence, Evidence::kSection);
  EXPECT_EQ(c.matched, "unidad alfa");

  c = taxonomy().Classify("Revisar los partidos", "Unidad Alfa");
  EXPECT_EQ(c.category, "beta");
  EXPECT_EQ(c.evidence, Evidence::kActivityText);
}

TEST_F(TaxonomyRules, TheInnermostSectionThatMatchesDecides) {
  EXPECT_EQ(taxonomy().Classify("Atender", "Unidad Alfa\nPartidos\nSubproyecto sin pistas").rule,
            "b.partidos");
  EXPECT_EQ(taxonomy().Classify("Atender", "Partidos\nUnidad Alfa").rule, "a.area");
}

TEST_F(TaxonomyRules, NothingMatchesMeansSinClasificar) {
  const Taxonomy::Classification c = taxonomy().Classify("Convocar a sesiones", "Presidencia");
  EXPECT_EQ(c.category, Taxonomy::kUnclassified);
  EXPECT_EQ(c.label, "Sin clasificar");
  EXPECT_TRUE(c.rule.empty());
  EXPECT_TRUE(c.matched.empty());
  EXPECT_EQ(c.evidence, Evidence::kNone);
  EXPECT_STREQ(Taxonomy::ToString(c.evidence), "none");
  EXPECT_EQ(taxonomy().Classify("").evidence, Evidence::kNone);
}

TEST_F(TaxonomyRules, SharedBetweenThreads) {
  const std::vector<std::string> texts = {"presupuesto de partidos", "informe al INE",
                                          "presupuesto del PREP", "nada"};
  std::vector<std::string> expected;
  for (const std::string& text : texts) expected.push_back(taxonomy().Classify(text).rule);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          if (taxonomy().Classify(texts[i]).rule != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST_F(TaxonomyDataDir, RulesTooManyForOneAutomatonAreEachTried) {
  // 3,000 rules, more than the automaton that finds the matching ones has memory for.
  std::string rules;
  for (int i = 0; i < 3000; ++i) {
    const std::string n = std::to_string(i);
    rules += "alfa\ta.r" + n + "\tboth\t1\tpalabra" + n + " (uno|dos|tres|cuatro)\n";
  }
  rules += "gamma\tg.fin\tboth\t2\tultima regla\n";
  WriteTaxonomy(rules);
  const Taxonomy taxonomy = MustLoad();
  EXPECT_EQ(taxonomy.Classify("Palabra2999 TRES").rule, "a.r2999");
  EXPECT_EQ(taxonomy.Classify("palabra17 dos y la última regla").rule, "g.fin");
  EXPECT_EQ(taxonomy.Classify("palabra17 cinco").rule, "");
}

// --- What Load rejects -------------------------------------------------------------------------

using TaxonomyLoad = TaxonomyDataDir;

TEST_F(TaxonomyLoad, BadPatternNamesFileAndLine) {
  WriteTaxonomy("alfa\ta.ok\tboth\t1\tpresupuesto\nbeta\tb.bad\tboth\t1\tprep (\n");
  const std::string error = LoadError();
  EXPECT_NE(error.find("taxonomy.tsv:4:"), std::string::npos) << error;
  EXPECT_NE(error.find("bad pattern 'prep ('"), std::string::npos) << error;
}

TEST_F(TaxonomyLoad, RuleErrorsNameFileAndLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"alfa\ta.1\tboth\t1\tx\ndelta\td.1\tboth\t1\ty\n", "unknown category 'delta'"},
      {"alfa\ta.1\tboth\t1\tx\nbeta\ta.1\tboth\t1\ty\n", "rule id 'a.1' appears twice"},
      {"alfa\ta.1\tboth\t1\tx\nbeta\tb.1\tarea\t1\ty\n", "unknown scope 'area'"},
      {"alfa\ta.1\tboth\t1\tx\nbeta\tb.1\tboth\talta\ty\n", "priority 'alta'"},
      {"alfa\ta.1\tboth\t1\tx\nbeta\tb.1\tboth\t-1\ty\n", "priority '-1'"},
      {"alfa\ta.1\tboth\t1\tx\nbeta\tb.1\tboth\t1\torganización\n", "holds 'ó'"},
      {"alfa\ta.1\tboth\t1\tx\nbeta\t\tboth\t1\ty\n", "empty 'rule'"},
      {"alfa\ta.1\tboth\t1\tx\nbeta\tb.1\tboth\t1\n", "expected 5 tab-separated fields"},
  };
  for (const auto& [rules, what] : cases) {
    WriteTaxonomy(rules);
    const std::string error = LoadError();
    EXPECT_NE(error.find("taxonomy.tsv:4:"), std::string::npos) << error;
    EXPECT_NE(error.find(what), std::string::npos) << error;
  }
}

TEST_F(TaxonomyLoad, CategoryErrorsNameFileAndLine) {
  WriteTaxonomy("alfa\ta.1\tboth\t1\tx\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"alfa\tAlfa\nalfa\tOtra\n", "'alfa' appears twice"},
      {"alfa\tAlfa\nsin_clasificar\tSin clasificar\n", "reserved"},
      {"alfa\tAlfa\nBeta Gamma\tBeta\n", "not a slug"},
      {"alfa\tAlfa\nbeta\t\n", "has no label"},
  };
  for (const auto& [categories, what] : cases) {
    Write("taxonomy_categories.tsv", "category\tlabel\n" + categories);
    const std::string error = LoadError();
    EXPECT_NE(error.find("taxonomy_categories.tsv:3:"), std::string::npos) << error;
    EXPECT_NE(error.find(what), std::string::npos) << error;
  }
}

TEST_F(TaxonomyLoad, MissingFileIsAnIoErrorNamingIt) {
  WriteTaxonomy("alfa\ta.1\tboth\t1\tx\n");
  fs::remove(dir_ / "taxonomy.tsv");
  const Result<Taxonomy> taxonomy = Taxonomy::Load(dir_);
  ASSERT_FALSE(taxonomy.ok());
  EXPECT_EQ(taxonomy.status().code(), Status::Code::kIoError);
  EXPECT_NE(taxonomy.status().message().find("taxonomy.tsv"), std::string::npos);
}

// --- The taxonomy in data/ over the seed work plans --------------------------------------------

const Taxonomy& DataTaxonomy() {
  static const Taxonomy* taxonomy = [] {
    Result<Taxonomy> loaded = Taxonomy::Load(OPLEX_DEFAULT_DATA_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? new Taxonomy(std::move(loaded).value()) : nullptr;
  }();
  return *taxonomy;
}

const Extraction& Sample(const std::string& name) {
  static std::map<std::string, Extraction> samples;
  auto it = samples.find(name);
  if (it == samples.end()) {
    it = samples.emplace(name, testing::MustProcess(std::string(OPLEX_SAMPLES_DIR) + "/" + name))
             .first;
  }
  return it->second;
}

constexpr const char* kAgs = "ags-iee-plan-anual-2023.txt";
constexpr const char* kIeem = "mex-ieem-programa-anual-2024.txt";
constexpr const char* kBcs = "bcs-ieebcs-deoe-pat-2024.txt";

TEST(TaxonomyData, TheIssuesSixteenCategories) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"organizacion_electoral", "Organización electoral"},
      {"capacitacion_educacion_civica", "Capacitación y educación cívica"},
      {"participacion_ciudadana", "Participación ciudadana"},
      {"prep_computos", "PREP y cómputos"},
      {"partidos_prerrogativas", "Partidos políticos y prerrogativas"},
      {"fiscalizacion", "Fiscalización"},
      {"juridico_contencioso", "Jurídico y contencioso"},
      {"transparencia_datos_personales", "Transparencia y datos personales"},
      {"archivo", "Archivo"},
      {"administracion_finanzas", "Administración y finanzas"},
      {"recursos_humanos_spen", "Recursos humanos y SPEN"},
      {"informatica", "Informática"},
      {"comunicacion_social", "Comunicación social"},
      {"igualdad_genero", "Igualdad de género y no violencia"},
      {"vinculacion_ine", "Vinculación con el INE"},
      {"planeacion_evaluacion", "Planeación y evaluación"},
  };
  std::vector<std::pair<std::string, std::string>> loaded;
  for (const Taxonomy::Category& c : DataTaxonomy().categories()) {
    loaded.emplace_back(c.slug, c.label);
  }
  EXPECT_EQ(loaded, expected);
}

// The issue's target: fewer than 15 % of the activities without a category, in each seed plan and
// overall (measured when written: 8 of 192, 3 of 318 and 1 of 84).
TEST(TaxonomySamples, FewerThan15PercentUnclassified) {
  size_t total = 0;
  size_t unclassified = 0;
  for (const auto& [name, activities] :
       std::vector<std::pair<std::string, size_t>>{{kAgs, 192}, {kIeem, 318}, {kBcs, 84}}) {
    const Extraction& e = Sample(name);
    ASSERT_EQ(e.activities.size(), activities) << name;
    size_t none = 0;
    std::string codes;  // of the unclassified activities, for the failure message
    for (const Activity& a : e.activities) {
      const Taxonomy::Classification c = DataTaxonomy().Classify(a.text, SectionPathText(e, a));
      if (c.evidence == Evidence::kNone) {
        ++none;
        codes += " " + a.code;
        EXPECT_EQ(c.category, Taxonomy::kUnclassified);
      } else {
        EXPECT_FALSE(c.rule.empty()) << a.code;
      }
    }
    EXPECT_LT(100.0 * none / activities, 15.0) << name << ": " << none << " unclassified:" << codes;
    total += activities;
    unclassified += none;
  }
  EXPECT_LT(100.0 * unclassified / total, 15.0) << unclassified << " of " << total;
}

// Activities whose function a person reads off the work plan without hesitation, quoted by code
// and opening words (the BCS plan numbers its two groups of objectives from 1 each).
TEST(TaxonomySamples, HandCheckedActivities) {
  struct Case {
    const char* sample;
    const char* code;
    const char* opening;
    const char* category;
    Evidence evidence = Evidence::kActivityText;
  };
  const std::vector<Case> cases = {
      // The PREP of both institutes, by acronym and by its full name.
      {kAgs, "2.35", "Atender el proceso técnico operativo del PREP", "prep_computos"},
      {kAgs, "2.28", "Realizar el plan de trabajo para la implementación", "prep_computos"},
      {kIeem, "090402", "Implementar el Programa de Resultados Electorales", "prep_computos"},
      {kIeem, "090403", "Implementar el Sistema de Cómputos Municipales", "prep_computos"},
      {kBcs, "7.5", "Remitir el Proyecto de Lineamientos para el desarrollo", "prep_computos"},
      // Requests for public information.
      {kAgs, "1.121", "Contestar la información requerida dentro de las solicitudes",
       "transparencia_datos_personales"},
      {kIeem, "070603", "Atender las solicitudes en materia de acceso a la información",
       "transparencia_datos_personales"},
      {kBcs, "7.1", "Responder dentro de los plazos establecidos las solicitudes",
       "transparencia_datos_personales"},
      // A campaign about political violence against women is gender work, not press work.
      {kIeem, "120302", "Diseñar campaña institucional sobre violencia política",
       "igualdad_genero"},
      // The institute's budget, even when it includes the parties' financing.
      {kIeem, "060201", "Elaborar el anteproyecto anual del presupuesto",
       "administracion_finanzas"},
      {kAgs, "3.11", "Realizar el acuerdo de financiamiento público", "partidos_prerrogativas"},
      {kAgs, "3.7", "Realizar el acuerdo de tope de gastos de precampaña", "fiscalizacion"},
      {kIeem, "051101", "Revisar ingresos y gastos empleados", "fiscalizacion"},
      {kAgs, "1.84", "Coadyuvar en la instrucción y tramitación de los medios de impugnación",
       "juridico_contencioso"},
      {kAgs, "2.17", "Apoyar en la ubicación de las casillas", "organizacion_electoral"},
      {kBcs, "10.3", "Dar seguimiento al conteo, sellado y agrupamiento de boletas",
       "organizacion_electoral"},
      {kIeem, "041001", "Dar seguimiento al proceso de reclutamiento, selección y contratación",
       "capacitacion_educacion_civica"},
      {kAgs, "1.70", "Realizar los concursos de dibujo", "capacitacion_educacion_civica"},
      {kIeem, "030106", "Coordinar la recepción de solicitudes de acreditación",
       "participacion_ciudadana"},
      {kIeem, "010803", "Administrar el Sistema de Gestión Documental", "archivo"},
      {kBcs, "2.3", "Realizar la evaluación del desempeño a las y los MSPEN",
       "recursos_humanos_spen"},
      {kIeem, "090201", "Brindar servicio de soporte técnico", "informatica"},
      {kAgs, "1.118", "Organizar y realizar ruedas de prensa", "comunicacion_social"},
      {kBcs, "1.1", "Dar cumplimiento a las actividades asignadas a la DEOE, en el Convenio",
       "vinculacion_ine"},
      {kBcs, "9.1", "Presentar el proyecto de Programa Anual de Trabajo", "planeacion_evaluacion"},
      // Nothing in the text; its area says it.
      {kAgs, "1.123", "Analizar, desarrollar realizar el soporte", "informatica",
       Evidence::kSection},
      {kIeem, "120106", "Implementar acciones en materia de igualdad", "igualdad_genero",
       Evidence::kSection},
  };
  for (const Case& c : cases) {
    const Extraction& e = Sample(c.sample);
    std::vector<const Activity*> found;
    for (const Activity& a : e.activities) {
      if (a.code == c.code && a.text.starts_with(c.opening)) found.push_back(&a);
    }
    ASSERT_EQ(found.size(), 1u) << c.sample << " " << c.code;
    const Taxonomy::Classification got =
        DataTaxonomy().Classify(found[0]->text, SectionPathText(e, *found[0]));
    EXPECT_EQ(got.category, c.category)
        << c.sample << " " << c.code << ": rule " << got.rule << " matched '" << got.matched << "'";
    EXPECT_EQ(got.evidence, c.evidence) << c.sample << " " << c.code;
  }
}

TEST(TaxonomySamples, SectionPathIsOutermostFirst) {
  const Extraction& e = Sample(kIeem);
  const auto a = std::find_if(e.activities.begin(), e.activities.end(),
                              [](const Activity& a) { return a.code == "110101"; });
  ASSERT_NE(a, e.activities.end());
  // Subprogram, area, project.
  const std::string path = SectionPathText(e, *a);
  EXPECT_EQ(std::count(path.begin(), path.end(), '\n'), 2) << path;
  EXPECT_LT(path.find("Unidad de Transparencia"), path.find("Obligaciones, procesos")) << path;
}

}  // namespace
}  // namespace oplex
