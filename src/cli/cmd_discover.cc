// `communique discover INPUT...`: frequent names of people and organizations that no dictionary
// knows, with counts and an example sentence each, so users can grow their dictionaries.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "communique/actor.h"
#include "communique/token.h"
#include "dict/discover.h"
#include "ingest/reader.h"
#include "text/clean.h"

namespace communique::cli {
namespace {

struct DiscoverOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> dictionaries;
  uint64_t min_count = 2;
  size_t limit = 100;
};

int RunDiscover(const DiscoverOptions& o) {
  DictionaryFiles files = DictionarySet::Default(DataDir());
  for (const auto& d : o.dictionaries) files.overlays.push_back(d);
  auto set = DictionarySet::Load(files, [&](const InputError& e) {
    if (std::find(o.dictionaries.begin(), o.dictionaries.end(), e.file) != o.dictionaries.end())
      std::cerr << e.ToString() << "\n";
  });
  if (set->size() == 0) {
    std::cerr << "communique discover: no dictionary could be read from " << DataDir() << "/dictionaries\n";
    return kExitFailure;
  }
  dict::NameDiscovery discovery(*set);
  uint64_t sentences = 0;
  auto stats = ingest::ReadInputs(
      o.inputs,
      [&](Document&& doc) {
        text::Prepare(doc);
        DocumentContext context;
        std::string where = doc.id.empty() ? doc.input_path : doc.id;
        for (const auto& s : doc.sentences) {
          std::string_view sentence = doc.SentenceText(s);
          discovery.AddSentence(sentence, Tokenize(sentence), doc.published, &context, where);
          ++sentences;
        }
        return true;
      },
      [](const InputError& e) { std::cerr << e.ToString() << "\n"; });
  auto names = discovery.Top(o.min_count, o.limit);
  std::cerr << stats.documents << " documents, " << sentences << " sentences, " << names.size()
            << " unknown names seen at least " << o.min_count << " times\n";
  std::cout << "count\tkind\tname\texample\n";
  for (const auto& n : names) {
    std::string example = n.example;
    for (char& c : example)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    std::cout << n.count << "\t" << n.kind << "\t" << n.name << "\t" << example << " [" << n.where << "]\n";
  }
  return stats.skipped > 0 ? kExitSkipped : kExitOk;
}

Registration reg("discover", "List frequent names no dictionary knows, with counts and examples",
                 [](CLI::App* app) {
                   auto o = std::make_shared<DiscoverOptions>();
                   app->add_option("inputs", o->inputs, "Input files or directories (- for stdin)")->required();
                   app->add_option("--dictionary", o->dictionaries,
                                   "Extra actor/agent dictionary (Phoenix format); repeatable")
                       ->check(CLI::ExistingFile);
                   app->add_option("--min-count", o->min_count, "Only names seen at least this often")
                       ->default_val(2);
                   app->add_option("--limit", o->limit, "At most this many names")->default_val(100);
                   return [o] { return RunDiscover(*o); };
                 });

}  // namespace
}  // namespace communique::cli
