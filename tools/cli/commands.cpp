#include "tools/cli/commands.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

#include "models/queries.h"
#include "models/store.h"
#include "tools/cli/args.h"
#include "tools/cli/json.h"

namespace oplex::cli {
namespace {

std::string MonthsText(const MonthMask& m) {
  if (!m.known()) return "unknown";
  static const char* kLetters = "EFMAMJJASOND";
  std::string out;
  for (int i = 1; i <= 12; ++i) out.push_back(m.has(i) ? kLetters[i - 1] : '.');
  return out;
}

std::string Where(const Provenance& p) {
  std::string out;
  if (p.page) out += "page " + std::to_string(*p.page);
  if (p.line) {
    if (!out.empty()) out += ", ";
    out += "line " + std::to_string(*p.line);
    if (p.last_line) out += "-" + std::to_string(*p.last_line);
  }
  return out;
}

void WriteProvenance(Json& j, const Provenance& p) {
  j.Key("provenance").BeginObject();
  j.Key("page").OptInt(p.page);
  j.Key("line").OptInt(p.line);
  j.Key("last_line").OptInt(p.last_line);
  j.Key("extractor").String(p.extractor);
  j.Key("confidence").Number(p.confidence);
  j.EndObject();
}

void WriteQuantity(Json& j, const std::optional<Quantity>& q) {
  if (!q) {
    j.Null();
    return;
  }
  j.BeginObject();
  j.Key("raw").String(q->raw);
  j.Key("value").OptNumber(q->value);
  j.Key("estimated").Bool(q->estimated);
  j.Key("not_quantified").Bool(q->not_quantified);
  j.EndObject();
}

constexpr CommandHelp kStatsHelp = {
    "stats", "what the database holds, per document", "[options]",
    R"(What the database holds: documents, sections, activities, indicators (rows of indicator
tables), events (dated sessions of activity reports), references (agreement codes cited) and
findings, and per document its institute, year, kind, activities (with how many have known months),
indicators, events, references and findings.
)"};

int RunStats(const GlobalOptions& global) {
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto stats = GetStats(**store);
  if (!stats.ok()) {
    spdlog::error("{}", stats.status().message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginObject();
    j.Key("documents").Int(stats->documents);
    j.Key("sections").Int(stats->sections);
    j.Key("activities").Int(stats->activities);
    j.Key("indicators").Int(stats->indicators);
    j.Key("events").Int(stats->events);
    j.Key("references").Int(stats->references);
    j.Key("findings").Int(stats->findings);
    j.Key("per_document").BeginArray();
    for (const DocumentStats& d : stats->per_document) {
      j.BeginObject();
      j.Key("id").Int(d.id);
      j.Key("path").String(d.path);
      j.Key("institute").OptString(d.institute);
      j.Key("year").OptInt(d.year);
      j.Key("kind").String(ToString(d.kind));
      j.Key("activities").Int(d.activities);
      j.Key("activities_with_months").Int(d.activities_with_months);
      j.Key("indicators").Int(d.indicators);
      j.Key("events").Int(d.events);
      j.Key("references").Int(d.references);
      j.Key("findings").Int(d.findings);
      j.EndObject();
    }
    j.EndArray();
    j.EndObject();
    std::cout << "\n";
    return kExitOk;
  }
  std::printf("%-10s %-5s %-17s %10s %12s %10s %7s %11s %9s  %s\n", "institute", "year", "kind",
              "activities", "with months", "indicators", "events", "references", "findings",
              "document");
  for (const DocumentStats& d : stats->per_document) {
    std::printf("%-10s %-5s %-17s %10lld %12lld %10lld %7lld %11lld %9lld  %s\n",
                d.institute.value_or("?").c_str(), d.year ? std::to_string(*d.year).c_str() : "?",
                ToString(d.kind), static_cast<long long>(d.activities),
                static_cast<long long>(d.activities_with_months),
                static_cast<long long>(d.indicators), static_cast<long long>(d.events),
                static_cast<long long>(d.references), static_cast<long long>(d.findings),
                d.path.c_str());
  }
  std::printf(
      "total: %lld documents, %lld sections, %lld activities, %lld indicators, %lld events, %lld "
      "references, %lld findings\n",
      static_cast<long long>(stats->documents), static_cast<long long>(stats->sections),
      static_cast<long long>(stats->activities), static_cast<long long>(stats->indicators),
      static_cast<long long>(stats->events), static_cast<long long>(stats->references),
      static_cast<long long>(stats->findings));
  return kExitOk;
}

}  // namespace

Command AddStats(CLI::App& app, const GlobalOptions& global) {
  AddCommand(app, kStatsHelp);
  return [&global] { return RunStats(global); };
}

namespace {

constexpr CommandHelp kShowHelp = {
    "show", "every activity with this code, with its months, quantities and source",
    "CODE [options]",
    R"(Every stored activity with this code (codes repeat across institutes and groups): its
document, section path, text, unit, annual and monthly quantities, months (E F M ... letters for
scheduled months, '.' for unscheduled, "unknown" when the source does not show them; whether they
come from a grid or from written dates, and months of other years as +YYYY-M), beneficiaries,
deliverables, responsible, dates, the table's other columns as printed, and where in the source it
came from. A row that prints no code is found by its position in its table. Exit code 1 when none
has it.
)"};

int RunShow(const CLI::App& command, const GlobalOptions& global, const std::string& code) {
  if (code.empty()) return UsageFailure(command, "show needs an activity code");
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto matches = FindActivities(**store, code);
  if (!matches.ok()) {
    spdlog::error("{}", matches.status().message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginArray();
    for (const ActivityMatch& m : *matches) {
      j.BeginObject();
      j.Key("document").String(m.document_path);
      j.Key("institute").OptString(m.institute);
      j.Key("year").OptInt(m.year);
      j.Key("section").String(m.section_path);
      j.Key("code").String(m.code);
      j.Key("code_printed").Bool(m.code_printed);
      j.Key("text").String(m.text);
      j.Key("responsible").OptString(m.responsible);
      j.Key("start_date").OptString(m.start_date);
      j.Key("end_date").OptString(m.end_date);
      j.Key("months_source").OptString(m.months_source);
      j.Key("unit").OptString(m.unit);
      j.Key("annual");
      WriteQuantity(j, m.annual);
      j.Key("months");
      if (m.months.known()) {
        j.BeginArray();
        for (int i = 1; i <= 12; ++i) {
          if (m.months.has(i)) j.Int(i);
        }
        j.EndArray();
      } else {
        j.Null();
      }
      j.Key("monthly").BeginArray();
      for (const MonthValue& v : m.month_values) {
        j.BeginObject();
        j.Key("month").Int(v.month);
        j.Key("planned");
        WriteQuantity(j, v.planned);
        j.Key("marked").Bool(v.marked);
        j.Key("weeks");
        if (v.weeks.empty()) {
          j.Null();
        } else {
          j.String(v.weeks);
        }
        j.EndObject();
      }
      j.EndArray();
      j.Key("beneficiaries").BeginArray();
      for (const Beneficiary& b : m.beneficiaries) {
        j.BeginObject();
        j.Key("kinds").String(b.kinds_text);
        j.Key("counts_text").String(b.counts_text);
        j.Key("counts").BeginArray();
        for (const Quantity& q : b.counts) WriteQuantity(j, q);
        j.EndArray();
        j.EndObject();
      }
      j.EndArray();
      j.Key("deliverables").BeginArray();
      for (const std::string& d : m.deliverables) j.String(d);
      j.EndArray();
      j.Key("other_years").BeginArray();
      for (const auto& [year, month] : m.other_years) {
        j.BeginObject();
        j.Key("year").Int(year);
        j.Key("month").Int(month);
        j.EndObject();
      }
      j.EndArray();
      j.Key("attributes").BeginArray();
      for (const Attribute& a : m.attributes) {
        j.BeginObject();
        j.Key("header").String(a.header);
        j.Key("value").String(a.value);
        j.EndObject();
      }
      j.EndArray();
      WriteProvenance(j, m.provenance);
      j.EndObject();
    }
    j.EndArray();
    std::cout << "\n";
    return matches->empty() ? kExitSomeFailed : kExitOk;
  }
  if (matches->empty()) {
    std::cout << "no activity with code " << code << "\n";
    return kExitSomeFailed;
  }
  for (const ActivityMatch& m : *matches) {
    std::cout << m.code << "  " << m.institute.value_or("?") << " "
              << (m.year ? std::to_string(*m.year) : "?") << "  " << m.document_path << " ("
              << Where(m.provenance) << ")\n";
    if (!m.section_path.empty()) std::cout << "  section:  " << m.section_path << "\n";
    if (!m.code_printed) std::cout << "  code:     the row's position (the table prints none)\n";
    std::cout << "  text:     " << m.text << "\n";
    if (m.responsible) std::cout << "  responsible: " << *m.responsible << "\n";
    if (m.start_date || m.end_date) {
      std::cout << "  dates:    " << m.start_date.value_or("?") << " to "
                << m.end_date.value_or("?") << "\n";
    }
    std::cout << "  unit:     " << m.unit.value_or("(not shown)") << "\n";
    std::cout << "  annual:   " << (m.annual ? m.annual->raw : "(not shown)") << "\n";
    std::cout << "  months:   " << MonthsText(m.months);
    if (m.months_source) std::cout << " (from the " << *m.months_source << ")";
    for (const auto& [year, month] : m.other_years) std::cout << " +" << year << "-" << month;
    std::cout << "\n";
    const bool quantities = std::any_of(m.month_values.begin(), m.month_values.end(),
                                        [](const MonthValue& v) { return v.planned.has_value(); });
    if (quantities) {
      std::cout << "  monthly: ";
      for (const MonthValue& v : m.month_values)
        std::cout << " " << (v.planned ? v.planned->raw : "?");
      std::cout << "\n";
    }
    std::string weeks;  // the weeks of the months scheduled in some week
    for (const MonthValue& v : m.month_values) {
      if (v.weeks.find('1') != std::string::npos)
        weeks += " " + std::to_string(v.month) + ":" + v.weeks;
    }
    if (!weeks.empty()) std::cout << "  weeks:   " << weeks << "\n";
    for (const Beneficiary& b : m.beneficiaries) {
      std::cout << "  beneficiaries: "
                << (b.kinds_text.empty() ? "(kinds not shown)" : b.kinds_text)
                << " | counts: " << b.counts_text << "\n";
    }
    for (const std::string& d : m.deliverables) std::cout << "  deliverable: " << d << "\n";
    for (const Attribute& a : m.attributes)
      std::cout << "  " << a.header << ": " << a.value << "\n";
  }
  return kExitOk;
}

}  // namespace

Command AddShow(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kShowHelp);
  auto code = std::make_shared<std::string>();
  command->add_option("CODE", *code, "the activity code, as printed (010101, 2.28)")->type_name("");
  return [command, code, &global] { return RunShow(*command, global, *code); };
}

namespace {

constexpr CommandHelp kFindingsHelp = {
    "findings", "problems found in the documents (failed checks, unreadable rows)", "[options]",
    R"(Problems found while reading documents: failed checks (monthly quantities that do not add up,
gaps in numbering, totals the document states that differ from what was extracted) and rows that
could not be read, each with its raw text and where it is in the source.
)"};

struct FindingsOptions {
  std::string document;
  std::string severity = "info";
};

int RunFindings(const GlobalOptions& global, const FindingsOptions& o) {
  FindingFilter filter;
  if (!o.document.empty()) filter.path_contains = o.document;
  filter.min_severity = o.severity == "error"     ? Severity::kError
                        : o.severity == "warning" ? Severity::kWarning
                                                  : Severity::kInfo;
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto rows = ListFindings(**store, filter);
  if (!rows.ok()) {
    spdlog::error("{}", rows.status().message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginArray();
    for (const FindingRow& f : *rows) {
      j.BeginObject();
      j.Key("document").String(f.document_path);
      j.Key("severity").String(ToString(f.severity));
      j.Key("code").String(f.code);
      j.Key("message").String(f.message);
      j.Key("raw_text").String(f.raw_text);
      j.Key("activity").OptString(f.activity_code);
      WriteProvenance(j, f.provenance);
      j.EndObject();
    }
    j.EndArray();
    std::cout << "\n";
    return kExitOk;
  }
  for (const FindingRow& f : *rows) {
    std::cout << ToString(f.severity) << "  " << f.code << "  " << f.document_path << " ("
              << Where(f.provenance) << ")\n    " << f.message << "\n";
  }
  std::cout << rows->size() << " findings\n";
  return kExitOk;
}

}  // namespace

Command AddFindings(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kFindingsHelp);
  auto o = std::make_shared<FindingsOptions>();
  command->add_option("--document", o->document, "only documents whose path contains TEXT")
      ->type_name("TEXT");
  AddChoice(command, "--severity", &o->severity, {"info", "warning", "error"},
            "only findings at least this severe (default info)");
  return [o, &global] { return RunFindings(global, *o); };
}

}  // namespace oplex::cli
