#include "extractors/table/column_roles.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace oplex {
namespace {

// How much a column's content adds to its header's word (0..1 fit times this).
constexpr double kContentWeight = 0.4;
// A text column found by content alone needs cells this long on average, and this share of
// running text.
constexpr double kContentTextWords = 4.0;
constexpr double kContentTextShare = 0.5;
// A column just left of the text is its code when this share of its cells are codes or a
// numbering that grows down the rows; such a code column's score.
constexpr double kContentCodeShare = 0.8;
constexpr double kContentCodeScore = 0.45;
// How much whole numbers that do not grow down the rows count as codes.
constexpr double kNumbersAsCodes = 0.5;
// A headed column's content must fit its role at least this much.
constexpr double kMinContentFit = 0.25;
// Such a text column's score.
constexpr double kContentTextScore = 0.45;
// Failing that, a column of names: words in this share of its cells, none repeated, a few words
// each (the units of a progress report: "ACCIÓN MÓVIL SOYALÓ").
constexpr double kContentNamesShare = 0.8;
constexpr double kContentNamesDistinct = 0.95;
constexpr double kContentNamesWords = 2.0;
// A period column found by content alone: at least this many cells, every one a period or a
// date, scored as a text column found so.
constexpr int kContentPeriodCells = 2;
constexpr double kContentPeriodScore = 0.45;

double Share(const ColumnProfile& p, CellKind k) {
  return p.share.empty() ? 0.0 : p.share[static_cast<size_t>(k)];
}

double Filled(const ColumnProfile& p) {
  return 1.0 - Share(p, CellKind::kEmpty) - Share(p, CellKind::kFilled);
}

// How well what a column holds fits a role, 0..1, as a share of its non-empty cells.
double ContentFit(ColumnRole role, const ColumnProfile& p) {
  const double filled = Filled(p);
  if (filled <= 0) return 0;
  auto of = [&](std::initializer_list<CellKind> kinds) {
    double s = 0;
    for (CellKind k : kinds) s += Share(p, k);
    return std::min(1.0, s / filled);
  };
  switch (role) {
    case ColumnRole::kCode:
      // Whole numbers may be codes ("1001", "100101"); a numbering that grows down the rows
      // surely is.
      return std::max(of({CellKind::kCode}),
                      (p.increasing ? 1.0 : kNumbersAsCodes) * of({CellKind::kNumber}));
    case ColumnRole::kText:
    case ColumnRole::kDeliverables:
    case ColumnRole::kObjective:
    case ColumnRole::kMethod:
    case ColumnRole::kDefinition:
      return of({CellKind::kText}) + 0.5 * of({CellKind::kShortLabel});
    case ColumnRole::kSection:
    case ColumnRole::kResponsible:
    case ColumnRole::kUnit:
    case ColumnRole::kPlace:
    case ColumnRole::kBeneficiaries:
    case ColumnRole::kObservations:
    case ColumnRole::kFrequency:
    case ColumnRole::kDimension:
    case ColumnRole::kLevel:
    case ColumnRole::kSense:
      return of({CellKind::kShortLabel, CellKind::kText});
    case ColumnRole::kBaseline:
      return of({CellKind::kNumber, CellKind::kPercent, CellKind::kShortLabel});
    case ColumnRole::kAnnual:
      return std::max(of({CellKind::kNumber, CellKind::kPercent}), p.leading_number);
    case ColumnRole::kDuration:
    case ColumnRole::kProgrammed:
    case ColumnRole::kAchieved:
      return of({CellKind::kNumber, CellKind::kPercent});
    case ColumnRole::kBudget:
      return of({CellKind::kMoney, CellKind::kNumber});
    case ColumnRole::kPercent:
      return of({CellKind::kPercent, CellKind::kNumber});
    case ColumnRole::kStartDate:
    case ColumnRole::kEndDate:
      return of({CellKind::kDate});
    case ColumnRole::kPeriod:
      return of({CellKind::kPeriod, CellKind::kDate, CellKind::kMonth});
    case ColumnRole::kUnknown:
    case ColumnRole::kMonth:
      return 0;
  }
  return 0;
}

// Roles that name one field of a record: one column each.
bool Unique(ColumnRole role) {
  switch (role) {
    case ColumnRole::kCode:
    case ColumnRole::kText:
    case ColumnRole::kUnit:
    case ColumnRole::kAnnual:
    case ColumnRole::kResponsible:
    case ColumnRole::kStartDate:
    case ColumnRole::kEndDate:
    case ColumnRole::kPeriod:
    case ColumnRole::kDuration:
    case ColumnRole::kSection:
    case ColumnRole::kBaseline:
    case ColumnRole::kFrequency:
    case ColumnRole::kMethod:
    case ColumnRole::kDefinition:
    case ColumnRole::kDimension:
    case ColumnRole::kLevel:
    case ColumnRole::kSense:
      return true;
    default:
      return false;
  }
}

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * share);
  return buf;
}

