// Builds a large synthetic event store for the `communique serve` load benchmark
// (scripts/bench-serve.sh): N events in N/10 documents of 10 sentences, written through the
// store API in batches, as `communique ingest` would write them.
//
// Actors are drawn from a few dozen countries with sectors and organizations (skewed, as news is:
// a few dyads dominate), CAMEO codes from data/cameo_codes.tsv with their Goldstein value,
// QuadClass and PLOVER type, dates uniformly over 2015-2025, outlets from a list of 40. The text
// of each document is distinct so that deduplication keeps every document.
//
// serve_store_gen --db PATH --events N [--data-dir DIR] [--seed S]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "code/cameo_table.h"
#include "store/store.h"

using namespace communique;

namespace {

const char* kCountries[] = {"RUS", "UKR", "USA", "CHN", "KAZ", "ARM", "AZE", "BLR", "KGZ", "TJK",
                            "UZB", "TUR", "IRN", "SYR", "AFG", "DEU", "FRA", "GBR", "IND", "PAK",
                            "ISR", "PSE", "EGY", "SAU", "GEO", "MDA", "POL", "JPN", "PRK", "KOR"};
const char* kSectors[] = {"", "GOV", "MIL", "LEG", "OPP", "BUS", "MED", "CVL", "REB", "JUD"};
const char* kOrgs[] = {"IGOEURCSTO", "IGOUNO", "IGOEUREEC", "IGOWSTNAT", "IGOASASCO", "IGOEUREU"};
const char* kWords[] = {"talks",   "border",    "security", "summit",   "troops",  "sanctions",
                        "trade",   "energy",    "pipeline", "ministry", "envoy",   "protest",
                        "attack",  "ceasefire", "treaty",   "aid",      "drills",  "statement",
                        "visit",   "election",  "court",    "refugees", "militia", "parliament",
                        "grain",   "airspace",  "drone",    "nuclear",  "exports", "negotiation"};

std::string Outlet(int i) { return "outlet" + std::to_string(i) + ".example"; }

}  // namespace

int main(int argc, char** argv) {
  std::string db, data_dir = COMMUNIQUE_SOURCE_DIR "/data";
  long long total = 0;
  unsigned seed = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db") db = argv[i + 1];
    else if (a == "--events") total = std::atoll(argv[i + 1]);
    else if (a == "--data-dir") data_dir = argv[i + 1];
    else if (a == "--seed") seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
  }
  if (db.empty() || total <= 0) {
    std::fprintf(stderr, "usage: serve_store_gen --db PATH --events N [--data-dir DIR] [--seed S]\n");
    return 2;
  }
  code::CameoTable cameo_table = code::CameoTable::LoadDefault(data_dir, [](const InputError&) {});
  std::vector<const code::CameoCode*> codes;
  for (const char* root : {"010", "012", "013", "020", "036", "040", "042", "043", "046", "051",
                           "057", "061", "071", "080", "090", "111", "112", "120", "130", "138",
                           "140", "160", "163", "172", "173", "180", "190", "193", "195"}) {
    if (const code::CameoCode* c = cameo_table.Find(root)) codes.push_back(c);
  }
  if (codes.empty()) {
    std::fprintf(stderr, "serve_store_gen: no CAMEO table in %s\n", data_dir.c_str());
    return 3;
  }

  std::mt19937_64 rng(seed);
  // Zipf-like choice: low indexes far more often, as in real news.
  auto skewed = [&](size_t n) {
    std::uniform_real_distribution<double> u(0, 1);
    return static_cast<size_t>(static_cast<double>(n) * u(rng) * u(rng));
  };
  auto actor = [&]() {
    EventActor a;
    if (skewed(8) == 0) {
      a.code = kOrgs[skewed(std::size(kOrgs))];
      a.country = "IGO";
      a.text = a.code.substr(6);
    } else {
      a.country = kCountries[skewed(std::size(kCountries))];
      a.sector = kSectors[skewed(std::size(kSectors))];
      a.code = a.country + a.sector;
      a.text = a.code;
    }
    return a;
  };
  const int32_t first_day = Date{2015, 1, 1}.Days();
  const int32_t days = Date{2025, 12, 31}.Days() - first_day + 1;

  auto store = store::Store::Open(db);
  store->SetMembers("IGOEURCSTO", {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"});
  const int kSentences = 10;
  const int kBatch = 500;  // documents per transaction
  long long written = 0, doc_no = 0;
  auto start = std::chrono::steady_clock::now();
  while (written < total) {
    std::vector<store::DocumentEvents> batch;
    for (int d = 0; d < kBatch && written < total; ++d, ++doc_no) {
      store::DocumentEvents de;
      Document& doc = de.doc;
      doc.id = "gen-" + std::to_string(doc_no);
      doc.outlet = Outlet(static_cast<int>(skewed(40)));
      doc.url = "https://" + doc.outlet + "/news/" + std::to_string(doc_no);
      doc.format = "text";
      doc.published = Date::FromDays(first_day + static_cast<int32_t>(rng() % days));
      doc.date_source = "header";
      for (int s = 0; s < kSentences && written < total; ++s, ++written) {
        EventActor src = actor(), tgt = actor();
        const code::CameoCode* c = codes[skewed(codes.size())];
        std::string sentence = src.text + " and " + tgt.text + " discussed " + kWords[rng() % 30] +
                               " and " + kWords[rng() % 30] + " in report " +
                               std::to_string(doc_no) + "." + std::to_string(s) + " (" +
                               kWords[rng() % 30] + ").";
        Sentence sent;
        sent.index = static_cast<uint32_t>(s);
        sent.begin = static_cast<uint32_t>(doc.text.size());
        doc.text += sentence;
        sent.end = static_cast<uint32_t>(doc.text.size());
        doc.text += ' ';
        doc.sentences.push_back(sent);
        Event e;
        e.doc_id = doc.id;
        e.sentence = sent.index;
        e.date = doc.published;
        e.date_source = "publication";
        e.source = src;
        e.target = tgt;
        e.cameo = c->code;
        e.plover = c->plover;
        e.quad_class = c->quad_class;
        e.goldstein = c->goldstein;
        e.url = doc.url;
        e.evidence.sentence = sentence;
        e.evidence.verb = "discussed";
        e.evidence.begin = sent.begin;
        e.evidence.end = sent.end;
        e.event_id = doc.id + ":" + std::to_string(s);
        de.events.push_back(std::move(e));
      }
      doc.raw = doc.text;
      doc.text_to_raw.resize(doc.text.size() + 1);
      for (size_t i = 0; i < doc.text_to_raw.size(); ++i) doc.text_to_raw[i] = static_cast<uint32_t>(i);
      Paragraph p;
      p.begin = 0;
      p.end = static_cast<uint32_t>(doc.text.size());
      p.lang = "en";
      doc.paragraphs.push_back(p);
      batch.push_back(std::move(de));
    }
    store->Write(batch);
    if (doc_no % 20000 == 0 || written >= total) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "serve_store_gen: %lld events in %lld documents, %.0f s\n", written, doc_no, s);
    }
  }
  store::StoreStats st = store->Stats();
  std::printf("store %s: %lld documents, %lld events, %lld mentions, %lld actors\n", db.c_str(),
              static_cast<long long>(st.documents), static_cast<long long>(st.events),
              static_cast<long long>(st.mentions), static_cast<long long>(st.actors));
  return 0;
}
