// Event JSON lines: round trip through EventToJson/EventFromJson, the exact key set of the
// documented schema (docs/events.md), the fields the scorer reads, and rejection of bad lines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "communique/event.h"

namespace communique {
namespace {

using nlohmann::json;

Event FullEvent() {
  Event e;
  e.event_id = "ev-3f2a9c01d4e5b6a7";
  e.doc_id = "000_8a343dba91a3a968";
  e.sentence = 3;
  e.date = Date{2024, 11, 28};
  e.date_source = "text";
  e.source = EventActor{"Kazakhstan", "KAZGOV", "KAZ", "GOV"};
  e.target = EventActor{"the CSTO", "IGOEURCSTO", "IGO", ""};
  e.cameo = "042";
  e.plover = "CONSULT";
  e.quad_class = 1;
  e.goldstein = 1.9;
  e.location = Location{"Astana", "KAZ", 51.1801, 71.44598};
  e.url = "https://example.org/csto-summit";
  e.evidence.sentence = "Kazakhstan hosted the CSTO summit in Astana on Thursday.";
  e.evidence.verb = "hosted";
  e.evidence.pattern = "- * SUMMIT [043]";
  e.evidence.begin = 120;
  e.evidence.end = 176;
  return e;
}

void ExpectSameEvent(const Event& a, const Event& b) {
  EXPECT_EQ(a.event_id, b.event_id);
  EXPECT_EQ(a.doc_id, b.doc_id);
  EXPECT_EQ(a.sentence, b.sentence);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.date_source, b.date_source);
  ASSERT_EQ(a.source.has_value(), b.source.has_value());
  if (a.source) {
    EXPECT_EQ(a.source->text, b.source->text);
    EXPECT_EQ(a.source->code, b.source->code);
    EXPECT_EQ(a.source->country, b.source->country);
    EXPECT_EQ(a.source->sector, b.source->sector);
  }
  ASSERT_EQ(a.target.has_value(), b.target.has_value());
  if (a.target) {
    EXPECT_EQ(a.target->text, b.target->text);
    EXPECT_EQ(a.target->code, b.target->code);
    EXPECT_EQ(a.target->country, b.target->country);
    EXPECT_EQ(a.target->sector, b.target->sector);
  }
  EXPECT_EQ(a.cameo, b.cameo);
  EXPECT_EQ(a.plover, b.plover);
  EXPECT_EQ(a.quad_class, b.quad_class);
  EXPECT_EQ(a.goldstein, b.goldstein);  // exact: JSON doubles round-trip
  ASSERT_EQ(a.location.has_value(), b.location.has_value());
  if (a.location) {
    EXPECT_EQ(a.location->name, b.location->name);
    EXPECT_EQ(a.location->country, b.location->country);
    EXPECT_EQ(a.location->lat, b.location->lat);
    EXPECT_EQ(a.location->lon, b.location->lon);
  }
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.evidence.sentence, b.evidence.sentence);
  EXPECT_EQ(a.evidence.verb, b.evidence.verb);
  EXPECT_EQ(a.evidence.pattern, b.evidence.pattern);
  EXPECT_EQ(a.evidence.begin, b.evidence.begin);
  EXPECT_EQ(a.evidence.end, b.evidence.end);
}

TEST(EventJson, RoundTripFullEvent) {
  Event e = FullEvent();
  std::string line = EventToJson(e);
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one event per line";
  std::string error;
  auto back = EventFromJson(line, &error);
  ASSERT_TRUE(back.has_value()) << error;
  ExpectSameEvent(e, *back);
  EXPECT_EQ(EventToJson(*back), line);
}

TEST(EventJson, RoundTripSparseEvent) {
  Event e;
  e.event_id = "ev-1";
  e.doc_id = "d";
  e.cameo = "010";  // a statement: no PLOVER type, no target, no date, no place
  e.quad_class = 1;
  e.source = EventActor{"Armenia", "ARM", "ARM", ""};
  std::string error;
  auto back = EventFromJson(EventToJson(e), &error);
  ASSERT_TRUE(back.has_value()) << error;
  ExpectSameEvent(e, *back);
}

