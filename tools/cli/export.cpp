// `oplex export`: the database's tables as files for spreadsheets, R, pandas and the like: one
// CSV (RFC 4180) or JSON-lines file per table (models/export.h says what each holds).
#include "models/export.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "models/snapshot.h"
#include "tools/cli/args.h"
#include "tools/cli/atomic_file.h"
#include "tools/cli/commands.h"
#include "tools/cli/csv.h"
#include "tools/cli/json.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kExportHelp = {
    "export", "the tables (activities, months, indicators...) as CSV or JSON lines files",
    "-o DIR [options]",
    R"(Writes tables of the database into DIR (created if missing), one file per table, named after
it (activities.csv, months.csv...), in UTF-8. Every row of a file is one record of the database.
)",
    R"(--format csv: RFC 4180, a header row, CRLF line ends, fields quoted when they hold a comma, a
quote or a line break (quotes doubled); NULL (unknown) is an empty field, an empty text a quoted
empty field (""). jsonl: one JSON object per line, keys the column names; NULL is null, numbers
are numbers.

The tables (--tables; default: all, in this order):
  activities  activities, with their institute, year, document path, section, category and the
              flags month_01..month_12 (1 scheduled, 0 not, empty when the months are unknown)
  months      one row per activity and month of a month grid that was read: marked, planned
              quantity, weeks
  attributes  the columns of an activity's table the schema has no field for, as printed
              (header, value, box)
  calendar    every month of a schedule with its calendar year (schedules that run into the
              next year, dates outside the plan's year)
  indicators  indicators, with their figures and reporting period
  events      dated sessions and meetings of activity reports
  references  agreement codes the documents cite
  findings    failed checks and unreadable rows, with their raw text
  sections    the documents' hierarchy (ejes, subprogramas, areas, projects...)
  documents   the documents read, with institute, year, kind and path
  categories  the taxonomy of an institute's functions

Each record table starts with institute, year and document_path, then the record's own columns as
the database stores them (see the schema in README.md).
)"};

// A sink writing one file; it stops the export at the first failed write (a full disk).
class FileSink : public ExportSink {
 public:
  explicit FileSink(std::ostream& out) : out_(out) {}

 protected:
  Status Checked() const { return out_ ? Status::Ok() : Status::IoError("writing failed"); }
  std::ostream& out_;
};

class CsvSink : public FileSink {
 public:
  using FileSink::FileSink;
  Status Header(const std::vector<std::string>& columns) override {
    for (size_t i = 0; i < columns.size(); ++i) out_ << (i ? "," : "") << CsvField(columns[i]);
    out_ << "\r\n";
    return Checked();
  }
  Status Row(const std::vector<ExportValue>& values) override {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_ << ',';
      const ExportValue& v = values[i];
      switch (v.type) {
        case Statement::Type::kInteger:
          out_ << v.integer;
          break;
        case Statement::Type::kReal:
          out_ << Number(v.real);
          break;
        case Statement::Type::kText:
          out_ << (v.text.empty() ? "\"\"" : CsvField(v.text));
          break;
        default:
          break;  // NULL: an empty field
      }
    }
    out_ << "\r\n";
    return Checked();
  }

 private:
  // As Json::Number writes numbers in the jsonl files.
  static std::string Number(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", value);
    return buf;
  }
};

class JsonLinesSink : public FileSink {
 public:
  using FileSink::FileSink;
  Status Header(const std::vector<std::string>& columns) override {
    columns_ = columns;
    return Checked();
  }
  Status Row(const std::vector<ExportValue>& values) override {
    Json j(out_);
    j.BeginObject();
    for (size_t i = 0; i < values.size(); ++i) {
      j.Key(columns_[i]);
      const ExportValue& v = values[i];
      switch (v.type) {
        case Statement::Type::kInteger:
          j.Int(v.integer);
          break;
        case Statement::Type::kReal:
          j.Number(v.real);
          break;
        case Statement::Type::kText:
          j.String(v.text);
          break;
        default:
          j.Null();
      }
    }
    j.EndObject();
    out_ << "\n";
    return Checked();
  }

 private:
  std::vector<std::string> columns_;
};

struct Written {
  std::string table;
  std::filesystem::path file;
  int64_t rows = 0;
};

