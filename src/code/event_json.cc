// Event <-> one JSON object per line, the output format of `communique code` (schema in
// docs/events.md). Input/output: Event structs and single-line JSON strings.
#include <nlohmann/json.hpp>

#include "communique/event.h"

namespace communique {
namespace {

using nlohmann::json;

json ActorToJson(const std::optional<EventActor>& a) {
  if (!a) return nullptr;
  return json{{"text", a->text}, {"code", a->code}, {"country", a->country}, {"sector", a->sector}};
}

// Reads the field `key` of object `j` into `out` when present; a wrong type is an error.
// Missing optional fields keep their defaults; `required` ones are an error when absent.
class Reader {
 public:
  Reader(const json& j, std::string where) : j_(j), where_(std::move(where)) {}

  bool Str(const char* key, std::string* out, bool required = false) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return Missing(key, required);
    if (!it->is_string()) return Fail(key, "a string");
    *out = it->get<std::string>();
    return true;
  }
  bool Num(const char* key, double* out, bool required = false) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return Missing(key, required);
    if (!it->is_number()) return Fail(key, "a number");
    *out = it->get<double>();
    return true;
  }
  template <typename Int>
  bool UInt(const char* key, Int* out, bool required = false) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return Missing(key, required);
    if (!it->is_number_unsigned() || it->get<uint64_t>() > std::numeric_limits<Int>::max())
      return Fail(key, "a non-negative integer");
    *out = static_cast<Int>(it->get<uint64_t>());
    return true;
  }
  bool Int(const char* key, int* out, bool required = false) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return Missing(key, required);
    if (!it->is_number_integer()) return Fail(key, "an integer");
    *out = it->get<int>();
    return true;
  }
  // The nested object `key`, or nullptr when absent/null; sets an error for a non-object.
  const json* Obj(const char* key) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return nullptr;
    if (!it->is_object()) {
      Fail(key, "an object or null");
      return nullptr;
    }
    return &*it;
  }

  const std::string& error() const { return error_; }
  bool ok() const { return error_.empty(); }

 private:
  bool Missing(const char* key, bool required) {
    if (required && error_.empty()) error_ = "missing field \"" + where_ + key + "\"";
    return !required;
  }
  bool Fail(const char* key, const char* expected) {
    if (error_.empty()) error_ = "field \"" + where_ + key + "\" must be " + expected;
    return false;
  }

  const json& j_;
  std::string where_;
  std::string error_;
};

bool ReadActor(Reader& top, const char* key, std::optional<EventActor>* out, std::string* error) {
  const json* obj = top.Obj(key);
  if (!top.ok()) return false;
  if (!obj) return true;
  Reader r(*obj, std::string(key) + ".");
  EventActor a;
  r.Str("text", &a.text);
  r.Str("code", &a.code);
  r.Str("country", &a.country);
  r.Str("sector", &a.sector);
  if (!r.ok()) {
    *error = r.error();
    return false;
  }
  *out = std::move(a);
  return true;
}

}  // namespace

std::string EventToJson(const Event& e) {
  json j;
  j["event_id"] = e.event_id;
  j["doc_id"] = e.doc_id;
  j["sentence"] = e.sentence;
  j["date"] = e.date ? json(e.date->ToString()) : json(nullptr);
  j["date_source"] = e.date_source;
  j["source"] = ActorToJson(e.source);
  j["target"] = ActorToJson(e.target);
  j["cameo"] = e.cameo;
  j["plover"] = e.plover.empty() ? json(nullptr) : json(e.plover);
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  if (e.location) {
    j["location"] = json{{"name", e.location->name},
                         {"country", e.location->country},
                         {"lat", e.location->lat},
                         {"lon", e.location->lon}};
  } else {
    j["location"] = nullptr;
  }
  j["url"] = e.url;
  j["evidence"] = json{{"sentence", e.evidence.sentence},
                       {"verb", e.evidence.verb},
                       {"pattern", e.evidence.pattern},
                       {"span", json::array({e.evidence.begin, e.evidence.end})}};
  // Text from the web may carry invalid UTF-8; replace it (U+FFFD) rather than fail the batch.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<Event> EventFromJson(std::string_view line, std::string* error) {
  std::string scratch;
  if (!error) error = &scratch;
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    *error = "not valid JSON";
    return std::nullopt;
  }
  if (!j.is_object()) {
    *error = "not a JSON object";
    return std::nullopt;
  }
  Event e;
  Reader r(j, "");
  r.Str("event_id", &e.event_id, true);
  r.Str("doc_id", &e.doc_id, true);
  r.UInt("sentence", &e.sentence, true);
  r.Str("cameo", &e.cameo, true);
  std::string date;
  if (r.Str("date", &date) && !date.empty()) {
    e.date = Date::Parse(date);
    if (!e.date || date.size() != 10) {
      *error = "field \"date\" must be YYYY-MM-DD or null, got \"" + date + "\"";
      return std::nullopt;
    }
  }
  r.Str("date_source", &e.date_source);
  r.Str("plover", &e.plover);
  r.Int("quad_class", &e.quad_class);
  r.Num("goldstein", &e.goldstein);
  r.Str("url", &e.url);
  if (!r.ok()) {
    *error = r.error();
    return std::nullopt;
  }
  if (!ReadActor(r, "source", &e.source, error) || !ReadActor(r, "target", &e.target, error)) {
    if (!r.ok()) *error = r.error();
    return std::nullopt;
  }
  if (const json* loc = r.Obj("location")) {
    Reader lr(*loc, "location.");
    Location l;
    lr.Str("name", &l.name);
    lr.Str("country", &l.country);
    lr.Num("lat", &l.lat, true);
    lr.Num("lon", &l.lon, true);
    if (!lr.ok()) {
      *error = lr.error();
      return std::nullopt;
    }
    e.location = std::move(l);
  }
  if (const json* ev = r.Obj("evidence")) {
    Reader er(*ev, "evidence.");
    er.Str("sentence", &e.evidence.sentence);
    er.Str("verb", &e.evidence.verb);
    er.Str("pattern", &e.evidence.pattern);
    if (!er.ok()) {
      *error = er.error();
      return std::nullopt;
    }
    auto span = ev->find("span");
    if (span != ev->end() && !span->is_null()) {
      if (!span->is_array() || span->size() != 2 || !(*span)[0].is_number_unsigned() ||
          !(*span)[1].is_number_unsigned() ||
          (*span)[0].get<uint64_t>() > (*span)[1].get<uint64_t>() ||
          (*span)[1].get<uint64_t>() > std::numeric_limits<uint32_t>::max()) {
        *error = "field \"evidence.span\" must be [begin, end] byte offsets with begin <= end";
        return std::nullopt;
      }
      e.evidence.begin = (*span)[0].get<uint32_t>();
      e.evidence.end = (*span)[1].get<uint32_t>();
    }
  }
  if (!r.ok()) {
    *error = r.error();
    return std::nullopt;
  }
  return e;
}

}  // namespace communique
