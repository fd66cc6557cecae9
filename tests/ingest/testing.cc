// Helpers for the ingest tests (see testing.h).
#include "testing.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/internal.h"

namespace communique::ingest::testing {

Result Read(const std::vector<std::string>& inputs) {
  Result r;
  r.stats = ReadInputs(
      inputs, [&](Document&& d) { r.docs.push_back(std::move(d)); return true; },
      [&](const InputError& e) { r.errors.push_back(e); });
  for (const auto& d : r.docs) ExpectValidDocument(d);
  return r;
}

Result ReadMemory(std::string_view bytes, const std::string& name, Format format) {
  Result r;
  r.stats = ReadBytes(
      bytes, name, format, [&](Document&& d) { r.docs.push_back(std::move(d)); return true; },
      [&](const InputError& e) { r.errors.push_back(e); });
  for (const auto& d : r.docs) ExpectValidDocument(d);
  return r;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string SeedPath(int n) {
  for (const auto& e : std::filesystem::directory_iterator(std::string(COMMUNIQUE_FIXTURES) + "/seeds")) {
    std::string name = e.path().filename().string();
    if (name.starts_with("00" + std::to_string(n) + "_")) return e.path().string();
  }
  ADD_FAILURE() << "seed " << n << " not found";
  return "";
}

std::string Seed(int n) { return ReadFile(SeedPath(n)); }

std::string TempDir() {
  static struct Dirs {
    std::vector<std::filesystem::path> all;
    ~Dirs() {
      std::error_code ec;
      for (auto& d : all) std::filesystem::remove_all(d, ec);
    }
  } dirs;
  const char* base = std::getenv("TEST_TMPDIR");
  std::filesystem::path p = std::filesystem::path(base ? base : std::filesystem::temp_directory_path().string()) /
                            ("communique-ingest-" + std::to_string(::getpid()) + "-" + std::to_string(dirs.all.size()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  dirs.all.push_back(p);
  return p.string();
}

std::string WriteFile(const std::string& dir, const std::string& name, std::string_view bytes) {
  std::filesystem::path p = std::filesystem::path(dir) / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p.string();
}

std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string WarcRecord(std::string_view type, std::string_view uri, std::string_view date,
                       std::string_view id, std::string_view block, std::string_view content_type) {
  std::string r = "WARC/1.0\r\n";
  r += "WARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: " + std::string(date) + "\r\n";
  if (!id.empty()) r += "WARC-Record-ID: <urn:uuid:" + std::string(id) + ">\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string HttpResponse(std::string_view body, std::string_view content_type, std::string_view extra) {
  std::string r = "HTTP/1.1 200 OK\r\nContent-Type: " + std::string(content_type) + "\r\n";
  r += extra;
  r += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  r += body;
  return r;
}

namespace {
std::string Escape(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (c == '&') r += "&amp;";
    else if (c == '<') r += "&lt;";
    else if (c == '>') r += "&gt;";
    else r += c;
  }
  return r;
}
}  // namespace

std::string SeedAsHtml(std::string_view seed, std::string* expected) {
  // Drop the header line if any; each non-empty line becomes a paragraph.
  if (seed.starts_with(" date ") || seed.starts_with("date ")) seed.remove_prefix(seed.find('\n') + 1);
  std::string html = "<!DOCTYPE html><html><head><title>Seed page</title>"
                     "<script>var x = '<p>not text</p>';</script><style>p{}</style></head><body>"
                     "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                     "<div class=\"cookie-banner\">We use cookies to improve your experience.</div>"
                     "<article>\n";
  expected->clear();
  size_t i = 0;
  while (i < seed.size()) {
    size_t nl = seed.find('\n', i);
    if (nl == std::string_view::npos) nl = seed.size();
    std::string_view line = seed.substr(i, nl - i);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty()) {
      html += "<p>" + Escape(line) + "</p>\n";
      if (!expected->empty()) *expected += "\n\n";
      // Whitespace runs inside a line collapse to one space in HTML.
      bool space = false;
      for (char c : line) {
        if (c == ' ' || c == '\t') {
          space = true;
          continue;
        }
        if (space) *expected += ' ';
        space = false;
        *expected += c;
      }
    }
    i = nl + 1;
  }
  html += "</article><div class=\"share-bar\"><a href=\"#\">Share on X</a> Share this</div>"
          "<aside><h3>Related</h3><ul><li><a href=\"/a\">Other story</a></li></ul></aside>"
          "<footer>Copyright 2024</footer></body></html>\n";
  return html;
}

void ExpectValidDocument(const Document& doc) {
  ASSERT_EQ(doc.text_to_raw.size(), doc.text.size() + 1) << doc.id;
  for (size_t i = 0; i < doc.text.size(); ++i)
    ASSERT_LT(doc.text_to_raw[i], std::max<size_t>(doc.raw.size(), 1)) << doc.id << " byte " << i;
  ASSERT_LE(doc.text_to_raw.back(), doc.raw.size()) << doc.id;
  EXPECT_EQ(FindInvalidUtf8(doc.text), std::string_view::npos) << doc.id;
  auto [b, e] = doc.RawSpan(0, static_cast<uint32_t>(doc.text.size()));
  EXPECT_LE(b, e);
  EXPECT_LE(e, doc.raw.size());
}

}  // namespace communique::ingest::testing
