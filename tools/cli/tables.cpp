#include <spdlog/spdlog.h>

#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "extractors/rules.h"
#include "extractors/table/table_reader.h"
#include "extractors/table/table_rules.h"
#include "extractors/table/transposed.h"
#include "pipeline/page_blocks.h"
#include "pipeline/source_file.h"
#include "tools/cli/args.h"
#include "tools/cli/atomic_file.h"
#include "tools/cli/commands.h"
#include "tools/cli/table_formats.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kTablesHelp = {
    "tables", "the tables of PDFs or page images: CSV, JSON, Markdown, HTML, xlsx (no database)",
    "FILE... [options]",
    R"(Writes the tables of PDFs and scanned page images (PNG, JPEG, TIFF): ruled tables from their
lines, unruled ones from aligned whitespace; pages without a text layer are read by OCR.
A table continued over the next pages comes back once, on the page where it starts, without the
header rows the later pages repeat. A merged cell's text is at its top-left position; the
positions it covers are "" (HTML and xlsx merge them). Every cell is text as printed.
)",
    R"(Where: stdout without -o; -o FILE writes everything into FILE; -o DIR (an existing folder,
or a name ending in /, created) writes one file per input file, <stem>.<format>, and with csv
one file per table, <stem>-p<page>-t<n>.csv. Files already there are kept unless --force.
--format json (default; or --json): one line per input file, {"file", "pages": [{"page",
  "tables": [{"bbox", "rows"}]}]} (bbox: x0, y0, x1, y1 in points from the page's top left);
--format csv: RFC 4180, tables one after another separated by an empty line;
--format markdown: a pipe table under a heading (file, page, table) each, the first row as header;
--format html: one page with every table, merged cells spanning what they cover;
--format xlsx (needs -o): one worksheet per table, named p<page>-t<n> (<stem>-p<page>-t<n> with
  several input files).
--roles: how oplex understands each table instead of its cells: the header rows, each column's
role with its score, margin and evidence, the table's confidence and the kind of each row (text,
for people).
Exit codes: 0 done; 1 some input files could not be read (the others were written); 2 bad
command line; 3 an output cannot be written or is already there (nothing was written).
)"};

// "x0,y0,x1,y1" (points, top-left origin) → the box, x0 < x1 and y0 < y1.
std::optional<BBox> ParseArea(const std::string& text) {
  std::stringstream in(text);
  double v[4];
  for (int i = 0; i < 4; ++i) {
    if (!(in >> v[i]) || (i < 3 && in.get() != ',')) return std::nullopt;
  }
  if (!in.eof() && in.peek() != EOF) return std::nullopt;
  if (v[0] < 0 || v[1] < 0 || v[0] >= v[2] || v[1] >= v[3]) return std::nullopt;
  return BBox{v[0], v[1], v[2], v[3]};
}

void WriteRoles(std::ostream& out, Files files, const TableRules& rules) {
  for (const FileTables& file : files) {
    if (files.size() > 1) out << file.path << "\n";
    for (const PageTables& p : file.pages) {
      for (size_t t = 0; t < p.tables.size(); ++t) {
        TypedTable table = UnderstandTable(p.tables[t], rules);
        const std::optional<Block> turned = TurnedRecord(table, rules);
        if (turned) table = UnderstandTable(*turned, rules);
        out << "page " << p.page << ", table " << t + 1 << ": " << table.rows.size() << " rows, "
            << table.header.rows << " header rows, confidence " << table.confidence << "\n";
        if (turned) out << "  read turned: one record down its rows, the labels its header\n";
        if (table.header.months) {
          out << "  months: a grid"
              << (table.header.months_by_position ? ", laid by position (labels unread)" : "")
              << "\n";
        }
        if (!table.header.half_year.empty()) out << "  months: two rows of six\n";
        for (size_t c = 0; c < table.roles.size(); ++c) {
          const RoleAssignment& a = table.roles[c];
          const std::string label = c < table.header.titles.size() ? table.header.titles[c] : "";
          out << "  column " << c + 1 << " '" << label << "': " << ToString(a.role);
          if (a.role != ColumnRole::kUnknown) {
            out << " (score " << a.score << ", margin " << a.margin << "; " << a.evidence << ")";
          }
          out << "\n";
        }
        out << "  rows:";
        for (const TypedRow& row : table.rows) out << ' ' << ToString(row.kind);
        out << "\n";
      }
    }
  }
}

