// HTML article extraction with gumbo: the page's article text as paragraphs, each output byte
// mapped to the HTML byte it came from, plus title, canonical URL and publication date.
//
// In: an HTML page (any bytes). Out: HtmlPage. Page furniture is dropped by element (script,
// style, nav, aside, form, footer, header outside the article...), by class/id/role words
// (ads, cookie banners, share bars, comments, related-story teasers, newsletters) and by link
// density (blocks that are mostly links are menus or teaser lists).
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "ingest/html_compact.h"
#include "ingest/internal.h"

namespace communique::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

const char* Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HGROUP:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never article text.
bool IsFurnitureTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_LABEL: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

constexpr auto kSpace = [] {
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = true;
  return t;
}();

struct Stats {
  uint32_t text = 0;  // non-space bytes of text below the node
  uint32_t link = 0;  // of which inside <a>
};

// The page text and its offsets, with whitespace collapsed and block breaks made paragraphs.
class Output {
 public:
  explicit Output(HtmlPage* page) : page_(page) {}

  void Break(int level) { pending_ = std::max(pending_, level); }  // 1 space, 2 line, 3 paragraph

  // Writes the pending separator, mapped to the next text's first byte.
  void Separate(uint32_t next_raw) {
    if (pending_ && !page_->text.empty()) {
      const char* sep = pending_ == 1 ? " " : pending_ == 2 ? "\n" : "\n\n";
      for (const char* p = sep; *p; ++p) {
        page_->text.push_back(*p);
        page_->text_to_raw.push_back(next_raw);
      }
    }
    pending_ = 0;
  }

  void Append(std::string_view bytes, const uint32_t* raw, uint32_t unit_end) {
    Separate(raw[0]);
    page_->text.append(bytes);
    page_->text_to_raw.insert(page_->text_to_raw.end(), raw, raw + bytes.size());
    end_ = unit_end;
  }

  // Bytes copied from the page unchanged, starting at raw offset `raw`.
  void AppendIdentity(std::string_view bytes, uint32_t raw) {
    Separate(raw);
    page_->text.append(bytes);
    size_t at = page_->text_to_raw.size();
    page_->text_to_raw.resize(at + bytes.size());
    std::iota(page_->text_to_raw.begin() + at, page_->text_to_raw.end(), raw);
    end_ = raw + static_cast<uint32_t>(bytes.size());
  }

  void Finish() {
    if (page_->text_to_raw.empty()) end_ = 0;
    page_->text_to_raw.push_back(end_);
  }

 private:
  HtmlPage* page_;
  int pending_ = 0;
  uint32_t end_ = 0;
};

