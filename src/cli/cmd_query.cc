// `communique query --db STORE [filters] [--aggregate GROUP --period P]`: events, raw mentions
// or aggregates from the store, as an aligned table (default), CSV or JSON.
#include <iostream>

#include "cli/command.h"
#include "store/render.h"
#include "store/store.h"

namespace communique::cli {
namespace {

struct QueryOptions {
  std::string db;
  std::vector<std::string> actors, countries;
  std::string source, target, cameo, plover, from, to, text, outlet, doc;
  int quad = 0;
  uint32_t limit = 50;
  uint64_t offset = 0;
  std::string sort = "date";
  bool desc = false;
  bool mentions = false;
  std::string aggregate, period = "none", format = "table";
  uint32_t top = 0;
};

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

int RunQuery(const QueryOptions& o) {
  store::QueryFilter f;
  f.actors = o.actors;
  f.countries = o.countries;
  f.source = o.source;
  f.target = o.target;
  f.cameo_prefix = o.cameo;
  f.plover = o.plover;
  f.quad_class = o.quad;
  f.text = o.text;
  f.outlet = o.outlet;
  f.doc_id = o.doc;
  f.limit = o.limit;
  f.offset = o.offset;
  f.descending = o.desc;
  for (auto [s, d] : {std::pair{&o.from, &f.from}, std::pair{&o.to, &f.to}}) {
    if (s->empty()) continue;
    *d = Date::Parse(*s);
    if (!*d) {
      std::cerr << "communique query: not a date: \"" << *s << "\" (use YYYY-MM-DD)\n";
      return kExitUsage;
    }
  }
  auto sort = store::ParseSortField(o.sort);
  if (!sort) {
    std::cerr << "communique query: --sort must be date, goldstein, mentions, sources or id\n";
    return kExitUsage;
  }
  f.sort = *sort;
  store::OutputFormat fmt = o.format == "csv" ? store::OutputFormat::kCsv
                            : o.format == "json" ? store::OutputFormat::kJson
                                                 : store::OutputFormat::kTable;

  store::OpenOptions open;
  open.read_only = true;
  auto st = store::Store::Open(o.db, open);

  if (!o.aggregate.empty()) {
    auto group = store::ParseGroupBy(o.aggregate);
    auto period = store::ParsePeriod(o.period);
    if (!group || !period) {
      std::cerr << "communique query: --aggregate must be dyad, quad, cameo, period, actor, source or target; "
                   "--period day, week, month, year or none\n";
      return kExitUsage;
    }
    if (*group == store::GroupBy::kPeriod && *period == store::Period::kNone) {
      std::cerr << "communique query: --aggregate period needs --period day|week|month|year\n";
      return kExitUsage;
    }
    store::AggregateRequest req{f, *group, *period, o.top};
    auto rows = st->Aggregate(req);
    if (fmt == store::OutputFormat::kJson) {
      store::PrintJsonArray(rows, store::AggregateJson, std::cout);
      return kExitOk;
    }
    std::vector<std::string> header;
    if (*period != store::Period::kNone) header.push_back("period");
    switch (*group) {
      case store::GroupBy::kDyad: header.insert(header.end(), {"source", "target"}); break;
      case store::GroupBy::kSource: header.push_back("source"); break;
      case store::GroupBy::kTarget: header.push_back("target"); break;
      case store::GroupBy::kActor: header.push_back("actor"); break;
      case store::GroupBy::kQuadClass: header.push_back("quad_class"); break;
      case store::GroupBy::kCameoRoot: header.push_back("cameo_root"); break;
      case store::GroupBy::kPeriod: break;
    }
    header.insert(header.end(), {"events", "mentions", "goldstein_sum", "goldstein_mean"});
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows) {
      std::vector<std::string> c;
      if (*period != store::Period::kNone) c.push_back(r.period);
      switch (*group) {
        case store::GroupBy::kDyad: c.insert(c.end(), {r.source, r.target}); break;
        case store::GroupBy::kSource: c.push_back(r.source); break;
        case store::GroupBy::kTarget: c.push_back(r.target); break;
        case store::GroupBy::kActor: c.push_back(r.actor); break;
        case store::GroupBy::kQuadClass:
        case store::GroupBy::kCameoRoot: c.push_back(r.key); break;
        case store::GroupBy::kPeriod: break;
      }
      c.insert(c.end(), {std::to_string(r.events), std::to_string(r.mentions), Num(r.goldstein_sum),
                         Num(r.goldstein_mean)});
      cells.push_back(std::move(c));
    }
    store::PrintRows(header, cells, fmt, std::cout);
    return kExitOk;
  }

