// JSON Lines reader: one document per line, {"id", "text" or "html", "date", "url", "title"}.
// Lines are streamed; a malformed line is reported as file:line and skipped; a line longer than
// kMaxDocumentBytes is skipped without being held in memory.
//
// In: a buffered byte stream. Out: Documents (format "jsonl"); raw is the decoded "text" or
// "html" value, so text_to_raw points into that string.
#include <nlohmann/json.hpp>
#include <numeric>

#include "ingest/internal.h"

namespace communique::ingest {
namespace {

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  return {};
}

}  // namespace

void ReadJsonLines(BufferedReader& in, ReadContext& ctx) {
  std::string line, repaired;
  uint64_t lineno = 0;
  std::string stem = ctx.name == "-" ? "stdin" : FileStem(ctx.name);
  while (!ctx.stopped) {
    bool too_long = false;
    uint64_t line_start = in.Position();
    if (!in.ReadLine(&line, kMaxDocumentBytes, &too_long)) break;
    ++lineno;
    if (too_long) {
      ctx.Error(lineno, line_start, "line longer than " + std::to_string(kMaxDocumentBytes >> 20) +
                                        " MiB; skipped");
      ++ctx.stats->skipped;
      continue;
    }
    std::string_view sv(line);
    while (!sv.empty() && (sv.back() == '\r' || sv.back() == ' ' || sv.back() == '\t')) sv.remove_suffix(1);
    size_t first = sv.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;  // blank line
    if (lineno == 1 && sv.starts_with("\xEF\xBB\xBF")) sv.remove_prefix(3);
    if (size_t bad = FindInvalidUtf8(sv); bad != std::string_view::npos) {
      repaired.clear();
      size_t n = AppendRepairedUtf8(sv, 0, &repaired, nullptr);
      ctx.Error(lineno, line_start + bad,
                "ill-formed UTF-8 at column " + std::to_string(bad + 1) + " (" + std::to_string(n) +
                    " sequence" + (n == 1 ? "" : "s") + " replaced by U+FFFD)");
      ++ctx.stats->warnings;
      sv = repaired;
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(sv);
    } catch (const nlohmann::json::exception& e) {
      // Syntax errors, and numbers too large for a double (out_of_range), are both bad lines.
      std::string what = e.what();
      // nlohmann's message starts with "[json.exception.parse_error.101] parse error at ..."
      if (size_t p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
      size_t byte = 0;
      if (const auto* pe = dynamic_cast<const nlohmann::json::parse_error*>(&e)) byte = pe->byte ? pe->byte - 1 : 0;
      ctx.Error(lineno, line_start + std::min<size_t>(byte, sv.size()), "malformed JSON: " + what + "; line skipped");
      ++ctx.stats->skipped;
      continue;
    }
    if (!j.is_object()) {
      ctx.Error(lineno, line_start, "JSON line is not an object; skipped");
      ++ctx.stats->skipped;
      continue;
    }
    Document doc;
    doc.input_path = ctx.name;
    doc.format = "jsonl";
    doc.id = StringField(j, "id");
    if (doc.id.empty()) doc.id = stem + "-" + std::to_string(lineno);
    doc.url = StringField(j, "url");
    doc.title = StringField(j, "title");
    auto text = j.find("text");
    auto html = j.find("html");
    bool is_text = text != j.end() && text->is_string();
    bool is_html = !is_text && html != j.end() && html->is_string();
    if (!is_text && !is_html) {
      ctx.Error(lineno, line_start, "no \"text\" or \"html\" string; skipped");
      ++ctx.stats->skipped;
      continue;
    }
    doc.raw = (is_text ? text : html)->get<std::string>();
    if (doc.raw.size() >= UINT32_MAX) {
      ctx.Error(lineno, line_start, "document too large; skipped");
      ++ctx.stats->skipped;
      continue;
    }
    if (auto d = j.find("date"); d != j.end() && d->is_string()) {
      const std::string& ds = d->get_ref<const std::string&>();
      if (auto date = Date::Parse(ds)) {
        doc.published = date;
        doc.date_source = "json";
      } else if (!ds.empty()) {
        ctx.Error(lineno, line_start, "\"date\" '" + ds.substr(0, 40) +
                                          "' is not a date (YYYY-MM-DD); publication date left unknown");
        ++ctx.stats->warnings;
      }
    }
    if (is_text) {
      doc.text = doc.raw;
      doc.text_to_raw.resize(doc.text.size() + 1);
      std::iota(doc.text_to_raw.begin(), doc.text_to_raw.end(), 0u);
    } else {
      HtmlPage page = ExtractHtml(doc.raw);
      doc.text = std::move(page.text);
      doc.text_to_raw = std::move(page.text_to_raw);
      if (doc.title.empty()) doc.title = std::move(page.title);
      if (doc.url.empty()) doc.url = std::move(page.url);
      if (!doc.published && page.published) {
        doc.published = page.published;
        doc.date_source = "html-meta";
      }
    }
    doc.outlet = HostOf(doc.url);
    ctx.Emit(std::move(doc));
  }
}

}  // namespace communique::ingest
