// The same store tests against SQLite and PostgreSQL: writing, idempotence, replacement,
// near-duplicates, filters, aggregates, timelines, documents, actors, failed batches, readers
// during writes.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/store/store_fixture.h"

namespace communique::store::testing {
namespace {

// Three stories: the Astana summit (two outlets carry the same agency text), Armenia's
// suspension, and a statement on Afghanistan.
std::vector<std::string> SummitLines(const std::string& furniture) {
  std::vector<std::string> lines;
  if (!furniture.empty()) lines.push_back(furniture);
  lines.insert(lines.end(),
               {"Kazakhstan's capital Astana on Thursday hosted a summit of the Collective Security Treaty "
                "Organization, including a meeting involving the leaders of the member states.",
                "The meeting of the Collective Security Council was held under the chairmanship of Kazakh "
                "President Kassym-Jomart Tokayev with the participation of his Belarusian, Kyrgyz, Russian and "
                "Tajik counterparts.",
                "Among the members only Armenia did not take part in the summit, as Yerevan suspended its "
                "participation in the organization earlier this year.",
                "Following the meeting, the heads of state signed 14 documents, including a declaration on "
                "developing the organization further."});
  return lines;
}

DocumentEvents SummitDoc(const std::string& id, const std::string& url, const std::string& furniture = "") {
  DocumentEvents de;
  de.doc = MakeDocument(id, url, "2024-11-28", SummitLines(furniture));
  const uint32_t off = furniture.empty() ? 0 : 1;
  de.events.push_back(MakeEvent(de.doc, off + 0, "KAZ", "IGOEURCSTO", "043", "2024-11-28", 1, 2.8, "CONSULT"));
  de.events.push_back(MakeEvent(de.doc, off + 1, "KAZGOV", "IGOEURCSTO", "040", "2024-11-28", 1, 1.0, "CONSULT"));
  de.events.push_back(MakeEvent(de.doc, off + 2, "ARMGOV", "IGOEURCSTO", "166", "2024-11-28", 3, -4.0, "REDUCE"));
  de.events.push_back(MakeEvent(de.doc, off + 3, "IGOEURCSTO", "", "057", "2024-11-28", 2, 8.0, "AGREE"));
  return de;
}

DocumentEvents AfghanDoc() {
  DocumentEvents de;
  de.doc = MakeDocument("afg", "https://tass.com/world/1", "2025-01-15",
                        {"CSTO Secretary-General Imangali Tasmagambetov said the organization is concerned about "
                         "the situation on the Tajik-Afghan border.",
                         "He urged Afghanistan's authorities to stop militants crossing into Tajikistan."});
  de.events.push_back(MakeEvent(de.doc, 0, "IGOEURCSTO", "AFG", "012", "2025-01-15", 1, -0.4, ""));
  de.events.push_back(MakeEvent(de.doc, 1, "IGOEURCSTO", "AFGGOV", "024", "2025-01-15", 1, -0.3, "DEMAND"));
  return de;
}

DocumentEvents RussiaOnlyDoc() {
  DocumentEvents de;
  de.doc = MakeDocument("rus", "https://example.org/rus", "2025-02-01",
                        {"Russia and China signed a trade agreement in Beijing on Saturday after long talks."});
  de.events.push_back(MakeEvent(de.doc, 0, "RUSGOV", "CHNGOV", "057", "2025-02-01", 2, 8.0, "AGREE"));
  return de;
}

template <typename B>
using StoreTest = BackendTest<B>;
TYPED_TEST_SUITE(StoreTest, Backends, BackendNames);

TYPED_TEST(StoreTest, WritesDocumentsEventsAndMentions) {
  auto stats = this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1"), AfghanDoc()});
  EXPECT_EQ(stats.documents_added, 2u);
  EXPECT_EQ(stats.events_added, 6u);
  EXPECT_EQ(stats.mentions_added, 6u);
  auto s = this->store_->Stats();
  EXPECT_EQ(s.documents, 2);
  EXPECT_EQ(s.events, 6);
  EXPECT_EQ(s.mentions, 6);
  EXPECT_EQ(s.sentences, 6);
  EXPECT_EQ(s.duplicate_groups, 2);

  QueryFilter f;
  auto rows = this->store_->Events(f);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows.front().date->ToString(), "2024-11-28");  // date order
  EXPECT_EQ(rows.back().date->ToString(), "2025-01-15");
  for (const auto& e : rows) {
    EXPECT_EQ(e.num_mentions, 1);
    EXPECT_EQ(e.num_documents, 1);
    EXPECT_EQ(e.num_sources, 1);
    EXPECT_FALSE(e.evidence.empty());
    ASSERT_EQ(e.outlets.size(), 1u);
  }
  EXPECT_EQ(rows[0].source.name, "KAZ words");
  EXPECT_EQ(rows[0].outlets[0], "www.aa.com.tr");
}

TYPED_TEST(StoreTest, ReingestingAddsNothing) {
  this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1"), AfghanDoc()});
  auto before = this->store_->Stats();
  auto stats = this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1"), AfghanDoc()});
  EXPECT_EQ(stats.documents_unchanged, 2u);
  EXPECT_EQ(stats.documents_added, 0u);
  EXPECT_EQ(stats.mentions_added, 0u);
  auto after = this->store_->Stats();
  EXPECT_EQ(before.documents, after.documents);
  EXPECT_EQ(before.events, after.events);
  EXPECT_EQ(before.mentions, after.mentions);
  EXPECT_EQ(before.sentences, after.sentences);
  for (const auto& e : this->store_->Events({})) EXPECT_EQ(e.num_mentions, 1);
}

TYPED_TEST(StoreTest, ChangedDocumentIsReplacedNotDuplicated) {
  this->store_->Write({AfghanDoc()});
  DocumentEvents changed;
  changed.doc = MakeDocument("afg", "https://tass.com/world/1", "2025-01-16",
                             {"CSTO Secretary-General Imangali Tasmagambetov met Tajik President Emomali Rahmon in "
                              "Dushanbe to discuss the border."});
  changed.events.push_back(MakeEvent(changed.doc, 0, "IGOEURCSTO", "TJKGOV", "040", "2025-01-16", 1, 1.0, "CONSULT"));
  auto stats = this->store_->Write({changed});
  EXPECT_EQ(stats.documents_replaced, 1u);
  auto s = this->store_->Stats();
  EXPECT_EQ(s.documents, 1);
  EXPECT_EQ(s.events, 1);  // the old version's events had no other mention: gone
  EXPECT_EQ(s.mentions, 1);
  EXPECT_EQ(s.sentences, 1);
  auto rows = this->store_->Events({});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].target.code, "TJKGOV");
  auto doc = this->store_->GetDocument("afg");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->published->ToString(), "2025-01-16");
}

