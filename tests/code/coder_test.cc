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

TEST_F(CoderTest, Explain) {
  for (const char* s : {"Armenia suspended its participation in the Collective Security Treaty Organization.",
                        "Israel was attacked by Hamas.",
                        "Armenia did not take part in the summit.",
                        "Jordan and Britain have agreed to undertake joint military exercises, a Jordanian official said.",
                        "Russia said that Syria agreed to hold talks with Israel."}) {
    Code(s, true);
  }
}

}  // namespace
}  // namespace communique::code
