#include "pipeline/classify/classifier.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/normalize/fold.h"
#include "pipeline/vocab.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;

// The first `limit` non-empty lines of a sample, tabs turned into spaces: what the pipeline
// hands the classifier.
std::vector<std::string> LeadingLines(const std::string& name, size_t limit = 80) {
  std::ifstream in(fs::path(OPLEX_SAMPLES_DIR) / name);
  EXPECT_TRUE(in) << name;
  std::vector<std::string> lines;
  std::string line;
  while (lines.size() < limit && std::getline(in, line)) {
    for (char& c : line) {
      if (c == '\t' || c == '\r') c = ' ';
    }
    if (line.find_first_not_of(' ') != std::string::npos) lines.push_back(line);
  }
  return lines;
}

class ClassifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Vocabulary> loaded = Vocabulary::Load(OPLEX_DEFAULT_DATA_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    vocab_ = new Vocabulary(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete vocab_;
    vocab_ = nullptr;
  }
  static const Vocabulary& vocab() { return *vocab_; }

  static Classification ClassifySample(const std::string& name) {
    return Classify(LeadingLines(name), name, vocab());
  }

 private:
  static inline Vocabulary* vocab_ = nullptr;
};

// --- Gazetteer and vocabularies -------------------------------------------------------------

TEST_F(ClassifierTest, GazetteerHasEveryStateOnceAndTheIne) {
  const auto& institutes = vocab().institutes();
  ASSERT_EQ(institutes.size(), 33u);
  const std::vector<std::string> expected = {
      "AGS",  "BC",  "BCS", "CAMP", "CHIS", "CHIH",  "CDMX", "COAH", "COL", "DGO", "GTO",
      "GRO",  "HGO", "JAL", "MEX",  "MICH", "MOR",   "NAY",  "NL",   "OAX", "PUE", "QRO",
      "QROO", "SLP", "SIN", "SON",  "TAB",  "TAMPS", "TLAX", "VER",  "YUC", "ZAC", "NAC"};
  std::map<std::string, int> abbreviations;
  std::set<std::string> codes;
  for (const auto& institute : institutes) {
    ++abbreviations[institute.state_abbr];
    EXPECT_TRUE(codes.insert(institute.code).second) << institute.code;
    EXPECT_FALSE(institute.name.empty()) << institute.code;
    EXPECT_EQ(institute.national, institute.state_abbr == "NAC") << institute.code;
  }
  for (const std::string& abbr : expected) EXPECT_EQ(abbreviations[abbr], 1) << abbr;
  EXPECT_EQ(abbreviations.size(), expected.size());
}

TEST_F(ClassifierTest, CodesAreAcronymsSuffixedOnlyWhereAcronymsCollide) {
  std::map<std::string, int> sharing;
  for (const auto& institute : vocab().institutes()) ++sharing[institute.acronym];
  for (const auto& institute : vocab().institutes()) {
    const std::string expected = sharing[institute.acronym] == 1
                                     ? institute.acronym
                                     : institute.acronym + "-" + institute.state_abbr;
    EXPECT_EQ(institute.code, expected);
  }
}

TEST_F(ClassifierTest, EveryUnitTheIeemPlanUsesIsKnown) {
  for (const char* unit :
       {"Reporte",       "Evento",        "Servicio",      "Acción",      "Informe",
        "Documento",     "Expediente",    "Base de Datos", "Solicitud",   "Publicación",
        "Proyecto",      "Programa",      "Estudio",       "Curso",       "Sistema",
        "Requerimiento", "Plan",          "Nómina",        "Gestión",     "Reparación",
        "Registro",      "Pieza",         "Cédula",        "Auditoría",   "Usuario",
        "Sesión",        "Resolución",    "Procedimiento", "Liquidación", "Jornada",
        "Dictamen",      "Conferencia",   "Casilla",       "Carpeta",     "Campaña",
        "Acuerdo",       "Órgano",        "Visita",        "Transmisión", "Sitio Web",
        "Proceso",       "Monitoreo",     "Investigación", "Inserción",   "Infografía",
        "Fiscalización", "Evaluación",    "Equipo",        "Entrevista",  "Ejemplar",
        "Diagnóstico",   "Denuncia",      "Declaración",   "Constancia",  "Concurso",
        "Certificado",   "Certificación", "Boletín",       "Asesoría",    "Arrendamiento",
        "Archivo",       "Actuación"}) {
    EXPECT_EQ(vocab().CanonicalUnit(unit), unit);
  }
  EXPECT_EQ(vocab().CanonicalUnit("Repository"), "Repositorio");
}