TYPED_TEST(StoreTest, NearDuplicateJoinsGroupAndItsEventsAreMentions) {
  // The same agency story on two sites, with different page furniture, plus an unrelated story.
  this->store_->Write({SummitDoc("aa", "https://www.aa.com.tr/en/1")});
  auto stats = this->store_->Write(
      {SummitDoc("copy", "https://www.dailysabah.com/x", "Subscribe to our newsletter - Daily Sabah - World"),
       RussiaOnlyDoc()});
  EXPECT_EQ(stats.near_duplicates, 1u);
  EXPECT_EQ(stats.events_added, 1u);  // only the unrelated story's event is new
  auto s = this->store_->Stats();
  EXPECT_EQ(s.documents, 3);
  EXPECT_EQ(s.duplicate_groups, 2);
  EXPECT_EQ(s.events, 5);
  EXPECT_EQ(s.mentions, 9);

  QueryFilter f;
  f.actors = {"IGOEURCSTO"};
  auto rows = this->store_->Events(f);
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& e : rows) {
    EXPECT_EQ(e.num_mentions, 2);
    EXPECT_EQ(e.num_documents, 2);
    EXPECT_EQ(e.num_sources, 2);
    EXPECT_EQ(e.first_doc_id, "aa");
    EXPECT_EQ(e.outlets, (std::vector<std::string>{"www.aa.com.tr", "www.dailysabah.com"}));
  }
  // Raw mentions stay queryable, the duplicate's flagged.
  f.limit = 0;
  auto mentions = this->store_->Mentions(f);
  ASSERT_EQ(mentions.size(), 8u);
  int dup = 0;
  for (const auto& m : mentions) dup += m.in_duplicate;
  EXPECT_EQ(dup, 4);
  auto doc = this->store_->GetDocument("copy");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->duplicates, std::vector<std::string>{"aa"});
}

