// code_bench: event-coding throughput. Codes sentences from JSON Lines inputs ({"text": ...}),
// cycled until at least --sentences of them, text to JSONL events (EventToJson), on 1 and on N
// threads sharing one Coder, with the full Phoenix dictionaries. Prints sentences/s, events and
// peak RSS. Usage: code_bench [--sentences N] [--threads N] [--data-dir D] INPUT.jsonl...
#include <sys/resource.h>
#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "code/coder.h"
#include "communique/event.h"

using namespace communique;

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct Result {
  double seconds = 0;
  double cpu_seconds = 0;  // summed over threads: the machine may be shared
  uint64_t events = 0;
  uint64_t bytes = 0;
};

Result Run(const code::Coder& coder, const std::vector<std::string>& texts, size_t total, int threads) {
  std::atomic<uint64_t> events{0}, bytes{0};
  std::vector<double> cpu(threads, 0);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      Document doc;
      std::string out;
      uint64_t ev = 0, by = 0;
      double cpu_start = ThreadCpuSeconds();
      for (size_t i = t; i < total; i += threads) {
        const std::string& text = texts[i % texts.size()];
        doc.id = "bench-" + std::to_string(i);
        doc.text = text;
        doc.raw = text;
        doc.text_to_raw.resize(text.size() + 1);
        for (size_t k = 0; k <= text.size(); ++k) doc.text_to_raw[k] = static_cast<uint32_t>(k);
        doc.sentences.assign(1, Sentence{0, 0, static_cast<uint32_t>(text.size()), 0});
        for (const Event& e : coder.CodeDocument(doc)) {
          out.clear();
          AppendEventJson(e, &out);
          by += out.size() + 1;
          ++ev;
        }
      }
      events += ev;
      bytes += by;
      cpu[t] = ThreadCpuSeconds() - cpu_start;
    });
  }
  for (auto& th : pool) th.join();
  Result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.events = events;
  for (double c : cpu) r.cpu_seconds += c;
  r.bytes = bytes;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  size_t total = 100000;
  int threads = 2;
  std::string data_dir = COMMUNIQUE_DATA_DIR;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sentences" && i + 1 < argc) total = std::stoul(argv[++i]);
    else if (a == "--threads" && i + 1 < argc) threads = std::stoi(argv[++i]);
    else if (a == "--data-dir" && i + 1 < argc) data_dir = argv[++i];
    else inputs.push_back(a);
  }
  std::vector<std::string> texts;
  for (const auto& path : inputs) {
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "code_bench: cannot read %s\n", path.c_str());
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"]);
    }
  }
  if (texts.empty()) {
    std::fprintf(stderr, "usage: code_bench [--sentences N] [--threads N] INPUT.jsonl...\n");
    return 2;
  }
  auto load_start = std::chrono::steady_clock::now();
  code::CoderOptions options;
  options.data_dir = data_dir;
  auto coder = code::Coder::Load(options, [](const InputError&) {});
  double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  std::printf("load: %.2f s (verb, actor, agent dictionaries, tagger lexicon, CAMEO table)\n", load);
  std::printf("input: %zu distinct sentences, cycled to %zu\n", texts.size(), total);
  Run(*coder, texts, std::min<size_t>(total, 2000), 1);  // warm-up
  for (int t : {1, threads}) {
    Result r = Run(*coder, texts, total, t);
    std::printf("threads=%d: %.0f sentences/s wall (%.2f s), %.0f sentences per CPU-second, "
                "%llu events, %.1f MB JSONL\n",
                t, total / r.seconds, r.seconds, total / r.cpu_seconds,
                static_cast<unsigned long long>(r.events), r.bytes / 1e6);
    if (t == threads) break;
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
