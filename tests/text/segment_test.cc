// Segment: paragraphs, languages, boilerplate and sentences, on hand-made text and the seeds.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "communique/token.h"
#include "seed_document.h"
#include "text/clean.h"

namespace communique::text {
namespace {

using communique::testing::DocumentFromText;
using communique::testing::SeedDocument;

std::vector<std::string> Sentences(const std::string& text) {
  Document d = DocumentFromText(text);
  Prepare(d);
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(d.SentenceText(s));
  return out;
}

std::vector<std::string> SeedSentences(const Document& d) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(d.SentenceText(s));
  return out;
}

using V = std::vector<std::string>;

TEST(TextSentence, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Sentences("The U.S. envoy met Gen. Ivanov and Mr. Smith on Nov. 28 in St. Petersburg. "
                      "The U.N. said No. 5 was ready."),
            (V{"The U.S. envoy met Gen. Ivanov and Mr. Smith on Nov. 28 in St. Petersburg.",
               "The U.N. said No. 5 was ready."}));
  EXPECT_EQ(Sentences("J. R. R. Tolkien wrote it. George W. Bush read it on Jan. 3."),
            (V{"J. R. R. Tolkien wrote it.", "George W. Bush read it on Jan. 3."}));
  EXPECT_EQ(Sentences("Output rose 2.5 percent. It was bought by Acme Inc. in May. Acme Inc. The deal closed."),
            (V{"Output rose 2.5 percent.", "It was bought by Acme Inc. in May.", "Acme Inc.",
               "The deal closed."}));
  EXPECT_EQ(Sentences("Troops left the U.S. The war was over."),
            (V{"Troops left the U.S.", "The war was over."}));
}

TEST(TextSentence, QuotesEllipsesAndDashes) {
  EXPECT_EQ(Sentences("\u201CWe will respond,\u201D he said. \u201CIs that so?\u201D she asked. "
                      "\u201CYes.\u201D They left."),
            (V{"\"We will respond,\" he said.", "\"Is that so?\" she asked.", "\"Yes.\"", "They left."}));
  // A quotation of several sentences that runs into its attribution stays one sentence.
  EXPECT_EQ(Sentences("\"We have no confirmation. At this moment, there is no threat,\" Kyodo quoted a source as "
                      "saying. He said: \"We will win. They will lose.\" Then he left."),
            (V{"\"We have no confirmation. At this moment, there is no threat,\" Kyodo quoted a source as saying.",
               "He said: \"We will win.", "They will lose.\"", "Then he left."}));
  EXPECT_EQ(Sentences("He waited... and waited... Then he left! Why? Nobody knows."),
            (V{"He waited... and waited...", "Then he left!", "Why?", "Nobody knows."}));
  EXPECT_EQ(Sentences("Armenia \u2014 a member since 1992 \u2014 stayed away. (It said so.) Russia came."),
            (V{"Armenia - a member since 1992 - stayed away.", "(It said so.)", "Russia came."}));
}

TEST(TextSentence, GluedSentencesAndHeadingsAreSplit) {
  EXPECT_EQ(Sentences("A meeting in Astana on Thursday.The CSTO countries also called for peace."),
            (V{"A meeting in Astana on Thursday.", "The CSTO countries also called for peace."}));
  EXPECT_EQ(Sentences("It spoke of the region in general.End Gaza Strip ViolenceThe member states agreed."),
            (V{"It spoke of the region in general.", "End Gaza Strip Violence", "The member states agreed."}));
  // Not glued: domains, decimals, camel-case names.
  EXPECT_EQ(Sentences("See sputnikglobe.com and Rss.plus for 3.5 million McDonald's YouTube fans."),
            (V{"See sputnikglobe.com and Rss.plus for 3.5 million McDonald's YouTube fans."}));
  EXPECT_EQ(Sentences("He posted on LinkedIn on Monday and on WeChat."),
            (V{"He posted on LinkedIn on Monday and on WeChat."}));
}

