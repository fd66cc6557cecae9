// Regression inputs (tests/fixtures/ingest/regressions/<reader>/*, many found by the fuzzers) and
// the fuzzers' seed corpus (tests/fixtures/ingest/corpus/<reader>/*): each is read with its
// reader and every document must keep the Document contract (checked in testing::ReadMemory).
#include <gtest/gtest.h>

#include <filesystem>

#include "testing.h"

namespace communique::ingest {
namespace {

TEST(IngestRegression, StoredInputsKeepTheContract) {
  const std::pair<const char*, Format> readers[] = {
      {"text", Format::kText}, {"jsonl", Format::kJsonLines}, {"html", Format::kHtml},
      {"warc", Format::kWarc}, {"any", Format::kUnknown}};
  size_t files = 0;
  for (const char* set : {"regressions", "corpus"}) {
    std::filesystem::path root = std::filesystem::path(COMMUNIQUE_FIXTURES) / "ingest" / set;
    ASSERT_TRUE(std::filesystem::is_directory(root)) << root;
    for (const auto& [dir, format] : readers) {
      if (!std::filesystem::is_directory(root / dir)) continue;
      for (const auto& e : std::filesystem::directory_iterator(root / dir)) {
        SCOPED_TRACE(e.path().string());
        std::string bytes = testing::ReadFile(e.path().string());
        auto r = testing::ReadMemory(bytes, e.path().filename().string(), format);
        for (const auto& err : r.errors) EXPECT_FALSE(err.message.empty());
        // Read again as the format the content and name suggest: the same contract holds.
        testing::ReadMemory(bytes, e.path().filename().string(), Format::kUnknown);
        ++files;
      }
    }
  }
  EXPECT_GT(files, 10u);
}

TEST(IngestRegression, SampleCorpusDocuments) {
  std::string dir = std::string(COMMUNIQUE_FIXTURES) + "/ingest/corpus/";
  auto html = testing::Read({dir + "html/sample.html"});
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].published->ToString(), "2024-11-28");
  EXPECT_EQ(html.docs[0].title, "CSTO Calls to End Mideast Violence");
  EXPECT_EQ(html.docs[0].outlet, "sputnikglobe.com");
  EXPECT_TRUE(html.docs[0].text.starts_with("CSTO & peace\n\nCSTO Calls to End Mideast Violence")) << html.docs[0].text;
  EXPECT_EQ(html.docs[0].text.find("cookies"), std::string::npos);
  EXPECT_EQ(html.docs[0].text.find("Related"), std::string::npos);
  auto warc = testing::Read({dir + "warc/sample.warc.gz", dir + "warc/sample.warc"});
  ASSERT_EQ(warc.docs.size(), 4u);
  EXPECT_EQ(warc.docs[0].text, html.docs[0].text);
  EXPECT_EQ(warc.docs[0].date_source, "html-meta");
  EXPECT_EQ(warc.docs[1].text, "chunked");
  EXPECT_EQ(warc.docs[1].date_source, "warc");
  EXPECT_TRUE(warc.errors.empty());
}

}  // namespace
}  // namespace communique::ingest
