// What the libFuzzer targets of tests/fuzz share: the rules and vocabulary loaded once from
// data/, a failure to load ending the run at once.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "models/status.h"

namespace oplex::fuzz {

// The value of `loaded`, or the end of the process with its error.
template <typename T>
T Loaded(Result<T> loaded) {
  if (!loaded.ok()) {
    std::fprintf(stderr, "fuzz: %s\n", loaded.status().ToString().c_str());
    std::abort();
  }
  return std::move(loaded).value();
}

}  // namespace oplex::fuzz