TEST_F(ClassifierTest, UnitsMatchIgnoringCaseAccentsAndNumber) {
  EXPECT_EQ(vocab().CanonicalUnit("REPORTES"), "Reporte");
  EXPECT_EQ(vocab().CanonicalUnit("acciones"), "Acción");
  EXPECT_EQ(vocab().CanonicalUnit("ACCION"), "Acción");
  EXPECT_EQ(vocab().CanonicalUnit("  bases  de datos "), "Base de Datos");
  EXPECT_EQ(vocab().CanonicalUnit("%"), "Porcentaje");
  EXPECT_EQ(vocab().CanonicalUnit("S/C"), std::nullopt);
  EXPECT_EQ(vocab().CanonicalUnit("Reporte mensual"), std::nullopt);
}

// Units as OCR misread them on itsch_u079's scanned report ("pleza", "peza" for the printed
// "pieza"), and readings that must stay as read: a unit already, a word two edits from any unit
// ("pera"), a short word one edit from a short unit ("acto": acta), one as near two units.
TEST_F(ClassifierTest, MisreadUnitsAreTheOneUnitSpellingOneEditAway) {
  EXPECT_EQ(vocab().MisreadUnit("pleza"), "pieza");
  EXPECT_EQ(vocab().MisreadUnit("peza"), "pieza");
  EXPECT_EQ(vocab().MisreadUnit("Reuniónes"), std::nullopt);  // spells "Reuniones" already
  EXPECT_EQ(vocab().MisreadUnit("REUNIONFS"), "Reuniones");   // capitals: as units.tsv writes it
  EXPECT_EQ(vocab().MisreadUnit("reunlón"), "reunión");
  EXPECT_EQ(vocab().MisreadUnit("Base de Dalos"), "Base de Datos");
  EXPECT_EQ(vocab().MisreadUnit("pieza"), std::nullopt);
  EXPECT_EQ(vocab().MisreadUnit("pera"), std::nullopt);
  EXPECT_EQ(vocab().MisreadUnit("acto"), std::nullopt);
  EXPECT_EQ(vocab().MisreadUnit("Cursa"), "Curso");        // "Cursos" is two edits away
  EXPECT_EQ(vocab().MisreadUnit("gesion"), std::nullopt);  // as near "gestión" as "sesión"
  EXPECT_EQ(vocab().MisreadUnit(""), std::nullopt);
}

// Units as an unruled table of tecdmx_poa_fichas_2020 breaks them at a column gap ("porce
// ntajes", "Asunt o"); a unit spaced as it is written, or no unit once joined, stays as read.
TEST_F(ClassifierTest, UnitsBrokenByACellGapAreJoined) {
  EXPECT_EQ(vocab().BrokenUnit("porce ntajes"), "porcentajes");
  EXPECT_EQ(vocab().BrokenUnit("Asunt o"), "Asunto");
  EXPECT_EQ(vocab().BrokenUnit("Base de Datos"), std::nullopt);
  EXPECT_EQ(vocab().BrokenUnit("porcentajes"), std::nullopt);
  EXPECT_EQ(vocab().BrokenUnit("Determinaciones Jurisdi ccionales"), std::nullopt);
}

