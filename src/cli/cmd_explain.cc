// `communique explain "SENTENCE" [--date YYYY-MM-DD]`: codes one sentence and prints the analysis —
// tokens with tags, phrases, actors, the verbs and patterns tried, and why each event was or was
// not coded — then the events as JSON lines.
#include <iostream>

#include "cli/command.h"
#include "code/coder.h"
#include "communique/event.h"

namespace communique::cli {
namespace {

Registration explain_command(
    "explain", "Show how one sentence is coded: tags, phrases, actors, verb patterns, events",
    [](CLI::App* app) -> std::function<int()> {
      auto sentence = std::make_shared<std::string>();
      auto date = std::make_shared<std::string>();
      app->add_option("sentence", *sentence, "The sentence to code")->required();
      app->add_option("--date", *date, "Date the sentence was published (YYYY-MM-DD)");
      return [sentence, date]() {
        std::optional<Date> when;
        if (!date->empty()) {
          when = Date::Parse(*date);
          if (!when) {
            std::cerr << "communique explain: --date: not a date: " << *date << "\n";
            return kExitUsage;
          }
        }
        code::CoderOptions options;
        options.data_dir = DataDir();
        int problems = 0;
        auto coder = code::Coder::Load(options, [&](const InputError&) { ++problems; });
        if (problems > 0)
          std::cout << "(" << problems << " malformed dictionary entries were skipped at load)\n";
        code::SentenceAnalysis a = coder->Explain(*sentence, when);
        for (const std::string& note : a.notes) std::cout << note << "\n";
        if (a.events.empty()) std::cout << "no events\n";
        for (const Event& e : a.events) std::cout << EventToJson(e) << "\n";
        return kExitOk;
      };
    });

}  // namespace
}  // namespace communique::cli
