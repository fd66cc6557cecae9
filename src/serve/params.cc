// Validation of API request parameters (see params.h): every value is checked for shape and
// range before it becomes part of a store request.
#include "serve/params.h"

#include <algorithm>
#include <charconv>

namespace communique::serve {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// The single value of a parameter; a parameter that may not repeat is an error when it does.
std::optional<std::string> One(const Params& params, const std::string& name) {
  auto [lo, hi] = params.equal_range(name);
  if (lo == hi) return std::nullopt;
  if (std::next(lo) != hi) throw ParamError("parameter '" + name + "' given more than once");
  return lo->second;
}

// Every value of a repeatable, comma-separated parameter, empty items dropped.
std::vector<std::string> Many(const Params& params, const std::string& name) {
  std::vector<std::string> out;
  auto [lo, hi] = params.equal_range(name);
  for (auto it = lo; it != hi; ++it) {
    std::string_view v = it->second;
    while (!v.empty()) {
      size_t comma = v.find(',');
      std::string_view item = v.substr(0, comma);
      if (!item.empty()) out.emplace_back(item);
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
  }
  if (out.size() > 50) throw ParamError("parameter '" + name + "' has more than 50 values");
  return out;
}

uint64_t Unsigned(std::string_view name, std::string_view value, uint64_t min, uint64_t max) {
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    throw ParamError("parameter '" + std::string(name) + "' must be a whole number, got '" +
                     std::string(value) + "'");
  }
  if (n < min || n > max) {
    throw ParamError("parameter '" + std::string(name) + "' must be between " +
                     std::to_string(min) + " and " + std::to_string(max));
  }
  return n;
}

std::optional<Date> DateParam(const Params& params, const std::string& name) {
  auto v = One(params, name);
  if (!v || v->empty()) return std::nullopt;
  auto d = Date::Parse(*v);
  if (!d || v->size() > 10) {
    throw ParamError("parameter '" + name + "' must be a date YYYY-MM-DD, got '" + *v + "'");
  }
  return d;
}

std::string Country(std::string_view value) {
  if (value.size() != 3 || !std::all_of(value.begin(), value.end(), IsAsciiAlnum)) {
    throw ParamError("parameter 'country' must be a 3-letter code, got '" + std::string(value) +
                     "'");
  }
  return Upper(value);
}

// Free text (evidence search, outlet): bounded length and no control characters.
std::string PlainText(std::string_view name, std::string_view value) {
  if (value.size() > kMaxTextLength) {
    throw ParamError("parameter '" + std::string(name) + "' is longer than " +
                     std::to_string(kMaxTextLength) + " bytes");
  }
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) {
      throw ParamError("parameter '" + std::string(name) + "' contains a control character");
    }
  }
  return std::string(value);
}

const std::vector<std::string_view> kFilterParams = {
    "actor", "country", "source", "target", "dyad", "cameo", "plover",
    "quad",  "from",    "to",     "text",   "outlet", "doc"};

std::vector<std::string_view> With(std::vector<std::string_view> base,
                                   std::initializer_list<std::string_view> more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

}  // namespace

std::string ParseActorCode(std::string_view what, std::string_view value) {
  if (value.empty() || value.size() > 40 ||
      !std::all_of(value.begin(), value.end(), IsAsciiAlnum)) {
    throw ParamError(std::string(what) + " must be an actor code (letters and digits, at most 40), got '" +
                     std::string(value.substr(0, 60)) + "'");
  }
  return Upper(value);
}

void RejectUnknown(const Params& params, const std::vector<std::string_view>& allowed) {
  for (const auto& [name, value] : params) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw ParamError("unknown parameter '" + name.substr(0, 60) + "'");
    }
  }
}

store::QueryFilter ParseFilter(const Params& params) {
  store::QueryFilter f;
  for (const auto& a : Many(params, "actor")) f.actors.push_back(ParseActorCode("parameter 'actor'", a));
  for (const auto& c : Many(params, "country")) f.countries.push_back(Country(c));
  if (auto v = One(params, "source"); v && !v->empty()) f.source = ParseActorCode("parameter 'source'", *v);
  if (auto v = One(params, "target"); v && !v->empty()) f.target = ParseActorCode("parameter 'target'", *v);
  if (auto v = One(params, "dyad"); v && !v->empty()) {
    size_t dash = v->find('-');
    if (dash == std::string::npos || v->find('-', dash + 1) != std::string::npos) {
      throw ParamError("parameter 'dyad' must be SOURCE-TARGET, got '" + v->substr(0, 60) + "'");
    }
    if (!f.source.empty() || !f.target.empty()) {
      throw ParamError("parameter 'dyad' cannot be combined with 'source' or 'target'");
    }
    // Either side may be empty: "RUS-" is every event with a Russian source.
    std::string_view s = std::string_view(*v).substr(0, dash);
    std::string_view t = std::string_view(*v).substr(dash + 1);
    if (!s.empty()) f.source = ParseActorCode("parameter 'dyad' (source)", s);
    if (!t.empty()) f.target = ParseActorCode("parameter 'dyad' (target)", t);
  }
  if (auto v = One(params, "cameo"); v && !v->empty()) {
    if (v->size() > 4 || !std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; })) {
      throw ParamError("parameter 'cameo' must be a CAMEO code prefix of 1 to 4 digits, got '" +
                       v->substr(0, 60) + "'");
    }
    f.cameo_prefix = *v;
  }
  if (auto v = One(params, "plover"); v && !v->empty()) {
    if (v->size() > 20 || !std::all_of(v->begin(), v->end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        })) {
      throw ParamError("parameter 'plover' must be a PLOVER event type such as CONSULT, got '" +
                       v->substr(0, 60) + "'");
    }
    f.plover = Upper(*v);
  }
  if (auto v = One(params, "quad"); v && !v->empty()) {
    f.quad_class = static_cast<int>(Unsigned("quad", *v, 1, 4));
  }
  f.from = DateParam(params, "from");
  f.to = DateParam(params, "to");
  if (f.from && f.to && *f.to < *f.from) {
    throw ParamError("parameter 'to' is before 'from'");
  }
  // A date range selects dated events only; with `to` alone the store would also count the
  // undated ones (they sort before every date), so the range gets a lower bound of its own.
  if (f.to && !f.from) f.from = Date{1, 1, 1};
  if (auto v = One(params, "text"); v) f.text = PlainText("text", *v);
  if (auto v = One(params, "outlet"); v && !v->empty()) {
    f.outlet = PlainText("outlet", *v);
    for (char& c : f.outlet) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  if (auto v = One(params, "doc"); v && !v->empty()) f.doc_id = PlainText("doc", *v);
  return f;
}

