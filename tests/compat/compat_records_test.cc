// The record readers: the TABARI and PETRARCH2 validation files read into the counts their
// documentation gives, expected codings parsed exactly, and bad records reported with file:line.
#include "compat/compat_records.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace communique::compat {
namespace {

const std::string kFixtures = COMMUNIQUE_FIXTURES;

std::vector<InputError> g_errors;
ErrorSink Collect() {
  g_errors.clear();
  return [](const InputError& e) { g_errors.push_back(e); };
}

const CompatRecord* Find(const std::vector<CompatRecord>& records, const std::string& id) {
  for (const auto& r : records)
    if (r.id == id) return &r;
  return nullptr;
}

TEST(TabariRecords, CountsOfTheStandardSuite) {
  TabariSuite s = ReadTabariRecords(kFixtures + "/compat/tabari/Validate.text", Collect());
  for (const auto& e : g_errors) ADD_FAILURE() << e.ToString();
  // Before FINAL-01. The compat README's approximate 466 misses ACTORSYN-01, whose header has a
  // seven-digit date ("9501201"); TABARI reads its first six digits.
  EXPECT_EQ(s.records.size(), 467u);
  EXPECT_EQ(s.after_final, 8u);
  std::map<Expect, int> kinds;
  int unchecked = 0, events = 0;
  for (const auto& r : s.records) {
    if (r.expect != Expect::kOption && !r.checked) {
      ++unchecked;
      continue;
    }
    ++kinds[r.expect];
    events += static_cast<int>(r.events.size());
  }
  EXPECT_EQ(kinds[Expect::kEvents], 395);  // the README's ~394 without ACTORSYN-01
  EXPECT_EQ(events, 514);  // with the 4 listed after DEBUG-11's {+++}
  EXPECT_EQ(kinds[Expect::kOption], 22);
  EXPECT_EQ(kinds[Expect::kReject], 21);
  EXPECT_EQ(kinds[Expect::kNoEvents], 16);
  EXPECT_EQ(kinds[Expect::kDiscard], 7);
  EXPECT_EQ(unchecked, 6);  // -{ }: 5 alone, plus COMPOUND-07 ("listed below aren't complete")
}

TEST(TabariRecords, RecordContents) {
  TabariSuite s = ReadTabariRecords(kFixtures + "/compat/tabari/Validate.text", Collect());
  const CompatRecord* r = Find(s.records, "DEMO-01");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->category, "DEMO");
  EXPECT_EQ(r->date, (Date{1995, 1, 1}));
  EXPECT_EQ(r->text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after "
            "crowds trashed its embassy, a senior official said on Saturday.");
  EXPECT_EQ(r->expect, Expect::kEvents);
  EXPECT_TRUE(r->checked);
  ASSERT_EQ(r->events.size(), 1u);
  EXPECT_EQ(r->events[0], (ExpectedEvent{"ARN", "GON", "064", ""}));

  r = Find(s.records, "DEMO-04");  // paired events with dates, in TABARI's order
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->events.size(), 2u);
  EXPECT_EQ(r->events[0], (ExpectedEvent{"DAG", "GON", "032", "950103"}));
  EXPECT_EQ(r->events[1], (ExpectedEvent{"GON", "DAG", "033", "950103"}));

  r = Find(s.records, "DEMO-05");  // -{...}: a known limitation, not checked
  ASSERT_NE(r, nullptr);
  EXPECT_FALSE(r->checked);

  r = Find(s.records, "AGENTS-11");  // header "950101  950101  AGENTS-11", two comment closers
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->category, "AGENTS");
  ASSERT_EQ(r->events.size(), 2u);
  EXPECT_EQ(r->events[1], (ExpectedEvent{"USAGOV", "ARN", "064", ""}));

  r = Find(s.records, "TIME-Modify");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expect, Expect::kOption);
  EXPECT_EQ(r->options, std::vector<std::string>{"SET: TIME SHIFT = FALSE"});

  r = Find(s.records, "DISCARD-1");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expect, Expect::kDiscard);
  EXPECT_EQ(Find(s.records, "START-00")->expect, Expect::kReject);
  EXPECT_EQ(Find(s.records, "FINAL-01"), nullptr);
}

TEST(TabariRecords, BadRecordsAreReportedWithFileAndLine) {
  std::string path = ::testing::TempDir() + "bad.text";
  std::ofstream(path) << "950101  OK-01\nArnor met Gondor.\n/* { ARN / GON / 040 } */\n\n"
                         "950101  BAD-01\nArnor met Gondor.\n/* { ARN GON 040 } */\n\n"
                         "950101  BAD-02\nArnor met Gondor.\n\n"
                         "991301  BAD-03\nArnor met Gondor.\n/* {---} */\n\n"
                         "990101  FINAL-01\nThe end.\n/* {+++} */\n";
  TabariSuite s = ReadTabariRecords(path, Collect());
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].id, "OK-01");
  ASSERT_EQ(g_errors.size(), 3u);
  EXPECT_EQ(g_errors[0].line, 5u);
  EXPECT_NE(g_errors[0].message.find("BAD-01"), std::string::npos);
  EXPECT_EQ(g_errors[1].line, 9u);
  EXPECT_EQ(g_errors[2].line, 12u);
  EXPECT_EQ(g_errors[2].file, path);
  EXPECT_THROW(ReadTabariRecords("/nonexistent/Validate.text", nullptr), std::runtime_error);
}

