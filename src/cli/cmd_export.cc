// `communique export --db STORE --format F [filters] [-o FILE]`: the store in a published layout
// (jsonl, csv, tsv, phoenix, icews, gdelt, gdelt-mentions, plover); see docs/store.md.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/run.h"
#include "code/cameo_table.h"
#include "store/export.h"
#include "store/store.h"

namespace communique::cli {
namespace {

struct ExportCliOptions {
  std::string db, format = "jsonl", output, from, to, actor, cameo;
};

int RunExport(const ExportCliOptions& o) {
  store::ExportOptions opts;
  opts.format = *store::ParseExportFormat(o.format);
  opts.filter.limit = 0;
  if (!o.actor.empty()) opts.filter.actors = {o.actor};
  opts.filter.cameo_prefix = o.cameo;
  for (auto [s, d] : {std::pair{&o.from, &opts.filter.from}, std::pair{&o.to, &opts.filter.to}}) {
    if (s->empty()) continue;
    *d = Date::Parse(*s);
    if (!*d) {
      std::cerr << "communique export: not a date: \"" << *s << "\" (use YYYY-MM-DD)\n";
      return kExitUsage;
    }
  }
  std::optional<code::CameoTable> cameo;
  const std::string cameo_path = DataDir() + "/cameo_codes.tsv";
  if (std::filesystem::exists(cameo_path)) {
    cameo = code::CameoTable::Load(cameo_path, StderrErrors());
    opts.cameo = &*cameo;
  }
  store::OpenOptions open;
  open.read_only = true;
  auto st = store::Store::Open(o.db, open);
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!o.output.empty() && o.output != "-") {
    file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "communique export: cannot write " << o.output << "\n";
      return kExitFailure;
    }
    out = &file;
  }
  uint64_t n = store::Export(*st, opts, *out);
  out->flush();
  if (!*out) {
    std::cerr << "communique export: error writing " << (o.output.empty() ? "stdout" : o.output) << "\n";
    return kExitFailure;
  }
  std::cerr << n << " records (" << o.format << ")\n";
  return kExitOk;
}

Registration reg("export", "Export stored events: jsonl, csv, tsv, phoenix, icews, gdelt, gdelt-mentions, plover",
                 [](CLI::App* app) -> std::function<int()> {
                   auto o = std::make_shared<ExportCliOptions>();
                   app->add_option("--db", o->db, "Store: SQLite file or postgresql://...")->required();
                   app->add_option("--format", o->format, "Layout")
                       ->check(CLI::IsMember({"jsonl", "csv", "tsv", "phoenix", "icews", "gdelt", "gdelt-mentions",
                                              "plover"}));
                   app->add_option("-o,--output", o->output, "Output file (default stdout)");
                   app->add_option("--from", o->from, "First date, YYYY-MM-DD");
                   app->add_option("--to", o->to, "Last date, YYYY-MM-DD");
                   app->add_option("--actor", o->actor, "Only events with this actor code prefix");
                   app->add_option("--cameo", o->cameo, "Only events with this CAMEO prefix");
                   return [o] { return RunExport(*o); };
                 });

}  // namespace
}  // namespace communique::cli
