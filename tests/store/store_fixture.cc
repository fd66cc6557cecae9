// Test support (see store_fixture.h). The PostgreSQL server is the one ctest's store_pg_start
// fixture started (COMMUNIQUE_TEST_PG_DIR/uri); a test binary run by hand starts its own through
// tests/store/pg_server.sh and stops it at exit.
#include "tests/store/store_fixture.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <pqxx/pqxx>

namespace communique::store::testing {

namespace fs = std::filesystem;

namespace {

struct Cleanup {
  std::vector<std::string> dirs;
  std::string own_pg_dir;
  ~Cleanup() {
    if (!own_pg_dir.empty()) {
      std::string cmd = std::string(COMMUNIQUE_SOURCE_DIR) + "/tests/store/pg_server.sh stop " + own_pg_dir;
      if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "could not stop %s\n", own_pg_dir.c_str());
    }
    for (auto& d : dirs) {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  }
};

Cleanup& Cleaner() {
  static Cleanup c;
  return c;
}

std::string ReadUri(const std::string& dir) {
  std::ifstream in(dir + "/uri");
  std::string uri;
  std::getline(in, uri);
  return uri;
}

}  // namespace

std::string TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "communique-store-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  std::string dir(buf.data());
  Cleaner().dirs.push_back(dir);
  return dir;
}

Document MakeDocument(const std::string& id, const std::string& url, const std::string& date,
                      const std::vector<std::string>& lines) {
  Document d;
  d.id = id;
  d.url = url;
  auto host_begin = url.find("://");
  if (host_begin != std::string::npos) {
    auto rest = url.substr(host_begin + 3);
    d.outlet = rest.substr(0, rest.find('/'));
  }
  d.format = "text";
  d.input_path = id + ".txt";
  d.published = Date::Parse(date);
  d.date_source = d.published ? "header" : "unknown";
  for (size_t i = 0; i < lines.size(); ++i) {
    Paragraph p;
    p.begin = static_cast<uint32_t>(d.text.size());
    d.text += lines[i];
    p.end = static_cast<uint32_t>(d.text.size());
    p.lang = "en";
    Sentence s;
    s.index = static_cast<uint32_t>(i);
    s.begin = p.begin;
    s.end = p.end;
    s.paragraph = static_cast<uint32_t>(i);
    d.paragraphs.push_back(p);
    d.sentences.push_back(s);
    d.text += "\n\n";
  }
  d.raw = d.text;
  d.text_to_raw.resize(d.text.size() + 1);
  for (size_t i = 0; i <= d.text.size(); ++i) d.text_to_raw[i] = static_cast<uint32_t>(i);
  return d;
}

Event MakeEvent(const Document& doc, uint32_t sentence, const std::string& source, const std::string& target,
                const std::string& cameo, const std::string& date, int quad_class, double goldstein,
                const std::string& plover) {
  Event e;
  e.doc_id = doc.id;
  e.sentence = sentence;
  e.date = Date::Parse(date);
  e.date_source = "publication";
  if (!source.empty()) e.source = EventActor{source.substr(0, 3) + " words", source, source.substr(0, 3), source.size() >= 6 ? source.substr(3, 3) : ""};
  if (!target.empty()) e.target = EventActor{target.substr(0, 3) + " words", target, target.substr(0, 3), target.size() >= 6 ? target.substr(3, 3) : ""};
  e.cameo = cameo;
  e.plover = plover;
  e.quad_class = quad_class;
  e.goldstein = goldstein;
  e.url = doc.url;
  if (sentence < doc.sentences.size()) {
    const auto& s = doc.sentences[sentence];
    e.evidence.sentence = std::string(doc.SentenceText(s));
    e.evidence.begin = s.begin;
    e.evidence.end = s.end;
  }
  e.evidence.verb = "met";
  e.evidence.pattern = "MEET";
  e.event_id = doc.id + ":" + std::to_string(sentence) + ":" + source + ":" + target + ":" + cameo;
  return e;
}

bool SkipPostgres() {
  const char* v = std::getenv("COMMUNIQUE_SKIP_PG");
  return v && std::string(v) == "1";
}

std::string PostgresServer(std::string* why) {
  static std::mutex mu;
  static std::string uri, error;
  static bool tried = false;
  std::lock_guard lock(mu);
  if (!tried) {
    tried = true;
    if (const char* dir = std::getenv("COMMUNIQUE_TEST_PG_DIR"); dir && *dir && fs::exists(std::string(dir) + "/uri")) {
      uri = ReadUri(dir);
    } else if (!SkipPostgres()) {
      std::string dir = "/tmp/communique-pg-" + std::to_string(getpid());
      std::string cmd = std::string(COMMUNIQUE_SOURCE_DIR) + "/tests/store/pg_server.sh start " + dir + " >&2";
      if (std::system(cmd.c_str()) == 0) {
        Cleaner().own_pg_dir = dir;
        uri = ReadUri(dir);
      } else {
        error = "tests/store/pg_server.sh could not start PostgreSQL (see its output above)";
      }
    } else {
      error = "PostgreSQL not started";
    }
    if (uri.empty() && error.empty()) error = "no PostgreSQL URI";
  }
  if (why) *why = error;
  return uri;
}

std::string NewPostgresDatabase(std::string* why) {
  std::string server = PostgresServer(why);
  if (server.empty()) return "";
  static std::atomic<int> counter{0};
  std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
                     std::to_string(std::rand() % 100000);
  try {
    pqxx::connection c(server);
    pqxx::nontransaction t(c);
    t.exec("CREATE DATABASE " + t.quote_name(name));
  } catch (const std::exception& e) {
    if (why) *why = std::string("cannot create a test database: ") + e.what();
    return "";
  }
  auto p = server.find(":///postgres");
  return server.substr(0, p) + ":///" + name + server.substr(p + std::string(":///postgres").size());
}

std::string SqliteBackend::NewStore(std::string*) { return TempDir() + "/store.sqlite"; }

}  // namespace communique::store::testing
