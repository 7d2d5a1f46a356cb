// oplex's own modules: the parts that pull in large libraries most runs never need (Tesseract for
// OCR, libxlsxwriter and the libcrypto it brings for `tables --format xlsx`) are shared modules,
// loaded the first time a run needs them. Starting the program binds every symbol of every
// library it is linked to: a born-digital page must not pay for a scan's or a workbook's.
//
// The build tree keeps each module beside the program; `cmake --install` puts them in
// PREFIX/lib/oplex, found from the program's own place, so that an installed tree can be moved.
// A module must not log: spdlog is compiled into the program (header-only), and a module would
// log through a registry of its own, deaf to --quiet and --verbose.
#pragma once

#include "models/status.h"

namespace oplex {

// The function `symbol` exports from module `name` (a file name such as "liboplex_xlsx.so"),
// loading the module if no earlier call has: beside the running program first, then in the
// install's module folder. kNotSupported naming every place tried and why it failed.
Result<void*> ModuleEntry(const char* name, const char* symbol);

}  // namespace oplex
