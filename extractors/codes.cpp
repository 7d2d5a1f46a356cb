#include "extractors/codes.h"

#include <re2/re2.h>

#include <algorithm>

namespace oplex {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Join(const std::vector<std::string>& segments, bool dotted) {
  std::string out;
  for (const std::string& s : segments) {
    if (dotted && !out.empty()) out += '.';
    out += s;
  }
  return out;
}

}  // namespace

std::vector<std::string> CodeSegments(std::string_view code) {
  std::vector<std::string> out;
  if (code.find('.') != std::string_view::npos) {
    size_t start = 0;
    while (start <= code.size()) {
      size_t dot = code.find('.', start);
      if (dot == std::string_view::npos) dot = code.size();
      if (dot > start) out.emplace_back(code.substr(start, dot - start));
      start = dot + 1;
    }
    return out;
  }
  if (AllDigits(code) && code.size() % 2 == 0) {
    for (size_t i = 0; i < code.size(); i += 2) out.emplace_back(code.substr(i, 2));
    return out;
  }
  if (!code.empty()) out.emplace_back(code);
  return out;
}

bool CodeWithin(std::string_view code, std::string_view scope) {
  if (scope.empty()) return true;
  auto c = CodeSegments(code), s = CodeSegments(scope);
  return c.size() > s.size() && std::equal(s.begin(), s.end(), c.begin());
}

std::string CommonScope(const std::vector<std::string>& codes) {
  if (codes.empty()) return "";
  std::vector<std::string> common = CodeSegments(codes.front());
  bool dotted = codes.front().find('.') != std::string::npos;
  for (const std::string& code : codes) {
    auto segments = CodeSegments(code);
    size_t n = 0;
    while (n < common.size() && n < segments.size() && common[n] == segments[n]) ++n;
    common.resize(n);
  }
  // The scope is a proper ancestor: a single code is not its own scope.
  if (!common.empty() && common.size() == CodeSegments(codes.front()).size()) common.pop_back();
  return Join(common, dotted);
}

std::optional<CodedText> LeadingCode(const std::string& cell) {
  static const RE2 kCode(R"(^(\d+(?:\.\d+)*)\.?(?:[\s\x{00A0}]+([\s\S]*))?$)");
  static const RE2 kCommaCode(R"(^(\d+(?:[.,]\d{1,2})+)[\s\x{00A0}]+(\pL[\s\S]*)$)");
  std::string code, rest;
  if (RE2::FullMatch(cell, kCode, &code, &rest)) return CodedText{code, rest};
  if (!RE2::FullMatch(cell, kCommaCode, &code, &rest)) return std::nullopt;
  std::replace(code.begin(), code.end(), ',', '.');
  return CodedText{code, rest};
}

}  // namespace oplex
