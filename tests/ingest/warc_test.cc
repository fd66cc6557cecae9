// WARC / WARC.gz reader: a Common-Crawl-style file built here from the seed texts, HTTP details
// (chunked, gzip bodies, non-HTML), and truncation.
#include <gtest/gtest.h>

#include "testing.h"

namespace communique::ingest {
namespace {

struct SeedWarc {
  std::string bytes;                  // concatenated gzip members, one per record
  std::vector<std::string> expected;  // article text per seed
  std::vector<size_t> member_starts;  // compressed offset of each record
};

SeedWarc BuildSeedWarc(bool gzip) {
  SeedWarc w;
  auto add = [&](const std::string& record) {
    w.member_starts.push_back(w.bytes.size());
    w.bytes += gzip ? testing::Gzip(record) : record;
  };
  add(testing::WarcRecord("warcinfo", "", "2024-12-01T00:00:00Z", "info-0",
                          "software: communique-test\r\n", "application/warc-fields"));
  for (int i = 0; i < 5; ++i) {
    std::string text;
    std::string html = testing::SeedAsHtml(testing::Seed(i), &text);
    w.expected.push_back(text);
    std::string uri = "https://www.news" + std::to_string(i) + ".example/story/" + std::to_string(i);
    add(testing::WarcRecord("request", uri, "2024-12-01T10:00:00Z", "req-" + std::to_string(i),
                            "GET /story HTTP/1.1\r\nHost: x\r\n\r\n", "application/http; msgtype=request"));
    add(testing::WarcRecord("response", uri, "2024-12-0" + std::to_string(i + 1) + "T10:00:00Z",
                            "rec-" + std::to_string(i), testing::HttpResponse(html)));
    add(testing::WarcRecord("metadata", uri, "2024-12-01T10:00:00Z", "meta-" + std::to_string(i),
                            "fetchTimeMs: 12\r\n", "application/warc-fields"));
  }
  return w;
}

void ExpectSeedDocuments(const std::vector<Document>& docs, const SeedWarc& w) {
  ASSERT_EQ(docs.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    const Document& d = docs[i];
    EXPECT_EQ(d.id, "rec-" + std::to_string(i));
    EXPECT_EQ(d.format, "warc");
    EXPECT_EQ(d.url, "https://www.news" + std::to_string(i) + ".example/story/" + std::to_string(i));
    EXPECT_EQ(d.outlet, "news" + std::to_string(i) + ".example");
    ASSERT_TRUE(d.published);
    EXPECT_EQ(d.published->ToString(), "2024-12-0" + std::to_string(i + 1));
    EXPECT_EQ(d.date_source, "warc");
    EXPECT_EQ(d.text, w.expected[i]) << "seed " << i;
    EXPECT_EQ(d.title, "Seed page");
    EXPECT_TRUE(d.raw.starts_with("<!DOCTYPE html>"));
  }
}

TEST(IngestWarc, GzipFileFromSeedsReadsBack) {
  SeedWarc w = BuildSeedWarc(true);
  std::string dir = testing::TempDir();
  auto r = testing::Read({testing::WriteFile(dir, "CC-NEWS-test.warc.gz", w.bytes)});
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].ToString();
  ExpectSeedDocuments(r.docs, w);
  EXPECT_EQ(r.stats.bytes, w.bytes.size());
  // The article text of seed 000 keeps the headline; furniture around the article is gone.
  EXPECT_NE(r.docs[0].text.find("CSTO Calls to End Mideast Violence"), std::string::npos);
  EXPECT_EQ(r.docs[0].text.find("cookies"), std::string::npos);
  EXPECT_EQ(r.docs[0].text.find("Share"), std::string::npos);
}

TEST(IngestWarc, PlainWarcAndStdinStyleDetection) {
  SeedWarc w = BuildSeedWarc(false);
  auto r = testing::ReadMemory(w.bytes, "-");
  EXPECT_TRUE(r.errors.empty());
  ExpectSeedDocuments(r.docs, w);
}

TEST(IngestWarc, PageDateWinsOverWarcDate) {
  std::string html = R"(<html><head><meta property="article:published_time" content="2024-11-28T09:00:00Z"></head><body><p>Text.</p></body></html>)";
  std::string warc = testing::WarcRecord("response", "http://a.example/1", "2024-12-05T00:00:00Z", "", testing::HttpResponse(html));
  auto r = testing::ReadMemory(testing::Gzip(warc), "x.warc.gz");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].published->ToString(), "2024-11-28");
  EXPECT_EQ(r.docs[0].date_source, "html-meta");
  EXPECT_EQ(r.docs[0].id.size(), 16u);  // no WARC-Record-ID: hash of the URI
}

TEST(IngestWarc, HttpBodiesChunkedGzipAndNonHtml) {
  std::string html = "<p>Chunked body text.</p>";
  std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "a\r\n" + html.substr(0, 10) + "\r\n" + "F;ext=1\r\n" + html.substr(10) + "\r\n0\r\n\r\n";
  std::string gz = testing::HttpResponse(testing::Gzip("<p>Gzip body text.</p>"), "text/html", "Content-Encoding: gzip\r\n");
  std::string image = testing::HttpResponse("\x89PNG....", "image/png");
  std::string redirect = "HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\nLocation: /x\r\n\r\n<p>Moved</p>";
  std::string warc = testing::WarcRecord("response", "http://a.example/1", "2024-12-05T00:00:00Z", "c", chunked) +
                     testing::WarcRecord("response", "http://a.example/2", "2024-12-05T00:00:00Z", "g", gz) +
                     testing::WarcRecord("response", "http://a.example/3", "2024-12-05T00:00:00Z", "i", image) +
                     testing::WarcRecord("response", "http://a.example/4", "2024-12-05T00:00:00Z", "r", redirect);
  auto r = testing::ReadMemory(warc, "x.warc");
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "Chunked body text.");
  EXPECT_EQ(r.docs[0].raw, html);
  EXPECT_EQ(r.docs[1].text, "Gzip body text.");
  EXPECT_TRUE(r.errors.empty());
}

