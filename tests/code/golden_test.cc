// Golden tests: tests/fixtures/code/*.txt cases (sentences / ---- / expected events) coded with the
// shipped dictionaries; see the header of clauses.txt for the format.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "code/coder.h"

namespace communique::code {
namespace {

struct Case {
  std::string file;
  int line = 0;
  std::vector<std::string> sentences;
  std::vector<std::string> expected;
};

std::vector<Case> ReadCases() {
  std::vector<Case> cases;
  std::vector<std::string> files;
  for (auto& e : std::filesystem::directory_iterator(COMMUNIQUE_FIXTURES "/code"))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    Case c;
    bool in_expected = false;
    auto flush = [&] {
      if (!c.sentences.empty()) cases.push_back(c);
      c = Case{};
      in_expected = false;
    };
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line[0] == '#') continue;
      if (line.empty()) {
        if (in_expected) flush();
        continue;
      }
      if (line == "----") {
        in_expected = true;
        continue;
      }
      if (in_expected) {
        c.expected.push_back(line);
      } else {
        if (c.sentences.empty()) {
          c.file = std::filesystem::path(f).filename().string();
          c.line = n;
        }
        c.sentences.push_back(line);
      }
    }
    flush();
  }
  return cases;
}

bool Matches(const std::string& want, const Event& e) {
  std::istringstream ss(want);
  std::string src, code, tgt;
  ss >> src >> code >> tgt;
  auto actor = [](const std::string& w, const std::optional<EventActor>& a) {
    if (w == "-") return !a.has_value();
    return a && a->code.rfind(w, 0) == 0;
  };
  bool code_ok = std::isdigit(static_cast<unsigned char>(code[0])) ? e.cameo.rfind(code, 0) == 0
                                                                    : e.plover == code;
  return code_ok && actor(src, e.source) && actor(tgt, e.target);
}

TEST(Golden, FixtureCases) {
  CoderOptions options;
  options.data_dir = COMMUNIQUE_SOURCE_DIR "/data";
  auto coder = Coder::Load(options, nullptr);
  auto cases = ReadCases();
  ASSERT_GT(cases.size(), 5u);
  for (const Case& c : cases) {
    Document doc;
    doc.id = c.file + ":" + std::to_string(c.line);
    for (const auto& s : c.sentences) {
      if (!doc.text.empty()) doc.text += ' ';
      uint32_t begin = static_cast<uint32_t>(doc.text.size());
      doc.text += s;
      doc.sentences.push_back({static_cast<uint32_t>(doc.sentences.size()), begin,
                               static_cast<uint32_t>(doc.text.size()), 0});
    }
    doc.raw = doc.text;
    doc.text_to_raw.resize(doc.text.size() + 1);
    for (size_t k = 0; k <= doc.text.size(); ++k) doc.text_to_raw[k] = static_cast<uint32_t>(k);
    std::vector<Event> events;
    for (auto& e : coder->CodeDocument(doc))
      if (e.cameo.rfind("01", 0) != 0) events.push_back(e);
    std::string got;
    for (auto& e : events)
      got += "  " + (e.source ? e.source->code : "-") + " " + e.cameo + " (" + e.plover + ") " +
             (e.target ? e.target->code : "-") + "\n";
    std::vector<std::string> expected = c.expected;
    if (expected.size() == 1 && expected[0] == "none") expected.clear();
    std::vector<bool> used(events.size(), false);
    bool ok = true;
    for (const auto& want : expected) {
      bool found = false;
      for (size_t i = 0; i < events.size() && !found; ++i)
        if (!used[i] && Matches(want, events[i])) used[i] = found = true;
      if (!found) ok = false;
    }
    for (bool u : used)
      if (!u) ok = false;
    EXPECT_TRUE(ok) << c.file << ":" << c.line << ": " << c.sentences[0] << "\n got:\n" << got;
  }
}

}  // namespace
}  // namespace communique::code