TEST_F(ClassifierTest, Frequencies) {
  EXPECT_EQ(vocab().CanonicalFrequency("Trimestral"), "trimestral");
  EXPECT_EQ(vocab().CanonicalFrequency("BIMESTRAL"), "bimestral");
  EXPECT_EQ(vocab().CanonicalFrequency("Anual"), "anual");
  EXPECT_EQ(vocab().CanonicalFrequency("por única vez"), "única vez");
  EXPECT_EQ(vocab().CanonicalFrequency("UNICA VEZ"), "única vez");
  EXPECT_EQ(vocab().CanonicalFrequency("diario"), "diaria");
  EXPECT_EQ(vocab().CanonicalFrequency("cada año"), "anual");
  EXPECT_NE(vocab().CanonicalFrequency("cada año"), vocab().CanonicalFrequency("cada ano"));
  EXPECT_EQ(vocab().CanonicalFrequency("a veces"), std::nullopt);
  // A narrow cell broke the word over two lines (TECDMX's indicator sheets).
  EXPECT_EQ(vocab().CanonicalFrequency("Men sual"), "mensual");
}

TEST_F(ClassifierTest, FindInstitutesPrefersTheLongestWholeWordSpelling) {
  const auto& institutes = vocab().institutes();
  auto codes = [&](const std::string& folded) {
    std::vector<std::string> found;
    for (const auto& m : vocab().FindInstitutes(folded))
      found.push_back(institutes[m.institute].code);
    return found;
  };
  EXPECT_EQ(codes("consejo del instituto estatal electoral de baja california sur"),
            std::vector<std::string>{"IEEBCS"});
  EXPECT_EQ(codes("instituto estatal electoral de baja california, sur"),
            std::vector<std::string>{"IEEBC"});
  EXPECT_EQ(codes("el iee y el ieem"), std::vector<std::string>{"IEEM"});  // IEE is shared
  EXPECT_EQ(codes("oficio ieemx/1 y lineas"), std::vector<std::string>{});
  EXPECT_EQ(codes("ine e iepc durango"), (std::vector<std::string>{"INE", "IEPC-DGO"}));
}

// --- Loading errors --------------------------------------------------------------------------

class VocabularyLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("oplex_vocab_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* name :
         {"institutes.tsv", "units.tsv", "frequencies.tsv", "document_kinds.tsv"}) {
      fs::copy_file(fs::path(OPLEX_DEFAULT_DATA_DIR) / name, dir_ / name);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const char* name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::trunc) << text;
  }
  fs::path dir_;
};

TEST_F(VocabularyLoadTest, MissingFileIsAnIoErrorNamingIt) {
  fs::remove(dir_ / "units.tsv");
  const Result<Vocabulary> vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_EQ(vocab.status().code(), Status::Code::kIoError);
  EXPECT_NE(vocab.status().message().find("units.tsv"), std::string::npos);
}

