// Activities of published plans (data/real, copied from the public documents they name), read
// end to end through the document pipeline and checked against what a person reads on the page
// (the values are those of /work/shared/realdocs/<stem>.truth.json, each read off the page):
//   - cpc_programa_trabajo_2021_22: a Word table (Proyecto | Acción | Producto o evidencia |
//     Cantidad o porcentaje) whose rows print no number and no schedule;
//   - tecdmx_poa_fichas_2020: metas with their months in two rows of six and a TOTAL ANUAL row,
//     and numbered acciones continued on the next page without their header; the unruled META
//     PRINCIPAL tables, one whose header stands alone at the foot of p.3 over its row on p.4,
//     one broken over pp.21-22;
//   - itse_pada_2023: a cronograma of shaded months whose activities are numbered "1.-";
//   - itsch_capacitacion_2020: a scanned, sideways training programme whose months are written
//     as periods and dates ("Febrero- junio de 2020", "6 y 7 de agosto de 2020");
//   - itsch_u079_segundo_informe_2025: a scanned equipment table whose header labels OCR sets off
//     their columns, with codes that repeat (1.1.1, 1.1.2 …) and no schedule.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/process_file.h"

namespace oplex {
namespace {

using testing::ReadReal;

const Activity* ByText(const Extraction& e, const std::string& opening) {
  for (const Activity& a : e.activities) {
    if (a.text.rfind(opening, 0) == 0) return &a;
  }
  return nullptr;
}

const Activity* ByCode(const Extraction& e, const std::string& code) {
  for (const Activity& a : e.activities) {
    if (a.code_printed && a.code == code) return &a;
  }
  return nullptr;
}

uint16_t Bits(std::initializer_list<int> months) {
  uint16_t bits = 0;
  for (int m : months) bits |= static_cast<uint16_t>(1u << (m - 1));
  return bits;
}

TEST(RealPlans, CpcRowsWithoutNumbersOrScheduleAreActivitiesByPosition) {
  const Extraction& e = ReadReal("cpc_programa_trabajo_2021_22");
  EXPECT_EQ(e.activities.size(), 27u);
  const Activity* first = ByText(e, "Entrevistas en medios tradicionales");
  ASSERT_NE(first, nullptr);
  EXPECT_FALSE(first->code_printed);
  EXPECT_EQ(first->code, "1");
  ASSERT_TRUE(first->annual && first->annual->value);
  EXPECT_EQ(*first->annual->value, 12);
  EXPECT_EQ(first->annual->raw, "12 (Por lo menos una al mes)");
  EXPECT_FALSE(first->months.known());  // the document shows no schedule
  // A row broken over the page break (p.3 to p.4) is one activity.
  const Activity* second = ByText(e, "Generación de contenidos referentes");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->text, "Generación de contenidos referentes a la PEA para las redes sociales");
  // The last row's text goes on at the top of p.7, where no rule draws its cell.
  const Activity* last = ByText(e, "Diseño del programa de capacitación");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->text,
            "Diseño del programa de capacitación para la obtención del estándar de competencia "
            "Derechos Humanos y Combate a la Corrupción, destinado a servidores públicos, bajo las "
            "directrices emitidas por la ONU");
  // The only number of a quantity written as a sentence.
  const Activity* integrity = ByText(e, "Número de implementaciones de sistemas de integridad");
  ASSERT_NE(integrity, nullptr);
  ASSERT_TRUE(integrity->annual && integrity->annual->value);
  EXPECT_EQ(*integrity->annual->value, 25);
}

