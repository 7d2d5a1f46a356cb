#include "pipeline/classify/classifier.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

// The heading is at least this many lines, so that an institute named above or beside a title
// on the first line still counts as the heading's.
constexpr size_t kMinHeadingLines = 3;
// Lines after the title still read as its subtitle (where a report often states its period).
constexpr size_t kSubtitleLines = 1;
// A kind phrase further down than this is no heading: it still gives kind, title and year, but
// the lines above it are not treated as the heading when weighing institute mentions.
constexpr size_t kMaxTitleStartLine = 10;
// A bold title block longer than this many lines is not a title.
constexpr size_t kMaxBoldTitleLines = 12;
// Longer titles are fused text from a bad export and get cut around the kind phrase.
constexpr size_t kMaxTitleBytes = 250;
constexpr size_t kRunOnContext = 100;

// Spanish month and ordinal words are the language the documents are written in, not a
// vocabulary that grows with new documents; in folded form (ñ stays: "año").
constexpr std::array<std::string_view, 12> kMonths = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre",
};
constexpr std::string_view kSeptemberVariant = "setiembre";
constexpr std::string_view kYear = "((?:19|20)\\d\\d)";

std::string MonthAlternatives() {
  std::string alternatives = "(" + std::string(kSeptemberVariant);
  for (std::string_view month : kMonths) alternatives += "|" + std::string(month);
  return alternatives + ")";
}

int MonthNumber(std::string_view folded) {
  if (folded == kSeptemberVariant) return 9;
  const auto it = std::find(kMonths.begin(), kMonths.end(), folded);
  return it == kMonths.end() ? 0 : static_cast<int>(it - kMonths.begin()) + 1;
}

int OrdinalNumber(std::string_view folded) {
  if (!folded.empty() && folded[0] >= '1' && folded[0] <= '9') return folded[0] - '0';
  static constexpr std::pair<std::string_view, int> kWords[] = {
      {"primer", 1},  {"primero", 1}, {"segundo", 2}, {"tercer", 3},
      {"tercero", 3}, {"cuarto", 4},  {"quinto", 5},  {"sexto", 6},
  };
  for (const auto& [word, number] : kWords) {
    if (word == folded) return number;
  }
  return 0;
}

// "1 de enero al 31 de marzo 2024", "enero-marzo de 2024", "noviembre de 2023 a febrero de
// 2024": groups are first month, first year (optional), last month, last year.
const RE2& MonthRangePattern() {
  static const RE2 pattern("(?:\\d{1,2} de )?" + MonthAlternatives() +
                           "(?:,? (?:de |del )?(?:año )?" + std::string(kYear) +
                           ")?(?: al? | ?[-\\x{2013}] ?)(?:(?:el )?\\d{1,2} de )?" +
                           MonthAlternatives() + ",? (?:de |del )?(?:año )?" + std::string(kYear));
  return pattern;
}

// "primer trimestre 2024", "2do. semestre del ejercicio 2023": ordinal, span, year.
const RE2& OrdinalPeriodPattern() {
  static const RE2 pattern(
      "(primer|primero|segundo|tercer|tercero|cuarto|quinto|sexto|[1-6](?:er|do|ro|to|o|°)?)\\.? "
      "(bimestre|trimestre|cuatrimestre|semestre)(?: (?:de|del))?(?: (?:año|ejercicio))?"
      "(?: fiscal)? " +
      std::string(kYear));
  return pattern;
}

const RE2& AnnualWordPattern() {
  static const RE2 pattern("(?:^|[^\\pL\\pN])anual(?:[^\\pL\\pN]|$)");
  return pattern;
}

std::string_view Slice(std::string_view text, const re2::StringPiece& piece) {
  return text.substr(static_cast<size_t>(piece.data() - text.data()), piece.size());
}

size_t EndOf(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<size_t>(piece.data() - text.data()) + piece.size();
}

int ParseYear(std::string_view digits) {
  int year = 0;
  for (char c : digits) year = year * 10 + (c - '0');
  return year;
}

