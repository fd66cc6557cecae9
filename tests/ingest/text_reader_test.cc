// Plain-text reader: the seed articles, the ` date YYYY-MM-DD URL` header and offsets.
#include <gtest/gtest.h>

#include "testing.h"

namespace communique::ingest {
namespace {

using testing::Read;
using testing::ReadMemory;

TEST(IngestText, SeedsGiveIdsDatesAndUrls) {
  auto r = Read({std::string(COMMUNIQUE_FIXTURES) + "/seeds"});
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].ToString();
  ASSERT_EQ(r.docs.size(), 5u);
  const char* ids[] = {"000_8a343dba91a3a968", "001_017e027ff2ca2f39", "002_fe3e54a51b3b31e9",
                       "003_824f7b38d0ec323d", "004_f30e7b23c5d14025"};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(r.docs[i].id, ids[i]);
    EXPECT_EQ(r.docs[i].format, "text");
    EXPECT_EQ(r.docs[i].raw, testing::Seed(i));
  }
  ASSERT_TRUE(r.docs[0].published);
  EXPECT_EQ(r.docs[0].published->ToString(), "2024-11-28");
  EXPECT_EQ(r.docs[0].date_source, "header");
  EXPECT_EQ(r.docs[0].outlet, "sputnikglobe.com");
  EXPECT_TRUE(r.docs[0].url.starts_with("https://sputnikglobe.com/20241128/csto-calls"));
  // The header line is not article text; the text starts with the headline.
  EXPECT_TRUE(r.docs[0].text.starts_with("\nCSTO Calls to End Mideast Violence")) << r.docs[0].text.substr(0, 60);
  ASSERT_TRUE(r.docs[4].published);
  EXPECT_EQ(r.docs[4].published->ToString(), "2025-12-08");
  EXPECT_EQ(r.docs[4].date_source, "header");
  EXPECT_EQ(r.docs[4].url, "");
  // Seed 004 runs its lede onto the header line: that is article text, kept.
  EXPECT_TRUE(r.docs[4].text.starts_with("MOSCOW, December 8. /TASS/.")) << r.docs[4].text.substr(0, 60);
  for (int i : {1, 2, 3}) {
    EXPECT_FALSE(r.docs[i].published) << i;
    EXPECT_EQ(r.docs[i].date_source, "unknown");
    EXPECT_EQ(r.docs[i].text, r.docs[i].raw);  // no header: all bytes are text
  }
  EXPECT_EQ(r.stats.documents, 5u);
  EXPECT_EQ(r.stats.files, 5u);
  EXPECT_EQ(r.stats.skipped, 0u);
}

TEST(IngestText, OffsetsPointIntoRaw) {
  auto r = Read({testing::SeedPath(0)});
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  for (size_t i = 0; i < d.text.size(); ++i) ASSERT_EQ(d.raw[d.text_to_raw[i]], d.text[i]);
  EXPECT_EQ(d.text_to_raw.back(), d.raw.size());
  size_t at = d.text.find("Leaders of CSTO");
  ASSERT_NE(at, std::string::npos);
  auto [b, e] = d.RawSpan(static_cast<uint32_t>(at), static_cast<uint32_t>(at + 15));
  EXPECT_EQ(d.raw.substr(b, e - b), "Leaders of CSTO");
}

TEST(IngestText, HeaderVariants) {
  struct Case {
    const char* input;
    const char* date;  // nullptr: no date
    const char* url;
    const char* text;
  } cases[] = {
      {"date 2024-01-05 https://www.tass.com/a\nBody.", "2024-01-05", "https://www.tass.com/a", "Body."},
      {" date 2024-01-05\r\nBody.", "2024-01-05", "", "Body."},
      {"\xEF\xBB\xBF date 2024-01-05 http://x.org/\nBody.", "2024-01-05", "http://x.org/", "Body."},
      {"date 2024-01-05 Lede on the header line.\nMore.", "2024-01-05", "", "Lede on the header line.\nMore."},
      {"date: 2024-01-05\nBody.", nullptr, "", "date: 2024-01-05\nBody."},
      {"dated 2024-01-05\nBody.", nullptr, "", "dated 2024-01-05\nBody."},
      {"Body with date 2024-01-05 inside.", nullptr, "", "Body with date 2024-01-05 inside."},
      {" date 2024-01-05", "2024-01-05", "", ""},
  };
  for (const auto& c : cases) {
    auto r = ReadMemory(c.input, "in/x.txt", Format::kText);
    ASSERT_EQ(r.docs.size(), 1u) << c.input;
    const Document& d = r.docs[0];
    EXPECT_EQ(d.id, "x");
    if (c.date) {
      ASSERT_TRUE(d.published) << c.input;
      EXPECT_EQ(d.published->ToString(), c.date);
      EXPECT_EQ(d.date_source, "header");
    } else {
      EXPECT_FALSE(d.published) << c.input;
    }
    EXPECT_EQ(d.url, c.url) << c.input;
    EXPECT_EQ(d.text, c.text) << c.input;
  }
  auto r = ReadMemory(" date 2024-01-05 https://www.tass.com/a\nBody.", "y.txt", Format::kText);
  EXPECT_EQ(r.docs[0].outlet, "tass.com");
}

TEST(IngestText, ImpossibleHeaderDateIsReportedAndLeftUnknown) {
  auto r = ReadMemory(" date 2024-02-30 https://a.com/\nBody.", "bad.txt", Format::kText);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_FALSE(r.docs[0].published);
  EXPECT_EQ(r.docs[0].date_source, "unknown");
  EXPECT_EQ(r.docs[0].text, "Body.");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].ToString().substr(0, 10), "bad.txt:1:");
  EXPECT_EQ(r.stats.warnings, 1u);
}

TEST(IngestText, InvalidUtf8IsRepairedWithOffsets) {
  std::string in = "Caf\xC3\xA9 ok. Bad \xFF\xFE byte and \xE2\x82 cut.";
  auto r = ReadMemory(in, "u.txt", Format::kText);
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.text, "Caf\xC3\xA9 ok. Bad \xEF\xBF\xBD\xEF\xBF\xBD byte and \xEF\xBF\xBD cut.");
  EXPECT_EQ(d.raw, in);
  size_t bad = d.text.find("\xEF\xBF\xBD");
  EXPECT_EQ(d.text_to_raw[bad], in.find('\xFF'));
  size_t cut = d.text.find(" cut");
  EXPECT_EQ(d.raw[d.text_to_raw[cut]], ' ');
  EXPECT_EQ(d.raw.substr(d.text_to_raw[cut], 4), " cut");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, in.find('\xFF'));
  EXPECT_NE(r.errors[0].message.find("U+FFFD"), std::string::npos);
  EXPECT_EQ(r.stats.skipped, 0u);
}

}  // namespace
}  // namespace communique::ingest
