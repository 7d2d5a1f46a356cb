// The oplex binary (and the programs its tests open its output with) run as a user would, from a
// shell, with the exit code, stdout and stderr, for the tests of the command line.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace oplex::testing {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// How many lines of `text` contain `needle`.
inline size_t CountLines(const std::string& text, const std::string& needle) {
  size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) n += line.find(needle) != std::string::npos;
  return n;
}

// Runs a shell command line with no stdin; its output goes through files in `dir`.
inline Outcome Shell(const std::string& command, const std::filesystem::path& dir) {
  const std::filesystem::path out = dir / "stdout", err = dir / "stderr";
  const int status =
      std::system((command + " >" + out.string() + " 2>" + err.string() + " </dev/null").c_str());
  Outcome r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// Runs `oplex ARGS` (a shell command line: quote what needs it) with no stdin; its output goes
// through files in `dir`.
inline Outcome RunOplex(const std::string& args, const std::filesystem::path& dir) {
  return Shell(std::string(OPLEX_BINARY) + " " + args, dir);
}

}  // namespace oplex::testing
