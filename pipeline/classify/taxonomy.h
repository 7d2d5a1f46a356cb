// Taxonomy: which function of an electoral institute an activity serves (organización electoral,
// PREP y cómputos, transparencia, ...), so that institutes whose work plans are organised
// differently can be compared function by function.
//
// The categories and the words that reveal them are data (data/taxonomy_categories.tsv and
// data/taxonomy.tsv, described below), not code. Every classification names the rule that gave
// it, so a surprising category can be traced to one line of data and fixed there.
//
// Load reads the files once; afterwards a Taxonomy is immutable (const methods, no caches; RE2
// matching is thread-safe), so one instance can be shared by reference between worker threads.
//
// Files (UTF-8, TAB-separated, a header row naming the columns; blank lines and lines starting
// with '#' are ignored):
//   taxonomy_categories.tsv  category, label: a slug ([a-z0-9_]+, unique) and the Spanish label
//                            reports show, in the order reports list them. "sin_clasificar" is
//                            reserved for activities no rule matches.
//   taxonomy.tsv             category, rule, scope, priority, pattern:
//     category  a slug of taxonomy_categories.tsv;
//     rule      the rule's id, unique in the file (e.g. "prep.prep"): what a classification
//               records as the reason;
//     scope     where the pattern is looked for: "text" (the activity's own text), "section"
//               (the titles of the sections holding it) or "both";
//     priority  a non-negative integer: 2 for words that decide on their own wherever they
//               stand (an activity that mentions the PREP is about the PREP), 1 for the
//               ordinary vocabulary of a function, 0 for weak hints that count only when
//               nothing stronger matches (a bare mention of the INE);
//     pattern   an RE2 expression matched against folded text (see Fold(): lower case, no
//               accents except ñ, single spaces), so it must be written in that form:
//               "programa de resultados electorales preliminares", not "...Resultados
//               Electorales...". A pattern holding a letter folding removes (á, é, ü, ...)
//               never matches and is rejected. RE2's \b only knows ASCII letters and sees ñ as
//               a non-letter, so "\bcampa\b" would match inside "campaña": write "campañas?".
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/records.h"
#include "models/status.h"

namespace re2 {
class RE2;
}

namespace oplex {

class Taxonomy {
 public:
  // The category of activities that no rule matches.
  static constexpr std::string_view kUnclassified = "sin_clasificar";
  static constexpr std::string_view kUnclassifiedLabel = "Sin clasificar";

  // One row of taxonomy_categories.tsv.
  struct Category {
    std::string slug;   // "prep_computos"
    std::string label;  // "PREP y cómputos"
  };

  // What decided a classification.
  enum class Evidence {
    kNone,          // nothing matched: the activity is kUnclassified
    kActivityText,  // a rule matched the activity's own text
    kSection,       // the text matched nothing; a rule matched a section title holding it
  };
  static const char* ToString(Evidence evidence);  // "none", "text", "section"

  // The function of one activity (oplex::Classification, in classifier.h, is about a whole
  // document).
  struct Classification {
    std::string category = std::string(kUnclassified);  // slug
    std::string label = std::string(kUnclassifiedLabel);
    size_t rank = 0;  // the category's place in categories(); categories().size() when unclassified
    std::string rule;  // id of the rule that decided; empty when unclassified
    Evidence evidence = Evidence::kNone;
    std::string matched;  // the folded words the rule matched ("obligaciones de transparencia")
  };

  // Reads the two files from `data_dir`. A missing or unreadable file is an IoError. A file that
  // lacks a column, has a row of the wrong width, an empty field, a malformed or repeated slug, a
  // label-less category, a rule naming an unknown category, a repeated rule id, an unknown scope,
  // a priority that is not a non-negative integer, or a pattern that RE2 rejects or that is not
  // written folded is an InvalidInput whose message names the file and line.
  static Result<Taxonomy> Load(const std::filesystem::path& data_dir);

  // The category of one activity.
  //
  // `activity_text`: the activity as the document writes it (any case, with or without accents).
  // `section_path_text`: the titles of the sections holding the activity, outermost first, one
  // per line (SectionPathText() builds it from an Extraction); empty when unknown.
  //
  // The activity's text decides when any rule of scope text or both matches it, weak ones
  // included. Among the rules that match, the highest priority wins; then the match that starts
  // first in the text (activities open with their verb and object, and end with their purpose:
  // "elaborar el presupuesto ..., incluyendo el financiamiento de los partidos" is about the
  // budget); then the longest match (a specific phrase beats a general word at the same place);
  // then the rule written first in the file. Only when no text rule matches do section rules
  // decide, the innermost title first (a project's title says more than its area's, the area's
  // more than the program's), choosing within one title in the same order.
  Classification Classify(std::string_view activity_text,
                          std::string_view section_path_text = {}) const;

  // In file order, without kUnclassified.
  const std::vector<Category>& categories() const { return categories_; }

 private:
  enum class Scope { kText, kSection, kBoth };

  // One row of taxonomy.tsv, compiled.
  struct Rule {
    std::string id;
    size_t category = 0;  // index into categories_
    Scope scope = Scope::kBoth;
    int priority = 1;
    std::shared_ptr<const re2::RE2> regex;  // never null; leftmost-longest, case-insensitive
  };

  // The best match of the rules of one scope in one folded text.
  struct Hit {
    size_t rule = 0;  // index into rules_
    std::string_view matched;
  };

  Taxonomy() = default;

  // The winning rule among those that apply to section titles (`in_section`) or to activity
  // texts, as Classify orders them; nullopt when none matches.
  std::optional<Hit> BestHit(std::string_view folded, bool in_section) const;
  Classification FromHit(const Hit& hit, Evidence evidence) const;

  std::vector<Category> categories_;
  std::vector<Rule> rules_;
  // Every rule's pattern in one automaton (taxonomy.cpp): one pass over a text tells which rules
  // match it, so that only those are run for their match. Null when the rules do not fit its
  // memory: each is then run on every text.
  struct RuleSet;
  std::shared_ptr<const RuleSet> rule_set_;
};

// The titles of the sections holding `activity` (its section and that section's ancestors),
// outermost first, one per line: the `section_path_text` that Taxonomy::Classify expects. Empty
// when the activity has no section.
std::string SectionPathText(const Extraction& extraction, const Activity& activity);

// Sets the category of every activity `extraction` holds, from its text and its sections' titles.
void ClassifyActivities(const Taxonomy& taxonomy, Extraction* extraction);
// The same for activity `index` alone, which `extraction` holds whole (Extraction::WholeActivity).
void ClassifyActivity(const Taxonomy& taxonomy, Extraction* extraction, size_t index);

}  // namespace oplex