  if (o.mentions) {
    auto rows = st->Mentions(f);
    if (fmt == store::OutputFormat::kJson) {
      store::PrintJsonArray(rows, store::MentionJson, std::cout);
      return kExitOk;
    }
    std::vector<std::vector<std::string>> cells;
    for (const auto& m : rows)
      cells.push_back({std::to_string(m.event_id), m.doc_id, std::to_string(m.sentence), m.outlet,
                       m.published ? m.published->ToString() : "", m.in_duplicate ? "yes" : "", m.evidence});
    store::PrintRows({"event", "doc", "sentence", "outlet", "published", "duplicate", "evidence"}, cells, fmt,
                     std::cout);
    return kExitOk;
  }

  auto rows = st->Events(f);
  if (fmt == store::OutputFormat::kJson) {
    store::PrintJsonArray(rows, store::EventJson, std::cout);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> cells;
  for (const auto& e : rows) {
    std::string outlets;
    for (const auto& s : e.outlets) outlets += (outlets.empty() ? "" : ";") + s;
    cells.push_back({std::to_string(e.id), e.date ? e.date->ToString() : "", e.source.code, e.cameo, e.target.code,
                     e.plover, std::to_string(e.quad_class), Num(e.goldstein), std::to_string(e.num_mentions),
                     std::to_string(e.num_sources), outlets, e.evidence});
  }
  store::PrintRows({"id", "date", "source", "cameo", "target", "plover", "quad", "goldstein", "mentions",
                    "sources", "outlets", "evidence"},
                   cells, fmt, std::cout);
  return kExitOk;
}

Registration reg("query", "Query stored events: filters, pages, aggregates (table, CSV or JSON)",
                 [](CLI::App* app) -> std::function<int()> {
                   auto o = std::make_shared<QueryOptions>();
                   app->add_option("--db", o->db, "Store: SQLite file or postgresql://...")->required();
                   app->add_option("--actor", o->actors, "Actor code prefix on either side (repeatable)");
                   app->add_option("--country", o->countries, "Country code on either side (repeatable)");
                   app->add_option("--source", o->source, "Source actor code prefix");
                   app->add_option("--target", o->target, "Target actor code prefix");
                   app->add_option("--cameo", o->cameo, "CAMEO code prefix (\"04\", \"036\")");
                   app->add_option("--plover", o->plover, "PLOVER event type");
                   app->add_option("--quad", o->quad, "QuadClass 1-4")->check(CLI::Range(1, 4));
                   app->add_option("--from", o->from, "First date, YYYY-MM-DD");
                   app->add_option("--to", o->to, "Last date, YYYY-MM-DD");
                   app->add_option("--text", o->text, "Words in the evidence sentence");
                   app->add_option("--outlet", o->outlet, "Reported by this outlet (host name)");
                   app->add_option("--doc", o->doc, "Reported by this document id");
                   app->add_option("--limit", o->limit, "Rows per page (0: all)");
                   app->add_option("--offset", o->offset, "Rows to skip");
                   app->add_option("--sort", o->sort, "date, goldstein, mentions, sources or id");
                   app->add_flag("--desc", o->desc, "Sort descending");
                   app->add_flag("--mentions", o->mentions, "Raw mentions (one per reporting sentence)");
                   app->add_option("--aggregate", o->aggregate,
                                   "Count by dyad, quad, cameo, period, actor, source or target");
                   app->add_option("--period", o->period, "Aggregate per day, week, month, year or none");
                   app->add_option("--top", o->top, "Only the N largest groups");
                   app->add_option("--format", o->format, "table, csv or json")
                       ->check(CLI::IsMember({"table", "csv", "json"}));
                   return [o] { return RunQuery(*o); };
                 });

}  // namespace
}  // namespace communique::cli