TEST(TextSentence, HeadlinesAndDatelines) {
  EXPECT_EQ(Sentences("CSTO Calls to End Mideast Violence\n\nLeaders of CSTO nations signed a declaration in "
                      "Kazakhstan on Thursday."),
            (V{"CSTO Calls to End Mideast Violence",
               "Leaders of CSTO nations signed a declaration in Kazakhstan on Thursday."}));
  EXPECT_EQ(Sentences("MOSCOW, December 8. /TASS/. The assembly endorsed a model agreement. It met."),
            (V{"MOSCOW, December 8. /TASS/. The assembly endorsed a model agreement.", "It met."}));
  EXPECT_EQ(Sentences("The declaration has two points. 1. The members reject terrorism. 2. They back talks."),
            (V{"The declaration has two points.", "1. The members reject terrorism.", "2. They back talks."}));
  EXPECT_EQ(Sentences("It was signed in 2020. The deal held. He lives in the U.S. He said so at 5 p.m. Thursday."),
            (V{"It was signed in 2020.", "The deal held.", "He lives in the U.S.", "He said so at 5 p.m. Thursday."}));
}

TEST(TextSentence, HardWrappedLinesJoin) {
  EXPECT_EQ(Sentences("The member states of the organization called for an end to\nhostilities in the "
                      "Gaza Strip and the region.\nThe next line is a new paragraph."),
            (V{"The member states of the organization called for an end to\nhostilities in the Gaza Strip "
               "and the region.",
               "The next line is a new paragraph."}));
}

TEST(TextSentence, HardWrappedTextKeepsItsParagraphs) {
  Document d = DocumentFromText(
      "Leaders of the Collective Security Treaty Organization met with\n"
      "President Tokayev in Astana on Thursday and signed a declaration on\n"
      "Eurasian security. Armenia did not attend the summit of the\n"
      "Russia-led bloc.\n\n"
      "The declaration called for an end to hostilities in the Gaza Strip\n"
      "and for talks on Afghanistan.\n");
  Prepare(d);
  ASSERT_EQ(d.paragraphs.size(), 2u);
  std::vector<std::string> s;
  for (const Sentence& x : d.sentences) s.emplace_back(d.SentenceText(x));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].substr(s[0].size() - 18), "Eurasian security.");
  EXPECT_EQ(s[1].substr(0, 13), "Armenia did n");
}

TEST(TextLanguage, EachParagraphGetsItsLanguage) {
  Document d = DocumentFromText(
      "Leaders of the alliance signed a declaration that stresses the defensive nature of the bloc and "
      "addresses challenges to global security.\n\n"
      "Лидеры стран ОДКБ подписали декларацию, в которой подчеркивается оборонительный характер союза.\n\n"
      "Les dirigeants de l'alliance ont signé une déclaration qui souligne le caractère défensif du bloc.\n\n"
      "The Secretary-General said the summit would be held in Astana, the capital of Kazakhstan, "
      "and that the plan would be discussed there.\n\n"
      "Rss.plus\n\nНовости спорта");
  Prepare(d);
  ASSERT_EQ(d.paragraphs.size(), 6u);
  EXPECT_EQ(d.paragraphs[0].lang, "en");
  EXPECT_EQ(d.paragraphs[1].lang, "ru");
  EXPECT_EQ(d.paragraphs[2].lang, "fr");
  EXPECT_EQ(d.paragraphs[3].lang, "en");
  EXPECT_EQ(d.paragraphs[4].lang, "en");  // too short to judge: the document's language, same script
  EXPECT_NE(d.paragraphs[5].lang, "en");  // short but Cyrillic: never inherits English
  for (const Sentence& s : d.sentences) EXPECT_EQ(d.paragraphs[s.paragraph].lang, "en");
  EXPECT_EQ(DocumentLanguage(d), "en");
  auto counts = CountLanguages(d);
  ASSERT_FALSE(counts.empty());
  EXPECT_EQ(counts[0].lang, "en");
  uint32_t ru = 0, fr = 0;
  for (auto& c : counts) {
    if (c.lang == "ru") ru = c.paragraphs + c.boilerplate;
    if (c.lang == "fr") fr = c.paragraphs + c.boilerplate;
  }
  EXPECT_GE(ru, 1u);
  EXPECT_EQ(fr, 1u);
}

