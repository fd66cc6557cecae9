// Pipeline run: a reader thread fills a bounded queue; a TBB pipeline prepares and codes documents
// in parallel and delivers them in order. Why TBB's pipeline: ordered output with bounded tokens is
// exactly its contract, so memory stays independent of input size without hand-written scheduling.
#include "cli/run.h"

#include "cli/command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include <oneapi/tbb/concurrent_queue.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include "ingest/reader.h"
#include "text/clean.h"

namespace communique::cli {
namespace {

// Documents travel between the reader and the workers in batches: a JSON Lines file of
// one-sentence documents otherwise costs two thread hand-offs per document, about as much as
// coding it. A batch is handed over as soon as the workers wait for work, so a slow stream is
// not held back while the workers are idle.
constexpr size_t kBatchDocuments = 64;
constexpr size_t kBatchBytes = 1 << 20;

struct Item {
  std::vector<Document> docs;
  std::vector<std::vector<Event>> events;  // per document
};

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void Update(uint64_t docs, uint64_t bytes, uint64_t skipped) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    double s = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%llu documents  %.0f docs/s  %.1f MB/s  skipped %llu   ",
                 static_cast<unsigned long long>(docs), s > 0 ? docs / s : 0.0,
                 s > 0 ? bytes / s / 1e6 : 0.0, static_cast<unsigned long long>(skipped));
    shown_ = true;
  }
  void Finish() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = start_;
};

}  // namespace

ErrorSink StderrErrors() {
  static std::mutex mu;
  return [](const InputError& e) {
    std::lock_guard<std::mutex> lock(mu);
    std::cerr << "communique: " << e.ToString() << "\n";
  };
}

std::unique_ptr<code::Coder> LoadCoder(const std::vector<std::string>& user_dictionaries,
                                       bool list_shipped_problems, bool quiet) {
  code::CoderOptions options;
  options.data_dir = DataDir();
  options.dictionaries = DictionarySet::Default(options.data_dir);
  for (const auto& f : user_dictionaries) options.dictionaries.overlays.push_back(f);
  ErrorSink errors = StderrErrors();
  uint64_t shipped_problems = 0;
  auto coder = code::Coder::Load(options, [&](const InputError& e) {
    if (list_shipped_problems || e.file.rfind(options.data_dir, 0) != 0) {
      errors(e);
    } else {
      ++shipped_problems;
    }
  });
  if (shipped_problems > 0 && !quiet && !list_shipped_problems) {
    std::cerr << "communique: " << shipped_problems
              << " malformed entries in the shipped dictionaries were skipped (--dictionary-warnings lists them)\n";
  }
  return coder;
}

RunSummary RunPipeline(const RunOptions& options, const code::Coder* coder, const ResultSink& sink,
                       const ErrorSink& errors) {
  auto start = std::chrono::steady_clock::now();
  int threads = options.threads > 0 ? options.threads
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const size_t in_flight = static_cast<size_t>(threads) * 4;

  tbb::concurrent_bounded_queue<std::optional<std::vector<Document>>> queue;
  queue.set_capacity(static_cast<std::ptrdiff_t>(in_flight));

  std::atomic<uint64_t> skipped{0};
  ErrorSink counting_errors = [&](const InputError& e) {
    skipped.fetch_add(1, std::memory_order_relaxed);
    errors(e);
  };

  ingest::ReadStats stats;
  std::thread reader([&] {
    try {
      std::vector<Document> batch;
      size_t batch_bytes = 0;
      auto hand_over = [&] {
        if (batch.empty()) return;
        queue.push(std::move(batch));
        batch = {};
        batch_bytes = 0;
      };
      stats = ingest::ReadInputs(options.inputs, [&](Document&& d) {
        batch_bytes += d.raw.size();
        batch.push_back(std::move(d));
        // size() < 0: workers are blocked waiting for a batch.
        if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes || queue.size() < 0) hand_over();
        return true;
      }, counting_errors);
      hand_over();
      queue.push(std::nullopt);
    } catch (const tbb::user_abort&) {
      // The pipeline failed and aborted the queue; its exception is rethrown below.
    }
  });

  RunSummary summary;
  Progress progress(options.progress);
  bool done = false;
  try {
  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Item* {
                                      std::optional<std::vector<Document>> d;
                                      if (!done) queue.pop(d);
                                      if (!d) {
                                        done = true;
                                        fc.stop();
                                        return nullptr;
                                      }
                                      return new Item{std::move(*d), {}};
                                    }) &
          tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel,
                                         [&](Item* item) {
                                           item->events.resize(item->docs.size());
                                           for (size_t i = 0; i < item->docs.size(); ++i) {
                                             text::Prepare(item->docs[i]);
                                             if (coder) item->events[i] = coder->CodeDocument(item->docs[i]);
                                           }
                                           return item;
                                         }) &
          tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
            std::unique_ptr<Item> owned(item);
            for (size_t i = 0; i < item->docs.size(); ++i) {
              Document& doc = item->docs[i];
              summary.documents++;
              summary.bytes += doc.raw.size();
              summary.sentences += doc.sentences.size();
              summary.events += item->events[i].size();
              for (const auto& p : doc.paragraphs) {
                if (p.boilerplate) {
                  summary.boilerplate_paragraphs++;
                } else {
                  summary.paragraph_languages[p.lang]++;
                }
              }
              sink(doc, item->events[i]);
              progress.Update(summary.documents, summary.bytes, skipped.load());
            }
          }));
  } catch (...) {
    queue.abort();
    reader.join();
    progress.Finish();
    throw;
  }
  reader.join();
  progress.Finish();
  summary.files = stats.files;
  summary.skipped = std::max<uint64_t>(stats.skipped, skipped.load());
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

void PrintSummary(const RunSummary& s, std::ostream& out) {
  out << "documents " << s.documents << ", sentences " << s.sentences << ", events " << s.events
      << ", languages";
  if (s.paragraph_languages.empty()) out << " none";
  for (const auto& [lang, n] : s.paragraph_languages) out << " " << lang << " " << n;
  out << " (paragraphs; " << s.boilerplate_paragraphs << " furniture), skipped " << s.skipped;
  char buf[64];
  std::snprintf(buf, sizeof buf, ", %.2f s", s.seconds);
  out << buf << "\n";
}

}  // namespace communique::cli
