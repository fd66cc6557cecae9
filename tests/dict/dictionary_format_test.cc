// Dictionary readers: PETRARCH/Phoenix and TABARI syntax, dates, errors with file:line, and the
// validation dictionaries of TABARI and PETRARCH loading without loss.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dict/dictionary_format.h"

namespace communique::dict {
namespace {

struct Collected {
  std::vector<InputError> errors;
  ErrorSink sink() {
    return [this](const InputError& e) { errors.push_back(e); };
  }
};

DictionaryModel Read(std::string_view text, FileKind kind, Collected* c,
                     DictFormat format = DictFormat::kPetrarch) {
  DictionaryModel m;
  ReadDictionary("test.txt", text, kind, format, &m, c->sink());
  return m;
}

TEST(DictFormat, DatesAndPivot) {
  EXPECT_EQ(ParseDictionaryDate("991001")->ToString(), "1999-10-01");
  EXPECT_EQ(ParseDictionaryDate("300101")->ToString(), "2030-01-01");
  EXPECT_EQ(ParseDictionaryDate("310101")->ToString(), "1931-01-01");
  EXPECT_EQ(ParseDictionaryDate("20190320")->ToString(), "2019-03-20");
  EXPECT_FALSE(ParseDictionaryDate("1920030320"));  // PETRARCH2 read 1920-03-03: a typo, reported
  EXPECT_FALSE(ParseDictionaryDate("201005011"));
  EXPECT_FALSE(ParseDictionaryDate("2004017"));
  EXPECT_FALSE(ParseDictionaryDate("20041301"));
  EXPECT_FALSE(ParseDictionaryDate("99100"));
}

TEST(DictFormat, ActorBlocksSynonymsAndRestrictions) {
  Collected c;
  auto m = Read(
      "# comment\n"
      "KASYMZHOMART_TOKAYEV_  # CountryInfo.txt\n"
      "+KASSYM-JOMART_TOKAYEV\n"
      "\t[KAZELI 710101-991001]\n"
      "\t[KAZGOV >20190320]\n"
      "\t[KAZGOV < 990101]\n"
      "\t[KAZELI]\n"
      "NOBODY_ [---]\n"
      "ENT [### <890101] [ENT]\n",
      FileKind::kActors, &c);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(m.actors.size(), 3u);
  const auto& t = m.actors[0];
  ASSERT_EQ(t.phrases.size(), 2u);
  EXPECT_EQ(t.phrases[1].text(), "KASSYM-JOMART TOKAYEV");
  EXPECT_EQ(t.phrases[1].line, 3u);
  ASSERT_EQ(t.codes.size(), 4u);
  EXPECT_EQ(t.codes[0].from, Date::Parse("1971-01-01")->Days());
  EXPECT_EQ(t.codes[0].to, Date::Parse("1999-10-01")->Days());
  EXPECT_EQ(t.codes[1].from, Date::Parse("2019-03-20")->Days());
  EXPECT_EQ(t.codes[1].to, std::numeric_limits<int32_t>::max());
  EXPECT_EQ(t.codes[2].to, Date::Parse("1999-01-01")->Days());
  EXPECT_FALSE(t.codes[3].dated);
  EXPECT_EQ(t.comment, "CountryInfo.txt");
  EXPECT_EQ(m.actors[1].codes[0].code, "---");
  EXPECT_EQ(m.actors[2].codes.size(), 2u);
  EXPECT_EQ(m.files[0].phrase_lines, 4u);
  EXPECT_EQ(m.files[0].phrases, 4u);
}

TEST(DictFormat, MalformedEntriesReportedWithLineAndSkipped) {
  Collected c;
  auto m = Read(
      "BAN_KI-MOON\n"
      "\t[IGOUNO >20070101]\n"
      "\t[KORGOVBUS 2004017-20061201]\n"
      "KOFI_ANNAN_ [IGOUNO 970101-061231]\n"
      "BAD [KAZ 991301-000101]\n"
      "BACKWARDS [KAZ 20100101-20000101]\n"
      "GOOD [GOO]\n"
      "NO_CODE_AT_THE_END\n",
      FileKind::kActors, &c);
  ASSERT_EQ(c.errors.size(), 6u);
  EXPECT_EQ(c.errors[0].line, 3u);
  EXPECT_NE(c.errors[0].message.find("2004017"), std::string::npos);
  EXPECT_EQ(c.errors[0].ToString().rfind("test.txt:3:", 0), 0u);
  EXPECT_EQ(c.errors[1].line, 5u);
  EXPECT_EQ(c.errors[2].line, 6u);
  EXPECT_EQ(c.errors[3].line, 5u);  // blocks left without a code are reported when they close
  EXPECT_EQ(c.errors[4].line, 6u);
  EXPECT_EQ(c.errors[5].line, 8u);  // a phrase without any code
  ASSERT_EQ(m.actors.size(), 3u);   // Ban Ki-moon (with its valid code), Kofi Annan, GOOD
  EXPECT_EQ(m.actors[0].codes.size(), 1u);
  EXPECT_EQ(m.actors[2].phrases[0].text(), "GOOD");
}

TEST(DictFormat, RootPhrasesWithoutCodeShareTheCodesThatFollow) {
  // Phoenix writes a person's spellings as consecutive root phrases before the dated codes.
  Collected c;
  auto m = Read(
      "LEONID_BREZHNEV_  # CountryInfo.txt\n"
      "LEONID_ILYICH_BREZHNEV\n"
      "SECRETARY_BREZHNEV\n"
      "\t[RUSELI 19240101-641014]\n"
      "\t[RUSGOV 641014-821110]\n"
      "IVO_JOSIPOVIC_\n"
      "PRESIDENT_JOSIPOVIC_ [HRVGOV >20100218]\n"
      "NEXT_ [NXT]\n",
      FileKind::kActors, &c);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(m.actors.size(), 3u);
  EXPECT_EQ(m.actors[0].phrases.size(), 3u);
  EXPECT_EQ(m.actors[0].codes.size(), 2u);
  EXPECT_EQ(m.actors[1].phrases.size(), 2u);
  ASSERT_EQ(m.actors[1].codes.size(), 1u);
  EXPECT_EQ(m.actors[1].codes[0].code, "HRVGOV");
  EXPECT_EQ(m.actors[2].phrases[0].text(), "NEXT");
}

TEST(DictFormat, AgentsPluralsSubstitutionsAndAttachment) {
  Collected c;
  auto m = Read(
      "!PERSON! = MAN, MEN\n"
      "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n"
      "POLICE {} [~COP]\n"
      "BUSINESS!PERSON! [~BUS]\n"
      "OBSERVERS_IN [IGO~]\n"
      "PRESIDENT [ ~GOV] # ns\n"
      "NOTILDE [GOV]\n",
      FileKind::kAgents, &c);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].line, 7u);
  ASSERT_EQ(m.agents.size(), 6u);
  EXPECT_EQ(m.agents[0].plurals.size(), 1u);
  EXPECT_FALSE(m.agents[0].regular_plurals);
  EXPECT_FALSE(m.agents[1].regular_plurals);
  EXPECT_TRUE(m.agents[1].plurals.empty());
  EXPECT_EQ(m.agents[2].phrase.text(), "BUSINESSMAN");
  EXPECT_EQ(m.agents[3].phrase.text(), "BUSINESSMEN");
  EXPECT_TRUE(m.agents[4].prefix);
  EXPECT_EQ(m.agents[4].code, "IGO");
  EXPECT_EQ(m.agents[5].code, "GOV");
  EXPECT_FALSE(m.agents[5].prefix);
}