TEST(TextLanguage, ArticleLanguageWinsOverABiggerFurnitureBlock) {
  std::string text =
      "The Secretary-General said on Wednesday that Afghanistan remains a source of serious threats.\n\n"
      "The summit of member countries will be held on Thursday in Astana, the capital of Kazakhstan.\n\n";
  for (int i = 0; i < 12; ++i)
    text += "\u041F\u0443\u0442\u0438\u043D \u0441\u043E\u043E\u0431\u0449\u0438\u043B \u043E\u0431 "
            "\u0443\u0432\u0435\u043B\u0438\u0447\u0435\u043D\u0438\u0438 \u043A\u0432\u043E\u0442\u044B "
            "\u043D\u0430 \u043F\u043E\u043B\u0443\u0447\u0435\u043D\u0438\u0435 \u0432\u043E\u0435\u043D"
            "\u043D\u043E\u0433\u043E \u043E\u0431\u0440\u0430\u0437\u043E\u0432\u0430\u043D\u0438\u044F " +
            std::to_string(i) + "\n\n";
  Document d = DocumentFromText(text);
  Prepare(d);
  EXPECT_EQ(d.sentences.size(), 2u);
  for (const Paragraph& p : d.paragraphs) {
    if (p.lang != "en") {
      EXPECT_TRUE(p.boilerplate);
    }
  }
}

TEST(TextLanguage, ShortPlainDocumentsAreEnglish) {
  EXPECT_EQ(Sentences("Putin met Xi."), (V{"Putin met Xi."}));
  EXPECT_EQ(Sentences("Troops withdrew."), (V{"Troops withdrew."}));
  EXPECT_TRUE(Sentences("Путин.").empty());
}

TEST(TextLanguage, RussianArticleHasNoEnglishSentences) {
  Document d = DocumentFromText(
      "Саммит ОДКБ прошел в Астане в четверг. Лидеры стран подписали декларацию о коллективной "
      "безопасности.\n\nАрмения не участвовала во встрече, приостановив свое участие в организации.");
  Prepare(d);
  EXPECT_EQ(DocumentLanguage(d), "ru");
  EXPECT_TRUE(d.sentences.empty());
  for (auto& p : d.paragraphs) EXPECT_FALSE(p.boilerplate);  // foreign, not furniture
}

bool HasCyrillic(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == '\xD0' || s[i] == '\xD1') return true;
  return false;
}

TEST(TextBoilerplate, Seed002FurnitureIsNotArticleText) {
  Document d = SeedDocument("002_fe3e54a51b3b31e9.txt");
  Prepare(d);
  auto sentences = SeedSentences(d);
  ASSERT_FALSE(sentences.empty());
  EXPECT_EQ(sentences.front(), "CSTO to address Afghanistan's security threats at Summit in Kazakhstan");
  EXPECT_EQ(sentences.back(), "Russia, Tajikistan, Kazakhstan, Kyrgyzstan, Armenia, and Belarus are permanent "
                              "members of the CSTO.");
  for (const auto& s : sentences) {
    EXPECT_FALSE(HasCyrillic(s)) << s;
    for (const char* furniture : {"Rss.plus", "ru24.net", "Moscow.media", "News in English", "WTA",
                                  "appeared first on"})
      EXPECT_EQ(s.find(furniture), std::string::npos) << s;
    EXPECT_NE(s, "0");
    EXPECT_NE(s, "2024");
  }
  // The furniture is still there, flagged, and counted by language.
  int flagged_ru = 0;
  for (auto& p : d.paragraphs)
    if (p.boilerplate && HasCyrillic(d.text.substr(p.begin, p.end - p.begin))) ++flagged_ru;
  EXPECT_GE(flagged_ru, 8);
}

