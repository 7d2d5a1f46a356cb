// Activity and section codes as hierarchies: "010101" is project "0101" of subprogram "01";
// "4.3" is line 3 of objective "4". Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oplex {

// "1.47" → {"1","47"}; "010101" → {"01","01","01"} (all-digit codes of even length are pairs);
// anything else is one segment.
std::vector<std::string> CodeSegments(std::string_view code);

// True when `code` lies inside `scope` ("" contains everything).
bool CodeWithin(std::string_view code, std::string_view scope);

// The code of the scope shared by all `codes` (whole segments only); "" when none.
std::string CommonScope(const std::vector<std::string>& codes);

// A code that opens a cell, and the text after it.
struct CodedText {
  std::string code;
  std::string text;
};

// "010101", "1.47 Elaborar…", "1. Informar…": the code that opens a cell, and the rest. OCR
// may read a code's point as a comma ("1,34 Resolver…"): with one or two digits after it and
// text after the code, it is the point (a thousands comma has three digits after it).
std::optional<CodedText> LeadingCode(const std::string& cell);

}  // namespace oplex
