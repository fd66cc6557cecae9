// `communique serve`: the JSON API and the web page over an event store.
//
// In: --db (SQLite file or postgresql:// URI), --host/--port, --web (the built page; found in the
// data directory or the source tree's web/dist otherwise), --allow-ingest with
// COMMUNIQUE_INGEST_TOKEN in the environment. Out: HTTP until SIGINT/SIGTERM; the first line on
// stdout is the address it listens on.
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "cli/command.h"
#include "code/coder.h"
#include "serve/ingest.h"
#include "serve/server.h"
#include "store/store.h"

#ifndef COMMUNIQUE_WEB_DIST
#define COMMUNIQUE_WEB_DIST ""
#endif

namespace communique::cli {
namespace {

namespace fs = std::filesystem;

bool HasPage(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "index.html", ec);
}

// --web, else the data directory's web/ (an installed page), else this build's web/dist.
std::string FindWebDir(const std::string& option) {
  if (!option.empty()) return option;
  if (fs::path d = fs::path(DataDir()) / "web"; HasPage(d)) return d.string();
  if (fs::path d = COMMUNIQUE_WEB_DIST; !d.empty() && HasPage(d)) return d.string();
  return "";
}

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  bool no_web = false;
  bool allow_ingest = false;
  int threads = 0;
  size_t cache_mb = 64;
};

int RunServe(const ServeArgs& a) {
  serve::ServeOptions o;
  o.host = a.host;
  o.port = a.port;
  o.store_location = a.db;
  o.threads = a.threads;
  o.cache_bytes = a.cache_mb << 20;
  if (o.cache_bytes > 0 && !a.no_web) o.warm_paths = serve::PageStartPaths();
  if (!a.no_web) {
    o.web_dir = FindWebDir(a.web);
    if (o.web_dir.empty()) {
      std::cerr << "communique serve: the web page is not built (run scripts/build-web.sh); "
                   "serving the API only\n";
    }
  }
  if (a.allow_ingest) {
    const char* token = std::getenv("COMMUNIQUE_INGEST_TOKEN");
    if (!token || !*token) {
      std::cerr << "communique serve: --allow-ingest needs COMMUNIQUE_INGEST_TOKEN set in the "
                   "environment (clients send it as 'Authorization: Bearer TOKEN')\n";
      return kExitUsage;
    }
    o.allow_ingest = true;
    o.ingest_token = token;
  }

  // Signals are taken by one thread with sigwait, so they never interrupt a worker mid-answer.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  store::OpenOptions open;
  open.read_only = !a.allow_ingest;
  open.read_connections = std::max(4, std::min(a.threads > 0 ? a.threads : 8, 32));
  auto store = store::Store::Open(a.db, open);

  std::unique_ptr<code::Coder> coder;
  if (a.allow_ingest) {
    code::CoderOptions co;
    co.data_dir = DataDir();
    coder = code::Coder::Load(co, [](const InputError& e) { std::cerr << e.ToString() << "\n"; });
    o.ingest = serve::MakeIngestHandler(*store, *coder);
  }

  serve::Server server(*store, o);
  int port = server.Bind();
  if (a.host != "127.0.0.1" && a.host != "::1" && a.host != "localhost") {
    std::cerr << "communique serve: listening on " << a.host
              << ", reachable from other machines\n";
  }
  std::cout << "communique serve: listening on http://" << a.host << ":" << port << "/ (store "
            << store->backend() << ", page " << (o.web_dir.empty() ? "not served" : o.web_dir)
            << (a.allow_ingest ? ", ingest enabled" : ", read-only") << ")" << std::endl;

  std::thread waiter([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.Stop();
  });
  server.Run();
  // Stopped by a signal, or the listener failed: wake the waiter either way.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return kExitOk;
}

Registration reg(
    "serve", "Serve the JSON API and the web page over an event store",
    [](CLI::App* app) -> std::function<int()> {
      auto a = std::make_shared<ServeArgs>();
      app->add_option("--db", a->db, "Store: SQLite file or postgresql:// URI")->required();
      app->add_option("--host", a->host, "Address to listen on")->capture_default_str();
      app->add_option("--port", a->port, "Port (0: any free port, printed on start)")
          ->check(CLI::Range(0, 65535))
          ->capture_default_str();
      app->add_option("--web", a->web, "Directory of the built web page (default: found)");
      app->add_flag("--no-web", a->no_web, "Serve the API only");
      app->add_flag("--allow-ingest", a->allow_ingest,
                    "Accept POST /api/ingest with the bearer token in $COMMUNIQUE_INGEST_TOKEN");
      app->add_option("--threads", a->threads, "Worker threads (0: automatic)")
          ->check(CLI::Range(0, 1024));
      app->add_option("--cache-mb", a->cache_mb, "Response cache size in MiB (0: no cache)")
          ->check(CLI::Range(0, 65536))
          ->capture_default_str();
      return [a] { return RunServe(*a); };
    });

}  // namespace
}  // namespace communique::cli
