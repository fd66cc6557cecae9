// PosTagger: loads the liblingua-en-tagger-perl statistics and tags sentences with Viterbi.
// Input: YAML files of the simple flow-mapping form `"word": { tag: count, ... }`; output: Penn
// Treebank tags on Tokens.
#include "code/tagger.h"

#include <sys/mman.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

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

uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
uint64_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// 64x64 -> 128-bit multiply folded to 64 bits: one multiply mixes every input bit.
uint64_t Fold(uint64_t a, uint64_t b) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}
// Whether any byte of `s` is outside ASCII, a word at a time.
bool HasNonAscii(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  if (n >= 8) {
    uint64_t bits = Load64(p + n - 8);
    for (size_t i = 0; i + 8 < n; i += 8) bits |= Load64(p + i);
    return (bits & 0x8080808080808080ull) != 0;
  }
  if (n >= 4) return ((Load32(p) | Load32(p + n - 4)) & 0x80808080u) != 0;
  if (n == 0) return false;
  return ((p[0] | p[n >> 1] | p[n - 1]) & 0x80) != 0;
}

// a[0, n) == b[0, n) for n <= 16 without a call to memcmp: (overlapping) word loads.
bool SameShortBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) return Load64(a) == Load64(b) && Load64(a + n - 8) == Load64(b + n - 8);
  if (n >= 4) return Load32(a) == Load32(b) && Load32(a + n - 4) == Load32(b + n - 4);
  if (n == 0) return true;
  return a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1];
}
constexpr uint64_t kK0 = 0xa0761d6478bd642full, kK1 = 0xe7037ed1a0b428dbull;

}  // namespace

// Words are short: up to 16 bytes are read as two (overlapping) loads, no per-byte loop.
inline uint64_t PosTagger::WordTable::Hash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t a = 0, b = 0, h = 0;
  if (n >= 8) {
    while (n > 16) {
      h = Fold(Load64(p) ^ kK0, Load64(p + 8) ^ kK1 ^ h);
      p += 16;
      n -= 16;
    }
    // 1..16 bytes remain, and at least 8 bytes of the word end here.
    if (n > 8) {
      a = Load64(p);
      b = Load64(p + n - 8);
    } else {
      a = Load64(p + n - 8);
    }
  } else if (n >= 4) {
    a = Load32(p);
    b = Load32(p + n - 4);
  } else if (n > 0) {
    a = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8 |
        static_cast<unsigned char>(p[n - 1]);
  }
  return Fold(a ^ kK0 ^ h, b ^ kK1 ^ s.size());
}

void* PosTagger::AllocateHuge(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  bytes = (bytes + kHuge - 1) / kHuge * kHuge;
  void* memory = std::aligned_alloc(kHuge, bytes);
  if (!memory) throw std::bad_alloc();
  madvise(memory, bytes, MADV_HUGEPAGE);  // advice only: without it the table works on 4 KB pages
  return memory;
}

void PosTagger::FreeHuge(void* p) { std::free(p); }

void PosTagger::WordTable::Build(const std::vector<std::pair<std::string, Entry>>& words) {
  size_t n = 1024;
  while (n < words.size() * 2) n *= 2;  // load factor <= 1/2: probes stay short
  slots_.assign(n, Slot{});
  mask_ = n - 1;
  size_ = 0;
  arena_.clear();
  for (const auto& [word, entry] : words) {
    if (entry.count == 0 || Find(word)) continue;  // the first entry for a word wins
    uint64_t h = Hash(word);
    size_t i = h & mask_;
    while (slots_[i].entry.count != 0) i = (i + 1) & mask_;
    Slot& s = slots_[i];
    s.hash = static_cast<uint32_t>(h >> 32);
    s.length = static_cast<uint32_t>(word.size());
    s.entry = entry;
    if (word.size() <= kInline) {
      std::memcpy(s.text, word.data(), word.size());
    } else {
      uint32_t offset = static_cast<uint32_t>(arena_.size());
      std::memcpy(s.text, &offset, sizeof offset);
      arena_.append(word);
    }
    ++size_;
  }
}

