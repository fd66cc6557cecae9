// NameDiscovery: unknown capitalized names are counted with an example; known actors, calendar
// words and capitalized sentence starts are not.
#include <gtest/gtest.h>

#include "communique/actor.h"
#include "communique/token.h"
#include "dict/discover.h"

namespace communique::dict {
namespace {

TEST(DictDiscover, CountsUnknownNamesWithExamples) {
  auto set = DictionarySet::Load(DictionarySet::Default(std::string(COMMUNIQUE_SOURCE_DIR) + "/data"), nullptr);
  NameDiscovery d(*set);
  const std::vector<std::string> sentences = {
      "On Thursday Zhanibek Amanbayev met Russian officials in Moscow.",
      "The Caspian Pipeline Consortium said Zhanibek Amanbayev would visit Astana.",
      "Tokayev thanked the Caspian Pipeline Consortium.",
      "However, nothing changed in November.",
  };
  DocumentContext doc;
  for (const auto& s : sentences) d.AddSentence(s, Tokenize(s), Date{2024, 11, 28}, &doc, "doc-1");
  auto top = d.Top(2, 10);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].name, "Caspian Pipeline Consortium");
  EXPECT_EQ(top[0].count, 2u);
  EXPECT_EQ(top[1].name, "Zhanibek Amanbayev");
  EXPECT_EQ(top[1].kind, "person");
  EXPECT_EQ(top[1].example, sentences[0]);
  EXPECT_EQ(top[1].where, "doc-1");
  auto all = d.Top(1, 100);
  for (const auto& n : all) {
    EXPECT_NE(n.name, "Thursday");
    EXPECT_NE(n.name, "However");
    EXPECT_NE(n.name, "Moscow");
    EXPECT_NE(n.name, "Tokayev");
    EXPECT_NE(n.name, "November");
  }
}

}  // namespace
}  // namespace communique::dict
