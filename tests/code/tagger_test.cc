// PosTagger: the Lingua lexicon loads and common sentence shapes get the tags the clause rules
// rely on (finite verbs, participles after "was", nouns after determiners); every lookup path
// (long words, lower-cased retries, normalized non-ASCII tokens, unknown-word classes) reaches
// the lexicon entry it should; per-thread buffers carry nothing from one sentence to the next.
#include "code/tagger.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace communique::code {
namespace {

std::string Tags(const PosTagger& tagger, const std::string& s) {
  auto tokens = Tokenize(s);
  tagger.Tag(s, tokens);
  std::string out;
  for (auto& t : tokens) out += (out.empty() ? "" : " ") + t.tag;
  return out;
}

class TaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { tagger_ = PosTagger::Load(PosTagger::DefaultDir(COMMUNIQUE_SOURCE_DIR "/data")).release(); }
  static PosTagger* tagger_;
};
PosTagger* TaggerTest::tagger_ = nullptr;

TEST_F(TaggerTest, LoadsLexicon) { EXPECT_GT(tagger_->lexicon_size(), 40000u); }

TEST_F(TaggerTest, SimpleClause) {
  EXPECT_EQ(Tags(*tagger_, "Armenia suspended its participation in the organization."),
            "NNP VBD PRP$ NN IN DT NN .");
}

TEST_F(TaggerTest, PassiveAndNegation) {
  EXPECT_EQ(Tags(*tagger_, "The convoy was attacked by rebels."), "DT NN VBD VBN IN NNS .");
  EXPECT_EQ(Tags(*tagger_, "Armenia did not take part in the summit."), "NNP VBD RB VB NN IN DT NN .");
}

TEST_F(TaggerTest, UnknownCapitalizedWordIsProperNoun) {
  auto tokens = Tokenize("Leaders met in Astana on Thursday.");
  tagger_->Tag("Leaders met in Astana on Thursday.", tokens);
  EXPECT_EQ(tokens[3].tag, "NNP");
  EXPECT_EQ(tokens[1].tag, "VBD");
}

// Words longer than the table's inline key bytes are stored apart; an unknown hyphenated word
// would be JJ or NN, never NNPS.
TEST_F(TaggerTest, LongWordsAreFoundInTheLexicon) {
  EXPECT_EQ(Tags(*tagger_, "Many African-Americans voted."), "JJ NNPS VBD .");
}

TEST_F(TaggerTest, CapitalizedWordsAreRetriedLowerCased) {
  EXPECT_EQ(Tags(*tagger_, "THE SUMMIT OPENED."), "DT NN VBD .");
  EXPECT_EQ(Tags(*tagger_, "Leaders signed the declaration."), "NNS VBD DT NN .");
}

TEST_F(TaggerTest, NonAsciiTokensAreLookedUpNormalized) {
  auto tokens = Tokenize("Armenia\u2019s leaders met.");
  tagger_->Tag("Armenia\u2019s leaders met.", tokens);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1].tag, "POS");
}

TEST_F(TaggerTest, UnknownWordsGetTheirClassTags) {
  EXPECT_EQ(Tags(*tagger_, "The talks resumed in 1,200 places (and more)."),
            "DT NNS VBD IN CD NNS -LRB- CC JJR -RRB- .");
  // The last part of an unknown hyphenated word decides: an adjective makes it JJ.
  EXPECT_EQ(Tags(*tagger_, "He spoke to Moscow-friendly crowds."), "PRP VBD TO JJ NNS .");
}

// Sentences of different lengths in turn, on two threads at once, get the tags they get alone.
TEST_F(TaggerTest, SentencesDoNotAffectEachOther) {
  const std::vector<std::string> sentences = {
      "Leaders met in Astana on Thursday.",
      "The Collective Security Treaty Organization, which Armenia froze its participation in, "
      "held a summit in Astana and adopted a declaration on international security.",
      "Armenia did not take part in the summit.", "Talks resumed."};
  std::vector<std::string> alone;
  for (const auto& s : sentences) alone.push_back(Tags(*tagger_, s));
  auto run = [&](std::vector<std::string>* out) {
    for (int round = 0; round < 50; ++round)
      for (size_t i = sentences.size(); i-- > 0;) out->push_back(Tags(*tagger_, sentences[i]));
  };
  std::vector<std::string> a, b;
  std::thread ta(run, &a), tb(run, &b);
  ta.join();
  tb.join();
  ASSERT_EQ(a.size(), 50 * sentences.size());
  for (size_t k = 0; k < a.size(); ++k) {
    size_t i = sentences.size() - 1 - k % sentences.size();
    EXPECT_EQ(a[k], alone[i]) << sentences[i];
    EXPECT_EQ(b[k], alone[i]) << sentences[i];
  }
}

}  // namespace
}  // namespace communique::code
