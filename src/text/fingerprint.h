// Stable 64-bit fingerprints of text: event ids, document content hashes and shingle hashes must
// be identical across runs, machines and releases, so they use FNV-1a rather than std::hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace communique::text {

inline constexpr uint64_t kFnvOffset = 1469598103934665603ULL;

// FNV-1a over the bytes of `s`, continuing from `h` (chain calls to hash several parts).
inline uint64_t Fingerprint(std::string_view s, uint64_t h = kFnvOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// 16 lower-case hex digits.
inline std::string Hex64(uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = kHex[v & 15];
  return s;
}

}  // namespace communique::text