// Phoenix writes "DEFENSE_MINIST" for DEFENSE_!MINIST!: a last word equal to a set's bare name
// stands for the set; the same letters elsewhere, or without such a set, stay literal.
TEST(DictFormat, BareSubstitutionNameAsLastWordExpands) {
  Collected c;
  auto m = Read(
      "!MINIST! = MINISTER, MINISTRY\n"
      "DEFENSE_MINIST [~GOVMIL]\n"
      "MINIST_OF_X [~GOV]\n"
      "FOREIGN_PERSON [~GOV]\n",
      FileKind::kAgents, &c);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(m.agents.size(), 4u);
  EXPECT_EQ(m.agents[0].phrase.text(), "DEFENSE MINISTER");
  EXPECT_EQ(m.agents[1].phrase.text(), "DEFENSE MINISTRY");
  EXPECT_EQ(m.agents[2].phrase.text(), "MINIST OF X");
  EXPECT_EQ(m.agents[3].phrase.text(), "FOREIGN PERSON");
}

TEST(DictFormat, OverlayActorFilesMayHoldAgents) {
  Collected c;
  auto m = Read("COUNTERPART [~GOV] # source: test\nCSTO [IGOEURCSTO]\n", FileKind::kActors, &c);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(m.agents.size(), 1u);
  EXPECT_EQ(m.actors.size(), 1u);
}

