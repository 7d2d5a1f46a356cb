// Joining the lines of one paragraph or cell into running text.
#pragma once

#include <string>
#include <string_view>

namespace oplex {

// Appends a line to running text with a space between, except after a word broken at its hyphen
// ("político-" + "electoral", "INE-" + "IEEBCS"), which goes on without one.
inline void AppendLine(std::string_view line, std::string* text) {
  const bool hyphen_break =
      text->size() > 1 && text->back() == '-' && (*text)[text->size() - 2] != ' ';
  if (!text->empty() && !hyphen_break) *text += ' ';
  *text += line;
}

}  // namespace oplex
