// Small helpers the subcommands share for their arguments.
#pragma once

#include <string>
#include <vector>

namespace oplex::cli {

// Whether -h or --help is among the arguments.
bool WantsHelp(const std::vector<std::string>& args);

// Prints "oplex: MESSAGE" and the command's help on stderr; returns kExitUsage.
int Usage(const std::string& message, const char* help);

}  // namespace oplex::cli