// The "Producto o evidencia" cells list their items one per line, centred, some wrapped over
// two lines ("Testigo digital de la" over "entrevista"); in the narrower column of p.5-6 every
// line fills the cell ("Fotografías" over "Materiales" over "producidos").
TEST(RealPlans, CpcEvidenceItemsOnePerLineAreDeliverablesOfTheirOwn) {
  const Extraction& e = ReadReal("cpc_programa_trabajo_2021_22");
  auto deliverables = [&](const std::string& opening) {
    std::vector<std::string> texts;
    const Activity* a = ByText(e, opening);
    if (a == nullptr) return texts;
    for (const Deliverable& d : e.deliverables) {
      if (d.activity && *d.activity == static_cast<size_t>(a - e.activities.data())) {
        texts.push_back(d.text);
      }
    }
    return texts;
  };
  EXPECT_EQ(deliverables("Entrevistas en medios tradicionales"),
            (std::vector<std::string>{"Testigo digital de la entrevista", "Fotografías",
                                      "Capturas de pantalla", "Medios impresos"}));
  // A name goes on over the break ("… instancias del Comité" over "Coordinador"), an acronym
  // closes one ("… por parte del CONOCER" over "Publicación …").
  EXPECT_EQ(deliverables("Mecanismo digital de denuncia ciudadana"),
            (std::vector<std::string>{"Formulario digital para la presentación de la denuncia",
                                      "Botón digital accesible desde la página web de cada una de "
                                      "las instancias del Comité Coordinador"}));
  EXPECT_EQ(deliverables("Diseño del Estándar de competencia"),
            (std::vector<std::string>{"Aprobación del estándar por parte del CONOCER",
                                      "Publicación en el Diario Oficial de la Federación"}));
  EXPECT_EQ(deliverables("Nueva aplicación del ICIFIEP"),
            (std::vector<std::string>{"Programa de aplicaciones", "Informes de aplicación",
                                      "Fotografías"}));
}

// Each month of an activity planned at 1, twelve in all.
void ExpectOneEachMonth(const Activity& a) {
  EXPECT_EQ(a.months.bits(), 0x0FFF);
  ASSERT_EQ(a.month_values.size(), 12u);
  for (const MonthValue& v : a.month_values) {
    ASSERT_TRUE(v.planned && v.planned->value) << v.month;
    EXPECT_EQ(*v.planned->value, 1) << v.month;
  }
  ASSERT_TRUE(a.annual && a.annual->value);
  EXPECT_EQ(*a.annual->value, 12);  // TOTAL ANUAL, the sum of its months
}

TEST(RealPlans, TecdmxMetasInTwoRowsOfSixMonthsWithTheirAnnualTotal) {
  const Extraction& e = ReadReal("tecdmx_poa_fichas_2020");
  const Activity* jel = ByText(e, "JEL");
  ASSERT_NE(jel, nullptr);
  EXPECT_EQ(jel->unit.value_or(""), "%Determinaciones Jurisdiccionales");
  ExpectOneEachMonth(*jel);
}

// Each of the two fichas opens with "Identificación de Responsables": "Unidad Re / sponsable / :"
// | "01 - Pleno" (p.1 and p.19), then "Responsa / ble / Operativo:" | a ponencia. The metas and
// acciones under them print no responsible of their own.
TEST(RealPlans, TecdmxFichaNamesTheResponsibleUnitOfItsRecords) {
  const Extraction& e = ReadReal("tecdmx_poa_fichas_2020");
  ASSERT_EQ(e.activities.size(), 34u);
  for (const Activity& a : e.activities) EXPECT_EQ(a.responsible, "01 - Pleno") << a.text;
}

TEST(RealPlans, TecdmxUnruledMetaPrincipalTablesOverThePageBreak) {
  // p.3 ends with the header "META PRINCIPAL / Denominación de la Meta | UM | EN FE MA AB MA JU"
  // (no rules, the month letters about a font size apart); p.4 opens with its one row: "Asuntos
  // resueltos …" over eleven lines, 1 under every month, TOTAL ANUAL 12. Its unit, "Asunt" over
  // "o", is read as two words (nothing on the page tells a word broken at the column's edge from
  // two words), which units.tsv joins: "Asunto". p.21 prints the header and "Elaboración de /
  // proyectos para" (1 from January to June); p.22 goes on with "su discusión en / Sesión /
  // Plenaria.", the labels of July to December over two lines ("JU" over "L") and 1 under each;
  // its unit "porce / ntajes" is "porcentajes".
  const Extraction& e = ReadReal("tecdmx_poa_fichas_2020");
  struct Meta {
    std::string opening, text, unit;
  };
  const std::vector<Meta> metas = {
      {"Asuntos resueltos",
       "Asuntos resueltos por el Pleno en materia de medios de impugnación, controversias y "
       "procedimientos especiales sancionadores en sesión.",
       "Asunto"},
      {"Elaboración de proyectos para",
       "Elaboración de proyectos para su discusión en Sesión Plenaria.", "porcentajes"},
  };
  for (const Meta& want : metas) {
    const Activity* meta = ByText(e, want.opening);
    ASSERT_NE(meta, nullptr) << want.opening;
    EXPECT_EQ(meta->text, want.text);
    EXPECT_EQ(meta->unit, want.unit);
    ExpectOneEachMonth(*meta);
  }
}

