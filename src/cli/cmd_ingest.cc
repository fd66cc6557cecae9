// `communique ingest INPUT... --db PATH|postgresql://...`: reads, codes and stores documents in
// one step. Documents are written in batches, each one transaction: an interrupted ingest leaves
// whole batches only, and running it again stores what is missing (stored documents with the
// same content are skipped, changed ones replaced).
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/run.h"
#include "code/coder.h"
#include "store/render.h"
#include "store/store.h"

namespace communique::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> inputs;
  std::string db;
  std::vector<std::string> dictionaries;
  size_t batch = 200;
  int threads = 0;
  bool quiet = false;
  bool dictionary_warnings = false;
};

int RunIngest(const IngestOptions& o) {
  ErrorSink errors = StderrErrors();
  auto store = store::Store::Open(o.db);
  // Organization members shipped with the data make timelines and profiles work out of the box.
  const std::string orgs = DataDir() + "/organizations.tsv";
  if (std::filesystem::exists(orgs))
    for (const auto& [org, members] : store::LoadOrganizations(orgs)) store->SetMembers(org, members);

  auto coder = LoadCoder(o.dictionaries, o.dictionary_warnings, o.quiet);

  store::WriteStats total;
  std::vector<store::DocumentEvents> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    auto s = store->Write(batch);
    total.documents_added += s.documents_added;
    total.documents_replaced += s.documents_replaced;
    total.documents_unchanged += s.documents_unchanged;
    total.near_duplicates += s.near_duplicates;
    total.events_added += s.events_added;
    total.mentions_added += s.mentions_added;
    batch.clear();
  };
  RunOptions ropts{o.inputs, o.threads, !o.quiet};
  RunSummary summary = RunPipeline(ropts, coder.get(), [&](Document& doc, std::vector<Event>& events) {
    batch.push_back({std::move(doc), std::move(events)});
    if (batch.size() >= o.batch) flush();
  }, errors);
  flush();
  if (!o.quiet) {
    PrintSummary(summary, std::cerr);
    std::cerr << "stored in " << store->backend() << ": documents added " << total.documents_added
              << ", replaced " << total.documents_replaced << ", unchanged " << total.documents_unchanged
              << ", near-duplicates " << total.near_duplicates << "; events added " << total.events_added
              << ", mentions added " << total.mentions_added << "\n";
  }
  return summary.skipped ? kExitSkipped : kExitOk;
}

Registration reg("ingest", "Code documents and store their events (SQLite file or postgresql:// URI)",
                 [](CLI::App* app) -> std::function<int()> {
                   auto o = std::make_shared<IngestOptions>();
                   app->add_option("inputs", o->inputs, "Files or directories (\"-\" is stdin)")->required();
                   app->add_option("--db", o->db, "Store: a SQLite file (created if missing) or postgresql://...")
                       ->required();
                   app->add_option("--dictionary,--dict", o->dictionaries,
                                   "Extra actor dictionary file (Phoenix format), applied after the defaults; repeatable");
                   app->add_flag("--dictionary-warnings", o->dictionary_warnings,
                                 "List every malformed entry of the shipped dictionaries (skipped when loading)");
                   app->add_option("--batch", o->batch, "Documents per transaction")
                       ->check(CLI::Range(size_t{1}, size_t{1000000}));
                   app->add_option("-j,--threads", o->threads, "Worker threads (0: all cores)");
                   app->add_flag("-q,--quiet", o->quiet, "No summary on stderr");
                   return [o] { return RunIngest(*o); };
                 });

}  // namespace
}  // namespace communique::cli
