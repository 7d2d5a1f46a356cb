// `oplex report`: writes the database (or some institutes and a year of it) as one
// self-contained HTML page (tools/cli/html_report.h).
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "models/report_data.h"
#include "tools/cli/args.h"
#include "tools/cli/atomic_file.h"
#include "tools/cli/commands.h"
#include "tools/cli/html_report.h"
#include "tools/cli/json.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kReportHelp = {
    "report", "one self-contained HTML page: category shares, month heatmaps, indicators, findings",
    "-o FILE.html [options]",
    R"(Writes one self-contained HTML page (no network needed to open it; open it in any browser):
the documents, a bar chart of the share of activities in each category with institutes side by side,
per institute a month heatmap of each plan whose months are known (activities grouped by section,
darker where more is planned), the indicators, and the findings with file, page and line. The file
is written whole or not at all. The page's own words are Spanish unless --lang en asks for English;
what the documents say is shown as stored.
)",
    R"(An institute or a year the database does not hold is a usage error (exit code 2) that names
what it holds.
)"};

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

struct ReportOptions {
  std::filesystem::path output;
  ReportFilter filter;
  std::string lang = "es";
};

int RunReport(const CLI::App& command, const GlobalOptions& global, const ReportOptions& o) {
  const std::filesystem::path& output = o.output;
  const ReportFilter& filter = o.filter;
  if (output.empty()) return UsageFailure(command, "report needs -o FILE.html");
  // The error_code form: a name too long or looping through symbolic links is for
  // WriteAtomically to report, not an exception.
  std::error_code ec;
  if (std::filesystem::is_directory(output, ec)) {
    return UsageFailure(command, output.string() + " is a folder; -o needs a file name");
  }

  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto data = ReadReportData(**store, filter);
  if (!data.ok()) {
    if (data.status().code() == Status::Code::kInvalidInput) {
      return UsageFailure(command, data.status().message());
    }
    spdlog::error("{}", data.status().message());
    return kExitFatal;
  }
  const HtmlReport report = RenderHtmlReport(
      *data, {global.db.string(), NowUtc(), filter.institutes, filter.year,
              o.lang == "en" ? ReportLanguage::kEnglish : ReportLanguage::kSpanish});
  if (Status written = WriteAtomically(output,
                                       [&](std::ostream& out) {
                                         out << report.html;
                                         return Status::Ok();
                                       });
      !written.ok()) {
    spdlog::error("{}", written.message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginObject();
    j.Key("output").String(output.string());
    j.Key("bytes").Int(static_cast<int64_t>(report.html.size()));
    j.Key("documents").Int(static_cast<int64_t>(data->documents.size()));
    j.Key("institutes").Int(static_cast<int64_t>(report.institutes));
    j.Key("heatmaps").Int(static_cast<int64_t>(report.heatmaps));
    j.Key("activities").Int(static_cast<int64_t>(data->activities.size()));
    j.Key("indicators").Int(static_cast<int64_t>(data->indicators.size()));
    j.Key("findings").Int(static_cast<int64_t>(data->findings.size()));
    j.EndObject();
    std::cout << "\n";
  } else if (!global.quiet) {
    auto count = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::cout << "wrote " << output.string() << " (" << (report.html.size() + 1023) / 1024
              << " KB): " << count(data->documents.size(), "document", "documents") << " of "
              << count(report.institutes, "institute", "institutes") << ", "
              << count(report.heatmaps, "heatmap", "heatmaps") << ", "
              << count(data->activities.size(), "activity", "activities") << ", "
              << count(data->indicators.size(), "indicator", "indicators") << ", "
              << count(data->findings.size(), "finding", "findings") << "\n";
  }
  return kExitOk;
}

}  // namespace

Command AddReport(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kReportHelp);
  auto o = std::make_shared<ReportOptions>();
  command->add_option("-o,--output", o->output, "the HTML file to write (replaced if it exists)")
      ->type_name("FILE");
  AddInstitutes(command, &o->filter.institutes,
                "only these institutes (codes as `oplex stats` shows them, e.g. IEEM,IEE-AGS)");
  AddYear(command, &o->filter.year, "only documents of this year");
  AddChoice(command, "--lang", &o->lang, {"es", "en"},
            "the language of the page's own words: es (Spanish, the default) or en (English)");
  return [command, o, &global] { return RunReport(*command, global, *o); };
}

}  // namespace oplex::cli
