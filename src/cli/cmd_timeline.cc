// `communique timeline CODE --db STORE`: an organization's meetings, declarations, members'
// participation and absences, suspensions and statements in date order, each with its evidence
// and the outlets that reported it. Members come from the store (set at ingest from
// data/organizations.tsv), from --member, or from the data file.
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "store/render.h"
#include "store/store.h"

namespace communique::cli {
namespace {

struct TimelineOptions {
  std::string code, db, from, to, format = "table";
  std::vector<std::string> members;
  bool all_member_events = false;
};

int RunTimeline(const TimelineOptions& o) {
  store::TimelineRequest req;
  req.code = o.code;
  for (auto& c : req.code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  req.members = o.members;
  req.members_only_with_org = !o.all_member_events;
  for (auto [s, d] : {std::pair{&o.from, &req.from}, std::pair{&o.to, &req.to}}) {
    if (s->empty()) continue;
    *d = Date::Parse(*s);
    if (!*d) {
      std::cerr << "communique timeline: not a date: \"" << *s << "\" (use YYYY-MM-DD)\n";
      return kExitUsage;
    }
  }
  store::OpenOptions open;
  open.read_only = true;
  auto st = store::Store::Open(o.db, open);
  if (req.members.empty()) {
    auto profile = st->GetActor(req.code);
    if (profile) req.members = profile->members;
  }
  const std::string orgs = DataDir() + "/organizations.tsv";
  if (req.members.empty() && std::filesystem::exists(orgs)) {
    auto all = store::LoadOrganizations(orgs);
    if (auto it = all.find(req.code); it != all.end()) req.members = it->second;
  }
  auto entries = st->Timeline(req);
  if (o.format == "json") {
    store::PrintJsonArray(entries, store::TimelineJson, std::cout);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> cells;
  for (const auto& t : entries) {
    std::string outlets;
    for (const auto& s : t.event.outlets) outlets += (outlets.empty() ? "" : ";") + s;
    cells.push_back({t.date ? t.date->ToString() : "", t.kind, t.role, t.event.source.code, t.event.cameo,
                     t.event.target.code, std::to_string(t.event.num_mentions), outlets, t.event.evidence});
  }
  store::PrintRows({"date", "kind", "role", "source", "cameo", "target", "mentions", "outlets", "evidence"}, cells,
                   o.format == "csv" ? store::OutputFormat::kCsv : store::OutputFormat::kTable, std::cout,
                   o.format == "csv" ? 1 << 20 : 90);
  if (o.format == "table") std::cerr << entries.size() << " events\n";
  return kExitOk;
}

Registration reg("timeline", "An organization's timeline: meetings, declarations, members, suspensions",
                 [](CLI::App* app) -> std::function<int()> {
                   auto o = std::make_shared<TimelineOptions>();
                   app->add_option("code", o->code, "Organization code, e.g. IGOEURCSTO (the CSTO)")->required();
                   app->add_option("--db", o->db, "Store: SQLite file or postgresql://...")->required();
                   app->add_option("--member", o->members, "Member country code (repeatable; default: stored)");
                   app->add_option("--from", o->from, "First date, YYYY-MM-DD");
                   app->add_option("--to", o->to, "Last date, YYYY-MM-DD");
                   app->add_flag("--all-member-events", o->all_member_events,
                                 "Include members' events from documents that do not mention the organization");
                   app->add_option("--format", o->format, "table, csv or json")
                       ->check(CLI::IsMember({"table", "csv", "json"}));
                   return [o] { return RunTimeline(*o); };
                 });

}  // namespace
}  // namespace communique::cli
