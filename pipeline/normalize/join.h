// Running text: joining the lines of one paragraph or cell, cleaning it, cutting it into words.
// Pure functions.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace oplex {

// Appends a line to running text with a space between, except after a word broken at its hyphen
// ("político-" + "electoral", "INE-" + "IEEBCS"), which goes on without one.
inline void AppendLine(std::string_view line, std::string* text) {
  const bool hyphen_break =
      text->size() > 1 && text->back() == '-' && (*text)[text->size() - 2] != ' ';
  if (!text->empty() && !hyphen_break) *text += ' ';
  *text += line;
}

// Whether the '*' at `i` multiplies: a figure or a bracket on both sides ("(a / b) * 100",
// ")*0.11"), no other '*' next to it.
inline bool Multiplies(std::string_view text, size_t i) {
  auto figure = [](char c, bool left) { return (c >= '0' && c <= '9') || c == (left ? ')' : '('); };
  if ((i > 0 && text[i - 1] == '*') || (i + 1 < text.size() && text[i + 1] == '*')) return false;
  size_t before = i, after = i + 1;
  while (before > 0 && text[before - 1] == ' ') --before;
  while (after < text.size() && text[after] == ' ') ++after;
  return before > 0 && after < text.size() && figure(text[before - 1], true) &&
         figure(text[after], false);
}

// The text as one plain line: Markdown emphasis marks ('*', but a '*' that multiplies) dropped,
// every run of white space (tabs, line breaks, U+00A0) one space, no space at either end.
inline std::string PlainText(std::string_view text) {
  std::string clean;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '*' && !Multiplies(text, i)) continue;
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || nbsp) {
      if (nbsp) ++i;
      space = !clean.empty();
      continue;
    }
    if (space) clean.push_back(' ');
    space = false;
    clean.push_back(c);
  }
  return clean;
}

// `text` without the ASCII white space at its ends; a view into `text`.
inline std::string_view TrimSpaces(std::string_view text) {
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// The words of `text` between single ASCII spaces (runs of spaces give no empty words); views
// into `text`.
inline std::vector<std::string_view> SplitSpaces(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string_view::npos) space = text.size();
    if (space > start) words.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

}  // namespace oplex