std::string FormatMonth(int year, int month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

std::string FormatPeriod(int first_year, int first_month, int last_year, int last_month) {
  if (first_year == last_year && first_month == 1 && last_month == 12) {
    return std::to_string(last_year);
  }
  if (first_year == last_year && first_month % 3 == 1 && last_month == first_month + 2) {
    return std::to_string(last_year) + "-Q" + std::to_string(first_month / 3 + 1);
  }
  return FormatMonth(first_year, first_month) + "/" + FormatMonth(last_year, last_month);
}

// What a stretch of folded text says about time.
struct DateEvidence {
  std::optional<int> year;
  std::optional<std::string> period;
  size_t end = 0;  // just past the phrase that gave the year, in the searched text
};

struct PeriodMatch {
  size_t begin = 0;
  size_t end = 0;
  int year = 0;
  std::string period;
};

std::optional<PeriodMatch> FindMonthRange(std::string_view text) {
  re2::StringPiece input(text.data(), text.size());
  std::array<re2::StringPiece, 5> groups;
  if (!MonthRangePattern().Match(input, 0, input.size(), RE2::UNANCHORED, groups.data(),
                                 groups.size())) {
    return std::nullopt;
  }
  const int first_month = MonthNumber(Slice(text, groups[1]));
  const int last_month = MonthNumber(Slice(text, groups[3]));
  const int last_year = ParseYear(Slice(text, groups[4]));
  int first_year = last_year;
  if (groups[2].data() != nullptr) {
    first_year = ParseYear(Slice(text, groups[2]));
  } else if (first_month > last_month) {
    first_year = last_year - 1;  // "noviembre a febrero 2024" starts the year before
  }
  if (first_year > last_year || (first_year == last_year && first_month > last_month)) {
    return std::nullopt;
  }
  return PeriodMatch{static_cast<size_t>(groups[0].data() - text.data()), EndOf(text, groups[0]),
                     last_year, FormatPeriod(first_year, first_month, last_year, last_month)};
}

std::optional<PeriodMatch> FindOrdinalPeriod(std::string_view text) {
  re2::StringPiece input(text.data(), text.size());
  std::array<re2::StringPiece, 4> groups;
  if (!OrdinalPeriodPattern().Match(input, 0, input.size(), RE2::UNANCHORED, groups.data(),
                                    groups.size())) {
    return std::nullopt;
  }
  const int ordinal = OrdinalNumber(Slice(text, groups[1]));
  const std::string_view span = Slice(text, groups[2]);
  const int months = span == "bimestre"       ? 2
                     : span == "trimestre"    ? 3
                     : span == "cuatrimestre" ? 4
                                              : 6;
  const int year = ParseYear(Slice(text, groups[3]));
  const int first_month = (ordinal - 1) * months + 1;
  const int last_month = ordinal * months;
  if (ordinal < 1 || last_month > 12) return std::nullopt;
  return PeriodMatch{static_cast<size_t>(groups[0].data() - text.data()), EndOf(text, groups[0]),
                     year, FormatPeriod(year, first_month, year, last_month)};
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when the four digits at [begin, begin + 4) are one end of a year range ("2023-2024",
// "2023 - 2024", "2023/2024"), which names a process or a span, not the document's year.
bool IsInYearRange(std::string_view text, size_t begin) {
  auto is_dash = [&](size_t at) {
    return text[at] == '-' || text[at] == '/' || text.substr(at).starts_with("\xE2\x80\x93");
  };
  auto four_digits_at = [&](size_t at) {
    if (at + 4 > text.size()) return false;
    for (size_t i = at; i < at + 4; ++i) {
      if (!IsDigit(text[i])) return false;
    }
    return at + 4 == text.size() || !IsDigit(text[at + 4]);
  };
  size_t after = begin + 4;
  if (after < text.size() && text[after] == ' ') ++after;
  if (after < text.size() && is_dash(after)) {
    after += (text[after] == '-' || text[after] == '/') ? 1 : 3;
    if (after < text.size() && text[after] == ' ') ++after;
    if (four_digits_at(after)) return true;
  }
  size_t before = begin;
  if (before > 0 && text[before - 1] == ' ') --before;
  size_t dash = std::string_view::npos;
  if (before >= 1 && (text[before - 1] == '-' || text[before - 1] == '/')) dash = before - 1;
  if (before >= 3 && text.substr(before - 3, 3) == "\xE2\x80\x93") dash = before - 3;
  if (dash == std::string_view::npos) return false;
  if (dash > 0 && text[dash - 1] == ' ') --dash;
  return dash >= 4 && four_digits_at(dash - 4) && (dash == 4 || !IsDigit(text[dash - 5]));
}

// The first year in `text` that stands on its own: four digits, 19xx or 20xx, not inside a
// longer number and not part of a range.
std::optional<PeriodMatch> FindStandaloneYear(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if (!IsDigit(text[i]) || (i > 0 && IsDigit(text[i - 1]))) continue;
    size_t end = i;
    while (end < text.size() && IsDigit(text[end])) ++end;
    if (end - i == 4 && (text.substr(i, 2) == "19" || text.substr(i, 2) == "20") &&
        !IsInYearRange(text, i)) {
      return PeriodMatch{i, end, ParseYear(text.substr(i, 4)), ""};
    }
    i = end;
  }
  return std::nullopt;
}

// A stated period beats a bare year; of two periods the earlier wins.
DateEvidence FindDateEvidence(std::string_view folded) {
  std::optional<PeriodMatch> period = FindMonthRange(folded);
  const std::optional<PeriodMatch> ordinal = FindOrdinalPeriod(folded);
  if (ordinal && (!period || ordinal->begin < period->begin)) period = ordinal;
  if (period) return {period->year, period->period, period->end};
  if (const std::optional<PeriodMatch> year = FindStandaloneYear(folded)) {
    return {year->year, std::nullopt, year->end};
  }
  return {};
}

// The leading lines as one text, folded, with the map from folded bytes back to lines.
class LeadingText {
 public:
  explicit LeadingText(const std::vector<LeadingLine>& lines) : lines_(lines) {
    for (const LeadingLine& line : lines) {
      if (!source_.empty()) source_.push_back('\n');
      line_starts_.push_back(source_.size());
      source_ += line.text;
    }
    folded_ = FoldWithOffsets(source_);
  }

  const std::string& folded() const { return folded_.text; }
  const std::string& source() const { return source_; }
  size_t line_count() const { return lines_.size(); }
  const std::string& line(size_t i) const { return lines_[i].text; }
  bool in_table_body(size_t i) const { return lines_[i].in_table_body; }

  size_t SourceOffset(size_t folded_offset) const { return folded_.offsets[folded_offset]; }

  // The line holding the folded byte at `folded_offset`.
  size_t LineOf(size_t folded_offset) const {
    const size_t source = SourceOffset(folded_offset);
    return static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), source) -
                               line_starts_.begin() - 1);
  }

  // Folded offset where line `i` begins (its first folded byte) and where line `last` ends.
  size_t FoldedBegin(size_t i) const { return FoldedAtSource(line_starts_[i]); }
  size_t FoldedEnd(size_t last) const {
    return last + 1 < line_starts_.size() ? FoldedAtSource(line_starts_[last + 1])
                                          : folded_.text.size();
  }

 private:
  size_t FoldedAtSource(size_t source) const {
    return static_cast<size_t>(
        std::lower_bound(folded_.offsets.begin(), folded_.offsets.end() - 1, source) -
        folded_.offsets.begin());
  }

  const std::vector<LeadingLine>& lines_;
  std::string source_;
  std::vector<size_t> line_starts_;
  FoldedText folded_;
};

