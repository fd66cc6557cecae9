// Open-addressing hash tables for the matcher's hot path: words -> (id, flags) and trie edges
// (node, word) -> child, and a small Bloom filter that rules most words out before the tables are
// read. Built once at load, read-only afterwards (safe to share between threads).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace communique::dict {

inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

inline uint64_t Mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}

// A word's first and last bytes packed in two integers. With the length they identify any word
// of up to 16 bytes (longer words also need the bytes in between), so most lookups compare two
// integers instead of calling memcmp, and the hash needs no loop over the bytes.
struct WordEnds {
  uint64_t head = 0;
  uint64_t tail = 0;

  WordEnds() = default;
  [[gnu::always_inline]] explicit WordEnds(std::string_view w) {
    const char* p = w.data();
    const size_t n = w.size();
    if (n >= 8) {
      std::memcpy(&head, p, 8);
      std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      head = a | (uint64_t{b} << 32);
    } else if (n > 0) {
      head = uint64_t{static_cast<unsigned char>(p[0])} | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
             uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
    }
  }
  uint64_t Hash(size_t n) const {
    unsigned __int128 m = static_cast<unsigned __int128>(head ^ 0x9e3779b97f4a7c15ull) *
                          (tail ^ (n * 0xc2b2ae3d27d4eb4full) ^ 0x165667b19e3779f9ull);
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  }
};

// Words known to the dictionaries (with an id) or to the English lexicon (flag kCommon).
class WordTable {
 public:
  static constexpr uint32_t kNoId = UINT32_MAX;
  static constexpr uint8_t kCommon = 1;

  struct Entry {
    uint32_t id = kNoId;
    uint8_t flags = 0;
  };

  WordTable() { Rehash(1024); }
  void Reserve(size_t n) {
    size_t size = 1024;
    while (size < n * 2) size *= 2;
    if (size > slots_.size()) Rehash(size);
  }

  // Returns the entry for `w`, adding it when absent.
  Entry& Insert(std::string_view w) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    const WordEnds ends(w);
    size_t i = ends.Hash(w.size()) & mask_;
    while (slots_[i].used()) {
      if (Same(slots_[i], ends, w)) return slots_[i].entry;
      i = (i + 1) & mask_;
    }
    Slot& s = slots_[i];
    s.ends = ends;
    s.offset = static_cast<uint32_t>(arena_.size());
    s.length = static_cast<uint32_t>(w.size());
    arena_.append(w);
    ++size_;
    return s.entry;
  }

  const Entry* Find(std::string_view w) const {
    const WordEnds ends(w);
    return Find(w, ends, ends.Hash(w.size()));
  }
  // The same with the word's ends and hash already computed.
  const Entry* Find(std::string_view w, const WordEnds& ends, uint64_t hash) const {
    size_t i = hash & mask_;
    while (slots_[i].used()) {
      if (Same(slots_[i], ends, w)) return &slots_[i].entry;
      i = (i + 1) & mask_;
    }
    return nullptr;
  }
  // Calls f(word, entry) for every word.
  template <class F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (s.used()) f(std::string_view(arena_).substr(s.offset, s.length), s.entry);
  }

  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot) + arena_.capacity(); }
  // Once every word is in: the smallest table at most half full, so that more of it stays in
  // cache (Reserve sizes for an upper bound).
  void Compact() {
    size_t n = 1024;
    while (n < size_ * 2) n *= 2;
    if (n < slots_.size()) Rehash(n);
    arena_.shrink_to_fit();
  }

 private:
  static constexpr uint32_t kUnused = UINT32_MAX;
  struct Slot {  // 32 bytes: two slots per cache line
    WordEnds ends;
    uint32_t offset = kUnused;  // of the word in arena_; kUnused for an empty slot
    uint32_t length = 0;
    Entry entry;
    bool used() const { return offset != kUnused; }
  };
  bool Same(const Slot& s, const WordEnds& ends, std::string_view w) const {
    if (s.length != w.size() || s.ends.head != ends.head || s.ends.tail != ends.tail) return false;
    // Words of up to 16 bytes are identified by their ends; longer ones compare the middle.
    return w.size() <= 16 || std::memcmp(arena_.data() + s.offset + 8, w.data() + 8, w.size() - 16) == 0;
  }
  void Rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (!s.used()) continue;
      size_t i = s.ends.Hash(s.length) & mask_;
      while (slots_[i].used()) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  std::string arena_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// A set of hashes that may answer "certainly not in the set" from a small bit array (a Bloom
// filter with both bits of a key in one 64-bit word, so a query reads one word): the matcher
// skips the large word table for most words of a sentence, those that begin no phrase.
class WordFilter {
 public:
  explicit WordFilter(size_t keys = 0) {
    size_t words = 16;
    while (words * 64 < keys * 16) words *= 2;  // 16 bits per key: about 2% false positives
    words_.assign(words, 0);
    mask_ = words - 1;
  }
  void Add(uint64_t hash) { words_[hash & mask_] |= Bits(hash); }
  bool MayContain(uint64_t hash) const {
    const uint64_t b = Bits(hash);
    return (words_[hash & mask_] & b) == b;
  }
  size_t MemoryBytes() const { return words_.capacity() * sizeof(uint64_t); }

 private:
  static uint64_t Bits(uint64_t hash) { return uint64_t{1} << ((hash >> 52) & 63) | uint64_t{1} << ((hash >> 58) & 63); }
  std::vector<uint64_t> words_;
  uint64_t mask_ = 0;
};

// Trie edges: (node << 32 | word) -> child node.
class EdgeTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  EdgeTable() { Rehash(1024); }
  void Reserve(size_t n) {
    size_t size = 1024;
    while (size < n * 2) size *= 2;
    if (size > slots_.size()) Rehash(size);
  }

  uint32_t Find(uint64_t key) const {
    size_t i = Mix(key) & mask_;
    while (slots_[i].child != kNone) {
      if (slots_[i].key == key) return slots_[i].child;
      i = (i + 1) & mask_;
    }
    return kNone;
  }
  void Insert(uint64_t key, uint32_t child) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    size_t i = Mix(key) & mask_;
    while (slots_[i].child != kNone) {
      if (slots_[i].key == key) { slots_[i].child = child; return; }
      i = (i + 1) & mask_;
    }
    slots_[i] = {key, child};
    ++size_;
  }
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }
  // Once every edge is in: the smallest table at most 5/8 full (16-byte slots, four per cache
  // line, keep probe sequences short at that load).
  void Compact() {
    size_t n = 1024;
    while (n * 5 < size_ * 8) n *= 2;
    if (n < slots_.size()) Rehash(n);
  }
  // Calls f(key, child) for every edge.
  template <class F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (s.child != kNone) f(s.key, s.child);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t child = kNone;
  };
  void Rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.child == kNone) continue;
      size_t i = Mix(s.key) & mask_;
      while (slots_[i].child != kNone) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace communique::dict
