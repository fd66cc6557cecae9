// Shingles and MinHash: see minhash.h. The hash family is h_i(x) = mix(x ^ seed_i), a 64-bit
// finalizer, which is cheap and independent enough for 128 permutations.
#include "store/minhash.h"

#include "text/fingerprint.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace communique::store {
namespace {

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}


const std::vector<uint64_t>& Seeds() {
  static const std::vector<uint64_t> seeds = [] {
    std::vector<uint64_t> s(kMinHashSize);
    uint64_t x = 0x9e3779b97f4a7c15ULL;
    for (auto& v : s) v = x = Mix(x + 0x9e3779b97f4a7c15ULL);
    return s;
  }();
  return seeds;
}

}  // namespace

std::vector<std::string_view> ShingleWords(std::string_view text, std::string& buffer) {
  buffer.clear();
  buffer.reserve(text.size());
  std::vector<std::pair<size_t, size_t>> spans;
  size_t start = std::string::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    bool word = std::isalnum(c) || c >= 0x80;
    if (word) {
      if (start == std::string::npos) start = buffer.size();
      buffer += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else if (start != std::string::npos) {
      spans.emplace_back(start, buffer.size() - start);
      start = std::string::npos;
    }
  }
  std::vector<std::string_view> words;
  words.reserve(spans.size());
  for (auto [b, n] : spans) words.emplace_back(std::string_view(buffer).substr(b, n));
  return words;
}

std::vector<uint64_t> Shingles(std::string_view text) {
  std::string buffer;
  auto words = ShingleWords(text, buffer);
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  const size_t k = std::min<size_t>(kShingleWords, words.size());
  out.reserve(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t j = 0; j < k; ++j) h = text::Fingerprint(words[i + j], h) * 31 + 7;
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

MinHash ComputeMinHash(std::string_view text) {
  MinHash m(kMinHashSize, UINT32_MAX);
  const auto& seeds = Seeds();
  for (uint64_t s : Shingles(text)) {
    for (int i = 0; i < kMinHashSize; ++i) {
      uint32_t h = static_cast<uint32_t>(Mix(s ^ seeds[i]) >> 32);
      if (h < m[i]) m[i] = h;
    }
  }
  return m;
}

double EstimateJaccard(const MinHash& a, const MinHash& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  int same = 0, empty = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == UINT32_MAX && b[i] == UINT32_MAX) ++empty;
    else if (a[i] == b[i]) ++same;
  }
  if (empty == static_cast<int>(a.size())) return 0;  // two empty texts are not a story
  return static_cast<double>(same) / static_cast<double>(a.size());
}

double ExactJaccard(std::string_view a, std::string_view b) {
  auto sa = Shingles(a), sb = Shingles(b);
  if (sa.empty() || sb.empty()) return 0;
  std::vector<uint64_t> inter;
  std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(inter));
  return static_cast<double>(inter.size()) /
         static_cast<double>(sa.size() + sb.size() - inter.size());
}

std::vector<int64_t> BandKeys(const MinHash& m) {
  std::vector<int64_t> keys;
  const int rows = kMinHashSize / kBands;
  bool all_empty = std::all_of(m.begin(), m.end(), [](uint32_t v) { return v == UINT32_MAX; });
  if (all_empty) return keys;
  for (int b = 0; b < kBands; ++b) {
    uint64_t h = Mix(static_cast<uint64_t>(b) + 1);
    for (int r = 0; r < rows; ++r) h = Mix(h ^ m[b * rows + r]);
    keys.push_back(static_cast<int64_t>(h >> 1));  // non-negative: fits BIGINT everywhere
  }
  return keys;
}

std::string EncodeMinHash(const MinHash& m) {
  static const char* hex = "0123456789abcdef";
  std::string s;
  s.reserve(m.size() * 8);
  for (uint32_t v : m)
    for (int sh = 28; sh >= 0; sh -= 4) s += hex[(v >> sh) & 15];
  return s;
}

MinHash DecodeMinHash(std::string_view hex) {
  MinHash m;
  if (hex.size() % 8) return m;
  for (size_t i = 0; i < hex.size(); i += 8) {
    uint32_t v = 0;
    for (size_t j = 0; j < 8; ++j) {
      char c = hex[i + j];
      v = (v << 4) | static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    m.push_back(v);
  }
  return m;
}

}  // namespace communique::store
