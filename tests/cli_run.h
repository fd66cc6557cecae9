// Runs the built `communique` binary through a shell for end-to-end tests: its exit status and
// standard output. COMMUNIQUE_BINARY is defined for every test target (tests/CMakeLists.txt).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace communique::testing {

struct CliResult {
  int status = -1;
  std::string out;
};

// `args` are appended to the binary's path as shell words (redirections allowed).
inline CliResult RunCli(const std::string& args) {
  std::string cmd = std::string(COMMUNIQUE_BINARY) + " " + args;
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace communique::testing
