// WARC reader (WARC/1.0 and 1.1, plain or gzip, as Common Crawl News publishes it): every
// `response` record carrying an HTTP response with an HTML body becomes a document. Records are
// streamed one at a time; other record types and non-HTML responses are skipped unread.
//
// In: a buffered (already decompressed) byte stream. Out: Documents (format "warc"): id from
// WARC-Record-ID (else a hash of the URI), url = WARC-Target-URI, published from the page's own
// metadata ("html-meta") or WARC-Date ("warc"), raw = the HTTP body (dechunked, inflated).
#include <zlib.h>

#include <charconv>

#include "ingest/internal.h"

namespace communique::ingest {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IContains(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (IEquals(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

struct WarcHeader {
  std::string type, uri, date, record_id, content_type;
  uint64_t length = 0;
  bool has_length = false;
};

struct HttpResponse {
  int status = 0;
  std::string_view content_type, transfer_encoding, content_encoding;
  size_t body_begin = 0;
};

// Parses the status line and headers of an HTTP response block; false when it is not one.
bool ParseHttp(std::string_view block, HttpResponse* r) {
  if (!block.starts_with("HTTP/")) return false;
  size_t end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (size_t lf = block.find("\n\n"); lf != std::string_view::npos && (end == std::string_view::npos || lf < end)) {
    end = lf;
    sep = 2;
  }
  if (end == std::string_view::npos) return false;
  r->body_begin = end + sep;
  std::string_view head = block.substr(0, end);
  size_t eol = head.find('\n');
  std::string_view status = head.substr(0, eol);
  if (size_t sp = status.find(' '); sp != std::string_view::npos) {
    std::string_view code = Trim(status.substr(sp + 1, 3));
    std::from_chars(code.data(), code.data() + code.size(), r->status);
  }
  while (eol != std::string_view::npos) {
    size_t next = head.find('\n', eol + 1);
    std::string_view line = head.substr(eol + 1, next == std::string_view::npos ? std::string_view::npos : next - eol - 1);
    eol = next;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, colon)), value = Trim(line.substr(colon + 1));
    if (IEquals(name, "content-type")) r->content_type = value;
    else if (IEquals(name, "transfer-encoding")) r->transfer_encoding = value;
    else if (IEquals(name, "content-encoding")) r->content_encoding = value;
  }
  return true;
}

// Undoes chunked transfer coding; false when the chunk framing is broken.
bool Dechunk(std::string_view in, std::string* out) {
  size_t i = 0;
  while (i < in.size()) {
    size_t eol = in.find('\n', i);
    if (eol == std::string_view::npos) return false;
    std::string_view line = Trim(in.substr(i, eol - i));
    if (size_t semi = line.find(';'); semi != std::string_view::npos) line = line.substr(0, semi);
    uint64_t n = 0;
    auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), n, 16);
    if (ec != std::errc() || p != line.data() + line.size()) return false;
    i = eol + 1;
    if (n == 0) return true;
    if (n > in.size() - i) return false;
    out->append(in.substr(i, n));
    i += n;
    if (in.substr(i, 2) == "\r\n") i += 2;
    else if (in.substr(i, 1) == "\n") i += 1;
  }
  return true;
}

// Inflates a gzip or zlib Content-Encoding body, bounded by kMaxDocumentBytes.
bool Inflate(std::string_view in, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 16];
  int ret = Z_OK;
  while (ret == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    ret = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (out->size() > kMaxDocumentBytes) ret = Z_MEM_ERROR;
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  return ret == Z_STREAM_END;
}

std::string RecordId(std::string_view id) {
  id = Trim(id);
  if (id.starts_with("<")) id.remove_prefix(1);
  if (id.ends_with(">")) id.remove_suffix(1);
  if (id.starts_with("urn:uuid:")) id.remove_prefix(9);
  return std::string(id);
}

}  // namespace

