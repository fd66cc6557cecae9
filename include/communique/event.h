// Events: who did what to whom, when and where, with the evidence that produced them.
// One Event is one line of `communique code` output (see docs/events.md for the JSON schema).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "communique/document.h"

namespace communique {

struct EventActor {
  std::string text;
  std::string code;     // full CAMEO/Phoenix code ("RUSGOV", "IGOEURCSTO")
  std::string country;  // first three letters' meaning: country or transnational code
  std::string sector;   // primary sector ("GOV", "MIL", "REB")
};

struct Location {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3
  double lat = 0;
  double lon = 0;
};

struct Evidence {
  std::string sentence;  // the sentence text
  std::string verb;      // the verb phrase that matched
  std::string pattern;   // the verb pattern, as written in the verb dictionary
  uint32_t begin = 0;    // byte span of the sentence in Document::raw
  uint32_t end = 0;
};

struct Event {
  std::string event_id;  // stable: hash of doc_id, sentence, source, target, code
  std::string doc_id;
  uint32_t sentence = 0;
  std::optional<Date> date;
  std::string date_source = "unknown";  // "text", "publication", "unknown"
  std::optional<EventActor> source;
  std::optional<EventActor> target;
  std::string cameo;   // full code with leading zeros, "036"
  std::string plover;  // PLOVER type or empty (CAMEO 01)
  int quad_class = 0;
  double goldstein = 0;
  std::optional<Location> location;
  std::string url;
  Evidence evidence;
};

std::string EventToJson(const Event& e);
// Appends EventToJson(e) to `out` (no newline): the allocation-free form for writers.
void AppendEventJson(const Event& e, std::string* out);
// Parses one line written by EventToJson; nullopt with `error` set when it is not one.
std::optional<Event> EventFromJson(std::string_view line, std::string* error);

}  // namespace communique
