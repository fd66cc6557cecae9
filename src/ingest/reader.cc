// Input dispatch: opens files, walks directories, sniffs gzip and the document format, and hands
// the stream to the text, JSON Lines, HTML or WARC reader. Every problem becomes an InputError
// naming the file and offset; the batch always goes on.
#include "ingest/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "ingest/internal.h"

namespace communique::ingest {
namespace {

// Serves bytes already read for sniffing, then the rest of the underlying source.
class PrefixSource : public ByteSource {
 public:
  PrefixSource(std::string prefix, ByteSource* in) : prefix_(std::move(prefix)), in_(in) {}
  size_t Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    size_t r = in_->Read(buf, n);
    if (r == 0) error_ = in_->error();
    return r;
  }
  uint64_t InputOffset() const override { return in_->InputOffset() - (prefix_.size() - pos_); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  ByteSource* in_;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

Format FormatFromName(std::string_view path) {
  if (EndsWith(path, ".gz")) path.remove_suffix(3);
  if (EndsWith(path, ".warc") || EndsWith(path, ".arc")) return Format::kWarc;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) return Format::kJsonLines;
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) return Format::kHtml;
  if (EndsWith(path, ".txt") || EndsWith(path, ".text")) return Format::kText;
  return Format::kUnknown;
}

// Reads a whole document-sized input; false (reported) when it is too large.
bool ReadWhole(BufferedReader& in, ReadContext& ctx, std::string* out) {
  in.ReadBlock(kMaxDocumentBytes + 1, out);
  if (out->size() > kMaxDocumentBytes) {
    ctx.Error(0, 0, "file larger than " + std::to_string(kMaxDocumentBytes >> 20) +
                        " MiB; use JSON Lines or WARC for big inputs; skipped");
    ++ctx.stats->skipped;
    return false;
  }
  if (!in.source()->error().empty()) {
    ctx.Error(0, in.source()->InputOffset(), in.source()->error() + "; skipped");
    ++ctx.stats->skipped;
    return false;
  }
  return true;
}

void ReadStream(ByteSource* base, Format forced, ReadContext& ctx) {
  // Sniff gzip on the raw bytes, the format on the (inflated) content.
  std::string prefix(4096, '\0');
  size_t got = 0;
  while (got < prefix.size()) {
    size_t r = base->Read(prefix.data() + got, prefix.size() - got);
    if (r == 0) break;
    got += r;
  }
  prefix.resize(got);
  if (got == 0) {
    if (!base->error().empty()) ctx.Error(0, 0, base->error() + "; skipped");
    else ctx.Error(0, 0, "empty file; skipped");
    ++ctx.stats->skipped;
    return;
  }
  std::unique_ptr<ByteSource> source;
  if (got >= 2 && static_cast<unsigned char>(prefix[0]) == 0x1f && static_cast<unsigned char>(prefix[1]) == 0x8b) {
    source = std::make_unique<GzipSource>(base, std::move(prefix));
    ctx.gzip = true;
  } else {
    source = std::make_unique<PrefixSource>(std::move(prefix), base);
  }
  BufferedReader in(source.get());
  std::string_view head = in.Peek(4096);
  size_t first = head.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos && in.Peek(1 << 16).find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    if (!source->error().empty()) ctx.Error(0, source->InputOffset(), source->error() + "; skipped");
    else ctx.Error(0, 0, ctx.gzip ? "empty file (after gzip decompression); skipped" : "empty file; skipped");
    ++ctx.stats->skipped;
    return;
  }
  Format format = forced != Format::kUnknown ? forced : DetectFormat(ctx.name, head);
  if (format == Format::kUnknown) {
    size_t where = 0;
    LooksBinary(head, &where);
    ctx.Error(0, ctx.gzip ? 0 : where,
              std::string("binary data, not text, JSON Lines, HTML or WARC") +
                  (ctx.gzip ? " (inside gzip, byte " + std::to_string(where) + " decompressed)" : "") +
                  "; skipped");
    ++ctx.stats->skipped;
    return;
  }
  switch (format) {
    case Format::kWarc:
      ReadWarc(in, ctx);
      break;
    case Format::kJsonLines:
      ReadJsonLines(in, ctx);
      break;
    case Format::kText:
    case Format::kHtml: {
      std::string raw;
      if (!ReadWhole(in, ctx, &raw)) break;
      size_t where = 0;
      if (LooksBinary(std::string_view(raw).substr(0, 1 << 16), &where)) {
        ctx.Error(0, where, "binary data, not text; skipped");
        ++ctx.stats->skipped;
        break;
      }
      if (format == Format::kText) ReadTextDocument(std::move(raw), ctx);
      else ReadHtmlDocument(std::move(raw), ctx);
      break;
    }
    case Format::kUnknown:
      break;
  }
}

