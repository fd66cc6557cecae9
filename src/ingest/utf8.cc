// UTF-8 validation and repair with an offset map, and the "is this binary?" test that keeps
// junk files from reaching the cleaner.
#include <cstring>

#include "ingest/internal.h"

namespace communique::ingest {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when ill-formed (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF).
inline size_t SequenceLength(const unsigned char* s, size_t i, size_t n) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;
    if (c == 0xED && c1 > 0x9F) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    return 4;
  }
  return 0;
}

inline bool AsciiBlock(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return (v & 0x8080808080808080ull) == 0;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view sv) {
  const auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  size_t n = sv.size(), i = 0;
  while (i < n) {
    // ASCII runs 32 bytes at a time: most news text is mostly ASCII.
    while (i + 32 <= n) {
      uint64_t a, b, c, d;
      std::memcpy(&a, s + i, 8);
      std::memcpy(&b, s + i + 8, 8);
      std::memcpy(&c, s + i + 16, 8);
      std::memcpy(&d, s + i + 24, 8);
      if (((a | b | c | d) & 0x8080808080808080ull) != 0) break;
      i += 32;
    }
    if (i + 8 <= n && AsciiBlock(s + i)) {
      i += 8;
      continue;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len = SequenceLength(s, i, n);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t AppendRepairedUtf8(std::string_view sv, uint32_t base, std::string* out,
                          std::vector<uint32_t>* map) {
  const auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  size_t n = sv.size(), i = 0, bad = 0;
  out->reserve(out->size() + n);
  if (map) map->reserve(map->size() + n);
  while (i < n) {
    size_t len = SequenceLength(s, i, n);
    if (len == 0) {
      // One U+FFFD per maximal ill-formed prefix: skip continuation bytes that follow a bad lead.
      size_t j = i + 1;
      while (j < n && j - i < 4 && (s[j] & 0xC0) == 0x80) ++j;
      out->append("\xEF\xBF\xBD");
      if (map) map->insert(map->end(), 3, base + static_cast<uint32_t>(i));
      i = j;
      ++bad;
      continue;
    }
    out->append(sv.data() + i, len);
    if (map)
      for (size_t k = 0; k < len; ++k) map->push_back(base + static_cast<uint32_t>(i + k));
    i += len;
  }
  return bad;
}

bool LooksBinary(std::string_view sv, size_t* where) {
  const auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  size_t n = sv.size();
  size_t control = 0, invalid = 0, first = std::string_view::npos;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c == 0) {
      *where = i;
      return true;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) {
      if (first == std::string_view::npos) first = i;
      ++control;
      ++i;
      continue;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = SequenceLength(s, i, n);
    if (len == 0) {
      if (first == std::string_view::npos) first = i;
      ++invalid;
      ++i;
    } else {
      i += len;
    }
  }
  // A few stray bytes are damage to repair; a large share means this is not text.
  bool binary = (control + invalid) * 10 > n + 100;
  if (binary) *where = first;
  return binary;
}

}  // namespace communique::ingest
