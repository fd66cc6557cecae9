// The HTTP server behind `communique serve`: the JSON API over an event store and the web page.
//
// In: an open store::Store and ServeOptions. Out: HTTP on host:port (127.0.0.1 unless told
// otherwise). Routes (docs/serve.md has the parameters and response shapes):
//   GET  /health                               store counts, version
//   GET  /api/events                           filtered, sorted, paginated events
//   GET  /api/events/{id}                      one event with every sentence that reported it
//   GET  /api/aggregates                       counts and Goldstein by dyad/quad/... x period
//   GET  /api/actors?q=                        actor search
//   GET  /api/actors/{code}                    actor profile
//   GET  /api/organizations/{code}/timeline    organization timeline
//   GET  /api/documents/{id}                   document text with event spans and highlights
//   POST /api/ingest                           only with allow_ingest; bearer token required
//   GET  /*                                    the built page from web_dir, never outside it
// Every error is JSON {"error": "..."} with a 4xx/5xx status.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace communique::serve {

// Stores what an ingest request carries: `body` in the format named by `content_type`
// (JSON Lines documents, plain text, HTML). Returns a JSON report; throws ParamError for input
// that cannot be read at all.
using IngestHandler =
    std::function<nlohmann::json(std::string_view body, std::string_view content_type)>;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;             // 0: any free port (see Server::port)
  std::string web_dir;         // the built page (index.html, app.js, style.css); empty: API only
  std::string store_location;  // the --db value, to notice writes by other processes
  size_t cache_bytes = 64u << 20;  // response cache; 0 disables it
  int threads = 0;             // worker threads; 0: enough for a few dozen keep-alive clients
  bool allow_ingest = false;
  std::string ingest_token;    // required (non-empty) when allow_ingest
  IngestHandler ingest;        // required when allow_ingest
  size_t max_ingest_bytes = 64u << 20;
  // Asked of the server itself as soon as it listens, so that the answers a page needs first are
  // in the cache before anyone asks (over a large store they take seconds to compute).
  std::vector<std::string> warm_paths;
};

// The API requests the web page makes when it opens without filters.
std::vector<std::string> PageStartPaths();

class Server {
 public:
  // Throws std::invalid_argument when the options are inconsistent (ingest without a token).
  Server(store::Store& store, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port; returns the port (the chosen one when port was 0). Throws
  // std::runtime_error when the address cannot be bound.
  int Bind();
  // Serves until Stop(); call after Bind().
  void Run();
  // Safe from any thread, including a signal-watching one.
  void Stop();
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Compares two secrets in time that depends only on their lengths, not on where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace communique::serve