TEST(DictFormat, DiscardsSentenceAndStory) {
  Collected c;
  auto m = Read("MONTHS LATER\n+World Golf Championships   # pas\n", FileKind::kDiscards, &c);
  ASSERT_EQ(m.discards.size(), 2u);
  EXPECT_FALSE(m.discards[0].story);
  EXPECT_TRUE(m.discards[1].story);
  EXPECT_EQ(m.discards[1].phrase.text(), "WORLD GOLF CHAMPIONSHIPS");
}

TEST(DictFormat, TabariStemsSectionsAndFinish) {
  Collected c;
  auto m = Read(
      "<NOUN>\nBEES ;pas\n</NOUN>\n"
      "ARGENTIN  [ARG]\n"
      "ESTONIA_  [EST] ;tony\n"
      "GOLLUM  ; pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n\t[HOBREB > 990816]\n"
      "~~FINISH\nAFTER [AFT]\n",
      FileKind::kActors, &c, DictFormat::kTabari);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(m.actors.size(), 3u);
  EXPECT_TRUE(m.actors[0].phrases[0].last_is_stem);
  EXPECT_FALSE(m.actors[1].phrases[0].last_is_stem);
  EXPECT_EQ(m.actors[2].codes.size(), 3u);
}

// Counts the phrase lines of a dictionary file independently of the reader: lines that are not
// blank, comments, indented code lines, substitution sets or TABARI sections.
uint64_t CountPhraseLines(const std::string& path, bool tabari) {
  std::ifstream in(path);
  std::string line;
  uint64_t n = 0;
  bool section = false, xml = false;
  while (std::getline(in, line)) {
    std::string t = line;
    t.erase(0, t.find_first_not_of(" \t\r"));
    if (xml) { if (t.find("-->") != std::string::npos) xml = false; continue; }
    if (t.rfind("<!--", 0) == 0) { if (t.find("-->") == std::string::npos) xml = true; continue; }
    if (tabari && t.rfind("~~FINISH", 0) == 0) break;
    if (t == "<NOUN>" || t == "<ADJECTIVE>") { section = true; continue; }
    if (t == "</NOUN>" || t == "</ADJECTIVE>") { section = false; continue; }
    if (section || t.empty() || t[0] == '#' || t[0] == '<' || (tabari && t[0] == ';') || t[0] == '[') continue;
    if (t[0] == '!' && t.find('=') != std::string::npos) continue;
    ++n;
  }
  return n;
}

struct CompatCase {
  const char* file;
  FileKind kind;
  bool tabari;
};

class CompatDictionaries : public ::testing::TestWithParam<CompatCase> {};

TEST_P(CompatDictionaries, LoadWithoutLoss) {
  const auto& p = GetParam();
  std::string path = std::string(COMMUNIQUE_FIXTURES) + "/dict/" + p.file;
  Collected c;
  DictionaryModel m;
  ReadDictionaryFile(path, p.kind, &m, c.sink());
  for (const auto& e : c.errors) ADD_FAILURE() << e.ToString();
  ASSERT_EQ(m.files.size(), 1u);
  uint64_t lines = CountPhraseLines(path, p.tabari);
  EXPECT_GT(lines, 5u);
  EXPECT_EQ(m.files[0].phrase_lines, lines);
  EXPECT_EQ(m.files[0].errors, 0u);
  if (p.kind == FileKind::kActors) {
    uint64_t phrases = 0;
    for (const auto& a : m.actors) phrases += a.phrases.size();
    EXPECT_EQ(phrases, lines);
  } else if (p.kind == FileKind::kDiscards) {
    EXPECT_EQ(m.discards.size(), lines);
  } else {
    EXPECT_EQ(m.files[0].entries, lines);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Dict, CompatDictionaries,
    ::testing::Values(CompatCase{"tabari/TABARI.Demo.actors", FileKind::kActors, true},
                      CompatCase{"tabari/Validate.agents", FileKind::kAgents, true},
                      CompatCase{"petrarch2/PETR.Validate.actors.txt", FileKind::kActors, false},
                      CompatCase{"petrarch2/PETR.Validate.agents.txt", FileKind::kAgents, false},
                      CompatCase{"petrarch2/PETR.Validate.discards.txt", FileKind::kDiscards, false}),
    [](const auto& info) {
      std::string name = info.param.file;
      for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    });

}  // namespace
}  // namespace communique::dict
