// Plain-text reader: one file is one document. An optional first line ` date YYYY-MM-DD [URL]`
// (leading space optional) gives the publication date and URL; anything after the date and URL
// on that line is already article text (some sources run the lede onto the header line).
//
// In: the file's bytes. Out: a Document with raw = the bytes, text = everything after the
// header, text_to_raw = offsets into raw. Ill-formed UTF-8 is replaced by U+FFFD (reported).
#include <numeric>

#include "ingest/internal.h"

namespace communique::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool LooksLikeUrl(std::string_view t) {
  return t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.");
}

struct Header {
  size_t text_begin = 0;  // where article text starts in raw
  std::string_view date;
  std::string_view url;
};

// Recognises the header at `start`; returns nullopt when the first line is article text.
std::optional<Header> ParseHeader(std::string_view raw, size_t start) {
  size_t i = start;
  while (i < raw.size() && IsSpace(raw[i])) ++i;
  if (raw.substr(i, 4) != "date") return std::nullopt;
  i += 4;
  if (i >= raw.size() || !IsSpace(raw[i])) return std::nullopt;
  while (i < raw.size() && IsSpace(raw[i])) ++i;
  std::string_view d = raw.substr(i, 10);
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !IsDigit(d[0]) || !IsDigit(d[3]) ||
      !IsDigit(d[5]) || !IsDigit(d[6]) || !IsDigit(d[8]) || !IsDigit(d[9]))
    return std::nullopt;
  i += 10;
  if (i < raw.size() && !IsSpace(raw[i]) && raw[i] != '\r' && raw[i] != '\n') return std::nullopt;
  Header h;
  h.date = d;
  while (i < raw.size() && IsSpace(raw[i])) ++i;
  size_t tok = i;
  while (i < raw.size() && !IsSpace(raw[i]) && raw[i] != '\r' && raw[i] != '\n') ++i;
  if (LooksLikeUrl(raw.substr(tok, i - tok))) {
    h.url = raw.substr(tok, i - tok);
    while (i < raw.size() && IsSpace(raw[i])) ++i;
  } else {
    i = tok;
  }
  // Only a line break left on the header line: the text starts on the next line.
  if (i < raw.size() && raw[i] == '\r') ++i;
  if (i < raw.size() && raw[i] == '\n') ++i;
  h.text_begin = i;
  return h;
}

}  // namespace

void ReadTextDocument(std::string&& raw, ReadContext& ctx) {
  Document doc;
  doc.id = ctx.name == "-" ? "stdin" : FileStem(ctx.name);
  doc.input_path = ctx.name;
  doc.format = "text";
  size_t start = raw.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // byte order mark
  size_t text_begin = start;
  if (auto h = ParseHeader(raw, start)) {
    text_begin = h->text_begin;
    doc.url = std::string(h->url);
    if (auto d = Date::Parse(h->date)) {
      doc.published = d;
      doc.date_source = "header";
    } else {
      ctx.Error(1, 0, "header date '" + std::string(h->date) +
                          "' is not a calendar date; publication date left unknown");
      ++ctx.stats->warnings;
    }
  }
  doc.outlet = HostOf(doc.url);
  std::string_view body = std::string_view(raw).substr(text_begin);
  size_t bad = FindInvalidUtf8(body);
  if (bad == std::string_view::npos) {
    doc.text.assign(body);
    doc.text_to_raw.resize(body.size() + 1);
    std::iota(doc.text_to_raw.begin(), doc.text_to_raw.end(), static_cast<uint32_t>(text_begin));
  } else {
    size_t n = AppendRepairedUtf8(body, static_cast<uint32_t>(text_begin), &doc.text, &doc.text_to_raw);
    doc.text_to_raw.push_back(static_cast<uint32_t>(raw.size()));
    ctx.Error(0, text_begin + bad,
              "ill-formed UTF-8 (" + std::to_string(n) + " sequence" + (n == 1 ? "" : "s") +
                  ") replaced by U+FFFD; document kept");
    ++ctx.stats->warnings;
  }
  doc.raw = std::move(raw);
  ctx.Emit(std::move(doc));
}

}  // namespace communique::ingest
