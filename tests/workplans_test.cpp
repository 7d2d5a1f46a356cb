// End to end over the real seed work plans (text exports in data/samples): decode → layout →
// classify → extract → validate. Every expected value below was read off the sample by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "pipeline/normalize/fold.h"
#include "tests/process_file.h"
#include "tools/run/document_pipeline.h"

namespace oplex {
namespace {

Extraction Run(const std::string& name) {
  auto e = testing::ProcessFile(std::string(OPLEX_SAMPLES_DIR) + "/" + name);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return std::move(*e);
}

const Extraction& Ieem() {
  static const Extraction e = Run("mex-ieem-programa-anual-2024.txt");
  return e;
}
const Extraction& Ags() {
  static const Extraction e = Run("ags-iee-plan-anual-2023.txt");
  return e;
}
const Extraction& Bcs() {
  static const Extraction e = Run("bcs-ieebcs-deoe-pat-2024.txt");
  return e;
}

std::vector<const Activity*> WithCode(const Extraction& e, const std::string& code) {
  std::vector<const Activity*> out;
  for (const Activity& a : e.activities) {
    if (a.code == code) out.push_back(&a);
  }
  return out;
}

const Activity& One(const Extraction& e, const std::string& code) {
  auto found = WithCode(e, code);
  EXPECT_EQ(found.size(), 1u) << code;
  static const Activity kNone;
  return found.empty() ? kNone : *found.front();
}

// The nearest section of `kind` at or above the activity's section.
const Section* Ancestor(const Extraction& e, const Activity& a, std::string_view kind) {
  for (auto i = a.section; i; i = e.sections[*i].parent) {
    if (e.sections[*i].kind == kind) return &e.sections[*i];
  }
  return nullptr;
}

std::vector<const Finding*> FindingsFor(const Extraction& e, const std::string& code,
                                        const std::string& finding_code) {
  std::vector<const Finding*> out;
  for (const Finding& f : e.findings) {
    if (f.code == finding_code && f.activity && e.activities[*f.activity].code == code) {
      out.push_back(&f);
    }
  }
  return out;
}

size_t CountFindings(const Extraction& e, const std::string& finding_code) {
  return std::count_if(e.findings.begin(), e.findings.end(),
                       [&](const Finding& f) { return f.code == finding_code; });
}

TEST(IeemWorkPlan, ClassifiedAsIeem2024WorkPlan) {
  EXPECT_EQ(Ieem().document.institute, "IEEM");
  EXPECT_EQ(Ieem().document.year, 2024);
  EXPECT_EQ(Ieem().document.kind, DocumentKind::kWorkPlan);
}

TEST(IeemWorkPlan, Has13Subprograms86Projects318Activities) {
  std::map<std::string, int> kinds;
  for (const Section& s : Ieem().sections) ++kinds[s.kind];
  EXPECT_EQ(kinds["subprograma"], 13);
  EXPECT_EQ(kinds["proyecto"], 86);
  ASSERT_EQ(Ieem().activities.size(), 318u);
  std::set<std::string> codes;
  for (const Activity& a : Ieem().activities) {
    codes.insert(a.code);
    EXPECT_EQ(a.code.size(), 6u) << a.code;
    EXPECT_FALSE(a.text.empty()) << a.code;
    const Section* project = Ancestor(Ieem(), a, "proyecto");
    const Section* subprogram = Ancestor(Ieem(), a, "subprograma");
    ASSERT_NE(project, nullptr) << a.code;
    ASSERT_NE(subprogram, nullptr) << a.code;
    EXPECT_EQ(project->code, a.code.substr(0, 4));
    EXPECT_EQ(subprogram->code, a.code.substr(0, 2));
  }
  EXPECT_EQ(codes.size(), 318u);
}

TEST(IeemWorkPlan, Activity010101QuantitiesMonthsAndBeneficiaries) {
  const Activity& a = One(Ieem(), "010101");
  EXPECT_EQ(a.text,
            "Atender solicitudes de las áreas institucionales y de autoridades externas, para el "
            "adecuado desarrollo de las actividades institucionales.");
  EXPECT_EQ(a.unit, "Solicitud");
  ASSERT_TRUE(a.annual && a.annual->value);
  EXPECT_EQ(*a.annual->value, 4060);
  EXPECT_EQ(a.annual->raw, "4,060");
  const double expected[12] = {260, 330, 580, 600, 600, 400, 180, 200, 250, 360, 180, 120};
  ASSERT_EQ(a.month_values.size(), 12u);
  for (int m = 0; m < 12; ++m) {
    EXPECT_EQ(a.month_values[m].month, m + 1);
    EXPECT_EQ(*a.month_values[m].planned->value, expected[m]) << "month " << m + 1;
  }
  EXPECT_TRUE(a.months.known());
  EXPECT_EQ(a.months.bits(), 0x0FFF);
  ASSERT_EQ(a.beneficiaries.size(), 1u);
  const Beneficiary& b = a.beneficiaries.front();
  EXPECT_EQ(b.kinds_text, "Áreas administrativas del IEEM, INE, Fiscalías, Tribunales.");
  EXPECT_EQ(b.counts_text, "13,1,S/C, S/C");
  ASSERT_EQ(b.counts.size(), 4u);
  EXPECT_EQ(*b.counts[0].value, 13);
  EXPECT_EQ(*b.counts[1].value, 1);
  EXPECT_TRUE(b.counts[2].not_quantified);
  EXPECT_TRUE(b.counts[3].not_quantified);
  EXPECT_EQ(a.provenance.line, 208);
  EXPECT_EQ(a.provenance.last_line, 209);
}

TEST(IeemWorkPlan, CodeFollowedByASpaceIsFound) {
  const Activity& a = One(Ieem(), "100402");
  EXPECT_EQ(a.text.rfind("Ejecutar las acciones necesarias para la operación del Sistema de "
                         "Gestión Documental",
                         0),
            0u);
  EXPECT_EQ(a.annual->raw, "4");
}

TEST(IeemWorkPlan, StatedTotalsAreReadAndAllMatch) {
  std::map<std::pair<StatedTotal::What, std::string>, int64_t> stated;
  for (const StatedTotal& t : Ieem().stated_totals) stated[{t.what, t.scope_code}] = t.value;
  EXPECT_EQ((stated[{StatedTotal::What::kSubprogramas, ""}]), 13);
  EXPECT_EQ((stated[{StatedTotal::What::kProyectos, ""}]), 86);
  EXPECT_EQ((stated[{StatedTotal::What::kActividades, ""}]), 318);
  EXPECT_EQ((stated[{StatedTotal::What::kActividades, "01"}]), 28);
  EXPECT_EQ((stated[{StatedTotal::What::kProyectos, "01"}]), 13);
  EXPECT_EQ((stated[{StatedTotal::What::kActividades, "0101"}]), 3);
  EXPECT_EQ((stated[{StatedTotal::What::kActividades, "13"}]), 22);
  EXPECT_GT(Ieem().stated_totals.size(), 100u);
  EXPECT_EQ(CountFindings(Ieem(), "stated_total_mismatch"), 0u);
}

TEST(IeemWorkPlan, ElevenValuesForTwelveMonthsAreNotShifted) {
  const Activity& a = One(Ieem(), "020101");
  EXPECT_EQ(*a.annual->value, 610);
  EXPECT_FALSE(a.months.known());
  EXPECT_TRUE(a.month_values.empty());
  auto f = FindingsFor(Ieem(), "020101", "months_unplaced");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f.front()->raw_text.find("610\t40\t50\t60\t80\t80\t50\t50\t40\t40\t40\t40"),
            std::string::npos);
}

TEST(IeemWorkPlan, RealInconsistenciesAreFindings) {
  // 100303: annual 1, its monthly cells all 0.
  auto f = FindingsFor(Ieem(), "100303", "months_unplaced");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f.front()->message.find("adding up to 0, the annual quantity is 1"), std::string::npos);
  // 080304: 14 a year, 13 over the months.
  EXPECT_EQ(FindingsFor(Ieem(), "080304", "months_sum_mismatch").size(), 1u);
}