struct KindMatch {
  DocumentKind kind = DocumentKind::kUnknown;
  size_t begin = 0;  // folded offsets
  size_t end = 0;
};

// The first kind phrase of the text outside table bodies.
std::optional<KindMatch> FindKind(const LeadingText& text, const Vocabulary& vocab) {
  std::optional<KindMatch> best;
  const std::string& folded = text.folded();
  const re2::StringPiece input(folded);
  for (const Vocabulary::KindPattern& pattern : vocab.kind_patterns()) {
    re2::StringPiece match;
    for (size_t from = 0;
         pattern.regex->Match(input, from, input.size(), RE2::UNANCHORED, &match, 1);) {
      const auto begin = static_cast<size_t>(match.data() - folded.data());
      if (!text.in_table_body(text.LineOf(begin))) {
        if (!best || begin < best->begin)
          best = KindMatch{pattern.kind, begin, begin + match.size()};
        break;
      }
      from = text.FoldedEnd(text.LineOf(begin));  // the next line
    }
  }
  return best;
}

size_t CountBoldMarks(std::string_view line) {
  size_t count = 0;
  for (size_t at = line.find("**"); at != std::string_view::npos; at = line.find("**", at + 2)) {
    ++count;
  }
  return count;
}

// Where the title is: its lines, and the folded range to read its year and period from.
struct TitleSpan {
  size_t first_line = 0;
  size_t last_line = 0;
  size_t folded_begin = 0;
  size_t folded_end = 0;
  bool run_on = false;  // cut out of an over-long line; the title ends at its period
};

