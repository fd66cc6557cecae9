// Ingest throughput benchmark: generates a corpus of plain-text files and a Common-Crawl-style
// WARC.gz (one gzip member per record, HTML pages with scripts, navigation and teasers around
// the article) from the seed articles, then times ReadInputs on each, single-threaded.
//
//   ingest_bench generate DIR SEEDS_DIR [MB]   writes DIR/text/... and DIR/news.warc.gz
//   ingest_bench run DIR                       prints MB/s per core for text and WARC.gz
#include <zlib.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace fs = std::filesystem;
using communique::Document;
using communique::InputError;

namespace {

std::vector<std::string> SeedWords(const std::string& seeds_dir) {
  std::vector<std::string> words;
  for (const auto& e : fs::directory_iterator(seeds_dir)) {
    std::ifstream in(e.path());
    std::string w;
    while (in >> w)
      if (w.find_first_of("<>&") == std::string::npos) words.push_back(w);
  }
  return words;
}

std::string Paragraph(std::mt19937_64& rng, const std::vector<std::string>& words, int n) {
  std::string p;
  size_t start = rng() % words.size();
  for (int i = 0; i < n; ++i) {
    // Runs of consecutive seed words with random jumps read like (shuffled) news prose.
    if (rng() % 8 == 0) start = rng() % words.size();
    if (!p.empty()) p += ' ';
    p += words[(start + i) % words.size()];
  }
  return p;
}

std::string Article(std::mt19937_64& rng, const std::vector<std::string>& words, size_t target) {
  std::string t;
  while (t.size() < target) {
    t += Paragraph(rng, words, 30 + static_cast<int>(rng() % 60));
    t += "\n\n";
  }
  return t;
}

std::string Hex(std::mt19937_64& rng, int n) {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < n; ++i) s += kDigits[rng() % 16];
  return s;
}

// A news page shaped like the ones in Common Crawl News: about 50-60 KB, of which the article is
// roughly a fifth; the rest is head metadata, inline CSS and scripts (analytics, ad slots, a JSON
// state blob), a mega-menu, share bar, teaser lists, an SVG sprite and a footer.
std::string HtmlPage(std::mt19937_64& rng, const std::vector<std::string>& words, int id) {
  std::string title = Paragraph(rng, words, 10);
  std::string h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + title +
                  " | Example News</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta property=\"og:title\" content=\"" + title + "\">\n<meta property=\"og:type\" content=\"article\">\n"
                  "<meta property=\"article:published_time\" content=\"2024-11-" + std::to_string(10 + id % 19) +
                  "T10:00:00Z\">\n<link rel=\"canonical\" href=\"https://www.example" + std::to_string(id % 50) +
                  ".com/news/" + std::to_string(id) + "\">\n";
  for (int i = 0; i < 20; ++i)
    h += "<link rel=\"preload\" as=\"script\" href=\"/static/js/chunk." + Hex(rng, 20) + ".js\" crossorigin>\n";
  h += "<style>";
  for (int i = 0; i < 120; ++i)
    h += ".c" + Hex(rng, 6) + "{margin:0 " + std::to_string(rng() % 40) + "px;color:#" + Hex(rng, 6) +
         ";font:400 " + std::to_string(12 + rng() % 10) + "px/1.4 Georgia,serif}\n";
  h += "</style>\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
       "var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;"
       "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-" + Hex(rng, 7) + "');</script>\n"
       "<script>window.__STATE__ = {\"articles\":[";
  for (int i = 0; i < 40; ++i)
    h += "{\"id\":\"" + Hex(rng, 24) + "\",\"headline\":\"" + Paragraph(rng, words, 8) + "\",\"tags\":[\"" +
         Paragraph(rng, words, 1) + "\"],\"score\":" + std::to_string(rng() % 1000) + "},";
  h += "{}]};</script>\n</head>\n<body class=\"article-page\">\n<svg style=\"display:none\">";
  for (int i = 0; i < 12; ++i)
    h += "<symbol id=\"i" + std::to_string(i) + "\" viewBox=\"0 0 24 24\"><path d=\"M" + std::to_string(rng() % 24) +
         " 2L2 7v10l10 5 10-5V7L12 2zm0 2.2L19.5 8 12 11.8 4.5 8 12 4.2z\"/></symbol>";
  h += "</svg>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">Example News</a><nav class=\"mega-menu\"><ul>";
  for (int i = 0; i < 80; ++i)
    h += "<li class=\"menu-item menu-item-" + std::to_string(i) + "\"><a href=\"/section/" + Hex(rng, 8) + "\">" +
         Paragraph(rng, words, 2) + "</a></li>";
  h += "</ul></nav></header>\n<div class=\"cookie-banner\" role=\"dialog\">We use cookies to improve your experience. "
       "<button>Accept</button></div>\n<main><article class=\"story\"><h1>" + title + "</h1>\n"
       "<div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">X</a><a href=\"#\">Email</a></div>\n";
  int paras = 6 + static_cast<int>(rng() % 10);
  for (int i = 0; i < paras; ++i) {
    h += "<p>" + Paragraph(rng, words, 30 + static_cast<int>(rng() % 60)) + " <a href=\"/t/" + std::to_string(i) +
         "\">link</a> &amp; more.</p>\n";
    if (i == 2)
      h += "<div class=\"ad-slot\" id=\"ad-" + Hex(rng, 8) + "\"><script>googletag.cmd.push(function(){googletag.display('ad-" +
           Hex(rng, 8) + "');});</script></div>\n";
  }
  h += "</article></main>\n<section class=\"related-stories\"><h2>Related</h2><ul>";
  for (int i = 0; i < 12; ++i)
    h += "<li><a href=\"/news/" + std::to_string(rng() % 100000) + "\"><img src=\"/img/" + Hex(rng, 16) +
         ".jpg\" srcset=\"/img/" + Hex(rng, 16) + "-320.jpg 320w, /img/" + Hex(rng, 16) + "-640.jpg 640w\" alt=\"\">" +
         Paragraph(rng, words, 9) + "</a></li>";
  h += "</ul></section>\n<div id=\"comments\"></div>\n<footer><ul>";
  for (int i = 0; i < 40; ++i) h += "<li><a href=\"/about/" + Hex(rng, 6) + "\">" + Paragraph(rng, words, 2) + "</a></li>";
  h += "</ul><p>&copy; 2024 Example News. All rights reserved.</p></footer>\n";
  for (int i = 0; i < 6; ++i)
    h += "<script src=\"/static/js/chunk." + Hex(rng, 20) + ".js\" defer></script>\n";
  h += "</body></html>\n";
  return h;
}

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Record(const std::string& type, const std::string& uri, int id, const std::string& block,
                   const char* content_type) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                  "\r\nWARC-Date: 2024-11-28T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + type + "-" +
                  std::to_string(id) + ">\r\nContent-Type: " + content_type +
                  "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

