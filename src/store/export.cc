// Export layouts (see export.h and docs/store.md). Aggregated events are read in id order in
// chunks; mention-level layouts (JSON Lines, GDELT Mentions) fetch the mentions of each chunk.
#include "store/export.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "code/cameo_table.h"
#include "communique/event.h"
#include "store/render.h"

namespace communique::store {

namespace {

using json = nlohmann::json;

const std::vector<std::string>& OurColumns() {
  static const std::vector<std::string> c = {
      "event_id", "date", "source", "source_name", "source_country", "target", "target_name",
      "target_country", "cameo", "plover", "quad_class", "goldstein", "location", "location_country",
      "lat", "lon", "num_mentions", "num_sources", "num_documents", "doc_id", "url", "evidence", "outlets"};
  return c;
}

const std::vector<std::string>& PhoenixColumns() {
  static const std::vector<std::string> c = {
      "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
      "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
      "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
      "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources"};
  return c;
}

const std::vector<std::string>& IcewsColumns() {
  static const std::vector<std::string> c = {
      "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
      "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
      "City", "District", "Province", "Country", "Latitude", "Longitude"};
  return c;
}

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> v = {"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"};
    for (const char* a : {"Actor1", "Actor2"})
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
        v.push_back(std::string(a) + f);
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"})
      v.push_back(f);
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"})
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"})
        v.push_back(std::string(g) + f);
    v.push_back("DATEADDED");
    v.push_back("SOURCEURL");
    return v;
  }();
  return c;
}

const std::vector<std::string>& GdeltMentionColumns() {
  static const std::vector<std::string> c = {
      "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
      "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
      "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras"};
  return c;
}


// Tab-separated layouts cannot quote: tabs and line breaks inside a field become spaces.
std::string Tsv(std::string s) {
  for (auto& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

void WriteRow(std::ostream& out, const std::vector<std::string>& cells, bool csv) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out << (csv ? ',' : '\t');
    out << (csv ? CsvField(cells[i]) : Tsv(cells[i]));
  }
  out << '\n';
}

