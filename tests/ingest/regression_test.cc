// Regression inputs (tests/fixtures/ingest/regressions/<reader>/*, many found by the fuzzers):
// each is read with its reader and every document must keep the Document contract.
#include <gtest/gtest.h>

#include <filesystem>

#include "testing.h"

namespace communique::ingest {
namespace {

TEST(IngestRegression, StoredInputsKeepTheContract) {
  std::filesystem::path root = std::filesystem::path(COMMUNIQUE_FIXTURES) / "ingest" / "regressions";
  ASSERT_TRUE(std::filesystem::is_directory(root));
  const std::pair<const char*, Format> readers[] = {
      {"text", Format::kText}, {"jsonl", Format::kJsonLines}, {"html", Format::kHtml},
      {"warc", Format::kWarc}, {"any", Format::kUnknown}};
  size_t files = 0;
  for (const auto& [dir, format] : readers) {
    if (!std::filesystem::is_directory(root / dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(root / dir)) {
      SCOPED_TRACE(e.path().string());
      std::string bytes = testing::ReadFile(e.path().string());
      auto r = testing::ReadMemory(bytes, e.path().filename().string(), format);
      for (const auto& err : r.errors) EXPECT_FALSE(err.message.empty());
      ++files;
    }
  }
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace communique::ingest