TEST_F(VocabularyLoadTest, WrongFieldCountNamesFileAndLine) {
  Write("units.tsv", "unit\tvariants\nReporte\tReportes\nAcción\n");
  const Result<Vocabulary> vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_EQ(vocab.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(vocab.status().message().find("units.tsv:3:"), std::string::npos)
      << vocab.status().message();
}

TEST_F(VocabularyLoadTest, MissingColumnAndConflictingSpellings) {
  Write("frequencies.tsv", "frequency\tvariant\nanual\t\n");
  Result<Vocabulary> vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_NE(vocab.status().message().find("frequencies.tsv:1:"), std::string::npos)
      << vocab.status().message();

  Write("frequencies.tsv", "frequency\tvariants\nanual\tcada año\nmensual\tCADA AÑO\n");
  vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_NE(vocab.status().message().find("frequencies.tsv:3:"), std::string::npos)
      << vocab.status().message();
}

TEST_F(VocabularyLoadTest, DuplicateCodeBadKindAndBadPattern) {
  Write("institutes.tsv",
        "code\tstate\tstate_abbr\tacronym\tname\tvariants\n"
        "IEEM\tMéxico\tMEX\tIEEM\tInstituto Electoral del Estado de México\t\n"
        "IEEM\tColima\tCOL\tIEEM\tOtro\t\n");
  Result<Vocabulary> vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_NE(vocab.status().message().find("institutes.tsv:3:"), std::string::npos);

  fs::copy_file(fs::path(OPLEX_DEFAULT_DATA_DIR) / "institutes.tsv", dir_ / "institutes.tsv",
                fs::copy_options::overwrite_existing);
  Write("document_kinds.tsv", "kind\tpattern\nplan\tprograma anual\n");
  vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_NE(vocab.status().message().find("document_kinds.tsv:2:"), std::string::npos);

  Write("document_kinds.tsv", "kind\tpattern\nwork_plan\tprograma (anual\n");
  vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_NE(vocab.status().message().find("document_kinds.tsv:2:"), std::string::npos);
}

TEST_F(VocabularyLoadTest, SkipsCommentsAndBlankLines) {
  Write("units.tsv", "# units of measure\nunit\tvariants\n\n# plural forms\nReporte\tReportes\n");
  const Result<Vocabulary> vocab = Vocabulary::Load(dir_);
  ASSERT_TRUE(vocab.ok()) << vocab.status().ToString();
  EXPECT_EQ(vocab->CanonicalUnit("reportes"), "Reporte");
}

TEST_F(VocabularyLoadTest, RejectsInvalidUtf8) {
  Write("units.tsv", "unit\tvariants\nAcci\xF3n\t\n");
  const Result<Vocabulary> vocab = Vocabulary::Load(dir_);
  ASSERT_FALSE(vocab.ok());
  EXPECT_NE(vocab.status().message().find("units.tsv:2: not valid UTF-8"), std::string::npos);
}

// --- The five real samples, checked by hand ---------------------------------------------------

TEST_F(ClassifierTest, AguascalientesAnnualPlan) {
  const Classification c = ClassifySample("ags-iee-plan-anual-2023.txt");
  EXPECT_EQ(c.kind, DocumentKind::kWorkPlan);
  EXPECT_EQ(c.institute, "IEE-AGS");  // named in the body (line 10), and by the file name
  EXPECT_EQ(c.year, 2023);
  EXPECT_EQ(c.period, "2023");
  EXPECT_EQ(c.title, "Plan Anual de Trabajo 2023");
  EXPECT_GE(c.institute_confidence, 0.8);
}

TEST_F(ClassifierTest, AguascalientesCotaprepReport) {
  const Classification c = ClassifySample("ags-iee-cotaprep-informe-2023.txt");
  EXPECT_EQ(c.kind, DocumentKind::kActivityReport);
  // The body names the INE first; the state institute that wrote it is named a few lines later.
  EXPECT_EQ(c.institute, "IEE-AGS");
  // The title only has the process range 2023-2024; the dated first line gives the year.
  EXPECT_EQ(c.year, 2023);
  EXPECT_EQ(c.period, std::nullopt);
  EXPECT_EQ(c.title,
            "PRIMER INFORME DE ACTIVIDADES QUE RINDE EL COMITÉ TÉCNICO ASESOR DEL PROGRAMA DE "
            "RESULTADOS ELECTORALES PRELIMINARES, PARA EL PROCESO ELECTORAL LOCAL 2023-2024, EN "
            "AGUASCALIENTES.");
}

TEST_F(ClassifierTest, EstadoDeMexicoAnnualProgram) {
  const Classification c = ClassifySample("mex-ieem-programa-anual-2024.txt");
  EXPECT_EQ(c.kind, DocumentKind::kWorkPlan);
  EXPECT_EQ(c.institute, "IEEM");
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.period, "2024");
  EXPECT_EQ(c.title, "Programa Anual de Actividades 2024");
  EXPECT_GE(c.institute_confidence, 0.95);
}

