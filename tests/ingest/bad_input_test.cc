// Bad input in a batch: binary junk, empty files, missing files, gzip junk, directories. Each
// problem is reported with its file and offset; every good document is still read.
#include <gtest/gtest.h>

#include <random>

#include "testing.h"

namespace communique::ingest {
namespace {

TEST(IngestBadInput, MixedBatchReadsEveryGoodDocument) {
  std::string dir = testing::TempDir();
  std::mt19937 rng(7);
  std::string junk(4096, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  testing::WriteFile(dir, "a/01-good.txt", "CSTO leaders met in Astana.");
  testing::WriteFile(dir, "a/02-junk.bin", junk);
  testing::WriteFile(dir, "a/03-empty.txt", "");
  testing::WriteFile(dir, "a/04-blank.txt", " \n\n  \n");
  testing::WriteFile(dir, "a/05-junk.txt", junk);
  testing::WriteFile(dir, "b/06-gzip-junk.gz", std::string("\x1f\x8b") + junk);
  testing::WriteFile(dir, "b/07-feed.jsonl", "{\"id\":\"j\",\"text\":\"ok\"}\n{oops\n");
  testing::WriteFile(dir, "b/08-page.html", "<p>Page.</p>");
  testing::WriteFile(dir, "b/.hidden.txt", "not read");
  testing::WriteFile(dir, "b/09-text.txt.gz", testing::Gzip(" date 2024-11-28\nZipped text."));
  auto r = testing::Read({dir, dir + "/missing.txt", testing::SeedPath(1)});
  ASSERT_EQ(r.docs.size(), 5u);
  EXPECT_EQ(r.docs[0].id, "01-good");
  EXPECT_EQ(r.docs[1].id, "j");
  EXPECT_EQ(r.docs[2].id, "08-page");
  EXPECT_EQ(r.docs[3].id, "09-text");
  EXPECT_EQ(r.docs[3].text, "Zipped text.");
  EXPECT_EQ(r.docs[3].published->ToString(), "2024-11-28");
  EXPECT_EQ(r.docs[4].id, "001_017e027ff2ca2f39");
  std::vector<std::string> messages;
  for (const auto& e : r.errors) messages.push_back(e.ToString());
  ASSERT_EQ(r.errors.size(), 7u) << ::testing::PrintToString(messages);
  EXPECT_EQ(r.errors[0].file, dir + "/a/02-junk.bin");
  EXPECT_NE(r.errors[0].message.find("binary"), std::string::npos);
  EXPECT_EQ(r.errors[1].file, dir + "/a/03-empty.txt");
  EXPECT_NE(r.errors[1].message.find("empty"), std::string::npos);
  EXPECT_EQ(r.errors[2].file, dir + "/a/04-blank.txt");
  EXPECT_EQ(r.errors[3].file, dir + "/a/05-junk.txt");
  EXPECT_NE(r.errors[3].message.find("binary"), std::string::npos);
  EXPECT_EQ(r.errors[4].file, dir + "/b/06-gzip-junk.gz");
  EXPECT_NE(r.errors[4].message.find("gzip"), std::string::npos) << r.errors[4].message;
  EXPECT_EQ(r.errors[5].file, dir + "/b/07-feed.jsonl");
  EXPECT_EQ(r.errors[5].line, 2u);
  EXPECT_EQ(r.errors[6].file, dir + "/missing.txt");
  EXPECT_EQ(r.stats.skipped, 7u);
  EXPECT_EQ(r.stats.documents, 5u);
}

TEST(IngestBadInput, BinaryErrorNamesOffset) {
  std::string bytes = "Some text first, then\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15";
  bytes += std::string(20, '\x01');
  auto r = testing::ReadMemory(bytes, "x.dat");
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, bytes.find('\x01'));
}

TEST(IngestBadInput, TenMegabyteSingleLineText) {
  std::string line(10u << 20, 'a');
  for (size_t i = 7; i < line.size(); i += 9) line[i] = ' ';
  std::string dir = testing::TempDir();
  auto r = testing::Read({testing::WriteFile(dir, "long.txt", line), testing::SeedPath(0)});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text.size(), line.size());
  EXPECT_TRUE(r.errors.empty());
}

TEST(IngestBadInput, FormatDetection) {
  EXPECT_EQ(DetectFormat("x.warc.gz", "WARC/1.0\r\n"), Format::kWarc);
  EXPECT_EQ(DetectFormat("x.dat", "WARC/1.1\r\n"), Format::kWarc);
  EXPECT_EQ(DetectFormat("x.jsonl", "{\"a\":1}"), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("x", " \n{\"a\":1}"), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("x.txt", "{not json, but a .txt}"), Format::kText);
  EXPECT_EQ(DetectFormat("x.htm", "plain words"), Format::kHtml);
  EXPECT_EQ(DetectFormat("x", "<html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("x", "Words."), Format::kText);
  EXPECT_EQ(DetectFormat("x.txt", std::string_view("\0\1\2\3", 4)), Format::kUnknown);
}

}  // namespace
}  // namespace communique::ingest

#include <fcntl.h>
#include <unistd.h>

namespace communique::ingest {
namespace {

// "-" reads stdin and detects the format from content: here gzip-compressed JSON Lines.
TEST(IngestStdin, DashReadsStandardInput) {
  std::string dir = testing::TempDir();
  std::string path = testing::WriteFile(dir, "in.bin", testing::Gzip("{\"id\":\"s1\",\"text\":\"From stdin.\"}\n{bad\n"));
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  int saved = ::dup(0);
  ::dup2(fd, 0);
  auto r = testing::Read({"-"});
  ::dup2(saved, 0);
  ::close(saved);
  ::close(fd);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "s1");
  EXPECT_EQ(r.docs[0].input_path, "-");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].ToString().substr(0, 4), "-:2:");
}

}  // namespace
}  // namespace communique::ingest
