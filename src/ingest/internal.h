// Internal interfaces shared by the readers: UTF-8 checks and repair, HTML article extraction,
// the per-format readers and small helpers. Not part of the public API (see reader.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "communique/document.h"
#include "ingest/reader.h"
#include "ingest/source.h"

namespace communique::ingest {

// Largest single document (text file, HTML page, JSON line, WARC record) read into memory;
// bigger ones are reported and skipped so memory stays bounded whatever the input.
inline constexpr size_t kMaxDocumentBytes = 64u << 20;

// ---- UTF-8 ----
// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s);
// Appends `in` to *out replacing every ill-formed sequence by U+FFFD; *map (when not null) gets
// one entry per output byte: base + the input byte it came from. Returns the number of
// replacements.
size_t AppendRepairedUtf8(std::string_view in, uint32_t base, std::string* out,
                          std::vector<uint32_t>* map);
// True when the bytes are not text at all (NUL bytes, many control characters or ill-formed
// UTF-8 sequences); *where gets the offset of the first offending byte.
bool LooksBinary(std::string_view s, size_t* where);

// ---- HTML ----
struct HtmlPage {
  std::string text;                    // article text, paragraphs separated by blank lines
  std::vector<uint32_t> text_to_raw;   // size text.size() + 1, offsets into the HTML
  std::string title;
  std::string url;                     // canonical URL or og:url
  std::optional<Date> published;       // from meta tags, JSON-LD or <time datetime>
};
// Extracts the article text and metadata from an HTML page with gumbo.
HtmlPage ExtractHtml(std::string_view html);

// ---- helpers ----
std::string HostOf(std::string_view url);        // "https://www.tass.com/x" -> "tass.com"
std::string FileStem(std::string_view path);     // "dir/000_ab.txt" -> "000_ab"
std::string HashId(std::string_view s);          // 16 hex digits (FNV-1a 64)

// ---- readers ----
struct ReadContext {
  std::string name;       // file name used in errors and Document::input_path
  bool gzip = false;      // input was gzip-compressed (offsets in errors are compressed)
  ByteSource* base = nullptr;  // the underlying (compressed) source
  const DocumentSink* sink = nullptr;
  const ErrorSink* errors = nullptr;
  ReadStats* stats = nullptr;
  bool stopped = false;   // the sink asked to stop

  void Error(uint64_t line, uint64_t offset, std::string message) const;
  void Emit(Document&& doc);
};

// Plain text: optional ` date YYYY-MM-DD [URL]` header line.
void ReadTextDocument(std::string&& raw, ReadContext& ctx);
// A whole HTML page.
void ReadHtmlDocument(std::string&& raw, ReadContext& ctx);
// One document per line.
void ReadJsonLines(BufferedReader& in, ReadContext& ctx);
// WARC records; HTML responses become documents.
void ReadWarc(BufferedReader& in, ReadContext& ctx);

}  // namespace communique::ingest
