// PosTagger: the Lingua lexicon loads and common sentence shapes get the tags the clause rules
// rely on (finite verbs, participles after "was", nouns after determiners).
#include "code/tagger.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace communique::code
