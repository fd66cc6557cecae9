// kill -9 in the middle of a batch: a child process writes large batches and is killed while
// writing; the store must hold whole batches only, consistent counts, and a re-run must complete
// the ingest without duplicating anything. On both backends.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/store/store_fixture.h"

namespace communique::store::testing {
namespace {

constexpr int kBatches = 12;
constexpr int kDocsPerBatch = 150;
constexpr int kEventsPerDoc = 8;

std::vector<DocumentEvents> Batch(int b) {
  std::vector<DocumentEvents> batch;
  for (int i = 0; i < kDocsPerBatch; ++i) {
    const int n = b * kDocsPerBatch + i;
    DocumentEvents de;
    std::string id = "doc" + std::to_string(n);
    std::vector<std::string> lines;
    for (int s = 0; s < kEventsPerDoc; ++s)
      lines.push_back("Report " + std::to_string(n) + " sentence " + std::to_string(s) + " about minister " +
                      std::to_string(n * 31 % 977) + " meeting envoy " + std::to_string(n * 17 % 389) + ".");
    de.doc = MakeDocument(id, "https://outlet" + std::to_string(n % 7) + ".example/" + id, "2025-05-01", lines);
    for (int s = 0; s < kEventsPerDoc; ++s)
      de.events.push_back(MakeEvent(de.doc, s, "KAZGOV", "ACTOR" + std::to_string(n % 50), "04" + std::to_string(s),
                                    "2025-05-" + std::string(s < 9 ? "0" : "") + std::to_string(1 + s % 28)));
    batch.push_back(std::move(de));
  }
  return batch;
}

template <typename B>
using CrashTest = BackendTest<B>;
TYPED_TEST_SUITE(CrashTest, Backends, BackendNames);

TYPED_TEST(CrashTest, KilledMidBatchLeavesWholeBatchesAndRerunCompletes) {
  // Prepare the batches before forking so the child only writes.
  std::vector<std::vector<DocumentEvents>> batches;
  for (int b = 0; b < kBatches; ++b) batches.push_back(Batch(b));
  const std::string location = this->location_;
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      auto store = Store::Open(location);
      for (const auto& batch : batches) store->Write(batch);
    } catch (...) {
      _exit(2);
    }
    _exit(0);  // never run the parent's destructors in the child
  }
  // Let a batch or two commit, then kill the writer while it is inside the next one.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int64_t docs = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    docs = this->store_->Stats().documents;
    if (docs >= kDocsPerBatch) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer finished before it could be killed";

  auto stats = this->store_->Stats();
  ASSERT_GE(stats.documents, kDocsPerBatch);
  ASSERT_LT(stats.documents, kBatches * kDocsPerBatch);
  EXPECT_EQ(stats.documents % kDocsPerBatch, 0) << "a partial batch is visible";
  EXPECT_EQ(stats.mentions, stats.documents * kEventsPerDoc);
  EXPECT_EQ(stats.sentences, stats.documents * kEventsPerDoc);
  QueryFilter all;
  all.limit = 0;
  int64_t mention_sum = 0;
  this->store_->ScanEvents(all, [&](const EventRow& e) {
    EXPECT_GE(e.num_mentions, 1);
    mention_sum += e.num_mentions;
    return true;
  });
  EXPECT_EQ(mention_sum, stats.mentions);

  // Re-run: the stored batches are unchanged, the rest is added.
  const int64_t before = stats.documents;
  auto store = Store::Open(location);
  uint64_t unchanged = 0, added = 0;
  for (const auto& batch : batches) {
    auto w = store->Write(batch);
    unchanged += w.documents_unchanged;
    added += w.documents_added;
  }
  EXPECT_EQ(static_cast<int64_t>(unchanged), before);
  EXPECT_EQ(static_cast<int64_t>(added), kBatches * kDocsPerBatch - before);
  auto final_stats = store->Stats();
  EXPECT_EQ(final_stats.documents, kBatches * kDocsPerBatch);
  EXPECT_EQ(final_stats.mentions, kBatches * kDocsPerBatch * kEventsPerDoc);
}

}  // namespace
}  // namespace communique::store::testing