// Maps each byte of gumbo's decoded text back into the original text span. Decoded text equals
// the source except for character references, CR/CRLF (made LF) and NUL/ill-formed bytes
// (made U+FFFD); walking both in step and resynchronising after each difference keeps every
// offset inside the span.
void AlignText(std::string_view orig, std::string_view dec, uint32_t base,
               std::vector<uint32_t>* map, std::vector<uint32_t>* unit_end) {
  map->resize(dec.size());
  unit_end->resize(dec.size());
  size_t i = 0, j = 0;
  auto clamp = [&](size_t k) { return base + static_cast<uint32_t>(std::min(k, orig.empty() ? 0 : orig.size() - 1)); };
  while (j < dec.size()) {
    if (i < orig.size() && orig[i] == dec[j] && orig[i] != '&') {
      (*map)[j] = base + static_cast<uint32_t>(i);
      (*unit_end)[j] = base + static_cast<uint32_t>(i + 1);
      ++i, ++j;
      continue;
    }
    if (i < orig.size() && orig[i] == '\r') {
      size_t e = i + 1;
      if (e < orig.size() && orig[e] == '\n') ++e;
      if (dec[j] == '\n') {
        (*map)[j] = clamp(i);
        (*unit_end)[j] = base + static_cast<uint32_t>(e);
        ++j;
      }
      i = e;
      continue;
    }
    if (i < orig.size() && orig[i] == '&') {
      // Literal source bytes after a candidate end of the reference must reappear right after
      // its decoded value; that picks both the reference's extent (legacy names such as
      // "&notit" decode only "&not") and its decoded length (one code point, rarely two).
      auto literal_run = [&](size_t e) {
        size_t m = 0;
        while (e + m < orig.size() && m < 16 && orig[e + m] != '&' && orig[e + m] != '\r' && orig[e + m] != '\0') ++m;
        return m;
      };
      auto cp_len = [&](size_t at) -> size_t {
        if (at >= dec.size()) return 0;
        unsigned char c = static_cast<unsigned char>(dec[at]);
        size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return std::min(l, dec.size() - at);
      };
      auto fits = [&](size_t e, size_t len) {
        if (len == 0 || j + len > dec.size()) return false;
        if (e >= orig.size()) return j + len == dec.size();
        size_t m = literal_run(e);
        return m == 0 || dec.compare(j + len, m, orig, e, m) == 0;
      };
      auto take = [&](size_t e, size_t len) {
        for (size_t t = 0; t < len; ++t) {
          (*map)[j + t] = clamp(i);
          (*unit_end)[j + t] = base + static_cast<uint32_t>(e);
        }
        j += len;
        i = e;
      };
      size_t k = i + 1;
      if (k < orig.size() && orig[k] == '#') {
        ++k;
        if (k < orig.size() && (orig[k] == 'x' || orig[k] == 'X')) ++k;
      }
      while (k < orig.size() && std::isalnum(static_cast<unsigned char>(orig[k]))) ++k;
      if (k < orig.size() && orig[k] == ';') ++k;
      if (dec[j] == '&' && literal_run(i + 1) > 0 && fits(i + 1, 1)) {
        take(i + 1, 1);  // a bare '&' or an unknown name, left as written
        continue;
      }
      size_t l1 = cp_len(j), l2 = l1 + cp_len(j + l1);
      bool done = false;
      for (size_t e = k; e >= i + 2 && !done; --e) {
        if (fits(e, l1)) take(e, l1), done = true;
        else if (l2 > l1 && fits(e, l2)) take(e, l2), done = true;
      }
      if (done) continue;
      if (dec[j] == '&') {
        take(i + 1, 1);
        continue;
      }
    }
    // Any other difference: the decoded character stands for the current source byte.
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(dec[j]);
    if (c >= 0xC0) len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    len = std::min(len, dec.size() - j);
    for (size_t t = 0; t < len; ++t) {
      (*map)[j + t] = clamp(i);
      (*unit_end)[j + t] = clamp(i) + 1;
    }
    j += len;
    if (i < orig.size()) {
      // Skip the source character (one UTF-8 sequence or one bad byte).
      unsigned char o = static_cast<unsigned char>(orig[i]);
      size_t ol = o >= 0xF0 ? 4 : o >= 0xE0 ? 3 : o >= 0xC0 ? 2 : 1;
      i = std::min(orig.size(), i + (len >= 3 && o >= 0x80 && o < 0xC0 ? 1 : ol));
    }
  }
}

class Extractor {
 public:
  // `html` is the compacted page gumbo parsed; offsets are turned back into `compact`'s original.
  Extractor(std::string_view raw, const CompactHtml& compact, HtmlPage* page)
      : html_(compact.html), raw_(raw), compact_(compact), page_(page), out_(page) {}

  void Run(GumboNode* root) {
    stats_.reserve(256);
    ComputeStats(root);
    CollectMetadata(root);
    Emit(root);
    out_.Finish();
  }