int Generate(const std::string& dir, const std::string& seeds, double mb) {
  auto words = SeedWords(seeds);
  if (words.empty()) {
    std::fprintf(stderr, "no seed words in %s\n", seeds.c_str());
    return 1;
  }
  std::mt19937_64 rng(2024);
  size_t target = static_cast<size_t>(mb * 1e6);
  size_t written = 0;
  int n = 0;
  while (written < target) {
    fs::path p = fs::path(dir) / "text" / std::to_string(n / 1000) / (std::to_string(n) + ".txt");
    if (n % 1000 == 0) fs::create_directories(p.parent_path());
    std::string body = n % 2 ? " date 2024-11-28 https://www.example.com/news/" + std::to_string(n) + "\n\n" : "";
    body += Article(rng, words, 3000 + rng() % 12000);
    std::ofstream(p, std::ios::binary) << body;
    written += body.size();
    ++n;
  }
  std::ofstream warc(fs::path(dir) / "news.warc.gz", std::ios::binary);
  size_t raw = 0, compressed = 0;
  int id = 0;
  warc << Gzip(Record("warcinfo", "", 0, "software: ingest_bench\r\n", "application/warc-fields"));
  while (raw < target) {
    std::string uri = "https://www.example" + std::to_string(id % 50) + ".com/news/" + std::to_string(id);
    std::string html = HtmlPage(rng, words, id);
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                       std::to_string(html.size()) + "\r\n\r\n" + html;
    for (const std::string& rec :
         {Record("request", uri, id, "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", "application/http; msgtype=request"),
          Record("response", uri, id, http, "application/http; msgtype=response"),
          Record("metadata", uri, id, "fetchTimeMs: 120\r\n", "application/warc-fields")}) {
      std::string gz = Gzip(rec);
      warc << gz;
      raw += rec.size();
      compressed += gz.size();
    }
    ++id;
  }
  std::printf("generated %d text files (%.1f MB) and news.warc.gz with %d pages (%.1f MB, %.1f MB inflated)\n", n,
              written / 1e6, id, compressed / 1e6, raw / 1e6);
  return 0;
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

// CPU seconds, not wall time: the figure is per core and must not depend on what else runs.
struct Timing {
  double seconds = 0, wall = 0;
  communique::ingest::ReadStats stats;
  uint64_t text_bytes = 0, raw_bytes = 0;
  uint64_t errors = 0;
};

Timing Time(const std::string& path) {
  Timing t;
  auto start = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();
  t.stats = communique::ingest::ReadInputs(
      {path},
      [&](Document&& d) {
        t.text_bytes += d.text.size();
        t.raw_bytes += d.raw.size();
        return true;
      },
      [&](const InputError& e) {
        if (t.errors++ < 5) std::fprintf(stderr, "%s\n", e.ToString().c_str());
      });
  t.seconds = CpuSeconds() - cpu;
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return t;
}

int Run(const std::string& dir) {
  Timing text = Time((fs::path(dir) / "text").string());
  std::printf("plain text: %llu documents, %.1f MB in %.2f CPU s (%.2f s wall) = %.1f MB/s per core\n",
              static_cast<unsigned long long>(text.stats.documents), text.stats.bytes / 1e6, text.seconds, text.wall,
              text.stats.bytes / 1e6 / text.seconds);
  Timing warc = Time((fs::path(dir) / "news.warc.gz").string());
  std::printf("WARC.gz:    %llu documents, %.1f MB compressed (%.1f MB of HTML) in %.2f CPU s (%.2f s wall) = %.1f MB/s compressed, "
              "%.1f MB/s of HTML per core (decompression and HTML extraction included)\n",
              static_cast<unsigned long long>(warc.stats.documents), warc.stats.bytes / 1e6, warc.raw_bytes / 1e6,
              warc.seconds, warc.wall, warc.stats.bytes / 1e6 / warc.seconds, warc.raw_bytes / 1e6 / warc.seconds);
  return text.errors + warc.errors ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "generate" && argc >= 4) return Generate(argv[2], argv[3], argc > 4 ? std::atof(argv[4]) : 200);
  if (cmd == "run" && argc >= 3) return Run(argv[2]);
  std::fprintf(stderr, "usage: ingest_bench generate DIR SEEDS_DIR [MB] | ingest_bench run DIR\n");
  return 2;
}