inline const PosTagger::Entry* PosTagger::WordTable::Find(std::string_view word, uint64_t h) const {
  if (slots_.empty()) return nullptr;
  uint32_t check = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.entry.count == 0) return nullptr;
    if (s.hash != check || s.length != word.size()) continue;
    const char* text = s.text;
    if (s.length > kInline) {
      uint32_t offset;
      std::memcpy(&offset, s.text, sizeof offset);
      text = arena_.data() + offset;
    }
    if (s.length > kInline ? std::memcmp(text, word.data(), word.size()) == 0
                           : SameShortBytes(text, word.data(), word.size()))
      return &s.entry;
  }
}

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

  // Frequent words' candidates first: running text is mostly such words, and their candidates
  // then share few cache lines.
  std::vector<double> frequency(rows.size(), 0);
  std::vector<size_t> by_frequency(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    for (auto& [tag, n] : rows[r].counts) frequency[r] += n;
    by_frequency[r] = r;
  }
  std::stable_sort(by_frequency.begin(), by_frequency.end(),
                   [&](size_t a, size_t b) { return frequency[a] > frequency[b]; });
  std::vector<Entry> entries(rows.size());
  for (size_t r : by_frequency) entries[r] = t.AddEntry(rows[r].counts);
  std::vector<std::pair<std::string, Entry>> lexicon;
  lexicon.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) lexicon.emplace_back(std::move(rows[r].word), entries[r]);
  t.lexicon_.Build(lexicon);  // file order: the first line for a word wins
  std::vector<std::pair<std::string, Entry>> classes;
  ForEachLine(unknown, [&](std::string_view line) {
    if (!ParseLine(line, &key, &values)) return;
    std::vector<std::pair<int, double>> counts;
    for (auto& [name, n] : values) {
      int ti = t.TagIndex(name);
      if (ti >= 0 && n > 0) counts.emplace_back(ti, n);
    }
    if (!counts.empty()) classes.emplace_back(key, t.AddEntry(counts));
  });
  // A class's entry: unknown.yml first, then the lexicon (which has *NUM*, *LRB*, ...), then the
  // lexicon's -unknown-, then unknown.yml's.
  static constexpr std::string_view kClassNames[kClassCount] = {
      "*LRB*", "*RRB*", "*NUM*", "*ORD*", "-sym-", "-abr-", "-hyp-adj-", "-hyp-",
      "-cap-", "-ing-", "-s-",   "-tion-", "-ly-", "-ed-", "-unknown-"};
  auto resolve = [&](std::string_view name) -> const Entry* {
    for (auto& [k, e] : classes)
      if (k == name) return &e;
    if (const Entry* e = t.Lookup(name)) return e;
    return t.Lookup("-unknown-");
  };
  for (int c = 0; c < kClassCount; ++c) {
    const Entry* e = resolve(kClassNames[c]);
    if (!e) e = resolve("-unknown-");
    if (!e) {
      for (auto& [k, entry] : classes)
        if (k == "-unknown-") e = &entry;
    }
    if (!e) throw std::runtime_error(dir + "/unknown.yml: no -unknown- class");
    t.unknown_[c] = *e;
  }
  for (int from = 0; from < kMaxTags; ++from)
    for (int to = 0; to < kMaxTags; ++to) t.transition_into_[to][from] = t.transition_[from][to];
  t.candidates_.shrink_to_fit();  // one final allocation, on huge pages
  t.start_tag_ = t.TagIndex("pp");
  if (t.start_tag_ < 0) t.start_tag_ = 0;
  for (size_t i = 0; i < t.lingua_tags_.size(); ++i)
    if (t.lingua_tags_[i] == "jj") t.jj_tag_ = static_cast<int>(i);
  return tagger;
}

const PosTagger::Entry* PosTagger::Classify(std::string_view w, bool first) const {
  auto unknown = [&](UnknownClass c) { return &unknown_[c]; };
  if (w.empty()) return unknown(kUnknown);
  // One pass for every character test (ASCII classes: the tagger runs in the "C" locale).
  bool all_digits = true, has_digit = false, has_alpha = false, has_word = false;
  bool has_lrb = false, has_rrb = false, all_caps = IsUpper(w[0]);
  for (char ch : w) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool digit = IsDigit(ch);
    const bool alpha = static_cast<unsigned>((c | 0x20) - 'a') < 26u || c >= 0x80;
    has_digit |= digit;
    if (!digit && c != '.' && c != ',' && c != '-' && c != '/' && c != ':') all_digits = false;
    has_alpha |= alpha;
    has_word |= alpha || digit;
    has_lrb |= c == '(' || c == '[' || c == '{';
    has_rrb |= c == ')' || c == ']' || c == '}';
    if (!(IsUpper(ch) || c == '.' || c == '-')) all_caps = false;
  }
  if (has_lrb) return unknown(kLrb);
  if (has_rrb) return unknown(kRrb);
  if (has_digit && all_digits) return unknown(kNum);
  if (has_digit && IsDigit(w[0]) && has_alpha) return unknown(kOrd);
  if (!has_word) return unknown(kSym);
  if (all_caps && w.size() > 1) return unknown(kAbr);
  size_t hyphen = w.find('-');
  if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < w.size()) {
    std::string_view last = w.substr(w.rfind('-') + 1);
    if (const Entry* e = Lookup(last)) {
      for (uint16_t k = 0; k < e->count; ++k)
        if (candidates_[e->first + k].tag == jj_tag_) return unknown(kHypAdj);
    }
    return unknown(kHyp);
  }
  if (IsUpper(w[0]) && !first) return unknown(kCap);
  if (EndsWith(w, "ing")) return unknown(kIng);
  if (EndsWith(w, "s")) return unknown(kS);
  if (EndsWith(w, "tion")) return unknown(kTion);
  if (EndsWith(w, "ly")) return unknown(kLy);
  if (EndsWith(w, "ed")) return unknown(kEd);
  if (IsUpper(w[0])) return unknown(kCap);
  return unknown(kUnknown);
}

