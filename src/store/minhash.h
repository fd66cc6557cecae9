// Near-duplicate detection for documents: word shingles, MinHash signatures and LSH bands.
//
// In: a document's article text. Out: a signature whose agreement with another signature
// estimates the Jaccard similarity of their shingle sets, and band keys that make candidate
// lookup an index probe. The threshold is measured in docs/store.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace communique::store {

inline constexpr int kMinHashSize = 128;
inline constexpr int kBands = 32;  // 32 bands x 4 rows: candidates from ~0.42 similarity up
inline constexpr int kShingleWords = 5;
// Documents whose estimated Jaccard similarity is at least this are the same story
// (measured on the seed variants: see docs/store.md and tests/store/dedup_test.cc).
inline constexpr double kDuplicateThreshold = 0.5;

using MinHash = std::vector<uint32_t>;

// Lower-cased alphanumeric words of `text` (Unicode letters kept as bytes).
std::vector<std::string_view> ShingleWords(std::string_view text, std::string& buffer);
// Hashes of the k-word shingles of `text`.
std::vector<uint64_t> Shingles(std::string_view text);
MinHash ComputeMinHash(std::string_view text);
double EstimateJaccard(const MinHash& a, const MinHash& b);
double ExactJaccard(std::string_view a, std::string_view b);
// One key per band (band index mixed in), for the candidate index.
std::vector<int64_t> BandKeys(const MinHash& m);
std::string EncodeMinHash(const MinHash& m);
MinHash DecodeMinHash(std::string_view hex);

}  // namespace communique::store
