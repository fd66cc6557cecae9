// `communique actors "TEXT" [--date YYYY-MM-DD] [--dictionary FILE]...`: the actors the
// dictionaries find in a text, each with its span, code, country, sector, the dictionary line
// that produced it and why a date-bounded or composed role was chosen.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "communique/actor.h"
#include "communique/token.h"

namespace communique::cli {
namespace {

struct ActorsOptions {
  std::string text;
  std::string date;
  std::vector<std::string> dictionaries;
  bool verbose = false;
};

int RunActors(const ActorsOptions& o) {
  std::optional<Date> date;
  if (!o.date.empty()) {
    date = Date::Parse(o.date);
    if (!date) {
      std::cerr << "communique actors: --date must be YYYY-MM-DD, got '" << o.date << "'\n";
      return kExitUsage;
    }
  }
  DictionaryFiles files = DictionarySet::Default(DataDir());
  for (const auto& d : o.dictionaries) files.overlays.push_back(d);
  size_t skipped = 0;
  bool user_file_errors = false;
  auto set = DictionarySet::Load(files, [&](const InputError& e) {
    ++skipped;
    bool user = std::find(o.dictionaries.begin(), o.dictionaries.end(), e.file) != o.dictionaries.end();
    user_file_errors |= user;
    // Entries of the user's own files are always shown; the known flaws of the shipped Phoenix
    // files only with --verbose.
    if (user || o.verbose) std::cerr << e.ToString() << "\n";
  });
  if (set->size() == 0) {
    std::cerr << "communique actors: no dictionary could be read from " << DataDir() << "/dictionaries\n";
    return kExitFailure;
  }
  if (o.verbose) std::cerr << skipped << " malformed dictionary entries skipped\n";
  auto tokens = Tokenize(o.text);
  DocumentContext doc;
  auto actors = set->FindActors(o.text, tokens, date, &doc);
  if (actors.empty()) std::cout << "no actors found\n";
  for (const auto& a : actors) {
    std::cout << a.text << "\n";
    std::cout << "  code     " << (a.code.empty() ? "(agent without a country)" : a.code) << "\n";
    std::cout << "  country  " << (a.country.empty() ? "-" : a.country) << "\n";
    std::cout << "  sector   " << (a.sector.empty() ? "-" : a.sector) << "\n";
    std::cout << "  tokens   " << a.first_token << "-" << a.last_token << "\n";
    std::cout << "  from     " << a.dict_file << ":" << a.dict_line << "\n";
    if (!a.why.empty()) std::cout << "  why      " << a.why << "\n";
  }
  return user_file_errors ? kExitSkipped : kExitOk;
}

Registration reg("actors", "Find the actors in a text and explain each code", [](CLI::App* app) {
  auto o = std::make_shared<ActorsOptions>();
  app->add_option("text", o->text, "The text (one or more sentences)")->required();
  app->add_option("--date", o->date, "Event date YYYY-MM-DD: which date-bounded roles apply");
  app->add_option("--dictionary", o->dictionaries,
                  "Extra actor/agent dictionary (Phoenix format); repeatable, later files override earlier ones")
      ->check(CLI::ExistingFile);
  app->add_flag("--verbose", o->verbose, "Also list malformed entries of the shipped dictionaries");
  return [o] { return RunActors(*o); };
});

}  // namespace
}  // namespace communique::cli