TEST(RealPlans, TecdmxIndicatorHeaderBrokenOverTwoRowsStillLabelsUnitAndTarget) {
  // Page 8's indicator table prints "Unid ad de m / edid a" and "Met a del / Indi cador" over
  // narrow columns; its first row, "Porcentaje de avance de JLT", has the unit
  // "%Determinaciones Jurisdiccionales" and the target "11.11" (p. 9).
  const Extraction& e = ReadReal("tecdmx_poa_fichas_2020");
  const Indicator* jlt = nullptr;
  for (const Indicator& i : e.indicators) {
    if (i.name == "Porcentaje de avance de JLT" && i.provenance.page == 9) jlt = &i;
  }
  ASSERT_NE(jlt, nullptr);
  EXPECT_EQ(jlt->unit.value_or(""), "%Determinaciones Jurisdiccionales");
  ASSERT_TRUE(jlt->target);
  EXPECT_EQ(jlt->target->raw, "11.11");
}

TEST(RealPlans, TecdmxAccionesGoOnOverThePageWithoutTheirHeader) {
  const Extraction& e = ReadReal("tecdmx_poa_fichas_2020");
  const Activity* third = ByCode(e, "3");
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(third->text,
            "Ejercer la función jurisdiccional aplicando la potestad de emitir resoluciones y "
            "determinaciones.");
  const Activity* eighth = ByCode(e, "8");
  ASSERT_NE(eighth, nullptr);
  EXPECT_EQ(eighth->text.rfind("Realizar Reuniones Privadas", 0), 0u);
  EXPECT_EQ(eighth->provenance.page, 16);
}