TEST(EventJson, ExactSchema) {
  json j = json::parse(EventToJson(FullEvent()));
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items()) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"cameo", "date", "date_source", "doc_id", "event_id",
                                            "evidence", "goldstein", "location", "plover",
                                            "quad_class", "sentence", "source", "target", "url"}));
  EXPECT_EQ(j["date"], "2024-11-28");
  EXPECT_TRUE(j["sentence"].is_number_unsigned());
  EXPECT_EQ(j["sentence"], 3);
  EXPECT_EQ(j["source"], (json{{"text", "Kazakhstan"}, {"code", "KAZGOV"}, {"country", "KAZ"},
                               {"sector", "GOV"}}));
  EXPECT_EQ(j["location"],
            (json{{"name", "Astana"}, {"country", "KAZ"}, {"lat", 51.1801}, {"lon", 71.44598}}));
  EXPECT_EQ(j["evidence"]["span"], json::array({120, 176}));
  EXPECT_EQ(j["evidence"].size(), 4u);
  EXPECT_TRUE(j["quad_class"].is_number_integer());
  EXPECT_TRUE(j["goldstein"].is_number_float());
}

TEST(EventJson, NullsForAbsentParts) {
  Event e;
  e.event_id = "x";
  e.doc_id = "d";
  e.cameo = "012";
  json j = json::parse(EventToJson(e));
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["source"].is_null());
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_TRUE(j["plover"].is_null());  // empty PLOVER type is null, not ""
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_EQ(j["date_source"], "unknown");
}

// What ../shared/eval/score.py reads from a system line: doc_id (string), source/target as
// {"code": ...} or null, cameo as a string with leading zeros, plover as one of the 16 types or null.
TEST(EventJson, ScorerFacingFields) {
  Event e = FullEvent();
  e.doc_id = "gsr-00ce3b93c4";
  e.source = EventActor{"rebels", "AFGREB", "AFG", "REB"};
  e.target = EventActor{"Afghanistan", "AFG", "AFG", ""};
  e.cameo = "0841";
  e.plover = "RETREAT";
  json j = json::parse(EventToJson(e));
  EXPECT_TRUE(j["doc_id"].is_string());
  EXPECT_EQ(j["doc_id"], "gsr-00ce3b93c4");
  ASSERT_TRUE(j["source"].is_object());
  EXPECT_EQ(j["source"]["code"], "AFGREB");
  EXPECT_EQ(j["target"]["code"], "AFG");
  ASSERT_TRUE(j["cameo"].is_string());
  EXPECT_EQ(j["cameo"], "0841");
  EXPECT_EQ(j["plover"], "RETREAT");

  e.cameo = "036";
  e.target.reset();
  j = json::parse(EventToJson(e));
  EXPECT_EQ(j["cameo"], "036") << "leading zero kept";
  EXPECT_TRUE(j["target"].is_null());
}

TEST(EventJson, InvalidUtf8IsReplacedNotFatal) {
  Event e = FullEvent();
  e.evidence.sentence = "bad \xff byte";
  std::string line = EventToJson(e);
  json j = json::parse(line);
  EXPECT_EQ(j["evidence"]["sentence"], "bad \xEF\xBF\xBD byte");
}