struct TablesOptions : FilesToRead {
  std::string format;
  std::optional<BBox> area;
  bool roles = false;
  OcrOptions ocr;
};

// `files` in `format`, or the roles of their tables when `rules` is given (--roles).
Status WriteFormat(std::ostream& out, const std::string& format, Files files,
                   const TableRules* rules) {
  if (rules != nullptr) {
    WriteRoles(out, files, *rules);
  } else if (format == "csv") {
    WriteCsv(out, files);
  } else if (format == "markdown") {
    WriteMarkdown(out, files);
  } else if (format == "html") {
    WriteHtml(out, files);
  } else if (format == "xlsx") {
    return WriteXlsx(out, files);
  } else {
    for (const FileTables& file : files) WriteJson(out, file);
  }
  return Status::Ok();
}

// -o names a folder: one that exists, or a name ending in '/'.
bool IsFolder(const std::filesystem::path& output) {
  std::error_code ec;
  return !output.empty() &&
         (std::filesystem::is_directory(output, ec) || output.string().ends_with('/'));
}

// One output file and what goes into it.
struct Output {
  std::filesystem::path path;
  std::function<Status(std::ostream&)> write;
};

// The files -o FILE|DIR asks for: one, or one per input file, or with csv one per table.
std::vector<Output> PlanOutputs(const std::filesystem::path& to, const std::string& format,
                                Files read, const TableRules* rules) {
  auto in_format = [format, rules](const std::filesystem::path& path, Files files) -> Output {
    return {path, [format, rules, files, path](std::ostream& out) {
              Status s = WriteFormat(out, format, files, rules);
              if (s.ok()) return s;
              return Status::IoError("cannot write " + path.string() + ": " + s.message());
            }};
  };
  if (!IsFolder(to)) return {in_format(to, read)};
  std::vector<Output> outputs;
  for (const FileTables& file : read) {
    if (format == "csv" && rules == nullptr) {
      for (const PageTables& p : file.pages) {
        for (size_t t = 0; t < p.tables.size(); ++t) {
          const Block* table = &p.tables[t];
          outputs.push_back({to / (file.stem + "-p" + std::to_string(p.page) + "-t" +
                                   std::to_string(t + 1) + ".csv"),
                             [table](std::ostream& out) {
                               WriteCsvTable(out, *table);
                               return Status::Ok();
                             }});
        }
      }
    } else {
      const std::string extension = rules ? "txt" : format == "markdown" ? "md" : format;
      outputs.push_back(in_format(to / (file.stem + "." + extension), Files(&file, 1)));
    }
  }
  return outputs;
}

