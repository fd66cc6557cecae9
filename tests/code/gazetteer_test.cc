// Gazetteer: the vendored places (data/gazetteer/places.tsv) load without errors; names resolve
// to the right country and coordinates with capitals and larger places preferred; the event
// location comes from place cues ("in Astana", "Kazakhstan's capital"), never from a country
// that is merely mentioned.
#include "code/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace communique::code {
namespace {

const std::string kData = std::string(COMMUNIQUE_SOURCE_DIR) + "/data";

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto start = std::chrono::steady_clock::now();
    gazetteer_ = new Gazetteer(Gazetteer::LoadDefault(kData, [](const InputError& e) {
      ADD_FAILURE() << "unexpected error: " << e.ToString();
    }));
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
    std::printf("gazetteer: %zu places, %zu names, loaded in %.0f ms\n", gazetteer_->size(),
                gazetteer_->names(), ms);
  }
  static void TearDownTestSuite() { delete gazetteer_; }

  static std::optional<EventLocation> Where(std::string_view sentence) {
    return gazetteer_->FindEventLocation(sentence, Tokenize(sentence));
  }
  static Gazetteer* gazetteer_;
};
Gazetteer* GazetteerTest::gazetteer_ = nullptr;

TEST_F(GazetteerTest, LoadsCountriesCapitalsAndCities) {
  EXPECT_GT(gazetteer_->size(), 20000u);
  ASSERT_NE(gazetteer_->Country("KAZ"), nullptr);
  EXPECT_EQ(gazetteer_->Country("KAZ")->name, "Kazakhstan");
  EXPECT_EQ(gazetteer_->Country("XYZ"), nullptr);
  // Every UN member has a capital with coordinates.
  for (const char* iso3 : {"KAZ", "ARM", "RUS", "BLR", "KGZ", "TJK", "SYR", "AFG", "USA", "FRA"}) {
    const Place* cap = gazetteer_->CapitalOf(iso3);
    ASSERT_NE(cap, nullptr) << iso3;
    EXPECT_EQ(cap->country, iso3);
    EXPECT_EQ(cap->kind, Place::Kind::kCapital);
  }
}

TEST_F(GazetteerTest, AstanaIsKazakhstansCapital) {
  const Place* p = gazetteer_->Lookup("Astana");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Astana");
  EXPECT_EQ(p->country, "KAZ");
  EXPECT_EQ(p->kind, Place::Kind::kCapital);
  EXPECT_NEAR(p->lat, 51.17, 0.2);
  EXPECT_NEAR(p->lon, 71.45, 0.2);
  // Former names and other spellings reach the same place.
  for (const char* name : {"ASTANA", "astana", "Nur-Sultan", "Akmola", "Tselinograd"}) {
    const Place* q = gazetteer_->Lookup(name);
    ASSERT_NE(q, nullptr) << name;
    EXPECT_EQ(q->name, "Astana") << name;
  }
  EXPECT_EQ(gazetteer_->CapitalOf("KAZ"), p);
}

TEST_F(GazetteerTest, CountryNamesAndAdjectives) {
  EXPECT_EQ(gazetteer_->Lookup("Kazakhstan")->country, "KAZ");
  EXPECT_EQ(gazetteer_->Lookup("Republic of Armenia")->country, "ARM");
  EXPECT_EQ(gazetteer_->Lookup("United States")->country, "USA");
  EXPECT_EQ(gazetteer_->Lookup("U.S.")->country, "USA");
  EXPECT_EQ(gazetteer_->Lookup("Russian Federation")->country, "RUS");
  ASSERT_NE(gazetteer_->CountryByAdjective("Kazakh"), nullptr);
  EXPECT_EQ(gazetteer_->CountryByAdjective("Kazakh")->country, "KAZ");
  EXPECT_EQ(gazetteer_->CountryByAdjective("Russian")->country, "RUS");
  EXPECT_EQ(gazetteer_->CountryByAdjective("Armenian")->country, "ARM");
  EXPECT_EQ(gazetteer_->CountryByAdjective("Syrian")->country, "SYR");
  EXPECT_EQ(gazetteer_->CountryByAdjective("blue"), nullptr);
  EXPECT_EQ(gazetteer_->Lookup("Gondor"), nullptr);
}

