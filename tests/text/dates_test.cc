// FindDates: a table of expressions, their resolution against a publication date, and provenance.
#include <gtest/gtest.h>

#include <string>

#include "seed_document.h"
#include "text/clean.h"
#include "text/dates.h"

namespace communique::text {
namespace {

struct Case {
  const char* sentence;
  const char* published;  // "" for none
  const char* expression;
  const char* date;       // "" for unresolved
  const char* granularity;
  const char* source;
};

// 2024-11-28 is a Thursday; 2025-12-08 a Monday.
const Case kCases[] = {
    {"They met in Astana on Thursday.", "2024-11-28", "on Thursday", "2024-11-28", "day", "relative-to-publication"},
    {"The official said on Wednesday that talks go on.", "2024-11-28", "on Wednesday", "2024-11-27", "day", "relative-to-publication"},
    {"Troops moved on Friday.", "2024-11-28", "on Friday", "2024-11-22", "day", "relative-to-publication"},
    {"He arrived last Thursday.", "2024-11-28", "last Thursday", "2024-11-21", "day", "relative-to-publication"},
    {"Talks resume next Monday.", "2024-11-28", "next Monday", "2024-12-02", "day", "relative-to-publication"},
    {"Officials said yesterday.", "2024-11-28", "yesterday", "2024-11-27", "day", "relative-to-publication"},
    {"Today the bloc met.", "2024-11-28", "Today", "2024-11-28", "day", "relative-to-publication"},
    {"It will vote tomorrow.", "2024-11-28", "tomorrow", "2024-11-29", "day", "relative-to-publication"},
    {"Fighting erupted last week.", "2024-11-28", "last week", "2024-11-18", "week", "relative-to-publication"},
    {"Fighting erupted last month.", "2024-11-28", "last month", "2024-10-01", "month", "relative-to-publication"},
    {"Yerevan suspended it earlier this year.", "2024-11-28", "earlier this year", "2024-01-01", "year", "relative-to-publication"},
    {"This year the bloc grew.", "2024-11-28", "This year", "2024-01-01", "year", "relative-to-publication"},
    {"The deal was signed last year.", "2024-11-28", "last year", "2023-01-01", "year", "relative-to-publication"},
    {"The deal was signed last year.", "2024-01-05", "last year", "2023-01-01", "year", "relative-to-publication"},
    {"They clashed two days ago.", "2024-11-28", "two days ago", "2024-11-26", "day", "relative-to-publication"},
    {"The summit opened November 28 in Astana.", "2024-11-28", "November 28", "2024-11-28", "day", "publication-year"},
    {"It was signed Nov. 28, 2024, in Astana.", "", "Nov. 28, 2024", "2024-11-28", "day", "explicit"},
    {"It was signed on 28 November in Astana.", "2024-11-30", "28 November", "2024-11-28", "day", "publication-year"},
    {"It was signed on 28 November 2023.", "2024-11-30", "28 November 2023", "2023-11-28", "day", "explicit"},
    {"MOSCOW, December 8. /TASS/.", "2025-12-08", "December 8", "2025-12-08", "day", "publication-year"},
    {"The talks on December 28 failed.", "2025-01-05", "December 28", "2024-12-28", "day", "publication-year"},
    {"The vote is due on January 15.", "2024-12-28", "January 15", "2025-01-15", "day", "publication-year"},
    {"The war in 2020 changed it.", "2024-11-28", "in 2020", "2020-01-01", "year", "explicit"},
    {"The conflict back in 2020 was short.", "2024-11-28", "back in 2020", "2020-01-01", "year", "explicit"},
    {"Talks began Sept. 9, 2020 in Doha.", "", "Sept. 9, 2020", "2020-09-09", "day", "explicit"},
    {"It landed on May 4 at noon.", "2024-11-28", "May 4", "2024-05-04", "day", "publication-year"},
    {"Protests began in late February.", "2024-11-28", "late February", "2024-02-01", "month", "publication-year"},
    {"He left Aug. 30.", "2024-11-28", "Aug. 30", "2024-08-30", "day", "publication-year"},
    {"Talks began on Tuesday, Dec. 3, in Doha.", "2024-12-05", "on Tuesday, Dec. 3", "2024-12-03", "day", "publication-year"},
    {"It opened on the 28th of November.", "2024-11-30", "28th of November", "2024-11-28", "day", "publication-year"},
    {"Unrest grew in mid-November.", "2024-11-30", "mid-November", "2024-11-01", "month", "publication-year"},
    {"Filed 2024-11-28 in Astana.", "", "2024-11-28", "2024-11-28", "day", "explicit"},
    {"Elections in November 2024 were close.", "", "November 2024", "2024-11-01", "month", "explicit"},
    {"Elections in March were close.", "2024-11-28", "March", "2024-03-01", "month", "publication-year"},
    {"The summit will be held on Thursday, November 28, in Astana.", "2024-11-27", "on Thursday, November 28", "2024-11-28", "day", "publication-year"},
    // No publication date: relative expressions stay unresolved.
    {"They met in Astana on Thursday.", "", "on Thursday", "", "day", "unknown"},
    {"Officials said yesterday.", "", "yesterday", "", "day", "unknown"},
    {"Yerevan suspended it earlier this year.", "", "earlier this year", "", "year", "unknown"},
    {"The summit opened November 28 in Astana.", "", "November 28", "", "day", "unknown"},
    {"The war in 2020 changed it.", "", "in 2020", "2020-01-01", "year", "explicit"},
};

TEST(TextFindDates, Table) {
  for (const Case& c : kCases) {
    std::optional<Date> pub = *c.published ? Date::Parse(c.published) : std::nullopt;
    auto found = FindDates(c.sentence, pub);
    ASSERT_EQ(found.size(), 1u) << c.sentence;
    const DateMention& m = found[0];
    EXPECT_EQ(m.expression, c.expression) << c.sentence;
    EXPECT_EQ(std::string(c.sentence).substr(m.begin, m.end - m.begin), m.expression);
    EXPECT_EQ(m.date ? m.date->ToString() : "", c.date) << c.sentence;
    EXPECT_EQ(m.granularity, c.granularity) << c.sentence;
    EXPECT_EQ(m.source, c.source) << c.sentence;
  }
}

TEST(TextFindDates, NotDates) {
  for (const char* s : {"Members may decide.", "They march on.", "Resolution 2024 passed.", "The 1,200 troops left.", "It was sunday-ish.", "", "A thursday meeting",
                        "Article No. 5 applies.", "The CSTO was set up in 1992x."}) {
    auto found = FindDates(s, Date{2024, 11, 28});
    for (auto& m : found) ADD_FAILURE() << s << " -> " << m.expression;
  }
}

TEST(TextFindDates, SeveralInOneSentence) {
  auto found = FindDates("Signed on Thursday, it replaced the 2020 accord agreed on Nov. 3, 2020 and revised last year.",
                         Date{2024, 11, 28});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].expression, "on Thursday");
  EXPECT_EQ(found[1].expression, "Nov. 3, 2020");
  EXPECT_EQ(found[1].date->ToString(), "2020-11-03");
  EXPECT_EQ(found[2].expression, "last year");
}

TEST(TextFindDates, SeedSentencesResolveAgainstTheHeaderDate) {
  Document d = communique::testing::SeedDocument("000_8a343dba91a3a968.txt");
  Prepare(d);
  int thursdays = 0;
  for (const Sentence& s : d.sentences)
    for (auto& m : FindDates(d.SentenceText(s), d.published)) {
      EXPECT_EQ(m.expression, "on Thursday");
      EXPECT_EQ(m.date->ToString(), "2024-11-28");
      ++thursdays;
    }
  EXPECT_EQ(thursdays, 4);
}

}  // namespace
}  // namespace communique::text