TEST_F(ClassifierTest, BajaCaliforniaSurDirectoratePlan) {
  const Classification c = ClassifySample("bcs-ieebcs-deoe-pat-2024.txt");
  EXPECT_EQ(c.kind, DocumentKind::kWorkPlan);
  // Named over two lines ("INSTITUTO ESTATAL ELECTORAL" / "DE BAJA CALIFORNIA SUR"): not BC.
  EXPECT_EQ(c.institute, "IEEBCS");
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.period, "2024");
  EXPECT_EQ(c.title,
            "PROGRAMA ANUAL DE TRABAJO DE LA DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL PARA EL "
            "EJERCICIO 2024");
  EXPECT_GE(c.institute_confidence, 0.95);
}

TEST_F(ClassifierTest, DurangoIndicatorReport) {
  const Classification c = ClassifySample("dgo-iepc-indicadores-2024q1.txt");
  EXPECT_EQ(c.kind, DocumentKind::kIndicatorReport);
  EXPECT_EQ(c.institute, "IEPC-DGO");
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.period, "2024-Q1");
  // The export fused the first page into one 6,000-byte line; the title stops at the period.
  EXPECT_EQ(c.title,
            "INSTITUTO ELECTORAL Y DE PARTICIPACIÓN CIUDADANA DEL ESTADO DE DURANGO Indicadores "
            "de Resultados Del 01 de Enero al 31 de Marzo 2024");
  EXPECT_GE(c.institute_confidence, 0.95);
}

TEST_F(ClassifierTest, TheTextAloneIdentifiesEverySample) {
  for (const char* name : {"ags-iee-plan-anual-2023.txt", "ags-iee-cotaprep-informe-2023.txt",
                           "mex-ieem-programa-anual-2024.txt", "bcs-ieebcs-deoe-pat-2024.txt",
                           "dgo-iepc-indicadores-2024q1.txt"}) {
    const Classification hinted = ClassifySample(name);
    const Classification blind = Classify(LeadingLines(name), "upload.txt", vocab());
    EXPECT_EQ(blind.institute, hinted.institute) << name;
    EXPECT_EQ(blind.year, hinted.year) << name;
    EXPECT_EQ(blind.kind, hinted.kind) << name;
    // The file name only adds a little confidence when it agrees.
    EXPECT_LE(blind.institute_confidence, hinted.institute_confidence) << name;
    EXPECT_GE(blind.institute_confidence, 0.8) << name;
  }
}

TEST_F(ClassifierTest, SharedVocabularyAcrossThreads) {
  const std::vector<std::string> names = {"ags-iee-cotaprep-informe-2023.txt",
                                          "dgo-iepc-indicadores-2024q1.txt",
                                          "mex-ieem-programa-anual-2024.txt"};
  std::vector<std::vector<std::string>> inputs;
  std::vector<Classification> expected;
  for (const std::string& name : names) {
    inputs.push_back(LeadingLines(name));
    expected.push_back(Classify(inputs.back(), name, vocab()));
  }
  std::atomic<int> mismatches = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        const size_t i = static_cast<size_t>(t + round) % names.size();
        const Classification c = Classify(inputs[i], names[i], vocab());
        if (c.institute != expected[i].institute || c.period != expected[i].period ||
            c.title != expected[i].title || CollateEs("ñandú", "nube") <= 0) {
          ++mismatches;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, 0);
}

// --- Rules, on small made-up headings ----------------------------------------------------------

TEST_F(ClassifierTest, TheIneDoesNotWinBecauseAStatePlanCitesIt) {
  const Classification c =
      Classify({"PROGRAMA ANUAL DE TRABAJO 2025", "Índice", "Presentación",
                "Conforme a los acuerdos del Instituto Nacional Electoral (INE),",
                "el Instituto Electoral de Coahuila presenta su programa."},
               "plan.pdf", vocab());
  EXPECT_EQ(c.institute, "IEC");
  EXPECT_EQ(c.year, 2025);
}

