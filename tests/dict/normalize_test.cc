// Match units and transliteration keys.
#include <gtest/gtest.h>

#include <random>

#include "dict/flat_tables.h"
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

// The matcher tests words of up to 16 bytes for bytes that need splitting from the two integers
// of WordEnds; it must agree with the byte-by-byte test on every word.
TEST(DictNormalize, SplitByteTestOnWordEndsAgreesWithBytes) {
  auto swar = [](std::string_view w) {
    WordEnds ends(w);
    return HasSplitByte(ends.head) || HasSplitByte(ends.tail);
  };
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const char pair[2] = {static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(NeedsSplitting(std::string_view(pair, 1)), swar(std::string_view(pair, 1))) << a;
      ASSERT_EQ(NeedsSplitting(std::string_view(pair, 2)), swar(std::string_view(pair, 2))) << a << " " << b;
    }
  }
  // Longer words mixing the split bytes, their neighbours ('@', '[', 0xE1...) and plain letters.
  const unsigned char pool[] = {'a', 'z', 'A', 'Z', '@', '[', '-', '.', '\'', '`', 0xE2, 0xE1, 0xE3,
                                0x80, 0x99, '0', 0xFF, 0x5B, 0x60, 0x7B, ',', '/', '#', 0x00, 0x7F};
  std::mt19937_64 rng(7);
  char buf[16];
  for (int i = 0; i < 200000; ++i) {
    size_t n = rng() % 17;
    size_t plain = rng() % 3;  // often words with no split byte at all
    for (size_t k = 0; k < n; ++k)
      buf[k] = plain == 0 ? static_cast<char>('a' + rng() % 26) : static_cast<char>(pool[rng() % sizeof pool]);
    std::string_view w(buf, n);
    ASSERT_EQ(NeedsSplitting(w), swar(w)) << w;
  }
}

}  // namespace
}  // namespace communique::dict