TEST(IeemWorkPlan, DecimalMonthsThatAddUpAreNotFindings) {
  // Line 1309-1310: annual 1 = 11 × 0.08 + 0.12.
  const Activity* decimal = nullptr;
  for (const Activity& a : Ieem().activities) {
    if (a.provenance.line && *a.provenance.line <= 1310 && a.provenance.last_line >= 1310) {
      decimal = &a;
    }
  }
  ASSERT_NE(decimal, nullptr);
  ASSERT_EQ(decimal->month_values.size(), 12u);
  EXPECT_EQ(decimal->month_values[11].planned->raw, "0.12");
  EXPECT_TRUE(FindingsFor(Ieem(), decimal->code, "months_sum_mismatch").empty());
  // The only sum mismatches are the real ones, in whole units (checked by hand).
  std::set<std::string> mismatched;
  for (const Finding& f : Ieem().findings) {
    if (f.code == "months_sum_mismatch") mismatched.insert(Ieem().activities[*f.activity].code);
  }
  EXPECT_EQ(mismatched, (std::set<std::string>{"080304", "080401", "080402"}));
}

TEST(IeemWorkPlan, EstimatedAndListedCounts) {
  const Activity& a = One(Ieem(), "040702");
  ASSERT_EQ(a.beneficiaries.size(), 1u);
  ASSERT_EQ(a.beneficiaries.front().counts.size(), 1u);
  EXPECT_TRUE(a.beneficiaries.front().counts.front().estimated);
  EXPECT_EQ(*a.beneficiaries.front().counts.front().value, 5800);
  const Activity& b = One(Ieem(), "040401");
  ASSERT_EQ(b.beneficiaries.size(), 1u);
  ASSERT_EQ(b.beneficiaries.front().counts.size(), 4u);
  EXPECT_EQ(*b.beneficiaries.front().counts[1].value, 4800);
  EXPECT_EQ(*b.beneficiaries.front().counts[2].value, 1663);
  // Counts glued after the kinds' final period: "… y ciudadanía. 13,1,1,10 S/C".
  const Activity& c = One(Ieem(), "010401");
  ASSERT_EQ(c.beneficiaries.size(), 1u);
  EXPECT_EQ(c.beneficiaries.front().kinds_text.back(), '.');
  EXPECT_EQ(c.beneficiaries.front().counts_text, "13,1,1,10 S/C");
  EXPECT_EQ(c.beneficiaries.front().counts.size(), 5u);
}

