// Text-stage throughput benchmark: Clean, Segment (paragraphs, CLD2 languages, boilerplate,
// sentences), FindDates and Tokenize on a generated corpus, single-threaded, CPU time per stage.
//
// The corpus: documents of 4-8 KB made of paragraphs drawn at random from the English seed
// articles, each with a headline; a second corpus adds seed 002's Russian page furniture
// around every article (the CLD2 path).
//
//   text_bench SEEDS_DIR [MB]     prints MB/s per core for each stage (default 200 MB)
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "communique/token.h"
#include "text/clean.h"
#include "text/dates.h"

namespace fs = std::filesystem;
using communique::Date;
using communique::Document;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Non-empty lines of a text, without a " date" header line.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(" date ", 0) == 0 || line.rfind("date ", 0) == 0) continue;
    if (line.size() > 1) out.push_back(line);
  }
  return out;
}

struct Corpus {
  std::vector<std::string> docs;
  size_t bytes = 0;
};

Corpus Generate(const std::vector<std::string>& paragraphs, const std::vector<std::string>& furniture,
                size_t target_bytes, uint64_t seed) {
  Corpus c;
  std::mt19937_64 rng(seed);
  while (c.bytes < target_bytes) {
    std::string doc;
    for (auto& f : furniture) doc += f + "\n";
    doc += paragraphs[rng() % paragraphs.size()].substr(0, 90) + "\n\n";  // a headline-like line
    size_t want = 4096 + rng() % 4096;
    while (doc.size() < want) doc += paragraphs[rng() % paragraphs.size()] + "\n\n";
    for (auto& f : furniture) doc += f + "\n";
    c.bytes += doc.size();
    c.docs.push_back(std::move(doc));
  }
  return c;
}

struct Times {
  double clean = 0, segment = 0, dates = 0, tokenize = 0;
  size_t sentences = 0, mentions = 0, tokens = 0;
};

Times Run(const Corpus& corpus) {
  Times t;
  const Date published{2024, 11, 28};
  for (const std::string& text : corpus.docs) {
    Document d;
    d.raw = text;
    d.text = text;
    double a = CpuSeconds();
    communique::text::Clean(d);
    double b = CpuSeconds();
    communique::text::Segment(d);
    double c = CpuSeconds();
    for (const auto& s : d.sentences) t.mentions += communique::text::FindDates(d.SentenceText(s), published).size();
    double e = CpuSeconds();
    for (const auto& s : d.sentences) t.tokens += communique::Tokenize(d.SentenceText(s)).size();
    double f = CpuSeconds();
    t.clean += b - a;
    t.segment += c - b;
    t.dates += e - c;
    t.tokenize += f - e;
    t.sentences += d.sentences.size();
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: text_bench SEEDS_DIR [MB]\n");
    return 2;
  }
  size_t mb = argc > 2 ? std::stoul(argv[2]) : 200;
  std::vector<std::string> english, furniture;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(argv[1])) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::string text = ReadFile(p);
    auto lines = Lines(text);
    bool cyrillic = text.find('\xD0') != std::string::npos;
    for (auto& l : lines) {
      bool ru = l.find('\xD0') != std::string::npos || l.find('\xD1') != std::string::npos;
      if (cyrillic && (ru || l.size() < 40)) {
        furniture.push_back(l);
      } else if (!ru && l.size() >= 40) {
        english.push_back(l);
      }
    }
  }
  if (english.empty()) {
    std::fprintf(stderr, "text_bench: no English paragraphs in %s\n", argv[1]);
    return 1;
  }
  struct Case {
    const char* name;
    Corpus corpus;
  } cases[] = {{"English articles", Generate(english, {}, mb << 20, 1)},
               {"with Russian furniture", Generate(english, furniture, (mb << 20) / 4, 2)}};
  for (auto& c : cases) {
    Times t = Run(c.corpus);
    double m = c.corpus.bytes / 1e6;
    std::printf("%s: %.0f MB, %zu documents, %zu sentences, %zu date mentions, %zu tokens\n", c.name, m,
                c.corpus.docs.size(), t.sentences, t.mentions, t.tokens);
    std::printf("  Clean            %8.1f MB/s\n", m / t.clean);
    std::printf("  Segment          %8.1f MB/s\n", m / t.segment);
    std::printf("  Clean+Segment    %8.1f MB/s per core\n", m / (t.clean + t.segment));
    std::printf("  FindDates        %8.1f MB/s  (%.0f ns per sentence)\n", m / t.dates, t.dates * 1e9 / t.sentences);
    std::printf("  Tokenize         %8.1f MB/s  (%.0f ns per sentence)\n", m / t.tokenize,
                t.tokenize * 1e9 / t.sentences);
  }
  return 0;
}
