// Renderings for the CLI (see render.h).
#include "store/render.h"

#include <fstream>
#include <sstream>

namespace communique::store {

namespace {

using json = nlohmann::json;

size_t Utf8Cut(const std::string& s, size_t max) {
  if (s.size() <= max) return s.size();
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

size_t Utf8Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}


json Opt(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

json Actor(const ActorRef& a) {
  return {{"code", a.code}, {"country", a.country}, {"sector", a.sector}, {"name", a.name}};
}

}  // namespace

void PrintRows(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               OutputFormat format, std::ostream& out, size_t max_width) {
  if (format == OutputFormat::kJson) {
    json arr = json::array();
    for (const auto& r : rows) {
      json o = json::object();
      for (size_t i = 0; i < header.size() && i < r.size(); ++i) o[header[i]] = r[i];
      arr.push_back(std::move(o));
    }
    out << arr.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return;
  }
  if (format == OutputFormat::kCsv) {
    for (size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << CsvField(header[i]);
    out << "\n";
    for (const auto& r : rows) {
      for (size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << CsvField(r[i]);
      out << "\n";
    }
    return;
  }
  std::vector<std::vector<std::string>> cells;
  cells.push_back(header);
  for (const auto& r : rows) {
    std::vector<std::string> c;
    for (auto s : r) {
      for (auto& ch : s)
        if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
      size_t cut = Utf8Cut(s, max_width);
      if (cut < s.size()) s = s.substr(0, cut) + "…";
      c.push_back(std::move(s));
    }
    cells.push_back(std::move(c));
  }
  std::vector<size_t> width(header.size(), 0);
  for (const auto& r : cells)
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], Utf8Width(r[i]));
  for (size_t k = 0; k < cells.size(); ++k) {
    const auto& r = cells[k];
    for (size_t i = 0; i < r.size(); ++i) {
      out << r[i];
      if (i + 1 < r.size()) out << std::string(width[i] - Utf8Width(r[i]) + 2, ' ');
    }
    out << "\n";
    if (k == 0) {
      size_t total = 0;
      for (size_t w : width) total += w + 2;
      out << std::string(total > 2 ? total - 2 : 0, '-') << "\n";
    }
  }
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

json EventJson(const EventRow& e) {
  json j = {{"id", e.id},
            {"date", Opt(e.date)},
            {"source", Actor(e.source)},
            {"target", Actor(e.target)},
            {"cameo", e.cameo},
            {"plover", e.plover},
            {"quad_class", e.quad_class},
            {"goldstein", e.goldstein},
            {"num_mentions", e.num_mentions},
            {"num_sources", e.num_sources},
            {"num_documents", e.num_documents},
            {"doc_id", e.first_doc_id},
            {"url", e.url},
            {"evidence", e.evidence},
            {"verb", e.verb},
            {"outlets", e.outlets}};
  if (!e.location_name.empty() || !e.location_country.empty() || e.lat)
    j["location"] = {{"name", e.location_name},
                     {"country", e.location_country},
                     {"lat", e.lat ? json(*e.lat) : json(nullptr)},
                     {"lon", e.lon ? json(*e.lon) : json(nullptr)}};
  else
    j["location"] = nullptr;
  return j;
}

json MentionJson(const MentionRow& m) {
  return {{"event_id", m.event_id}, {"event_uid", m.event_uid}, {"doc_id", m.doc_id},
          {"url", m.url},           {"outlet", m.outlet},       {"published", Opt(m.published)},
          {"sentence", m.sentence}, {"date", Opt(m.date)},      {"date_source", m.date_source},
          {"source_text", m.source_text}, {"target_text", m.target_text}, {"evidence", m.evidence},
          {"verb", m.verb},         {"span", {m.begin, m.end}}, {"in_duplicate", m.in_duplicate}};
}

json AggregateJson(const AggregateRow& a) {
  json j = {{"events", a.events}, {"mentions", a.mentions}, {"goldstein_sum", a.goldstein_sum},
            {"goldstein_mean", a.goldstein_mean}};
  if (!a.period.empty()) j["period"] = a.period;
  if (!a.source.empty()) j["source"] = a.source;
  if (!a.target.empty()) j["target"] = a.target;
  if (!a.actor.empty()) j["actor"] = a.actor;
  if (!a.key.empty()) j["key"] = a.key;
  if (a.quad_class) j["quad_class"] = a.quad_class;
  return j;
}

json TimelineJson(const TimelineEntry& t) {
  return {{"date", Opt(t.date)}, {"kind", t.kind}, {"role", t.role}, {"event", EventJson(t.event)}};
}

std::map<std::string, std::vector<std::string>> LoadOrganizations(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw StoreError(path + ": cannot read organization members");
  std::map<std::string, std::vector<std::string>> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string org, members;
    if (!std::getline(ls, org, '\t') || !std::getline(ls, members, '\t') || org.empty() || members.empty())
      throw StoreError(path + ":" + std::to_string(n) + ": expected CODE<TAB>MEMBER,MEMBER,...<TAB>source");
    std::istringstream ms(members);
    for (std::string m; std::getline(ms, m, ',');)
      if (!m.empty()) out[org].push_back(m);
  }
  return out;
}

}  // namespace communique::store