TEST(PetrarchRecords, CountsOfTheUnitTests) {
  PetrarchSuite s =
      ReadPetrarchRecords(kFixtures + "/compat/petrarch2/PETR.UnitTest.records.xml", Collect());
  for (const auto& e : g_errors) ADD_FAILURE() << e.ToString();
  EXPECT_EQ(s.verb_file, "PETR.Validate.verbs.txt");
  EXPECT_EQ(s.actor_file, "PETR.Validate.actors.txt");
  EXPECT_EQ(s.agent_file, "PETR.Validate.agents.txt");
  EXPECT_EQ(s.discard_file, "PETR.Validate.discards.txt");
  EXPECT_EQ(s.include.size(), 12u);
  std::map<std::string, int> categories;
  std::map<Expect, int> kinds;
  int sentences = 0, events = 0, not_implemented = 0, not_included = 0, configs = 0;
  for (const auto& r : s.records) {
    if (r.expect == Expect::kOption) {
      ++configs;
      continue;
    }
    ++sentences;
    ++categories[r.category];
    ++kinds[r.expect];
    events += static_cast<int>(r.events.size());
    if (r.skip_reason.find("sentence=") != std::string::npos) ++not_implemented;
    if (r.skip_reason.find("Include") != std::string::npos) ++not_included;
  }
  EXPECT_EQ(sentences, 284);
  EXPECT_EQ(configs, 28);
  EXPECT_EQ(kinds[Expect::kEvents], 257);
  EXPECT_EQ(events, 359);
  EXPECT_EQ(kinds[Expect::kNoEvents], 20);  // 19 noevents + PATTERN-06, which lists no coding
  EXPECT_EQ(kinds[Expect::kDiscard] + kinds[Expect::kReject], 7);
  EXPECT_EQ(not_implemented, 5);
  EXPECT_EQ(categories["SYNSET"], 52);
  EXPECT_EQ(categories["COMPOUND"], 42);
  EXPECT_EQ(categories["COMPOUNDx"], 1);
  EXPECT_EQ(categories["DEMO"], 36);
  EXPECT_EQ(categories["AGENTS"], 2);
  EXPECT_EQ(categories["ERROR"], 7);
  EXPECT_EQ(not_included, 1);  // COMPOUNDx; both AGENTS records are also sentence="false"

  const CompatRecord* r = Find(s.records, "DEMO-00");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->date, (Date{1995, 1, 1}));
  EXPECT_TRUE(r->checked);
  ASSERT_EQ(r->events.size(), 1u);
  EXPECT_EQ(r->events[0], (ExpectedEvent{"ARN", "GON", "064", ""}));
  EXPECT_EQ(r->text.rfind("Arnor is about to restore full diplomatic ties with Gondor", 0), 0u);
  EXPECT_FALSE(Find(s.records, "DEMO-04")->checked);  // sentence="false"
  // ERROR-02 and ERROR-03 give PETRARCH parse trees with unbalanced brackets: bad input; every
  // other record's tree balances.
  int bad_input = 0;
  for (const auto& x : s.records) bad_input += !x.input_error.empty();
  EXPECT_EQ(bad_input, 2);
  EXPECT_NE(Find(s.records, "ERROR-02")->input_error, "");
  EXPECT_NE(Find(s.records, "ERROR-03")->input_error, "");
}

TEST(PetrarchRecords, MalformedInput) {
  std::string path = ::testing::TempDir() + "bad.xml";
  std::ofstream(path) << "<Validation><Sentences>\n"
                         "<Sentence date=\"19950101\" id=\"A-1\" category=\"A\" sentence=\"true\">\n"
                         "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"040\"/>\n"
                         "<Text>Arnor met Gondor.</Text></Sentence>\n"
                         "<Sentence date=\"1995\" id=\"A-2\" category=\"A\" sentence=\"true\">\n"
                         "<EventCoding noevents=\"True\"/><Text>x</Text></Sentence>\n"
                         "<Sentence date=\"19950101\" id=\"A-3\" category=\"A\" sentence=\"true\">\n"
                         "<EventCoding noevents=\"True\"/></Sentence>\n"
                         "<Sentence date=\"19950101\" id=\"A-4\" category=\"A\" sentence=\"true\">\n"
                         "<EventCoding sourcecode=\"ARN\"/><Text>x</Text></Sentence>\n"
                         "</Sentences></Validation>\n";
  PetrarchSuite s = ReadPetrarchRecords(path, Collect());
  ASSERT_EQ(s.records.size(), 1u);
  ASSERT_EQ(g_errors.size(), 3u);
  EXPECT_EQ(g_errors[0].line, 5u);
  EXPECT_EQ(g_errors[1].line, 7u);
  EXPECT_NE(g_errors[1].message.find("no <Text>"), std::string::npos);
  EXPECT_EQ(g_errors[2].line, 9u);
  EXPECT_NE(g_errors[2].message.find("A-4"), std::string::npos);

  std::ofstream(path) << "<Validation><Sentences><Sentence></Validation>";
  EXPECT_THROW(ReadPetrarchRecords(path, nullptr), std::runtime_error);
}

}  // namespace
}  // namespace communique::compat
