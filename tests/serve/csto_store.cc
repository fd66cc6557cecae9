// The CSTO fixture store (see csto_store.h).
#include "csto_store.h"

#include <stdexcept>

#include "code/cameo_table.h"
#include "ingest/reader.h"
#include "text/clean.h"

namespace communique::serve::testing {

const std::vector<FixtureEvent>& CstoEvents() {
  static const std::vector<FixtureEvent> events = {
      {"000", "Leaders of CSTO nations signed a declaration", "2024-11-28", "IGOEURCSTO", "CSTO",
       "signed", "KAZ", "Kazakhstan", "057"},
      {"000", "have called for an end to hostilities in the Gaza Strip", "2024-11-28", "IGOEURCSTO",
       "Collective Security Treaty Organization", "called for", "PSE", "Gaza Strip", "0256"},
      {"001", "hosted a summit of the Collective Security Treaty Organization", "2024-11-28", "KAZ",
       "Kazakhstan", "hosted", "IGOEURCSTO", "Collective Security Treaty Organization", "043"},
      {"001", "was held under the chairmanship of Kazakh President", "2024-11-28", "KAZGOV",
       "Kassym-Jomart Tokayev", "chairmanship", "IGOEURCSTO", "Collective Security Council", "040"},
      {"001", "only Armenia did not take part in the summit", "2024-11-28", "ARM", "Armenia",
       "did not take part", "IGOEURCSTO", "CSTO", "160"},
      {"001", "only Armenia did not take part in the summit", "2024-11-28", "ARMGOV", "Yerevan",
       "suspended", "IGOEURCSTO", "organization", "166"},
      {"002", "said on Wednesday that Afghanistan continues", "2024-11-27", "IGOEURCSTO",
       "Collective Security Treaty Organization", "said", "AFG", "Afghanistan", "012"},
      {"003", "affirmed their support for all political efforts", "", "IGOEURCSTO",
       "Collective Security Treaty Organization", "affirmed their support", "SYR", "Syria", "051"},
      {"004", "endorsed a model agreement", "2025-12-08", "IGOEURCSTOLEG", "Parliamentary Assembly",
       "endorsed", "IGOEURCSTO", "Collective Security Treaty Organization", "051"},
      {"004", "Parliamentarians from Belarus", "2025-12-08", "BLRLEG", "Belarus", "attending",
       "IGOEURCSTOLEG", "meeting", "043"},
  };
  return events;
}

namespace {

EventActor Actor(const std::string& code, const std::string& text) {
  EventActor a;
  a.code = code;
  a.text = text;
  a.country = code.substr(0, 3);
  if (code.size() >= 6 && a.country != "IGO") a.sector = code.substr(3, 3);
  return a;
}

}  // namespace

void BuildCstoStore(const std::string& location, const std::string& seeds_dir,
                    const std::string& data_dir) {
  std::vector<Document> docs;
  std::string read_errors;
  ingest::ReadInputs(
      {seeds_dir},
      [&](Document&& d) {
        text::Prepare(d);
        docs.push_back(std::move(d));
        return true;
      },
      [&](const InputError& e) { read_errors += e.ToString() + "\n"; });
  if (docs.size() != 5) {
    throw std::runtime_error("expected 5 seed documents in " + seeds_dir + ", read " +
                             std::to_string(docs.size()) + "\n" + read_errors);
  }
  code::CameoTable cameo = code::CameoTable::LoadDefault(data_dir, [](const InputError&) {});

  std::vector<store::DocumentEvents> batch;
  for (auto& d : docs) batch.push_back({std::move(d), {}});
  for (const FixtureEvent& f : CstoEvents()) {
    store::DocumentEvents* de = nullptr;
    for (auto& b : batch) {
      std::string stem = b.doc.input_path.substr(b.doc.input_path.find_last_of('/') + 1);
      if (stem.rfind(f.doc_prefix, 0) == 0) de = &b;
    }
    if (!de) throw std::runtime_error("no seed document " + f.doc_prefix);
    const Document& doc = de->doc;
    const Sentence* found = nullptr;
    for (const auto& s : doc.sentences) {
      if (doc.SentenceText(s).find(f.sentence) != std::string_view::npos) found = &s;
    }
    if (!found) {
      throw std::runtime_error("seed " + f.doc_prefix + ": no sentence with '" + f.sentence + "'");
    }
    Event e;
    e.doc_id = doc.id;
    e.sentence = found->index;
    if (!f.date.empty()) {
      e.date = Date::Parse(f.date);
      e.date_source = doc.published && *doc.published == *e.date ? "publication" : "text";
    }
    e.source = Actor(f.source_code, f.source_text);
    e.target = Actor(f.target_code, f.target_text);
    e.cameo = f.cameo;
    const code::CameoCode* c = cameo.Find(f.cameo);
    if (!c) throw std::runtime_error("CAMEO code " + f.cameo + " is not in the table");
    e.plover = c->plover;
    e.quad_class = c->quad_class;
    e.goldstein = c->goldstein;
    e.url = doc.url;
    e.evidence.sentence = std::string(doc.SentenceText(*found));
    e.evidence.verb = f.verb;
    auto [rb, re] = doc.RawSpan(found->begin, found->end);
    e.evidence.begin = rb;
    e.evidence.end = re;
    e.event_id = doc.id + ":" + std::to_string(found->index) + ":" + f.source_code + ":" +
                 f.target_code + ":" + f.cameo;
    de->events.push_back(std::move(e));
  }
  auto store = store::Store::Open(location);
  store->Write(batch);
  store->SetMembers("IGOEURCSTO", {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"});
}

}  // namespace communique::serve::testing
