// TableRules: the vocabulary that turns generic tables into typed ones, loaded once from data/:
// column_roles.tsv (header words per column role, with weights), code_shapes.tsv (the shapes
// of row codes), row_labels.tsv (total rows) and label_words.tsv (unfinished labels). Immutable
// after Load; safe to share across threads.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/codes.h"
#include "extractors/rules.h"
#include "extractors/table/typed_table.h"
#include "models/status.h"

namespace oplex {

class TableRules {
 public:
  // `rules` gives the month tokens and mark glyphs (a copy is kept).
  static Result<TableRules> Load(const std::filesystem::path& data_dir, ExtractionRules rules);

  // How strongly a folded header label names each role (0 when not at all), and the pattern's
  // words that did ("'fecha inicio'").
  struct HeaderScore {
    double weight = 0;
    std::string matched;
  };
  std::array<HeaderScore, kColumnRoleCount> ScoreLabel(std::string_view folded_label) const;

  // The code a cell's text is, or opens (followed by its text): "1.-", "A.1", "DEOE-01".
  std::optional<CodedText> SplitCode(std::string_view text) const;

  // A folded cell that says total or subtotal ("total", "subtotal", "totales", "total anual").
  bool IsTotalLabel(std::string_view folded) const;
  // A folded cell that labels a schedule's row of what was done ("r", "realizado").
  bool IsRealizedLabel(std::string_view folded) const;
  // A folded label that names, alone, the unit responsible for the records printed below it
  // ("unidad responsable:", or "unidad re sponsable :" as a narrow column broke it).
  bool IsResponsibleLabel(std::string_view folded) const;

  // The word the role patterns spell (data/column_roles.tsv) that a misread header word stands
  // for: the one nearest it, at most one edit away for a word of up to seven letters and two from
  // eight; nullopt for a word they spell, a word under five letters, or two as near.
  std::optional<std::string_view> NearestLabelWord(std::string_view word) const;

  // A folded header label that is not finished: it ends with a word joining it to the next
  // ("acciones sustantivas del").
  bool UnfinishedLabel(std::string_view folded) const;

  const ExtractionRules& base() const { return base_; }

 private:
  static std::shared_ptr<RE2::Set> NewSet();
  struct RolePattern {
    ColumnRole role;
    double weight;
  };
  ExtractionRules base_;
  // The role patterns of column_roles.tsv in file order; every label is matched against all of
  // them at once (an RE2::Set), and against the same patterns without their spaces, for labels a
  // narrow column broke mid-word ("Unid ad de medida", "Fre cuenciade medición"), matched with
  // their spaces squeezed out.
  std::vector<RolePattern> roles_;
  std::shared_ptr<RE2::Set> plain_ = NewSet();
  std::shared_ptr<RE2::Set> squeezed_ = NewSet();
  // Every word the role patterns spell, sorted, for NearestLabelWord.
  std::vector<std::string> label_words_;
  std::vector<std::shared_ptr<const RE2>> codes_;
  std::vector<std::shared_ptr<const RE2>> totals_;
  std::vector<std::shared_ptr<const RE2>> realized_;
  std::vector<std::shared_ptr<const RE2>> responsible_;
  std::vector<std::shared_ptr<const RE2>> responsible_squeezed_;
  std::vector<std::shared_ptr<const RE2>> unfinished_;
};

}  // namespace oplex