TEST_F(GazetteerTest, AmbiguousNamesPreferCapitalsAndLargerPlaces) {
  // Moscow (Russia) over Moscow, Idaho; Paris (France) over Paris, Texas.
  EXPECT_EQ(gazetteer_->Lookup("Moscow")->country, "RUS");
  EXPECT_EQ(gazetteer_->Lookup("Paris")->country, "FRA");
  // A capital's other name beats a small town's own name (Washington, Pennsylvania).
  EXPECT_EQ(gazetteer_->Lookup("Washington")->country, "USA");
  EXPECT_EQ(gazetteer_->Lookup("Washington")->kind, Place::Kind::kCapital);
  // Alexandria, Egypt (millions) over Alexandria, Virginia.
  EXPECT_EQ(gazetteer_->Lookup("Alexandria")->country, "EGY");
  // A city's English name beats a smaller town's own name: Geneva (GeoNames "Geneve"), not Illinois.
  EXPECT_EQ(gazetteer_->Lookup("Geneva")->country, "CHE");
  // A country over a city of the same name (Lebanon, Pennsylvania).
  EXPECT_EQ(gazetteer_->Lookup("Lebanon")->kind, Place::Kind::kCountry);
  EXPECT_EQ(gazetteer_->Lookup("Kiev")->name, "Kyiv");
}

TEST_F(GazetteerTest, LongestMatchOverTokens) {
  auto tokens = Tokenize("Talks opened in New York City today");
  auto m = gazetteer_->MatchAt(tokens, 3);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->place->country, "USA");
  EXPECT_EQ(m->first_token, 3u);
  EXPECT_EQ(m->last_token, 6u);
  EXPECT_FALSE(gazetteer_->MatchAt(tokens, 0).has_value());
  EXPECT_FALSE(gazetteer_->MatchAt(tokens, 99).has_value());
}

// Names are keyed at load time by a fast path for plain ASCII names; every place must still be
// found from its own name as the tokenizer splits it in a sentence.
TEST_F(GazetteerTest, EveryPlaceIsFoundFromItsTokenizedName) {
  std::ifstream in(kData + "/gazetteer/places.tsv");
  std::string line;
  size_t checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    std::string name = line.substr(a + 1, b - a - 1);
    auto tokens = Tokenize(name);
    auto m = gazetteer_->MatchAt(tokens, 0);
    ASSERT_TRUE(m.has_value()) << name;
    EXPECT_EQ(m->last_token, tokens.size()) << name;
    ++checked;
  }
  EXPECT_EQ(checked, gazetteer_->size());
}

TEST_F(GazetteerTest, InAstanaFromSeedSentences) {
  for (const char* s : {
           "Military cooperation within CSTO is not directed against third countries and is purely "
           "defensive, according to a joint CSTO declaration signed after a meeting in Astana on "
           "Thursday.",
           "The member states of the Collective Security Treaty Organization (CSTO) have called for "
           "an end to hostilities in the Gaza Strip and the region in general, according to a joint "
           "CSTO declaration signed after a meeting in Astana on Thursday.",
           "The summit of CSTO member countries will be held on Thursday, November 28, in Astana, "
           "the capital of Kazakhstan.",
           "The summit in Astana will focus on the military and political situation in CSTO member "
           "countries and their borders.",
       }) {
    auto loc = Where(s);
    ASSERT_TRUE(loc.has_value()) << s;
    EXPECT_EQ(loc->location.name, "Astana") << s;
    EXPECT_EQ(loc->location.country, "KAZ") << s;
    EXPECT_NEAR(loc->location.lat, 51.17, 0.2);
  }
}

TEST_F(GazetteerTest, CapitalPhrasesResolveToTheCapital) {
  struct Case {
    const char* sentence;
    const char* why_part;
  };
  for (const Case& c : std::vector<Case>{
           {"ISTANBUL (AA) - Kazakhstan\xE2\x80\x99s capital Astana on Thursday hosted a summit of the "
            "Collective Security Treaty Organization (CSTO).",
            "capital"},
           {"Kazakhstan's capital hosted the summit.", "Kazakhstan's capital"},
           {"Leaders gathered in the capital of Kazakhstan on Thursday.", "capital of KAZ"},
           {"The leaders met in the Kazakh capital for two days.", "Kazakh capital"},
           {"The leaders met in the capital, Astana, for two days.", "the capital"},
       }) {
    auto loc = Where(c.sentence);
    ASSERT_TRUE(loc.has_value()) << c.sentence;
    EXPECT_EQ(loc->location.name, "Astana") << c.sentence;
    EXPECT_EQ(loc->location.country, "KAZ") << c.sentence;
    EXPECT_NE(loc->why.find(c.why_part), std::string::npos) << c.sentence << " -> " << loc->why;
  }
  auto loc = Where("Protesters rallied in the Armenian capital.");
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->location.name, "Yerevan");
}

