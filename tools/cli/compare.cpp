// `oplex compare`: institutes side by side, by category, by month and by indicator coverage.
// On a terminal three tables with one column group per institute and year; --json one object
// with the three parts; --format csv one part as a tidy table (one row per column and item).
#include "models/compare.h"

#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/normalize/utf8.h"
#include "tools/cli/args.h"
#include "tools/cli/commands.h"
#include "tools/cli/csv.h"
#include "tools/cli/json.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kCompareHelp = {
    "compare", "institutes side by side: by category, by month, by indicator coverage", "[options]",
    R"(Institutes side by side, one column per institute and year: (1) activities per category of
the taxonomy, with their share of the column's activities; (2) activities scheduled per month and
the quantities planned for the month, over the activities whose months the documents show ("—" where
none does); (3) indicator coverage: documents, work plans, activities, indicators, those linked to
an activity, activities with an indicator, and work plans without any indicator.
)",
    R"(--format csv writes one part (--part is required), RFC 4180, one row per column and item:
  categories: institute,year,category,label,rank,activities,share
  months:     institute,year,month,activities_with_months,activities_scheduled,
              activities_with_quantity,planned_quantity
  indicators: institute,year,documents,plans,activities,indicators,indicators_linked,
              activities_with_indicator,plans_without_indicators,editions_not_counted
An empty field is unknown (or, for institute and year, not recognised).
--format json (or --json): {"filters", "columns", "categories", "months", "indicators"}: the
parts hold the rows the CSV would, and the indicators rows also list the paths of their work
plans without indicators (plans_without_indicators_paths) and of the editions counted of plans
stored more than once (counted_editions_paths).

A plan stored more than once (its text, PDF and scan; a corrected re-publication: documents of one
institute, year, kind and title) counts once, by its richest edition (the most complete by what was extracted from it; then
a born-digital PDF over a scan over text, then the newest): documents, activities and the rest count that edition,
"Editions not counted" the others, and a line names each edition counted.

An institute or a year the database does not hold is a usage error (exit code 2) that names what
it holds. When the filters together match nothing (a kind an institute has not published), a
warning says so on stderr and the output is empty (JSON and CSV keep their structure and
header); the exit code is 0.
)"};

enum class Part { kCategories, kMonths, kIndicators };
constexpr Part kParts[] = {Part::kCategories, Part::kMonths, Part::kIndicators};

const char* PartName(Part part) {
  switch (part) {
    case Part::kCategories:
      return "categories";
    case Part::kMonths:
      return "months";
    case Part::kIndicators:
      return "indicators";
  }
  return "";
}

struct CompareOptions {
  CompareFilter filter;
  std::optional<Part> part;  // nullopt: all three
  std::string part_name;
  std::string format = "text";
  bool csv = false;  // the --csv of old: now --format csv

  bool Shows(Part p) const { return !part || *part == p; }
};

// ---- Rows: what --json and --format csv print, one list of keys, one row per column and item ----

using Value = std::variant<std::monostate, int64_t, double, std::string>;  // monostate: unknown

template <typename T>
Value Optional(const std::optional<T>& v) {
  return v ? Value(*v) : Value();
}

std::vector<const char*> Keys(Part part) {
  switch (part) {
    case Part::kCategories:
      return {"institute", "year", "category", "label", "rank", "activities", "share"};
    case Part::kMonths:
      return {"institute",
              "year",
              "month",
              "activities_with_months",
              "activities_scheduled",
              "activities_with_quantity",
              "planned_quantity"};
    case Part::kIndicators:
      return {"institute",
              "year",
              "documents",
              "plans",
              "activities",
              "indicators",
              "indicators_linked",
              "activities_with_indicator",
              "plans_without_indicators",
              "editions_not_counted"};
  }
  return {};
}

bool AnyNotYetClassified(const Comparison& c) {
  for (const InstituteYear& column : c.columns) {
    if (column.not_yet_classified > 0) return true;
  }
  return false;
}

// The rows of `part` for `column`, their values in the order of Keys(part).
std::vector<std::vector<Value>> Rows(const Comparison& c, const InstituteYear& column, Part part) {
  const Value institute = Optional(column.institute);
  const Value year = column.year ? Value(int64_t{*column.year}) : Value();
  std::vector<std::vector<Value>> rows;
  switch (part) {
    case Part::kCategories:
      for (size_t i = 0; i < c.categories.size(); ++i) {
        const CategoryInfo& info = c.categories[i];
        const int64_t n = column.category_activities[i];
        rows.push_back({institute, year, info.slug, info.label, int64_t{info.rank}, n,
                        Optional(column.Share(n))});
      }
      if (AnyNotYetClassified(c)) {
        rows.push_back({institute, year, Value(), Value(), Value(), column.not_yet_classified,
                        Optional(column.Share(column.not_yet_classified))});
      }
      break;
    case Part::kMonths:
      for (const MonthLoad& m : column.months) {
        rows.push_back({institute, year, int64_t{m.month}, m.activities_with_months,
                        Optional(m.activities_scheduled), m.activities_with_quantity,
                        Optional(m.planned_quantity)});
      }
      break;
    case Part::kIndicators:
      rows.push_back({institute, year, column.documents, column.plans, column.activities,
                      column.indicators, column.indicators_linked, column.activities_with_indicator,
                      static_cast<int64_t>(column.plans_without_indicators.size()),
                      column.editions_not_counted});
      break;
  }
  return rows;
}