TitleSpan LocateTitle(const LeadingText& text, const KindMatch& kind) {
  TitleSpan span;
  span.first_line = text.LineOf(kind.begin);
  span.last_line = text.LineOf(kind.end > kind.begin ? kind.end - 1 : kind.begin);
  // A bold block ("**PRIMER INFORME DE" ... "AGUASCALIENTES.**") is one title however many
  // lines the export broke it into.
  const std::string& first = text.line(span.first_line);
  if (first.find_first_not_of(" \t") == first.find("**")) {
    size_t marks = 0;
    for (size_t i = span.first_line; i <= span.last_line; ++i) {
      marks += CountBoldMarks(text.line(i));
    }
    while (marks % 2 == 1 && span.last_line + 1 < text.line_count() &&
           span.last_line - span.first_line + 1 < kMaxBoldTitleLines) {
      marks += CountBoldMarks(text.line(++span.last_line));
    }
  }
  span.folded_begin = text.FoldedBegin(span.first_line);
  span.folded_end = text.FoldedEnd(span.last_line);
  if (span.folded_end - span.folded_begin > kMaxTitleBytes) {
    span.run_on = true;
    if (kind.begin - span.folded_begin > kRunOnContext) span.folded_begin = kind.begin;
    span.folded_end = std::min(span.folded_end, kind.end + kRunOnContext);
  }
  return span;
}

std::string TitleText(const LeadingText& text, const TitleSpan& span, size_t folded_end) {
  const size_t begin = text.SourceOffset(span.folded_begin);
  const size_t end = text.SourceOffset(folded_end);
  return PlainText(std::string_view(text.source()).substr(begin, end - begin));
}

std::set<std::string> FileNameTokens(std::string_view file_name) {
  const std::string folded = Fold(std::filesystem::path(file_name).stem().string());
  std::set<std::string> tokens;
  std::string token;
  for (char c : folded + " ") {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      token.push_back(c);
    } else if (!token.empty()) {
      tokens.insert(token);
      token.clear();
    }
  }
  return tokens;
}

// The institute a file name names: its code ("ieem"), or its acronym when no other institute
// shares it, or a shared acronym next to the state's abbreviation ("ags-iee").
std::optional<size_t> InstituteFromFileName(std::string_view file_name, const Vocabulary& vocab) {
  const std::set<std::string> tokens = FileNameTokens(file_name);
  const auto& institutes = vocab.institutes();
  std::vector<std::string> acronyms;
  for (const auto& institute : institutes) acronyms.push_back(Fold(institute.acronym));
  std::optional<size_t> best;
  for (size_t i = 0; i < institutes.size(); ++i) {
    const auto sharing = std::count(acronyms.begin(), acronyms.end(), acronyms[i]);
    const bool named = tokens.contains(Fold(institutes[i].code)) ||
                       (tokens.contains(acronyms[i]) &&
                        (sharing == 1 || tokens.contains(Fold(institutes[i].state_abbr))));
    if (named && (!best || (institutes[*best].national && !institutes[i].national))) best = i;
  }
  return best;
}

struct InstituteChoice {
  std::optional<size_t> institute;
  double confidence = 0;
  bool ine_only_cited = false;
};

