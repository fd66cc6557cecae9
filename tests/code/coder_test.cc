// The coder's clause rules on a small actor dictionary and the full Phoenix verb dictionary:
// active and passive voice, negation, reported speech, conjoined actors, pronouns and short forms.
#include <gtest/gtest.h>

#include "code/coder_impl.h"
#include "fake_dictionary.h"

namespace communique::code {
namespace {

constexpr const char* kActors =
    "armenia=ARM; yerevan=ARM; russia=RUS; syria=SYR; israel=ISR; jordan=JOR; britain=GBR; "
    "kazakhstan=KAZ; astana=KAZ; hamas=PSEREB; rebels=~REB; president=~GOV; "
    "collective security treaty organization=IGOEURCSTO; csto=IGOEURCSTO; egypt=EGY";

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CoderParts parts;
    parts.dictionaries = std::make_shared<testing::FakeDictionary>(kActors);
    parts.verbs = VerbPatternSet::Load(DefaultVerbFiles(COMMUNIQUE_SOURCE_DIR "/data"), nullptr);
    parts.tagger = PosTagger::Load(PosTagger::DefaultDir(COMMUNIQUE_SOURCE_DIR "/data"));
    parts.cameo = std::make_shared<CameoTable>(
        CameoTable::LoadDefault(COMMUNIQUE_SOURCE_DIR "/data", nullptr));
    coder_ = MakeCoder(std::move(parts)).release();
  }
  static Coder* coder_;

  // "SRC CODE TGT" per event, sorted.
  static std::vector<std::string> Code(const std::string& sentence, bool print = false) {
    auto a = coder_->Explain(sentence, std::nullopt);
    if (print)
      for (auto& n : a.notes) std::printf("%s\n", n.c_str());
    std::vector<std::string> out;
    for (auto& e : a.events)
      out.push_back((e.source ? e.source->code : "-") + " " + e.cameo + " " +
                    (e.target ? e.target->code : "-"));
    std::sort(out.begin(), out.end());
    return out;
  }
};
Coder* CoderTest::coder_ = nullptr;

std::vector<std::string> WithoutStatements(std::vector<std::string> events) {
  std::erase_if(events, [](const std::string& e) { return e.find(" 01") != std::string::npos; });
  return events;
}

TEST_F(CoderTest, ActiveVoiceWithOverlayPattern) {
  EXPECT_EQ(Code("Armenia suspended its participation in the Collective Security Treaty Organization."),
            (std::vector<std::string>{"ARM 161 IGOEURCSTO"}));
}

TEST_F(CoderTest, PassiveVoiceAgentIsSource) {
  EXPECT_EQ(Code("Israel was attacked by Hamas."), (std::vector<std::string>{"PSEREB 190 ISR"}));
}

TEST_F(CoderTest, NegationIsNotCoded) {
  EXPECT_TRUE(Code("Armenia did not take part in the summit.").empty());
  auto a = coder_->Explain("Armenia did not take part in the summit.", std::nullopt);
  bool explained = false;
  for (auto& n : a.notes) explained = explained || n.find("negated") != std::string::npos;
  EXPECT_TRUE(explained);
}

TEST_F(CoderTest, ConjoinedSubjectsEachCodeAnEvent) {
  EXPECT_EQ(WithoutStatements(Code("Jordan and Britain have agreed to undertake joint military exercises.")),
            (std::vector<std::string>{"GBR 030 -", "JOR 030 -"}));
}

TEST_F(CoderTest, ReportedSpeechCodesTheEmbeddedClause) {
  EXPECT_EQ(Code("Russia said that Syria agreed to hold talks with Israel."),
            (std::vector<std::string>{"RUS 010 -", "SYR 030 ISR"}));
}

TEST_F(CoderTest, DiscardedSentenceHasNoEvents) {
  EXPECT_TRUE(Code("Russia attacked Syria in a football match.").empty());
}

