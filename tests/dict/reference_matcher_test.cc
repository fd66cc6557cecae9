// Differential test: the compiled trie matcher against a brute-force reference on generated
// dictionaries and sentences (same rule: leftmost-longest, unless a longer phrase starts one word
// later, inside the first).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "communique/actor.h"
#include "communique/token.h"

namespace communique {
namespace {

struct RefMatch {
  size_t first, end;
  std::string code;
};

std::vector<RefMatch> Reference(const std::vector<std::pair<std::vector<std::string>, std::string>>& phrases,
                                const std::vector<std::string>& words) {
  auto longest = [&](size_t i) -> std::pair<size_t, std::string> {
    size_t best = 0;
    std::string code;
    for (const auto& [p, c] : phrases) {
      if (p.size() <= best || i + p.size() > words.size()) continue;
      if (std::equal(p.begin(), p.end(), words.begin() + i)) {
        best = p.size();
        code = c;
      }
    }
    return {best, code};
  };
  std::vector<RefMatch> out;
  for (size_t i = 0; i < words.size();) {
    auto [len, code] = longest(i);
    if (len > 1 && i + 1 < words.size()) {
      auto [next, next_code] = longest(i + 1);
      if (next > len) { ++i; continue; }
    }
    if (len == 0) { ++i; continue; }
    out.push_back({i, i + len, code});
    i += len;
  }
  return out;
}

TEST(DictReference, TrieAgreesWithBruteForce) {
  const std::vector<std::string> vocab = {"zorp", "blix", "quan", "vemo", "tral", "skee", "frob", "gnat"};
  std::mt19937 rng(20241128);
  for (int round = 0; round < 20; ++round) {
    // A random dictionary: distinct phrases of 1-3 words, each with its own code.
    std::vector<std::pair<std::vector<std::string>, std::string>> phrases;
    std::string text;
    std::set<std::vector<std::string>> seen;
    for (int k = 0; k < 25; ++k) {
      std::vector<std::string> p;
      size_t len = 1 + rng() % 3;
      for (size_t w = 0; w < len; ++w) p.push_back(vocab[rng() % vocab.size()]);
      if (!seen.insert(p).second) continue;
      std::string code = "XQ" + std::to_string(k) + "ZZZZ";
      phrases.emplace_back(p, code);
      for (size_t w = 0; w < p.size(); ++w) text += (w ? "_" : "") + p[w];
      text += "_ [" + code + "]\n";
    }
    auto path = std::filesystem::temp_directory_path() / ("communique-ref-" + std::to_string(round) + ".txt");
    std::ofstream(path) << text;
    DictionaryFiles files;
    files.actors = {path.string()};
    auto set = DictionarySet::Load(files, nullptr);
    std::filesystem::remove(path);
    for (int s = 0; s < 50; ++s) {
      std::vector<std::string> words;
      std::string sentence;
      size_t n = 1 + rng() % 12;
      for (size_t w = 0; w < n; ++w) {
        words.push_back(vocab[rng() % vocab.size()]);
        sentence += (w ? " " : "") + words.back();
      }
      auto expected = Reference(phrases, words);
      auto got = set->FindActors(sentence, Tokenize(sentence), std::nullopt);
      ASSERT_EQ(got.size(), expected.size()) << sentence;
      for (size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(got[k].first_token, expected[k].first) << sentence;
        EXPECT_EQ(got[k].last_token, expected[k].end) << sentence;
        EXPECT_EQ(got[k].code, expected[k].code) << sentence;
      }
    }
  }
}

}  // namespace
}  // namespace communique
