// Readers: turn input files (plain text, JSON Lines, HTML, WARC / WARC.gz), directories and stdin
// into Documents, one at a time, without holding more than one document in memory.
//
// In: paths ("-" is stdin). Out: Documents with id, url, outlet, publication date and its source,
// `raw` (original bytes), `text` (extracted text before cleaning) and `text_to_raw`.
// Problems are reported through the ErrorSink with file and line/offset; reading goes on.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "communique/document.h"

namespace communique::ingest {

struct ReadStats {
  uint64_t files = 0;
  uint64_t documents = 0;
  uint64_t bytes = 0;          // input bytes consumed (compressed bytes for .gz)
  uint64_t skipped = 0;        // records or files skipped because of an error
};

// Called for every document; return false to stop reading.
using DocumentSink = std::function<bool(Document&&)>;

// Reads every input in order; directories are walked recursively in name order.
// The format is detected by extension and content (see DetectFormat).
ReadStats ReadInputs(const std::vector<std::string>& inputs, const DocumentSink& sink,
                     const ErrorSink& errors);

}  // namespace communique::ingest