TEST(AgsWorkPlan, Has192ActivitiesNumberedWithoutGaps) {
  ASSERT_EQ(Ags().activities.size(), 192u);
  std::set<std::string> codes;
  for (const Activity& a : Ags().activities) codes.insert(a.code);
  for (auto [axis, last] : {std::pair{1, 134}, {2, 44}, {3, 14}}) {
    for (int n = 1; n <= last; ++n) {
      EXPECT_TRUE(codes.count(std::to_string(axis) + "." + std::to_string(n))) << axis << "." << n;
    }
  }
  EXPECT_EQ(CountFindings(Ags(), "numbering_gap"), 0u);
  EXPECT_EQ(Ags().document.institute, "IEE-AGS");
  EXPECT_EQ(Ags().document.year, 2023);
}

TEST(AgsWorkPlan, ActivityTextJoinedAcrossPageBreak) {
  const Activity& a = One(Ags(), "1.40");
  EXPECT_EQ(a.text,
            "Dictaminar si la organización ciudadana cumple con los requisitos establecidos por la "
            "ley y remitir el dictamen de mérito al Consejo General.");
  EXPECT_EQ(a.provenance.page, 15);  // 14 "• • •" page marks precede line 279
}

TEST(AgsWorkPlan, AreaAndAxisOfEachActivity) {
  const Activity& a = One(Ags(), "1.47");
  const Section* area = Ancestor(Ags(), a, "area");
  const Section* axis = Ancestor(Ags(), a, "eje");
  ASSERT_NE(area, nullptr);
  ASSERT_NE(axis, nullptr);
  EXPECT_EQ(Fold(area->title), "direccion administrativa");
  EXPECT_EQ(axis->code, "1");
  for (const Activity& x : Ags().activities) {
    const Section* e = Ancestor(Ags(), x, "eje");
    ASSERT_NE(e, nullptr) << x.code;
    EXPECT_EQ(e->code, x.code.substr(0, 1)) << x.code;
    EXPECT_NE(Ancestor(Ags(), x, "area"), nullptr) << x.code;
  }
}

