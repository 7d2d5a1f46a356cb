// Codes of a scanned table whose dot OCR lost or misread, read in the shape the table's other
// codes show.
//
// On a small scan a code's dot is a few pale pixels; OCR may read "1.1.3" as "1.13". Decode
// puts dots back from what one page shows (pipeline/decode/code_dots.h); a code on a page that
// holds few others (a table continued over a page) keeps the lost dot there. The whole table,
// joined over its pages, shows the shape of its codes: a code OCR doubted, alone in the table in
// its shape (its digits and where its dots fall), whose dots are part of a shape that at least
// kShapeCodes of the table's codes with as many digits show, takes that shape. A table that
// prints "1.12" and "1.13" as codes of their own keeps them: neither is alone in its shape. A
// code OCR doubted that reads a comma for a dot ("1,19") or its letters in lower case ("c.1")
// is written with the dot and capitals when kShapeCodes of the table's codes show its shape so.
// Codes opened by letters ("J.1": "J1" read for it) have shapes of their own, apart from those
// of digits alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace oplex {

// Codes of one shape at least this many times make the shape a code with a lost dot takes.
inline constexpr int kShapeCodes = 2;

// `codes`: each row's code as read (nullopt where none); `doubted`: OCR doubted it. Per row, the
// code with its lost dots back, or nullopt where the code stands as read.
std::vector<std::optional<std::string>> CodesWithLostDots(
    const std::vector<std::optional<std::string>>& codes, const std::vector<bool>& doubted);

}  // namespace oplex
