// Clean: normalization results and the exactness of the text -> raw offset map.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "seed_document.h"
#include "text/clean.h"

namespace communique::text {
namespace {

using communique::testing::DocumentFromText;
using communique::testing::ReadFile;
using communique::testing::SeedDocument;

Document Cleaned(const std::string& raw) {
  Document d;
  d.raw = raw;
  Clean(d);
  return d;
}

std::string CleanText(const std::string& raw) { return Cleaned(raw).text; }

std::string RawOf(const Document& d, uint32_t b, uint32_t e) {
  auto [rb, re] = d.RawSpan(b, e);
  return d.raw.substr(rb, re - rb);
}

// The cleaned text is valid UTF-8 and the map is complete, in range and never goes backwards.
void ExpectWellFormed(const Document& d) {
  ASSERT_EQ(d.text_to_raw.size(), d.text.size() + 1);
  for (size_t i = 0; i < d.text_to_raw.size(); ++i) {
    ASSERT_LE(d.text_to_raw[i], d.raw.size()) << i;
    if (i > 0) {
      ASSERT_LE(d.text_to_raw[i - 1], d.text_to_raw[i]) << i;
    }
  }
  size_t i = 0;
  while (i < d.text.size()) {
    unsigned char c = static_cast<unsigned char>(d.text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ASSERT_TRUE(c < 0x80 || (c >= 0xC2 && c <= 0xF4)) << "bad lead byte at " << i;
    ASSERT_LE(i + len, d.text.size());
    for (size_t k = 1; k < len; ++k) ASSERT_EQ(static_cast<unsigned char>(d.text[i + k]) & 0xC0, 0x80);
    ASSERT_TRUE(c >= 0x20 || c == '\n') << "control byte " << int(c) << " at " << i;
    i += len;
  }
}

TEST(TextClean, QuotesDashesAndSpacesBecomePlain) {
  EXPECT_EQ(CleanText("\u201CPeace,\u201D he said \u2018twice\u2019"), "\"Peace,\" he said 'twice'");
  EXPECT_EQ(CleanText("Kazakhstan\u2019s 2020\u20132024 plan"), "Kazakhstan's 2020-2024 plan");
  EXPECT_EQ(CleanText("talks\u2014and more\u2014ended"), "talks - and more - ended");
  EXPECT_EQ(CleanText("talks \u2014 ended"), "talks - ended");
  EXPECT_EQ(CleanText("a\u00A0b\u2009c\u3000d\t e"), "a b c d e");
  EXPECT_EQ(CleanText("zero\u200Bwidth\u200D and\u00ADsoft \uFEFFbom"), "zerowidth andsoft bom");
  EXPECT_EQ(CleanText("bell\x07 and\x01 nul"), "bell and nul");
  EXPECT_EQ(CleanText("\u00AB\u0410\u043A\u0442\u0438\u0432\u043D\u044B\u0439\u00BB"), "\"\u0410\u043A\u0442\u0438\u0432\u043D\u044B\u0439\"");
}

TEST(TextClean, NfkcAndComposition) {
  EXPECT_EQ(CleanText("\uFB01ne \uFF21\uFF22\uFF23 \u2116 5"), "fine ABC No 5");
  EXPECT_EQ(CleanText("cafe\u0301"), "caf\u00E9");            // e + combining acute composes
  EXPECT_EQ(CleanText("wait\u2026"), "wait...");
  EXPECT_EQ(CleanText("x\u0301\u0323"), "x\u0323\u0301");      // no composed form: canonical order
}

TEST(TextClean, LinesAndParagraphs) {
  EXPECT_EQ(CleanText("  one  \r\ntwo\r\rthree\n\n\n\n four \n\n"), "one\ntwo\n\nthree\n\nfour");
  EXPECT_EQ(CleanText("a\u2028b\u2029c"), "a\nb\n\nc");
  EXPECT_EQ(CleanText("\n\n\u00A0\n"), "");
}

TEST(TextClean, InvalidUtf8IsReadAsWindows1252) {
  EXPECT_EQ(CleanText("\x93Hello\x94 caf\xE9 \x96 x\x81y"), "\"Hello\" caf\u00E9 - xy");
  // A UTF-16 surrogate is not UTF-8: its three bytes are read one by one.
  EXPECT_EQ(CleanText(std::string("\xED\xA0\x80z", 4)), "\u00ED \u20ACz");
}

TEST(TextClean, EverySpanMapsToItsOriginalCharacters) {
  Document d = Cleaned("Tokayev\u2019s \u201Cfine\u201D \uFB01x \u2014 cafe\u0301 end");
  ExpectWellFormed(d);
  ASSERT_EQ(d.text, "Tokayev's \"fine\" fix - caf\u00E9 end");
  auto find = [&](std::string_view w) { return static_cast<uint32_t>(d.text.find(w)); };
  uint32_t b = find("Tokayev's");
  EXPECT_EQ(RawOf(d, b, b + 9), "Tokayev\u2019s");
  b = find("\"fine\"");
  EXPECT_EQ(RawOf(d, b, b + 6), "\u201Cfine\u201D");
  b = find("fix");
  EXPECT_EQ(RawOf(d, b, b + 3), "\uFB01x");
  EXPECT_EQ(RawOf(d, b, b + 1), "\uFB01");  // part of a ligature maps to the whole ligature
  b = find("caf\u00E9");
  EXPECT_EQ(RawOf(d, b, b + 5), "cafe\u0301");
  b = find("end");
  EXPECT_EQ(RawOf(d, b, b + 3), "end");
  EXPECT_EQ(RawOf(d, 0, static_cast<uint32_t>(d.text.size())), d.raw);
}

TEST(TextClean, ComposesWithTheReadersMap) {
  // As an HTML reader would hand it over: tags dropped, &amp; decoded.
  Document d;
  d.raw = "<p>AT&amp;T\u2019s <b>deal</b></p>";
  d.text = "AT&T\u2019s deal";
  std::vector<uint32_t> map;
  auto add = [&](size_t raw_at, size_t n) {
    for (size_t k = 0; k < n; ++k) map.push_back(static_cast<uint32_t>(raw_at + k));
  };
  add(3, 2);            // AT
  map.push_back(5);     // & from &amp;
  add(10, 1);           // T
  add(11, 3);           // ’
  add(14, 2);           // "s "
  add(19, 4);           // deal
  map.push_back(static_cast<uint32_t>(d.raw.size()));
  d.text_to_raw = map;
  Clean(d);
  ExpectWellFormed(d);
  ASSERT_EQ(d.text, "AT&T's deal");
  EXPECT_EQ(RawOf(d, 0, 4), "AT&amp;T");
  EXPECT_EQ(RawOf(d, 2, 3), "&amp;");
  EXPECT_EQ(RawOf(d, 0, 6), "AT&amp;T\u2019s");
  EXPECT_EQ(RawOf(d, 7, 11), "deal");
}

// Words of a string: runs of ASCII letters and digits (what the sentence must keep).
std::vector<std::string> AsciiWords(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += c;
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

TEST(TextClean, SeedSentencesMapBackToTheSameWordsInRaw) {
  for (const char* seed : {"000_8a343dba91a3a968.txt", "001_017e027ff2ca2f39.txt", "002_fe3e54a51b3b31e9.txt",
                           "003_824f7b38d0ec323d.txt", "004_f30e7b23c5d14025.txt"}) {
    Document d = SeedDocument(seed);
    Prepare(d);
    ExpectWellFormed(d);
    ASSERT_FALSE(d.sentences.empty()) << seed;
    for (const Sentence& s : d.sentences) {
      auto [rb, re] = d.RawSpan(s.begin, s.end);
      std::string_view raw = std::string_view(d.raw).substr(rb, re - rb);
      EXPECT_EQ(AsciiWords(raw), AsciiWords(d.SentenceText(s))) << seed << ": " << d.SentenceText(s);
      ASSERT_FALSE(raw.empty());
      EXPECT_FALSE(std::isspace(static_cast<unsigned char>(raw.front())));
      EXPECT_FALSE(std::isspace(static_cast<unsigned char>(raw.back())));
    }
  }
}

TEST(TextClean, MessyFixtureFile) {
  Document d = DocumentFromText(ReadFile(std::string(COMMUNIQUE_FIXTURES) + "/text/messy_unicode.txt"));
  Clean(d);
  ExpectWellFormed(d);
  EXPECT_EQ(d.text.find('\r'), std::string::npos);
  EXPECT_EQ(d.text.find("\u00A0"), std::string::npos);
  EXPECT_EQ(d.text.find("\u200B"), std::string::npos);
  EXPECT_NE(d.text.find("\"We will not allow it,\" said Gen. Ivanov's aide - in Astana."), std::string::npos)
      << d.text;
  EXPECT_NE(d.text.find("The U.S. and U.N. officials met on Nov. 28, 2024."), std::string::npos) << d.text;
}

TEST(TextClean, EmptyAndJunkInputNeverBreakTheMap) {
  ExpectWellFormed(Cleaned(""));
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string junk(rng() % 300, '\0');
    for (char& c : junk) c = static_cast<char>(rng() % 4 == 0 ? rng() % 0x20 : 0x80 + rng() % 0x80);
    if (round % 3 == 0)
      for (size_t k = 0; k < junk.size(); k += 7) junk[k] = "a \n\xCC\x81\xE2"[rng() % 6];
    Document d = Cleaned(junk);
    ExpectWellFormed(d);
    Segment(d);
    for (const Sentence& s : d.sentences) ASSERT_LE(s.end, d.text.size());
  }
}

}  // namespace
}  // namespace communique::text
