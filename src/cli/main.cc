// communique: the command-line front end. Each subcommand lives in its own cmd_*.cc file.
#include <cstdlib>
#include <iostream>

#include "cli/command.h"

namespace communique::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

namespace {
std::string& DataDirSlot() {
  static std::string dir;
  return dir;
}
}  // namespace

void SetDataDir(std::string dir) { DataDirSlot() = std::move(dir); }

std::string DataDir() {
  if (!DataDirSlot().empty()) return DataDirSlot();
  if (const char* env = std::getenv("COMMUNIQUE_DATA"); env && *env) return env;
  return COMMUNIQUE_DATA_DIR;
}

}  // namespace communique::cli

int main(int argc, char** argv) {
  using namespace communique::cli;
  CLI::App app{"communique: political event data from news (CAMEO and PLOVER)", "communique"};
  app.set_version_flag("--version", std::string("communique ") + COMMUNIQUE_VERSION);
  std::string data_dir;
  app.add_option("--data-dir", data_dir, "Directory with dictionaries, gazetteer and web page")
      ->envname("COMMUNIQUE_DATA");
  app.require_subcommand(1);

  std::vector<std::pair<CLI::App*, std::function<int()>>> runs;
  for (auto& c : Commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    runs.emplace_back(sub, c.setup(sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }
  if (!data_dir.empty()) SetDataDir(data_dir);
  for (auto& [sub, run] : runs) {
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        std::cerr << "communique " << sub->get_name() << ": " << e.what() << "\n";
        return kExitFailure;
      }
    }
  }
  return kExitUsage;
}