int RunTables(const CLI::App& command, const GlobalOptions& global, const TablesOptions& o) {
  if (o.files.empty()) return UsageFailure(command, "tables needs a file");
  if (global.json && !o.format.empty() && o.format != "json") {
    return UsageFailure(command, "--format " + o.format + " and --json: choose one");
  }
  const std::string format = o.format.empty() ? "json" : o.format;
  if (format == "xlsx" && o.output.empty() && !o.roles) {
    return UsageFailure(command, "--format xlsx needs -o FILE or -o DIR");
  }
  if (IsFolder(o.output)) {
    std::map<std::string, std::string> stems;
    for (const std::string& file : o.files) {
      const std::string stem = std::filesystem::path(file).stem().string();
      const auto [seen, fresh] = stems.emplace(stem, file);
      if (!fresh) {
        return UsageFailure(command, seen->second + " and " + file +
                                         " would write files of the same names in " +
                                         o.output.string() + ": run them separately");
      }
    }
  }
  std::optional<TableRules> rules;
  if (o.roles) {
    auto base = ExtractionRules::Load(global.data_dir);
    if (!base.ok()) {
      spdlog::error("data folder {}: {}", global.data_dir.string(), base.status().message());
      return kExitFatal;
    }
    auto loaded = TableRules::Load(global.data_dir, std::move(*base));
    if (!loaded.ok()) {
      spdlog::error("data folder {}: {}", global.data_dir.string(), loaded.status().message());
      return kExitFatal;
    }
    rules = std::move(*loaded);
  }

  OcrPool ocr(o.ocr);
  std::vector<FileTables> read;
  int failed = 0;
  for (const std::string& file : o.files) {
    auto bytes = ReadSourceFile(file);
    Result<std::vector<PageTables>> tables =
        bytes.ok() ? ReadTables(*bytes, file, &ocr, o.pages, o.password) : bytes.status();
    if (!tables.ok()) {
      spdlog::error("{}", tables.status().message());
      ++failed;
      continue;
    }
    FileTables got{file, std::filesystem::path(file).stem().string(), {}};
    for (PageTables& page : *tables) {
      if (o.area) {
        std::erase_if(page.tables, [&](Block& table) { return !CropToArea(*o.area, &table); });
      }
      if (!page.tables.empty()) got.pages.push_back(std::move(page));
    }
    read.push_back(std::move(got));
  }
  const TableRules* roles = rules ? &*rules : nullptr;
  if (o.output.empty()) {
    WriteFormat(std::cout, format, read, roles);
    return failed > 0 ? kExitSomeFailed : kExitOk;
  }

  if (o.output.string().ends_with('/')) {
    std::error_code ec;
    std::filesystem::create_directories(o.output, ec);
    if (ec) {
      spdlog::error("cannot make the folder {}: {}", o.output.string(), ec.message());
      return kExitFatal;
    }
  }
  const std::vector<Output> outputs = PlanOutputs(o.output, format, read, roles);
  if (!o.force) {
    std::string existing;
    size_t count = 0;
    for (const Output& out : outputs) {
      std::error_code ec;
      if (std::filesystem::exists(out.path, ec))
        existing += (count++ ? ", " : "") + out.path.string();
    }
    if (count > 0) {
      spdlog::error("{} already exist{}; nothing was written (--force overwrites)", existing,
                    count == 1 ? "s" : "");
      return kExitFatal;
    }
  }
  for (const Output& out : outputs) {
    if (Status s = WriteAtomically(out.path, out.write); !s.ok()) {
      spdlog::error("{}", s.message());
      return kExitFatal;
    }
    if (!global.quiet) std::cout << out.path.string() << "\n";
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

Command AddTables(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kTablesHelp);
  auto o = std::make_shared<TablesOptions>();
  AddFilesToRead(command, o.get(), "FILE", "a file, or a folder (see below); default stdout",
                 "FILE|DIR");
  Checked(command
              ->add_option_function<std::string>(
                  "--area", [o](const std::string& box) { o->area = ParseArea(box); },
                  "only what lies inside this box of each page: points from the top left, e.g. "
                  "0,90,612,400")
              ->type_name("x0,y0,x1,y1"),
          [](const std::string& name, const std::string& box) {
            if (ParseArea(box)) return std::string();
            return name + " takes x0,y0,x1,y1 in points with x0 < x1 and y0 < y1, not '" + box +
                   "'";
          });
  CLI::Option* format =
      AddChoice(command, "--format", &o->format, {"json", "csv", "markdown", "html", "xlsx"},
                "json (default), csv, markdown, html or xlsx");
  command->add_flag("--roles", o->roles, "how oplex understands each table (see below)")
      ->excludes(format);
  AddOcrOptions(command, &o->ocr);
  return [command, o, &global] { return RunTables(*command, global, *o); };
}

}  // namespace oplex::cli
