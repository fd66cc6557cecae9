// JSON Lines reader: fields, HTML payloads, malformed and huge lines amid good ones.
#include <gtest/gtest.h>

#include "testing.h"

namespace communique::ingest {
namespace {

TEST(IngestJsonl, ReadsFieldsAndSkipsMalformedLines) {
  std::string in =
      R"({"id": "a1", "text": "CSTO leaders met.", "date": "2024-11-28", "url": "https://www.tass.com/x", "title": "T"})" "\n"
      "\n"
      R"({"id": "broken", "text": "no closing brace")" "\n"
      R"({"id": 42, "html": "<html><head><meta property=\"article:published_time\" content=\"2025-12-08\"></head><body><nav>Menu</nav><p>Armenia &amp; CSTO.</p></body></html>"})" "\r\n"
      R"(["not", "an", "object"])" "\n"
      R"({"id": "c", "body": "no text field"})" "\n"
      R"({"text": "No id, bad date.", "date": "yesterday"})" "\n";
  auto r = testing::ReadMemory(in, "feed.jsonl");
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].id, "a1");
  EXPECT_EQ(r.docs[0].text, "CSTO leaders met.");
  EXPECT_EQ(r.docs[0].raw, "CSTO leaders met.");
  EXPECT_EQ(r.docs[0].published->ToString(), "2024-11-28");
  EXPECT_EQ(r.docs[0].date_source, "json");
  EXPECT_EQ(r.docs[0].outlet, "tass.com");
  EXPECT_EQ(r.docs[0].title, "T");
  EXPECT_EQ(r.docs[0].format, "jsonl");
  EXPECT_EQ(r.docs[1].id, "42");
  EXPECT_EQ(r.docs[1].text, "Armenia & CSTO.");
  EXPECT_EQ(r.docs[1].published->ToString(), "2025-12-08");
  EXPECT_EQ(r.docs[1].date_source, "html-meta");
  EXPECT_EQ(r.docs[1].raw.substr(r.docs[1].text_to_raw[8], 5), "&amp;");
  EXPECT_EQ(r.docs[2].id, "feed-7");
  EXPECT_FALSE(r.docs[2].published);
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_NE(r.errors[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(r.errors[0].ToString().substr(0, 12), "feed.jsonl:3");
  EXPECT_EQ(r.errors[1].line, 5u);
  EXPECT_EQ(r.errors[2].line, 6u);
  EXPECT_EQ(r.errors[3].line, 7u);  // unparsable date: document kept
  EXPECT_EQ(r.stats.skipped, 3u);
  EXPECT_EQ(r.stats.warnings, 1u);
}

TEST(IngestJsonl, TenMegabyteLineIsRead) {
  std::string big(10u << 20, 'x');
  for (size_t i = 0; i < big.size(); i += 80) big[i] = ' ';
  std::string in = R"({"id":"small","text":"before"})" "\n" R"({"id":"big","text":")" + big +
                   "\"}\n" R"({"id":"after","text":"after"})" "\n";
  std::string dir = testing::TempDir();
  auto r = testing::Read({testing::WriteFile(dir, "big.jsonl", in)});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[1].id, "big");
  EXPECT_EQ(r.docs[1].text.size(), big.size());
  EXPECT_EQ(r.docs[2].id, "after");
  EXPECT_TRUE(r.errors.empty());
}

TEST(IngestJsonl, TenMegabyteMalformedLineIsReported) {
  std::string in = R"({"id":"a","text":"one"})" "\n" + std::string(10u << 20, '{') + "\n" +
                   R"({"id":"b","text":"two"})" "\n";
  auto r = testing::ReadMemory(in, "huge.jsonl");
  ASSERT_EQ(r.docs.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2u);
}

TEST(IngestJsonl, InvalidUtf8IsRepaired) {
  std::string in = "{\"id\":\"u\",\"text\":\"Bad \xC3\x28 byte\"}\n";
  auto r = testing::ReadMemory(in, "u.jsonl");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Bad \xEF\xBF\xBD( byte");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 1u);
  EXPECT_EQ(r.errors[0].offset, in.find('\xC3'));
}

TEST(IngestJsonl, DetectedByContent) {
  auto r = testing::ReadMemory("  {\"id\":\"x\",\"text\":\"t\"}\n{\"id\":\"y\",\"text\":\"u\"}", "feed");
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].id, "y");
}

TEST(IngestJsonl, SinkCanStopReading) {
  std::string in;
  for (int i = 0; i < 10; ++i) in += "{\"text\":\"t\"}\n";
  int n = 0;
  ReadBytes(in, "s.jsonl", Format::kUnknown, [&](Document&&) { return ++n < 3; }, [](const InputError&) {});
  EXPECT_EQ(n, 3);
}

}  // namespace
}  // namespace communique::ingest

namespace communique::ingest {
namespace {

// Found by fuzz_jsonl: a number too large for a double threw out_of_range, not parse_error.
TEST(IngestJsonl, NumberOverflowIsAMalformedLine) {
  std::string in = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":1E400,\"text\":\"x\"}\n99999999999999000000E16381\n"
                   "{\"id\":\"b\",\"text\":\"two\"}\n";
  auto r = testing::ReadMemory(in, "big-number.jsonl");
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].id, "b");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_EQ(r.errors[1].line, 3u);
  EXPECT_NE(r.errors[0].message.find("malformed JSON"), std::string::npos) << r.errors[0].message;
}

}  // namespace
}  // namespace communique::ingest
