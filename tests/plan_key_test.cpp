// Which documents are editions of one plan (models/plan_key.h), on the titles the seed documents
// of data/ are stored with as text export, born-digital PDF and scan (read from a database of
// them by hand), and on titles of distinct plans of one institute and year.
#include "models/plan_key.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace oplex {
namespace {

// How many plans `editions` make.
size_t PlanCount(const std::vector<PlanEdition>& editions) {
  const std::vector<std::string> titles = PlanTitles(editions);
  return std::set<std::string>(titles.begin(), titles.end()).size();
}

TEST(PlanKey, TitleWordsFoldAccentsCasePunctuationAndSpaces) {
  EXPECT_EQ(TitleWords("PROGRAMA ANUAL  DE TRABAJO de la Dirección, 2024."),
            (std::vector<std::string>{"programa", "anual", "de", "trabajo", "de", "la", "direccion",
                                      "2024"}));
  EXPECT_EQ(TitleWords("AÑO 2024 — ﬁscalización"),
            (std::vector<std::string>{"año", "2024", "fiscalizacion"}));
  EXPECT_TRUE(TitleWords(" .,; ").empty());
}

// An edition without a title (pages from the middle of a plan) is the one plan of its group;
// with two plans in the group, it cannot tell which and stays its own, as it does when its period
// differs from the plan's.
TEST(PlanKey, AnUntitledEditionIsTheOnePlanOfItsGroup) {
  const std::vector<PlanEdition> scan = {{"Plan Anual de Trabajo 2023", "2023"},
                                         {"", std::nullopt}};
  EXPECT_EQ(PlanTitles(scan),
            (std::vector<std::string>{"plan anual de trabajo 2023", "plan anual de trabajo 2023"}));
  EXPECT_EQ(PlanCount({{"Programa de la Dirección de Organización", std::nullopt},
                       {"Programa de la Unidad de Transparencia", std::nullopt},
                       {"", std::nullopt}}),
            3u);
  EXPECT_EQ(PlanCount({{"Informe de indicadores", "2024-Q1"}, {"", "2024-Q2"}}), 2u);
}

TEST(PlanKey, TheSameTitleWrittenDifferentlyIsOnePlan) {
  EXPECT_EQ(PlanCount({{"Plan Anual de Trabajo 2023", "2023"},
                       {"PLAN ANUAL DE TRABAJO, 2023.", "2023"},
                       {"Plan  anual de trabajo 2023", std::nullopt}}),
            1u);
}

// The titles of data/samples/*.txt, data/pdf/*.pdf and data/scans/ieem-2024-numeric-300dpi.pdf as
// oplex stores them: the text export's title runs on into the heading or the PDF's stops at a line
// break, and OCR reads the institute's name under the IEEM plan's title.
TEST(PlanKey, TheSeedsAsTextPdfAndScanAreOnePlanEach) {
  const std::vector<PlanEdition> durango = {
      {"INSTITUTO ELECTORAL Y DE PARTICIPACIÓN CIUDADANA DEL ESTADO DE DURANGO Indicadores de "
       "Resultados Del 01 de Enero al 31 de Marzo 2024",
       "2024-Q1"},
      {"Indicadores de Resultados", "2024-Q1"}};
  EXPECT_EQ(PlanCount(durango), 1u);
  const std::vector<std::string> titles = PlanTitles(durango);
  EXPECT_EQ(titles[0],
            "instituto electoral y de participacion ciudadana del estado de durango indicadores de "
            "resultados del 01 de enero al 31 de marzo 2024");

  EXPECT_EQ(PlanCount({{"PRIMER INFORME DE ACTIVIDADES QUE RINDE EL COMITÉ TÉCNICO ASESOR DEL "
                        "PROGRAMA DE RESULTADOS ELECTORALES PRELIMINARES, PARA EL PROCESO "
                        "ELECTORAL LOCAL 2023-2024, EN AGUASCALIENTES.",
                        std::nullopt},
                       {"PRIMER INFORME DE ACTIVIDADES QUE RINDE EL", std::nullopt}}),
            1u);
  EXPECT_EQ(PlanCount({{"Programa Anual de Actividades 2024", "2024"},
                       {"Programa Anual de Actividades 2024", "2024"},
                       {"Programa Anual de Actividades 2024 INSTITUTO ELECTORAL DEL ESTADO DE "
                        "MÉXICO",
                        "2024"}}),
            1u);
}

TEST(PlanKey, DistinctPlansOfOneInstituteAndYearStayApart) {
  // Two directorates' plans of one year: neither title holds the other.
  EXPECT_EQ(PlanCount({{"PROGRAMA ANUAL DE TRABAJO DE LA DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN "
                        "ELECTORAL PARA EL EJERCICIO 2024",
                        "2024"},
                       {"PROGRAMA ANUAL DE TRABAJO DE LA UNIDAD TÉCNICA DE TRANSPARENCIA PARA EL "
                        "EJERCICIO 2024",
                        "2024"}}),
            2u);
  // The same title for two quarters.
  EXPECT_EQ(PlanCount({{"Informe trimestral de actividades", "2024-Q1"},
                       {"Informe trimestral de actividades", "2024-Q2"}}),
            2u);
  // Two words held by another title are too few to tell.
  EXPECT_EQ(PlanCount({{"Informe anual", std::nullopt},
                       {"Informe anual de la Comisión de Organización", std::nullopt}}),
            2u);
  // A title held by two plans' titles joins neither: it cannot tell which it is part of.
  EXPECT_EQ(
      PlanCount({{"Programa Anual de Trabajo", std::nullopt},
                 {"Programa Anual de Trabajo de la Unidad de Transparencia", std::nullopt},
                 {"Programa Anual de Trabajo de la Dirección de Organización", std::nullopt}}),
      3u);
}

TEST(PlanKey, APlansTitleDoesNotDependOnTheOrderOfItsEditions) {
  std::vector<PlanEdition> editions = {
      {"Indicadores de Resultados", "2024-Q1"},
      {"IEPC Durango: Indicadores de Resultados, primer trimestre", "2024-Q1"},
      {"Programa Anual de Trabajo 2024", "2024"},
      {"PROGRAMA ANUAL DE TRABAJO 2024", "2024"}};
  const std::vector<std::string> first = PlanTitles(editions);
  EXPECT_EQ(first[0], "iepc durango indicadores de resultados primer trimestre");
  EXPECT_EQ(first[2], "programa anual de trabajo 2024");
  std::reverse(editions.begin(), editions.end());
  std::vector<std::string> reversed = PlanTitles(editions);
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(reversed, first);
}

}  // namespace
}  // namespace oplex