 private:
  void ComputeStats(GumboNode* root) {
    // Post-order without recursion: pages nest deeply.
    std::vector<std::pair<GumboNode*, size_t>> stack{{root, 0}};
    while (!stack.empty()) {
      auto& [node, child] = stack.back();
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
        stack.pop_back();
        continue;
      }
      const GumboVector& kids = node->type == GUMBO_NODE_ELEMENT ? node->v.element.children
                                                                  : node->v.document.children;
      if (child < kids.length) {
        GumboNode* k = static_cast<GumboNode*>(kids.data[child++]);
        stack.push_back({k, 0});
        continue;
      }
      Stats s;
      for (unsigned c = 0; c < kids.length; ++c) {
        const GumboNode* k = static_cast<const GumboNode*>(kids.data[c]);
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
          s.text += NonSpace(k);
        } else if (k->type == GUMBO_NODE_ELEMENT) {
          if (k->v.element.tag == GUMBO_TAG_SCRIPT || k->v.element.tag == GUMBO_TAG_STYLE) continue;
          auto it = stats_.find(k);
          if (it != stats_.end()) {
            s.text += it->second.text;
            s.link += it->second.link;
          }
        }
      }
      if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_A) s.link = s.text;
      if (s.text) stats_[node] = s;
      stack.pop_back();
    }
  }

  // Non-whitespace bytes of a text node, placeholders counted as the text they stand for.
  uint32_t NonSpace(const GumboNode* k) const {
    const GumboStringPiece& o = k->v.text.original_text;
    uint32_t n = 0;
    if (o.data < html_.data() || o.data + o.length > html_.data() + html_.size()) {
      for (const char* p = k->v.text.text; *p; ++p) n += !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r');
      return n;
    }
    uint32_t base = static_cast<uint32_t>(o.data - html_.data());
    for (size_t i = 0; i < o.length; ++i) {
      char c = o.data[i];
      if (c == CompactHtml::kPlaceholder) {
        const auto* ph = compact_.PlaceholderAt(base + static_cast<uint32_t>(i));
        n += ph ? ph->raw_end - ph->raw_begin : 1;  // inner spaces count too: close enough for density
      } else {
        n += !(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f');
      }
    }
    return n;
  }

  bool Dropped(const GumboNode* n, bool in_article) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
      return false;
    if (IsFurnitureTag(t)) return true;
    if (t == GUMBO_TAG_HEADER && !in_article) return true;
    if (Attr(n, "hidden")) return true;
    if (const char* v = Attr(n, "aria-hidden"); v && std::strcmp(v, "true") == 0) return true;
    if (const char* v = Attr(n, "style")) {
      std::string s = Lower(v);
      s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
      if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
        return true;
    }
    if (const char* v = Attr(n, "role")) {
      std::string r = Lower(v);
      if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" ||
          r == "search" || r == "menu" || r == "dialog" || r == "alertdialog")
        return true;
    }
    if (const char* v = Attr(n, "class"); v && FurnitureClass(v)) return true;
    if (const char* v = Attr(n, "id"); v && FurnitureClass(v)) return true;
    if (IsBlock(t) || t == GUMBO_TAG_SPAN) {
      auto it = stats_.find(n);
      // Menus, tag clouds and teaser lists are mostly links; article paragraphs are not.
      if (it != stats_.end() && it->second.link * 2 > it->second.text) return true;
    }
    return false;
  }

  void Emit(GumboNode* root) {
    struct Frame {
      GumboNode* node;
      size_t child;
      bool in_article;
      bool pre;
    };
    std::vector<Frame> stack{{root, 0, false, false}};
    std::vector<uint32_t> map, unit_end;
    while (!stack.empty()) {
      Frame& f = stack.back();
      GumboNode* node = f.node;
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        EmitText(node, f.pre, &map, &unit_end);
        stack.pop_back();
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
          node->type != GUMBO_NODE_TEMPLATE) {
        stack.pop_back();
        continue;
      }
      bool element = node->type != GUMBO_NODE_DOCUMENT;
      GumboTag tag = element ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
      if (f.child == 0 && element) {
        if (Dropped(node, f.in_article)) {
          if (IsBlock(tag)) out_.Break(3);
          stack.pop_back();
          continue;
        }
        if (IsBlock(tag)) out_.Break(tag == GUMBO_TAG_LI || tag == GUMBO_TAG_TR ? 2 : 3);
        if (tag == GUMBO_TAG_BR) out_.Break(2);
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_IMG) out_.Break(1);
      }
      const GumboVector& kids = element ? node->v.element.children : node->v.document.children;
      if (f.child < kids.length) {
        GumboNode* k = static_cast<GumboNode*>(kids.data[f.child++]);
        bool in_article = f.in_article || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
        bool pre = f.pre || tag == GUMBO_TAG_PRE;
        stack.push_back({k, 0, in_article, pre});
        continue;
      }
      if (IsBlock(tag)) out_.Break(tag == GUMBO_TAG_LI || tag == GUMBO_TAG_TR ? 2 : 3);
      stack.pop_back();
    }
  }

  void EmitText(const GumboNode* node, bool pre, std::vector<uint32_t>* map,
                std::vector<uint32_t>* unit_end) {
    const GumboText& t = node->v.text;
    std::string_view dec(t.text);
    if (dec.empty()) return;
    std::string_view orig;
    uint32_t base = 0;
    const char* p = t.original_text.data;
    if (p >= html_.data() && p <= html_.data() + html_.size() &&
        t.original_text.length <= static_cast<size_t>(html_.data() + html_.size() - p)) {
      orig = std::string_view(p, t.original_text.length);
      base = static_cast<uint32_t>(p - html_.data());
    } else {
      base = static_cast<uint32_t>(std::min<size_t>(t.start_pos.offset, html_.size()));
    }
    if (node->type == GUMBO_NODE_CDATA && orig.starts_with("<![CDATA[")) {
      orig.remove_prefix(9);
      base += 9;
    }
    AlignText(orig, dec, base, map, unit_end);
    // Placeholders expand back into the page's own text (offsets are then the identity); other
    // bytes go through the alignment map and the compaction's segment map.
    size_t k = 0;
    while (k < dec.size()) {
      if (dec[k] == CompactHtml::kPlaceholder) {
        if (const auto* ph = compact_.PlaceholderAt((*map)[k])) {
          EmitWords(raw_.substr(ph->raw_begin, ph->raw_end - ph->raw_begin), nullptr, ph->raw_begin, nullptr, pre);
          ++k;
          continue;
        }
      }
      size_t e = k + 1;
      while (e < dec.size() && dec[e] != CompactHtml::kPlaceholder) ++e;
      for (size_t t = k; t < e; ++t) {
        (*map)[t] = compact_.ToRaw((*map)[t]);
        (*unit_end)[t] = compact_.ToRaw((*unit_end)[t] - 1) + 1;
      }
      EmitWords(dec.substr(k, e - k), map->data() + k, 0, unit_end->data() + k, pre);
      k = e;
    }
  }

  // Splits text at whitespace into words for the output; `map` null means offsets base + i.
  void EmitWords(std::string_view s, const uint32_t* map, uint32_t base, const uint32_t* ends, bool pre) {
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (kSpace[static_cast<unsigned char>(c)]) {
        out_.Break(pre && c == '\n' ? 2 : 1);
        ++i;
        continue;
      }
      // A single ' ' between words needs no collapsing: take it along, so prose goes out in
      // long runs rather than word by word.
      size_t j = i + 1;
      while (j < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (!kSpace[d]) {
          ++j;
        } else if (d == ' ' && j + 1 < s.size() && !kSpace[static_cast<unsigned char>(s[j + 1])]) {
          j += 2;
        } else {
          break;
        }
      }
      if (map) out_.Append(s.substr(i, j - i), map + i, ends[j - 1]);
      else out_.AppendIdentity(s.substr(i, j - i), base + static_cast<uint32_t>(i));
      i = j;
    }
  }

  static std::string TextOf(const GumboNode* n) {
    std::string s;
    const GumboVector& kids = n->v.element.children;
    for (unsigned c = 0; c < kids.length; ++c) {
      const GumboNode* k = static_cast<const GumboNode*>(kids.data[c]);
      if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA || k->type == GUMBO_NODE_WHITESPACE)
        s += k->v.text.text;
    }
    return s;
  }

  static std::string Collapse(std::string_view s) {
    std::string r;
    bool space = false;
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space = !r.empty();
        continue;
      }
      if (space) r.push_back(' ');
      space = false;
      r.push_back(c);
    }
    return r;
  }

  // Finds datePublished anywhere in a JSON-LD value (objects, arrays, @graph).
  static std::optional<Date> JsonLdDate(const nlohmann::json& root) {
    std::vector<const nlohmann::json*> stack{&root};
    while (!stack.empty()) {
      const nlohmann::json* j = stack.back();
      stack.pop_back();
      if (j->is_object()) {
        auto it = j->find("datePublished");
        if (it != j->end() && it->is_string())
          if (auto d = Date::Parse(it->get_ref<const std::string&>())) return d;
        for (const auto& [k, v] : j->items())
          if (v.is_structured()) stack.push_back(&v);
      } else if (j->is_array()) {
        for (const auto& v : *j)
          if (v.is_structured()) stack.push_back(&v);
      }
    }
    return std::nullopt;
  }

  void CollectMetadata(GumboNode* root) {
    // Ranked sources of the publication date; the best one found wins.
    enum Rank { kArticleMeta, kItemprop, kJsonLd, kOtherMeta, kTime, kTimeAny, kRanks };
    std::optional<Date> dates[kRanks];
    std::string og_title, title, canonical, og_url;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      const GumboVector* kids = nullptr;
      if (n->type == GUMBO_NODE_DOCUMENT) kids = &n->v.document.children;
      if (n->type != GUMBO_NODE_ELEMENT) {
        if (kids)
          for (unsigned c = kids->length; c-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[c]));
        continue;
      }
      kids = &n->v.element.children;
      GumboTag tag = n->v.element.tag;
      auto set = [&](Rank r, const char* v) {
        if (v && !dates[r]) {
          std::string_view s(v);
          while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
          dates[r] = Date::Parse(s);
        }
      };
      if (tag == GUMBO_TAG_META) {
        const char* key = Attr(n, "property");
        if (!key) key = Attr(n, "name");
        const char* content = Attr(n, "content");
        if (key && content) {
          std::string k = Lower(key);
          if (k == "article:published_time" || k == "og:article:published_time" ||
              k == "og:published_time" || k == "article:published")
            set(kArticleMeta, content);
          else if (k == "datepublished" || k == "pubdate" || k == "publishdate" ||
                   k == "publish-date" || k == "publish_date" || k == "date" || k == "dc.date" ||
                   k == "dc.date.issued" || k == "dcterms.date" || k == "dcterms.created" ||
                   k == "sailthru.date" || k == "parsely-pub-date" || k == "article.published" ||
                   k == "originalpublicationdate")
            set(kOtherMeta, content);
          else if (k == "og:title" && og_title.empty())
            og_title = Collapse(content);
          else if (k == "og:url" && og_url.empty())
            og_url = content;
        }
      }
      if (const char* ip = Attr(n, "itemprop"); ip && Lower(ip) == "datepublished") {
        const char* v = Attr(n, "content");
        if (!v) v = Attr(n, "datetime");
        set(kItemprop, v);
      }
      if (tag == GUMBO_TAG_TIME) {
        if (Attr(n, "pubdate")) set(kTime, Attr(n, "datetime"));
        set(kTimeAny, Attr(n, "datetime"));
      }
      if (tag == GUMBO_TAG_TITLE && title.empty()) title = Collapse(TextOf(n));
      if (tag == GUMBO_TAG_LINK && canonical.empty()) {
        const char* rel = Attr(n, "rel");
        if (rel && Lower(rel) == "canonical" && Attr(n, "href")) canonical = Attr(n, "href");
      }
      if (tag == GUMBO_TAG_SCRIPT && !dates[kJsonLd]) {
        const char* type = Attr(n, "type");
        if (type && Lower(type) == "application/ld+json") {
          try {
            auto j = nlohmann::json::parse(TextOf(n), nullptr, /*allow_exceptions=*/false);
            if (!j.is_discarded()) dates[kJsonLd] = JsonLdDate(j);
          } catch (const nlohmann::json::exception&) {
            // A broken JSON-LD block only means no date from it.
          }
        }
      }
      for (unsigned c = kids->length; c-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[c]));
    }
    for (auto& d : dates)
      if (d) {
        page_->published = d;
        break;
      }
    page_->title = !og_title.empty() ? og_title : title;
    auto absolute = [](const std::string& u) { return u.starts_with("http://") || u.starts_with("https://"); };
    page_->url = absolute(canonical) ? canonical : absolute(og_url) ? og_url : "";
  }

  std::string_view html_;
  std::string_view raw_;
  const CompactHtml& compact_;
  HtmlPage* page_;
  Output out_;
  std::unordered_map<const GumboNode*, Stats> stats_;
};

