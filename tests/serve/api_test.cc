// HTTP API tests: a real server on a free loopback port over the CSTO fixture store, queried
// with httplib::Client. Every endpoint, its parameter checks, the static page (no traversal) and
// the ingest token guard.
#include <gtest/gtest.h>
#include <httplib.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "code/coder.h"
#include "csto_store.h"
#include "serve/ingest.h"
#include "serve/params.h"
#include "serve/server.h"
#include "serve/views.h"

namespace communique::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path MakeTempDir(const std::string& name) {
  std::string tmpl = (fs::temp_directory_path() / (name + "-XXXXXX")).string();
  char* dir = mkdtemp(tmpl.data());
  if (!dir) throw std::runtime_error("mkdtemp failed");
  return dir;
}

// A server over `store` running on its own thread for the lifetime of the object.
class RunningServer {
 public:
  RunningServer(store::Store& store, ServeOptions options) : server_(store, std::move(options)) {
    port_ = server_.Bind();
    thread_ = std::thread([this] { server_.Run(); });
  }
  ~RunningServer() {
    server_.Stop();
    thread_.join();
  }
  int port() const { return port_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5);
    c.set_read_timeout(30);
    return c;
  }

 private:
  Server server_;
  int port_ = 0;
  std::thread thread_;
};

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = MakeTempDir("communique-serve-test");
    db_ = (dir_ / "csto.db").string();
    testing::BuildCstoStore(db_, COMMUNIQUE_FIXTURES "/seeds", COMMUNIQUE_SOURCE_DIR "/data");
    // The page directory sits next to a file the server must never hand out.
    fs::create_directories(dir_ / "web" / "assets");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>page</title>";
    std::ofstream(dir_ / "web" / "assets" / "app.js") << "console.log('app')";
    std::ofstream(dir_ / "secret.txt") << "TOP-SECRET";
    store::OpenOptions ro;
    ro.read_only = true;
    store_ = store::Store::Open(db_, ro).release();
    ServeOptions o;
    o.port = 0;
    o.web_dir = (dir_ / "web").string();
    o.store_location = db_;
    server_ = new RunningServer(*store_, o);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete store_;
    fs::remove_all(dir_);
  }

  // GET path; expects `status` and a JSON body; returns the body.
  static json Get(const std::string& path, int status = 200) {
    auto c = server_->Client();
    auto res = c.Get(path);
    EXPECT_TRUE(res) << path << ": " << httplib::to_string(res.error());
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << " -> " << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
    json j = json::parse(res->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ": not JSON: " << res->body;
    if (status >= 400) {
      EXPECT_TRUE(j.contains("error") && j["error"].is_string() && !j["error"].get<std::string>().empty())
          << path << " -> " << res->body;
    }
    return j;
  }

  static size_t FixtureCount() { return testing::CstoEvents().size(); }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline store::Store* store_ = nullptr;
  static inline RunningServer* server_ = nullptr;
};

std::string PathEscape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::set<std::string> Codes(const json& events, const char* side) {
  std::set<std::string> out;
  for (const auto& e : events) out.insert(e[side]["code"].get<std::string>());
  return out;
}