TEST_F(GazetteerTest, CityBeatsCountryAndNearestCountryIsNotTheLocation) {
  auto loc = Where("Leaders met in Astana to discuss the situation in Afghanistan.");
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->location.name, "Astana");
  loc = Where("Fighting continued in Syria near Aleppo on Monday.");
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->location.name, "Aleppo");
  EXPECT_EQ(loc->location.country, "SYR");
  // A country after a preposition is a location when nothing more precise is said.
  loc = Where("Russia delivered humanitarian aid in Syria.");
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->location.name, "Syria");
  EXPECT_EQ(loc->location.country, "SYR");
  loc = Where("Elections were held in the United States.");
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->location.country, "USA");
  loc = Where("Officials met in Astana, Kazakhstan, on Thursday.");
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->location.name, "Astana");
}

TEST_F(GazetteerTest, DatelineGivesTheCity) {
  auto loc = Where("YEREVAN, Nov 28 (Reuters) - Armenia will not attend the summit, officials said.");
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->location.name, "Yerevan");
  EXPECT_EQ(loc->location.country, "ARM");
  EXPECT_NE(loc->why.find("dateline"), std::string::npos);
}

TEST_F(GazetteerTest, NoLocationWithoutAPlaceCue) {
  for (const char* s : {
           "Armenia suspended its participation in the CSTO.",
           "Kazakhstan and Russia signed an agreement.",
           "The decision was made in May after talks in the Astana format.",
           "Officials said the change was welcome in Armenia's view.",
           "They met in Central Asia last year.",
           "Nobody told us about it in advance.",
           "The Secretary-General spoke about Afghanistan at length.",
           "The post CSTO to address Afghanistan's security threats at Summit in June appeared first.",
           "",
       }) {
    auto loc = Where(s);
    EXPECT_FALSE(loc.has_value()) << s << " -> " << (loc ? loc->location.name + " (" + loc->why + ")" : "");
  }
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(GazetteerErrors, MalformedLinesAreReportedWithFileAndLine) {
  std::string path = WriteTemp(
      "places_bad.tsv",
      "# kind\tname\tcountry\tlat\tlon\tpopulation\tgeonames_id\tother_names\tadjectives\n"
      "country\tKazakhstan\tKAZ\t48\t68\t0\t\tQazaqstan\tKazakh\n"
      "capital\tAstana\tKAZ\t51.18\t71.45\t1000000\t1526273\tNur-Sultan|Akmola\t\n"
      "town\tAlmaty\tKAZ\t43.25\t76.92\t2000000\t1526384\t\t\n"
      "city\tShymkent\tKZ\t42.3\t69.6\t1000000\t1518980\t\t\n"
      "city\tKaraganda\tKAZ\t149.8\t73.1\t500000\t609655\t\t\n"
      "city\tAktobe\tKAZ\t50.3\t57.2\tmany\t610611\t\t\n"
      "city\tTaraz\tKAZ\t42.9\n"
      "city\tPavlodar\tKAZ\t52.3\t76.95\t330000\t1520240\t\t\n");
  std::vector<InputError> errors;
  Gazetteer g = Gazetteer::Load(path, [&](const InputError& e) { errors.push_back(e); });
  ASSERT_EQ(errors.size(), 5u);
  for (size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(errors[i].file, path);
    EXPECT_EQ(errors[i].line, 4 + i);
  }
  EXPECT_EQ(g.size(), 3u);
  EXPECT_EQ(g.Lookup("Nur-Sultan")->name, "Astana");
  EXPECT_EQ(g.Lookup("Pavlodar")->country, "KAZ");
  EXPECT_EQ(g.Lookup("Almaty"), nullptr);
  EXPECT_THROW(Gazetteer::Load("/nonexistent/places.tsv", nullptr), std::runtime_error);
}

}  // namespace
}  // namespace communique::code
