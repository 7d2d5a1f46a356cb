#include "extractors/event_rules.h"

#include "pipeline/tsv.h"

namespace oplex {
namespace {

Result<std::shared_ptr<const RE2>> Compile(const TsvTable& table, const TsvRow& row) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(table.Get(row, "pattern"), options);
  if (!re->ok()) return table.Error(row.line, "bad pattern: " + re->error());
  // A pattern that matches nothing at all would match everywhere.
  if (RE2::PartialMatch("", *re)) return table.Error(row.line, "the pattern matches empty text");
  return std::shared_ptr<const RE2>(re);
}

// The patterns of a file with the single column `pattern`.
Result<std::vector<std::shared_ptr<const RE2>>> LoadPatterns(const std::filesystem::path& path) {
  auto table = ReadTsv(path, {"pattern"});
  if (!table.ok()) return table.status();
  std::vector<std::shared_ptr<const RE2>> patterns;
  for (const TsvRow& row : table->rows) {
    auto re = Compile(*table, row);
    if (!re.ok()) return re.status();
    patterns.push_back(*re);
  }
  return patterns;
}

Result<bool> YesNo(const TsvTable& table, const TsvRow& row, const std::string& column,
                   const std::string& yes, const std::string& no) {
  const std::string& value = table.Get(row, column);
  if (value == yes) return true;
  if (value == no) return false;
  return table.Error(row.line, column + " must be " + yes + " or " + no);
}

}  // namespace

Result<EventRules> EventRules::Load(const std::filesystem::path& data_dir) {
  EventRules rules;

  auto kinds = ReadTsv(data_dir / "event_kinds.tsv", {"kind", "evidence", "pattern"});
  if (!kinds.ok()) return kinds.status();
  for (const TsvRow& row : kinds->rows) {
    const std::string& kind = kinds->Get(row, "kind");
    if (kind.empty() || kind.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
      return kinds->Error(row.line, "kind must be a lower-case identifier");
    const std::string& evidence = kinds->Get(row, "evidence");
    Evidence parsed = Evidence::kNames;
    if (evidence == "act") {
      parsed = Evidence::kAct;
    } else if (evidence == "list") {
      parsed = Evidence::kList;
    } else if (evidence != "names") {
      return kinds->Error(row.line, "evidence must be names, act or list");
    }
    auto re = Compile(*kinds, row);
    if (!re.ok()) return re.status();
    rules.kinds_.push_back(KindPattern{kind, parsed, *re});
  }

  auto bodies = ReadTsv(data_dir / "event_bodies.tsv", {"body", "of_institute", "pattern"});
  if (!bodies.ok()) return bodies.status();
  for (const TsvRow& row : bodies->rows) {
    const std::string& body = bodies->Get(row, "body");
    if (body.empty()) return bodies->Error(row.line, "empty body");
    auto of_institute = YesNo(*bodies, row, "of_institute", "yes", "no");
    if (!of_institute.ok()) return of_institute.status();
    auto re = Compile(*bodies, row);
    if (!re.ok()) return re.status();
    rules.bodies_.push_back(BodyPattern{body, *of_institute, *re});
  }

  auto codes = LoadPatterns(data_dir / "reference_codes.tsv");
  if (!codes.ok()) return codes.status();
  rules.codes_ = std::move(*codes);

  auto reference_kinds = ReadTsv(data_dir / "reference_kinds.tsv", {"kind", "pattern"});
  if (!reference_kinds.ok()) return reference_kinds.status();
  for (const TsvRow& row : reference_kinds->rows) {
    const std::string& kind = reference_kinds->Get(row, "kind");
    if (kind.empty()) return reference_kinds->Error(row.line, "empty kind");
    auto re = Compile(*reference_kinds, row);
    if (!re.ok()) return re.status();
    rules.reference_kinds_.push_back(ReferenceKindPattern{kind, *re});
  }

  auto places = LoadPatterns(data_dir / "event_places.tsv");
  if (!places.ok()) return places.status();
  rules.place_headers_ = std::move(*places);
  return rules;
}

}  // namespace oplex
