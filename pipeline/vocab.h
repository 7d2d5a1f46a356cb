// Vocabulary: the word lists in data/ that every stage matches documents against.
//
// Names of institutes, units of measure, frequencies and the phrases that tell a work plan from
// a report are data, not code, so that a new spelling seen in a document is one line in a TSV
// file. Vocabulary::Load reads them once; afterwards the object is immutable (const methods, no
// caches), so a single instance can be shared by reference between worker threads.
//
// Files (UTF-8, TAB-separated, a header row naming the columns; blank lines and lines starting
// with '#' are ignored; a "|" separates the alternatives in a variants cell):
//   institutes.tsv      code, state, state_abbr, acronym, name, variants: the gazetteer of the
//                       32 state institutes and the INE. `code` and `state_abbr` are unique; the
//                       INE's state_abbr is NAC. `code` is the acronym, suffixed with the state
//                       abbreviation where acronyms collide (IEE-AGS, IEPC-DGO).
//   units.tsv           unit, variants: canonical unit of measure and its other spellings.
//   frequencies.tsv     frequency, variants: canonical frequency and its other spellings.
//   document_kinds.tsv  kind, pattern: kind is work_plan, indicator_report, activity_report,
//                       calendar or minutes;
//                       pattern is an RE2 expression matched against folded text (see Fold():
//                       lower case, no accents except ñ, single spaces), so it must be written in
//                       that form ("programa anual de (actividades|trabajo)").
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/records.h"
#include "models/status.h"

namespace re2 {
class RE2;
}

namespace oplex {

class Vocabulary {
 public:
  // One row of institutes.tsv.
  struct Institute {
    std::string code;        // unique key, e.g. "IEEM", "IEE-AGS"; what DocumentInfo stores
    std::string state;       // official state name; "Nacional" for the INE
    std::string state_abbr;  // AGS ... ZAC; NAC for the INE
    std::string acronym;     // the bare acronym, which several institutes may share ("IEE")
    std::string name;        // official full name
    std::vector<std::string> variants;  // other names and spellings seen in documents
    // The INE: its name appears in almost every state document (it co-organizes local
    // elections), so a mention of it is weak evidence that it wrote the document.
    bool national = false;
  };

  // Where FindInstitutes() saw an institute in folded text.
  struct InstituteMention {
    size_t institute = 0;  // index into institutes()
    size_t begin = 0;      // byte range in the folded text
    size_t end = 0;
    bool acronym = false;  // the matched form is a single word ("IEEM"), not a full name
  };

  // One row of document_kinds.tsv, compiled.
  struct KindPattern {
    DocumentKind kind = DocumentKind::kUnknown;
    std::string pattern;                    // as written in the file
    std::shared_ptr<const re2::RE2> regex;  // never null; RE2 matching is thread-safe
  };

  // Reads the four files from `data_dir`. A missing or unreadable file is an IoError; a file
  // that is not UTF-8, lacks a column, has a row with the wrong number of fields, repeats a key,
  // gives one spelling to two different entries, or holds a pattern RE2 rejects is an
  // InvalidInput whose message names the file and line.
  static Result<Vocabulary> Load(const std::filesystem::path& data_dir);

  // In file order.
  const std::vector<Institute>& institutes() const { return institutes_; }

  // The canonical unit ("Reporte") for a unit as a document writes it ("REPORTES", "reporte"):
  // the folded text must equal the folded unit or one of its variants, spaces aside (a narrow cell
  // breaks "Men sual"). nullopt otherwise.
  std::optional<std::string> CanonicalUnit(std::string_view text) const;

  // The unit a reading OCR doubted stands for when it spells none ("pleza", "peza": pieza): the
  // one spelling of units.tsv nearest it, spaces aside and folded, within one edit (two from
  // kTwoEditUnitLetters letters), where either has at least kMendedUnitLetters letters and no
  // other spelling is as near. As units.tsv writes it, or in lowercase when the reading has no
  // capital. nullopt when the reading spells a unit already or none is that near.
  static constexpr size_t kMendedUnitLetters = 5;
  static constexpr size_t kTwoEditUnitLetters = 8;
  std::optional<std::string> MisreadUnit(std::string_view read) const;

  // The unit a reading spells once a space a cell's gap put inside a word is dropped ("porce
  // ntajes": porcentajes), written as MisreadUnit writes it; nullopt when the reading spells no
  // unit that way or is spaced as the unit is.
  std::optional<std::string> BrokenUnit(std::string_view read) const;

  // Same as CanonicalUnit, for frequencies ("Trimestral" → "trimestral", "por única vez" →
  // "única vez").
  std::optional<std::string> CanonicalFrequency(std::string_view text) const;

  // In file order.
  const std::vector<KindPattern>& kind_patterns() const { return kind_patterns_; }

  // Every mention of an institute in `folded_text` (the output of Fold()), by position. A name,
  // variant or acronym matches only as whole words. Where mentions overlap the longest wins, so
  // "instituto estatal electoral de baja california sur" is Baja California Sur's institute and
  // not Baja California's. A spelling that the gazetteer gives to more than one institute (the
  // acronym "IEE") is never reported: on its own it does not say which institute is meant.
  std::vector<InstituteMention> FindInstitutes(std::string_view folded_text) const;

 private:
  // A folded spelling that identifies exactly one institute.
  struct InstituteForm {
    std::string folded;
    size_t institute = 0;
  };

  Vocabulary() = default;

  // `spelling` as units.tsv writes it, or in lowercase when `read` has no capital.
  static std::string SpelledAsRead(const std::string& spelling, std::string_view read);

  std::vector<Institute> institutes_;
  std::vector<InstituteForm> institute_forms_;
  // Spelling (folded, spaces out) → canonical term.
  std::unordered_map<std::string, std::string> units_;
  std::vector<std::pair<std::string, std::string>> unit_spellings_;  // key, spelling
  std::unordered_map<std::string, std::string> frequencies_;
  std::vector<KindPattern> kind_patterns_;
};

}  // namespace oplex