TEST_F(ClassifierTest, TheIneWinsItsOwnDocument) {
  const Classification c = Classify(
      {"INSTITUTO NACIONAL ELECTORAL", "Informe Anual de Actividades 2022", "Presentación"},
      "informe.pdf", vocab());
  EXPECT_EQ(c.institute, "INE");
  EXPECT_EQ(c.kind, DocumentKind::kActivityReport);
  EXPECT_EQ(c.year, 2022);
  EXPECT_GE(c.institute_confidence, 0.9);
}

TEST_F(ClassifierTest, FileNameIsTheWeakestEvidence) {
  const Classification by_name =
      Classify({"Plan Anual de Trabajo 2021", "Presentación"}, "/x/qro-ieeq-pat-2021.pdf", vocab());
  EXPECT_EQ(by_name.institute, "IEEQ");
  EXPECT_DOUBLE_EQ(by_name.institute_confidence, 0.5);

  const Classification shared = Classify({"Plan Anual de Trabajo 2021"}, "iepc-2021.pdf", vocab());
  EXPECT_EQ(shared.institute, std::nullopt);  // four institutes are "IEPC"
  EXPECT_EQ(shared.institute_confidence, 0);

  const Classification text_wins = Classify(
      {"Instituto Electoral de Tamaulipas", "Plan Anual de Trabajo 2021"}, "ieeq.pdf", vocab());
  EXPECT_EQ(text_wins.institute, "IETAM");
}