void ReadWarc(BufferedReader& in, ReadContext& ctx) {
  std::string line, block, body;
  constexpr size_t kMaxHeaderLine = 1 << 16;
  constexpr size_t kMaxHeaderLines = 1024;
  auto where = [&](uint64_t uncompressed) {
    return in.source()->InputOffsetOf(uncompressed);
  };
  auto gzip_error = [&]() -> std::string {
    return in.source()->error().empty() ? "" : " (" + in.source()->error() + ")";
  };
  bool resync = false;  // looking for the next record after damage
  while (!ctx.stopped) {
    // Records are separated by CRLFCRLF; tolerate any amount of blank lines.
    std::string_view head = in.Peek(8);
    while (!head.empty() && (head[0] == '\r' || head[0] == '\n')) {
      in.Skip(1);
      head = in.Peek(8);
    }
    if (head.empty()) {
      if (!in.source()->error().empty()) {
        ctx.Error(0, in.source()->InputOffset(), in.source()->error());
        ++ctx.stats->skipped;
      }
      break;
    }
    uint64_t record_pos = in.Position();
    uint64_t record_offset = where(record_pos);
    bool too_long = false;
    in.ReadLine(&line, kMaxHeaderLine, &too_long);
    if (too_long || !line.starts_with("WARC/")) {
      if (!resync) {
        ctx.Error(0, record_offset, "not a WARC record header (expected \"WARC/1.x\"); skipping to the next record");
        ++ctx.stats->skipped;
        resync = true;
      }
      continue;
    }
    resync = false;
    WarcHeader h;
    bool header_ok = false;
    for (size_t n = 0; n < kMaxHeaderLines; ++n) {
      if (!in.ReadLine(&line, kMaxHeaderLine, &too_long)) break;
      std::string_view l = line;
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (l.empty()) {
        header_ok = true;
        break;
      }
      size_t colon = l.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view name = Trim(l.substr(0, colon)), value = Trim(l.substr(colon + 1));
      if (IEquals(name, "WARC-Type")) h.type = value;
      else if (IEquals(name, "WARC-Target-URI")) h.uri = value;
      else if (IEquals(name, "WARC-Date")) h.date = value;
      else if (IEquals(name, "WARC-Record-ID")) h.record_id = value;
      else if (IEquals(name, "Content-Type")) h.content_type = value;
      else if (IEquals(name, "Content-Length")) {
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), h.length);
        h.has_length = ec == std::errc() && p == value.data() + value.size();
      }
    }
    if (!header_ok) {
      ctx.Error(0, record_offset, "truncated WARC record header" + gzip_error());
      ++ctx.stats->skipped;
      break;
    }
    if (!h.has_length) {
      ctx.Error(0, record_offset, "WARC record without a valid Content-Length; skipping to the next record");
      ++ctx.stats->skipped;
      resync = true;
      continue;
    }
    bool wanted = IEquals(h.type, "response") && IContains(h.content_type, "application/http");
    if (wanted && h.length > kMaxDocumentBytes) {
      ctx.Error(0, record_offset, "WARC record of " + std::to_string(h.length) + " bytes exceeds the " +
                                      std::to_string(kMaxDocumentBytes >> 20) + " MiB limit; skipped");
      ++ctx.stats->skipped;
      wanted = false;
    }
    if (!wanted) {
      uint64_t got = 0;
      while (got < h.length) {
        size_t step = static_cast<size_t>(std::min<uint64_t>(h.length - got, 1 << 20));
        size_t k = in.Skip(step);
        got += k;
        if (k < step) break;
      }
      if (got < h.length) {
        ctx.Error(0, record_offset, "truncated WARC record: Content-Length " + std::to_string(h.length) +
                                        ", only " + std::to_string(got) + " bytes" + gzip_error());
        ++ctx.stats->skipped;
        break;
      }
      continue;
    }
    block.clear();
    size_t got = in.ReadBlock(static_cast<size_t>(h.length), &block);
    if (got < h.length) {
      ctx.Error(0, record_offset, "truncated WARC record: Content-Length " + std::to_string(h.length) +
                                      ", only " + std::to_string(got) + " bytes" + gzip_error());
      ++ctx.stats->skipped;
      break;
    }
    HttpResponse http;
    if (!ParseHttp(block, &http)) {
      ctx.Error(0, record_offset, "response record " + h.uri + " holds no HTTP response; skipped");
      ++ctx.stats->skipped;
      continue;
    }
    // Redirects, errors and non-HTML payloads (images, PDFs, feeds) are not articles.
    if (http.status < 200 || http.status >= 300) continue;
    if (!IContains(http.content_type, "html")) continue;
    std::string_view payload = std::string_view(block).substr(http.body_begin);
    body.clear();
    if (IContains(http.transfer_encoding, "chunked")) {
      if (!Dechunk(payload, &body)) {
        ctx.Error(0, record_offset, "broken chunked encoding in " + h.uri + "; body used as stored");
        ++ctx.stats->warnings;
        body.assign(payload);
      }
      payload = body;
    }
    std::string inflated;
    if ((IContains(http.content_encoding, "gzip") || IContains(http.content_encoding, "deflate")) &&
        payload.size() >= 2) {
      if (Inflate(payload, &inflated)) {
        payload = inflated;
      } else if (static_cast<unsigned char>(payload[0]) == 0x1f) {
        ctx.Error(0, record_offset, "cannot inflate the " + std::string(http.content_encoding) +
                                        " body of " + h.uri + "; skipped");
        ++ctx.stats->skipped;
        continue;
      }
    }
    Document doc;
    doc.input_path = ctx.name;
    doc.format = "warc";
    doc.id = !h.record_id.empty() ? RecordId(h.record_id) : HashId(h.uri);
    doc.url = h.uri;
    doc.outlet = HostOf(doc.url);
    if (payload.data() == block.data() + http.body_begin && payload.size() == block.size() - http.body_begin) {
      block.erase(0, http.body_begin);  // the body as stored: reuse the record's buffer
      doc.raw = std::move(block);
      block = std::string();
    } else {
      doc.raw.assign(payload);
    }
    HtmlPage page = ExtractHtml(doc.raw);
    doc.text = std::move(page.text);
    doc.text_to_raw = std::move(page.text_to_raw);
    doc.title = std::move(page.title);
    if (page.published) {
      doc.published = page.published;
      doc.date_source = "html-meta";
    } else if (auto d = Date::Parse(h.date)) {
      doc.published = d;
      doc.date_source = "warc";
    }
    ctx.Emit(std::move(doc));
  }
}

}  // namespace communique::ingest