TEST(IngestWarc, TruncatedGzipKeepsEarlierRecords) {
  SeedWarc w = BuildSeedWarc(true);
  // Cut in the middle of the 4th seed's response record (record index 1 + 3*3 + 1).
  size_t rec = 1 + 3 * 3 + 1;
  size_t cut = (w.member_starts[rec] + w.member_starts[rec + 1]) / 2;
  std::string dir = testing::TempDir();
  std::string path = testing::WriteFile(dir, "cut.warc.gz", w.bytes.substr(0, cut));
  auto r = testing::Read({path});
  ASSERT_EQ(r.docs.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(r.docs[i].text, w.expected[i]);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, path);
  EXPECT_EQ(r.errors[0].offset, w.member_starts[rec]);
  EXPECT_NE(r.errors[0].message.find("truncated"), std::string::npos) << r.errors[0].message;
  EXPECT_NE(r.errors[0].message.find(std::to_string(cut)), std::string::npos) << r.errors[0].message;
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(IngestWarc, TruncatedWarcKeepsEarlierRecords) {
  SeedWarc w = BuildSeedWarc(false);
  size_t rec = 1 + 3 * 2 + 1;  // the 3rd seed's response
  size_t cut = w.member_starts[rec] + 600;
  auto r = testing::ReadMemory(w.bytes.substr(0, cut), "cut.warc");
  ASSERT_EQ(r.docs.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, w.member_starts[rec]);
  EXPECT_NE(r.errors[0].message.find("truncated WARC record"), std::string::npos) << r.errors[0].message;
  // A record cut inside its header.
  r = testing::ReadMemory(w.bytes.substr(0, w.member_starts[rec] + 30), "cut2.warc");
  EXPECT_EQ(r.docs.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, w.member_starts[rec]);
}

TEST(IngestWarc, GarbageBetweenRecordsIsSkipped) {
  std::string ok = testing::WarcRecord("response", "http://a.example/1", "2024-12-05T00:00:00Z", "one",
                                       testing::HttpResponse("<p>One.</p>"));
  std::string ok2 = testing::WarcRecord("response", "http://a.example/2", "2024-12-05T00:00:00Z", "two",
                                        testing::HttpResponse("<p>Two.</p>"));
  auto r = testing::ReadMemory(ok + "junk line\nmore junk\n" + ok2, "g.warc");
  ASSERT_EQ(r.docs.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, ok.size());
}

}  // namespace
}  // namespace communique::ingest

namespace communique::ingest {
namespace {

TEST(IngestWarc, CorruptMemberInTheMiddleIsReported) {
  SeedWarc w = BuildSeedWarc(true);
  size_t rec = 1 + 3 * 2 + 1;  // the 3rd seed's response
  std::string bytes = w.bytes;
  for (size_t k = w.member_starts[rec] + 40; k < w.member_starts[rec] + 200; ++k) bytes[k] = static_cast<char>(bytes[k] ^ 0x5a);
  auto r = testing::ReadMemory(bytes, "corrupt.warc.gz");
  ASSERT_GE(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, w.expected[0]);
  EXPECT_EQ(r.docs[1].text, w.expected[1]);
  ASSERT_FALSE(r.errors.empty());
  // The offset is where inflating failed; the message also names the member's start.
  EXPECT_NE(r.errors[0].message.find("corrupt gzip"), std::string::npos) << r.errors[0].message;
  EXPECT_NE(r.errors[0].message.find(std::to_string(w.member_starts[rec])), std::string::npos);
  EXPECT_GE(r.errors[0].offset, w.member_starts[rec]);
  EXPECT_LT(r.errors[0].offset, w.member_starts[rec + 1]);
  EXPECT_GE(r.stats.skipped, 1u);
}

TEST(IngestWarc, LargeRecordsStreamThroughSmallBuffers) {
  // A 3 MB page in one member: bigger than the first inflate buffer and the read chunk.
  std::string html = "<html><body><article>";
  for (int i = 0; i < 30000; ++i) html += "<p>Paragraph " + std::to_string(i) + " of a very long article text.</p>\n";
  html += "</article></body></html>";
  std::string rec = testing::WarcRecord("response", "https://big.example/", "2024-11-28T00:00:00Z", "big",
                                        testing::HttpResponse(html));
  std::string small = testing::WarcRecord("response", "https://small.example/", "2024-11-28T00:00:00Z", "small",
                                          testing::HttpResponse("<p>Small.</p>"));
  std::string dir = testing::TempDir();
  auto r = testing::Read({testing::WriteFile(dir, "big.warc.gz", testing::Gzip(rec) + testing::Gzip(small))});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_TRUE(r.docs[0].text.starts_with("Paragraph 0 of a very long article text.\n\nParagraph 1 "));
  EXPECT_TRUE(r.docs[0].text.ends_with("Paragraph 29999 of a very long article text."));
  EXPECT_EQ(r.docs[1].text, "Small.");
  EXPECT_TRUE(r.errors.empty());
}

}  // namespace
}  // namespace communique::ingest
