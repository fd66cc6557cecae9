// Store results as JSON for the HTTP API, with highlight spans for evidence sentences.
#include "serve/views.h"

#include "store/render.h"

#include <algorithm>

namespace communique::serve {
namespace {

using nlohmann::json;

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// First occurrence of `needle` in `hay` at or after `from` that does not overlap `taken`;
// exact match preferred, then ASCII case-insensitive.
std::optional<size_t> FindFree(std::string_view hay, std::string_view needle,
                               const std::vector<Highlight>& taken) {
  auto free = [&](size_t at) {
    for (const auto& h : taken) {
      if (at < h.end && h.begin < at + needle.size()) return false;
    }
    return true;
  };
  for (size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) {
    if (free(at)) return at;
  }
  auto it = hay.begin();
  while (true) {
    it = std::search(it, hay.end(), needle.begin(), needle.end(),
                     [](char a, char b) { return Lower(a) == Lower(b); });
    if (it == hay.end()) return std::nullopt;
    size_t at = static_cast<size_t>(it - hay.begin());
    if (free(at)) return at;
    ++it;
  }
}

json HighlightsJson(const std::vector<Highlight>& hs) {
  json out = json::array();
  for (const auto& h : hs) out.push_back({{"role", h.role}, {"begin", h.begin}, {"end", h.end}});
  return out;
}

}  // namespace

std::vector<Highlight> FindHighlights(std::string_view sentence, std::string_view source,
                                      std::string_view verb, std::string_view target) {
  std::vector<Highlight> out;
  // Actors first: they are longer and rarer than a verb, so they anchor better.
  const std::pair<std::string_view, std::string_view> roles[] = {
      {"source", source}, {"target", target}, {"verb", verb}};
  for (const auto& [role, words] : roles) {
    if (words.empty() || words.size() > sentence.size()) continue;
    if (auto at = FindFree(sentence, words, out)) out.push_back({role, *at, *at + words.size()});
  }
  std::sort(out.begin(), out.end(), [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
  return out;
}

std::string_view GroupName(store::GroupBy g) {
  switch (g) {
    case store::GroupBy::kDyad: return "dyad";
    case store::GroupBy::kQuadClass: return "quad";
    case store::GroupBy::kCameoRoot: return "cameo";
    case store::GroupBy::kPeriod: return "period";
    case store::GroupBy::kActor: return "actor";
    case store::GroupBy::kSource: return "source";
    case store::GroupBy::kTarget: return "target";
  }
  return "";
}

std::string_view PeriodName(store::Period p) {
  switch (p) {
    case store::Period::kNone: return "none";
    case store::Period::kDay: return "day";
    case store::Period::kWeek: return "week";
    case store::Period::kMonth: return "month";
    case store::Period::kYear: return "year";
  }
  return "";
}

std::string_view SortName(store::SortField s) {
  switch (s) {
    case store::SortField::kDate: return "date";
    case store::SortField::kGoldstein: return "goldstein";
    case store::SortField::kMentions: return "mentions";
    case store::SortField::kSources: return "sources";
    case store::SortField::kId: return "id";
  }
  return "";
}

json ToJson(const store::ActorRef& a) {
  return {{"code", a.code}, {"country", a.country}, {"name", a.name}};
}

json ToJson(const store::EventRow& e) { return store::EventJson(e); }

json ToJson(const store::MentionRow& m) {
  return {{"event_id", m.event_id},
          {"event_uid", m.event_uid},
          {"doc_id", m.doc_id},
          {"url", m.url},
          {"outlet", m.outlet},
          {"published", DateOrNull(m.published)},
          {"sentence", m.sentence},
          {"date_source", m.date_source},
          {"source_text", m.source_text},
          {"target_text", m.target_text},
          {"verb", m.verb},
          {"pattern", m.pattern},
          {"evidence", m.evidence},
          {"raw_begin", m.begin},
          {"raw_end", m.end},
          {"in_duplicate", m.in_duplicate},
          {"confidence", m.confidence},
          {"highlights",
           HighlightsJson(FindHighlights(m.evidence, m.source_text, m.verb, m.target_text))}};
}

json ToJson(const store::AggregateRow& r, store::GroupBy group) {
  json out = {{"events", r.events},
              {"mentions", r.mentions},
              {"goldstein_sum", r.goldstein_sum},
              {"goldstein_mean", r.goldstein_mean}};
  if (!r.period.empty()) out["period"] = r.period;
  switch (group) {
    case store::GroupBy::kDyad:
      out["source"] = r.source;
      out["target"] = r.target;
      break;
    case store::GroupBy::kSource: out["source"] = r.source; break;
    case store::GroupBy::kTarget: out["target"] = r.target; break;
    case store::GroupBy::kActor: out["actor"] = r.actor; break;
    case store::GroupBy::kQuadClass: out["quad_class"] = r.quad_class ? r.quad_class : std::atoi(r.key.c_str()); break;
    case store::GroupBy::kCameoRoot: out["cameo_root"] = r.key; break;
    case store::GroupBy::kPeriod: break;
  }
  return out;
}

json ToJson(const store::TimelineEntry& t) {
  return {{"date", DateOrNull(t.date)}, {"kind", t.kind}, {"role", t.role}, {"event", ToJson(t.event)}};
}

json ToJson(const store::ActorSummary& s) {
  return {{"code", s.actor.code},
          {"country", s.actor.country},
          {"name", s.actor.name},
          {"as_source", s.as_source},
          {"as_target", s.as_target},
          {"events", s.as_source + s.as_target},
          {"first", DateOrNull(s.first)},
          {"last", DateOrNull(s.last)}};
}

json ToJson(const store::ActorProfile& p) {
  json partners = json::array();
  for (const auto& r : p.partners) partners.push_back(ToJson(r, store::GroupBy::kActor));
  json quads = json::array();
  for (const auto& r : p.quad_classes) quads.push_back(ToJson(r, store::GroupBy::kQuadClass));
  json recent = json::array();
  for (const auto& e : p.recent) recent.push_back(ToJson(e));
  return {{"actor", ToJson(p.summary)},
          {"names", p.names},
          {"members", p.members},
          {"partners", partners},
          {"quad_classes", quads},
          {"recent", recent}};
}

json ToJson(const store::StoreStats& s) {
  return {{"documents", s.documents}, {"duplicate_groups", s.duplicate_groups},
          {"sentences", s.sentences}, {"events", s.events},
          {"mentions", s.mentions},   {"actors", s.actors}};
}

json ToJson(const store::DocumentView& d, bool with_raw) {
  json sentences = json::array();
  for (const auto& s : d.sentences) {
    sentences.push_back({{"index", s.index}, {"begin", s.begin}, {"end", s.end},
                         {"raw_begin", s.raw_begin}, {"raw_end", s.raw_end}});
  }
  json events = json::array();
  for (const auto& e : d.events) {
    json span = {{"event_id", e.event_id}, {"sentence", e.sentence}, {"cameo", e.cameo},
                 {"source_text", e.source_text}, {"verb", e.verb}, {"target_text", e.target_text},
                 {"raw_begin", e.begin}, {"raw_end", e.end}};
    // Offsets in `text` come from the sentence table; highlights are placed inside it.
    auto s = std::find_if(d.sentences.begin(), d.sentences.end(),
                          [&](const store::SentenceRow& r) { return r.index == e.sentence; });
    if (s != d.sentences.end() && s->begin <= s->end && s->end <= d.text.size()) {
      std::string_view sentence = std::string_view(d.text).substr(s->begin, s->end - s->begin);
      json hs = json::array();
      for (const auto& h : FindHighlights(sentence, e.source_text, e.verb, e.target_text)) {
        hs.push_back({{"role", h.role}, {"begin", s->begin + h.begin}, {"end", s->begin + h.end}});
      }
      span["begin"] = s->begin;
      span["end"] = s->end;
      span["highlights"] = hs;
    } else {
      span["begin"] = nullptr;
      span["end"] = nullptr;
      span["highlights"] = json::array();
    }
    events.push_back(std::move(span));
  }
  json out = {{"id", d.id},
              {"url", d.url},
              {"outlet", d.outlet},
              {"title", d.title},
              {"language", d.language},
              {"published", DateOrNull(d.published)},
              {"date_source", d.date_source},
              {"content_hash", d.content_hash},
              {"duplicate_group", d.duplicate_group},
              {"duplicates", d.duplicates},
              {"text", d.text},
              {"sentences", sentences},
              {"events", events}};
  if (with_raw) out["raw"] = d.raw;
  return out;
}

}  // namespace communique::serve