std::string Num(double v, const char* fmt = "%.4g") {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string Compact(const std::optional<Date>& d) {  // YYYYMMDD
  if (!d) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
  return buf;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

// Phoenix splits an actor code into root (country or IGO/NGO...), primary agent and the rest.
struct CodeParts {
  std::string root, agent, others;
};
CodeParts SplitCode(const std::string& code) {
  CodeParts p;
  if (code.size() >= 3) p.root = code.substr(0, 3);
  if (code.size() >= 6) p.agent = code.substr(3, 3);
  if (code.size() > 6) p.others = code.substr(6);
  return p;
}

std::string EventName(const ExportOptions& o, const std::string& cameo, const std::string& fallback) {
  if (o.cameo) {
    if (const auto* c = o.cameo->Find(cameo)) return c->name;
  }
  return fallback;
}

std::vector<std::string> OurRow(const EventRow& e) {
  return {std::to_string(e.id), e.date ? e.date->ToString() : "", e.source.code, e.source.name,
          e.source.country, e.target.code, e.target.name, e.target.country, e.cameo, e.plover,
          std::to_string(e.quad_class), Num(e.goldstein), e.location_name, e.location_country,
          e.lat ? Num(*e.lat, "%.6f") : "", e.lon ? Num(*e.lon, "%.6f") : "", std::to_string(e.num_mentions),
          std::to_string(e.num_sources), std::to_string(e.num_documents), e.first_doc_id, e.url, e.evidence,
          Join(e.outlets, ";")};
}

std::vector<std::string> PhoenixRow(const EventRow& e) {
  auto s = SplitCode(e.source.code), t = SplitCode(e.target.code);
  return {std::to_string(e.id), Compact(e.date), e.date ? std::to_string(e.date->year) : "",
          e.date ? std::to_string(e.date->month) : "", e.date ? std::to_string(e.date->day) : "",
          e.source.code, s.root, s.agent, s.others, e.target.code, t.root, t.agent, t.others, e.cameo,
          e.cameo.substr(0, std::min<size_t>(2, e.cameo.size())), std::to_string(e.quad_class), Num(e.goldstein),
          "", e.lat ? Num(*e.lat, "%.6f") : "", e.lon ? Num(*e.lon, "%.6f") : "", e.location_name, "",
          e.location_country, e.first_doc_id, e.url, Join(e.outlets, ";")};
}

std::vector<std::string> IcewsRow(const EventRow& e, const ExportOptions& o, const MentionRow* first) {
  return {std::to_string(e.id), e.date ? e.date->ToString() : "",
          e.source.name.empty() ? e.source.code : e.source.name, e.source.sector, e.source.country,
          EventName(o, e.cameo, e.verb), e.cameo, Num(e.goldstein),
          e.target.name.empty() ? e.target.code : e.target.name, e.target.sector, e.target.country,
          e.first_doc_id, first ? std::to_string(first->sentence + 1) : "",
          e.outlets.empty() ? "" : e.outlets.front(), e.location_name, "", "", e.location_country,
          e.lat ? Num(*e.lat, "%.6f") : "", e.lon ? Num(*e.lon, "%.6f") : ""};
}

std::vector<std::string> GdeltRow(const EventRow& e, const MentionRow* first) {
  std::vector<std::string> r;
  r.push_back(std::to_string(e.id));
  r.push_back(Compact(e.date));
  r.push_back(e.date ? Compact(e.date).substr(0, 6) : "");
  r.push_back(e.date ? std::to_string(e.date->year) : "");
  if (e.date) {
    int doy = e.date->Days() - Date{e.date->year, 1, 1}.Days() + 1;
    r.push_back(Num(e.date->year + doy / 365.0, "%.4f"));
  } else {
    r.push_back("");
  }
  for (const ActorRef* a : {&e.source, &e.target}) {
    std::string known = a->country == "IGO" || a->country == "NGO" || a->country == "IMG" ? a->code.substr(3) : "";
    r.insert(r.end(), {a->code, a->name, a->country, known, "", "", "", a->sector, "", ""});
  }
  const bool root = first && first->sentence == 0;
  r.insert(r.end(), {root ? "1" : "0", e.cameo, e.cameo.substr(0, std::min<size_t>(3, e.cameo.size())),
                     e.cameo.substr(0, std::min<size_t>(2, e.cameo.size())), std::to_string(e.quad_class),
                     Num(e.goldstein), std::to_string(e.num_mentions), std::to_string(e.num_sources),
                     std::to_string(e.num_documents), "0"});
  // GDELT geocodes actor locations separately; communique knows the action location only.
  for (int g = 0; g < 3; ++g) {
    bool has = g == 2 && !e.location_name.empty();
    r.insert(r.end(), {has ? "4" : "0", has ? e.location_name : "", has ? e.location_country : "", "", "",
                       has && e.lat ? Num(*e.lat, "%.6f") : "", has && e.lon ? Num(*e.lon, "%.6f") : "", ""});
  }
  r.push_back(Compact(e.date).empty() ? "" : Compact(e.date) + "000000");
  r.push_back(e.url);
  return r;
}

// Offset of `needle` inside the mention's sentence, as a document offset; -1 when not found.
std::string CharOffset(const MentionRow& m, const std::string& needle) {
  if (needle.empty()) return "-1";
  size_t p = m.evidence.find(needle);
  if (p == std::string::npos) return "-1";
  return std::to_string(m.begin + p);
}

std::vector<std::string> GdeltMentionRow(const EventRow& e, const MentionRow& m) {
  return {std::to_string(e.id),
          Compact(e.date).empty() ? "" : Compact(e.date) + "000000",
          Compact(m.published).empty() ? "" : Compact(m.published) + "000000",
          "1",
          m.outlet,
          m.url,
          std::to_string(m.sentence + 1),
          CharOffset(m, m.source_text),
          CharOffset(m, m.target_text),
          CharOffset(m, m.verb),
          "1",
          std::to_string(static_cast<int>(m.confidence * 100 + 0.5)),
          "",
          "",
          "",
          m.in_duplicate ? "<DUPLICATE>1</DUPLICATE>" : ""};
}

Event ToEvent(const EventRow& e, const MentionRow& m) {
  Event ev;
  ev.event_id = m.event_uid;
  ev.doc_id = m.doc_id;
  ev.sentence = m.sentence;
  ev.date = m.date;
  ev.date_source = m.date_source;
  if (m.has_source) ev.source = EventActor{m.source_text, e.source.code, e.source.country, m.source_sector};
  if (m.has_target) ev.target = EventActor{m.target_text, e.target.code, e.target.country, m.target_sector};
  ev.cameo = e.cameo;
  ev.plover = e.plover;
  ev.quad_class = e.quad_class;
  ev.goldstein = e.goldstein;
  if (!e.location_name.empty())
    ev.location = Location{e.location_name, e.location_country, e.lat.value_or(0), e.lon.value_or(0)};
  ev.url = m.url;
  ev.evidence = Evidence{m.evidence, m.verb, m.pattern, m.begin, m.end};
  return ev;
}

json PloverRecord(const EventRow& e, const ExportOptions& o, const MentionRow* first) {
  const code::CameoCode* c = o.cameo ? o.cameo->Find(e.cameo) : nullptr;
  json j;
  j["id"] = std::to_string(e.id);
  j["date"] = e.date ? json(e.date->ToString()) : json(nullptr);
  j["source"] = e.source.code;
  j["source_text"] = first ? first->source_text : "";
  j["recipient"] = e.target.code;
  j["recipient_text"] = first ? first->target_text : "";
  j["event"] = e.plover;
  j["mode"] = c ? c->plover_mode : "";
  j["context"] = c && !c->plover_context.empty() ? json::array({c->plover_context}) : json::array();
  j["event_text"] = first ? first->verb : e.verb;
  j["quad_code"] = e.quad_class;
  j["cameo"] = e.cameo;
  j["goldstein"] = e.goldstein;
  if (!e.location_name.empty())
    j["location"] = {{"name", e.location_name}, {"country", e.location_country},
                     {"lat", e.lat ? json(*e.lat) : json(nullptr)}, {"lon", e.lon ? json(*e.lon) : json(nullptr)}};
  j["text"] = e.evidence;
  j["link"] = e.url;
  j["story_id"] = e.first_doc_id;
  j["sentence_num"] = first ? first->sentence : 0;
  j["publisher"] = e.outlets;
  j["num_mentions"] = e.num_mentions;
  j["num_sources"] = e.num_sources;
  j["coder"] = o.coder;
  return j;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(const std::string& n) {
  if (n == "jsonl") return ExportFormat::kJsonl;
  if (n == "csv") return ExportFormat::kCsv;
  if (n == "tsv") return ExportFormat::kTsv;
  if (n == "phoenix") return ExportFormat::kPhoenix;
  if (n == "icews") return ExportFormat::kIcews;
  if (n == "gdelt") return ExportFormat::kGdelt;
  if (n == "gdelt-mentions") return ExportFormat::kGdeltMentions;
  if (n == "plover") return ExportFormat::kPlover;
  return std::nullopt;
}

std::vector<std::string> ExportColumns(ExportFormat f) {
  switch (f) {
    case ExportFormat::kCsv:
    case ExportFormat::kTsv: return OurColumns();
    case ExportFormat::kPhoenix: return PhoenixColumns();
    case ExportFormat::kIcews: return IcewsColumns();
    case ExportFormat::kGdelt: return GdeltColumns();
    case ExportFormat::kGdeltMentions: return GdeltMentionColumns();
    case ExportFormat::kJsonl:
    case ExportFormat::kPlover: break;
  }
  return {};
}

uint64_t Export(Store& store, const ExportOptions& o, std::ostream& out) {
  const auto columns = ExportColumns(o.format);
  const bool csv = o.format == ExportFormat::kCsv;
  if (!columns.empty()) WriteRow(out, columns, csv);
  const bool need_mentions = o.format == ExportFormat::kJsonl || o.format == ExportFormat::kGdeltMentions ||
                             o.format == ExportFormat::kIcews || o.format == ExportFormat::kGdelt ||
                             o.format == ExportFormat::kPlover;
  uint64_t n = 0;
  std::vector<EventRow> chunk;
  auto flush = [&] {
    std::map<int64_t, std::vector<MentionRow>> mentions;
    if (need_mentions && !chunk.empty()) {
      QueryFilter f;
      f.limit = 0;
      for (const auto& e : chunk) f.event_ids.push_back(e.id);
      store.ScanMentions(f, [&](const MentionRow& m) {
        mentions[m.event_id].push_back(m);
        return true;
      });
    }
    for (const auto& e : chunk) {
      const auto& ms = mentions[e.id];
      // The first mention is the one the event row's evidence comes from.
      const MentionRow* first = nullptr;
      for (const auto& m : ms)
        if (m.doc_id == e.first_doc_id && (!first || m.in_duplicate < first->in_duplicate)) {
          first = &m;
          break;
        }
      if (!first && !ms.empty()) first = &ms.front();
      switch (o.format) {
        case ExportFormat::kJsonl:
          for (const auto& m : ms) {
            out << EventToJson(ToEvent(e, m)) << '\n';
            ++n;
          }
          break;
        case ExportFormat::kGdeltMentions:
          for (const auto& m : ms) {
            WriteRow(out, GdeltMentionRow(e, m), false);
            ++n;
          }
          break;
        case ExportFormat::kCsv:
        case ExportFormat::kTsv: WriteRow(out, OurRow(e), csv); ++n; break;
        case ExportFormat::kPhoenix: WriteRow(out, PhoenixRow(e), false); ++n; break;
        case ExportFormat::kIcews: WriteRow(out, IcewsRow(e, o, first), false); ++n; break;
        case ExportFormat::kGdelt: WriteRow(out, GdeltRow(e, first), false); ++n; break;
        case ExportFormat::kPlover: out << PloverRecord(e, o, first).dump() << '\n'; ++n; break;
      }
    }
    chunk.clear();
  };
  store.ScanEvents(o.filter, [&](const EventRow& e) {
    chunk.push_back(e);
    if (chunk.size() >= 500) flush();
    return true;
  });
  flush();
  return n;
}

}  // namespace communique::store
