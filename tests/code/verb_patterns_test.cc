// VerbPatternSet: the dictionary syntax (synsets, verb blocks, forms, patterns) and error reports.
#include "code/verb_patterns.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace communique::code {
namespace {

constexpr const char* kDict = R"(
&MILITARY
+TROOP
+SOLDIER

---  DEPLOY   [150]  ---
DEPLOY
SEND {SENT SENDING SENDS} [---]
+ASK_FOR {+ASKED_FOR}  [020]
- * &MILITARY (TO +)          [154]  # comment
- $ * {PEACE KEEPERS}         [0874:0875]
- * AID                       [---]
)";

TEST(VerbPatterns, CompilesBlocksFormsAndPatterns) {
  std::vector<InputError> errors;
  auto set = VerbPatternSet::FromText(kDict, "test.txt", [&](const InputError& e) { errors.push_back(e); });
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(set->block_count(), 1u);
  const VerbBlock& b = set->block(0);
  EXPECT_EQ(b.code, "150");
  ASSERT_EQ(b.patterns.size(), 3u);
  // Most specific first: the prepositional phrase with a target outranks one word.
  EXPECT_EQ(b.patterns[0].code, "154");
  EXPECT_EQ(b.patterns[1].paired_code, "0875");
  for (const char* form : {"deploy", "deployed", "deploys", "deploying", "sent", "send"})
    EXPECT_NE(set->Forms(set->WordId(form)), nullptr) << form;
  auto* asked = set->Forms(set->WordId("asked"));
  ASSERT_NE(asked, nullptr);
  bool with_for = false;
  for (auto& f : *asked)
    if (f.particles.size() == 1 && set->Word(f.particles[0]) == "for") with_for = f.code == "020";
  EXPECT_TRUE(with_for);
  // Synset members are found with their plurals.
  EXPECT_NE(set->WordId("troops"), 0u);
}

TEST(VerbPatterns, ReportsMalformedLinesWithFileAndLine) {
  std::vector<InputError> errors;
  auto set = VerbPatternSet::FromText("---  X   [010]  ---\nSAY\n- * (TO [011]\n- * &NOPE [012]\n- * PLAN\n",
                                      "bad.txt", [&](const InputError& e) { errors.push_back(e); });
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].file, "bad.txt");
  EXPECT_EQ(errors[0].line, 3u);
  EXPECT_EQ(errors[1].line, 5u);  // no [code]
  EXPECT_EQ(errors[2].line, 4u);  // undefined synset, reported after the file is read
}

TEST(VerbPatterns, FullPhoenixDictionaryLoadsCleanly) {
  std::vector<InputError> errors;
  auto set = VerbPatternSet::Load({COMMUNIQUE_SOURCE_DIR "/data/dictionaries/phoenix/CAMEO.2.0.txt"},
                                  [&](const InputError& e) { errors.push_back(e); });
  // The dictionary itself uses two synsets it never defines (&WEATHER, &DEMONSTRATION): those
  // two patterns are reported and skipped, everything else compiles.
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line, 8443u);
  EXPECT_NE(errors[0].message.find("&WEATHER"), std::string::npos);
  EXPECT_EQ(errors[1].line, 8444u);
  EXPECT_GT(set->block_count(), 350u);
  EXPECT_GT(set->pattern_count(), 4000u);
  EXPECT_GT(set->verb_form_count(), 5000u);
}

}  // namespace
}  // namespace communique::code

namespace communique::code {
namespace {

TEST(VerbPatterns, TabariDemoDictionaryLoads) {
  std::vector<InputError> errors;
  auto set = VerbPatternSet::Load({COMMUNIQUE_FIXTURES "/code/tabari/TABARI.Demo.verbs"},
                                  [&](const InputError& e) { errors.push_back(e); });
  for (auto& e : errors) ADD_FAILURE() << e.file << ":" << e.line << ": " << e.message;
  EXPECT_GT(set->block_count(), 250u);
  // "ACT_ [100]" with its forms on the next line: "{ ACTING_ ACTXD_ ACTUALITY }".
  EXPECT_NE(set->Forms(set->WordId("actxd")), nullptr);
  // Synsets from <SYNSETS> are usable in patterns: &TIETYPES in "- * &TIETYPES TIES [902]".
  EXPECT_NE(set->WordId("cultural"), 0u);
}

}  // namespace
}  // namespace communique::code