struct Candidate {
  double score;
  size_t column;
  ColumnRole role;
  std::string evidence;
};

}  // namespace

std::vector<RoleAssignment> AssignRoles(const HeaderBand& band,
                                        const std::vector<ColumnProfile>& profiles,
                                        const TableRules& rules) {
  const size_t n = profiles.size();
  std::vector<RoleAssignment> out(n);
  std::set<size_t> month_cells;
  if (band.months) {
    for (const MonthColumns* grid : {&*band.months, &band.next_year}) {
      for (const auto& [first, last] : *grid) {
        for (size_t c = first; c <= last; ++c) month_cells.insert(c);
      }
    }
  }
  month_cells.insert(band.half_year.begin(), band.half_year.end());

  // Every (column, role) pair a header word or, for the text role, the content supports.
  std::vector<Candidate> candidates;
  std::vector<std::vector<double>> scores(n, std::vector<double>(kColumnRoleCount, 0.0));
  for (size_t c = 0; c < n; ++c) {
    if (month_cells.count(c)) {
      out[c].role = ColumnRole::kMonth;
      out[c].score = 1;
      out[c].margin = 1;
      out[c].evidence = band.months_by_position
                            ? "one of the schedule's columns under its title, by its place"
                            : "under a month of the header";
      continue;
    }
    const std::string& label = c < band.labels.size() ? band.labels[c] : std::string();
    const auto header = rules.ScoreLabel(label);
    for (int r = 1; r < kColumnRoleCount; ++r) {
      const auto role = static_cast<ColumnRole>(r);
      if (role == ColumnRole::kMonth) continue;
      const double words = header[static_cast<size_t>(r)].weight;
      const double fit = ContentFit(role, profiles[c]);
      // A column that holds something must hold what the role expects ("Actividades" over a
      // column of counts is no text column).
      const bool fits = profiles[c].cells == 0 || fit >= kMinContentFit;
      if (words >= kHeaderEvidence && fits) {
        const double score = words + kContentWeight * fit;
        scores[c][static_cast<size_t>(r)] = score;
        candidates.push_back({score, c, role,
                              "header '" + header[static_cast<size_t>(r)].matched + "'; " +
                                  Percent(fit) + " " + ToString(role) + "-like cells"});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.column < b.column;
  });

  std::set<ColumnRole> taken;
  auto assign = [&](const Candidate& k) {
    RoleAssignment& a = out[k.column];
    a.role = k.role;
    a.score = k.score;
    a.evidence = k.evidence;
    double runner_up = 0;
    for (int r = 1; r < kColumnRoleCount; ++r) {
      if (static_cast<ColumnRole>(r) != k.role)
        runner_up = std::max(runner_up, scores[k.column][r]);
    }
    a.margin = k.score - runner_up;
    if (Unique(k.role)) taken.insert(k.role);
  };
  // The text column first: the other roles are placed around it (a code left of it). A column
  // another role fits better is text only when no other column is (a group title over every
  // column, "INDICADORES", names the text role in each).
  auto best_elsewhere = [&](const Candidate& k) {
    for (int r = 1; r < kColumnRoleCount; ++r) {
      if (static_cast<ColumnRole>(r) != ColumnRole::kText && scores[k.column][r] > k.score) {
        return true;
      }
    }
    return false;
  };
  std::optional<Candidate> text_candidate;
  for (const Candidate& k : candidates) {
    if (k.role != ColumnRole::kText) continue;
    if (!best_elsewhere(k)) {
      text_candidate = k;
      break;
    }
    if (!text_candidate) text_candidate = k;
  }
  if (text_candidate) assign(*text_candidate);
  std::optional<size_t> text;
  for (size_t c = 0; c < n; ++c) {
    if (out[c].role == ColumnRole::kText) text = c;
  }
  for (const Candidate& k : candidates) {
    if (out[k.column].role != ColumnRole::kUnknown || taken.count(k.role)) continue;
    if (k.role == ColumnRole::kText) continue;
    if (k.role == ColumnRole::kCode && text && k.column > *text) continue;
    assign(k);
  }
  // No header names the text: the leftmost column of long running text, if any, by content,
  // else the leftmost column of names.
  auto running_text = [](const ColumnProfile& p) {
    return p.mean_words >= kContentTextWords &&
           ContentFit(ColumnRole::kText, p) >= kContentTextShare;
  };
  auto names = [](const ColumnProfile& p) {
    const double words = Share(p, CellKind::kText) + Share(p, CellKind::kShortLabel);
    return words >= kContentNamesShare * Filled(p) && p.distinct >= kContentNamesDistinct &&
           p.mean_words >= kContentNamesWords;
  };
  for (const auto& [found, what] :
       {std::pair{+running_text, "running text"}, std::pair{+names, "names, none repeated"}}) {
    if (text) break;
    for (size_t c = 0; c < n; ++c) {
      const ColumnProfile& p = profiles[c];
      if (out[c].role != ColumnRole::kUnknown || Filled(p) <= 0 || !found(p)) continue;
      const double fit = ContentFit(ColumnRole::kText, p);
      out[c].role = ColumnRole::kText;
      out[c].score = kContentTextScore;
      out[c].margin = kContentTextScore * fit;
      out[c].evidence = std::string("no header names it; ") + Percent(fit) + " " + what;
      text = c;
      break;
    }
  }
  // A text column found by content beside a schedule the header names (a month grid, dates, a
  // period: "Tarea a desarrollar | Responsable | Fecha de inicio | Fecha de término") is the
  // records' text as surely as one the header names.
  auto schedule = [](const RoleAssignment& a) {
    return a.role == ColumnRole::kMonth || a.role == ColumnRole::kPeriod ||
           a.role == ColumnRole::kStartDate || a.role == ColumnRole::kEndDate;
  };
  const bool scheduled = std::any_of(out.begin(), out.end(), [&](const RoleAssignment& a) {
    return schedule(a) && a.score >= kHeaderEvidence;
  });
  if (text && out[*text].score < kHeaderEvidence && scheduled) {
    out[*text].score = kHeaderEvidence;
    out[*text].evidence += ", beside a schedule the header names";
  }
  // No header names the schedule: in a table with neither a month grid nor a dated column, a
  // column right of the text whose filled cells all write periods or dates ("Enero, Abril y
  // Julio", "01/03/2023") is its period.
  const bool dated = std::any_of(out.begin(), out.end(), schedule);
  for (size_t c = text ? *text + 1 : n; !dated && c < n; ++c) {
    const ColumnProfile& p = profiles[c];
    if (out[c].role != ColumnRole::kUnknown || p.cells < kContentPeriodCells) continue;
    const double fit = ContentFit(ColumnRole::kPeriod, p);
    if (fit < 1.0) continue;
    out[c].role = ColumnRole::kPeriod;
    out[c].score = kContentPeriodScore;
    out[c].margin = kContentPeriodScore;
    out[c].evidence = "no header names it; " + Percent(fit) + " periods or dates";
    break;
  }
  // No header names the code: a numbering just left of the text column is its code.
  for (size_t c = 0; c < n; ++c) {
    if (out[c].role == ColumnRole::kCode) return out;
  }
  for (size_t c = 0; c < n; ++c) {
    if (out[c].role != ColumnRole::kText) continue;
    if (c == 0 || out[c - 1].role != ColumnRole::kUnknown) break;
    const double fit = ContentFit(ColumnRole::kCode, profiles[c - 1]);
    if (fit >= kContentCodeShare) {
      out[c - 1].role = ColumnRole::kCode;
      out[c - 1].score = kContentCodeScore;
      out[c - 1].margin = kContentCodeScore * fit;
      out[c - 1].evidence = "left of the text; " + Percent(fit) + " codes or a numbering";
    }
    break;
  }
  return out;
}

double MappingConfidence(const std::vector<RoleAssignment>& roles) {
  for (const RoleAssignment& a : roles) {
    if (a.role == ColumnRole::kText) return std::clamp(a.margin, 0.0, 1.0);
  }
  return 0;
}

}  // namespace oplex