TYPED_TEST(StoreTest, SameEventFromIndependentReportsAggregates) {
  // Different stories (not near-duplicates) reporting the same (date, dyad, code): one event row.
  DocumentEvents a, b;
  a.doc = MakeDocument("x1", "https://a.example/1", "2024-11-28", {"Tokayev met Putin in Astana on Thursday."});
  b.doc = MakeDocument("x2", "https://b.example/2", "2024-11-28",
                       {"Russian President Vladimir Putin held talks with the Kazakh leader at the summit venue."});
  a.events.push_back(MakeEvent(a.doc, 0, "KAZGOV", "RUSGOV", "040", "2024-11-28"));
  b.events.push_back(MakeEvent(b.doc, 0, "KAZGOV", "RUSGOV", "040", "2024-11-28"));
  auto stats = this->store_->Write({a, b});
  EXPECT_EQ(stats.near_duplicates, 0u);
  EXPECT_EQ(stats.events_added, 1u);
  auto rows = this->store_->Events({});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].num_mentions, 2);
  EXPECT_EQ(rows[0].num_sources, 2);
}

TYPED_TEST(StoreTest, FiltersPaginationAndSorting) {
  this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1"), AfghanDoc(), RussiaOnlyDoc()});
  auto count = [&](QueryFilter f) { return this->store_->Events(f).size(); };
  QueryFilter f;
  EXPECT_EQ(count(f), 7u);
  EXPECT_EQ(this->store_->CountEvents(f), 7);
  f.actors = {"kaz"};  // case does not matter; prefix on either side
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.countries = {"AFG"};
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.source = "IGOEURCSTO";
  f.target = "AFG";
  EXPECT_EQ(count(f), 2u);
  f.target = "AFGGOV";
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.cameo_prefix = "04";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.plover = "agree";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.quad_class = 3;
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.from = Date::Parse("2025-01-01");
  f.to = Date::Parse("2025-01-31");
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.text = "TAJIK-afghan";
  EXPECT_EQ(count(f), 1u);
  f.text = "100% '; DROP TABLE events; --";  // a value, never SQL
  EXPECT_EQ(count(f), 0u);
  EXPECT_EQ(this->store_->Stats().events, 7);
  f = {};
  f.outlet = "tass.com";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.doc_id = "rus";
  EXPECT_EQ(count(f), 1u);

  f = {};
  f.sort = SortField::kGoldstein;
  f.descending = true;
  f.limit = 3;
  auto page1 = this->store_->Events(f);
  ASSERT_EQ(page1.size(), 3u);
  EXPECT_DOUBLE_EQ(page1[0].goldstein, 8.0);
  EXPECT_GE(page1[1].goldstein, page1[2].goldstein);
  f.offset = 3;
  auto page2 = this->store_->Events(f);
  ASSERT_EQ(page2.size(), 3u);
  EXPECT_GE(page1[2].goldstein, page2[0].goldstein);
  f.offset = 6;
  EXPECT_EQ(this->store_->Events(f).size(), 1u);
}