void ReadPath(const std::string& path, const DocumentSink& sink, const ErrorSink& errors,
              ReadStats* stats, bool* stopped);

void ReadDirectory(const std::string& dir, const DocumentSink& sink, const ErrorSink& errors,
                   ReadStats* stats, bool* stopped) {
  std::vector<std::string> names;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] != '.') names.push_back(it->path().string());
  }
  if (ec) {
    errors(InputError{dir, 0, 0, "cannot list directory: " + ec.message()});
    ++stats->skipped;
  }
  std::sort(names.begin(), names.end());
  for (const auto& n : names) {
    if (*stopped) return;
    ReadPath(n, sink, errors, stats, stopped);
  }
}

void ReadPath(const std::string& path, const DocumentSink& sink, const ErrorSink& errors,
              ReadStats* stats, bool* stopped) {
  ReadContext ctx;
  ctx.name = path;
  ctx.sink = &sink;
  ctx.errors = &errors;
  ctx.stats = stats;
  int fd = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      ctx.Error(0, 0, std::string("cannot open: ") + std::strerror(errno));
      ++stats->skipped;
      return;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      ReadDirectory(path, sink, errors, stats, stopped);
      return;
    }
  }
  ++stats->files;
  FdSource src(fd);
  ReadStream(&src, Format::kUnknown, ctx);
  stats->bytes += src.InputOffset();
  if (fd != 0) ::close(fd);
  *stopped = ctx.stopped;
}

}  // namespace

void ReadContext::Error(uint64_t line, uint64_t offset, std::string message) const {
  (*errors)(InputError{name, line, offset, std::move(message)});
}

void ReadContext::Emit(Document&& doc) {
  ++stats->documents;
  if (!(*sink)(std::move(doc))) stopped = true;
}

const char* FormatName(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kJsonLines: return "jsonl";
    case Format::kHtml: return "html";
    case Format::kWarc: return "warc";
    default: return "unknown";
  }
}

Format DetectFormat(std::string_view path, std::string_view head) {
  if (head.starts_with("WARC/1.") || head.starts_with("WARC/0.")) return Format::kWarc;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n\f\v");
  size_t where = 0;
  if (LooksBinary(head, &where)) return Format::kUnknown;
  Format by_name = FormatFromName(path);
  if (by_name != Format::kUnknown && by_name != Format::kWarc) return by_name;
  if (first == std::string_view::npos) return Format::kText;
  char c = head[first];
  if (c == '{') return Format::kJsonLines;
  if (c == '<') return Format::kHtml;
  return Format::kText;
}

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  else if (!url.starts_with("www.")) return {};
  size_t end = url.find_first_of("/?#");
  std::string_view host = url.substr(0, end);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.rfind(':'); colon != std::string_view::npos && host.find(']') == std::string_view::npos)
    host = host.substr(0, colon);
  std::string h(host);
  for (char& c : h)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (h.starts_with("www.")) h.erase(0, 4);
  return h;
}

std::string FileStem(std::string_view path) {
  if (size_t slash = path.find_last_of('/'); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  if (EndsWith(path, ".gz")) path.remove_suffix(3);
  if (size_t dot = path.rfind('.'); dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path);
}

std::string HashId(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void ReadHtmlDocument(std::string&& raw, ReadContext& ctx) {
  Document doc;
  doc.id = ctx.name == "-" ? "stdin" : FileStem(ctx.name);
  doc.input_path = ctx.name;
  doc.format = "html";
  HtmlPage page = ExtractHtml(raw);
  doc.raw = std::move(raw);
  doc.text = std::move(page.text);
  doc.text_to_raw = std::move(page.text_to_raw);
  doc.title = std::move(page.title);
  doc.url = std::move(page.url);
  doc.outlet = HostOf(doc.url);
  if (page.published) {
    doc.published = page.published;
    doc.date_source = "html-meta";
  }
  ctx.Emit(std::move(doc));
}

ReadStats ReadInputs(const std::vector<std::string>& inputs, const DocumentSink& sink,
                     const ErrorSink& errors) {
  ReadStats stats;
  bool stopped = false;
  for (const auto& path : inputs) {
    if (stopped) break;
    ReadPath(path, sink, errors, &stats, &stopped);
  }
  return stats;
}

ReadStats ReadBytes(std::string_view bytes, const std::string& name, Format format,
                    const DocumentSink& sink, const ErrorSink& errors) {
  ReadStats stats;
  ReadContext ctx;
  ctx.name = name;
  ctx.sink = &sink;
  ctx.errors = &errors;
  ctx.stats = &stats;
  stats.files = 1;
  MemorySource src(bytes);
  ReadStream(&src, format, ctx);
  stats.bytes = src.InputOffset();
  return stats;
}

}  // namespace communique::ingest
