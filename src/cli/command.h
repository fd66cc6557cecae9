// Subcommand registry: each cmd_*.cc file registers one subcommand of the `communique` binary,
// so a new command is a new file and main.cc never changes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace communique::cli {

// Adds the command's options to `app` and returns what runs it; the return value is the exit code.
using CommandSetup = std::function<std::function<int()>(CLI::App* app)>;

struct Command {
  std::string name;
  std::string description;
  CommandSetup setup;
};

std::vector<Command>& Commands();

struct Registration {
  Registration(std::string name, std::string description, CommandSetup setup) {
    Commands().push_back({std::move(name), std::move(description), std::move(setup)});
  }
};

// The data directory (dictionaries, gazetteer, web page): --data-dir, else $COMMUNIQUE_DATA,
// else the one the binary was built with.
std::string DataDir();
void SetDataDir(std::string dir);

// Exit codes, documented in README.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSkipped = 1;   // finished, but some inputs or records were skipped
inline constexpr int kExitUsage = 2;     // bad command line
inline constexpr int kExitFailure = 3;   // nothing useful could be done (e.g. dictionaries missing)

}  // namespace communique::cli
