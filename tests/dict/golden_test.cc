// Golden actor tests: tests/fixtures/dict/golden/*.txt, run against the shipped dictionaries
// (data/dictionaries: Phoenix + overlay).
//
// Block format (blocks separated by blank lines; `#` lines are comments):
//   [YYYY-MM-DD ]sentence        one or more sentences of one document, in order
//   ----
//   CODE text as written         the expected actors of all the sentences, in order
// An agent found without a country is written `~SECTOR text`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "communique/actor.h"
#include "communique/token.h"

namespace communique {
namespace {

const DictionarySet& Shipped() {
  static std::unique_ptr<DictionarySet> set = [] {
    DictionaryFiles files = DictionarySet::Default(std::string(COMMUNIQUE_SOURCE_DIR) + "/data");
    return DictionarySet::Load(files, [](const InputError&) {});
  }();
  return *set;
}

struct Block {
  std::string file;
  int line = 0;
  std::vector<std::pair<std::optional<Date>, std::string>> sentences;
  std::vector<std::string> expected;
};

std::vector<Block> ReadBlocks(const std::string& path) {
  std::vector<Block> blocks;
  std::ifstream in(path);
  std::string line;
  int n = 0;
  Block cur;
  bool after_separator = false;
  auto flush = [&] {
    if (!cur.sentences.empty()) blocks.push_back(cur);
    cur = Block{};
    after_separator = false;
  };
  static const std::regex dated(R"(^(\d{4}-\d{2}-\d{2})\s+(.*)$)");
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) { flush(); continue; }
    if (line == "----") { after_separator = true; continue; }
    if (after_separator) { cur.expected.push_back(line); continue; }
    if (cur.sentences.empty()) { cur.file = path; cur.line = n; }
    std::smatch m;
    if (std::regex_match(line, m, dated)) cur.sentences.emplace_back(Date::Parse(m[1].str()), m[2].str());
    else cur.sentences.emplace_back(std::nullopt, line);
  }
  flush();
  return blocks;
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(COMMUNIQUE_FIXTURES) + "/dict/golden"))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenActors : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenActors, MatchExpected) {
  auto blocks = ReadBlocks(GetParam());
  ASSERT_FALSE(blocks.empty());
  for (const auto& b : blocks) {
    DocumentContext doc;
    std::vector<std::string> got;
    for (const auto& [date, sentence] : b.sentences) {
      auto tokens = Tokenize(sentence);
      for (const auto& m : Shipped().FindActors(sentence, tokens, date, &doc))
        got.push_back((m.code.empty() ? "~" + m.sector : m.code) + " " + m.text);
    }
    EXPECT_EQ(got, b.expected) << b.file << ":" << b.line << ": " << b.sentences.front().second;
  }
}

INSTANTIATE_TEST_SUITE_P(Dict, GoldenActors, ::testing::ValuesIn(GoldenFiles()),
                         [](const auto& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace communique