// The writer prints what a JSON DOM (nlohmann, keys sorted, invalid UTF-8 replaced) prints for the
// same event: key order, escapes, number forms and U+FFFD replacement, on random text.
TEST(EventJson, WriterMatchesAJsonDom) {
  auto dom = [](const Event& e) {
    auto actor = [](const std::optional<EventActor>& a) -> json {
      if (!a) return nullptr;
      return json{{"text", a->text}, {"code", a->code}, {"country", a->country}, {"sector", a->sector}};
    };
    json j;
    j["event_id"] = e.event_id;
    j["doc_id"] = e.doc_id;
    j["sentence"] = e.sentence;
    j["date"] = e.date ? json(e.date->ToString()) : json(nullptr);
    j["date_source"] = e.date_source;
    j["source"] = actor(e.source);
    j["target"] = actor(e.target);
    j["cameo"] = e.cameo;
    j["plover"] = e.plover.empty() ? json(nullptr) : json(e.plover);
    j["quad_class"] = e.quad_class;
    j["goldstein"] = e.goldstein;
    j["location"] = e.location ? json{{"name", e.location->name}, {"country", e.location->country},
                                      {"lat", e.location->lat}, {"lon", e.location->lon}}
                               : json(nullptr);
    j["url"] = e.url;
    j["evidence"] = json{{"sentence", e.evidence.sentence}, {"verb", e.evidence.verb},
                         {"pattern", e.evidence.pattern},
                         {"span", json::array({e.evidence.begin, e.evidence.end})}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  EXPECT_EQ(EventToJson(FullEvent()), dom(FullEvent()));
  uint64_t seed = 42;
  auto next = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(seed >> 33);
  };
  // Bytes drawn mostly from the interesting ranges: controls, quotes, UTF-8 leads and
  // continuations (valid and broken sequences), ASCII.
  auto text = [&] {
    static const unsigned char kBytes[] = {0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, '"', '\\',
                                           '/', 'a', ' ', 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2,
                                           0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
    std::string s;
    for (uint32_t n = next() % 12; n > 0; --n) s.push_back(static_cast<char>(kBytes[next() % sizeof kBytes]));
    return s;
  };
  const double kNumbers[] = {0, 1, -2, 1.9, -10, 3.4, 51.1801, 71.44598, -0.5, 1e-7, 1e20, 123456789.125};
  for (int i = 0; i < 20000; ++i) {
    Event e = FullEvent();
    e.evidence.sentence = text();
    e.evidence.verb = text();
    e.doc_id = text();
    e.url = text();
    e.source->text = text();
    e.goldstein = kNumbers[next() % std::size(kNumbers)];
    e.location->lat = kNumbers[next() % std::size(kNumbers)];
    if (next() % 3 == 0) e.target.reset();
    if (next() % 3 == 0) e.location.reset();
    if (next() % 3 == 0) e.plover.clear();
    if (next() % 3 == 0) e.date.reset();
    e.quad_class = static_cast<int>(next() % 9) - 4;
    ASSERT_EQ(EventToJson(e), dom(e)) << "case " << i;
  }
}

TEST(EventJson, RejectsBadLines) {
  std::string good = EventToJson(FullEvent());
  struct Case {
    std::string line;
    std::string error_part;
  };
  auto with = [&](const char* key, json value) {
    json j = json::parse(good);
    j[key] = value;
    return j.dump();
  };
  auto without = [&](const char* key) {
    json j = json::parse(good);
    j.erase(key);
    return j.dump();
  };
  std::vector<Case> cases = {
      {"", "not valid JSON"},
      {"{\"event_id\": ", "not valid JSON"},
      {"[1, 2]", "not a JSON object"},
      {without("doc_id"), "doc_id"},
      {without("cameo"), "cameo"},
      {with("cameo", 36), "cameo"},
      {with("sentence", -1), "sentence"},
      {with("date", "28/11/2024"), "date"},
      {with("date", "2024-02-30"), "date"},
      {with("source", "KAZ"), "source"},
      {with("target", json{{"code", 5}}), "target.code"},
      {with("location", json{{"name", "Astana"}}), "location.lat"},
      {with("evidence", json{{"span", {5, 2}}}), "evidence.span"},
      {with("evidence", json{{"span", {1}}}), "evidence.span"},
      {with("goldstein", "high"), "goldstein"},
  };
  for (const auto& c : cases) {
    std::string error;
    EXPECT_FALSE(EventFromJson(c.line, &error).has_value()) << c.line;
    EXPECT_NE(error.find(c.error_part), std::string::npos) << c.line << " -> " << error;
  }
  EXPECT_FALSE(EventFromJson("nope", nullptr).has_value());  // null error pointer is allowed
}

}  // namespace
}  // namespace communique
