// Offset-preserving HTML compaction before gumbo: drops what extraction never reads (comments,
// scripts other than JSON-LD, styles, SVG/MathML, iframes, templates, noscript, textarea, and
// attributes other than the few the extractor and metadata use) so the HTML5 parser sees a
// fraction of the page. Text is copied byte for byte; a segment map turns offsets in the compact
// page back into offsets in the original.
//
// In: raw HTML. Out: CompactHtml (compact bytes + segment map).
#include "ingest/html_compact.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <initializer_list>

#include "ingest/internal.h"

namespace communique::ingest {
namespace {

inline char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (LowerAscii(a[i]) != b[i]) return false;
  return true;
}

// Finds "</name" (any case) at or after `from`; npos when absent.
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  while (true) {
    size_t p = s.find("</", from);
    if (p == std::string_view::npos) return p;
    if (p + 2 + name.size() <= s.size() && IEqual(s.substr(p + 2, name.size()), name)) {
      char after = p + 2 + name.size() < s.size() ? s[p + 2 + name.size()] : '>';
      if (IsSpace(after) || after == '>' || after == '/') return p;
    }
    from = p + 2;
  }
}

// Attributes the extractor or the metadata reader looks at.
bool KeptAttribute(std::string_view name, std::string_view tag) {
  static constexpr std::string_view kKept[] = {
      "class", "id", "role", "hidden", "style", "aria-hidden", "itemprop", "content", "property",
      "name", "datetime", "pubdate", "rel", "type"};
  for (auto k : kKept)
    if (IEqual(name, k)) return true;
  return IEqual(name, "href") && IEqual(tag, "link");
}

// Class/id words of page furniture. A word matches exactly, or as a prefix for the second list
// ("share" matches "sharebar", "share-buttons").
constexpr std::string_view kFurnitureWords[] = {
    "ad", "ads", "adv", "advert", "advertisement", "advertising", "adsbygoogle", "banner",
    "cookie", "cookies", "consent", "gdpr", "comment", "comments", "nav", "navbar", "navigation",
    "menu", "footer", "masthead", "sidebar", "breadcrumb", "breadcrumbs", "popup", "modal",
    "widget", "widgets", "trending", "popular", "mostread", "toolbar", "tags", "paywall", "print",
    "subscribe", "subscription", "newsletter", "related", "teaser", "teasers", "promo", "sponsor",
    "sponsored", "outbrain", "taboola", "disqus", "social", "share", "sharing", "recommended",
    "recommendations", "more-stories", "readmore", "read-more", "see-also", "also-read"};
constexpr std::string_view kFurniturePrefixes[] = {
    "advert", "cookie", "consent", "share", "sharing", "social", "related", "teaser",
    "promo", "sponsor", "newsletter", "subscri", "outbrain", "taboola", "disqus", "breadcrumb",
    "sidebar", "navbar", "popup", "recommend", "trending", "mostread", "most-read", "comments"};

bool FurnitureWord(std::string_view w) {
  for (auto k : kFurnitureWords)
    if (w == k) return true;
  for (auto p : kFurniturePrefixes)
    if (w.starts_with(p)) return true;
  return false;
}

// Splits class/id values into words at spaces, '_' and camelCase-free separators; '-' joined
// words are tried both whole ("read-more") and split ("comments-list" -> "comments").
}  // namespace

bool FurnitureClass(std::string_view value) {
  std::string v(value);
  for (char& c : v) c = LowerAscii(c);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '_')) ++i;
    size_t j = i;
    while (j < v.size() && v[j] != ' ' && v[j] != '\t' && v[j] != '\n' && v[j] != '_') ++j;
    std::string_view word(v.data() + i, j - i);
    if (!word.empty()) {
      if (FurnitureWord(word)) return true;
      size_t k = 0;
      while (k < word.size()) {
        size_t m = word.find('-', k);
        if (m == std::string_view::npos) m = word.size();
        std::string_view part = word.substr(k, m - k);
        // "comment" alone is ambiguous next to "commentary"; parts must match exactly here.
        for (auto w : kFurnitureWords)
          if (part == w) return true;
        k = m + 1;
      }
    }
    i = j;
  }
  return false;
}


namespace {

enum class Skip { kNone, kElement, kKeepRaw };

bool InList(std::string_view tag, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (IEqual(tag, n)) return true;
  return false;
}

bool IsVoid(std::string_view tag) {
  return InList(tag, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                      "source", "track", "wbr", "param", "keygen"});
}

// Elements that start a paragraph in the extractor (keep in step with IsBlock in html.cc).
bool IsBlockName(std::string_view tag) {
  return InList(tag, {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
                      "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "caption",
                      "figure", "figcaption", "address", "hr", "body", "html", "center", "details",
                      "summary", "fieldset", "header", "footer", "nav", "aside", "hgroup"});
}