TEST(TextBoilerplate, BylinesLogosRepeatsAndNotices) {
  Document d1 = SeedDocument("001_017e027ff2ca2f39.txt");
  Prepare(d1);
  ASSERT_FALSE(d1.paragraphs.empty());
  EXPECT_TRUE(d1.paragraphs[0].boilerplate);  // "By Burc Eruygur"
  Document d3 = SeedDocument("003_824f7b38d0ec323d.txt");
  Prepare(d3);
  int headline = 0;
  for (const auto& s : SeedSentences(d3)) {
    EXPECT_EQ(s.find("Logo"), std::string::npos);
    EXPECT_EQ(s.find("Helpful keywords"), std::string::npos);
    EXPECT_EQ(s.find("translated and edited"), std::string::npos);
    if (s == "CSTO: We Support Efforts to Resolve Crisis, Ensure Stability in Syria") ++headline;
  }
  EXPECT_EQ(headline, 1);  // the repeated headline is kept once
  Document links = DocumentFromText(
      "Russia and Belarus held joint exercises near the border on Monday, the defence ministry said.\n"
      "READ ALSO: Belarus hosts the next summit of allies\n"
      "The drills involved several thousand troops and were planned months ago, officials said.\n"
      "Related Stories About The Alliance\nBelarus Hosts Summit Of Allies\nArmenia Freezes Its Membership\n"
      "Kazakhstan Takes Over Chair\n"
      "Officials said further exercises were planned for next year, according to the ministry.\n"
      "© 2024 Example News. All rights reserved.\nSubscribe to our newsletter");
  Prepare(links);
  for (const auto& s : SeedSentences(links)) {
    EXPECT_EQ(s.find("Belarus Hosts"), std::string::npos) << s;
    EXPECT_EQ(s.find("rights reserved"), std::string::npos) << s;
    EXPECT_EQ(s.find("Subscribe"), std::string::npos) << s;
    EXPECT_EQ(s.find("READ ALSO"), std::string::npos) << s;
  }
  EXPECT_EQ(links.sentences.size(), 3u);
}

TEST(TextBoilerplate, HeadlineBeforeAStandfirstWithoutItsPeriod) {
  Document d = DocumentFromText(
      "Home News World Politics\n\nCSTO Calls to End Mideast Violence\n\n"
      "Leaders of CSTO nations signed a declaration in Kazakhstan that stresses the defensive nature of the "
      "alliance and addresses challenges to global security\n\n"
      "Military cooperation within CSTO is not directed against third countries, the declaration said.\n\n"
      "We use cookies to give you the best experience on our website. By continuing to browse the site you "
      "agree to our use of cookies.");
  Prepare(d);
  std::vector<std::string> s;
  for (const Sentence& x : d.sentences) s.emplace_back(d.SentenceText(x));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "CSTO Calls to End Mideast Violence");
  EXPECT_EQ(s[1].substr(0, 12), "Leaders of C");
  EXPECT_EQ(s[2].substr(0, 12), "Military coo");
}