store::QueryFilter ParseEventQuery(const Params& params) {
  RejectUnknown(params, With(kFilterParams, {"sort", "limit", "offset"}));
  store::QueryFilter f = ParseFilter(params);
  f.sort = store::SortField::kDate;
  f.descending = true;  // newest first unless asked otherwise
  if (auto v = One(params, "sort"); v && !v->empty()) {
    std::string_view name = *v;
    bool desc = false;
    if (name.front() == '-') {
      desc = true;
      name.remove_prefix(1);
    } else if (name.front() == '+') {
      name.remove_prefix(1);
    }
    auto field = store::ParseSortField(std::string(name));
    if (!field) {
      throw ParamError("parameter 'sort' must be date, goldstein, mentions, sources or id (prefix - "
                       "for descending), got '" + v->substr(0, 60) + "'");
    }
    f.sort = *field;
    f.descending = desc;
  }
  f.limit = kDefaultPageSize;
  if (auto v = One(params, "limit")) f.limit = static_cast<uint32_t>(Unsigned("limit", *v, 1, kMaxPageSize));
  if (auto v = One(params, "offset")) f.offset = Unsigned("offset", *v, 0, kMaxOffset);
  return f;
}

store::AggregateRequest ParseAggregateQuery(const Params& params) {
  RejectUnknown(params, With(kFilterParams, {"group", "period", "limit"}));
  store::AggregateRequest r;
  r.filter = ParseFilter(params);
  r.group = store::GroupBy::kDyad;
  r.period = store::Period::kMonth;
  if (auto v = One(params, "group"); v && !v->empty()) {
    auto g = store::ParseGroupBy(*v);
    if (!g) {
      throw ParamError("parameter 'group' must be dyad, quad, cameo, period, actor, source or "
                       "target, got '" + v->substr(0, 60) + "'");
    }
    r.group = *g;
  }
  if (auto v = One(params, "period"); v && !v->empty()) {
    auto p = store::ParsePeriod(*v);
    if (!p) {
      throw ParamError("parameter 'period' must be day, week, month, year or none, got '" +
                       v->substr(0, 60) + "'");
    }
    r.period = *p;
  }
  if (r.group == store::GroupBy::kPeriod && r.period == store::Period::kNone) {
    throw ParamError("group=period needs a period other than none");
  }
  r.limit = 1000;
  if (auto v = One(params, "limit")) r.limit = static_cast<uint32_t>(Unsigned("limit", *v, 1, kMaxAggregateRows));
  return r;
}

ActorSearch ParseActorSearch(const Params& params) {
  RejectUnknown(params, {"q", "limit"});
  ActorSearch s;
  if (auto v = One(params, "q")) s.text = PlainText("q", *v);
  if (auto v = One(params, "limit")) s.limit = static_cast<uint32_t>(Unsigned("limit", *v, 1, 200));
  return s;
}

TimelineQuery ParseTimelineQuery(std::string_view code, const Params& params) {
  RejectUnknown(params, {"from", "to", "members", "all_member_events", "limit"});
  TimelineQuery q;
  if (auto v = One(params, "limit")) q.limit = static_cast<uint32_t>(Unsigned("limit", *v, 1, 10000));
  store::TimelineRequest& r = q.request;
  r.code = ParseActorCode("organization code", code);
  r.from = DateParam(params, "from");
  r.to = DateParam(params, "to");
  if (r.from && r.to && *r.to < *r.from) throw ParamError("parameter 'to' is before 'from'");
  for (const auto& m : Many(params, "members")) {
    if (m.size() != 3 || !std::all_of(m.begin(), m.end(), IsAsciiAlnum)) {
      throw ParamError("parameter 'members' must list 3-letter country codes, got '" +
                       m.substr(0, 60) + "'");
    }
    r.members.push_back(Upper(m));
  }
  if (auto v = One(params, "all_member_events"); v) {
    if (*v == "1" || *v == "true") {
      r.members_only_with_org = false;
    } else if (*v != "0" && *v != "false") {
      throw ParamError("parameter 'all_member_events' must be true or false");
    }
  }
  return q;
}

}  // namespace communique::serve
