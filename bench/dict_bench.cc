// dict_bench: load time and resident memory of the shipped dictionaries, FindActors throughput on
// the dev sentences, and the spelling-tolerant name matches found there (each one listed, with
// those that touch an ordinary English word counted as false matches).
//
// Usage: dict_bench DATA_DIR [SENTENCES.jsonl ...]   (JSON Lines with a "text" field)
#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "communique/actor.h"
#include "communique/token.h"
#include "dict/lexicon.h"

namespace {

using Clock = std::chrono::steady_clock;

long RssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace communique;
  if (argc < 2) {
    std::cerr << "usage: dict_bench DATA_DIR [SENTENCES.jsonl ...]\n";
    return 2;
  }
  const std::string data_dir = argv[1];
  DictionaryFiles files = DictionarySet::Default(data_dir);

  long rss_before = RssKb();
  size_t errors = 0;
  auto t0 = Clock::now();
  auto set = DictionarySet::Load(files, [&](const InputError&) { ++errors; });
  auto t1 = Clock::now();
  long rss_after = RssKb();
  std::vector<double> loads{Seconds(t0, t1)};
  // CPU time too: on a busy machine wall time measures the neighbours as much as the loader.
  std::vector<double> cpu;
  for (int i = 0; i < 4; ++i) {
    auto a = Clock::now();
    std::clock_t c = std::clock();
    auto again = DictionarySet::Load(files, nullptr);
    cpu.push_back(static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC);
    loads.push_back(Seconds(a, Clock::now()));
  }
  std::sort(loads.begin(), loads.end());
  std::sort(cpu.begin(), cpu.end());
  std::cout << "dictionaries: " << files.actors.size() + files.agents.size() + files.discards.size()
            << " Phoenix files + " << files.overlays.size() << " overlay(s), " << set->size()
            << " phrases, " << errors << " malformed entries skipped\n";
  std::cout << "load time: min " << loads.front() * 1000 << " ms, median " << loads[loads.size() / 2] * 1000
            << " ms (5 loads); CPU time min " << cpu.front() * 1000 << " ms\n";
  std::cout << "resident memory of the loaded set: " << (rss_after - rss_before) / 1024.0 << " MiB (RSS "
            << rss_before / 1024.0 << " -> " << rss_after / 1024.0 << " MiB)\n";

  std::vector<std::string> sentences;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i]);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      try {
        auto j = nlohmann::json::parse(line);
        if (j.contains("text")) sentences.push_back(j["text"].get<std::string>());
      } catch (const std::exception&) {
      }
    }
  }
  if (sentences.empty()) return 0;
  std::vector<std::vector<Token>> tokens;
  for (const auto& s : sentences) tokens.push_back(Tokenize(s));
  const Date date{2000, 1, 1};

  size_t found = 0, runs = 0;
  auto b0 = Clock::now();
  std::clock_t c0 = std::clock();
  while (Seconds(b0, Clock::now()) < 2.0) {
    for (size_t i = 0; i < sentences.size(); ++i)
      found += set->FindActors(sentences[i], tokens[i], date).size();
    ++runs;
  }
  double secs = Seconds(b0, Clock::now());
  double cpu_secs = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  std::cout << "FindActors: " << sentences.size() << " dev sentences x " << runs << " runs, "
            << static_cast<long>(sentences.size() * runs / secs) << " sentences/s wall, "
            << static_cast<long>(sentences.size() * runs / cpu_secs) << " sentences per CPU second ("
            << found / runs << " actors per pass)\n";
  // What the event coder does per sentence: the discard check, then the actors (one document
  // context per input line).
  runs = 0;
  size_t discarded = 0;
  b0 = Clock::now();
  c0 = std::clock();
  while (Seconds(b0, Clock::now()) < 2.0) {
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (set->IsDiscarded(tokens[i])) {
        ++discarded;
        continue;
      }
      DocumentContext doc;
      found += set->FindActors(sentences[i], tokens[i], date, &doc).size();
    }
    ++runs;
  }
  secs = Seconds(b0, Clock::now());
  cpu_secs = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  std::cout << "IsDiscarded + FindActors (as the coder calls them): "
            << static_cast<long>(sentences.size() * runs / secs) << " sentences/s wall, "
            << static_cast<long>(sentences.size() * runs / cpu_secs) << " sentences per CPU second ("
            << discarded / runs << " discarded per pass)\n";
  runs = 0;
  b0 = Clock::now();
  while (Seconds(b0, Clock::now()) < 1.0) {
    for (const auto& s : sentences) found += set->FindActors(s, Tokenize(s), date).size();
    ++runs;
  }
  secs = Seconds(b0, Clock::now());
  std::cout << "Tokenize + FindActors: " << static_cast<long>(sentences.size() * runs / secs)
            << " sentences/s on one core\n";

  // Spelling-tolerant and surname matches on the dev sentences, one document per input line.
  dict::Lexicon lexicon;
  if (!files.lexicon.empty()) lexicon.Load(files.lexicon);
  size_t fuzzy = 0, common = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    DocumentContext doc;
    for (const auto& m : set->FindActors(sentences[i], tokens[i], date, &doc)) {
      bool tolerant = m.why.find("spelling-tolerant") != std::string::npos ||
                      m.why.find("named earlier in the document") != std::string::npos;
      if (!tolerant) continue;
      ++fuzzy;
      // The title before a name ("President ...") is matched exactly, not tolerantly: skip it.
      uint32_t first = m.first_token;
      if (m.why.rfind("title '", 0) == 0) {
        size_t end = m.why.find("' before the name");
        if (end != std::string::npos) first += static_cast<uint32_t>(Tokenize(m.why.substr(7, end - 7)).size());
      }
      bool hits_common = false;
      for (uint32_t t = first; t < m.last_token; ++t)
        hits_common |= lexicon.Contains(tokens[i][t].norm);
      common += hits_common;
      std::cout << "  tolerant match: '" << m.text << "' -> " << m.code << " (" << m.why << ")"
                << (hits_common ? "  COMMON WORD" : "") << "\n";
    }
  }
  std::cout << "spelling-tolerant matches on the dev sentences: " << fuzzy << ", on common English words: "
            << common << "\n";
  return 0;
}