TEST(RealPlans, PadaCronogramaOfShadedMonths) {
  const Extraction& e = ReadReal("itse_pada_2023");
  const Activity* first = ByCode(e, "1");
  const Activity* second = ByCode(e, "2");
  const Activity* fourth = ByCode(e, "4");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ASSERT_NE(fourth, nullptr);
  EXPECT_EQ(first->months.bits(), Bits({1}));
  EXPECT_EQ(second->months.bits(), Bits({2, 3, 10, 11}));
  EXPECT_EQ(fourth->text, "Realizar Transferencias primarias.");
  EXPECT_EQ(fourth->months_source, MonthsSource::kGrid);
  // The last one ends with its cell: the signature block opening p.19 (Elaboró, Vo. Bo., the
  // names under them), laid in two columns under the cronograma of p.18, is no part of it.
  const Activity* fifth = ByCode(e, "5");
  ASSERT_NE(fifth, nullptr);
  EXPECT_EQ(fifth->text,
            "Tratamiento documental que se proporciona para conservar los expedientes bajo "
            "resguardo en óptimas condiciones.");
  EXPECT_EQ(fifth->months.bits(), Bits({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
}

const MonthValue* CalendarMonth(const Activity& a, int year, int month) {
  for (const MonthValue& v : a.month_values) {
    if (v.year == year && v.month == month) return &v;
  }
  return nullptr;
}

TEST(RealPlans, CapacitacionMonthsFromWrittenPeriodsAndDates) {
  const Extraction& e = ReadReal("itsch_capacitacion_2020");
  EXPECT_EQ(e.activities.size(), 13u);
  const Activity* lab = ByCode(e, "5");  // "Febrero- junio de 2020"
  ASSERT_NE(lab, nullptr);
  EXPECT_EQ(lab->months.bits(), Bits({2, 3, 4, 5, 6}));
  EXPECT_EQ(lab->months_source, MonthsSource::kDates);
  const Activity* conflicts = ByCode(e, "9");  // "6 y 7 de agosto de 2020"
  ASSERT_NE(conflicts, nullptr);
  EXPECT_EQ(conflicts->months.bits(), Bits({8}));
  EXPECT_EQ(conflicts->start_date.value_or(""), "2020-08-06");
  EXPECT_EQ(conflicts->end_date.value_or(""), "2020-08-07");
  // Course 1 is dated 21/01/2019 in the 2020 programme: no month of 2020, January of 2019.
  const Activity* fiscal = ByCode(e, "1");
  ASSERT_NE(fiscal, nullptr);
  EXPECT_EQ(fiscal->months.bits(), 0);
  EXPECT_TRUE(fiscal->months.known());
  const MonthValue* january_2019 = CalendarMonth(*fiscal, 2019, 1);
  ASSERT_NE(january_2019, nullptr);
  EXPECT_TRUE(january_2019->marked);
}

TEST(RealPlans, U079EquipmentRowsWithRepeatedCodes) {
  const Extraction& e = ReadReal("itsch_u079_segundo_informe_2025");
  // Page 1 holds 11 of the 13 actions, page 2 the other two.
  int codes_112 = 0;
  for (const Activity& a : e.activities) codes_112 += a.code == "1.1.2" ? 1 : 0;
  EXPECT_EQ(codes_112, 4);  // 1.1.2 is printed on four rows of page 1
  const Activity* server = ByText(e, "Servidor para rack con procesador");
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->code, "1.1.1");
  ASSERT_TRUE(server->annual && server->annual->value);
  EXPECT_EQ(*server->annual->value, 1);  // Cantidad requerida
  EXPECT_FALSE(server->months.known());  // the report shows no schedule
}

// Every "Unidad de medida" cell of the equipment table prints "pieza"; OCR reads some of them
// "pleza" or "peza". Those are stored as "pieza", each with a finding that keeps the reading.
TEST(RealPlans, U079UnitsOcrMisreadAreMendedWithAFinding) {
  const Extraction& e = ReadReal("itsch_u079_segundo_informe_2025");
  const Activity* server = ByText(e, "Servidor para rack con procesador");
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->unit, "pieza");
  int pieza = 0, mended = 0;
  for (const Activity& a : e.activities) pieza += a.unit == "pieza" ? 1 : 0;
  for (const Finding& f : e.findings) {
    if (f.code != "unit_misread") continue;
    ++mended;
    ASSERT_TRUE(f.activity.has_value());
    EXPECT_EQ(e.activities[*f.activity].unit, "pieza");
    EXPECT_TRUE(f.raw_text == "pleza" || f.raw_text == "peza") << f.raw_text;
  }
  EXPECT_GE(pieza, 10);  // of 13; one cell OCR reads "pera", two edits away, and stays so
  EXPECT_GE(mended, 5);
}

TEST(RealPlans, U079FaintPageTableBrokenIntoPiecesIsReadWhole) {
  // Page 2 goes on with the equipment table; its faint rules break it into eight pieces side by
  // side. Its first row: action 1.1.3, "Cleaver, cortadora de presicion para fibra optica…",
  // Cantidad requerida 1.
  const Extraction& e = ReadReal("itsch_u079_segundo_informe_2025");
  const Activity* cleaver = nullptr;
  for (const Activity& a : e.activities) {
    if (a.provenance.page == 2 && a.text.find("cortadora de presicion") != std::string::npos) {
      cleaver = &a;
    }
  }
  ASSERT_NE(cleaver, nullptr);
  EXPECT_EQ(cleaver->code, "1.1.3");
  ASSERT_TRUE(cleaver->annual && cleaver->annual->value);
  EXPECT_EQ(*cleaver->annual->value, 1);
}

// Page 2's second row prints action 1.1.3 ("Probador De Red Óptica, Reflectómetro…", one
// pieza); OCR loses a dot of its code and reads "1.13", which alone on that page (one other
// code) keeps the shape OCR gave it. The table joined over both pages prints eleven codes of
// three digits, every one as "1.1.x": the row is action 1.1.3, with a finding keeping "1.13".
TEST(RealPlans, U079CodeWithALostDotTakesTheShapeOfTheTablesCodes) {
  const Extraction& e = ReadReal("itsch_u079_segundo_informe_2025");
  const Activity* tester = nullptr;
  for (const Activity& a : e.activities) {
    if (a.provenance.page == 2 && a.text.find("De Tiempo") != std::string::npos) tester = &a;
  }
  ASSERT_NE(tester, nullptr);
  EXPECT_EQ(tester->code, "1.1.3");
  EXPECT_EQ(tester->unit, "pieza");
  int misread = 0;
  for (const Finding& f : e.findings) {
    if (f.code != "code_misread") continue;
    ++misread;
    EXPECT_EQ(f.raw_text, "1.13");
    ASSERT_TRUE(f.activity.has_value());
    EXPECT_EQ(&e.activities[*f.activity], tester);
  }
  EXPECT_EQ(misread, 1);
}

}  // namespace
}  // namespace oplex