void WriteJsonValue(Json& j, const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) {
    j.Int(*i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    j.Number(*d);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    j.String(*s);
  } else {
    j.Null();
  }
}

std::string CsvValue(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", *d);
    return buf;
  }
  if (const auto* s = std::get_if<std::string>(&v)) return CsvField(*s);
  return "";
}

void WriteJson(const Comparison& c, const CompareOptions& options) {
  Json j(std::cout);
  j.BeginObject();
  j.Key("filters").BeginObject();
  j.Key("institutes");
  if (options.filter.institutes.empty()) {
    j.Null();
  } else {
    j.BeginArray();
    for (const std::string& code : options.filter.institutes) j.String(code);
    j.EndArray();
  }
  j.Key("year").OptInt(options.filter.year);
  j.Key("kind");
  if (options.filter.kind) {
    j.String(ToString(*options.filter.kind));
  } else {
    j.Null();
  }
  j.EndObject();
  j.Key("columns").BeginArray();
  for (const InstituteYear& column : c.columns) {
    j.BeginObject();
    j.Key("institute").OptString(column.institute);
    j.Key("year").OptInt(column.year);
    j.Key("documents").Int(column.documents);
    j.Key("activities").Int(column.activities);
    j.EndObject();
  }
  j.EndArray();
  for (Part part : kParts) {
    if (!options.Shows(part)) continue;
    const std::vector<const char*> keys = Keys(part);
    j.Key(PartName(part)).BeginArray();
    for (const InstituteYear& column : c.columns) {
      for (const std::vector<Value>& row : Rows(c, column, part)) {
        j.BeginObject();
        for (size_t k = 0; k < keys.size(); ++k) {
          j.Key(keys[k]);
          WriteJsonValue(j, row[k]);
        }
        if (part == Part::kIndicators) {
          j.Key("plans_without_indicators_paths").BeginArray();
          for (const std::string& path : column.plans_without_indicators) j.String(path);
          j.EndArray();
          j.Key("counted_editions_paths").BeginArray();
          for (const CountedEdition& e : column.counted_editions) j.String(e.path);
          j.EndArray();
        }
        j.EndObject();
      }
    }
    j.EndArray();
  }
  j.EndObject();
  std::cout << "\n";
}

void WriteCsv(const Comparison& c, Part part) {
  const std::vector<const char*> keys = Keys(part);
  for (size_t k = 0; k < keys.size(); ++k) std::cout << (k ? "," : "") << keys[k];
  std::cout << "\r\n";
  for (const InstituteYear& column : c.columns) {
    for (const std::vector<Value>& row : Rows(c, column, part)) {
      for (size_t k = 0; k < row.size(); ++k) std::cout << (k ? "," : "") << CsvValue(row[k]);
      std::cout << "\r\n";
    }
  }
}

// ---- Text tables for a terminal ----

// Characters on screen: one column a code point (the labels are Latin text).
size_t Width(const std::string& text) { return CodePoints(text); }

std::string PadLeft(const std::string& text, size_t width) {
  const size_t w = Width(text);
  return w >= width ? text : std::string(width - w, ' ') + text;
}

