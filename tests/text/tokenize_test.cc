#include <gtest/gtest.h>

#include "communique/token.h"

namespace communique {
namespace {

std::vector<std::string> Norms(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : Tokenize(s)) out.push_back(t.norm);
  return out;
}

TEST(TokenizeTest, SplitsPossessivesAndKeepsAbbreviations) {
  EXPECT_EQ(Norms("Russia's U.S. envoy didn't go."),
            (std::vector<std::string>{"russia", "'s", "u.s.", "envoy", "did", "n't", "go", "."}));
  EXPECT_EQ(Norms("Kazakhstan\u2019s capital"),
            (std::vector<std::string>{"kazakhstan", "'s", "capital"}));
  EXPECT_EQ(Norms("the Russia-led bloc paid 1,200.5 rubles"),
            (std::vector<std::string>{"the", "russia-led", "bloc", "paid", "1,200.5", "rubles"}));
}

TEST(TokenizeTest, OffsetsPointIntoTheSentence) {
  std::string s = "Astana hosted \u201cthe summit\u201d.";
  auto toks = Tokenize(s);
  ASSERT_GE(toks.size(), 5u);
  for (auto& t : toks) EXPECT_LE(t.end, s.size());
  EXPECT_EQ(s.substr(toks[0].begin, toks[0].end - toks[0].begin), "Astana");
  EXPECT_EQ(toks[2].norm, "\u201c");
}

}  // namespace
}  // namespace communique
