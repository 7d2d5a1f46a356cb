#include "pipeline/validate/validator.h"

#include <cmath>
#include <map>
#include <set>

#include "extractors/codes.h"
#include "pipeline/normalize/bounded_number.h"

namespace oplex {
namespace {

constexpr double kSumTolerance = 1e-6;

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

Provenance Prov(const Provenance& from) {
  Provenance p = from;
  p.extractor = kValidator;
  p.confidence = 1.0;
  p.ocr_confidence = 1.0;
  return p;
}

void CheckMonthSum(Extraction* e, size_t i) {
  const Activity& a = *e->WholeActivity(i);
  if (!a.annual || !a.annual->value || a.month_values.size() != 12) return;
  double sum = 0;
  bool complete = true;
  for (const MonthValue& m : a.month_values) {
    if (!m.planned || !m.planned->value) {
      complete = false;
      break;
    }
    sum += *m.planned->value;
  }
  const double annual = *a.annual->value;
  if (!complete || std::fabs(sum - annual) <= kSumTolerance * std::max(1.0, std::fabs(annual))) {
    return;
  }
  Finding f;
  f.code = "months_sum_mismatch";
  f.message = "activity " + a.code + ": monthly quantities add up to " + Number(sum) +
              ", the annual quantity is " + Number(annual);
  f.raw_text = a.annual->raw;
  for (const MonthValue& m : a.month_values) f.raw_text += " " + m.planned->raw;
  f.activity = i;
  f.provenance = Prov(a.provenance);
  e->findings.push_back(std::move(f));
}

// The outermost section above `index`, used to keep numbering groups apart.
std::optional<size_t> Root(const Extraction& e, std::optional<size_t> index) {
  while (index && e.sections[*index].parent) index = e.sections[*index].parent;
  return index;
}

// The number a code segment opens with ("12" of "12", "3" of "3-"), 0 when it opens with none;
// nullopt when it is too large to be a number.
std::optional<int64_t> LeadingNumber(std::string_view segment) {
  size_t digits = 0;
  while (digits < segment.size() && segment[digits] >= '0' && segment[digits] <= '9') ++digits;
  if (digits == 0) return 0;
  return ParseInteger(segment.substr(0, digits));
}

void CheckNumbering(Extraction* e) {
  struct Group {
    std::map<int64_t, std::vector<size_t>> numbers;
  };
  std::map<std::pair<std::optional<size_t>, std::string>, Group> groups;
  for (size_t i = 0; i < e->activity_count(); ++i) {
    auto segments = CodeSegments(e->ActivityCode(i));
    if (segments.size() < 2) continue;
    std::string parent;
    for (size_t s = 0; s + 1 < segments.size(); ++s) parent += segments[s] + ".";
    std::optional<int64_t> last = LeadingNumber(segments.back());
    if (!last) continue;  // no list is that long: not a position to check
    groups[{Root(*e, e->ActivitySection(i)), parent}].numbers[*last].push_back(i);
  }
  for (const auto& [key, group] : groups) {
    int64_t expected = 1;
    for (const auto& [number, indexes] : group.numbers) {
      const std::string code(e->ActivityCode(indexes.front()));
      if (number > expected) {
        Finding f;
        f.code = "numbering_gap";
        std::string prefix = code.substr(0, code.size() - CodeSegments(code).back().size());
        f.message =
            "numbering skips from " +
            (expected > 1 ? prefix + std::to_string(expected - 1) : std::string("the start")) +
            " to " + code;
        f.activity = indexes.front();
        f.provenance = Prov(e->ActivityWritten(indexes.front()).provenance);
        e->findings.push_back(std::move(f));
      }
      for (size_t k = 1; k < indexes.size(); ++k) {
        Finding f;
        f.code = "duplicate_code";
        f.message = "code " + code + " is used by more than one activity in the same group";
        f.activity = indexes[k];
        f.provenance = Prov(e->ActivityWritten(indexes[k]).provenance);
        e->findings.push_back(std::move(f));
      }
      expected = number + 1;
    }
  }
}

int64_t Count(const Extraction& e, const StatedTotal& t) {
  int64_t n = 0;
  if (t.what == StatedTotal::What::kActividades) {
    for (size_t i = 0; i < e.activity_count(); ++i)
      n += CodeWithin(e.ActivityCode(i), t.scope_code);
    return n;
  }
  const std::string_view kind = t.what == StatedTotal::What::kProyectos
                                    ? section_kind::kProyecto
                                    : section_kind::kSubprograma;
  for (const Section& s : e.sections) {
    n += s.kind == kind && CodeWithin(s.code, t.scope_code);
  }
  return n;
}

void CheckStatedTotals(Extraction* e) {
  for (const StatedTotal& t : e->stated_totals) {
    const int64_t found = Count(*e, t);
    if (found == t.value) continue;
    Finding f;
    f.severity = Severity::kError;
    f.code = "stated_total_mismatch";
    f.message = "the document states " + std::to_string(t.value) + " " + ToString(t.what) +
                (t.scope_code.empty() ? std::string() : " for " + t.scope_code) + "; " +
                std::to_string(found) + " were extracted";
    f.provenance = Prov(t.provenance);
    e->findings.push_back(std::move(f));
  }
}

std::string Where(const Provenance& p) {
  std::string where = p.page ? "page " + std::to_string(*p.page) : "the source";
  if (p.bbox) {
    char box[96];
    std::snprintf(box, sizeof box, ", box (%.0f, %.0f)–(%.0f, %.0f) pt", p.bbox->x0, p.bbox->y0,
                  p.bbox->x1, p.bbox->y1);
    where += box;
  }
  return where;
}

void CheckConfidence(Extraction* e, size_t i) {
  const Activity& a = *e->WholeActivity(i);
  auto doubt = [&](const std::string& what, const Provenance& p, const std::string& raw) {
    Finding f;
    f.code = "ocr_low_confidence";
    f.message = "activity " + a.code + ": " + what + " read by OCR with confidence " +
                Number(std::round(p.ocr_confidence * 100) / 100) + "; check it against " + Where(p);
    f.raw_text = raw;
    f.activity = i;
    f.provenance = Prov(p);
    e->findings.push_back(std::move(f));
  };
  // A record capped by its table's uncertain mapping has a finding of its own
  // (table_mapping_uncertain): only what OCR doubted is named here.
  if (a.provenance.ocr_confidence < kLowConfidence) doubt("code and text", a.provenance, a.text);
  for (const MonthValue& m : a.month_values) {
    if (m.planned && m.provenance.ocr_confidence < kLowConfidence) {
      doubt("the quantity of month " + std::to_string(m.month), m.provenance, m.planned->raw);
    }
  }
}

// A work plan or report from which no record came: the document was read, but what it holds
// was not understood (a layout nobody taught oplex, a scan OCR could not read).
void CheckSomethingRead(Extraction* e) {
  if (e->document.kind == DocumentKind::kUnknown) return;
  if (e->activity_count() > 0 || !e->indicators.empty() || !e->events.empty()) return;
  Finding f;
  f.code = "no_records";
  f.message = std::string("a document classified as ") + ToString(e->document.kind) +
              " gave no activity, indicator or event";
  f.provenance.extractor = kValidator;
  e->findings.push_back(std::move(f));
}

}  // namespace

void ValidateActivity(Extraction* extraction, size_t index) {
  CheckMonthSum(extraction, index);
  CheckConfidence(extraction, index);
}

void ValidateDocument(Extraction* extraction) {
  CheckSomethingRead(extraction);
  CheckNumbering(extraction);
  CheckStatedTotals(extraction);
}

void Validate(Extraction* extraction) {
  CheckSomethingRead(extraction);
  for (size_t i = 0; i < extraction->activities.size(); ++i) CheckMonthSum(extraction, i);
  CheckNumbering(extraction);
  CheckStatedTotals(extraction);
  for (size_t i = 0; i < extraction->activities.size(); ++i) CheckConfidence(extraction, i);
}

}  // namespace oplex