// The same decisions the extractor makes on a gumbo node (Dropped in html.cc, without the
// link-density test, which needs the parsed subtree).
bool FurnitureElement(std::string_view tag, std::string_view raw, const std::pair<size_t, size_t>* attrs,
                      size_t nattrs) {
  if (InList(tag, {"html", "body", "article", "main", "head"})) return false;
  if (InList(tag, {"nav", "footer", "aside", "form", "button", "input", "embed", "canvas", "video",
                   "audio", "map", "menu", "label", "option"}))
    return true;
  for (size_t k = 0; k < nattrs; ++k) {
    std::string_view a = raw.substr(attrs[k].first, attrs[k].second - attrs[k].first);
    size_t eq = a.find('=');
    std::string_view name = a.substr(0, eq);
    while (!name.empty() && IsSpace(name.back())) name.remove_suffix(1);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : a.substr(eq + 1);
    while (!value.empty() && IsSpace(value.front())) value.remove_prefix(1);
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      value.remove_prefix(1);
      if (!value.empty() && (value.back() == '"' || value.back() == '\'')) value.remove_suffix(1);
    }
    if (value.find('&') != std::string_view::npos) continue;  // references: leave to the parser
    std::string v(value);
    for (char& c : v) c = LowerAscii(c);
    if (IEqual(name, "hidden")) return true;
    if (IEqual(name, "aria-hidden") && v == "true") return true;
    if (IEqual(name, "style")) {
      v.erase(std::remove(v.begin(), v.end(), ' '), v.end());
      if (v.find("display:none") != std::string::npos || v.find("visibility:hidden") != std::string::npos) return true;
    }
    if (IEqual(name, "role") && (v == "navigation" || v == "banner" || v == "contentinfo" || v == "complementary" ||
                                 v == "search" || v == "menu" || v == "dialog" || v == "alertdialog"))
      return true;
    if ((IEqual(name, "class") || IEqual(name, "id")) && FurnitureClass(v)) return true;
  }
  return false;
}

