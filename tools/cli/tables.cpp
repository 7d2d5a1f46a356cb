#include <algorithm>
#include <iostream>
#include <set>
#include <sstream>

#include "extractors/rules.h"
#include "extractors/table/table_reader.h"
#include "extractors/table/table_rules.h"
#include "pipeline/page_blocks.h"
#include "pipeline/source_file.h"
#include "tools/cli/args.h"
#include "tools/cli/commands.h"
#include "tools/cli/csv.h"
#include "tools/cli/json.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kTablesHelp = {
    "tables", "the tables of a PDF or a page image, as JSON or CSV (no database needed)",
    "FILE [options]",
    R"(Prints the tables of a PDF or a scanned page image (PNG, JPEG, TIFF): ruled tables from their
lines, unruled ones from aligned whitespace; pages without a text layer are read by OCR.
A table continued over the next pages comes back once, on the page where it starts, without the
header rows the later pages repeat. A merged cell's text is at its top-left position and the
positions it covers are "".
)",
    R"(--format json (or --json): {"file", "pages": [{"page", "tables": [{"bbox", "rows"}]}]};
--format csv: one RFC 4180 table after another, separated by an empty line.
--roles: how oplex understands each table instead of its cells: the header rows, each column's
role with its score, margin and evidence, the table's confidence and the kind of each row (text,
for people).
)"};

// "1,3-5" → {1, 3, 4, 5}.
std::optional<std::set<int>> ParsePages(const std::string& list) {
  std::set<int> pages;
  std::stringstream in(list);
  for (std::string part; std::getline(in, part, ',');) {
    int from = 0, to = 0;
    char dash = 0;
    std::stringstream p(part);
    if (!(p >> from) || from < 1) return std::nullopt;
    to = from;
    if (p >> dash && (dash != '-' || !(p >> to) || to < from)) return std::nullopt;
    if (!p.eof() && p.peek() != EOF) return std::nullopt;
    for (int i = from; i <= to; ++i) pages.insert(i);
  }
  if (pages.empty()) return std::nullopt;
  return pages;
}

// A cell as one line: its items ('\n') joined with spaces, as the cell reads on the page.
std::string Flat(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

void WriteCsv(const std::vector<PageTables>& pages) {
  bool first = true;
  for (const PageTables& p : pages) {
    for (const Block& table : p.tables) {
      if (!first) std::cout << "\r\n";
      first = false;
      for (const Row& row : table.rows) {
        for (size_t i = 0; i < row.cells.size(); ++i) {
          if (i > 0) std::cout << ',';
          std::cout << CsvField(Flat(row.cells[i].text));
        }
        std::cout << "\r\n";
      }
    }
  }
}

void WriteJson(const std::string& file, const std::vector<PageTables>& pages) {
  Json j(std::cout);
  j.BeginObject();
  j.Key("file").String(file);
  j.Key("pages").BeginArray();
  for (const PageTables& p : pages) {
    j.BeginObject();
    j.Key("page").Int(p.page);
    j.Key("tables").BeginArray();
    for (const Block& table : p.tables) {
      j.BeginObject();
      j.Key("bbox").BeginArray();
      const BBox box = table.bbox.value_or(BBox{});
      for (double v : {box.x0, box.y0, box.x1, box.y1}) j.Number(v);
      j.EndArray();
      j.Key("rows").BeginArray();
      for (const Row& row : table.rows) {
        j.BeginArray();
        for (const Cell& cell : row.cells) j.String(Flat(cell.text));
        j.EndArray();
      }
      j.EndArray();
      j.EndObject();
    }
    j.EndArray();
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
  std::cout << "\n";
}

void WriteRoles(const std::vector<PageTables>& pages, const TableRules& rules) {
  for (const PageTables& p : pages) {
    for (size_t t = 0; t < p.tables.size(); ++t) {
      const TypedTable table = UnderstandTable(p.tables[t], rules);
      std::cout << "page " << p.page << ", table " << t + 1 << ": " << table.rows.size()
                << " rows, " << table.header.rows << " header rows, confidence " << table.confidence
                << "\n";
      if (table.header.months) std::cout << "  months: a grid of twelve\n";
      if (!table.header.half_year.empty()) std::cout << "  months: two rows of six\n";
      for (size_t c = 0; c < table.roles.size(); ++c) {
        const RoleAssignment& a = table.roles[c];
        const std::string label = c < table.header.titles.size() ? table.header.titles[c] : "";
        std::cout << "  column " << c + 1 << " '" << label << "': " << ToString(a.role);
        if (a.role != ColumnRole::kUnknown) {
          std::cout << " (score " << a.score << ", margin " << a.margin << "; " << a.evidence
                    << ")";
        }
        std::cout << "\n";
      }
      std::cout << "  rows:";
      for (const TypedRow& row : table.rows) std::cout << ' ' << ToString(row.kind);
      std::cout << "\n";
    }
  }
}

struct TablesOptions {
  std::string file;
  std::string format = "json";
  bool roles = false;
  std::set<int> pages;
  OcrOptions ocr;
};

int RunTables(const CLI::App& command, const GlobalOptions& global, const TablesOptions& o) {
  if (o.file.empty()) return UsageFailure(command, "tables needs a file");
  if (global.json && o.format == "csv") {
    return UsageFailure(command, "--format csv and --json: choose one");
  }
  const std::string& file = o.file;
  const std::string& format = o.format;
  const bool roles = o.roles;
  const std::set<int>& pages = o.pages;
  const OcrOptions& ocr_options = o.ocr;
  auto bytes = ReadSourceFile(file);
  if (!bytes.ok()) {
    std::cerr << "oplex: " << bytes.status().message() << "\n";
    return kExitSomeFailed;
  }
  OcrPool ocr(ocr_options);
  auto tables = ReadTables(*bytes, file, &ocr, pages);
  if (!tables.ok()) {
    std::cerr << "oplex: " << tables.status().message() << "\n";
    return kExitSomeFailed;
  }
  if (roles) {
    auto base = ExtractionRules::Load(global.data_dir);
    if (!base.ok()) {
      std::cerr << "oplex: " << base.status().message() << "\n";
      return kExitFatal;
    }
    auto table_rules = TableRules::Load(global.data_dir, std::move(*base));
    if (!table_rules.ok()) {
      std::cerr << "oplex: " << table_rules.status().message() << "\n";
      return kExitFatal;
    }
    WriteRoles(*tables, *table_rules);
  } else if (format == "csv") {
    WriteCsv(*tables);
  } else {
    WriteJson(file, *tables);
  }
  return kExitOk;
}

}  // namespace

Command AddTables(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kTablesHelp);
  auto o = std::make_shared<TablesOptions>();
  command->add_option("FILE", o->file, "a PDF or an image")->type_name("");
  Checked(command
              ->add_option_function<std::string>(
                  "--pages", [o](const std::string& list) { o->pages = *ParsePages(list); },
                  "pages to read, e.g. 1,3-5 (default: all)")
              ->type_name("LIST"),
          [](const std::string& name, const std::string& list) {
            if (ParsePages(list)) return std::string();
            return name + " takes a list like 1,3-5, not '" + list + "'";
          });
  AddChoice(command, "--format", &o->format, {"json", "csv"}, "json (default) or csv");
  command->add_flag("--roles", o->roles, "how oplex understands each table (see below)");
  AddOcrOptions(command, &o->ocr);
  return [command, o, &global] { return RunTables(*command, global, *o); };
}

}  // namespace oplex::cli
