// DictionarySet: loading the shipped dictionaries, overlay overrides, discards, code splitting,
// date resolution without a date, and concurrent use.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "communique/actor.h"
#include "communique/token.h"

namespace communique {
namespace {

std::string DataDir() { return std::string(COMMUNIQUE_SOURCE_DIR) + "/data"; }

std::string TempFile(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / ("communique-dict-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

std::vector<std::string> Codes(const DictionarySet& set, const std::string& sentence,
                               std::optional<Date> date = std::nullopt) {
  std::vector<std::string> out;
  for (const auto& m : set.FindActors(sentence, Tokenize(sentence), date)) out.push_back(m.code);
  return out;
}

TEST(DictSet, ShippedDictionariesLoadAndReportTheirMalformedEntries) {
  std::vector<InputError> errors;
  auto set = DictionarySet::Load(DictionarySet::Default(DataDir()),
                                 [&](const InputError& e) { errors.push_back(e); });
  EXPECT_GT(set->size(), 35000u);
  bool korgovbus = false;
  for (const auto& e : errors) {
    if (e.message.find("2004017") != std::string::npos) {
      korgovbus = true;
      EXPECT_NE(e.file.find("Phoenix.International.actors.txt"), std::string::npos);
      EXPECT_EQ(e.line, 40u);
    }
    // The overlay shipped with the project must be clean.
    EXPECT_EQ(e.file.find("/overlay/"), std::string::npos) << e.ToString();
  }
  EXPECT_TRUE(korgovbus);
  // Ban Ki-moon keeps his valid code despite the malformed one next to it.
  EXPECT_EQ(Codes(*set, "Ban Ki-moon spoke.", Date{2010, 1, 1}), (std::vector<std::string>{"IGOUNO"}));
}

TEST(DictSet, LaterOverlaysOverrideEarlierEntries) {
  auto base = TempFile("base.txt", "ARNOR_ [ARN]\nGONDOR_ [GON]\n");
  auto first = TempFile("first.txt", "ARNOR_ [XXX] # source: test\n");
  auto second = TempFile("second.txt", "ARNOR_ [YYY] # source: test\nPRESIDENT [~GOV]\n");
  DictionaryFiles files;
  files.actors = {base};
  files.overlays = {first};
  auto one = DictionarySet::Load(files, nullptr);
  EXPECT_EQ(Codes(*one, "Arnor and Gondor"), (std::vector<std::string>{"XXX", "GON"}));
  files.overlays = {first, second};
  auto two = DictionarySet::Load(files, nullptr);
  EXPECT_EQ(Codes(*two, "Arnor and Gondor"), (std::vector<std::string>{"YYY", "GON"}));
  EXPECT_EQ(Codes(*two, "the Gondor president"), (std::vector<std::string>{"GONGOV"}));
}

TEST(DictSet, DiscardsSentenceLevelAndStoryLevel) {
  auto set = DictionarySet::Load(DictionarySet::Default(DataDir()), nullptr);
  EXPECT_TRUE(set->IsDiscarded(Tokenize("The World Golf Championships began on Thursday.")));
  EXPECT_TRUE(set->IsDiscarded(Tokenize("Russia reached the African Nations Cup final.")));
  EXPECT_FALSE(set->IsDiscarded(Tokenize("Russia and Kazakhstan signed an agreement.")));
}

TEST(DictSet, SplitActorCode) {
  auto p = SplitActorCode("KAZGOVMIL");
  EXPECT_EQ(p.country, "KAZ");
  EXPECT_EQ(p.sector, "GOV");
  EXPECT_EQ(p.rest, "MIL");
  p = SplitActorCode("IGOEURCSTOLEG");
  EXPECT_EQ(p.country, "IGO");
  EXPECT_EQ(p.sector, "LEG");
  EXPECT_EQ(p.rest, "EURCSTO");
  p = SplitActorCode("IGOUNOREFHCR");
  EXPECT_EQ(p.sector, "REF");
  EXPECT_EQ(p.rest, "UNOHCR");
  p = SplitActorCode("RUS");
  EXPECT_EQ(p.country, "RUS");
  EXPECT_EQ(p.sector, "");
  p = SplitActorCode("ELI");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.sector, "ELI");
  p = SplitActorCode("USAMED");  // CAMEO MED: media
  EXPECT_EQ(p.sector, "MED");
}

TEST(DictSet, NoDateMeansUndatedRoleElseMostRecent) {
  auto base = TempFile("dated.txt",
                       "GOLLUM_\n\t[HOB <19950601]\n\t[HOBGOV 19950601-19990815]\n\t[HOBREB >19990816]\n"
                       "SAM_\n\t[HOBGOV 20000101-20010101]\n\t[HOB]\n");
  DictionaryFiles files;
  files.actors = {base};
  auto set = DictionarySet::Load(files, nullptr);
  EXPECT_EQ(Codes(*set, "Gollum"), (std::vector<std::string>{"HOBREB"}));
  EXPECT_EQ(Codes(*set, "Gollum", Date{1995, 6, 1}), (std::vector<std::string>{"HOBGOV"}));
  EXPECT_EQ(Codes(*set, "Gollum", Date{1999, 8, 15}), (std::vector<std::string>{"HOBGOV"}));
  EXPECT_EQ(Codes(*set, "Gollum", Date{1999, 8, 16}), (std::vector<std::string>{"HOBREB"}));
  EXPECT_EQ(Codes(*set, "Sam"), (std::vector<std::string>{"HOB"}));
  EXPECT_EQ(Codes(*set, "Sam", Date{2000, 6, 1}), (std::vector<std::string>{"HOBGOV"}));
  auto m = set->FindActors("Gollum", Tokenize("Gollum"), Date{1996, 1, 1});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].dict_line, 1u);
  EXPECT_NE(m[0].why.find("1995-06-01"), std::string::npos);
}

TEST(DictSet, TabariStemsMatchWordBeginnings) {
  DictionaryFiles files;
  files.actors = {std::string(COMMUNIQUE_FIXTURES) + "/dict/tabari/TABARI.Demo.actors"};
  files.agents = {std::string(COMMUNIQUE_FIXTURES) + "/dict/tabari/Validate.agents"};
  auto set = DictionarySet::Load(files, nullptr);
  EXPECT_EQ(Codes(*set, "Argentine officials met Arnor"), (std::vector<std::string>{"ARGGOV", "ARN"}));
  // `[NGM~]`: the agent code goes before the country's.
  EXPECT_EQ(Codes(*set, "Arnor human rights activists protested"), (std::vector<std::string>{"NGMARN"}));
}

TEST(DictSet, NullCodeMeansNoActorForThatPeriod) {
  auto base = TempFile("null.txt",
                       "JEAN_MARIE_GUEHENNO_ [IGOUNO 000101-080801] [---]\nBOROMIR [---]\nGONDOR [GON]\n");
  DictionaryFiles files;
  files.actors = {base};
  auto set = DictionarySet::Load(files, nullptr);
  EXPECT_EQ(Codes(*set, "Jean-Marie Guehenno visited Gondor", Date{2005, 1, 1}),
            (std::vector<std::string>{"IGOUNO", "GON"}));
  EXPECT_EQ(Codes(*set, "Jean-Marie Guehenno visited Gondor", Date{2010, 1, 1}),
            (std::vector<std::string>{"GON"}));
  // A null-coded phrase yields no actor and does not disturb its neighbours.
  EXPECT_EQ(Codes(*set, "Boromir and Gondor"), (std::vector<std::string>{"GON"}));
}

TEST(DictSet, SafeToShareBetweenThreads) {
  auto set = DictionarySet::Load(DictionarySet::Default(DataDir()), nullptr);
  const std::string s = "Kazakh President Kassym-Jomart Tokayev met his Belarusian, Kyrgyz, Russian, and Tajik counterparts in Astana.";
  auto expected = set->FindActors(s, Tokenize(s), Date{2024, 11, 28});
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        auto got = set->FindActors(s, Tokenize(s), Date{2024, 11, 28});
        if (got.size() != expected.size()) ++mismatches;
        for (size_t k = 0; k < got.size() && k < expected.size(); ++k)
          if (got[k].code != expected[k].code || got[k].text != expected[k].text) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_GE(expected.size(), 5u);
}

}  // namespace
}  // namespace communique

namespace communique {
namespace {

// Every entry of the shipped overlay names its source on its first line.
TEST(DictSet, EveryOverlayEntryNamesItsSource) {
  size_t entries = 0;
  for (const auto& path : DictionarySet::Default(DataDir()).overlays) {
    std::ifstream in(path);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#' || line[0] == '+' || line[0] == '\t' || line[0] == ' ') continue;
      ++entries;
      EXPECT_NE(line.find("# source: "), std::string::npos) << path << ":" << n << ": " << line;
    }
  }
  EXPECT_GT(entries, 80u);
}

}  // namespace
}  // namespace communique

namespace communique {
namespace {

// Tokens that do not belong to the text given (a caller's mistake) must not crash the matcher.
TEST(DictSet, MismatchedSentenceTextIsHarmless) {
  auto set = DictionarySet::Load(DictionarySet::Default(DataDir()), nullptr);
  auto tokens = Tokenize("Kazakh President Kassym-Jomart Tokayev met Vladimir Putin in Moscow.");
  DocumentContext doc;
  auto got = set->FindActors("short", tokens, Date{2024, 11, 28}, &doc);
  EXPECT_FALSE(got.empty());
  auto none = set->FindActors("", {}, std::nullopt, &doc);
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace communique
