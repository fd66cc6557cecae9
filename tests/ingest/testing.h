// Helpers for the ingest tests: reading into vectors, temporary files, gzip members, WARC records
// and the invariants every Document from a reader must satisfy.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "communique/document.h"
#include "ingest/reader.h"

namespace communique::ingest::testing {

struct Result {
  std::vector<Document> docs;
  std::vector<InputError> errors;
  ReadStats stats;
};

Result Read(const std::vector<std::string>& inputs);
Result ReadMemory(std::string_view bytes, const std::string& name, Format format = Format::kUnknown);

std::string ReadFile(const std::string& path);
std::string Seed(int n);  // tests/fixtures/seeds/00n_*.txt bytes
std::string SeedPath(int n);

// A fresh directory under the test temp dir, removed at exit of the test process.
std::string TempDir();
std::string WriteFile(const std::string& dir, const std::string& name, std::string_view bytes);

std::string Gzip(std::string_view data);  // one gzip member
std::string WarcRecord(std::string_view type, std::string_view uri, std::string_view date,
                       std::string_view id, std::string_view block,
                       std::string_view content_type = "application/http; msgtype=response");
std::string HttpResponse(std::string_view body, std::string_view content_type = "text/html; charset=utf-8",
                         std::string_view extra_headers = "");
// The seed text as a simple HTML page: title, one <p> per non-empty line, page furniture around.
std::string SeedAsHtml(std::string_view seed_text, std::string* expected_text);

// Checks the Document contract: text_to_raw has text.size()+1 entries, all within raw, and
// text is well-formed UTF-8.
void ExpectValidDocument(const Document& doc);

}  // namespace communique::ingest::testing