void PosTagger::Tag(std::string_view sentence, std::vector<Token>& tokens) const {
  const size_t n = tokens.size();
  if (n == 0) return;
  // Per-thread buffers reused across sentences: no allocation once they have grown.
  struct Buffers {
    std::vector<std::string_view> words;
    std::vector<uint64_t> hashes;
    std::vector<Entry> entries;     // each token's candidates
    std::vector<uint32_t> offset;   // each token's first slot in score and back
    std::vector<float> score;       // best path score ending in each candidate
    std::vector<uint8_t> back;      // that path's candidate index at the previous token
    std::string lower;
  };
  thread_local Buffers buffers;
  Buffers& b = buffers;
  b.words.resize(n);
  b.hashes.resize(n);
  b.entries.resize(n);
  b.offset.resize(n);

  // Hash every word first and prefetch its slot, so the lexicon's cache misses overlap.
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = tokens[i];
    std::string_view w = sentence.substr(tok.begin, tok.end - tok.begin);
    if (HasNonAscii(w)) w = tok.norm;  // curly apostrophes and the like are unified in norm
    b.words[i] = w;
    b.hashes[i] = WordTable::Hash(w);
    lexicon_.Prefetch(b.hashes[i]);
  }
  uint32_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = b.words[i];
    const Entry* e = lexicon_.Find(w, b.hashes[i]);
    // A sentence's first word is capitalized by position, not because it is a name: it and words
    // missing from the lexicon are looked up lower-cased.
    if (!e || (i == 0 && !w.empty() && IsUpper(w[0]))) {
      char local[64];
      char* lower = local;
      if (w.size() > sizeof local) {
        b.lower.resize(w.size());
        lower = b.lower.data();
      }
      bool changed = false;
      for (size_t k = 0; k < w.size(); ++k) {
        const char c = w[k];
        changed |= IsUpper(c);
        lower[k] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
      }
      if (changed) {
        if (const Entry* le = Lookup(std::string_view(lower, w.size()))) e = le;
      }
    }
    if (!e) e = Classify(w, i == 0);
    __builtin_prefetch(&candidates_[e->first]);
    b.entries[i] = *e;
    b.offset[i] = total;
    total += e->count;
  }
  b.score.resize(total);
  b.back.resize(total);

  // Viterbi over each token's own candidates only.
  {
    const Entry& e = b.entries[0];
    const Candidate* cur = &candidates_[e.first];
    const auto& from_start = transition_[start_tag_];
    for (uint16_t k = 0; k < e.count; ++k) {
      b.score[k] = from_start[cur[k].tag] + cur[k].score;
      b.back[k] = 0;
    }
  }
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  for (size_t i = 1; i < n; ++i) {
    const Entry& pe = b.entries[i - 1];
    const Entry& e = b.entries[i];
    const Candidate* prev = &candidates_[pe.first];
    const Candidate* cur = &candidates_[e.first];
    const float* prev_score = &b.score[b.offset[i - 1]];
    float* score = &b.score[b.offset[i]];
    uint8_t* back = &b.back[b.offset[i]];
    if (pe.count == 1) {  // most words have one tag: no choice to make
      const float from = prev_score[0];
      const auto& row = transition_[prev[0].tag];
      for (uint16_t k = 0; k < e.count; ++k) {
        score[k] = (from + row[cur[k].tag]) + cur[k].score;
        back[k] = 0;
      }
      continue;
    }
    for (uint16_t k = 0; k < e.count; ++k) {
      const auto& into = transition_into_[cur[k].tag];
      float best = kNeg;
      uint8_t arg = 0;
      for (uint16_t j = 0; j < pe.count; ++j) {
        float s = prev_score[j] + into[prev[j].tag];
        if (s > best) {
          best = s;
          arg = static_cast<uint8_t>(j);
        }
      }
      score[k] = best + cur[k].score;
      back[k] = arg;
    }
  }
  // Backtrack from the best final candidate.
  const float* last = &b.score[b.offset[n - 1]];
  float best = kNeg;
  uint8_t k = 0;
  for (uint16_t j = 0; j < b.entries[n - 1].count; ++j) {
    if (last[j] > best) {
      best = last[j];
      k = static_cast<uint8_t>(j);
    }
  }
  for (size_t i = n; i-- > 0;) {
    tokens[i].tag = penn_tags_[candidates_[b.entries[i].first + k].tag];
    k = b.back[b.offset[i] + k];
  }
}

}  // namespace communique::code
