// `oplex search TEXT`: full-text search over the stored activities, indicators, sections and
// events (models/search.h), with the words parsed by pipeline/search_terms.h.
#include "models/search.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <limits>

#include "pipeline/normalize/utf8.h"
#include "pipeline/search_terms.h"
#include "tools/cli/args.h"
#include "tools/cli/commands.h"
#include "tools/cli/json.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kSearchHelp = {
    "search", "activities, indicators, sections and events containing TEXT (accents ignored)",
    "TEXT... [options]",
    R"(Finds the activities, indicators, sections (programmes, projects, areas) and events (the
sessions of activity reports) that contain TEXT, best matches first, each with its institute, year,
kind, code, page (or line, when the source has no page marks), document and a snippet with the match
highlighted.

Every word of TEXT must be found (in any order) in the code, the text, an indicator's definition,
method or objective, or an event's body. Case and accents are ignored: cómputo = COMPUTO.
  "two words"  in double quotes: a phrase, the words side by side in this order
  elector*     a word ending in * also finds the longer words it begins (electoral, electores)
  PREP         an acronym listed in data/search_acronyms.tsv (without *) also finds its long forms
               ("Programa de Resultados Electorales Preliminares") and other spellings
Nothing else is an operator: AND, OR, NOT, parentheses, slashes and colons are searched as text
(INE/CG825/2022 finds that agreement code). After --, every argument is TEXT.
)",
    R"(--json prints an array of {kind, institute, year, code, page, line, document, text, snippet,
highlights, score}: kind is activity, indicator, section or event; highlights are the
[start, end) character offsets of the matches in snippet; score is bm25, lower is better.
Exit code 1 when nothing matches.
)"};

constexpr int kDefaultLimit = 20;

// "page 20", else "line 483" for a text export without page marks, else "".
std::string Where(const SearchHit& hit) {
  if (hit.page) return "page " + std::to_string(*hit.page);
  if (hit.line) return "line " + std::to_string(*hit.line);
  return "";
}

void WriteJson(const std::vector<SearchHit>& hits) {
  Json j(std::cout);
  j.BeginArray();
  for (const SearchHit& hit : hits) {
    j.BeginObject();
    j.Key("kind").String(hit.kind);
    j.Key("institute").OptString(hit.institute);
    j.Key("year").OptInt(hit.year);
    j.Key("code").OptString(hit.code);
    j.Key("page").OptInt(hit.page);
    j.Key("line").OptInt(hit.line);
    j.Key("document").String(hit.document_path);
    j.Key("text").String(hit.text);
    std::string snippet;
    std::vector<std::pair<size_t, size_t>> highlights;
    for (const SnippetPart& part : hit.snippet) {
      const size_t start = CodePoints(snippet);
      snippet += part.text;
      if (part.match) highlights.emplace_back(start, CodePoints(snippet));
    }
    j.Key("snippet").String(snippet);
    j.Key("highlights").BeginArray();
    for (const auto& [start, end] : highlights) {
      j.BeginArray().Int(static_cast<int64_t>(start)).Int(static_cast<int64_t>(end)).EndArray();
    }
    j.EndArray();
    j.Key("score").Number(hit.score);
    j.EndObject();
  }
  j.EndArray();
  std::cout << "\n";
}

// One hit as two lines: where it is, then its snippet, the matches in bold red on a terminal
// (as grep shows them) unless NO_COLOR is set.
void WriteText(const std::vector<SearchHit>& hits, bool more) {
  const bool color = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  for (const SearchHit& hit : hits) {
    std::cout << hit.institute.value_or("?") << " " << (hit.year ? std::to_string(*hit.year) : "?")
              << "  " << hit.kind;
    if (hit.code) std::cout << " " << *hit.code;
    const std::string where = Where(hit);
    if (!where.empty()) std::cout << "  " << where;
    std::cout << "  " << hit.document_path << "\n    ";
    for (const SnippetPart& part : hit.snippet) {
      if (part.match && color) {
        std::cout << "\x1b[1;31m" << part.text << "\x1b[0m";
      } else {
        std::cout << part.text;
      }
    }
    std::cout << "\n";
  }
  std::cout << hits.size() << (hits.size() == 1 ? " result" : " results");
  if (more) std::cout << " shown; there are more (raise --limit)";
  std::cout << "\n";
}

struct SearchOptions {
  std::vector<std::string> words;
  SearchQuery query;
};

int RunSearch(const CLI::App& command, const GlobalOptions& global, SearchOptions& o) {
  SearchQuery& query = o.query;
  std::string text;
  for (const std::string& word : o.words) text += (text.empty() ? "" : " ") + word;
  if (text.empty()) return UsageFailure(command, "search needs the text to look for");

  auto acronyms = SearchAcronyms::Load(global.data_dir);
  if (!acronyms.ok()) {
    spdlog::error("data folder {}: {}", global.data_dir.string(), acronyms.status().message());
    return kExitFatal;
  }
  query.terms = ParseSearchText(text, *acronyms);
  if (!MatchExpression(query.terms)) {
    return UsageFailure(command,
                        "nothing to search for in '" + text + "': it has no letters or digits");
  }
  auto store = OpenExisting(global);
  if (!store.ok()) {
    spdlog::error("{}", store.status().message());
    return kExitFatal;
  }
  const int shown = query.limit;
  if (query.limit < std::numeric_limits<int>::max())
    ++query.limit;  // one more tells if there are more
  auto hits = Search(**store, query);
  if (!hits.ok()) {
    spdlog::error("{}", hits.status().message());
    return kExitFatal;
  }
  const bool more = hits->size() > static_cast<size_t>(shown);
  if (more) hits->resize(shown);
  if (global.json) {
    WriteJson(*hits);
  } else {
    WriteText(*hits, more);
  }
  return hits->empty() ? kExitSomeFailed : kExitOk;
}

}  // namespace

Command AddSearch(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kSearchHelp);
  auto o = std::make_shared<SearchOptions>();
  o->query.limit = kDefaultLimit;
  command->add_option("TEXT", o->words, "the words to find")->type_name("");
  command
      ->add_option("--institute", o->query.institute,
                   "only documents of this institute, by its code in `oplex stats` (IEEM, "
                   "IEE-AGS)")
      ->type_name("CODE");
  AddYear(command, &o->query.year, "only documents of this year");
  AddBounded(command, "--limit", &o->query.limit, 1, std::numeric_limits<int>::max(),
             "at most N results (default 20)");
  return [command, o, &global] { return RunSearch(*command, global, *o); };
}

}  // namespace oplex::cli
