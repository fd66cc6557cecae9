// End to end through the `communique` binary: ingest the seeds (and a republished copy) into
// SQLite and PostgreSQL, re-ingest (nothing added), query, timeline of the CSTO, exports in every
// layout, and the JSON Lines round trip against `communique code` on the same inputs.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "store/export.h"
#include "tests/cli_run.h"
#include "tests/store/store_fixture.h"

namespace communique::store::testing {
namespace {

using communique::testing::RunCli;  // stderr goes to the test log

std::string Seeds() { return std::string(COMMUNIQUE_FIXTURES) + "/seeds"; }
std::string Republished() { return std::string(COMMUNIQUE_FIXTURES) + "/store/001_republished.txt"; }

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

// Events as a set of canonical JSON lines (parsed and written again).
std::multiset<std::string> Canonical(const std::string& jsonl) {
  std::multiset<std::string> out;
  for (const auto& l : Lines(jsonl)) {
    std::string error;
    auto e = EventFromJson(l, &error);
    EXPECT_TRUE(e) << error << ": " << l;
    if (e) out.insert(EventToJson(*e));
  }
  return out;
}

template <typename B>
class CliTest : public BackendTest<B> {
 protected:
  void SetUp() override {
    BackendTest<B>::SetUp();
    if (this->IsSkipped() || this->HasFailure()) return;
    this->store_.reset();  // the binary writes; the test reads afterwards
    db_ = "'" + this->location_ + "'";
  }
  std::string db_;
};
TYPED_TEST_SUITE(CliTest, Backends, BackendNames);

TYPED_TEST(CliTest, IngestSeedsIsIdempotentAndRoundTrips) {
  auto first = RunCli("ingest -q " + Seeds() + " --db " + this->db_);
  ASSERT_EQ(first.status, 0);
  auto store = Store::Open(this->location_, OpenOptions{.read_only = true});
  auto s1 = store->Stats();
  EXPECT_EQ(s1.documents, 5);
  EXPECT_GT(s1.events, 0);
  EXPECT_GT(s1.mentions, 0);

  // Again: nothing added.
  ASSERT_EQ(RunCli("ingest -q " + Seeds() + " --db " + this->db_).status, 0);
  auto s2 = store->Stats();
  EXPECT_EQ(s1.documents, s2.documents);
  EXPECT_EQ(s1.events, s2.events);
  EXPECT_EQ(s1.mentions, s2.mentions);
  EXPECT_EQ(s1.sentences, s2.sentences);

  // Round trip: what the store exports is what the coder emitted.
  auto exported = RunCli("export --db " + this->db_ + " --format jsonl");
  ASSERT_EQ(exported.status, 0);
  auto coded = RunCli("code -q " + Seeds());
  ASSERT_EQ(coded.status, 0);
  EXPECT_EQ(Canonical(exported.out), Canonical(coded.out));
  EXPECT_EQ(static_cast<int64_t>(Lines(exported.out).size()), s1.mentions);
}

TYPED_TEST(CliTest, RepublishedCopyJoinsTheSeedsGroup) {
  ASSERT_EQ(RunCli("ingest -q " + Seeds() + " --db " + this->db_).status, 0);
  auto store = Store::Open(this->location_, OpenOptions{.read_only = true});
  auto before = store->Stats();
  ASSERT_EQ(RunCli("ingest -q " + Republished() + " --db " + this->db_).status, 0);
  auto after = store->Stats();
  EXPECT_EQ(after.documents, before.documents + 1);
  EXPECT_EQ(after.duplicate_groups, before.duplicate_groups);  // same story: same group
  EXPECT_EQ(after.events, before.events);                      // its events are mentions
  EXPECT_GT(after.mentions, before.mentions);
  QueryFilter f;
  f.outlet = "dailysabah.com";  // the reader drops "www."
  f.limit = 0;
  auto mentions = store->Mentions(f);
  ASSERT_FALSE(mentions.empty());
  // Every event the copy reported was also reported by the original: the copy's mentions are
  // flagged duplicates, the original's are not.
  size_t copies = 0;
  for (const auto& m : mentions) {
    EXPECT_EQ(m.in_duplicate, m.outlet == "dailysabah.com") << m.doc_id << " " << m.evidence;
    copies += m.outlet == "dailysabah.com";
  }
  EXPECT_GT(copies, 0u);
  EXPECT_LT(copies, mentions.size());
}

TYPED_TEST(CliTest, QueryTimelineAndExports) {
  ASSERT_EQ(RunCli("ingest -q " + Seeds() + " --db " + this->db_).status, 0);
  auto json = RunCli("query --db " + this->db_ + " --actor IGOEURCSTO --limit 0 --format json");
  ASSERT_EQ(json.status, 0);
  auto events = nlohmann::json::parse(json.out);
  ASSERT_GT(events.size(), 5u);
  for (const auto& e : events) {
    std::string s = e["source"]["code"], t = e["target"]["code"];
    EXPECT_TRUE(s.rfind("IGOEURCSTO", 0) == 0 || t.rfind("IGOEURCSTO", 0) == 0) << e.dump();
  }
  auto agg = RunCli("query --db " + this->db_ + " --aggregate dyad --period month --format csv");
  ASSERT_EQ(agg.status, 0);
  EXPECT_EQ(Lines(agg.out).at(0), "period,source,target,events,mentions,goldstein_sum,goldstein_mean");
  auto table = RunCli("query --db " + this->db_ + " --aggregate quad");
  ASSERT_EQ(table.status, 0);
  EXPECT_NE(table.out.find("quad_class"), std::string::npos);
  EXPECT_EQ(RunCli("query --db " + this->db_ + " --from 2024-13-45 2>/dev/null").status, 2);

  auto timeline = RunCli("timeline IGOEURCSTO --db " + this->db_ + " --format json");
  ASSERT_EQ(timeline.status, 0);
  auto t = nlohmann::json::parse(timeline.out);
  ASSERT_FALSE(t.empty());
  std::string all;
  std::set<std::string> dates;
  for (const auto& e : t) {
    all += e["event"]["evidence"].template get<std::string>() + "\n";
    if (!e["date"].is_null()) dates.insert(e["date"].template get<std::string>());
  }
  EXPECT_TRUE(dates.count("2024-11-28")) << "the Astana summit and its declaration";
  EXPECT_TRUE(dates.count("2025-12-08")) << "the Parliamentary Assembly";
  EXPECT_NE(all.find("Armenia"), std::string::npos);
  EXPECT_NE(all.find("suspended its participation"), std::string::npos);
  EXPECT_NE(all.find("declaration"), std::string::npos);
  EXPECT_NE(all.find("Parliamentary Assembly"), std::string::npos);

  for (auto [format, columns] : std::vector<std::pair<std::string, size_t>>{
           {"phoenix", 26}, {"icews", 20}, {"gdelt", 61}, {"gdelt-mentions", 16}, {"tsv", 23}}) {
    auto r = RunCli("export --db " + this->db_ + " --format " + format + " 2>/dev/null");
    ASSERT_EQ(r.status, 0) << format;
    auto lines = Lines(r.out);
    ASSERT_GT(lines.size(), 1u) << format;
    for (const auto& l : lines)
      EXPECT_EQ(static_cast<size_t>(std::count(l.begin(), l.end(), '\t') + 1), columns) << format << ": " << l;
  }
  auto plover = RunCli("export --db " + this->db_ + " --format plover 2>/dev/null");
  ASSERT_EQ(plover.status, 0);
  for (const auto& l : Lines(plover.out)) {
    auto j = nlohmann::json::parse(l);
    for (const char* k : {"id", "date", "source", "event"}) EXPECT_TRUE(j.contains(k)) << l;
  }
}

TEST(Cli, BadStoreIsAClearError) {
  auto r = RunCli("query --db /nonexistent/dir/store.sqlite 2>&1");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("/nonexistent/dir/store.sqlite"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace communique::store::testing
