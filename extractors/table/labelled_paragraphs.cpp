#include "extractors/table/labelled_paragraphs.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extractors/table/column_roles.h"
#include "extractors/table/transposed.h"
#include "pipeline/normalize/fold.h"
#include "pipeline/normalize/join.h"

namespace oplex {
namespace {

// Records without a number are a list when at least this many open with the same label.
constexpr size_t kListedRecords = 2;

// A paragraph read as a field's line.
struct FieldLine {
  std::string label, value;  // as printed
  std::string folded;        // the label
  ColumnRole role = ColumnRole::kUnknown;
  bool numbered = false;  // the label followed by the record's number
};

// The label and value of `text`: the words before the number that follows its first words
// ("Actividad 1. Elaborar…", "Acción 2: Revisar…": the number opens the value, a colon after it
// left out), or else before its first colon.
std::optional<FieldLine> Split(std::string_view text, const TableRules& rules) {
  FieldLine line;
  const size_t colon = text.find(':');
  const std::vector<std::string_view> words = SplitSpaces(text);
  const auto number = std::find_if(words.begin(), words.end(), [](std::string_view w) {
    return std::isdigit(static_cast<unsigned char>(w.front())) != 0;
  });
  const size_t at = number == words.end() ? std::string_view::npos
                                          : static_cast<size_t>(number->data() - text.data());
  if (number != words.begin() && at < colon) {
    line.label = std::string(TrimSpaces(text.substr(0, at)));
    std::string value(TrimSpaces(text.substr(at)));
    if (const size_t end = number->size() - 1; (*number)[end] == ':') value.erase(end, 1);
    line.value = std::move(value);
    // The number is the record's: a code with text after it.
    const std::optional<CodedText> coded = rules.SplitCode(line.value);
    if (!coded || coded->text.empty()) return std::nullopt;
    line.numbered = true;
  } else if (colon != std::string_view::npos) {
    line.label = std::string(TrimSpaces(text.substr(0, colon)));
    line.value = std::string(TrimSpaces(text.substr(colon + 1)));
  } else {
    return std::nullopt;
  }
  if (line.value.empty()) return std::nullopt;
  line.folded = Fold(line.label);
  if (!FieldLabel(line.folded)) return std::nullopt;
  const std::vector<std::string_view> label_words = SplitSpaces(line.folded);
  // "Actividad No. 1": the word that says a number follows (one that heads a column of codes)
  // is no part of the field's name, and the label is the name alone.
  if (line.numbered && label_words.size() > 1 &&
      FieldNamed(label_words.back(), rules) == ColumnRole::kCode) {
    const std::string_view kept = label_words[label_words.size() - 2];
    line.folded.resize(static_cast<size_t>(kept.data() + kept.size() - line.folded.data()));
    line.label = std::string(TrimSpaces(line.label.substr(0, line.label.rfind(' '))));
  }
  const std::optional<ColumnRole> field = FieldNamed(line.folded, rules);
  if (!field) return std::nullopt;
  line.role = *field;
  return line;
}

// `text` as a numbered item of a list ("1. Realizar foros …", "b) Revisar …"): no label, its
// number and text the record's (role kText), when a code opens it and words follow.
std::optional<FieldLine> Item(std::string_view text, const TableRules& rules) {
  const std::optional<CodedText> coded = rules.SplitCode(text);
  if (!coded || coded->text.empty()) return std::nullopt;
  FieldLine line;
  line.value = std::string(TrimSpaces(text));
  line.role = ColumnRole::kText;
  return line;
}

// A row of `label` and `value`, where paragraph `from` stands.
Row RowOf(const FieldLine& line, const Block& from) {
  const Row& source = from.rows.front();
  Row row = source;
  row.cells.clear();
  row.list = false;
  for (const std::string* text : {&line.label, &line.value}) {
    Cell cell;
    cell.text = *text;
    cell.bbox = source.bbox;
    cell.confidence = source.cells.front().confidence;
    row.cells.push_back(std::move(cell));
  }
  return row;
}

// Whether a field's line opens a record: it gives the record's text or its number.
bool Opens(const FieldLine& line) {
  return line.role == ColumnRole::kText || line.role == ColumnRole::kCode;
}

}  // namespace

bool GoesOnARecord(const Block& paragraph, const TableRules& rules) {
  if (paragraph.kind != BlockKind::kParagraph) return false;
  const std::optional<FieldLine> line = Split(paragraph.text(), rules);
  return line && !Opens(*line);
}

std::vector<LabelledRecord> LabelledRecords(const std::vector<Block>& blocks,
                                            const TableRules& rules) {
  struct Open {
    LabelledRecord record;
    std::string opening;  // the folded label of its first line (empty: a list's item)
    bool numbered = false;
  };
  std::vector<Open> found;
  Open open;
  std::set<ColumnRole> roles;  // of the open record's lines
  const auto close = [&] {
    Block& table = open.record.table;
    if (roles.count(ColumnRole::kText) && table.rows.size() >= static_cast<size_t>(kFieldLabels)) {
      table.bbox = blocks[open.record.first_block].bbox;
      table = Turned(table);
      found.push_back(std::move(open));
    }
    open = Open{};
    roles.clear();
  };
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    std::optional<FieldLine> line;
    if (block.kind == BlockKind::kParagraph) {
      line = Split(block.text(), rules);
      if (!line) line = Item(block.text(), rules);
    }
    if (!line) {
      close();
      continue;
    }
    // A record opens with its text or its number: a field before them ("Objetivo: …" over the
    // first activity) is none of its own. Its text or number again opens the next.
    const bool opens = Opens(*line);
    if (opens && roles.count(line->role)) close();
    if (open.record.table.rows.empty()) {
      if (!opens) continue;
      open.record.first_block = b;
      open.opening = line->folded;
    }
    open.numbered |= line->numbered || line->role == ColumnRole::kCode;
    open.record.table.rows.push_back(RowOf(*line, block));
    roles.insert(line->role);
  }
  close();
  // One such block unnumbered may describe the document ("Nombre del programa: …" over
  // "Unidad responsable: …"), as may a numbered heading over one: a list of records repeats its
  // opening label, or opens each with an item.
  std::map<std::string, size_t> openings;
  for (const Open& o : found) ++openings[o.opening];
  std::vector<LabelledRecord> out;
  for (Open& o : found) {
    if (o.numbered || openings[o.opening] >= kListedRecords) out.push_back(std::move(o.record));
  }
  return out;
}

}  // namespace oplex