std::string PadRight(const std::string& text, size_t width) {
  const size_t w = Width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

constexpr char kUnknown[] = "—";

// A table whose row labels run down the left and whose columns come in groups, one group per
// institute and year, each with the same subcolumns.
struct TextTable {
  struct Group {
    std::string institute, year;                  // the group's two header lines
    std::vector<std::vector<std::string>> cells;  // [row][subcolumn]
  };
  std::string title;
  std::vector<std::string> subcolumns;  // names under each group's header; "" for none
  std::vector<std::string> rows;        // row labels
  std::vector<Group> groups;

  // Prints the table; groups that do not fit in `width` columns go on to a next block, which
  // repeats the row labels.
  void Print(std::ostream& out, size_t width = 100) const;
};

void TextTable::Print(std::ostream& out, size_t width) const {
  constexpr size_t kGap = 3;  // between groups
  size_t label_width = 0;
  for (const std::string& label : rows) label_width = std::max(label_width, Width(label));
  std::vector<std::vector<size_t>> sub_widths;
  std::vector<size_t> group_widths;
  for (const Group& g : groups) {
    std::vector<size_t> w;
    for (size_t s = 0; s < subcolumns.size(); ++s) {
      size_t widest = Width(subcolumns[s]);
      for (const auto& row : g.cells) widest = std::max(widest, Width(row[s]));
      w.push_back(widest);
    }
    size_t total = subcolumns.size() - 1;
    for (size_t sw : w) total += sw;
    const size_t header = std::max(Width(g.institute), Width(g.year));
    if (header > total) {
      w.front() += header - total;
      total = header;
    }
    sub_widths.push_back(std::move(w));
    group_widths.push_back(total);
  }
  bool named_subcolumns = false;
  for (const std::string& s : subcolumns) named_subcolumns |= !s.empty();

  out << title << "\n";
  for (size_t first = 0; first < groups.size();) {
    size_t last = first + 1, used = label_width + kGap + group_widths[first];
    while (last < groups.size() && used + kGap + group_widths[last] <= width) {
      used += kGap + group_widths[last++];
    }
    if (first > 0) out << "\n";
    auto line = [&](auto&& cell_of_group) {
      std::string text = std::string(label_width, ' ');
      for (size_t g = first; g < last; ++g) text += std::string(kGap, ' ') + cell_of_group(g);
      out << text << "\n";
    };
    line([&](size_t g) { return PadLeft(groups[g].institute, group_widths[g]); });
    line([&](size_t g) { return PadLeft(groups[g].year, group_widths[g]); });
    auto subcolumn_line = [&](size_t g, const std::vector<std::string>& texts) {
      std::string text;
      for (size_t s = 0; s < texts.size(); ++s) {
        if (s > 0) text += ' ';
        text += PadLeft(texts[s], sub_widths[g][s]);
      }
      return text;
    };
    if (named_subcolumns) line([&](size_t g) { return subcolumn_line(g, subcolumns); });
    for (size_t r = 0; r < rows.size(); ++r) {
      std::string text = PadRight(rows[r], label_width);
      for (size_t g = first; g < last; ++g) {
        text += std::string(kGap, ' ') + subcolumn_line(g, groups[g].cells[r]);
      }
      // Trailing blanks of an empty last cell would only make copying from a terminal harder.
      out << text.substr(0, text.find_last_not_of(' ') + 1) << "\n";
    }
    first = last;
  }
}

std::string Percent(const std::optional<double>& share) {
  if (!share) return kUnknown;
  // Halves round away from zero, as SQLite's round() does: 12 of 192 is 6.3%, not 6.2%.
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", std::round(1000 * *share) / 10);
  return buf;
}

std::string QuantityText(const std::optional<double>& v) {
  if (!v) return kUnknown;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", *v);
  return buf;
}

TextTable Table(const Comparison& c, Part part) {
  TextTable t;
  for (const InstituteYear& column : c.columns) {
    t.groups.push_back(
        {column.institute.value_or("?"), column.year ? std::to_string(*column.year) : "?", {}});
  }
  switch (part) {
    case Part::kCategories:
      t.title = "Activities by category, and their share of the institute's activities";
      t.subcolumns = {"count", "share"};
      for (const CategoryInfo& info : c.categories) t.rows.push_back(info.label);
      if (AnyNotYetClassified(c)) t.rows.push_back("Not yet classified (ingest again)");
      t.rows.push_back("Total");
      for (size_t g = 0; g < c.columns.size(); ++g) {
        const InstituteYear& column = c.columns[g];
        auto add = [&](int64_t n) {
          t.groups[g].cells.push_back({std::to_string(n), Percent(column.Share(n))});
        };
        for (int64_t n : column.category_activities) add(n);
        if (AnyNotYetClassified(c)) add(column.not_yet_classified);
        add(column.activities);
      }
      break;
    case Part::kMonths: {
      t.title = "Activities scheduled per month, and the quantities planned for the month";
      t.subcolumns = {"scheduled", "quantity"};
      t.rows.push_back("Months known");
      static const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
      for (const char* name : kMonthNames) t.rows.push_back(name);
      for (size_t g = 0; g < c.columns.size(); ++g) {
        const InstituteYear& column = c.columns[g];
        t.groups[g].cells.push_back({std::to_string(column.months[0].activities_with_months) +
                                         " of " + std::to_string(column.activities),
                                     ""});
        for (const MonthLoad& m : column.months) {
          t.groups[g].cells.push_back(
              {m.activities_scheduled ? std::to_string(*m.activities_scheduled) : kUnknown,
               QuantityText(m.planned_quantity)});
        }
      }
      break;
    }
    case Part::kIndicators:
      t.title = "Indicator coverage";
      t.subcolumns = {""};
      t.rows = {"Documents",
                "Work plans",
                "Activities",
                "Indicators",
                "Linked to an activity",
                "Activities with an indicator",
                "Work plans without indicators",
                "Editions not counted"};
      for (size_t g = 0; g < c.columns.size(); ++g) {
        const InstituteYear& column = c.columns[g];
        for (int64_t n : {column.documents, column.plans, column.activities, column.indicators,
                          column.indicators_linked, column.activities_with_indicator,
                          static_cast<int64_t>(column.plans_without_indicators.size()),
                          column.editions_not_counted}) {
          t.groups[g].cells.push_back({std::to_string(n)});
        }
      }
      break;
  }
  return t;
}

void WriteText(const Comparison& c, const CompareOptions& options) {
  bool first = true;
  for (Part part : kParts) {
    if (!options.Shows(part)) continue;
    if (!first) std::cout << "\n";
    first = false;
    Table(c, part).Print(std::cout);
    if (part == Part::kMonths) {
      std::cout << kUnknown
                << " unknown: no document shows the months, or no grid gives a quantity. A month's"
                   " quantity\n  adds up the activities' own units: compare months within one "
                   "column.\n";
    }
    if (part == Part::kIndicators) {
      for (const InstituteYear& column : c.columns) {
        for (const std::string& path : column.plans_without_indicators) {
          std::cout << "  no indicators: " << path << "\n";
        }
        for (const CountedEdition& e : column.counted_editions) {
          std::cout << "  counted: " << e.path << " (one plan of " << e.editions
                    << " editions; `oplex documents` lists them)\n";
        }
      }
    }
  }
}

// Says on stderr when nothing passed the filter.
void WarnAboutEmptyFilters(const Comparison& c, const CompareFilter& filter) {
  if (!c.columns.empty()) return;
  if (filter.institutes.empty() && !filter.year && !filter.kind) {
    spdlog::warn("the database holds no documents");
    return;
  }
  std::string text;
  for (size_t i = 0; i < filter.institutes.size(); ++i) {
    text += (i ? "," : " --institute ") + filter.institutes[i];
  }
  if (filter.year) text += " --year " + std::to_string(*filter.year);
  if (filter.kind) text += std::string(" --kind ") + ToString(*filter.kind);
  spdlog::warn("no documents match{}", text);
}

int RunCompare(const CLI::App& command, const GlobalOptions& global, CompareOptions& options) {
  if (options.csv) return UsageFailure(command, "--csv is now --format csv");
  if (global.json && options.format == "csv") {
    return UsageFailure(command, "--format csv and --json: choose one");
  }
  if (global.json) options.format = "json";
  for (Part part : kParts) {
    if (options.part_name == PartName(part)) options.part = part;
  }
  if (options.format == "csv" && !options.part) {
    return UsageFailure(command,
                        "--format csv writes one part at a time: add --part categories, months "
                        "or indicators");
  }
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  auto comparison = Compare(**store, options.filter);
  if (!comparison.ok()) {
    if (comparison.status().code() == Status::Code::kInvalidInput) {
      return UsageFailure(command, comparison.status().message());
    }
    spdlog::error("{}", comparison.status().message());
    return kExitFatal;
  }
  WarnAboutEmptyFilters(*comparison, options.filter);
  if (options.format == "json") {
    WriteJson(*comparison, options);
  } else if (options.format == "csv") {
    WriteCsv(*comparison, *options.part);
  } else if (!comparison->columns.empty()) {
    WriteText(*comparison, options);
  }
  return kExitOk;
}

}  // namespace

Command AddCompare(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kCompareHelp);
  auto o = std::make_shared<CompareOptions>();
  AddInstitutes(command, &o->filter.institutes,
                "only these institutes (codes as in `oplex stats`, any case), in this order; may "
                "be repeated");
  AddYear(command, &o->filter.year, "only documents of this year");
  Checked(command
              ->add_option_function<std::string>(
                  "--kind",
                  [o](const std::string& kind) { o->filter.kind = DocumentKindFromText(kind); },
                  "only documents of this kind: " + ClassifiedKindNames())
              ->type_name("KIND"),
          [](const std::string& name, const std::string& kind) {
            const std::optional<DocumentKind> known = DocumentKindFromText(kind);
            if (known && *known != DocumentKind::kUnknown) return std::string();
            return name + " is " + ClassifiedKindNames() + ", not '" + kind + "'";
          });
  AddChoice(command, "--part", &o->part_name, {"categories", "months", "indicators"},
            "only one part");
  AddChoice(command, "--format", &o->format, {"text", "csv", "json"},
            "text (default, for people), csv (one part) or json");
  command->add_flag("--csv", o->csv)->group("");  // renamed: says so
  return [command, o, &global] { return RunCompare(*command, global, *o); };
}

}  // namespace oplex::cli
