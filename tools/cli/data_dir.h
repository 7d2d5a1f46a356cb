// Where oplex finds its vocabularies, gazetteer and patterns when neither `--data-dir` nor
// $OPLEX_DATA_DIR names a folder: found from where the running program is, so that an installed
// tree can be moved or copied elsewhere and still work.
#pragma once

#include <filesystem>

namespace oplex::cli {

// PREFIX/share/oplex for a program installed as PREFIX/bin/oplex (`cmake --install`: the
// relation is the install layout's, not a path of this machine); the source tree's data/ for the
// program run from the build tree it was built in. Empty when the program cannot tell where it is
// (no /proc).
std::filesystem::path DefaultDataDir();

}  // namespace oplex::cli
