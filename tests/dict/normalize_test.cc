// Match units and transliteration keys.
#include <gtest/gtest.h>

#include "dict/normalize.h"

namespace communique::dict {
namespace {

std::vector<std::string> U(std::string_view w) {
  std::vector<std::string> out;
  AppendMatchUnits(w, &out);
  return out;
}

TEST(DictNormalize, MatchUnits) {
  EXPECT_EQ(U("U.N."), (std::vector<std::string>{"un"}));
  EXPECT_EQ(U("kassym-jomart"), (std::vector<std::string>{"kassym", "jomart"}));
  EXPECT_EQ(U("KI-MOON"), (std::vector<std::string>{"ki", "moon"}));
  EXPECT_EQ(U("'s"), (std::vector<std::string>{"'s"}));
  EXPECT_EQ(U("O'Brien"), (std::vector<std::string>{"obrien"}));
  EXPECT_TRUE(U("--").empty());
  EXPECT_EQ(U("russia\xE2\x80\x93led"), (std::vector<std::string>{"russia", "led"}));
  EXPECT_EQ(U("ERDO\xC4\x9E" "AN"), (std::vector<std::string>{"erdo\xC4\x9F" "an"}));
}

TEST(DictNormalize, NameKeysJoinTransliterations) {
  EXPECT_EQ(NameKey("Tokayev"), NameKey("Toqaev"));
  EXPECT_EQ(NameKey("Lukashenko"), NameKey("Lukashenka"));
  EXPECT_EQ(NameKey("Pashinyan"), NameKey("Pashinian"));
  EXPECT_EQ(NameKey("Rahmon"), NameKey("Rakhmon"));
  EXPECT_EQ(NameKey("Kassym") + NameKey("Jomart"), NameKey("Kasymzhomart"));
  EXPECT_EQ(NameKey("Qasym") + NameKey("Zhomart"), NameKey("Kasymzhomart"));
  EXPECT_EQ(NameKey("Erdo\xC4\x9F" "an"), NameKey("Erdogan"));
  EXPECT_EQ(NameKey("\xC3\x87" "avu\xC5\x9F" "o\xC4\x9F" "lu"), NameKey("Cavusoglu"));
  EXPECT_NE(NameKey("Putin"), NameKey("Pashinyan"));
  EXPECT_NE(NameKey("Lavrov"), NameKey("Lukashenko"));
}

}  // namespace
}  // namespace communique::dict