namespace communique::code {
namespace {

TEST(VerbPatterns, TabariVerbsAreStemsUnlessClosedWithUnderscore) {
  // TABARI: "RESTOR" codes every word it begins; "ACT_" only "act" (and its listed forms).
  auto set = VerbPatternSet::FromText("RESTOR [064]\nACT_ [100]\n", "t.verbs", nullptr);
  const auto* restore = set->Forms(set->WordId("restore"));
  ASSERT_NE(restore, nullptr);
  EXPECT_EQ((*restore)[0].lemma, "RESTOR");
  EXPECT_NE(set->Forms(set->WordId("restoring")), nullptr);
  EXPECT_EQ(set->Forms(set->WordId("actuality")), nullptr);
  // PETRARCH verbs are whole words.
  auto petr = VerbPatternSet::FromText("--- RESTOR [064] ---\nRESTOR\n", "p.txt", nullptr);
  EXPECT_EQ(petr->Forms(petr->WordId("restore")), nullptr);
}

TEST(VerbPatterns, NegationPatternsAndSplitContractions) {
  // PETRARCH writes "DID N'T" as the Penn Treebank splits it; sentences tokenize "didn't" as
  // "did" "n't", and so must the synset.
  constexpr const char* kNeg = R"(
&NEGAUX
+DID N'T
+WILL NOT

--- CLASH [223] ---
CLASH
- &NEGAUX * OVER EFFORTS  [904]
- * OVER EFFORTS  [121]
)";
  auto set = VerbPatternSet::FromText(kNeg, "n.txt", nullptr);
  const VerbBlock& b = set->block(0);
  ASSERT_EQ(b.patterns.size(), 2u);
  EXPECT_EQ(b.patterns[0].code, "904");
  EXPECT_TRUE(b.patterns[0].negated);
  EXPECT_FALSE(b.patterns[1].negated);
  ASSERT_EQ(b.patterns[0].before.size(), 1u);
  std::vector<std::string> first;
  for (uint32_t w : b.patterns[0].before[0].alternatives[0]) first.emplace_back(set->Word(w));
  EXPECT_EQ(first, (std::vector<std::string>{"did", "n't"}));
}

}  // namespace
}  // namespace communique::code

namespace communique::code {
namespace {

TEST(VerbPatterns, UnderscoreTiesWordsTogetherAndToTheVerb) {
  constexpr const char* kTied = R"(
&TIETYPES
+ECONOMIC

--- ABANDON [345] ---
ABANDON
- * NEW_&TIETYPES_RELATIONS [903]
- RECENTLY_* [025]
- % * [030:030]
- * WITH % [031]
)";
  auto set = VerbPatternSet::FromText(kTied, "u.txt", nullptr);
  const VerbBlock& b = set->block(0);
  ASSERT_EQ(b.patterns.size(), 4u);
  const VerbPattern* tied = nullptr;
  for (auto& p : b.patterns)
    if (p.code == "903") tied = &p;
  ASSERT_NE(tied, nullptr);
  // One element of consecutive words ("new economic relations"), not three with gaps allowed.
  ASSERT_EQ(tied->after.size(), 1u);
  std::vector<std::string> words;
  for (uint32_t w : tied->after[0].alternatives[0]) words.emplace_back(set->Word(w));
  EXPECT_EQ(words, (std::vector<std::string>{"new", "economic", "relations"}));
  for (auto& p : b.patterns) {
    EXPECT_EQ(p.before_touches_verb, p.code == "025") << p.text;
    EXPECT_EQ(p.compound_before, p.code == "030") << p.text;
    EXPECT_EQ(p.compound_after, p.code == "031") << p.text;
  }
}

}  // namespace
}  // namespace communique::code

namespace communique::code {
namespace {

TEST(VerbPatterns, TabariDisjunctiveSets) {
  // TABARI: "{ A | B_C }" is any one of the phrases; PETRARCH files skip such patterns.
  auto set = VerbPatternSet::FromText("CALL [---]\n- * FOR { SANCTIONS | TOTAL_BOYCOTT } [172]\n",
                                      "t.verbs", nullptr);
  ASSERT_EQ(set->block(0).patterns.size(), 1u);
  const VerbPattern& p = set->block(0).patterns[0];
  ASSERT_EQ(p.after.size(), 2u);
  std::vector<std::string> phrases;
  for (const WordSeq& alt : p.after[1].alternatives) {
    std::string s;
    for (uint32_t w : alt) s += (s.empty() ? "" : " ") + std::string(set->Word(w));
    phrases.push_back(s);
  }
  EXPECT_NE(std::find(phrases.begin(), phrases.end(), "sanctions"), phrases.end());
  EXPECT_NE(std::find(phrases.begin(), phrases.end(), "total boycott"), phrases.end());
  auto petr = VerbPatternSet::FromText("--- CALL [---] ---\nCALL\n- * FOR { SANCTIONS | BOYCOTT } [172]\n",
                                       "p.txt", nullptr);
  EXPECT_TRUE(petr->block(0).patterns.empty());
}

}  // namespace
}  // namespace communique::code
