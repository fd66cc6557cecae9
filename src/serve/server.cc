// HTTP routes of `communique serve` (see server.h): parameter validation, store calls, JSON
// answers, the response cache, the ingest token guard and the static page.
#include "serve/server.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "serve/cache.h"
#include "serve/params.h"
#include "serve/views.h"

namespace communique::serve {

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Every byte of the longer string is visited whatever the contents; the length difference is
  // folded into the result instead of returning early.
  size_t n = std::max(a.size(), b.size());
  volatile unsigned char diff = static_cast<unsigned char>(a.size() != b.size());
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff = diff | static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

namespace {

using nlohmann::json;

constexpr const char* kJson = "application/json; charset=utf-8";

// Invalid UTF-8 in stored text (a badly encoded page) must not make an answer fail.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void SendError(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(Dump(json{{"error", message}}), kJson);
}

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
  int status;
};

// The request's parameters in a canonical order, for cache keys: the multimap is sorted by name
// and keeps the given order of repeated values.
std::string CacheKey(const httplib::Request& req) {
  std::string key = req.path;
  key += '?';
  for (const auto& [name, value] : req.params) {
    key += name;
    key += '=';
    key += value;
    key += '&';
  }
  return key;
}

bool IsDocumentId(std::string_view id) {
  if (id.empty() || id.size() > 512) return false;
  for (unsigned char c : id) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

struct Server::Impl {
  Impl(store::Store& s, ServeOptions o)
      : store(s), options(std::move(o)), cache(options.cache_bytes), version(options.store_location) {}

  store::Store& store;
  ServeOptions options;
  ResponseCache cache;
  StoreVersion version;
  httplib::Server http;
  std::mutex ingest_mu;
  int bound_port = -1;

  // Runs `answer` for a GET endpoint, through the cache, turning exceptions into JSON errors.
  template <typename Fn>
  void Get(const std::string& pattern, Fn answer) {
    http.Get(pattern, [this, answer](const httplib::Request& req, httplib::Response& res) {
      Respond(req, res, [&] { return answer(req); });
    });
  }

  template <typename Fn>
  void Respond(const httplib::Request& req, httplib::Response& res, Fn&& produce) {
    try {
      std::string key = CacheKey(req);
      uint64_t v = version.Current();
      if (auto hit = cache.Get(key, v)) {
        res.set_content(*hit, kJson);
        return;
      }
      auto body = std::make_shared<const std::string>(Dump(produce()));
      cache.Put(key, v, body);
      res.set_content(*body, kJson);
    } catch (const ParamError& e) {
      SendError(res, 400, e.what());
    } catch (const HttpError& e) {
      SendError(res, e.status, e.what());
    } catch (const store::StoreError& e) {
      SendError(res, 503, std::string("store: ") + e.what());
    } catch (const std::exception& e) {
      SendError(res, 500, e.what());
    }
  }

  // The total of a filtered query, shared by all its pages and sort orders: counting is the
  // expensive half of a page over a large store, and readers page through the same filter.
  int64_t CountEvents(const httplib::Request& req, const store::QueryFilter& f) {
    std::string key = "count:";
    for (const auto& [name, value] : req.params) {
      if (name == "sort" || name == "limit" || name == "offset") continue;
      key += name + '=' + value + '&';
    }
    uint64_t v = version.Current();
    if (auto hit = cache.Get(key, v)) return std::stoll(*hit);
    int64_t n = store.CountEvents(f);
    cache.Put(key, v, std::make_shared<const std::string>(std::to_string(n)));
    return n;
  }

  void Routes();
  void Ingest(const httplib::Request& req, httplib::Response& res,
              const httplib::ContentReader& reader);
};

void Server::Impl::Routes() {
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"},
                            {"Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; style-src 'self' "
                             "'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"}});

  Get("/health", [this](const httplib::Request& req) {
    RejectUnknown(req.params, {});
    return json{{"status", "ok"},
                {"version", COMMUNIQUE_VERSION},
                {"backend", store.backend()},
                {"ingest", options.allow_ingest},
                {"store", ToJson(store.Stats())}};
  });

  Get("/api/events", [this](const httplib::Request& req) {
    store::QueryFilter f = ParseEventQuery(req.params);
    json events = json::array();
    for (const auto& e : store.Events(f)) events.push_back(ToJson(e));
    json sort = std::string(f.descending ? "-" : "") + std::string(SortName(f.sort));
    return json{{"total", CountEvents(req, f)},
                {"limit", f.limit},
                {"offset", f.offset},
                {"sort", sort},
                {"events", std::move(events)}};
  });

  Get(R"(/api/events/([^/]+))", [this](const httplib::Request& req) {
    RejectUnknown(req.params, {});
    const std::string& raw = req.matches[1];
    int64_t id = 0;
    if (raw.empty() || raw.size() > 18 ||
        !std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      throw ParamError("event id must be a number, got '" + raw.substr(0, 60) + "'");
    }
    id = std::stoll(raw);
    store::QueryFilter f;
    f.event_ids = {id};
    f.limit = 1;
    auto rows = store.Events(f);
    if (rows.empty()) throw HttpError(404, "no event " + raw);
    f.limit = 200;
    f.sort = store::SortField::kDate;
    json mentions = json::array();
    for (const auto& m : store.Mentions(f)) mentions.push_back(ToJson(m));
    return json{{"event", ToJson(rows.front())}, {"mentions", std::move(mentions)}};
  });

  Get("/api/aggregates", [this](const httplib::Request& req) {
    store::AggregateRequest r = ParseAggregateQuery(req.params);
    json rows = json::array();
    for (const auto& row : store.Aggregate(r)) rows.push_back(ToJson(row, r.group));
    return json{{"group", GroupName(r.group)}, {"period", PeriodName(r.period)}, {"rows", std::move(rows)}};
  });

  Get("/api/actors", [this](const httplib::Request& req) {
    ActorSearch s = ParseActorSearch(req.params);
    json actors = json::array();
    for (const auto& a : store.SearchActors(s.text, s.limit)) actors.push_back(ToJson(a));
    return json{{"q", s.text}, {"actors", std::move(actors)}};
  });

  Get(R"(/api/actors/([^/]+))", [this](const httplib::Request& req) {
    RejectUnknown(req.params, {});
    std::string code = ParseActorCode("actor code", req.matches[1].str());
    auto profile = store.GetActor(code);
    if (!profile) throw HttpError(404, "no actor " + code);
    return ToJson(*profile);
  });

  Get(R"(/api/organizations/([^/]+)/timeline)", [this](const httplib::Request& req) {
    TimelineQuery q = ParseTimelineQuery(req.matches[1].str(), req.params);
    const store::TimelineRequest& r = q.request;
    std::vector<store::TimelineEntry> all = store.Timeline(r);
    json entries = json::array();
    for (size_t i = 0; i < all.size() && i < q.limit; ++i) entries.push_back(ToJson(all[i]));
    json members = r.members;
    if (r.members.empty()) {
      if (auto profile = store.GetActor(r.code)) members = profile->members;
    }
    return json{{"code", r.code},
                {"members", members},
                {"total", all.size()},
                {"truncated", all.size() > q.limit},
                {"entries", std::move(entries)}};
  });

  Get(R"(/api/documents/(.+))", [this](const httplib::Request& req) {
    RejectUnknown(req.params, {"raw"});
    const std::string id = req.matches[1];
    if (!IsDocumentId(id)) throw ParamError("document id must be 1 to 512 printable bytes");
    bool with_raw = false;
    if (req.has_param("raw")) {
      std::string v = req.get_param_value("raw");
      if (v == "1" || v == "true") {
        with_raw = true;
      } else if (v != "0" && v != "false") {
        throw ParamError("parameter 'raw' must be true or false");
      }
    }
    auto doc = store.GetDocument(id);
    if (!doc) throw HttpError(404, "no document '" + id.substr(0, 100) + "'");
    return ToJson(*doc, with_raw);
  });

  http.Post("/api/ingest", [this](const httplib::Request& req, httplib::Response& res,
                                  const httplib::ContentReader& reader) { Ingest(req, res, reader); });

  if (!options.web_dir.empty()) {
    if (!http.set_mount_point("/", options.web_dir)) {
      throw std::runtime_error("web page directory '" + options.web_dir + "' cannot be served");
    }
    http.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
      // The page changes with each build; its assets are small, so always revalidate.
      res.set_header("Cache-Control", "no-cache");
    });
  }

  // Anything unanswered (unknown path, wrong method) gets a JSON error, never an HTML page.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 404 ? "not found: " + req.path.substr(0, 200)
                                            : "request failed with status " + std::to_string(res.status);
    if (res.status == 413) message = "request body too large";
    SendError(res, res.status, message);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string message = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
    }
    SendError(res, 500, message);
  });
}

