// `oplex report`: writes the database (or some institutes and a year of it) as one
// self-contained HTML page (tools/cli/html_report.h).
#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
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

constexpr char kReportHelp[] =
    R"(usage: oplex report -o FILE.html [--institute A,B] [--year Y] [--db FILE] [--json]

Writes one self-contained HTML page (no network needed to open it; open it in any browser): the
documents, a bar chart of the share of activities in each category with institutes side by side,
per institute a month heatmap of each plan whose months are known (activities grouped by section,
darker where more is planned), the indicators, and the findings with file, page and line. The file
is written whole or not at all.

  -o, --output FILE   the HTML file to write (replaced if it exists)
  --institute A,B     only these institutes (codes as `oplex stats` shows them, e.g. IEEM,IEE-AGS)
  --year Y            only documents of this year
)";

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

// "IEEM,IEE-AGS" → {"IEEM", "IEE-AGS"}; an empty item is an error.
bool SplitInstitutes(const std::string& list, std::vector<std::string>* out) {
  size_t start = 0;
  while (true) {
    const size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? comma : comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (item.empty()) return false;
    out->push_back(item);
    if (comma == std::string::npos) return true;
    start = comma + 1;
  }
}

}  // namespace

int RunReport(const GlobalOptions& global, const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kReportHelp;
    return kExitOk;
  }
  std::filesystem::path output;
  ReportFilter filter;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "-o" || arg == "--output") {
      if (!has_value || args[i + 1].empty()) return Usage(arg + " needs a file name", kReportHelp);
      output = args[++i];
    } else if (arg == "--institute") {
      if (!has_value || !SplitInstitutes(args[++i], &filter.institutes)) {
        return Usage("--institute needs institute codes separated by commas, like IEEM,IEE-AGS",
                     kReportHelp);
      }
    } else if (arg == "--year") {
      int year = 0;
      const std::string value = has_value ? args[++i] : "";
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), year);
      if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
          year < 1900 || year > 2200) {
        return Usage("--year needs a year like 2024, not '" + value + "'", kReportHelp);
      }
      filter.year = year;
    } else {
      return Usage("unexpected argument '" + arg + "'", kReportHelp);
    }
  }
  if (output.empty()) return Usage("report needs -o FILE.html", kReportHelp);
  // The error_code form: a name too long or looping through symbolic links is for
  // WriteAtomically to report, not an exception.
  std::error_code ec;
  if (std::filesystem::is_directory(output, ec)) {
    return Usage(output.string() + " is a folder; -o needs a file name", kReportHelp);
  }

  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto data = ReadReportData(**store, filter);
  if (!data.ok()) {
    spdlog::error("{}", data.status().message());
    return data.status().code() == Status::Code::kInvalidInput ? kExitUsage : kExitFatal;
  }
  std::string scope;
  for (const std::string& institute : filter.institutes) {
    scope += (scope.empty() ? "" : ", ") + institute;
  }
  if (scope.empty()) scope = "all institutes";
  scope += filter.year ? ", " + std::to_string(*filter.year) : ", all years";

  const HtmlReport report = RenderHtmlReport(*data, {global.db.string(), NowUtc(), scope});
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

}  // namespace oplex::cli