TEST_F(ClassifierTest, NoYearIsGuessedFromTheBody) {
  std::vector<std::string> lines = {"Instituto Electoral de Tamaulipas",
                                    "Programa Anual de Trabajo",
                                    "Presentación",
                                    "Antecedentes",
                                    "Texto",
                                    "Más texto"};
  lines.push_back("El 3 de marzo de 2021 el Consejo General aprobó el acuerdo.");
  const Classification c = Classify(lines, "doc.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kWorkPlan);
  EXPECT_EQ(c.year, std::nullopt);
  EXPECT_EQ(c.period, std::nullopt);
}

// Progress reports on a plan name the plan first: the evaluation or the goals' fulfilment after
// it makes them reports, not plans (titles of the ICATECH and ITSCH reports in data/real).
TEST_F(ClassifierTest, AReportOnAPlansGoalsIsAnIndicatorReport) {
  Classification c = Classify(
      {"PROGRAMA ANUAL OPERATIVO 2017", "ANÁLISIS MENSUAL DE CUMPLIMIENTO DE METAS POR ZONA"},
      "x.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kIndicatorReport);
  EXPECT_EQ(c.year, 2017);
  c = Classify({"PROGRAMA OPERATIVO ANUAL EJERCICIO 2025",
                "EVALUACIÓN FÍSICO FINANCIERA PROGRAMÁTICA PRESUPUESTAL"},
               "x.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kIndicatorReport);
  // The plan itself stays a plan.
  c = Classify({"PROGRAMA OPERATIVO ANUAL 2025", "Actividades y metas"}, "x.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kWorkPlan);
}

// Plans named otherwise (titles of the CPC, ITSE and ITSCH plans in data/real).
TEST_F(ClassifierTest, ProgrammesOfWorkTrainingAndAnnualProgrammesArePlans) {
  for (const char* title :
       {"Programa de Trabajo del CPC 2021-2022",
        "Programa Anual de Desarrollo Archivístico (PADA) 2023", "PROGRAMA DE CAPACITACIÓN"}) {
    SCOPED_TRACE(title);
    EXPECT_EQ(Classify({title}, "x.pdf", vocab()).kind, DocumentKind::kWorkPlan);
  }
}

TEST_F(ClassifierTest, ARangeInTheTitleIsNotTheYear) {
  const Classification c = Classify(
      {"PLAN ANUAL DE TRABAJO DEL PROCESO ELECTORAL 2023-2024", "Índice"}, "x.pdf", vocab());
  EXPECT_EQ(c.year, std::nullopt);
}

TEST_F(ClassifierTest, PeriodsInWordsAndOnTheSubtitleLine) {
  Classification c =
      Classify({"IEEM", "Informe de indicadores del primer trimestre 2024"}, "x.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kIndicatorReport);
  EXPECT_EQ(c.period, "2024-Q1");
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.institute, "IEEM");
  EXPECT_LT(c.institute_confidence, 0.95);  // a bare acronym

  c = Classify({"INFORME TRIMESTRAL DE ACTIVIDADES", "Periodo: octubre - diciembre de 2023"},
               "x.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kActivityReport);
  EXPECT_EQ(c.period, "2023-Q4");
  EXPECT_EQ(c.year, 2023);

  c = Classify({"Informe semestral de actividades", "Del 1 de julio al 31 de diciembre de 2022"},
               "x.pdf", vocab());
  EXPECT_EQ(c.period, "2022-07/2022-12");
  EXPECT_EQ(c.year, 2022);

  c = Classify({"INFORME DE ACTIVIDADES DEL SEGUNDO SEMESTRE DEL AÑO 2023"}, "x.pdf", vocab());
  EXPECT_EQ(c.period, "2023-07/2023-12");

  c = Classify({"Reporte de actividades", "3er. trimestre del ejercicio fiscal 2021"}, "x.pdf",
               vocab());
  EXPECT_EQ(c.period, "2021-Q3");

  c = Classify({"Informe anual de actividades", "De enero a diciembre del año 2020"}, "x.pdf",
               vocab());
  EXPECT_EQ(c.period, "2020");

  c = Classify({"Informe de actividades", "noviembre de 2023 a febrero de 2024"}, "x.pdf", vocab());
  EXPECT_EQ(c.period, "2023-11/2024-02");
  EXPECT_EQ(c.year, 2024);
}

TEST_F(ClassifierTest, CalendarsAndMinutes) {
  // The titles of the CPC Coahuila's and the ITSE's calendars and of the ICATECH's minutes.
  EXPECT_EQ(Classify({"CALENDARIO DE SESIONES ORDINARIAS DEL CONSEJO DE PARTICIPACIÓN CIUDADANA"},
                     "c.pdf", vocab())
                .kind,
            DocumentKind::kCalendar);
  const Classification gia =
      Classify({"Propuesta del Calendario de Sesiones", "Ordinarias del Grupo",
                "Interdisciplinario para el Ejercicio", "Fiscal 2025."},
               "g.pdf", vocab());
  EXPECT_EQ(gia.kind, DocumentKind::kCalendar);
  EXPECT_EQ(gia.year, 2025);
  EXPECT_EQ(Classify({"Acta de la 10* Reunión Ordinaria del Comité de Transparencia 2018."},
                     "a.pdf", vocab())
                .kind,
            DocumentKind::kMinutes);
  EXPECT_EQ(Classify({"Minuta de la reunión de trabajo"}, "m.pdf", vocab()).kind,
            DocumentKind::kMinutes);
}

// The opening of the BCS plan's Cronograma pages (data/scans/bcs-2024-x-300dpi.pdf, as OCR reads
// them): a kind phrase in a table's body is an activity, not the title; the institute named in a
// table ("Calendario de colaboración INE-IEEBCS") is the state's.
TEST_F(ClassifierTest, AKindPhraseInATableBodyIsNoTitle) {
  const Classification c = ClassifyOpening(
      {{"7. Cronograma", false},
       {"A continuación, se presenta la calendarización de las actividades de la DEOE, "
        "correspondiente al periodo de enero a diciembre del ejercicio 2024.",
        false},
       {"Objetivo / línea de acción Ene Feb Mar Abr May Jun Jul Ago Sep Oct Nov Dic", false},
       {"2.1 Dar cumplimiento a los compromisos programados y asignados a la DEOE, en el "
        "Calendario de colaboración INE-IEEBCS. X X X",
        true},
       {"9.1 Elaborar y presentar el proyecto de Programa Anual de Trabajo 2025 correspondiente "
        "a la DEOE X",
        true}},
      "scan.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kUnknown);
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.institute, "IEEBCS");
  // The same lines outside a table: the activity reads as a title, as it did.
  std::vector<std::string> prose = {"7. Cronograma",
                                    "9.1 Elaborar el proyecto de Programa Anual de Trabajo 2025"};
  EXPECT_EQ(Classify(prose, "scan.pdf", vocab()).kind, DocumentKind::kWorkPlan);
}

// Pages from the middle of the Aguascalientes plan (data/scans/ags-2023-shaded-200dpi.pdf): the
// INE is named in a deliverable, the state institute nowhere. No institute, rather than the INE.
TEST_F(ClassifierTest, TheIneCitedBelowTheHeadingIsNoPublisher) {
  const Classification c = ClassifyOpening(
      {{"EJE 1 EJE 2 EJE 3 EJE 4", false},
       {"Todas aquellas actividades que desarrolla el Instituto en tiempo no electoral.", false},
       {"PRESIDENCIA", false},
       {"ACTIVIDAD CALENDARIO 2023 ENTREGABLES", false},
       {"1.2 Tramitar y dar seguimiento a las solicitudes. • Informe de actividades de "
        "vinculación con el Instituto Nacional Electoral.",
        true}},
      "ags-2023-shaded-200dpi.pdf", vocab());
  EXPECT_EQ(c.institute, std::nullopt);
  EXPECT_TRUE(c.ine_only_cited);
  EXPECT_EQ(c.kind, DocumentKind::kUnknown);
}

// What the opening left unknown, from the records: a schedule of activities makes a work plan,
// and the year its months fall in is the document's; what stays unknown gets a finding.
TEST_F(ClassifierTest, RecordsCompleteTheKindAndYearAndNameWhatStaysUnknown) {
  Extraction e;
  for (int i = 0; i < 3; ++i) {
    Activity a;
    a.months = MonthMask::FromBits(0b11);
    for (int month : {1, 2}) {
      MonthValue m;
      m.month = month;
      m.year = 2023;
      m.marked = true;
      a.month_values.push_back(m);
    }
    e.activities.push_back(a);
  }
  Classification opening;
  opening.ine_only_cited = true;
  ClassifyByRecords(opening, &e);
  EXPECT_EQ(e.document.kind, DocumentKind::kWorkPlan);
  EXPECT_EQ(e.document.year, 2023);
  std::vector<std::string> codes;
  for (const Finding& f : e.findings) {
    codes.push_back(f.code);
    EXPECT_EQ(f.severity, Severity::kInfo);
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"kind_from_tables", "year_from_tables",
                                             "institute_unknown"}));
  EXPECT_NE(e.findings[2].message.find("the INE is named only below the heading"),
            std::string::npos);

  // Two scheduled activities are no schedule: the kind stays unknown; no year is read from months
  // without one, and an institute nobody named is no guess refused.
  Extraction few;
  few.activities.assign(e.activities.begin(), e.activities.begin() + 2);
  few.activities[0].month_values.clear();
  few.activities[1].month_values.clear();
  ClassifyByRecords(Classification{}, &few);
  EXPECT_EQ(few.document.kind, DocumentKind::kUnknown);
  EXPECT_EQ(few.document.year, std::nullopt);
  ASSERT_EQ(few.findings.size(), 1u);
  EXPECT_EQ(few.findings[0].code, "kind_unknown");
}

TEST_F(ClassifierTest, NothingKnownStaysUnknown) {
  const Classification c = Classify({"Lista de asistencia", "Orden del día"}, "a.pdf", vocab());
  EXPECT_EQ(c.kind, DocumentKind::kUnknown);
  EXPECT_EQ(c.institute, std::nullopt);
  EXPECT_EQ(c.year, std::nullopt);
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(Classify({}, "", vocab()).kind, DocumentKind::kUnknown);
}

}  // namespace
}  // namespace oplex
