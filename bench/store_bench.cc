// Store benchmark: ingest speed (documents/s) into SQLite and PostgreSQL, store size per million
// events, and query latency of the aggregations at a given store size.
//
// Generates synthetic but realistically shaped documents: ~10 coded events each, 300 actors with
// a skewed (Zipf-like) popularity, 60 CAMEO codes, 5 years of dates, 40 outlets, and 5% of
// documents re-published by another outlet with different furniture (near-duplicates).
//   store_bench --events N --sqlite PATH [--pg URI] [--pg-events N] [--batch N]
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/store.h"

using namespace communique;
using namespace communique::store;

namespace {

struct Generator {
  std::mt19937_64 rng{42};
  std::vector<std::string> actors, cameos, outlets, words;
  std::vector<double> actor_cdf;
  Generator() {
    const char* countries[] = {"RUS", "KAZ", "ARM", "BLR", "KGZ", "TJK", "USA", "CHN", "UKR", "AZE", "IRN", "TUR",
                               "SYR", "AFG", "DEU", "FRA", "GBR", "IND", "PAK", "UZB"};
    const char* sectors[] = {"", "GOV", "MIL", "LEG", "OPP", "BUS", "CVL", "MED", "JUD", "COP", "REB", "ELI",
                             "GOVMIL", "GOVFRM", "EDU"};
    for (auto c : countries)
      for (auto s : sectors) actors.push_back(std::string(c) + s);
    actors.push_back("IGOEURCSTO");
    actors.push_back("IGOEURCSTOLEG");
    actors.push_back("IGOUNO");
    double sum = 0;
    for (size_t i = 0; i < actors.size(); ++i) actor_cdf.push_back(sum += 1.0 / std::pow(i + 1, 0.9));
    for (auto& v : actor_cdf) v /= sum;
    std::shuffle(actors.begin(), actors.end(), rng);
    const char* codes[] = {"010", "011", "012", "013", "014", "015", "016", "017", "018", "019", "020", "021",
                           "022", "023", "024", "025", "026", "027", "028", "030", "031", "032", "033", "034",
                           "035", "036", "040", "041", "042", "043", "044", "045", "046", "050", "051", "052",
                           "053", "054", "055", "056", "057", "060", "061", "070", "071", "073", "080", "090",
                           "100", "110", "111", "112", "120", "130", "138", "140", "150", "160", "166", "173",
                           "180", "190", "193", "195"};
    for (auto c : codes) cameos.push_back(c);
    for (int i = 0; i < 40; ++i) outlets.push_back("news" + std::to_string(i) + ".example.com");
    const char* w[] = {"the", "minister", "said", "on", "talks", "security", "summit", "agreement", "border",
                       "forces", "president", "meeting", "declaration", "cooperation", "defence", "of", "and",
                       "in", "with", "a", "organization", "member", "states", "council", "delegation", "visit",
                       "sanctions", "troops", "envoy", "treaty", "parliament", "region", "crisis", "support"};
    for (auto x : w) words.push_back(x);
  }
  const std::string& Actor() {
    double u = std::uniform_real_distribution<>(0, 1)(rng);
    size_t i = std::lower_bound(actor_cdf.begin(), actor_cdf.end(), u) - actor_cdf.begin();
    return actors[std::min(i, actors.size() - 1)];
  }
  std::string Sentence(int n) {
    std::string s;
    int len = 18 + static_cast<int>(rng() % 14);
    for (int i = 0; i < len; ++i) s += (i ? " " : "") + words[rng() % words.size()];
    return s + " " + std::to_string(n) + ".";
  }
  DocumentEvents Document(uint64_t n, int events) {
    DocumentEvents de;
    auto& d = de.doc;
    d.id = "bench-" + std::to_string(n);
    d.outlet = outlets[rng() % outlets.size()];
    d.url = "https://" + d.outlet + "/story/" + std::to_string(n);
    d.format = "text";
    int day = Date{2020, 1, 1}.Days() + static_cast<int>(rng() % (5 * 365));
    d.published = Date::FromDays(day);
    d.date_source = "header";
    for (int i = 0; i < events; ++i) {
      Paragraph p;
      p.begin = static_cast<uint32_t>(d.text.size());
      d.text += Sentence(static_cast<int>(n * 31 + i));
      p.end = static_cast<uint32_t>(d.text.size());
      p.lang = "en";
      d.paragraphs.push_back(p);
      d.sentences.push_back({static_cast<uint32_t>(i), p.begin, p.end, static_cast<uint32_t>(i)});
      d.text += "\n\n";
    }
    d.raw = d.text;
    d.text_to_raw.resize(d.text.size() + 1);
    for (size_t i = 0; i <= d.text.size(); ++i) d.text_to_raw[i] = static_cast<uint32_t>(i);
    for (int i = 0; i < events; ++i) {
      Event e;
      e.doc_id = d.id;
      e.sentence = static_cast<uint32_t>(i);
      e.date = Date::FromDays(day - static_cast<int>(rng() % 2));
      e.date_source = "publication";
      std::string s = Actor(), t = Actor();
      e.source = EventActor{"source words", s, s.substr(0, 3), s.size() >= 6 ? s.substr(3, 3) : ""};
      e.target = EventActor{"target words", t, t.substr(0, 3), t.size() >= 6 ? t.substr(3, 3) : ""};
      e.cameo = cameos[rng() % cameos.size()];
      int root = std::stoi(e.cameo.substr(0, 2));
      e.quad_class = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
      e.goldstein = (root <= 8 ? 1 : -1) * static_cast<double>(rng() % 100) / 10.0;
      e.plover = root == 4 ? "CONSULT" : root == 5 ? "COOPERATE" : "";
      e.url = d.url;
      e.evidence.sentence = std::string(d.SentenceText(d.sentences[i]));
      e.evidence.verb = "met";
      e.evidence.pattern = "MEET";
      e.evidence.begin = d.sentences[i].begin;
      e.evidence.end = d.sentences[i].end;
      e.event_id = d.id + "-" + std::to_string(i);
      de.events.push_back(std::move(e));
    }
    return de;
  }
  // The same story on another site, with a navigation line and a footer.
  DocumentEvents Republish(const DocumentEvents& orig, uint64_t n) {
    DocumentEvents de = orig;
    auto& d = de.doc;
    d.id = "bench-" + std::to_string(n);
    d.outlet = outlets[rng() % outlets.size()];
    d.url = "https://" + d.outlet + "/republished/" + std::to_string(n);
    d.raw = "Home | World | Politics\n\n" + d.raw + "Share this article";
    for (auto& e : de.events) {
      e.doc_id = d.id;
      e.url = d.url;
      e.event_id = d.id + e.event_id.substr(e.event_id.rfind('-'));
    }
    return de;
  }
};

// CPU seconds of this process (user + system): on a shared machine wall time also counts the
// time other processes held the cores.
double Cpu() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct IngestResult {
  double docs_per_s = 0, events_per_s = 0, docs_per_cpu_s = 0;
  uint64_t docs = 0, events = 0;
};

IngestResult Ingest(Store& store, uint64_t target_events, size_t batch_size, bool verbose) {
  Generator g;
  IngestResult r;
  std::vector<DocumentEvents> batch;
  const double start = Now(), cpu_start = Cpu();
  double last_report = start;
  uint64_t n = 0, mentions = 0;
  while (mentions < target_events) {
    DocumentEvents de = g.Document(n++, 10);
    if (g.rng() % 20 == 0 && !batch.empty()) batch.push_back(g.Republish(batch.back(), n++));
    batch.push_back(std::move(de));
    if (batch.size() >= batch_size) {
      auto s = store.Write(batch);
      mentions += s.mentions_added;
      r.docs += batch.size();
      batch.clear();
      if (verbose && Now() - last_report > 10) {
        last_report = Now();
        std::fprintf(stderr, "  %llu documents, %llu mentions, %.0f docs/s\n", (unsigned long long)r.docs,
                     (unsigned long long)mentions, r.docs / (last_report - start));
      }
    }
  }
  if (!batch.empty()) {
    mentions += store.Write(batch).mentions_added;
    r.docs += batch.size();
  }
  const double secs = Now() - start;
  r.events = mentions;
  r.docs_per_s = r.docs / secs;
  r.docs_per_cpu_s = r.docs / (Cpu() - cpu_start);
  r.events_per_s = mentions / secs;
  return r;
}

struct Timing {
  double wall = 0, cpu = 0;
};

template <typename F>
Timing Median(F&& f, int runs = 5) {
  std::vector<double> t, c;
  for (int i = 0; i < runs; ++i) {
    double s = Now(), cs = Cpu();
    f();
    t.push_back(Now() - s);
    c.push_back(Cpu() - cs);
  }
  std::sort(t.begin(), t.end());
  std::sort(c.begin(), c.end());
  return {t[t.size() / 2], c[c.size() / 2]};
}

void Queries(Store& store) {
  auto stats = store.Stats();
  std::printf("  store: %lld documents, %lld events, %lld mentions\n", (long long)stats.documents,
              (long long)stats.events, (long long)stats.mentions);
  struct Q {
    const char* name;
    AggregateRequest req;
  };
  std::vector<Q> qs;
  AggregateRequest r;
  r.group = GroupBy::kDyad;
  r.period = Period::kMonth;
  qs.push_back({"dyad x month, all events", r});
  r.filter.actors = {"RUS"};
  qs.push_back({"dyad x month, actor RUS (either side)", r});
  r.filter = {};
  r.filter.source = "KAZGOV";
  r.filter.target = "RUSGOV";
  qs.push_back({"one dyad (KAZGOV->RUSGOV) x month", r});
  r = {};
  r.group = GroupBy::kDyad;
  r.period = Period::kYear;
  qs.push_back({"dyad x year", r});
  r = {};
  r.group = GroupBy::kQuadClass;
  r.period = Period::kMonth;
  qs.push_back({"QuadClass x month (Goldstein sum/mean)", r});
  r = {};
  r.group = GroupBy::kPeriod;
  r.period = Period::kWeek;
  qs.push_back({"events per week", r});
  r = {};
  r.group = GroupBy::kActor;
  r.period = Period::kNone;
  r.limit = 20;
  qs.push_back({"top 20 actors (either side)", r});
  r = {};
  r.group = GroupBy::kDyad;
  r.period = Period::kNone;
  r.limit = 20;
  qs.push_back({"top 20 dyads", r});
  r = {};
  r.group = GroupBy::kDyad;
  r.period = Period::kMonth;
  r.filter.from = Date{2023, 1, 1};
  r.filter.to = Date{2023, 12, 31};
  qs.push_back({"dyad x month, one year", r});
  for (auto& q : qs) {
    size_t rows = 0;
    Timing t = Median([&] { rows = store.Aggregate(q.req).size(); }, 3);
    std::printf("  %-42s %8.3f s wall %8.3f s CPU  (%zu rows)\n", q.name, t.wall, t.cpu, rows);
  }
  QueryFilter f;
  f.actors = {"IGOEURCSTO"};
  f.limit = 50;
  f.descending = true;
  Timing t = Median([&] { store.Events(f); });
  std::printf("  %-42s %8.3f s wall %8.3f s CPU\n", "events page, actor IGOEURCSTO, newest 50", t.wall, t.cpu);
  f = {};
  f.cameo_prefix = "04";
  f.from = Date{2024, 6, 1};
  f.to = Date{2024, 6, 30};
  f.limit = 50;
  t = Median([&] { store.Events(f); });
  std::printf("  %-42s %8.3f s wall %8.3f s CPU\n", "events page, CAMEO 04, one month", t.wall, t.cpu);
}

uint64_t FileSize(const std::string& p) {
  uint64_t total = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    struct stat st;
    if (stat((p + suffix).c_str(), &st) == 0) total += st.st_size;
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t events = 1000000, pg_events = 200000;
  size_t batch = 500;
  bool reuse = false;
  std::string sqlite, pg;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--events") events = std::stoull(next());
    else if (a == "--pg-events") pg_events = std::stoull(next());
    else if (a == "--sqlite") sqlite = next();
    else if (a == "--pg") pg = next();
    else if (a == "--batch") batch = std::stoul(next());
    else if (a == "--reuse") reuse = true;  // query an existing SQLite store, no ingest
    else {
      std::fprintf(stderr, "usage: store_bench --events N --sqlite PATH [--reuse] [--pg URI] [--pg-events N] [--batch N]\n");
      return 2;
    }
  }
  if (!sqlite.empty() && reuse) {
    auto reader = Store::Open(sqlite, OpenOptions{.read_only = true});
    std::printf("SQLite (%s), existing store\n", sqlite.c_str());
    Queries(*reader);
  } else if (!sqlite.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite + suffix);
    auto store = Store::Open(sqlite);
    std::printf("SQLite (%s), %llu events, batches of %zu documents\n", sqlite.c_str(), (unsigned long long)events, batch);
    auto r = Ingest(*store, events, batch, true);
    std::printf("  ingest: %.0f documents/s, %.0f events/s wall; %.0f documents per CPU-second "
                "(%llu documents, %llu events)\n",
                r.docs_per_s, r.events_per_s, r.docs_per_cpu_s, (unsigned long long)r.docs,
                (unsigned long long)r.events);
    store.reset();
    {
      auto s = Store::Open(sqlite);  // checkpoint the WAL on close
    }
    auto reader = Store::Open(sqlite, OpenOptions{.read_only = true});
    const uint64_t bytes = FileSize(sqlite);
    const auto st = reader->Stats();
    std::printf("  size: %.1f MB, %.1f MB per million events (%.0f bytes/event, documents' text included)\n",
                bytes / 1e6, bytes / 1e6 * 1e6 / std::max<int64_t>(1, st.events),
                double(bytes) / std::max<int64_t>(1, st.events));
    Queries(*reader);
  }
  if (!pg.empty()) {
    auto store = Store::Open(pg);
    std::printf("PostgreSQL, %llu events, batches of %zu documents (COPY for sentences, mentions, bands)\n",
                (unsigned long long)pg_events, batch);
    auto r = Ingest(*store, pg_events, batch, true);
    std::printf("  ingest: %.0f documents/s, %.0f events/s wall; %.0f documents per client CPU-second "
                "(%llu documents, %llu events; the server's CPU is not counted)\n",
                r.docs_per_s, r.events_per_s, r.docs_per_cpu_s, (unsigned long long)r.docs,
                (unsigned long long)r.events);
    std::printf("  (PostgreSQL query CPU below is the client's; the server's work shows in wall time)\n");
    Queries(*store);
  }
  return 0;
}
