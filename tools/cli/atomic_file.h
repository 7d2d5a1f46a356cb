// Writing an output file so that nobody ever sees half of it: `export`'s tables and `report`'s
// page.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

#include "models/status.h"

namespace oplex::cli {

// Writes a temporary file beside `path` with `write`, flushes it to disk, makes it readable by
// all (0644: outputs are for sharing), then renames it over `path`. A reader, or a run that
// fails halfway, sees the old file or the whole new one, never a part; on failure the temporary
// file is removed. A failure `write` returns is passed on; one of the file itself is an IoError
// naming `path`.
Status WriteAtomically(const std::filesystem::path& path,
                       const std::function<Status(std::ostream&)>& write);

}  // namespace oplex::cli
