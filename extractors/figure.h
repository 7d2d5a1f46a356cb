// A figure of an indicator or progress table as written, and its value when it has one:
// "100", "25%", "-28", "$65,018", "\$0" (a Markdown export's escaped dollar); "Sin referencia"
// or "N/A" keep their text and no value (unknown, not zero).
#pragma once

#include <optional>
#include <string>

#include "models/records.h"

namespace oplex {

// nullopt for an empty cell.
std::optional<Figure> ParseFigure(const std::string& cell);

}  // namespace oplex
