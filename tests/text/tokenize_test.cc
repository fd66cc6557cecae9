#include <gtest/gtest.h>

#include "communique/token.h"

namespace communique {
namespace {

std::vector<std::string> Norms(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : Tokenize(s)) out.push_back(t.norm);
  return out;
}

TEST(TextTokenize, SplitsPossessivesAndKeepsAbbreviations) {
  EXPECT_EQ(Norms("Russia's U.S. envoy didn't go."),
            (std::vector<std::string>{"russia", "'s", "u.s.", "envoy", "did", "n't", "go", "."}));
  EXPECT_EQ(Norms("Kazakhstan\u2019s capital"),
            (std::vector<std::string>{"kazakhstan", "'s", "capital"}));
  EXPECT_EQ(Norms("the Russia-led bloc paid 1,200.5 rubles"),
            (std::vector<std::string>{"the", "russia-led", "bloc", "paid", "1,200.5", "rubles"}));
}

TEST(TextTokenize, OffsetsPointIntoTheSentence) {
  std::string s = "Astana hosted \u201cthe summit\u201d.";
  auto toks = Tokenize(s);
  ASSERT_GE(toks.size(), 5u);
  for (auto& t : toks) EXPECT_LE(t.end, s.size());
  EXPECT_EQ(s.substr(toks[0].begin, toks[0].end - toks[0].begin), "Astana");
  EXPECT_EQ(toks[2].norm, "\u201c");
}

}  // namespace
}  // namespace communique

namespace communique {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : Tokenize(s)) out.emplace_back(s.substr(t.begin, t.end - t.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(TextTokenize, AbbreviationsInitialsAndClitics) {
  EXPECT_EQ(Norms("Gen. Ivanov met Mr. Smith on Nov. 28 at 3 p.m. in St. Petersburg."),
            (V{"gen.", "ivanov", "met", "mr.", "smith", "on", "nov.", "28", "at", "3", "p.m.", "in", "st.",
               "petersburg", "."}));
  EXPECT_EQ(Words("J. R. R. Tolkien and George W. Bush"),
            (V{"J.", "R.", "R.", "Tolkien", "and", "George", "W.", "Bush"}));
  EXPECT_EQ(Norms("They're sure we've won; I'm told she'd go, they'll see. O'Brien can't."),
            (V{"they", "'re", "sure", "we", "'ve", "won", ";", "i", "'m", "told", "she", "'d", "go", ",", "they",
               "'ll", "see", ".", "o'brien", "ca", "n't", "."}));
  EXPECT_EQ(Norms("Armenia\u2019s leaders didn\u2019t come"),
            (V{"armenia", "'s", "leaders", "did", "n't", "come"}));
}

TEST(TextTokenize, NumbersUrlsAndPunctuation) {
  EXPECT_EQ(Words("Costs rose 3.5% to $1,200.50 (see https://example.org/a.html)."),
            (V{"Costs", "rose", "3.5", "%", "to", "$", "1,200.50", "(", "see", "https://example.org/a.html", ")",
               "."}));
  EXPECT_EQ(Words("Wait... what?! AT&T -- and 24/7 \u2014 \u00AByes\u00BB"),
            (V{"Wait", "...", "what", "?", "!", "AT&T", "--", "and", "24/7", "\u2014", "\u00AB", "yes", "\u00BB"}));
  EXPECT_EQ(Norms("\u041C\u043E\u0441\u043A\u0432\u0430 \u2013 \u0421\u0428\u0410"),
            (V{"\u043C\u043E\u0441\u043A\u0432\u0430", "-", "\u0441\u0448\u0430"}));
  EXPECT_EQ(Words("a\u00A0b\u200Bc"), (V{"a", "b", "c"}));
}

TEST(TextTokenize, JunkNeverBreaksOffsets) {
  std::string junk = "\xFF\xFE ok \xE2\x80 x\xCC";
  auto toks = Tokenize(junk);
  uint32_t prev = 0;
  for (auto& t : toks) {
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, junk.size());
    EXPECT_GE(t.begin, prev);
    prev = t.end;
  }
  EXPECT_TRUE(Tokenize("").empty());
}

}  // namespace
}  // namespace communique
