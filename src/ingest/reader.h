// Readers: turn input files (plain text, JSON Lines, HTML, WARC / WARC.gz), directories and stdin
// into Documents, one at a time, without holding more than one document in memory.
//
// In: paths ("-" is stdin) or bytes. Out: Documents with id, url, outlet, publication date and its
// source, `raw` (original bytes), `text` (extracted text before cleaning) and `text_to_raw`.
// Problems are reported through the ErrorSink with file and line/offset; reading goes on.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "communique/document.h"

namespace communique::ingest {

struct ReadStats {
  uint64_t files = 0;
  uint64_t documents = 0;
  uint64_t bytes = 0;          // input bytes consumed (compressed bytes for .gz)
  uint64_t skipped = 0;        // records or files skipped because of an error
  uint64_t warnings = 0;       // problems reported for documents that were still read
                               // (ill-formed UTF-8 repaired, unparsable date left unknown)
};

// Called for every document; return false to stop reading.
using DocumentSink = std::function<bool(Document&&)>;

enum class Format { kUnknown, kText, kJsonLines, kHtml, kWarc };
const char* FormatName(Format f);  // "text", "jsonl", "html", "warc", "unknown"

// Chooses the reader from the file name (.txt, .jsonl/.ndjson, .html/.htm, .warc; a trailing .gz
// is ignored) and the first bytes (already decompressed): "WARC/1." -> WARC, '{' as the first
// non-space character -> JSON Lines, '<' -> HTML, other text -> plain text. kUnknown for
// binary data.
Format DetectFormat(std::string_view path, std::string_view head);

// Reads every input in order; directories are walked recursively in name order (hidden entries
// skipped). gzip-compressed inputs are inflated as they stream.
ReadStats ReadInputs(const std::vector<std::string>& inputs, const DocumentSink& sink,
                     const ErrorSink& errors);

// Reads one input held in memory; `name` stands for its file name in ids and errors. With
// Format::kUnknown the format is detected as for files.
ReadStats ReadBytes(std::string_view bytes, const std::string& name, Format format,
                    const DocumentSink& sink, const ErrorSink& errors);

}  // namespace communique::ingest
