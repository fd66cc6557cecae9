// A run of the pipeline over a batch of inputs: read (ingest) -> clean and split (text) -> code,
// documents processed in parallel and handed to the caller in input order. Shared by `code`,
// `ingest` and `discover`. Memory stays bounded: only a fixed number of documents are in flight.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "code/coder.h"
#include "communique/document.h"
#include "communique/event.h"

namespace communique::cli {

struct RunOptions {
  std::vector<std::string> inputs;
  int threads = 0;        // 0: all cores
  bool progress = false;  // a progress line on stderr (only when stderr is a terminal)
};

struct RunSummary {
  uint64_t files = 0;
  uint64_t documents = 0;
  uint64_t bytes = 0;
  uint64_t sentences = 0;       // English, non-boilerplate sentences coded
  uint64_t events = 0;
  uint64_t skipped = 0;         // inputs or records skipped because of errors
  uint64_t boilerplate_paragraphs = 0;
  std::map<std::string, uint64_t> paragraph_languages;  // paragraphs by language, furniture excluded
  double seconds = 0;
};

// Called once per document, serially, in input order. `events` is empty when coder is null.
using ResultSink = std::function<void(Document& doc, std::vector<Event>& events)>;

RunSummary RunPipeline(const RunOptions& options, const code::Coder* coder, const ResultSink& sink,
                       const ErrorSink& errors);

// "documents 5, sentences 62, events 17, languages en 40 ru 12 (paragraphs), skipped 0, 0.03 s"
void PrintSummary(const RunSummary& summary, std::ostream& out);

// Loads the coder with the shipped dictionaries plus the user's (applied last, in order). Problems
// in the user's files are always printed; the shipped dictionaries' known malformed entries are
// listed only with `list_shipped_problems`, else counted in one line (unless quiet).
std::unique_ptr<code::Coder> LoadCoder(const std::vector<std::string>& user_dictionaries,
                                       bool list_shipped_problems, bool quiet);

// Prints input errors to stderr as "communique: FILE:LINE: message"; thread-safe.
ErrorSink StderrErrors();

}  // namespace communique::cli