// Sentence counts checked by hand against the seed files (tests/fixtures/seeds):
// 000: headline (1) + standfirst (1) + the glued paragraph: 8 sentences and 3 glued headings
//      ("End Gaza Strip Violence", "Stop Arms Race in Space", "Beware of Terrorists Going Hi-Tech") = 13.
// 001: the byline "By Burc Eruygur" is not counted; 11 lines of one sentence each = 11.
// 002: headline (1) + 10 article paragraphs, one of them two sentences (12); not the lone "0", the
//      site header, the "The post ... appeared first on" feed line or the Russian teasers = 12.
// 003: headline (1) + standfirst (1) + 6 paragraphs of one sentence = 8; not "Logo Wide", the
//      repeated headline, the translation notice or "Helpful keywords".
// 004: dateline + first sentence (1), quote paragraph (1), 2 + 1, last paragraph 4 = 9.
TEST(TextSeed, HandCountedSentences) {
  const std::pair<const char*, size_t> kSeeds[] = {
      {"000_8a343dba91a3a968.txt", 13}, {"001_017e027ff2ca2f39.txt", 11}, {"002_fe3e54a51b3b31e9.txt", 12},
      {"003_824f7b38d0ec323d.txt", 8},  {"004_f30e7b23c5d14025.txt", 9}};
  for (auto [name, count] : kSeeds) {
    Document d = SeedDocument(name);
    Prepare(d);
    std::string all;
    for (const auto& s : SeedSentences(d)) all += "  | " + s + "\n";
    EXPECT_EQ(d.sentences.size(), count) << name << "\n" << all;
    for (size_t i = 0; i < d.sentences.size(); ++i) EXPECT_EQ(d.sentences[i].index, i);
  }
  Document d0 = SeedDocument("000_8a343dba91a3a968.txt");
  Prepare(d0);
  auto s0 = SeedSentences(d0);
  ASSERT_EQ(s0.size(), 13u);
  EXPECT_EQ(s0[0], "CSTO Calls to End Mideast Violence, Prevent Space Arms Race, Fight Terrorism in Final Declaration");
  EXPECT_EQ(s0[5], "End Gaza Strip Violence");
  EXPECT_EQ(s0[6].substr(0, 26), "The member states of the C");
  EXPECT_EQ(s0[10], "Beware of Terrorists Going Hi-Tech");
  Document d4 = SeedDocument("004_f30e7b23c5d14025.txt");
  Prepare(d4);
  EXPECT_EQ(d4.published->ToString(), "2025-12-08");
  EXPECT_EQ(SeedSentences(d4)[0].substr(0, 32), "MOSCOW, December 8. /TASS/. The ");
}

TEST(TextProperty, EmptyAndBlankDocuments) {
  for (const char* text : {"", "\n\n\n", " \t ", "\xFF\xFE\xFD", "."}) {
    Document d = DocumentFromText(text);
    Prepare(d);
    EXPECT_TRUE(d.sentences.empty()) << text;
    EXPECT_EQ(d.text_to_raw.size(), d.text.size() + 1);
  }
}

TEST(TextProperty, AdversarialRunsAreLinear) {
  // Capitals inside one endless word, dotted letters that never end an abbreviation, quotes
  // that never close: each would cost a rescan of the rest if any lookahead were unbounded.
  std::string camel, dotted, quotes;
  while (camel.size() < 2'000'000) camel += "aaaThe";
  while (dotted.size() < 2'000'000) dotted += "a.";
  dotted += "aX";
  while (quotes.size() < 2'000'000) quotes += "\"Yes. No. ";
  const std::string prose =
      "The ministry said on Thursday that the troops of the alliance left the border region and that "
      "they will not return to it. ";
  for (const std::string* text : {&camel, &dotted, &quotes}) {
    Document d = DocumentFromText(prose + *text + " The end.");
    Prepare(d);
    size_t tokens = 0;
    for (const Sentence& s : d.sentences) tokens += Tokenize(d.SentenceText(s)).size();
    EXPECT_GT(tokens, 0u);
    EXPECT_GT(Tokenize(*text).size(), 0u);
  }
}

TEST(TextProperty, TenMegabyteLineIsLinear) {
  // One line, no newline: prose, then words without any punctuation.
  std::string prose;
  while (prose.size() < 5'000'000) prose += "The ministry said troops of the U.S. and Russia met on Thursday. ";
  std::string words;
  while (words.size() < 5'000'000) words += "alliance member states ";
  // Quadratic work here would run for hours and hit the ctest time limit.
  Document d = DocumentFromText(prose + words);
  Prepare(d);
  EXPECT_EQ(d.paragraphs.size(), 1u);
  EXPECT_GT(d.sentences.size(), 70'000u);
  for (const Sentence& s : d.sentences) ASSERT_LE(s.end - s.begin, 4100u);
}

}  // namespace
}  // namespace communique::text
