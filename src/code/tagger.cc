// PosTagger: loads the liblingua-en-tagger-perl statistics and tags sentences with Viterbi.
// Input: YAML files of the simple flow-mapping form `"word": { tag: count, ... }`; output: Penn
// Treebank tags on Tokens.
#include "code/tagger.h"

#include <cctype>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace communique::code {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Lingua's own tag names -> Penn Treebank.
std::string PennTag(std::string_view t) {
  if (t == "det") return "DT";
  if (t == "prps") return "PRP$";
  if (t == "wps") return "WP$";
  if (t == "pp") return ".";
  if (t == "ppc") return ",";
  if (t == "ppd") return "$";
  if (t == "ppl") return "``";
  if (t == "ppr") return "''";
  if (t == "pps") return ":";
  if (t == "lrb") return "-LRB-";
  if (t == "rrb") return "-RRB-";
  std::string out(t);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// One line `key: { a: 1, b: 2 }` -> key and pairs; false when the line is not of that form.
bool ParseLine(std::string_view line, std::string* key,
               std::vector<std::pair<std::string_view, double>>* values) {
  values->clear();
  key->clear();
  size_t i = 0;
  if (line.empty()) return false;
  if (line[0] == '"') {
    for (i = 1; i < line.size() && line[i] != '"'; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      key->push_back(line[i]);
    }
    if (i >= line.size()) return false;
    ++i;
    if (i >= line.size() || line[i] != ':') return false;
  } else {
    size_t colon = line.find(": {");
    if (colon == std::string_view::npos) return false;
    key->assign(line.substr(0, colon));
    i = colon;
  }
  size_t open = line.find('{', i);
  size_t close = line.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return false;
  std::string_view body = line.substr(open + 1, close - open - 1);
  while (!body.empty()) {
    size_t comma = body.find(',');
    std::string_view item = body.substr(0, comma);
    size_t c = item.find(':');
    if (c != std::string_view::npos) {
      std::string_view name = item.substr(0, c);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      std::string num(item.substr(c + 1));
      values->emplace_back(name, std::strtod(num.c_str(), nullptr));
    }
    if (comma == std::string_view::npos) break;
    body.remove_prefix(comma + 1);
  }
  return !values->empty();
}

template <typename Fn>
void ForEachLine(const std::string& text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    fn(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
  }
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string PosTagger::DefaultDir(const std::string& data_dir) {
  std::string own = data_dir + "/tagger";
  if (std::ifstream(own + "/words.yml")) return own;
  return "/usr/share/perl5/Lingua/EN/Tagger";
}

int PosTagger::TagIndex(std::string_view lingua_tag) {
  for (size_t i = 0; i < lingua_tags_.size(); ++i)
    if (lingua_tags_[i] == lingua_tag) return static_cast<int>(i);
  if (lingua_tags_.size() >= kMaxTags) return -1;
  lingua_tags_.emplace_back(lingua_tag);
  penn_tags_.push_back(PennTag(lingua_tag));
  return static_cast<int>(lingua_tags_.size() - 1);
}

PosTagger::Entry PosTagger::AddEntry(const std::vector<std::pair<int, double>>& counts) {
  Entry e;
  e.first = static_cast<uint32_t>(candidates_.size());
  double total = 0;
  for (auto& [t, n] : counts) total += n;
  for (auto& [t, n] : counts) {
    // P(word | tag) / P(word) = P(tag | word) / P(tag); P(tag) from the whole lexicon.
    double p_tag_word = n / total;
    double p_tag = tag_total_[t] > 0 ? tag_total_[t] : 1.0;
    candidates_.push_back({static_cast<uint8_t>(t), static_cast<float>(std::log(p_tag_word) -
                                                                      std::log(p_tag))});
    ++e.count;
  }
  return e;
}

std::unique_ptr<PosTagger> PosTagger::Load(const std::string& dir) {
  auto tagger = std::unique_ptr<PosTagger>(new PosTagger());
  PosTagger& t = *tagger;
  std::string words = ReadFile(dir + "/words.yml");
  std::string tags = ReadFile(dir + "/tags.yml");
  std::string unknown = ReadFile(dir + "/unknown.yml");

  std::string key;
  std::vector<std::pair<std::string_view, double>> values;
  for (auto& row : t.transition_) row.fill(-30.0f);
  ForEachLine(tags, [&](std::string_view line) {
    if (!ParseLine(line, &key, &values)) return;
    int from = t.TagIndex(key);
    if (from < 0) return;
    for (auto& [name, p] : values) {
      int to = t.TagIndex(name);
      if (to >= 0 && p > 0) t.transition_[from][to] = static_cast<float>(std::log(p));
    }
  });

  // Two passes over the lexicon: tag totals first (for P(tag)), then the entries.
  struct Row {
    std::string word;
    std::vector<std::pair<int, double>> counts;
  };
  std::vector<Row> rows;
  rows.reserve(45000);
  ForEachLine(words, [&](std::string_view line) {
    if (!ParseLine(line, &key, &values)) return;
    Row r;
    r.word = key;
    for (auto& [name, n] : values) {
      int ti = t.TagIndex(name);
      if (ti < 0 || n <= 0) continue;
      r.counts.emplace_back(ti, n);
      t.tag_total_[ti] += n;
    }
    if (!r.counts.empty()) rows.push_back(std::move(r));
  });
  double grand = 0;
  for (double n : t.tag_total_) grand += n;
  if (grand <= 0) throw std::runtime_error(dir + "/words.yml: no lexicon entries");
  for (double& n : t.tag_total_) n = n > 0 ? n / grand : 1e-6;

  t.lexicon_.reserve(rows.size());
  for (auto& r : rows) t.lexicon_.emplace(r.word, t.AddEntry(r.counts));
  ForEachLine(unknown, [&](std::string_view line) {
    if (!ParseLine(line, &key, &values)) return;
    std::vector<std::pair<int, double>> counts;
    for (auto& [name, n] : values) {
      int ti = t.TagIndex(name);
      if (ti >= 0 && n > 0) counts.emplace_back(ti, n);
    }
    if (!counts.empty()) t.unknown_.emplace(key, t.AddEntry(counts));
  });
  t.start_tag_ = t.TagIndex("pp");
  if (t.start_tag_ < 0) t.start_tag_ = 0;
  return tagger;
}

const PosTagger::Entry* PosTagger::Lookup(std::string_view word) const {
  auto it = lexicon_.find(word);
  return it == lexicon_.end() ? nullptr : &it->second;
}

const PosTagger::Entry* PosTagger::Classify(std::string_view w, bool first) const {
  auto unknown = [&](std::string_view cls) -> const Entry* {
    if (auto it = unknown_.find(cls); it != unknown_.end()) return &it->second;
    if (auto* e = Lookup(cls)) return e;
    return Lookup("-unknown-") ? Lookup("-unknown-") : nullptr;
  };
  if (w.empty()) return unknown("-unknown-");
  bool all_digits = true, has_digit = false, has_alpha = false, has_word = false;
  for (char c : w) {
    if (IsDigit(c)) has_digit = true;
    else if (c != '.' && c != ',' && c != '-' && c != '/' && c != ':') all_digits = false;
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      has_alpha = true;
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      has_word = true;
  }
  if (w.find_first_of("([{") != std::string_view::npos) return unknown("*LRB*");
  if (w.find_first_of(")]}") != std::string_view::npos) return unknown("*RRB*");
  if (has_digit && all_digits) return unknown("*NUM*");
  if (has_digit && IsDigit(w[0]) && has_alpha) return unknown("*ORD*");
  if (!has_word) return unknown("-sym-");
  bool all_caps = IsUpper(w[0]);
  for (char c : w)
    if (!(IsUpper(c) || c == '.' || c == '-')) all_caps = false;
  if (all_caps && w.size() > 1) return unknown("-abr-");
  size_t hyphen = w.find('-');
  if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < w.size()) {
    std::string_view last = w.substr(w.rfind('-') + 1);
    if (const Entry* e = Lookup(last)) {
      int jj = -1;
      for (size_t i = 0; i < lingua_tags_.size(); ++i)
        if (lingua_tags_[i] == "jj") jj = static_cast<int>(i);
      for (uint16_t k = 0; k < e->count; ++k)
        if (candidates_[e->first + k].tag == jj) return unknown("-hyp-adj-");
    }
    return unknown("-hyp-");
  }
  if (IsUpper(w[0]) && !first) return unknown("-cap-");
  if (EndsWith(w, "ing")) return unknown("-ing-");
  if (EndsWith(w, "s")) return unknown("-s-");
  if (EndsWith(w, "tion")) return unknown("-tion-");
  if (EndsWith(w, "ly")) return unknown("-ly-");
  if (EndsWith(w, "ed")) return unknown("-ed-");
  if (IsUpper(w[0])) return unknown("-cap-");
  return unknown("-unknown-");
}

void PosTagger::Tag(std::string_view sentence, std::vector<Token>& tokens) const {
  const size_t n = tokens.size();
  if (n == 0) return;
  thread_local std::vector<const Entry*> entries;
  thread_local std::vector<std::array<float, kMaxTags>> score;
  thread_local std::vector<std::array<uint8_t, kMaxTags>> back;
  thread_local std::string lower;
  entries.assign(n, nullptr);
  score.resize(n);
  back.resize(n);

  for (size_t i = 0; i < n; ++i) {
    const Token& tok = tokens[i];
    std::string_view w = sentence.substr(tok.begin, tok.end - tok.begin);
    bool ascii = true;
    for (char c : w)
      if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (!ascii) w = tok.norm;  // curly apostrophes and the like are unified in norm
    const Entry* e = Lookup(w);
    bool cap = !w.empty() && IsUpper(w[0]);
    if (!e || (i == 0 && cap)) {
      lower.assign(w);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      // A sentence's first word is capitalized by position, not because it is a name.
      if (const Entry* le = Lookup(lower); le && (i == 0 || !e)) {
        if (!(i > 0 && cap)) e = le;
        else if (!e) e = le;
      }
    }
    if (!e) e = Classify(w, i == 0);
    entries[i] = e;
  }

  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  for (size_t i = 0; i < n; ++i) {
    score[i].fill(kNeg);
    const Entry* e = entries[i];
    if (!e) continue;
    for (uint16_t k = 0; k < e->count; ++k) {
      const Candidate& c = candidates_[e->first + k];
      float best = kNeg;
      uint8_t arg = 0;
      if (i == 0) {
        best = transition_[start_tag_][c.tag];
      } else {
        const Entry* pe = entries[i - 1];
        for (uint16_t j = 0; pe && j < pe->count; ++j) {
          uint8_t pt = candidates_[pe->first + j].tag;
          float s = score[i - 1][pt] + transition_[pt][c.tag];
          if (s > best) {
            best = s;
            arg = pt;
          }
        }
      }
      score[i][c.tag] = best + c.score;
      back[i][c.tag] = arg;
    }
  }
  // Backtrack from the best final tag.
  const Entry* last = entries[n - 1];
  float best = kNeg;
  uint8_t tag = 0;
  for (uint16_t k = 0; last && k < last->count; ++k) {
    uint8_t t = candidates_[last->first + k].tag;
    if (score[n - 1][t] > best) {
      best = score[n - 1][t];
      tag = t;
    }
  }
  for (size_t i = n; i-- > 0;) {
    tokens[i].tag = penn_tags_[tag];
    tag = back[i][tag];
  }
}

}  // namespace communique::code