// A <link rel=canonical>, or a <meta> whose name, property or itemprop speaks of a date, time,
// title or URL (the metadata the extractor collects).
bool MetadataTag(std::string_view tag, std::string_view raw, const std::pair<size_t, size_t>* attrs,
                 size_t nattrs) {
  bool link = IEqual(tag, "link");
  for (size_t k = 0; k < nattrs; ++k) {
    std::string_view a = raw.substr(attrs[k].first, attrs[k].second - attrs[k].first);
    size_t eq = a.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = a.substr(0, eq);
    while (!name.empty() && IsSpace(name.back())) name.remove_suffix(1);
    std::string v(a.substr(eq + 1));
    for (char& c : v) c = LowerAscii(c);
    if (link) {
      if (IEqual(name, "rel") && v.find("canonical") != std::string::npos) return true;
    } else if (IEqual(name, "name") || IEqual(name, "property") || IEqual(name, "itemprop")) {
      for (const char* w : {"date", "time", "title", "url", "pub"})
        if (v.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

// The end tag closing the element whose start tag ends at `from`, counting nested elements of
// the same name; scripts and comments are skipped. npos when there is none.
size_t FindMatchingEnd(std::string_view s, size_t from, std::string_view tag) {
  int depth = 1;
  size_t pos = from;
  while (true) {
    size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) return std::string_view::npos;
    if (s.substr(lt, 4) == "<!--") {
      size_t e = s.find("-->", lt + 4);
      if (e == std::string_view::npos) return e;
      pos = e + 3;
      continue;
    }
    bool closing = s[lt + 1] == '/';
    size_t nb = lt + 1 + closing;
    auto named = [&](std::string_view name) {
      if (nb + name.size() > s.size() || !IEqual(s.substr(nb, name.size()), name)) return false;
      char after = nb + name.size() < s.size() ? s[nb + name.size()] : '>';
      return IsSpace(after) || after == '>' || after == '/';
    };
    if (!closing && named("script")) {
      size_t e = FindEndTag(s, nb, "script");
      if (e == std::string_view::npos) return e;
      pos = e + 2;
      continue;
    }
    if (named(tag)) {
      if (closing && --depth == 0) return lt;
      if (!closing) ++depth;
    }
    pos = lt + 1;
  }
}


// What to do with a start tag: drop the whole element, copy its raw-text content unparsed, or
// nothing special.
Skip ElementRule(std::string_view tag, std::string_view attrs) {
  static constexpr std::string_view kDropped[] = {"style", "svg", "math", "iframe", "template",
                                                  "noscript", "textarea", "object", "select"};
  for (auto d : kDropped)
    if (IEqual(tag, d)) return Skip::kElement;
  if (IEqual(tag, "script")) {
    std::string a(attrs);
    for (char& c : a) c = LowerAscii(c);
    return a.find("ld+json") != std::string::npos ? Skip::kKeepRaw : Skip::kElement;
  }
  if (IEqual(tag, "title")) return Skip::kKeepRaw;
  return Skip::kNone;
}

}  // namespace

uint32_t CompactHtml::ToRaw(uint32_t c) const {
  if (segments.empty() || raw_size == 0) return 0;
  // Last segment starting at or before c.
  auto it = std::upper_bound(segments.begin(), segments.end(), c,
                             [](uint32_t v, const Segment& s) { return v < s.compact; });
  if (it == segments.begin()) return segments.front().raw;
  --it;
  return std::min(it->raw + (c - it->compact), raw_size - 1);
}

const CompactHtml::Placeholder* CompactHtml::PlaceholderAt(uint32_t c) const {
  if (c >= html.size() || html[c] != kPlaceholder) return nullptr;
  auto it = std::lower_bound(placeholders.begin(), placeholders.end(), c,
                             [](const Placeholder& p, uint32_t v) { return p.compact < v; });
  return it != placeholders.end() && it->compact == c ? &*it : nullptr;
}

CompactHtml Compact(std::string_view raw) {
  CompactHtml out;
  out.raw_size = static_cast<uint32_t>(raw.size());
  out.html.reserve(raw.size() / 2);
  const bool valid_utf8 = FindInvalidUtf8(raw) == std::string_view::npos;  // the usual case
  int failed_searches = 0;  // bounds the work on pages full of unclosed furniture
  constexpr int kMaxDepth = 2000;
  int depth = 0;  // open elements, roughly: implied end tags are not modelled
  size_t i = raw.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark is not text
  auto copy = [&](size_t from, size_t to) {
    if (to <= from) return;
    if (out.segments.empty() || out.segments.back().raw + (out.html.size() - out.segments.back().compact) != from)
      out.segments.push_back({static_cast<uint32_t>(out.html.size()), static_cast<uint32_t>(from)});
    out.html.append(raw.data() + from, to - from);
  };
  // Text between tags: literal runs become placeholders, references and CR stay for the parser.
  auto copy_text = [&](size_t from, size_t to) {
    size_t run = from;  // start of the current literal run
    auto flush = [&](size_t end) {
      size_t b = run, e = end;
      while (b < e && IsSpace(raw[b])) ++b;
      while (e > b && IsSpace(raw[e - 1])) --e;
      if (e - b >= 16 && (valid_utf8 || FindInvalidUtf8(raw.substr(b, e - b)) == std::string_view::npos)) {
        copy(run, b);
        out.placeholders.push_back({static_cast<uint32_t>(out.html.size()), static_cast<uint32_t>(b),
                                    static_cast<uint32_t>(e)});
        out.html.push_back(CompactHtml::kPlaceholder);
        copy(e, end);
      } else {
        copy(run, end);
      }
    };
    size_t k = from;
    while (k < to) {
      char c = raw[k];
      if (c != '&' && c != '\r' && c != '\0') {
        ++k;
        continue;
      }
      flush(k);
      size_t e = k + 1;
      if (c == '&') {
        if (e < to && raw[e] == '#') ++e;
        if (e < to && (raw[e] == 'x' || raw[e] == 'X')) ++e;
        while (e < to && std::isalnum(static_cast<unsigned char>(raw[e]))) ++e;
        if (e < to && raw[e] == ';') ++e;
      }
      copy(k, e);
      run = k = e;
    }
    flush(to);
  };
  while (i < raw.size()) {
    size_t lt = raw.find('<', i);
    if (lt == std::string_view::npos) {
      copy_text(i, raw.size());
      break;
    }
    copy_text(i, lt);
    i = lt;
    if (raw.substr(i, 4) == "<!--") {
      size_t end = raw.find("-->", i + 4);
      i = end == std::string_view::npos ? raw.size() : end + 3;
      continue;
    }
    bool end_tag = i + 1 < raw.size() && raw[i + 1] == '/';
    size_t name_begin = i + 1 + end_tag;
    if (name_begin >= raw.size() || !IsAlpha(raw[name_begin])) {
      // "<!DOCTYPE", "<?xml", a stray "<": copied as is up to the next '>'.
      size_t gt = raw.find('>', i + 1);
      size_t stop = gt == std::string_view::npos ? raw.size() : gt + 1;
      if (name_begin < raw.size() && (raw[name_begin - end_tag] == '!' || raw[name_begin - end_tag] == '?')) {
        copy(i, stop);
        i = stop;
      } else {
        copy(i, i + 1);  // a literal '<' in text
        i += 1;
      }
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < raw.size() && !IsSpace(raw[name_end]) && raw[name_end] != '/' && raw[name_end] != '>') ++name_end;
    std::string_view tag = raw.substr(name_begin, name_end - name_begin);
    if (end_tag) {
      if (depth > 0) --depth;
      size_t gt = raw.find('>', name_end);
      size_t stop = gt == std::string_view::npos ? raw.size() : gt + 1;
      copy(i, name_end);
      copy(stop - 1, stop);
      i = stop;
      continue;
    }
    // Attributes; quoted values may hold '>'.
    struct Range {
      size_t begin, end;
    };
    Range kept[16];
    size_t nkept = 0;
    std::pair<size_t, size_t> all[16];  // every attribute, for the furniture test
    size_t nall = 0;
    size_t p = name_end;
    bool closed = false, self_closing = false;
    while (p < raw.size()) {
      while (p < raw.size() && (IsSpace(raw[p]) || raw[p] == '/')) ++p;
      if (p >= raw.size()) break;
      if (raw[p] == '>') {
        self_closing = raw[p - 1] == '/';
        ++p;
        closed = true;
        break;
      }
      size_t an = p;
      ++p;  // the first character may be '='
      while (p < raw.size() && !IsSpace(raw[p]) && raw[p] != '/' && raw[p] != '>' && raw[p] != '=') ++p;
      size_t an_end = p;
      size_t q = p;
      while (q < raw.size() && IsSpace(raw[q])) ++q;
      if (q < raw.size() && raw[q] == '=') {
        p = q + 1;
        while (p < raw.size() && IsSpace(raw[p])) ++p;
        if (p < raw.size() && (raw[p] == '"' || raw[p] == '\'')) {
          size_t close = raw.find(raw[p], p + 1);
          p = close == std::string_view::npos ? raw.size() : close + 1;
        } else {
          while (p < raw.size() && !IsSpace(raw[p]) && raw[p] != '>') ++p;
        }
      }
      if (KeptAttribute(raw.substr(an, an_end - an), tag)) {
        if (nkept < 16) kept[nkept++] = {an, p};
        if (nall < 16) all[nall++] = {an, p};
      }
    }
    if (!closed) break;  // a tag cut off at the end of the page
    // Head links and meta tags other than the canonical URL, titles and dates say nothing the
    // extractor reads.
    if (IsVoid(tag) && (IEqual(tag, "link") || IEqual(tag, "meta")) && !MetadataTag(tag, raw, all, nall)) {
      i = p;
      continue;
    }
    // Page furniture never reaches the parser: the element goes, and a block leaves an empty
    // <div> so paragraphs on either side stay apart.
    if (failed_searches < 8 && FurnitureElement(tag, raw, all, nall)) {
      if (IsVoid(tag) || self_closing) {
        i = p;
        continue;
      }
      size_t end = FindMatchingEnd(raw, p, tag);
      if (end != std::string_view::npos) {
        size_t gt = raw.find('>', end);
        i = gt == std::string_view::npos ? raw.size() : gt + 1;
        if (IsBlockName(tag)) out.html.append("<div></div>");
        continue;
      }
      ++failed_searches;  // unclosed: the parser decides where it ends
    }
    Skip rule = ElementRule(tag, raw.substr(name_end, p - name_end));
    size_t end = rule == Skip::kNone ? 0 : FindEndTag(raw, p, tag);
    if (rule == Skip::kElement) {
      if (end == std::string_view::npos) break;
      size_t gt = raw.find('>', end);
      i = gt == std::string_view::npos ? raw.size() : gt + 1;
      continue;
    }
    if (rule == Skip::kNone && !self_closing && !IsVoid(tag)) {
      // The HTML5 tree builder is quadratic in nesting depth; past kMaxDepth open elements,
      // further start tags are left out (their text stays).
      if (depth >= kMaxDepth) {
        i = p;
        continue;
      }
      ++depth;
    }
    copy(i, name_end);
    for (size_t k = 0; k < nkept; ++k) {
      out.html.push_back(' ');
      copy(kept[k].begin, kept[k].end);
    }
    if (self_closing) out.html.push_back('/');
    out.html.push_back('>');
    i = p;
    if (rule == Skip::kKeepRaw) {
      // Raw text kept verbatim (title, JSON-LD): no tag parsing inside.
      size_t stop = end == std::string_view::npos ? raw.size() : end;
      copy(p, stop);
      i = stop;
    }
  }
  return out;
}

}  // namespace communique::ingest