TEST_F(CoderTest, ExplainListsTokensPhrasesAndPatterns) {
  auto a = coder_->Explain("Israel was attacked by Hamas.", std::nullopt);
  ASSERT_FALSE(a.tokens.empty());
  EXPECT_EQ(a.tokens[2].tag, "VBN");
  std::string all;
  for (auto& n : a.notes) all += n + "\n";
  EXPECT_NE(all.find("tokens:"), std::string::npos);
  EXPECT_NE(all.find("phrases:"), std::string::npos);
  EXPECT_NE(all.find("(passive)"), std::string::npos);
  EXPECT_NE(all.find("ATTACK"), std::string::npos);
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].plover, "ASSAULT");
  EXPECT_EQ(a.events[0].evidence.verb, "was attacked");
}

TEST_F(CoderTest, FutureIsIntentUnlessCompatSemantics) {
  EXPECT_EQ(WithoutStatements(Code("Syria will attack Israel.")), (std::vector<std::string>{"SYR 138 ISR"}));
  CoderParts parts;
  parts.dictionaries = std::make_shared<testing::FakeDictionary>(kActors);
  parts.verbs = VerbPatternSet::Load(DefaultVerbFiles(COMMUNIQUE_SOURCE_DIR "/data"), nullptr);
  parts.tagger = PosTagger::Load(PosTagger::DefaultDir(COMMUNIQUE_SOURCE_DIR "/data"));
  parts.cameo = std::make_shared<CameoTable>(CameoTable::LoadDefault(COMMUNIQUE_SOURCE_DIR "/data", nullptr));
  parts.future_as_intent = false;
  parts.paired_events = true;
  auto deed = MakeCoder(std::move(parts));
  auto a = deed->Explain("Syria will attack Israel.", std::nullopt);
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "19");
  // An intention verb makes an intent under either semantics.
  auto b = deed->Explain("Syria plans to attack Israel.", std::nullopt);
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "138");
}

TEST_F(CoderTest, PairedCodesOnlyWhenAsked) {
  // "[042:043]": the default codes the visit; paired_events adds the host's half.
  EXPECT_EQ(Code("Syria set off for Russia."), (std::vector<std::string>{"SYR 042 RUS"}));
  CoderParts parts;
  parts.dictionaries = std::make_shared<testing::FakeDictionary>(kActors);
  parts.verbs = VerbPatternSet::Load(DefaultVerbFiles(COMMUNIQUE_SOURCE_DIR "/data"), nullptr);
  parts.tagger = PosTagger::Load(PosTagger::DefaultDir(COMMUNIQUE_SOURCE_DIR "/data"));
  parts.cameo = std::make_shared<CameoTable>(CameoTable::LoadDefault(COMMUNIQUE_SOURCE_DIR "/data", nullptr));
  parts.paired_events = true;
  auto paired = MakeCoder(std::move(parts));
  std::vector<std::string> got;
  for (auto& e : paired->Explain("Syria set off for Russia.", std::nullopt).events)
    got.push_back((e.source ? e.source->code : "-") + " " + e.cameo + " " + (e.target ? e.target->code : "-"));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"RUS 043 SYR", "SYR 042 RUS"}));
}

TEST_F(CoderTest, ConjoinedActorsInTextOrder) {
  auto a = coder_->Explain("Jordan, Egypt and Syria condemned Israel.", std::nullopt);
  std::vector<std::string> sources;
  for (auto& e : a.events)
    if (e.source) sources.push_back(e.source->code);
  EXPECT_EQ(sources, (std::vector<std::string>{"JOR", "EGY", "SYR"}));
}

TEST_F(CoderTest, DiscardedRelativeClauseEndsAtTheMainVerb) {
  // "football" (a discard word of the test dictionary) is in the relative clause; the main clause resumes
  // at "was arrested".
  auto a = coder_->Explain("A Hamas militant who attacked a football stadium was arrested by Israel.", std::nullopt);
  bool arrest = false;
  for (auto& e : a.events) arrest = arrest || (e.cameo.rfind("17", 0) == 0 && e.source && e.source->code == "ISR");
  EXPECT_TRUE(arrest);
}

}  // namespace
}  // namespace communique::code