TEST(AgsWorkPlan, MonthsAreUnknownNotEmpty) {
  for (const Activity& a : Ags().activities) EXPECT_FALSE(a.months.known()) << a.code;
}

TEST(AgsWorkPlan, HeadingsAreNotActivities) {
  for (const Activity& a : Ags().activities) {
    EXPECT_NE(Fold(a.text), "mision") << a.code;
  }
  EXPECT_EQ(One(Ags(), "1.2").text,
            "Tramitar y dar seguimiento a las solicitudes de la información y notificaciones en "
            "materia de vinculación.");
}

TEST(AgsWorkPlan, DeliverablesAttachedToTheirAreasTable) {
  std::vector<std::string> administrative;
  for (const Deliverable& d : Ags().deliverables) {
    if (d.section && Fold(Ags().sections[*d.section].title) == "direccion administrativa") {
      administrative.push_back(d.text);
    }
  }
  EXPECT_EQ(administrative,
            (std::vector<std::string>{"Elaboración del presupuesto para el ejercicio 2024.",
                                      "Adecuaciones al presupuesto inicial 2023.",
                                      "Control de ingresos, egresos y partidas presupuestales "
                                      "autorizadas.",
                                      "Preparación de estados financieros y cuenta pública.",
                                      "Registro y control de requisiciones recibidas."}));
  // A deliverable broken across rows is joined.
  bool joined = false;
  for (const Deliverable& d : Ags().deliverables) {
    joined |= d.text ==
              "Informe de la revisión, actualización o elaboración de la normatividad aplicable "
              "al Instituto.";
  }
  EXPECT_TRUE(joined);
}

TEST(BcsWorkPlan, EveryLineOfActionOfBothGroupsUnderItsObjective) {
  ASSERT_EQ(Bcs().activities.size(), 84u);
  auto ones = WithCode(Bcs(), "1.1");
  ASSERT_EQ(ones.size(), 2u);
  std::set<std::optional<size_t>> groups;
  for (const Activity* a : ones) {
    const Section* objective = Ancestor(Bcs(), *a, "objetivo");
    ASSERT_NE(objective, nullptr);
    EXPECT_EQ(objective->code, "1");
    const Section* group = Ancestor(Bcs(), *a, "grupo");
    ASSERT_NE(group, nullptr);
    groups.insert(objective->parent);
  }
  EXPECT_EQ(groups.size(), 2u);
  EXPECT_EQ(ones[0]->text.rfind("Presentar a la JEE los informes", 0), 0u);
  EXPECT_EQ(ones[1]->text.rfind("Dar cumplimiento a las actividades asignadas a la DEOE", 0), 0u);
  for (const Activity& a : Bcs().activities) {
    const Section* objective = Ancestor(Bcs(), a, "objetivo");
    ASSERT_NE(objective, nullptr) << a.code;
    EXPECT_EQ(objective->code, a.code.substr(0, a.code.find('.'))) << a.code;
    EXPECT_FALSE(a.months.known()) << a.code;
  }
}

TEST(BcsWorkPlan, MissingLineOfActionIsAGapFinding) {
  // Objective 4 of the first group lists 4.1, 4.2 and 4.4.
  auto gaps = FindingsFor(Bcs(), "4.4", "numbering_gap");
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_NE(gaps.front()->message.find("4.2"), std::string::npos);
  EXPECT_EQ(CountFindings(Bcs(), "numbering_gap"), 1u);
  EXPECT_EQ(CountFindings(Bcs(), "row_without_activity"), 0u);
}

}  // namespace
}  // namespace oplex