TYPED_TEST(StoreTest, Aggregates) {
  this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1"), AfghanDoc(), RussiaOnlyDoc()});
  AggregateRequest r;
  r.group = GroupBy::kDyad;
  r.period = Period::kMonth;
  auto dyads = this->store_->Aggregate(r);
  ASSERT_EQ(dyads.size(), 7u);
  int64_t total = 0;
  for (const auto& a : dyads) total += a.events;
  EXPECT_EQ(total, 7);
  EXPECT_EQ(dyads[0].source, "ARMGOV");
  EXPECT_EQ(dyads[0].target, "IGOEURCSTO");
  EXPECT_EQ(dyads[0].period, "2024-11");

  r.group = GroupBy::kQuadClass;
  r.period = Period::kNone;
  auto quads = this->store_->Aggregate(r);
  ASSERT_EQ(quads.size(), 3u);
  EXPECT_EQ(quads[0].quad_class, 1);
  EXPECT_EQ(quads[0].events, 4);
  EXPECT_NEAR(quads[0].goldstein_sum, 2.8 + 1.0 - 0.4 - 0.3, 1e-9);
  EXPECT_NEAR(quads[0].goldstein_mean, (2.8 + 1.0 - 0.4 - 0.3) / 4, 1e-9);

  r.group = GroupBy::kActor;
  r.limit = 1;
  auto top = this->store_->Aggregate(r);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].actor, "IGOEURCSTO");
  EXPECT_EQ(top[0].events, 6);

  r.group = GroupBy::kDyad;
  r.period = Period::kNone;
  r.limit = 2;
  r.filter.actors = {"IGOEURCSTO"};
  auto top_dyads = this->store_->Aggregate(r);
  ASSERT_EQ(top_dyads.size(), 2u);

  r = {};
  r.group = GroupBy::kPeriod;
  r.period = Period::kWeek;
  auto weeks = this->store_->Aggregate(r);
  ASSERT_EQ(weeks.size(), 3u);
  EXPECT_EQ(weeks[0].period, "2024-11-25");  // the Monday of the summit's week
  r.period = Period::kYear;
  auto years = this->store_->Aggregate(r);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[1].period, "2025");
  EXPECT_EQ(years[1].events, 3);
  r.period = Period::kDay;
  r.group = GroupBy::kCameoRoot;
  EXPECT_FALSE(this->store_->Aggregate(r).empty());
}

TYPED_TEST(StoreTest, OrganizationTimeline) {
  this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1"), AfghanDoc(), RussiaOnlyDoc()});
  this->store_->SetMembers("IGOEURCSTO", {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"});
  TimelineRequest req;
  req.code = "IGOEURCSTO";
  auto t = this->store_->Timeline(req);
  ASSERT_EQ(t.size(), 6u);  // the Russia-China agreement is not about the organization
  for (size_t i = 1; i < t.size(); ++i) EXPECT_LE(*t[i - 1].date, *t[i].date);
  std::map<std::string, int> kinds;
  for (const auto& e : t) {
    ++kinds[e.kind];
    EXPECT_FALSE(e.event.evidence.empty());
    EXPECT_FALSE(e.event.outlets.empty());
  }
  EXPECT_EQ(kinds["absence"], 1);      // Armenia did not take part
  EXPECT_EQ(kinds["declaration"], 1);  // the declaration
  EXPECT_GE(kinds["participation"] + kinds["meeting"], 2);
  EXPECT_EQ(t.back().kind, "statement");  // the Secretary-General's appeal
}

TYPED_TEST(StoreTest, DocumentWithEventSpansAndActors) {
  this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1")});
  auto doc = this->store_->GetDocument("a1");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->outlet, "www.aa.com.tr");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->sentences.size(), 4u);
  ASSERT_EQ(doc->events.size(), 4u);
  const auto& span = doc->events[2];
  EXPECT_EQ(span.cameo, "166");
  EXPECT_EQ(doc->raw.substr(span.begin, span.end - span.begin), doc->sentences[2].text);
  EXPECT_FALSE(this->store_->GetDocument("missing"));

  auto found = this->store_->SearchActors("kaz", 10);
  ASSERT_EQ(found.size(), 2u);
  auto by_name = this->store_->SearchActors("ARM words", 10);
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0].actor.code, "ARMGOV");
  auto profile = this->store_->GetActor("IGOEURCSTO");
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->summary.as_target, 3);
  EXPECT_EQ(profile->summary.as_source, 1);
  EXPECT_EQ(profile->summary.first->ToString(), "2024-11-28");
  EXPECT_EQ(profile->partners.size(), 3u);
  EXPECT_EQ(profile->recent.size(), 4u);
  EXPECT_FALSE(this->store_->GetActor("NOPE"));
}