// Writes `table` into `file`, atomically: a failed export leaves no truncated file behind under
// the table's name. Returns the number of rows written.
Result<int64_t> WriteTable(Store& store, const ExportTable& table, const std::string& format,
                           const std::filesystem::path& file) {
  int64_t rows = 0;
  Status written = WriteAtomically(file, [&](std::ostream& out) {
    std::unique_ptr<FileSink> sink;
    if (format == "csv") {
      sink = std::make_unique<CsvSink>(out);
    } else {
      sink = std::make_unique<JsonLinesSink>(out);
    }
    Result<int64_t> read = ReadExportTable(store, table, *sink);
    if (!read.ok()) return read.status();
    rows = *read;
    return Status::Ok();
  });
  if (!written.ok()) return written;
  return rows;
}

struct ExportOptions {
  std::filesystem::path dir;
  std::string format = "csv";
  std::vector<const ExportTable*> tables;
  bool force = false;
};

int RunExport(const CLI::App& command, const GlobalOptions& global, ExportOptions& o) {
  if (o.dir.empty()) return UsageFailure(command, "export needs -o DIR, the folder to write into");
  const std::filesystem::path& dir = o.dir;
  const std::string& format = o.format;
  std::vector<const ExportTable*>& tables = o.tables;
  const bool force = o.force;
  if (tables.empty()) {
    for (const ExportTable& table : ExportTables()) tables.push_back(&table);
  }

  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir, ec)) {
    spdlog::error("cannot make the folder {}: {}", dir.string(),
                  ec ? ec.message() : "a file has that name");
    return kExitFatal;
  }
  std::vector<Written> written;
  for (const ExportTable* table : tables) {
    written.push_back({std::string(table->name), dir / (std::string(table->name) + "." + format)});
  }
  if (!force) {
    std::string existing;
    size_t count = 0;
    for (const Written& w : written) {
      if (!std::filesystem::exists(w.file, ec)) continue;
      existing += (count++ ? ", " : "") + w.file.string();
    }
    if (count > 0) {
      spdlog::error("{} already exist{}; nothing was written (--force overwrites)", existing,
                    count == 1 ? "s" : "");
      return kExitFatal;
    }
  }
  Status done = InSnapshot(**store, [&]() -> Status {
    for (size_t i = 0; i < tables.size(); ++i) {
      Result<int64_t> rows = WriteTable(**store, *tables[i], format, written[i].file);
      if (!rows.ok()) return rows.status();
      written[i].rows = *rows;
    }
    return Status::Ok();
  });
  if (!done.ok()) {
    spdlog::error("{}", done.message());
    return kExitFatal;
  }
  if (global.json) {
    Json j(std::cout);
    j.BeginObject();
    j.Key("directory").String(dir.string());
    j.Key("format").String(format);
    j.Key("files").BeginArray();
    for (const Written& w : written) {
      j.BeginObject();
      j.Key("table").String(w.table);
      j.Key("file").String(w.file.string());
      j.Key("rows").Int(w.rows);
      j.EndObject();
    }
    j.EndArray();
    j.EndObject();
    std::cout << "\n";
  } else if (!global.quiet) {
    for (const Written& w : written) {
      std::cout << w.file.string() << "  " << w.rows << " rows\n";
    }
  }
  return kExitOk;
}

}  // namespace

Command AddExport(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kExportHelp);
  auto o = std::make_shared<ExportOptions>();
  command->add_option("-o,--output", o->dir, "the folder to write into (created if missing)")
      ->type_name("DIR");
  AddChoice(command, "--format", &o->format, {"csv", "jsonl"}, "csv (default) or jsonl");
  Checked(command
              ->add_option_function<std::string>(
                  "--tables",
                  [o](const std::string& list) {
                    std::stringstream in(list);
                    for (std::string name; std::getline(in, name, ',');) {
                      const ExportTable* table = FindExportTable(name);
                      if (table != nullptr &&
                          std::find(o->tables.begin(), o->tables.end(), table) == o->tables.end()) {
                        o->tables.push_back(table);
                      }
                    }
                  },
                  "which tables, comma-separated (default: all; see below)")
              ->type_name("LIST"),
          [](const std::string& name, const std::string& list) {
            std::stringstream in(list);
            bool any = false;
            for (std::string table; std::getline(in, table, ',');) {
              if (table.empty()) continue;
              if (FindExportTable(table) == nullptr) return "unknown table '" + table + "'";
              any = true;
            }
            return any ? std::string() : name + " names no table";
          });
  command->add_flag("--force", o->force,
                    "overwrite files already in DIR (otherwise nothing is "
                    "written)");
  return [command, o, &global] { return RunExport(*command, global, *o); };
}

}  // namespace oplex::cli
