// Event <-> one JSON object per line, the output format of `communique code` (schema in
// docs/events.md). Input/output: Event structs and single-line JSON strings.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "communique/event.h"

namespace communique {
namespace {

using nlohmann::json;

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

// JSON text for the event writer: strings escaped as RFC 8259 requires, invalid UTF-8 replaced by
// U+FFFD (text from the web may carry it; one bad byte must not fail the batch), numbers in the
// shortest form that reads back to the same double.
struct JsonWriter {
  std::string* out;

  void Key(std::string_view k, bool first = false) {
    if (!first) out->push_back(',');
    out->push_back('"');
    out->append(k);
    out->append("\":");
  }
  void Null() { out->append("null"); }
  void UInt(uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out->append(buf, r.ptr);
  }
  void Int(int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out->append(buf, r.ptr);
  }
  void Num(double v) {
    if (!std::isfinite(v)) return Null();
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view s(buf, r.ptr - buf);
    out->append(s);
    // A whole number still reads as a float ("2.0"), as JSON DOM writers print doubles.
    if (s.find_first_of(".e") == std::string_view::npos) out->append(".0");
  }
  void Actor(const std::optional<EventActor>& a) {
    if (!a) return Null();
    out->push_back('{');
    Key("code", true), Str(a->code);
    Key("country"), Str(a->country);
    Key("sector"), Str(a->sector);
    Key("text"), Str(a->text);
    out->push_back('}');
  }
  void Str(std::string_view s) {
    out->push_back('"');
    size_t i = 0, plain = 0;
    auto flush = [&] {
      out->append(s.data() + plain, i - plain);
    };
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      if (c >= 0x80) {
        size_t n = ValidUtf8(s, i);
        if (n > 0) {
          i += n;
          continue;
        }
        flush();
        out->append("\xEF\xBF\xBD");
        i += InvalidLength(s, i);
        plain = i;
        continue;
      }
      flush();
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\b': out->append("\\b"); break;
        case '\f': out->append("\\f"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out->append(u, 6);
        }
      }
      plain = ++i;
    }
    flush();
    out->push_back('"');
  }

  // Length of the well-formed UTF-8 sequence starting at s[i] (Unicode table 3-7), 0 if none.
  static size_t ValidUtf8(std::string_view s, size_t i) {
    size_t n = WellFormedPrefix(s, i);
    return n == SequenceLength(static_cast<unsigned char>(s[i])) ? n : 0;
  }
  // Bytes to replace by one U+FFFD: the longest prefix of a well-formed sequence, at least one.
  static size_t InvalidLength(std::string_view s, size_t i) { return std::max<size_t>(1, WellFormedPrefix(s, i)); }
  static size_t SequenceLength(unsigned char c) {
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
  }
  static size_t WellFormedPrefix(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = SequenceLength(c);
    if (len == 0) return 0;
    // The second byte's range depends on the lead byte (no overlongs, surrogates or > U+10FFFF).
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    size_t n = 1;
    for (; n < len && i + n < s.size(); ++n) {
      unsigned char b = static_cast<unsigned char>(s[i + n]);
      if (b < lo || b > hi) break;
      lo = 0x80, hi = 0xBF;
    }
    return n;
  }
};

}  // namespace

void AppendEventJson(const Event& e, std::string* out) {
  // Written directly rather than through a JSON DOM: this is the coder's output path, one object
  // per event. Keys in byte order, as a std::map-backed DOM would print them, so the format does
  // not depend on the writer.
  JsonWriter w{out};
  out->push_back('{');
  w.Key("cameo", true), w.Str(e.cameo);
  w.Key("date");
  if (e.date) {
    w.Str(e.date->ToString());
  } else {
    w.Null();
  }
  w.Key("date_source"), w.Str(e.date_source);
  w.Key("doc_id"), w.Str(e.doc_id);
  w.Key("event_id"), w.Str(e.event_id);
  w.Key("evidence"), out->push_back('{');
  w.Key("pattern", true), w.Str(e.evidence.pattern);
  w.Key("sentence"), w.Str(e.evidence.sentence);
  w.Key("span"), out->push_back('['), w.UInt(e.evidence.begin), out->push_back(','), w.UInt(e.evidence.end),
      out->push_back(']');
  w.Key("verb"), w.Str(e.evidence.verb);
  out->push_back('}');
  w.Key("goldstein"), w.Num(e.goldstein);
  w.Key("location");
  if (e.location) {
    out->push_back('{');
    w.Key("country", true), w.Str(e.location->country);
    w.Key("lat"), w.Num(e.location->lat);
    w.Key("lon"), w.Num(e.location->lon);
    w.Key("name"), w.Str(e.location->name);
    out->push_back('}');
  } else {
    w.Null();
  }
  w.Key("plover");
  if (e.plover.empty()) {
    w.Null();
  } else {
    w.Str(e.plover);
  }
  w.Key("quad_class"), w.Int(e.quad_class);
  w.Key("sentence"), w.UInt(e.sentence);
  w.Key("source"), w.Actor(e.source);
  w.Key("target"), w.Actor(e.target);
  w.Key("url"), w.Str(e.url);
  out->push_back('}');
}

std::string EventToJson(const Event& e) {
  std::string out;
  out.reserve(256 + e.evidence.sentence.size());
  AppendEventJson(e, &out);
  return out;
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