TEST_F(ServeApiTest, HealthReportsTheStore) {
  json h = Get("/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["backend"], "sqlite");
  EXPECT_EQ(h["ingest"], false);
  EXPECT_EQ(h["store"]["documents"], 5);
  EXPECT_EQ(h["store"]["events"], FixtureCount());
  Get("/health?x=1", 400);
}

TEST_F(ServeApiTest, EventsUnfilteredAndPaginated) {
  json all = Get("/api/events?limit=100");
  EXPECT_EQ(all["total"], FixtureCount());
  ASSERT_EQ(all["events"].size(), FixtureCount());
  // Newest first by default; undated events last.
  EXPECT_EQ(all["events"][0]["date"], "2025-12-08");
  EXPECT_EQ(all["sort"], "-date");

  json p1 = Get("/api/events?limit=3&offset=0&sort=id");
  json p2 = Get("/api/events?limit=3&offset=3&sort=id");
  ASSERT_EQ(p1["events"].size(), 3u);
  ASSERT_EQ(p2["events"].size(), 3u);
  EXPECT_EQ(p1["total"], FixtureCount());
  EXPECT_LT(p1["events"][2]["id"].get<int64_t>(), p2["events"][0]["id"].get<int64_t>());
  json past = Get("/api/events?offset=1000");
  EXPECT_TRUE(past["events"].empty());
  EXPECT_EQ(past["total"], FixtureCount());
}

TEST_F(ServeApiTest, EventsSorted) {
  json up = Get("/api/events?sort=goldstein&limit=100");
  double last = -100;
  for (const auto& e : up["events"]) {
    EXPECT_GE(e["goldstein"].get<double>(), last);
    last = e["goldstein"];
  }
  json down = Get("/api/events?sort=-goldstein&limit=1");
  EXPECT_EQ(down["events"][0]["cameo"], "057");  // signing the declaration: +8
  EXPECT_EQ(up["events"][0]["cameo"], "166");     // suspending participation: -7
}

TEST_F(ServeApiTest, EventsFiltered) {
  json csto = Get("/api/events?actor=IGOEURCSTO&limit=100");
  EXPECT_EQ(csto["total"], FixtureCount());  // codes are prefixes: IGOEURCSTOLEG is the CSTO too
  for (const auto& e : csto["events"]) {
    std::string s = e["source"]["code"], t = e["target"]["code"];
    EXPECT_TRUE(s.rfind("IGOEURCSTO", 0) == 0 || t.rfind("IGOEURCSTO", 0) == 0) << s << " " << t;
  }
  json lower = Get("/api/events?actor=igoeurcsto&limit=100");
  EXPECT_EQ(lower["total"], csto["total"]);

  json arm = Get("/api/events?country=ARM");
  EXPECT_EQ(arm["total"], 2);
  EXPECT_EQ(Codes(arm["events"], "source"), (std::set<std::string>{"ARM", "ARMGOV"}));

  json two = Get("/api/events?country=ARM,BLR");
  EXPECT_EQ(two["total"], 3);
  json repeated = Get("/api/events?country=ARM&country=BLR");
  EXPECT_EQ(repeated["total"], 3);

  json dyad = Get("/api/events?dyad=KAZ-IGOEURCSTO");
  EXPECT_EQ(dyad["total"], 2);  // Kazakhstan hosting, Tokayev chairing
  json src_only = Get("/api/events?dyad=IGOEURCSTO-");
  EXPECT_EQ(Codes(src_only["events"], "source"), (std::set<std::string>{"IGOEURCSTO", "IGOEURCSTOLEG"}));
  json st = Get("/api/events?source=ARM&target=IGOEURCSTO");
  EXPECT_EQ(st["total"], 2);

  EXPECT_EQ(Get("/api/events?cameo=04")["total"], 3);
  EXPECT_EQ(Get("/api/events?cameo=16")["total"], 2);
  EXPECT_EQ(Get("/api/events?plover=SUPPORT")["total"], 3);
  EXPECT_EQ(Get("/api/events?plover=support")["total"], 3);
  EXPECT_EQ(Get("/api/events?quad=4")["total"], 2);
  EXPECT_EQ(Get("/api/events?from=2025-01-01")["total"], 2);
  EXPECT_EQ(Get("/api/events?from=2024-11-27&to=2024-11-27")["total"], 1);
  json upto = Get("/api/events?to=2024-11-28&limit=100");
  EXPECT_EQ(upto["total"], 7) << "an undated event must not fall inside a date range";
  json gaza = Get("/api/events?text=gaza%20strip");
  ASSERT_EQ(gaza["total"], 1);
  EXPECT_EQ(gaza["events"][0]["target"]["code"], "PSE");
  EXPECT_EQ(Get("/api/events?outlet=sputnikglobe.com")["total"], 2);
  EXPECT_EQ(Get("/api/events?actor=IGOEURCSTO&quad=4&from=2024-11-28&to=2024-11-28")["total"], 2);
  EXPECT_EQ(Get("/api/events?actor=NOSUCHACTOR")["total"], 0);
}

TEST_F(ServeApiTest, EventsRejectBadParameters) {
  for (const std::string& bad : std::vector<std::string>{
           "/api/events?actor=..%2F..%2Fetc", "/api/events?actor=RUS%27%3B%20DROP%20TABLE%20events%3B--",
           "/api/events?country=RUSSIA", "/api/events?country=R%27S", "/api/events?quad=5",
           "/api/events?quad=0", "/api/events?quad=abc", "/api/events?from=2024-13-01",
           "/api/events?from=yesterday", "/api/events?to=2024-02-30",
           "/api/events?from=2025-01-01&to=2024-01-01", "/api/events?limit=0",
           "/api/events?limit=100000", "/api/events?limit=-1", "/api/events?limit=1&limit=2",
           "/api/events?offset=-5", "/api/events?offset=99999999999", "/api/events?sort=name",
           "/api/events?sort=-", "/api/events?dyad=A-B-C", "/api/events?dyad=RUS",
           "/api/events?dyad=RUS-UKR&source=RUS", "/api/events?cameo=abc", "/api/events?cameo=12345",
           "/api/events?plover=CONSULT%3B", "/api/events?outlet=a%0Ab", "/api/events?limt=5",
           "/api/events?text=" + std::string(300, 'x')}) {
    SCOPED_TRACE(bad);
    Get(bad, 400);
  }
  json e = Get("/api/events?quad=9", 400);
  EXPECT_NE(e["error"].get<std::string>().find("quad"), std::string::npos);
  json u = Get("/api/events?actr=RUS", 400);
  EXPECT_NE(u["error"].get<std::string>().find("actr"), std::string::npos);
}

TEST_F(ServeApiTest, OneEventWithMentionsAndHighlights) {
  json list = Get("/api/events?dyad=ARM-IGOEURCSTO&cameo=160");
  ASSERT_EQ(list["total"], 1);
  int64_t id = list["events"][0]["id"];
  json one = Get("/api/events/" + std::to_string(id));
  EXPECT_EQ(one["event"]["id"], id);
  EXPECT_EQ(one["event"]["source"]["code"], "ARM");
  ASSERT_EQ(one["mentions"].size(), 1u);
  const json& m = one["mentions"][0];
  std::string sentence = m["evidence"];
  EXPECT_NE(sentence.find("only Armenia did not take part in the summit"), std::string::npos);
  std::map<std::string, std::string> marked;
  for (const auto& h : m["highlights"]) {
    size_t b = h["begin"], e = h["end"];
    ASSERT_LE(e, sentence.size());
    marked[h["role"]] = sentence.substr(b, e - b);
  }
  EXPECT_EQ(marked["source"], "Armenia");
  EXPECT_EQ(marked["verb"], "did not take part");
  EXPECT_EQ(marked["target"], "CSTO");
  EXPECT_EQ(m["url"], "");  // seed 001 has no header line, hence no URL
  Get("/api/events/abc", 400);
  Get("/api/events/99999999", 404);
  Get("/api/events/1?x=1", 400);
}

TEST_F(ServeApiTest, AggregatesByDyadAndQuad) {
  json dyads = Get("/api/aggregates?group=dyad&period=month");
  EXPECT_EQ(dyads["group"], "dyad");
  EXPECT_EQ(dyads["period"], "month");
  int64_t arm_nov = 0, sum = 0;
  for (const auto& r : dyads["rows"]) {
    sum += r["events"].get<int64_t>();
    if (r["source"] == "ARM" && r["target"] == "IGOEURCSTO" && r["period"] == "2024-11") arm_nov = r["events"];
  }
  EXPECT_EQ(arm_nov, 1);
  EXPECT_EQ(sum, static_cast<int64_t>(FixtureCount()) - 1);  // the undated event has no month

  json quads = Get("/api/aggregates?group=quad&period=day&actor=IGOEURCSTO");
  std::map<std::pair<std::string, int>, int64_t> cells;
  for (const auto& r : quads["rows"]) cells[{r["period"], r["quad_class"]}] = r["events"];
  EXPECT_EQ((cells[{"2024-11-28", 4}]), 2);
  EXPECT_EQ((cells[{"2024-11-28", 1}]), 4);
  EXPECT_EQ((cells[{"2025-12-08", 1}]), 2);  // the Parliamentary Assembly (IGOEURCSTOLEG)

  json all = Get("/api/aggregates?group=dyad&period=none&limit=2");
  ASSERT_EQ(all["rows"].size(), 2u);
  EXPECT_FALSE(all["rows"][0].contains("period"));
  EXPECT_GE(all["rows"][0]["events"].get<int64_t>(), all["rows"][1]["events"].get<int64_t>());
  json mean = Get("/api/aggregates?group=dyad&period=none&dyad=ARM-IGOEURCSTO");
  std::map<std::string, double> by_source;
  for (const auto& r : mean["rows"]) by_source[r["source"]] = r["goldstein_mean"];
  EXPECT_EQ(by_source, (std::map<std::string, double>{{"ARM", -4.0}, {"ARMGOV", -7.0}}));

  for (const char* bad : {"/api/aggregates?group=outlet", "/api/aggregates?period=decade",
                          "/api/aggregates?group=period&period=none", "/api/aggregates?limit=0",
                          "/api/aggregates?quad=7", "/api/aggregates?sort=date"}) {
    SCOPED_TRACE(bad);
    Get(bad, 400);
  }
}

TEST_F(ServeApiTest, ActorSearchAndProfile) {
  json found = Get("/api/actors?q=CSTO");
  std::set<std::string> codes;
  for (const auto& a : found["actors"]) codes.insert(a["code"]);
  EXPECT_TRUE(codes.count("IGOEURCSTO")) << found.dump();
  json arm = Get("/api/actors?q=Armenia&limit=5");
  ASSERT_FALSE(arm["actors"].empty());
  EXPECT_EQ(arm["actors"][0]["code"].get<std::string>().substr(0, 3), "ARM");

  json p = Get("/api/actors/IGOEURCSTO");
  EXPECT_EQ(p["actor"]["code"], "IGOEURCSTO");
  EXPECT_EQ(p["members"], (json{"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}));
  EXPECT_GT(p["actor"]["as_source"].get<int64_t>(), 0);
  EXPECT_GT(p["actor"]["as_target"].get<int64_t>(), 0);
  EXPECT_FALSE(p["partners"].empty());
  EXPECT_EQ(Get("/api/actors/igoeurcsto")["actor"]["code"], "IGOEURCSTO");

  Get("/api/actors/NOSUCHACTOR", 404);
  Get("/api/actors/IGO%20EUR", 400);
  Get("/api/actors/" + std::string(60, 'A'), 400);
  Get("/api/actors?limit=1000", 400);
  Get("/api/actors?q=a%01b", 400);
}

TEST_F(ServeApiTest, OrganizationTimeline) {
  json t = Get("/api/organizations/IGOEURCSTO/timeline");
  EXPECT_EQ(t["code"], "IGOEURCSTO");
  EXPECT_EQ(t["members"].size(), 6u);
  bool absence = false, declaration = false, assembly = false;
  std::string last_date;
  for (const auto& e : t["entries"]) {
    if (e["date"].is_string()) {
      EXPECT_GE(e["date"].get<std::string>(), last_date);  // date order
      last_date = e["date"];
    }
    if (e["kind"] == "absence" && e["role"] == "ARM") absence = true;
    if (e["kind"] == "declaration" && e["date"] == "2024-11-28") declaration = true;
    if (e["date"] == "2025-12-08") assembly = true;
    EXPECT_TRUE(e["event"].contains("evidence"));
  }
  EXPECT_TRUE(absence) << t.dump(1);
  EXPECT_TRUE(declaration) << t.dump(1);
  EXPECT_TRUE(assembly) << t.dump(1);

  json later = Get("/api/organizations/IGOEURCSTO/timeline?from=2025-01-01");
  for (const auto& e : later["entries"]) EXPECT_EQ(e["date"], "2025-12-08");
  EXPECT_FALSE(later["entries"].empty());

  EXPECT_EQ(t["truncated"], false);
  EXPECT_EQ(t["total"], t["entries"].size());
  json first2 = Get("/api/organizations/IGOEURCSTO/timeline?limit=2");
  EXPECT_EQ(first2["entries"].size(), 2u);
  EXPECT_EQ(first2["truncated"], true);
  EXPECT_EQ(first2["entries"][0], t["entries"][0]);
  Get("/api/organizations/IGOEURCSTO/timeline?limit=0", 400);
  Get("/api/organizations/IGOEURCSTO/timeline?from=28.11.2024", 400);
  Get("/api/organizations/IGOEURCSTO/timeline?members=ARMENIA", 400);
  Get("/api/organizations/IGO-CSTO/timeline", 400);
  Get("/api/organizations/IGOEURCSTO/timeline?foo=1", 400);
}

TEST_F(ServeApiTest, DocumentWithEventSpans) {
  json list = Get("/api/events?dyad=ARM-IGOEURCSTO&cameo=160");
  std::string doc_id = list["events"][0]["doc_id"];
  ASSERT_FALSE(doc_id.empty());
  json d = Get("/api/documents/" + PathEscape(doc_id));
  EXPECT_EQ(d["id"], doc_id);
  std::string text = d["text"];
  EXPECT_NE(text.find("only Armenia did not take part"), std::string::npos);
  EXPECT_FALSE(d.contains("raw"));
  ASSERT_EQ(d["events"].size(), 4u);  // the four fixture events of seed 001
  bool armenia = false;
  for (const auto& span : d["events"]) {
    size_t b = span["begin"], e = span["end"];
    ASSERT_LE(e, text.size());
    for (const auto& h : span["highlights"]) {
      size_t hb = h["begin"], he = h["end"];
      EXPECT_GE(hb, b);
      EXPECT_LE(he, e);
      std::string words = text.substr(hb, he - hb);
      if (h["role"] == "source") {
        EXPECT_EQ(words, span["source_text"]);
      }
      if (h["role"] == "verb") {
        EXPECT_EQ(words, span["verb"]);
      }
      if (h["role"] == "target") {
        EXPECT_EQ(words, span["target_text"]);
      }
      if (words == "Armenia") armenia = true;
    }
  }
  EXPECT_TRUE(armenia);
  json raw = Get("/api/documents/" + PathEscape(doc_id) + "?raw=true");
  EXPECT_TRUE(raw["raw"].is_string());
  Get("/api/documents/" + PathEscape(doc_id) + "?raw=maybe", 400);
  Get("/api/documents/no-such-document", 404);
}

TEST_F(ServeApiTest, UnknownRoutesAnswerJson) {
  Get("/api/nothing", 404);
  Get("/api/events/1/2", 404);
  auto c = server_->Client();
  auto res = c.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_GE(res->status, 400);
  EXPECT_LT(res->status, 500);
  EXPECT_TRUE(json::parse(res->body, nullptr, false).contains("error")) << res->body;
  // Without --allow-ingest there is no ingest endpoint, token or not.
  httplib::Headers auth = {{"Authorization", "Bearer anything"}};
  auto ingest = c.Post("/api/ingest", auth, "text", "text/plain");
  ASSERT_TRUE(ingest);
  EXPECT_EQ(ingest->status, 404);
}

TEST_F(ServeApiTest, StaticPageServedWithoutTraversal) {
  auto c = server_->Client();
  auto index = c.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>page</title>"), std::string::npos);
  EXPECT_NE(index->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
  auto js = c.Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log('app')");

  // Raw sockets so that no client library normalizes the paths first.
  for (const std::string path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/../../secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..\\secret.txt", "//secret.txt",
        "/assets/..%5c..%5csecret.txt", "/./../secret.txt", "/%252e%252e/secret.txt"}) {
    SCOPED_TRACE(path);
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    std::string answer;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(write(fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) answer.append(buf, static_cast<size_t>(n));
    close(fd);
    EXPECT_EQ(answer.find("TOP-SECRET"), std::string::npos) << answer;
    EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos) << answer;
  }
}

TEST(ServeParamsTest, FilterFromParameters) {
  Params p = {{"actor", "igoeurcsto"}, {"country", "arm,blr"}, {"dyad", "RUS-"}, {"cameo", "04"},
              {"plover", "consult"}, {"quad", "1"}, {"from", "2024-11-01"}, {"to", "2024-11-30"},
              {"text", "summit"}, {"outlet", "TASS.com"}, {"sort", "-mentions"}, {"limit", "10"},
              {"offset", "20"}};
  store::QueryFilter f = ParseEventQuery(p);
  EXPECT_EQ(f.actors, std::vector<std::string>{"IGOEURCSTO"});
  EXPECT_EQ(f.countries, (std::vector<std::string>{"ARM", "BLR"}));
  EXPECT_EQ(f.source, "RUS");
  EXPECT_EQ(f.target, "");
  EXPECT_EQ(f.cameo_prefix, "04");
  EXPECT_EQ(f.plover, "CONSULT");
  EXPECT_EQ(f.quad_class, 1);
  EXPECT_EQ(f.from->ToString(), "2024-11-01");
  EXPECT_EQ(f.to->ToString(), "2024-11-30");
  EXPECT_EQ(f.text, "summit");
  EXPECT_EQ(f.outlet, "tass.com");
  EXPECT_EQ(f.sort, store::SortField::kMentions);
  EXPECT_TRUE(f.descending);
  EXPECT_EQ(f.limit, 10u);
  EXPECT_EQ(f.offset, 20u);
}

TEST(ServeParamsTest, HighlightsAvoidOverlap) {
  auto hs = FindHighlights("Russia and russia met", "Russia", "met", "Russia");
  ASSERT_EQ(hs.size(), 3u);
  EXPECT_EQ(hs[0].role, "source");
  EXPECT_EQ(hs[0].begin, 0u);
  EXPECT_EQ(hs[1].role, "target");
  EXPECT_EQ(hs[1].begin, 11u);  // the second, case-insensitive occurrence
  EXPECT_EQ(hs[2].role, "verb");
  EXPECT_TRUE(FindHighlights("short", "a much longer actor name", "", "").empty());
}

TEST(ServeTokenTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("s3cret-token", "s3cret-token"));
  EXPECT_FALSE(ConstantTimeEquals("s3cret-token", "s3cret-tokem"));
  EXPECT_FALSE(ConstantTimeEquals("s3cret-token", "s3cret-token2"));
  EXPECT_FALSE(ConstantTimeEquals("s3cret-token", ""));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

// Ingest through the API: the token guard, then real documents read, coded and stored.
class ServeIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("communique-serve-ingest");
    db_ = (dir_ / "ingest.db").string();
    testing::BuildCstoStore(db_, COMMUNIQUE_FIXTURES "/seeds", COMMUNIQUE_SOURCE_DIR "/data");
    store_ = store::Store::Open(db_);
    code::CoderOptions co;
    co.data_dir = COMMUNIQUE_SOURCE_DIR "/data";
    coder_ = code::Coder::Load(co, [](const InputError&) {});
  }
  void TearDown() override { fs::remove_all(dir_); }

  ServeOptions Options() {
    ServeOptions o;
    o.port = 0;
    o.store_location = db_;
    o.allow_ingest = true;
    o.ingest_token = "correct-horse-battery-staple";
    o.ingest = MakeIngestHandler(*store_, *coder_);
    return o;
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<code::Coder> coder_;
};

TEST_F(ServeIngestTest, RefusesToStartWithoutToken) {
  ServeOptions o = Options();
  o.ingest_token.clear();
  EXPECT_THROW(Server(*store_, o), std::invalid_argument);
}

TEST_F(ServeIngestTest, TokenGuardAndStoring) {
  RunningServer server(*store_, Options());
  auto c = server.Client();
  const std::string doc =
      R"({"id": "api-1", "url": "https://example.org/csto-exercise", "date": "2025-09-02", )"
      R"("text": "Russian and Belarusian troops held joint exercises with the CSTO in Belarus on Tuesday. )"
      R"(Armenia declined to send officers to the drills."})"
      "\n";

  auto none = c.Post("/api/ingest", doc, "application/x-ndjson");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  for (const char* bad : {"Bearer wrong", "Bearer correct-horse-battery-stapl",
                                 "Bearer correct-horse-battery-staplf", "Basic Y29ycmVjdA==",
                                 "correct-horse-battery-staple", "Bearer "}) {
    SCOPED_TRACE(bad);
    auto res = c.Post("/api/ingest", {{"Authorization", bad}}, doc, "application/x-ndjson");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403);
    EXPECT_TRUE(json::parse(res->body, nullptr, false).contains("error"));
  }
  EXPECT_EQ(store_->Stats().documents, 5);  // nothing was written by refused requests

  auto before = json::parse(c.Get("/health")->body);  // cached now; the ingest must invalidate it
  EXPECT_EQ(before["store"]["documents"], 5);
  EXPECT_EQ(before["ingest"], true);

  httplib::Headers auth = {{"Authorization", "Bearer correct-horse-battery-staple"}};
  auto ok = c.Post("/api/ingest", auth, doc, "application/x-ndjson");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  json report = json::parse(ok->body);
  EXPECT_EQ(report["documents"], 1);
  EXPECT_EQ(report["added"], 1);
  auto after = json::parse(c.Get("/health")->body);
  EXPECT_EQ(after["store"]["documents"], 6);
  json d = json::parse(c.Get("/api/documents/api-1")->body);
  EXPECT_EQ(d["url"], "https://example.org/csto-exercise");

  // The same document again changes nothing (idempotent store).
  auto again = c.Post("/api/ingest", auth, doc, "application/x-ndjson");
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["unchanged"], 1);

  auto empty = c.Post("/api/ingest", auth, "", "text/plain");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto garbage = c.Post("/api/ingest", auth, std::string("\x00\x01\x02\xff", 4), "application/octet-stream");
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->status, 400) << garbage->body;
}

}  // namespace
}  // namespace communique::serve