InstituteChoice ChooseInstitute(const LeadingText& text, size_t heading_last_line,
                                std::string_view file_name, const Vocabulary& vocab) {
  const auto& institutes = vocab.institutes();
  const std::optional<size_t> from_file_name = InstituteFromFileName(file_name, vocab);
  const std::vector<Vocabulary::InstituteMention> mentions = vocab.FindInstitutes(text.folded());
  auto tier = [&](const Vocabulary::InstituteMention& m) {
    return text.LineOf(m.begin) <= heading_last_line ? 0 : 1;
  };
  auto rank = [&](const Vocabulary::InstituteMention& m) {
    return std::make_tuple(tier(m), institutes[m.institute].national, m.acronym, m.begin);
  };
  const auto best =
      std::min_element(mentions.begin(), mentions.end(),
                       [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  // The INE below the heading is cited, as every state's documents cite it: no publisher.
  const bool ine_only_cited =
      best != mentions.end() && institutes[best->institute].national && tier(*best) == 1;
  if (best == mentions.end() || ine_only_cited) {
    if (!from_file_name) return InstituteChoice{std::nullopt, 0, ine_only_cited};
    return InstituteChoice{*from_file_name, 0.5, ine_only_cited};
  }
  double confidence = tier(*best) == 0 ? 0.95 : 0.8;
  if (best->acronym) confidence -= 0.1;
  const bool rival = std::any_of(mentions.begin(), mentions.end(), [&](const auto& m) {
    return m.institute != best->institute && tier(m) == tier(*best) &&
           !institutes[m.institute].national;
  });
  if (rival) confidence -= 0.15;
  if (from_file_name == best->institute) confidence = std::min(1.0, confidence + 0.05);
  return InstituteChoice{best->institute, confidence, false};
}

}  // namespace

Classification ClassifyOpening(const std::vector<LeadingLine>& leading_lines,
                               std::string_view file_name, const Vocabulary& vocab) {
  Classification result;
  const LeadingText text(leading_lines);
  if (text.line_count() == 0) return result;

  const std::optional<KindMatch> kind = FindKind(text, vocab);
  size_t heading_last_line = std::min(text.line_count(), kMinHeadingLines) - 1;
  DateEvidence date;
  if (kind) {
    result.kind = kind->kind;
    const TitleSpan span = LocateTitle(text, *kind);
    if (span.first_line < kMaxTitleStartLine) {
      heading_last_line = std::max(heading_last_line, span.last_line);
    }
    const std::string_view title_folded =
        std::string_view(text.folded())
            .substr(span.folded_begin, span.folded_end - span.folded_begin);
    date = FindDateEvidence(title_folded);
    size_t title_end = span.folded_end;
    if (span.run_on) title_end = std::max(kind->end, span.folded_begin + date.end);
    result.title = TitleText(text, span, title_end);
    if (date.year && !date.period) {
      re2::StringPiece title_input(title_folded.data(), title_folded.size());
      if (RE2::PartialMatch(title_input, AnnualWordPattern())) {
        date.period = std::to_string(*date.year);
      }
    }
  }
  if (!date.year) {
    const size_t window_last =
        std::min(text.line_count() - 1, heading_last_line + (kind ? kSubtitleLines : 0));
    const std::string_view window =
        std::string_view(text.folded()).substr(0, text.FoldedEnd(window_last));
    date = FindDateEvidence(window);
  }
  result.year = date.year;
  result.period = date.period;

  const InstituteChoice choice = ChooseInstitute(text, heading_last_line, file_name, vocab);
  if (choice.institute) {
    result.institute = vocab.institutes()[*choice.institute].code;
    result.institute_confidence = choice.confidence;
  }
  result.ine_only_cited = choice.ine_only_cited;
  return result;
}

Classification Classify(const std::vector<std::string>& leading_lines, std::string_view file_name,
                        const Vocabulary& vocab) {
  std::vector<LeadingLine> lines;
  lines.reserve(leading_lines.size());
  for (const std::string& line : leading_lines) lines.emplace_back(line, false);
  return ClassifyOpening(lines, file_name, vocab);
}

void ClassifyByRecords(const Classification& opening, Extraction* e) {
  DocumentInfo& doc = e->document;
  auto note = [&](const char* code, std::string message) {
    Finding f;
    f.severity = Severity::kInfo;
    f.code = code;
    f.message = std::move(message);
    f.provenance.extractor = "classify";
    e->findings.push_back(std::move(f));
  };
  const auto scheduled = e->settled.scheduled() +
                         static_cast<size_t>(std::count_if(
                             e->activities.begin(), e->activities.end(), [](const Activity& a) {
                               return a.months.known() && a.months.bits() != 0;
                             }));
  if (doc.kind == DocumentKind::kUnknown && scheduled >= kScheduledActivities) {
    doc.kind = DocumentKind::kWorkPlan;
    note("kind_from_tables", "work plan: no title names the kind, and its tables schedule " +
                                 std::to_string(scheduled) + " activities by month");
  }
  if (!doc.year) {
    std::map<int, size_t> months_in;  // scheduled months by the year they fall in
    for (const Activity& a : e->activities) {
      for (const MonthValue& m : a.month_values) {
        if (m.year && (m.marked || m.planned)) ++months_in[*m.year];
      }
    }
    const auto most = std::max_element(months_in.begin(), months_in.end(),
                                       [](auto& a, auto& b) { return a.second < b.second; });
    if (most != months_in.end()) {
      doc.year = most->first;
      note("year_from_tables",
           "year " + std::to_string(most->first) + ": no title or heading gives one, and " +
               std::to_string(most->second) + " of the months its tables schedule fall in it");
    }
  }
  if (doc.kind == DocumentKind::kUnknown) {
    note("kind_unknown",
         "kind unknown: no title names it (a work plan, a report, indicators, a calendar, "
         "minutes) and its tables schedule no activities; oplex set DOC --kind sets it");
  }
  if (!doc.institute && opening.ine_only_cited) {
    note("institute_unknown",
         "institute unknown: the INE is named only below the heading, as every state's documents "
         "cite it, and no state institute is named, nor in the file name; oplex set DOC "
         "--institute sets it");
  }
}

}  // namespace oplex
