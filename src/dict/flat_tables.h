// Open-addressing hash tables for the matcher's hot path: words -> (id, flags) and trie edges
// (node, word) -> child. Built once at load, read-only afterwards (safe to share between threads).
#pragma once

#include <cstdint>
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
    uint64_t h = HashBytes(w);
    size_t i = h & mask_;
    while (slots_[i].used) {
      if (slots_[i].hash == h && View(slots_[i]) == w) return slots_[i].entry;
      i = (i + 1) & mask_;
    }
    Slot& s = slots_[i];
    s.used = true;
    s.hash = h;
    s.offset = static_cast<uint32_t>(arena_.size());
    s.length = static_cast<uint32_t>(w.size());
    arena_.append(w);
    ++size_;
    return s.entry;
  }

  const Entry* Find(std::string_view w) const {
    uint64_t h = HashBytes(w);
    size_t i = h & mask_;
    while (slots_[i].used) {
      if (slots_[i].hash == h && View(slots_[i]) == w) return &slots_[i].entry;
      i = (i + 1) & mask_;
    }
    return nullptr;
  }

  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot) + arena_.capacity(); }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t length = 0;
    Entry entry;
    bool used = false;
  };
  std::string_view View(const Slot& s) const { return std::string_view(arena_).substr(s.offset, s.length); }
  void Rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  std::string arena_;
  size_t mask_ = 0;
  size_t size_ = 0;
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

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t child = kNone;
  };
  void Rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.child != kNone) Insert(s.key, s.child);
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace communique::dict