TYPED_TEST(StoreTest, FailedBatchLeavesNothingBehind) {
  this->store_->Write({AfghanDoc()});
  auto before = this->store_->Stats();
  DocumentEvents bad = RussiaOnlyDoc();
  bad.doc.id = "";  // a document without an id cannot be stored: the whole batch is refused
  EXPECT_THROW(this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1"), bad}), StoreError);
  auto after = this->store_->Stats();
  EXPECT_EQ(before.documents, after.documents);
  EXPECT_EQ(before.events, after.events);
  EXPECT_EQ(before.mentions, after.mentions);
  EXPECT_EQ(before.sentences, after.sentences);
  // The store still works, and the good part can be written again.
  auto stats = this->store_->Write({SummitDoc("a1", "https://www.aa.com.tr/en/1")});
  EXPECT_EQ(stats.documents_added, 1u);
  EXPECT_EQ(this->store_->Stats().events, 6);
}

TYPED_TEST(StoreTest, ReadersWhileOneWriterWrites) {
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::atomic<bool> consistent{true};
  std::vector<std::thread> readers;
  auto reader_store = Store::Open(this->location_, OpenOptions{.read_only = true});
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!done) {
        // Event rows are created before their counts are known; a reader must never see one
        // of an uncommitted batch.
        QueryFilter f;
        f.limit = 0;
        for (const auto& e : reader_store->Events(f))
          if (e.num_mentions < 1 || e.num_documents < 1 || e.evidence.empty()) consistent = false;
        ++reads;
      }
    });
  }
  for (int b = 0; b < 20; ++b) {
    std::vector<DocumentEvents> batch;
    for (int i = 0; i < 5; ++i) {
      DocumentEvents de;
      std::string id = "d" + std::to_string(b) + "_" + std::to_string(i);
      de.doc = MakeDocument(id, "https://site" + std::to_string(i) + ".example/" + id, "2025-03-01",
                            {"Story " + id + " says the ministers of batch " + std::to_string(b) + " met today.",
                             "Number " + std::to_string(b * 10 + i) + " of a long series of unrelated reports."});
      de.events.push_back(MakeEvent(de.doc, 0, "KAZGOV", "RUS" + std::to_string(i), "040", "2025-03-01"));
      de.events.push_back(MakeEvent(de.doc, 1, "KAZGOV", "RUS" + std::to_string(i), "042", "2025-03-02"));
      batch.push_back(std::move(de));
    }
    this->store_->Write(batch);
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_TRUE(consistent);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(this->store_->Stats().documents, 100);
}

TYPED_TEST(StoreTest, ReadOnlyStoreRefusesWrites) {
  this->store_->Write({AfghanDoc()});
  auto ro = Store::Open(this->location_, OpenOptions{.read_only = true});
  EXPECT_EQ(ro->Stats().documents, 1);
  EXPECT_THROW(ro->Write({RussiaOnlyDoc()}), StoreError);
}

TEST(StoreOpen, ErrorsNameTheStore) {
  try {
    Store::Open("/nonexistent-dir/x/store.sqlite");
    FAIL() << "opened a store in a missing directory";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x/store.sqlite"), std::string::npos);
  }
  std::string dir = TempDir();
  EXPECT_THROW(Store::Open(dir + "/none.sqlite", OpenOptions{.read_only = true}), StoreError);
  EXPECT_THROW(Store::Open("postgresql://nobody:secret@127.0.0.1:1/none"), StoreError);
  try {
    Store::Open("postgresql://nobody:secret@127.0.0.1:1/none");
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace communique::store::testing