void Server::Impl::Ingest(const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& reader) {
  if (!options.allow_ingest) {
    SendError(res, 404, "ingest is not enabled on this server (start it with --allow-ingest)");
    return;
  }
  // The token is checked before a byte of the body is read.
  std::string auth = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (auth.empty()) {
    res.set_header("WWW-Authenticate", "Bearer");
    SendError(res, 401, "missing Authorization: Bearer token");
    return;
  }
  if (auth.size() <= kBearer.size() || auth.compare(0, kBearer.size(), kBearer) != 0 ||
      !ConstantTimeEquals(std::string_view(auth).substr(kBearer.size()), options.ingest_token)) {
    res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    SendError(res, 403, "invalid ingest token");
    return;
  }
  if (req.is_multipart_form_data()) {
    SendError(res, 415, "send the documents as the request body, not as a form");
    return;
  }
  std::string body;
  bool too_large = false;
  reader([&](const char* data, size_t n) {
    if (body.size() + n > options.max_ingest_bytes) {
      too_large = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (too_large) {
    SendError(res, 413, "request body larger than " + std::to_string(options.max_ingest_bytes) + " bytes");
    return;
  }
  if (body.empty()) {
    SendError(res, 400, "empty request body: send JSON Lines documents, text or HTML");
    return;
  }
  try {
    json report;
    {
      std::lock_guard lock(ingest_mu);
      report = options.ingest(body, req.get_header_value("Content-Type"));
      version.Bump();
      cache.Clear();
    }
    res.set_content(Dump(report), kJson);
  } catch (const ParamError& e) {
    SendError(res, 400, e.what());
  } catch (const store::StoreError& e) {
    SendError(res, 503, std::string("store: ") + e.what());
  } catch (const std::exception& e) {
    SendError(res, 500, e.what());
  }
}

Server::Server(store::Store& store, ServeOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {
  const ServeOptions& o = impl_->options;
  if (o.allow_ingest && o.ingest_token.empty()) {
    throw std::invalid_argument("ingest needs a token (set COMMUNIQUE_INGEST_TOKEN)");
  }
  if (o.allow_ingest && !o.ingest) throw std::invalid_argument("ingest needs an ingest handler");
  if (o.port < 0 || o.port > 65535) throw std::invalid_argument("port must be 0..65535");
  if (!o.web_dir.empty() && !std::filesystem::is_directory(o.web_dir)) {
    throw std::invalid_argument("web page directory '" + o.web_dir + "' does not exist");
  }
  // A keep-alive client holds a worker for its whole connection, so the pool is sized for a few
  // dozen concurrent clients rather than for the number of cores.
  size_t threads = o.threads > 0 ? static_cast<size_t>(o.threads)
                                 : std::max<size_t>(32, 4 * std::thread::hardware_concurrency());
  impl_->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Headers and body go out in separate writes; without TCP_NODELAY, Nagle's algorithm and the
  // client's delayed ACK add ~40 ms to every keep-alive answer.
  impl_->http.set_tcp_nodelay(true);
  impl_->http.set_keep_alive_max_count(10000);
  impl_->http.set_keep_alive_timeout(5);
  impl_->http.set_read_timeout(30);
  impl_->http.set_write_timeout(30);
  impl_->http.set_payload_max_length(o.max_ingest_bytes);
  impl_->Routes();
}

Server::~Server() = default;

int Server::Bind() {
  const ServeOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port < 0) {
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (address in use or not available)");
  }
  impl_->bound_port = port;
  return port;
}

std::vector<std::string> PageStartPaths() {
  // Keep in step with refresh() in web/src/main.js.
  return {"/health", "/api/events?sort=-date&limit=25&offset=0",
          "/api/aggregates?group=quad&period=day&limit=10000",
          "/api/aggregates?group=dyad&period=none&limit=60"};
}

void Server::Run() {
  std::thread warm;
  if (!impl_->options.warm_paths.empty()) {
    warm = std::thread([this] {
      for (int i = 0; i < 500 && !impl_->http.is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      std::string host = impl_->options.host == "0.0.0.0" ? "127.0.0.1" : impl_->options.host;
      httplib::Client self(host, impl_->bound_port);
      self.set_read_timeout(300);
      for (const auto& path : impl_->options.warm_paths) {
        if (!impl_->http.is_running() || !self.Get(path)) break;
      }
    });
  }
  impl_->http.listen_after_bind();
  if (warm.joinable()) warm.join();
}

void Server::Stop() { impl_->http.stop(); }

int Server::port() const { return impl_->bound_port; }

}  // namespace communique::serve
