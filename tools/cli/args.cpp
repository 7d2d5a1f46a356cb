#include "tools/cli/args.h"

#include <iostream>

#include "tools/cli/commands.h"

namespace oplex::cli {

bool WantsHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

int Usage(const std::string& message, const char* help) {
  std::cerr << "oplex: " << message << "\n" << help;
  return kExitUsage;
}

}  // namespace oplex::cli
