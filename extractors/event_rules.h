// EventRules: the patterns that find dated sessions and cited agreements in a report's prose,
// loaded once from data/:
//   event_kinds.tsv      kind, evidence, pattern: what kind of event a phrase tells of
//                        (sesion_ordinaria, reunion_interna, curso, circular…); evidence "names"
//                        for a phrase that names one, "act" for a verb that shows a body met
//                        ("aprobó"), "list" for a plural that names the events a list or table
//                        sets out ("Calendario de sesiones ordinarias", a header "Cursos");
//   event_bodies.tsv     body, of_institute, pattern: who met ("Consejo General", "COTAPREP");
//                        of_institute "yes" when the name takes an institute's acronym;
//   reference_codes.tsv  pattern: the shapes of agreement codes (INE/CG825/2022, CG-A-27/23);
//   reference_kinds.tsv  kind, pattern: the words that say what a code is (acuerdo, resolución);
//   event_places.tsv     pattern: the words of a header over the column that says where listed
//                        events take place ("Lugar", "Sede").
// Kind, body and reference-kind patterns are RE2 expressions on folded text (pipeline/normalize/
// fold.h); code patterns are on the text as written. Files are read in order, which is the order
// of preference where matches overlap. Immutable after Load; safe to share across threads (RE2
// objects are thread-safe for matching).
#pragma once

#include <re2/re2.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "models/status.h"

namespace oplex {

class EventRules {
 public:
  // How a phrase shows an event.
  enum class Evidence {
    kNames,  // it names one event ("sesión extraordinaria")
    kAct,    // it shows that a body met without naming the session ("aprobó")
    kList,   // it names the events of a list or table, in a title or header ("sesiones")
  };
  struct KindPattern {
    std::string kind;  // a lower-case identifier, stored as Event::kind
    Evidence evidence = Evidence::kNames;
    std::shared_ptr<const RE2> re;
  };
  struct BodyPattern {
    std::string body;           // the name stored as Event::body
    bool of_institute = false;  // completed as "<body> del <acronym>"
    std::shared_ptr<const RE2> re;
  };
  struct ReferenceKindPattern {
    std::string kind;  // stored as Reference::kind
    std::shared_ptr<const RE2> re;
  };

  // Reads the five files from `data_dir`. A missing file is an IoError; a missing column, an
  // unknown evidence (names, act, list) or of_institute value, an empty name, or a pattern RE2
  // rejects or that matches empty text is an InvalidInput whose message names the file and line.
  static Result<EventRules> Load(const std::filesystem::path& data_dir);

  const std::vector<KindPattern>& kinds() const { return kinds_; }
  const std::vector<BodyPattern>& bodies() const { return bodies_; }
  const std::vector<std::shared_ptr<const RE2>>& codes() const { return codes_; }
  const std::vector<ReferenceKindPattern>& reference_kinds() const { return reference_kinds_; }
  const std::vector<std::shared_ptr<const RE2>>& place_headers() const { return place_headers_; }

 private:
  std::vector<KindPattern> kinds_;
  std::vector<BodyPattern> bodies_;
  std::vector<std::shared_ptr<const RE2>> codes_;
  std::vector<ReferenceKindPattern> reference_kinds_;
  std::vector<std::shared_ptr<const RE2>> place_headers_;
};

}  // namespace oplex