// Bump allocator for gumbo's many small allocations: nothing is freed until the page is done,
// then everything at once. Only used for pages up to kArenaPageLimit so memory stays bounded.
class Arena {
 public:
  static constexpr size_t kBlock = 1 << 20;
  void* Alloc(size_t n) {
    n = (n + 15) & ~size_t{15};
    if (blocks_.empty() || used_ + n > size_) {
      size_t size = std::max(n, kBlock);
      blocks_.push_back(std::unique_ptr<char[]>(new char[size]));  // uninitialised on purpose
      size_ = size;
      used_ = 0;
    }
    void* p = blocks_.back().get() + used_;
    used_ += n;
    return p;
  }
  void Reset() {
    if (blocks_.size() > 1) {
      blocks_.erase(blocks_.begin() + 1, blocks_.end());
    }
    size_ = blocks_.empty() ? 0 : kBlock;
    used_ = 0;
  }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t size_ = 0, used_ = 0;
};

void* ArenaAllocate(void* arena, size_t n) { return static_cast<Arena*>(arena)->Alloc(n); }
void ArenaFree(void*, void*) {}

constexpr size_t kArenaPageLimit = 4u << 20;

}  // namespace

HtmlPage ExtractHtml(std::string_view html) {
  HtmlPage page;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; recording them costs time
  CompactHtml compact = Compact(html);
  thread_local Arena arena;
  bool use_arena = compact.html.size() <= kArenaPageLimit;
  if (use_arena) {
    options.allocator = ArenaAllocate;
    options.deallocator = ArenaFree;
    options.userdata = &arena;
  }
  GumboOutput* out = gumbo_parse_with_options(&options, compact.html.data(), compact.html.size());
  if (out) Extractor(html, compact, &page).Run(out->document);
  else page.text_to_raw.push_back(0);
  if (use_arena) arena.Reset();
  else if (out) gumbo_destroy_output(&options, out);
  // gumbo 0.10 can emit ill-formed UTF-8 for overflowing numeric references ("&#x0BBBBBBBBBB");
  // repair so the text contract holds, keeping each byte's offset.
  if (FindInvalidUtf8(page.text) != std::string_view::npos) {
    std::string text;
    std::vector<uint32_t> index;
    AppendRepairedUtf8(page.text, 0, &text, &index);
    std::vector<uint32_t> map(text.size() + 1);
    for (size_t i = 0; i < text.size(); ++i) map[i] = page.text_to_raw[index[i]];
    map.back() = page.text_to_raw.back();
    page.text = std::move(text);
    page.text_to_raw = std::move(map);
  }
  return page;
}

}  // namespace communique::ingest
